"""A title to show for a source that states none: its first words in square brackets.

GOST R 7.0.100-2018 (4.3) has a cataloguer devise the title of an untitled resource and set
it in square brackets: ``[Казахстанские военнослужащие продолжают нести службу…]``. One rule
for every layer that needs it: the metadata stage offering it at ingest
(``archive.metadata.display``), citations devising theirs (``archive.cite.devised_title``)
and the migration that gives it to sources stored before it existed (``store.schema``).
"""

from __future__ import annotations

import re

from .origins import Origin

MAX_WORDS = 12
UNTITLED = "Untitled"
# How a devised title is recorded among a source's metadata values.
ORIGIN = Origin.INFERRED
PRIORITY = 10
DETAIL = "first words of the text"
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s")


def bracketed(text: str | None, untitled: str = UNTITLED, max_words: int = MAX_WORDS) -> str:
    """``[First sentence up to max_words…]`` of ``text``; ``[untitled]`` without text."""
    flat = " ".join((text or "").split())
    if not flat:
        return f"[{untitled}]"
    first = _SENTENCE_END.split(flat, maxsplit=1)[0].rstrip(".!?… ")
    words = first.split()
    short = " ".join(words[:max_words])
    return f"[{short}…]" if len(words) > max_words else f"[{short}]"
