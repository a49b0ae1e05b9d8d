"""Two neighbouring lines and what the paragraph-boundary rules ask of them
(``archive.segment.breaks``): a marker at the line's start, a hyphen at the end of the
line before, a gap, the paragraph's first line."""

from __future__ import annotations

from dataclasses import dataclass

from archive import lineshapes as pt
from archive.clean import CleanLine
from archive.segment.shapes import range_goes_on


# Not frozen: one is built for every pair of neighbouring lines and read by the rules of
# that one decision alone, and a frozen dataclass costs five times as much to build.
@dataclass(slots=True)
class Boundary:
    """Two neighbouring lines (and the one after), and what the rules ask of them."""

    prev: CleanLine
    cur: CleanLine
    nxt: CleanLine | None
    prev_is_first: bool  # ``prev`` is its paragraph's first line
    wrapped: bool  # the text is wrapped into lines (``Cleaned.wrapped``)
    in_refs: bool  # inside a reference list
    blanks_reliable: bool
    wrap_width: int | None
    wrap_head: int | None
    hyphen: bool  # ``prev`` ends with a hyphen
    marker: bool  # ``cur`` opens with a list (or reference) marker
    lower_start: bool  # ``cur`` opens in lower case
    blank: bool  # a blank line (a gap) before ``cur`` that is not a cut's trace
    body_size: float | None = None  # the body text's type size, when the lines have sizes
    opener: str = ""  # the text of the paragraph's first line
    opener_x0: float | None = None  # where the paragraph's first line starts, with geometry
    blank_separated: bool = False  # ``Cleaned.blank_separated``


def boundary(
    prev: CleanLine,
    cur: CleanLine,
    prev_is_first: bool,
    wrapped: bool,
    in_refs: bool,
    nxt: CleanLine | None = None,
    blanks_reliable: bool = False,
    wrap_width: int | None = None,
    wrap_head: int | None = None,
    body_size: float | None = None,
    opener: str = "",
    opener_x0: float | None = None,
    blank_separated: bool = False,
) -> Boundary:
    # In a reference list entries open with a number: a dash there is GOST's separator
    # ("– С. 7–18.") wrapped to the line start.
    if in_refs:
        dash = cur.text[:1] in "-–—"
        marker = None if dash else (pt.REFERENCE_MARKER.match(cur.text)
                                    or pt.LIST_MARKER.match(cur.text))
    else:
        marker = pt.LIST_MARKER.match(cur.text)
    if marker and range_goes_on(prev.text, cur.text):
        marker = None  # "С. 63—" / "77. — URL": the end of a page range, not an item
    return Boundary(
        prev, cur, nxt, prev_is_first, wrapped, in_refs, blanks_reliable, wrap_width,
        wrap_head,
        hyphen=pt.ends_with_hyphen(prev.text),
        marker=marker is not None,
        lower_start=_lower_start(cur),
        blank=cur.blank_before and not cur.after_cut,
        body_size=body_size,
        opener=opener,
        opener_x0=opener_x0,
        blank_separated=blank_separated,
    )


def ends_clause_marked(line: CleanLine) -> bool:
    """The line ends a sentence or a clause, a note's mark raised after it aside
    (``… version of flex. ¹``)."""
    text = line.text
    if pt.ends_clause(text):
        return True
    raised = line.line.raised
    if raised and text == line.line.text and raised[-1][1] >= len(text.rstrip()):
        return pt.ends_clause(text[: raised[-1][0]])
    return False


def _lower_start(cur: CleanLine) -> bool:
    """The line opens in lower case; a note mark raised before its first word (an
    affiliation's ``aDebian and R Projects``) is no letter of it."""
    text = cur.text
    raised = cur.line.raised
    if raised and raised[0][0] == 0 and text == cur.line.text:
        text = text[raised[0][1]:]
    return not pt.starts_upper(text) and pt.first_letter(text) != ""
