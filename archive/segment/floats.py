"""Floats (with geometry): captions and the bodies of the tables and figures they caption.

A caption is a labelled line after a gap (``Figure 2.``, ``Table 1:``) and the lines that go
on with it, with a float's note under it (``Note: …``); under a table's caption come the
rows of its cells (role ``table``, a row a line). A float's body over its caption is found
where it interrupts a sentence: at a page's or column's top, after the sentence broke off at
the foot before it, or inside the column, after the sentence's last line and before its
rest in lower case; a table over its caption is found by its rows. Like a footnote, a float
interrupts the running text without ending its sentence.
"""

from __future__ import annotations

import re

from archive import lineshapes as pt
from archive.clean import CleanLine
from archive.models import Role
from archive.segment.grouped import Apart


def float_groups(
    lines: tuple[CleanLine, ...], used: set[int], body_size: float
) -> list[Apart]:
    """Captions, and the floats' bodies found around them (``used``: lines already set
    apart)."""
    captions = _captions(lines, used)
    used = used | _positions(captions)
    above = _floats_above(lines, used, captions)
    used |= _positions(above)
    within = _floats_within(lines, used, captions, body_size)
    used |= _positions(within)
    return captions + above + within + _tables_over(lines, used, captions)


def _positions(groups: list[Apart]) -> set[int]:
    return {k for g in groups for k in g.positions}


def _captions(lines: tuple[CleanLine, ...], used: set[int]) -> list[Apart]:
    """A float's caption (with geometry): a labelled line after a gap and the lines of its
    text block under it. It stands beside the reading flow, like a footnote: a paragraph
    that a figure or table interrupts at a page or column top goes on after it."""
    groups: list[Apart] = []
    k = 0
    while k < len(lines):
        c = lines[k]
        if k in used or c.line.y0 is None or not pt.is_caption(c.text) or not (
            c.blank_before or c.after_cut or k == 0 or lines[k - 1].page != c.page
            or lines[k - 1].line.column != c.line.column  # the top of a column
        ):
            k += 1
            continue
        run = [k]
        while (
            k + 1 < len(lines)
            and k + 1 not in used
            and lines[k + 1].page == c.page
            and not lines[k + 1].blank_before
            and _caption_goes_on(lines[k], lines[k + 1], c.line.block)
        ):
            k += 1
            run.append(k)
        groups.append(Apart(tuple(run), "caption"))
        # A float's note under its caption ("Note: Data gathered …"), in its text block.
        if (k + 1 < len(lines) and k + 1 not in used and _same_box(lines[k + 1], c)
                and _FLOAT_NOTE.match(lines[k + 1].text)):
            note = [k + 1]
            while (note[-1] + 1 < len(lines) and note[-1] + 1 not in used
                   and lines[note[-1] + 1].line.block == lines[k + 1].line.block
                   and not lines[note[-1] + 1].blank_before):
                note.append(note[-1] + 1)
            groups.append(Apart(tuple(note), "caption"))
            k = note[-1]
        # A table under its caption: its rows of cells, gaps or not, go with the float.
        rows: list[int] = []
        while (
            pt.TABLE_LABEL.match(c.text)
            and k + 1 < len(lines)
            and k + 1 not in used
            and lines[k + 1].page == c.page
            and lines[k + 1].line.kind == "cells"
        ):
            k += 1
            rows.append(k)
        if rows:
            groups.append(Apart(tuple(rows), "table"))
        k += 1
    return groups


def _caption_goes_on(last: CleanLine, nxt: CleanLine, block: int | None) -> bool:
    """The next line, without a gap, is more of the caption: in its text block, or in lower
    case, or after a line cut mid-word or mid-clause."""
    return (
        nxt.line.block == block
        or not pt.starts_upper(nxt.text)
        or pt.ends_with_hyphen(last.text)
        or last.text.rstrip().endswith((",", "–", "—", "(", "/"))
    )


_FLOAT_NOTE = re.compile(
    r"^(?:Notes?|Source|Sources|Примечани[ея]|Источник|Ескерту|Дереккөз)\s*[:.]", re.IGNORECASE)


_FLOAT_LINES = 40  # a float's body above its caption, at most


def _floats_above(
    lines: tuple[CleanLine, ...], used: set[int], captions: list[Apart]
) -> list[Apart]:
    """A float set at the top of a page or column with its caption under it (a table, a
    figure's labels): the lines from the top down to the caption, where the sentence before
    them broke off at the previous page's (column's) foot and goes on in lower case after
    the caption. They are the float's, not the sentence's (role ``table`` or ``figure``)."""
    groups: list[Apart] = []
    for g in captions:
        if g.role != "caption":
            continue
        k, end = g.positions[0], g.positions[-1]
        c = lines[k]
        top = k
        while top > 0 and _same_box(lines[top - 1], c) and k - top < _FLOAT_LINES:
            top -= 1
        if top == k or top == 0 or _same_box(lines[top - 1], c):
            continue
        body = [j for j in range(top, k) if j not in used]  # code in it stays code
        # The sentence broke off at the text's last line before the float, past the notes
        # and captions set apart at the foot before it.
        last = max((j for j in range(top) if j not in used), default=None)
        after = lines[end + 1] if end + 1 < len(lines) else None
        if (
            not body
            or last is None
            or pt.ends_clause(lines[last].text)
            # The column's first line going on in lower case is the sentence's rest.
            or (not pt.starts_upper(lines[body[0]].text)
                and pt.first_letter(lines[body[0]].text) != "")
            or after is None
            or not _same_box(after, c)
            or pt.starts_upper(after.text)
            or pt.first_letter(after.text) == ""
        ):
            continue
        role: Role = "table" if pt.TABLE_LABEL.match(c.text) else "figure"
        groups.append(Apart(tuple(body), role))
    return groups


def _floats_within(
    lines: tuple[CleanLine, ...], used: set[int], captions: list[Apart], body_size: float
) -> list[Apart]:
    """A float set inside a sentence, its caption under it (``… In contrast`` ⏎ a table ⏎
    ``Table 1: …`` ⏎ ``to brute-force evaluations, …`` at the next page's top or further
    down the page): the lines between the sentence's last line before the float, in the
    text's type and cut mid-clause, and the caption, from the gap that opens the float. The
    sentence goes on in lower case after the caption."""
    groups: list[Apart] = []
    for g in captions:
        if g.role != "caption":
            continue
        k, end = g.positions[0], g.positions[-1]
        after = next((j for j in range(end + 1, len(lines)) if j not in used), None)
        if after is None or pt.starts_upper(lines[after].text) or (
                pt.first_letter(lines[after].text) == ""):
            continue
        c = lines[k]
        body: list[int] = []
        for j in range(k - 1, max(-1, k - 1 - _FLOAT_LINES), -1):
            if j in used or not _same_box(lines[j], c) or not _float_type(lines[j], body_size):
                break
            body.append(j)
            above = lines[j - 1] if j > 0 else None
            if (lines[j].blank_before and above is not None and _same_box(above, c)
                    and j - 1 not in used and above.line.size is not None
                    and abs(above.line.size - body_size) < 0.5
                    and not pt.ends_clause(above.text)):
                role: Role = "table" if pt.TABLE_LABEL.match(c.text) else "figure"
                groups.append(Apart(tuple(reversed(body)), role))
                break
    return groups


_ROW_WORDS = 6  # words of a table's row, fewer than a line of running text has
_TABLE_ROWS = 3  # rows over a caption that make a table


def _tables_over(
    lines: tuple[CleanLine, ...], used: set[int], captions: list[Apart]
) -> list[Apart]:
    """A table over its caption (``Table 1. …`` under it): the rows up from the caption,
    in its column, short and unpunctuated as a table's are, up to a line of running text.
    Some of them must read as a table's row (pieces far apart: ``cells``)."""
    groups: list[Apart] = []
    for g in captions:
        k = g.positions[0]
        c = lines[k]
        if g.role != "caption" or not pt.TABLE_LABEL.match(c.text):
            continue
        rows: list[int] = []
        j = k - 1
        while j >= 0 and j not in used and _same_box(lines[j], c) and _table_row(lines[j]):
            rows.append(j)
            j -= 1
        cells = sum(lines[r].line.kind == "cells" for r in rows)
        if len(rows) >= _TABLE_ROWS and cells * 3 >= len(rows):
            groups.append(Apart(tuple(reversed(rows)), "table"))
    return groups


def _table_row(c: CleanLine) -> bool:
    return c.line.kind == "cells" or (
        len(c.text.split()) < _ROW_WORDS and not pt.ends_clause(c.text))


def _float_type(c: CleanLine, body_size: float) -> bool:
    """Set as a float's body is, not as the running text: smaller, or as a table's cells,
    a listing or a drawing's labels."""
    size = c.line.size
    return c.line.kind in ("cells", "code", "figure") or (
        size is not None and size < body_size - 0.5)


def _same_box(a: CleanLine, b: CleanLine) -> bool:
    """On one page, in one column."""
    return a.page == b.page and a.line.column == b.line.column


