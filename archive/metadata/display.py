"""The devised title of a source that states none (``archive.devised``), as a candidate.

It is offered as the ``display_title`` candidate of origin ``inferred``, never as the work's
``title``, so a stated title always replaces it and the metadata still says the work has no
title of its own. Facets and pages show it instead of nothing.
"""

from __future__ import annotations

from ..devised import DETAIL, ORIGIN, PRIORITY, bracketed
from ..models import Candidate, Segmentation


def display_title(seg: Segmentation, found: list[Candidate]) -> list[Candidate]:
    """The devised title of a text whose candidates state no title, from its first body
    paragraph (as citations take it)."""
    if any(c.field == "title" for c in found):
        return []
    first = next((b.text for b in seg.blocks if b.role == "body"), None)
    if first is None:
        return []
    return [Candidate("display_title", bracketed(first), ORIGIN, detail=DETAIL,
                      priority=PRIORITY)]
