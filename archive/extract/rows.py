"""Visual lines: fragments of one column that share a baseline, joined left to right."""

from __future__ import annotations

import re
from itertools import pairwise

from archive.extract.beside import read_beside
from archive.extract.fragment import Fragment
from archive.extract.margins import margin_notes, outer_notes
from archive.extract.spans import line_number
from archive.lineshapes import ITEM_MARKS

_CELL_GAPS = 2  # gaps of an em or more that part a row into cells
_LEAD_WORDS = 4  # words of a term set apart at a line's start
_CELLS = ("cell", "row")  # kinds of a ruled table's pieces


def merge_rows(
    frags: list[Fragment], fresh_block: int = 0, title_page: bool = False
) -> list[Fragment]:
    """Join fragments of one column that share a baseline into one visual line.

    ``frags`` must be in reading order. Superscripts and spans MuPDF split off (large word
    gaps, font changes) are joined left to right with a space where the glyphs do not touch.
    A displayed formula comes as pieces whose extents nest (``yi`` and ``x⊤`` each a line,
    ``= … (1)`` one line around the rest): the pieces of a row are ordered by their left
    edges, so the formula reads left to right. Blocks set side by side (authors on a title
    page) are read one after the other (``archive.extract.beside``), numbered from
    ``fresh_block``; so are names set in one row on the ``title_page``.
    """
    rows: list[list[Fragment]] = []
    for f in frags:
        row = rows[-1] if rows else None
        if row is not None and row[0].column == f.column and _same_row(row, f):
            row.append(f)
        else:
            rows.append([f])
    rows = outer_notes(margin_notes(_caps_raised(rows)))
    return [_joined(row) for row in read_beside(rows, fresh_block, title_page)]


def _caps_raised(rows: list[list[Fragment]]) -> list[list[Fragment]]:
    """A drop cap, read with the line its foot stands on, moved up to the first line of
    its paragraph, where its top is and where its word goes on."""
    for above, row in pairwise(rows):
        if not above or not row:
            continue  # a cap moved up left its row empty
        cap = min(row, key=lambda f: f.x0)
        beside = [f for f in row if f is not cap] or above  # a cap alone on its row
        if (
            _cap_letter(cap) and cap.size >= 1.5 * max(f.size for f in beside)
            and all(f.x0 >= cap.x1 - 1.0 for f in above)
            and abs(min(f.y0 for f in above) - cap.y0) <= 0.4 * cap.size
        ):
            row.remove(cap)
            above.insert(0, cap)
    return [row for row in rows if row]


def _same_row(row: list[Fragment], f: Fragment) -> bool:
    if f.block != row[0].block and (f.kind in _CELLS or row[0].kind in _CELLS):
        return False  # the cells of a ruled table's row stay apart
    if len(row) == 1:
        y0, y1 = row[0].y0, row[0].y1
    else:
        y0, y1 = min(r.y0 for r in row), max(r.y1 for r in row)
    overlap = min(y1, f.y1) - max(y0, f.y0)
    if overlap <= 0.5 * min(y1 - y0, f.height):
        return False
    # Pieces of one row sit beside one another; glyphs printed over others are another row.
    # A formula's pieces may overlap by a glyph: a superscript over the next subscript.
    slack = max(1.0, 0.8 * min(f.size, row[0].size))
    return all(
        f.x0 >= r.x1 - _slack(r, f, slack) or r.x0 >= f.x1 - _slack(f, r, slack) for r in row
    )


def _slack(left: Fragment, right: Fragment, slack: float) -> float:
    """How far ``right`` may reach back over ``left`` and still sit beside it.

    A symbol with both scripts (``A`` with ``ml`` below and ``1,39`` above) comes as two
    pieces: one ending in the subscript, the next starting with the superscript printed over
    it. Script over script is one row; anything wider is text printed over text.
    """
    if _ends_small(left, right.size) and _starts_small(right, left.size):
        return max(slack, 1.2 * max(left.size, right.size))
    return slack


def _ends_small(f: Fragment, other: float) -> bool:
    end = len(f.text.rstrip())
    return f.size < 0.85 * other or any(b >= end for _, b in f.small)


def _starts_small(f: Fragment, other: float) -> bool:
    start = len(f.text) - len(f.text.lstrip())
    return f.size < 0.85 * other or any(a <= start for a, _ in f.small)


def _joined(row: list[Fragment]) -> Fragment:
    if len(row) == 1:
        return row[0]  # most lines: one fragment, nothing to join
    ordered = sorted(row, key=lambda f: f.x0)
    out = ordered[0]
    for f in ordered[1:]:
        out = _join(out, f)
    # The row's type is the one most of its letters are set in: pieces of a justified
    # line come a word at a time, so the longest piece need not be in the text's face.
    weight: dict[tuple[float, bool], int] = {}
    for f in ordered:
        key = (f.size, f.bold)
        weight[key] = weight.get(key, 0) + len(f.text)
    out.size, out.bold = max(weight, key=lambda k: weight[k])
    if not out.lead:
        out.lead = _run_in(ordered, out.text)
    if out.kind == "code" and _prose_pieces(ordered):
        out.kind = None  # "RcppGSL::vector<T> to manipulate gsl_vector pointers"
    cells = sum(b.x0 - a.x1 >= a.size for a, b in pairwise(ordered))
    if cells and out.kind in (None, "code") and not _justified(ordered):
        # Two pieces an em apart may be a table's row with a cell left empty (its cells
        # set in typewriter type or not); three or more in the text's type are a row.
        out.cells = _cell_edges(ordered)
        if cells >= _CELL_GAPS and out.kind is None:
            out.kind = "cells"
    return out


def _cell_edges(ordered: list[Fragment]) -> tuple[tuple[float, float], ...]:
    """The left and right edges of a row's cells: its pieces, those less than an em apart
    taken together."""
    edges = [(ordered[0].x0, ordered[0].x1)]
    for a, b in pairwise(ordered):
        if b.x0 - a.x1 >= a.size:
            edges.append((b.x0, b.x1))
        else:
            edges[-1] = (edges[-1][0], b.x1)
    return tuple(edges)


_CODE_SHARE = 0.75  # of a row's characters in typewriter pieces, below which it is text
_PROSE_WORD = re.compile(r"[^\W\d_]{3,}")


def _prose_pieces(ordered: list[Fragment]) -> bool:
    """A justified line of text that MuPDF reported in pieces, some of them names in
    typewriter type: words of the text's face between them (two or more), and the
    typewriter pieces hold less of the line than a listing's line would."""
    text = [f for f in ordered if f.kind != "code"]
    if sum(len(_PROSE_WORD.findall(f.text)) for f in text) < 2:
        return False
    code = sum(len(f.text) for f in ordered if f.kind == "code")
    return code < _CODE_SHARE * sum(len(f.text) for f in ordered)


def _run_in(ordered: list[Fragment], text: str) -> int:
    """The length of a run-in heading or term in bold that opens a row MuPDF reported in
    pieces (a justified line, a word or two at a time), when the row goes on in another
    face; else 0."""
    words = 0
    for k, f in enumerate(ordered):
        if f.lead:
            words += len(f.text[: f.lead].split())
            break
        if not f.bold:
            break
        words += len(f.text.split())
        if k == len(ordered) - 1:
            return 0  # bold all through: a heading, not a lead
    else:
        return 0
    if not 0 < words <= _LEAD_WORDS:
        return 0
    parts = text.split(" ")
    return len(" ".join(parts[:words])) if len(parts) > words else 0


def _justified(ordered: list[Fragment]) -> bool:
    """A line of words stretched to the measure (a long URL on the next line leaves its
    spaces wide), which MuPDF reports a word at a time: between words every gap is the
    same, as a table's gaps, set by the width of its cells, are not."""
    if any(" " in f.text for f in ordered):
        return False
    if 3 * sum(any(ch.isalpha() for ch in f.text) for f in ordered) < 2 * len(ordered):
        return False  # numbers in columns
    # TeX widens the space after punctuation, so only the gaps after a word's last letter
    # are compared.
    gaps = [b.x0 - a.x1 for a, b in pairwise(ordered) if a.text[-1].isalnum()]
    if len(gaps) < _CELL_GAPS:
        return False
    return max(gaps) - min(gaps) <= max(1.0, 0.1 * min(gaps))




_KERN = 0.2  # of the type size: how far a logo's letters are kerned into each other
_LEVEL = 0.6  # of the lower piece's height: how much of it a logo's letter shares


def _join(a: Fragment, b: Fragment) -> Fragment:
    first, second = (a, b) if a.x0 <= b.x0 else (b, a)
    gap = second.x0 - first.x1
    # Glyphs that touch are one word; pieces stacked over each other (``x⊤`` over ``i``) not.
    # Kerned into each other at nearly one height, they are a logo's letters (X, a mirrored
    # E set a little lower, TEX).
    smaller = min(first.size, second.size)
    level = min(first.y1, second.y1) - max(first.y0, second.y0)
    touching = gap < 0.15 * smaller and (gap >= -1.0 or (
        gap >= -_KERN * smaller and level >= _LEVEL * min(first.height, second.height)))
    # A list's bullet reported apart from its item is no letter of the item's first word.
    bullet = len(first.text.strip()) == 1 and first.text.strip() in ITEM_MARKS
    sep = "" if (touching and not bullet) or _drop_cap(first, second) else " "
    text = first.text.rstrip() + sep + second.text.lstrip() if sep else first.text + second.text
    head = len(first.text.rstrip()) + len(sep) if sep else len(first.text)
    shift = head - (len(second.text) - len(second.text.lstrip()) if sep else 0)
    # The dominant size and weight are those of the longer text, but a code line's small
    # number (documented TeX sources print ``150`` in 7 pt before ``\\fi`` in 9 pt
    # typewriter, and MuPDF may report the two apart) never decides them.
    numbered = _line_number(first, second)
    main = second if numbered or len(second.text) > len(first.text) else first
    size = main.size
    raised = _clipped(first.raised, 0, head) + _clipped(second.raised, shift, head)
    small = _clipped(_smaller(first, size), 0, head) + _clipped(_smaller(second, size), shift, head)
    lead = first.lead
    if not lead and len(first.text.split()) <= _LEAD_WORDS and (
        (first.bold and not second.bold) or (first.kind == "code" and second.kind is None)
    ):
        lead = len(first.text.rstrip())  # a term MuPDF reported apart from its description
    return Fragment(
        text=text,
        x0=min(a.x0, b.x0),
        y0=min(a.y0, b.y0),
        x1=max(a.x1, b.x1),
        y1=max(a.y1, b.y1),
        size=main.size,
        bold=main.bold,
        block=first.block,
        column=a.column,
        # A line opens in typewriter type when it is code: a URL at the end of a sentence
        # (``… Cambridge. URL http://…``) leaves the line text.
        kind=None if main.kind == "code" and first.kind != "code" and not numbered else main.kind,
        raised=raised,
        small=small,
        lead=lead,
        baseline=main.baseline,
    )


# Letters that are words of their own: after one as a drop cap the space may be real.
_ONE_LETTER_WORDS = frozenset("AIОВКСУИАЯ")


def _cap_letter(f: Fragment) -> bool:
    letter = f.text.strip()
    return len(letter) == 1 and letter.isupper()


def _drop_cap(first: Fragment, second: Fragment) -> bool:
    """A paragraph's first letter set large over two or more lines (``T`` then ``he
    labyrinth package…``): the word goes on in the line's type."""
    return (
        _cap_letter(first) and first.text.strip() not in _ONE_LETTER_WORDS
        and first.size >= 1.5 * second.size and second.text[:1].isalpha()
        and 0 <= second.x0 - first.x1 < second.size
    )


def _line_number(first: Fragment, second: Fragment) -> bool:
    return second.kind == "code" and line_number(first.text, first.size, second.size)


def _smaller(f: Fragment, size: float) -> tuple[tuple[int, int], ...]:
    """The fragment's small ranges in a line of type ``size``: all of it when set smaller."""
    return ((0, len(f.text)),) if f.size < 0.85 * size else f.small


def _clipped(
    ranges: tuple[tuple[int, int], ...], shift: int, head: int
) -> tuple[tuple[int, int], ...]:
    """Ranges moved by ``shift``: the first fragment's end at ``head``, the second's after."""
    if shift == 0:
        return tuple((a, min(b, head)) for a, b in ranges if a < head)
    return tuple((a + shift, b + shift) for a, b in ranges if a + shift >= head)
