"""The rules that open a list's items: a marker, an outline's next number, a term set apart
in bold or typewriter, a term and its description after a dash, an index's entry; and the
one that keeps a line set under a bulleted item's text with its item; and the one that ends
an item (or a block set in) at a line set left of it after a gap.

Each is a rule of ``archive.segment.breaks.RULES``: it decides the boundary or passes it on.
"""

from __future__ import annotations

import re

from archive import lineshapes as pt
from archive.segment.boundary import Boundary
from archive.segment.shapes import FULL, indented


def definition_term(b: Boundary) -> bool | None:
    """A term in bold or typewriter opens the next item of a definition list."""
    if b.cur.line.lead and not b.hyphen and (b.blank or b.prev.fill < FULL):
        return True
    return None


_BULLET_GLYPHS = frozenset("•▪►" + pt.BULLETS)


_NUMBER = re.compile(r"\(?(\d{1,2})[.)]\s")


def _next_number(opener: str, text: str) -> bool:
    """``text`` opens the item numbered next after the one ``opener`` opened."""
    a, b = _NUMBER.match(opener), _NUMBER.match(text)
    return a is not None and b is not None and int(b.group(1)) == int(a.group(1)) + 1


def list_marker(b: Boundary) -> bool | None:
    """A list marker opens an item once the line before has ended (a clause, a comma, a
    short line), or after a gap or an indent; a bullet glyph always does (items without a
    full stop run to the full measure), as does the number after the open item's, where a
    dash or another number at a line's start may not."""
    if not b.marker:
        return None
    prev, cur = b.prev, b.cur
    return not b.hyphen and (
        cur.text[:1] in _BULLET_GLYPHS
        or _next_number(b.opener, cur.text)
        or b.blank
        or cur.after_cut
        or indented(prev, cur)
        or pt.ends_clause(prev.text)
        or prev.text.endswith(",")
        or prev.fill < FULL
    )


_OUTLINE = re.compile(r"([A-Z]|\d{1,2})((?:\.\d{1,2})*)\.?\s")


def _outline(text: str) -> tuple[str, ...] | None:
    """``2.3.1. Title`` → ("2", "3", "1"); ``B.1 Intro`` → ("B", "1")."""
    m = _OUTLINE.match(text)
    if m is None:
        return None
    rest = tuple(x for x in m.group(2).split(".") if x)
    return (m.group(1), *rest) if rest or m.group(1).isdigit() else None


def next_in_outline(b: Boundary) -> bool | None:
    """A line numbered as the next entry of an outline after the paragraph's own number
    opens the next entry (a contents list, numbered headings): its first child (``2.3`` →
    ``2.3.1``), its next sibling (``2.3.1`` → ``2.3.2``) or the next at a level above
    (``2.3.1`` → ``2.4``, ``3``)."""
    if b.hyphen or (a := _outline(b.opener)) is None or (c := _outline(b.cur.text)) is None:
        return None
    if c == (*a, "1"):
        return True
    for depth in range(len(a), 0, -1):
        head, last = a[: depth - 1], a[depth - 1]
        if len(c) == depth and c[:-1] == head and _follows(last, c[-1]):
            return True
    return None


def _follows(a: str, b: str) -> bool:
    if a.isdecimal() and b.isdecimal():
        return int(b) == int(a) + 1
    return len(a) == len(b) == 1 and a.isalpha() and ord(b) == ord(a) + 1


_DASH_TERM = re.compile(r"^[^\W\d_][\w-]*(?: [\w-]+)? [—–] \S")


def dash_term(b: Boundary) -> bool | None:
    """A term and its description after a dash (``pair — ordered pairs of numerics``), one
    an item, opens an item after a line that left room or ended a sentence, where such
    items run on (the one before or after is one too) or a line announced them (``…:``)."""
    if b.hyphen or not _DASH_TERM.match(b.cur.text):
        return None
    if b.prev.fill >= FULL and not pt.ends_clause(b.prev.text):
        return None
    run = _DASH_TERM.match(b.opener) or (b.nxt is not None and _DASH_TERM.match(b.nxt.text))
    return True if run or b.prev.text.endswith(":") else None


# An index entry's locators at a line's end, after a comma or dot leaders: ", 5", ", 1–3, 5",
# ". . . . 24, 29", ", xii".
_LOCATOR = r"(?:\d{1,4}(?:[–-]\d{1,4})?[fn]?|[ivxlc]{1,6})"
_LOCATORS = re.compile(
    rf"(?:(?<=[^\d\s,]),\s|(?:\s*\.){{2,}}|…)\s*{_LOCATOR}(?:,\s*{_LOCATOR})*\s*$")


def index_entry(text: str) -> bool:
    """The line ends with an index entry's page numbers (``labyrinth (env.), 3, 5``)."""
    # Asked of every line thrice over: most end in a letter or a stop, no locator.
    last = text.rstrip()[-1:]
    return (last.isdigit() or last in _LOCATOR_ENDS) and _LOCATORS.search(text) is not None


_LOCATOR_ENDS = frozenset("fnivxlc")


def next_index_entry(b: Boundary) -> bool | None:
    """In an index every entry is a line of its own: a line after an entry's page numbers
    opens the next entry, or a letter's group, when entries go on around it; so does an
    entry after a short line (the letter, or a main entry over its sub-entries)."""
    if b.hyphen:
        return None
    prev, cur, nxt = b.prev.text, b.cur.text, b.nxt.text if b.nxt is not None else ""
    if index_entry(prev) and (index_entry(cur) or index_entry(nxt) or letter(cur)):
        return True
    if index_entry(cur) and (letter(prev) or (index_entry(nxt) and b.prev.fill < FULL)):
        return True
    if index_entry(nxt) and (letter(prev) or letter(cur)):
        return True  # a letter over its entries; a main entry over its sub-entries
    return None


def letter(text: str) -> bool:
    """A letter alone: the heading of an index's group of entries."""
    text = text.strip()
    return len(text) == 1 and text.isalpha()


def under_item(b: Boundary) -> bool | None:
    """``• -a`` ⏎ ``Estimate model-averaged phylogeny …``: a line set under the text of a
    list item's first line (right of its marker, as a hanging indent sets it) goes on with
    the item, whatever the change of type or the gap between them."""
    above, below = b.prev.line, b.cur.line
    if not (b.prev_is_first and not b.marker and _BULLET_ITEM.match(b.prev.text)):
        return None  # a bullet: a number opens a numbered heading as often as an item
    if (above.x0 is None or below.x0 is None or above.page != below.page
            or above.column != below.column or above.size is None):
        return None
    hang = below.x0 - above.x0
    return False if _HANG_LOW * above.size <= hang <= _HANG_HIGH * above.size else None


_HANG_LOW, _HANG_HIGH = 0.6, 3.0  # ems a hanging indent sets an item's text right of its marker
_BULLET_ITEM = re.compile(rf"^[{re.escape(pt.ITEM_MARKS)}]\s+\S")


def out_of_item(b: Boundary) -> bool | None:
    """With geometry, a gap and then a line left of the line before end the block that line
    stands in, be its last line finished or not: a list item (``• Ut purus elit, vestibulum
    ut`` ⏎ a quotation set at the margin), or a block set in from the margin as a whole, its
    first line too (a paper to cite, ending in its address, ⏎ the text going on at the
    margin). A display set in under a line at the margin is no such block: the sentence
    goes on after it."""
    if not (b.blank and not b.hyphen and not b.lower_start and b.cur.line.x0 is not None):
        return None
    if pt.LIST_MARKER.match(b.opener) and _left_of_item(b):
        return True
    if not indented(b.cur, b.prev):
        return None
    x0 = b.prev.line.x0
    if not b.prev_is_first and b.opener_x0 is not None and x0 is not None and abs(
            b.opener_x0 - x0) <= _SAME_EDGE:
        return True
    return None


_SAME_EDGE = 1.0  # points between two lines' left edges that start at one edge
_LEFT_OF_MARKER = 2.0  # points: a line this far left of an item's marker is out of the item


def _left_of_item(b: Boundary) -> bool:
    """The line starts left of the item's first line, where its marker stands: an item's
    lines go on under its text, never left of its marker (a paragraph's indent after a
    list may be less than an item's)."""
    first, x0 = b.opener_x0, b.cur.line.x0
    return first is not None and x0 is not None and first - x0 >= _LEFT_OF_MARKER
