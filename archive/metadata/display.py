"""A title to show for a source that states none: its first words in square brackets.

GOST R 7.0.100-2018 (4.3) has a cataloguer devise the title of an untitled resource and set
it in square brackets: ``[Казахстанские военнослужащие продолжают нести службу…]``. Facets
and pages show it instead of nothing; it is offered as the ``display_title`` candidate of
origin ``inferred``, never as the work's ``title``, so a stated title always replaces it and
the metadata still says the work has no title of its own. Citations devise theirs by the
same rule (``archive.cite.devised_title``).
"""

from __future__ import annotations

import re

from ..models import Candidate, Segmentation

INFERRED = 10
MAX_WORDS = 12
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s")


def bracketed(text: str | None, untitled: str, max_words: int = MAX_WORDS) -> str:
    """``[First sentence up to max_words…]`` of ``text``; ``[untitled]`` without text."""
    flat = " ".join((text or "").split())
    if not flat:
        return f"[{untitled}]"
    first = _SENTENCE_END.split(flat, maxsplit=1)[0].rstrip(".!?… ")
    words = first.split()
    short = " ".join(words[:max_words])
    return f"[{short}…]" if len(words) > max_words else f"[{short}]"


def display_title(seg: Segmentation, found: list[Candidate]) -> list[Candidate]:
    """The devised title of a text whose candidates state no title, from its first body
    paragraph (as citations take it)."""
    if any(c.field == "title" for c in found):
        return []
    first = next((b.text for b in seg.blocks if b.role == "body"), None)
    if first is None:
        return []
    return [Candidate("display_title", bracketed(first, "Untitled"), "inferred",
                      detail="first words of the text", priority=INFERRED)]
