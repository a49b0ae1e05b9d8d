"""The paragraph-boundary rules of a reference list (see ``archive.segment.breaks``): GOST's
dash wrapped to a line's start, an entry's hanging indent, an entry after a one-line entry,
and a translated title after the list."""

from __future__ import annotations

from archive import lineshapes as pt
from archive.clean import CleanLine
from archive.segment.boundary import Boundary
from archive.segment.shapes import entry_like, entry_start, indented, marked_names


def gost_dash(b: Boundary) -> bool | None:
    """GOST's `` – `` separator wrapped to the start of a line inside a reference."""
    return False if b.in_refs and b.cur.text[:1] in "-–—" else None


def title_after_references(b: Boundary) -> bool | None:
    """A translated title after the references, above its author line."""
    if b.in_refs and pt.ends_clause(b.prev.text) and b.nxt is not None and marked_names(
            b.nxt.text):
        return True
    return None


def inside_reference(b: Boundary) -> bool | None:
    """A line in a reference's hanging indent, or not shaped like an entry's start, goes
    on with the entry."""
    if b.in_refs and not entry_start(b.cur, b.prev, b.prev_is_first):
        return False
    return None


def _opens_next_column(b: Boundary, nxt: CleanLine) -> bool:
    """The first line of a column (or page) whose next line hangs under it opens an entry,
    whatever the line before it, at the foot of the column before, was: the hanging
    indent of entries that end with no full stop (``AJ, 73, 456`` ⏎ ``Kron, G. E., …``)
    says where each begins."""
    a, c, n = b.prev.line, b.cur.line, nxt.line
    return (
        a.x0 is not None and c.x0 is not None and n.x0 is not None
        and (a.column != c.column or a.page != c.page)
        and n.page == c.page and n.column == c.column
        and entry_like(b.cur.text) and indented(b.cur, nxt)
    )


def _back_from_hang(b: Boundary) -> bool:
    """A line back at the margin after an entry's hanging line opens the next entry, full
    stop or none (``… 1968,`` ⏎ ``  AJ, 73, 456`` ⏎ ``Kron, G. E., …``)."""
    return (not b.prev_is_first and b.cur.line.x0 is not None and indented(b.cur, b.prev)
            and entry_like(b.cur.text))


def next_entry(b: Boundary) -> bool | None:
    """In a reference list set with hanging indents, a line flush with the entry's first
    line, whose own next line hangs under it, opens the next entry: the entry before it
    took one full line (on another page too, where the gap between them is lost). Both read
    as entries; prose about references under their heading is no list."""
    prev, cur, nxt = b.prev, b.cur, b.nxt
    if not b.in_refs or nxt is None:
        return None
    if _opens_next_column(b, nxt) or _back_from_hang(b):
        return True
    if not (b.prev_is_first and entry_like(prev.text) and entry_like(cur.text)):
        return None
    a, c = prev.line, cur.line
    if a.x0 is None or c.x0 is None or a.column != c.column or abs(c.x0 - a.x0) > 1.0:
        return None
    return True if nxt.line.page == c.page and indented(cur, nxt) else None
