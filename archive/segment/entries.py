"""The paragraph-boundary rules of a reference list (see ``archive.segment.breaks``): GOST's
dash wrapped to a line's start, an entry's hanging indent, an entry after a one-line entry,
and a translated title after the list."""

from __future__ import annotations

from archive import lineshapes as pt
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


def next_entry(b: Boundary) -> bool | None:
    """In a reference list set with hanging indents, a line flush with the entry's first
    line, whose own next line hangs under it, opens the next entry: the entry before it
    took one full line (on another page too, where the gap between them is lost). Both read
    as entries; prose about references under their heading is no list."""
    prev, cur, nxt = b.prev, b.cur, b.nxt
    if not (b.in_refs and b.prev_is_first and nxt is not None):
        return None
    if not (entry_like(prev.text) and entry_like(cur.text)):
        return None
    a, c = prev.line, cur.line
    if a.x0 is None or c.x0 is None or a.column != c.column or abs(c.x0 - a.x0) > 1.0:
        return None
    return True if nxt.line.page == c.page and indented(cur, nxt) else None
