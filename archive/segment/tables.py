"""Tables set without rules (with geometry): rows whose cells line up under one another.

The extractor marks a line it read in pieces an em or more apart ``cells`` and keeps its
cells' edges (``archive.extract.rows``). A run of such rows on one page, in one column, whose
cells stand in columns (their left edges, right edges or middles in line from row to row)
is a table: one group, role ``table``, a row a line. Pieces far apart that do not line up
are something else: a display formula, a list set at tab stops, a sentence stretched to its
measure. A table of contents lines up too; its dot leaders tell it apart.

A row may leave cells empty, its pieces standing where the rows' cells do. A cell's text may
wrap onto a line of its own: a first cell's over its row, in the row's
type and narrower than the cell (``Ecclésiaste`` ⏎ ``(Qohéleth) Qo Qo Ec.``), a later
cell's under it, starting where that cell starts (``… if reloca-`` ⏎ ``tion fails``).
Such a line joins its row as prose does.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from archive.clean import CleanLine
from archive.models import Line
from archive.segment.grouped import Apart

_ROWS = 3  # rows of cells, at least, that make a table
_EDGE = 2.0  # points between two cells' edges that stand in one column, at most
_LINED_UP = 0.6  # of the cells after each row's first, the share that must stand in a column
_ROW_GAP = 1.5  # a row's type sizes between one row's foot and the next one's top, at most
_WRAPPED_WORDS = 6  # words of a cell's wrapped line, at most
_WIDE = 0.35  # of a row's width, a first cell's that may be a column of text beside a table
_FLUSH = 3.0  # points between the right edges of a justified column's lines, at most
_LEADERS = re.compile(r"(?:\.\s?){4,}")


def unruled_tables(lines: tuple[CleanLine, ...], used: set[int]) -> list[Apart]:
    """The runs of rows of cells that line up, each a table, in document order."""
    groups: list[Apart] = []
    run: list[int] = []

    def close() -> None:
        # A first cell's line needs its row under it: after the last row it is the text's.
        while run and not _row(lines[run[-1]]) and not _under(lines, run[-1]) and not _partial(
                lines[run[-1]], [lines[j] for j in run[:-1]]):
            run.pop()
        rows = [lines[k] for k in run if _row(lines[k])]
        if len(rows) >= _ROWS and _lined_up(rows) and not _text_beside(rows):
            groups.append(Apart(tuple(run), "table", unruled=True))
        run.clear()

    for k, c in enumerate(lines):
        if not run:
            if k not in used and _row(c):
                run.append(k)
            continue
        if k not in used and _below(lines[run[-1]], c) and (
            _row(c) or _over(lines, k, used) or _under(lines, k)
            or _partial(c, [lines[j] for j in run])
        ):
            run.append(k)
            continue
        close()
        if k not in used and _row(c):
            run.append(k)
    if run:
        close()
    return groups


def rows_text(lines: list[CleanLine], prose: Callable[[list[CleanLine]], str]) -> str:
    """An unruled table's text, a row a line; a cell's wrapped lines join their row as
    prose (``prose``) joins lines."""
    rows: list[list[CleanLine]] = []
    waiting: list[CleanLine] = []  # a first cell's lines over their row
    last: Line | None = None  # the row line of the row last opened
    for c in lines:
        if _row(c) or len(c.line.cells) > 1:  # a row, cells empty or not
            rows.append([*waiting, c])
            waiting, last = [], c.line
        elif last is not None and _continues(last, c.line):
            rows[-1].append(c)
        else:
            waiting.append(c)
    if waiting:
        rows.append(waiting)
    return "\n".join(prose(row) for row in rows)


def table_piece(lines: tuple[CleanLine, ...], k: int) -> bool:
    """A typewriter line that is a table's row with its text cells left empty: its pieces
    stand where the cells of a row next to it (or next but one) start."""
    near = [lines[j] for j in (k - 2, k - 1, k + 1, k + 2)
            if 0 <= j < len(lines) and lines[j].page == lines[k].page and _row(lines[j])]
    return bool(near) and _partial(lines[k], near)


def _partial(c: CleanLine, run: list[CleanLine]) -> bool:
    """A row with cells left empty: two pieces or more, each where a cell of the table's
    rows stands (``</list>`` and ``\\end{itemize}`` under the rows' second and third), or
    one number in a cell's place."""
    if c.line.kind not in (None, "code"):
        return False
    pieces = c.line.cells
    if len(pieces) < 2:
        # One cell with a number, the others empty: the foot of a triangle of numbers.
        if (c.line.kind is not None or c.line.x0 is None or c.line.x1 is None
                or any(ch.isalpha() for ch in c.text) or len(c.text.split()) > 2):
            return False
        pieces = ((c.line.x0, c.line.x1),)
    edges = [edge for row in run if _row(row) for edge in row.line.cells]
    return all(_in_column(piece, edges) for piece in pieces)


def _row(c: CleanLine) -> bool:
    return c.line.kind == "cells" and len(c.line.cells) > 1 and not _LEADERS.search(c.text)


def _below(above: CleanLine, c: CleanLine) -> bool:
    """The next line of the same table's column: on the same page and in the same column,
    under the line above it and no further than a line's gap."""
    a, b = above.line, c.line
    if a.page != b.page or a.column != b.column or None in (a.y1, b.y0, b.size):
        return False
    gap = (b.y0 or 0.0) - (a.y1 or 0.0)
    return -0.5 * (b.size or 0.0) < gap <= _ROW_GAP * (b.size or 0.0)


def _short(line: Line) -> bool:
    return line.kind is None and len(line.text.split()) <= _WRAPPED_WORDS


def _over(lines: tuple[CleanLine, ...], k: int, used: set[int]) -> bool:
    """A first cell's line over its row: short, in the row's type, narrower than the cell."""
    if k + 1 >= len(lines) or k + 1 in used or not _row(lines[k + 1]):
        return False
    c, row = lines[k].line, lines[k + 1].line
    if not _short(c) or c.size is None or row.size is None or abs(c.size - row.size) > 0.3:
        return False
    return (c.x1 or 0.0) < row.cells[1][0] and _below(lines[k], lines[k + 1])


def _under(lines: tuple[CleanLine, ...], k: int) -> bool:
    """A later cell's line under the row (or the lines of it) above: short, starting where
    one of the row's cells after the first starts."""
    j = k - 1
    while j >= 0 and not _row(lines[j]):
        j -= 1  # the row a cell's second wrapped line goes with
    return j >= 0 and _short(lines[k].line) and _continues(lines[j].line, lines[k].line)


def _continues(row: Line, c: Line) -> bool:
    return c.x0 is not None and any(abs(c.x0 - x0) <= _EDGE for x0, _ in row.cells[1:])


def _text_beside(rows: list[CleanLine]) -> bool:
    """A column of justified text read together with a table beside it: the rows' first
    cells are wide, and end where each other end as well as start where each other start."""
    firsts = [row.line.cells[0] for row in rows]
    wide = sum(x1 - x0 >= _WIDE * ((row.line.x1 or 0.0) - (row.line.x0 or 0.0))
               for (x0, x1), row in zip(firsts, rows, strict=True))
    ends = sorted(x1 for _, x1 in firsts)
    middle = ends[len(ends) // 2]
    flush = sum(abs(x1 - middle) <= _FLUSH for x1 in ends)
    return 3 * wide >= 2 * len(rows) and 2 * flush >= len(rows)


def _lined_up(rows: list[CleanLine]) -> bool:
    """Most cells after each row's first stand in a column with a cell of another row."""
    cells = [row.line.cells[1:] for row in rows]
    total = lined = 0
    for i, own in enumerate(cells):
        others = [edge for j, row in enumerate(cells) if j != i for edge in row]
        total += len(own)
        lined += sum(_in_column(cell, others) for cell in own)
    return total > 0 and lined >= _LINED_UP * total


def _in_column(cell: tuple[float, float], others: list[tuple[float, float]]) -> bool:
    """The cell stands in a column with one of ``others``: their left edges, right edges or
    middles in line."""
    x0, x1 = cell
    return any(abs(x0 - a) <= _EDGE or abs(x1 - b) <= _EDGE or abs((x0 + x1) - (a + b)) <= 2 * _EDGE
               for a, b in others)
