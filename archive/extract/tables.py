"""Ruled tables: the text of a table's cells, read a row at a time.

A table drawn with rules is found by PyMuPDF's table finder (``archive.extract.pdf``) where
a page's drawings are rules only (``archive.extract.figures.ruled_regions``). Its lines are
neither a figure's labels nor columns of the page: each fragment inside a cell is marked
``kind="cell"`` with a block number of the cell's own, so that lines of different cells are
never joined into one. While the page's reading order is found, each row of a table
stands in as one fragment as wide as the table (a table fills its column as lines of text
do); then the row's cells' fragments take its place, cell by cell, line by line. A short
label set just left of the grid, level with a row (a code chart's "0" … "F"), is that
row's first cell.

Pure functions over fragments and rectangles ``(x0, y0, x1, y1)`` in PDF points.
"""

from __future__ import annotations

from collections import defaultdict

from archive.extract.fragment import Fragment

Rect = tuple[float, float, float, float]
Grid = list[list[Rect | None]]  # a table's rows of cells; None where a cell spans
Cell = tuple[int, int, int]  # table, row, column


def filled(tables: list[Grid], frags: list[Fragment]) -> list[Grid]:
    """The tables with text in at least half their cells: a plot's grid lines and axes
    draw cells too, nearly all of them empty or holding a one-letter label."""
    middles = [((f.x0 + f.x1) / 2, (f.y0 + f.y1) / 2) for f in frags
               if sum(ch.isalnum() for ch in f.text) >= 2]
    out = []
    for rows in tables:
        cells = [c for row in rows for c in row if c is not None]
        full = sum(
            any(c[0] <= x <= c[2] and c[1] <= y <= c[3] for x, y in middles) for c in cells)
        if cells and full * 2 >= len(cells):
            out.append(rows)
    return out


def mark_cells(frags: list[Fragment], tables: list[Grid], first_block: int) -> dict[int, Cell]:
    """Mark the fragments whose middle lies in a table's cell; the cells' block numbers
    (from ``first_block`` on) → where each cell stands."""
    where: dict[int, Cell] = {}
    boxes: list[tuple[int, Rect]] = []
    for t, rows in enumerate(tables):
        for r, row in enumerate(rows):
            for c, rect in enumerate(row):
                if rect is not None:
                    block = first_block + len(where)
                    where[block] = (t, r, c)
                    boxes.append((block, rect))
    for f in frags:
        cx, cy = (f.x0 + f.x1) / 2, (f.y0 + f.y1) / 2
        for block, (x0, y0, x1, y1) in boxes:
            if x0 <= cx <= x1 and y0 <= cy <= y1:
                f.kind, f.block = "cell", block
                break
    _row_labels(frags, tables, first_block, where)
    return where


_LABEL_CHARS = 4  # characters of a row's label set left of its table, at most
_LABEL_GAP = 2.0  # its type sizes between the label and the table's left rule, at most


def _row_labels(frags: list[Fragment], tables: list[Grid], first_block: int,
                where: dict[int, Cell]) -> None:
    """A short label set just left of a table's grid, level with one of its rows (a code
    chart's "0" … "F"), opens that row, as a cell of its own before the others."""
    for t, rows in enumerate(tables):
        # Each row's top and bottom, and the grid's left edge.
        spans = [(r, min(c[1] for c in present), max(c[3] for c in present))
                 for r, row in enumerate(rows) if (present := [c for c in row if c is not None])]
        if not spans:
            continue
        left = min(c[0] for row in rows for c in row if c is not None)
        for f in frags:
            text = f.text.strip()
            if (f.kind is not None or not text or len(text) > _LABEL_CHARS or " " in text
                    or not 0 <= left - f.x1 <= _LABEL_GAP * f.size):
                continue
            cy = (f.y0 + f.y1) / 2
            row_at = next((r for r, top, bottom in spans if top <= cy <= bottom), None)
            if row_at is not None:
                block = first_block + len(where)
                where[block] = (t, row_at, -1)
                f.kind, f.block = "cell", block


def row_boxes(frags: list[Fragment], where: dict[int, Cell]) -> tuple[
        list[Fragment], dict[int, list[Fragment]]]:
    """``frags`` with each ruled table's row replaced by one fragment as wide as its table
    (kind ``"row"``), so that the page's columns are found around tables as around lines
    of text; and each such fragment's cells' fragments, by ``id`` of the stand-in."""
    out: list[Fragment] = []
    rows: dict[tuple[int, int], list[Fragment]] = defaultdict(list)
    for f in frags:
        if f.kind == "cell" and f.block in where:
            rows[where[f.block][:2]].append(f)
        else:
            out.append(f)
    spans: dict[int, tuple[float, float]] = {}
    for (t, _), members in rows.items():
        x0, x1 = spans.get(t, (members[0].x0, members[0].x1))
        spans[t] = (min(x0, *(f.x0 for f in members)), max(x1, *(f.x1 for f in members)))
    cells: dict[int, list[Fragment]] = {}
    for (t, _), members in rows.items():
        members.sort(key=lambda f: (where[f.block][2], f.y0, f.x0))
        first = members[0]
        box = Fragment(
            text=" ".join(f.text for f in members), x0=spans[t][0],
            y0=min(f.y0 for f in members), x1=spans[t][1], y1=max(f.y1 for f in members),
            size=first.size, bold=False, block=first.block, kind="row",
        )
        cells[id(box)] = members
        out.append(box)
    return out, cells


def expand_rows(frags: list[Fragment], cells: dict[int, list[Fragment]]) -> list[Fragment]:
    """The fragments in reading order, each table row's stand-in replaced by its cells'
    fragments (in the stand-in's column)."""
    out: list[Fragment] = []
    for f in frags:
        members = cells.get(id(f))
        if members is None:
            out.append(f)
            continue
        for g in members:
            g.column = f.column
        out += members
    return out


def table_boxes(tables: list[Grid]) -> list[Rect]:
    """Each table's bounding box, over its cells."""
    boxes = []
    for rows in tables:
        cells = [c for row in rows for c in row if c is not None]
        if cells:
            boxes.append((min(c[0] for c in cells), min(c[1] for c in cells),
                          max(c[2] for c in cells), max(c[3] for c in cells)))
    return boxes


def overlaps(region: Rect, boxes: list[Rect]) -> bool:
    """The region is (mostly) a table's grid: its middle lies in one of the tables' boxes."""
    cx, cy = (region[0] + region[2]) / 2, (region[1] + region[3]) / 2
    return any(x0 <= cx <= x1 and y0 <= cy <= y1 for x0, y0, x1, y1 in boxes)
