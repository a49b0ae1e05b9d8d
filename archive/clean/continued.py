"""Continuation labels: the small notes a typesetter prints where a block breaks over a page.

Documentation tools print a label under the part of a code listing that a page break cuts
off ("continues on next page") and another over its rest on the next page ("continued from
previous page"). Such a label is the last line of its page's text, or the first, once the
running heads and feet are out; it is set smaller than the running text, sits right beside
the code it announces or against the right edge of the text, and the same words come back
wherever a block breaks. A label is kept as an artifact, never read as part of the text.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Final

from archive.clean.marks import Furniture, text_size
from archive.models import Line

_MAX_LABEL = 60  # characters: a label is a short note
_SMALLER = 0.5  # points below the running text's size
_RIGHT_EDGE = 2.0  # points between a right-aligned label's end and the text's right edge

KIND: Final = "continuation"


def continuation_labels(
    lines: tuple[Line, ...], found: dict[int, Furniture]
) -> dict[int, Furniture]:
    """Labels at the edges of each page's text that recur on two pages or more, or that
    stand under a listing at a page's foot and over its rest at the next page's head."""
    body_size = text_size(lines)
    if body_size is None:
        return {}
    by_page: dict[int, list[int]] = defaultdict(list)
    for i, ln in enumerate(lines):
        if i not in found and ln.y0 is not None and ln.kind != "figure" and ln.text.strip():
            by_page[ln.page].append(i)
    shaped: dict[tuple[str, str], dict[int, int]] = defaultdict(dict)
    at_code: dict[tuple[str, int], int] = {}  # labels beside code, by edge and page
    edges = [(where, i, inner, members) for members in by_page.values()
             for where, i, inner in _text_edges(lines, members)]
    for where, i, inner, members in edges:
        beside_code = lines[inner].kind == "code"
        if _label_shape(lines[i], body_size) and (
                beside_code or _flush_right(lines, i, members)):
            # The same words exactly: "Listing 3" and "Listing 4" are two captions.
            shaped[(where, _words(lines[i]))][lines[i].page] = i
            if beside_code:
                at_code[(where, lines[i].page)] = i
    said = {key for key, pages in shaped.items() if len(pages) >= 2}
    # A label read into the listing's own lines (a typewriter line by its frame) says what
    # the others say, where they stand.
    labels = {i for where, i, _, _ in edges if (where, _words(lines[i])) in said
              and _label_shape(lines[i], body_size, code=True)}
    # A listing broken once in the document: the label under its first part and the one
    # over its rest, on the next page, each beside the code.
    for (where, page), i in at_code.items():
        if where == "bottom" and ("top", page + 1) in at_code:
            labels |= {i, at_code[("top", page + 1)]}
    return {i: Furniture(i, KIND, None) for i in sorted(labels)}


def _text_edges(lines: tuple[Line, ...], members: list[int]) -> list[tuple[str, int, int]]:
    """A page's first and last line of text, each with the line next to it inside the text.

    ``members`` are the page's lines of text: furniture already found and the text of
    figures are not part of it.
    """
    if len(members) < 2:
        return []
    rows = sorted(members, key=lambda i: (lines[i].y0 or 0.0, lines[i].x0 or 0.0))
    return [("top", rows[0], rows[1]), ("bottom", rows[-1], rows[-2])]


def _words(ln: Line) -> str:
    return " ".join(ln.text.casefold().split())


def _label_shape(ln: Line, body_size: float, code: bool = False) -> bool:
    """Short, with letters, not code itself (unless ``code``), and smaller than the running
    text."""
    s = ln.text.strip()
    if len(s) > _MAX_LABEL or not any(ch.isalpha() for ch in s) or (
            ln.kind == "code" and not code):
        return False
    return ln.size is not None and ln.size <= body_size - _SMALLER


def _flush_right(lines: tuple[Line, ...], i: int, members: list[int]) -> bool:
    """The line starts right of its page's middle and ends at the page's right text edge
    (code lines may run into the margin, so they do not set the edge)."""
    ln = lines[i]
    left = min(lines[j].x0 or 0.0 for j in members)
    right = max((lines[j].x1 or 0.0 for j in members if lines[j].kind != "code"), default=0.0)
    return (ln.x0 or 0.0) > (left + right) / 2 and abs((ln.x1 or 0.0) - right) <= _RIGHT_EDGE
