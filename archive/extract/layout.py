"""Page geometry for the PDF front end: columns, reading order, visual lines, paragraph gaps.

Pure functions over ``Fragment`` values (one per line as MuPDF reported it), so the rules can
be tested without a PDF. Coordinates are PDF points, origin top-left, y growing downwards.

The reading-order rules, in short:

* A page has columns where it has a gutter (``archive.extract.columns``).
* Fragments that span the gutter (titles, headers, single-column passages) split the page into
  regions; inside a region the left column is read fully, then the right one. Each side is
  tested again, so three or more columns are read left to right too.
* A header or footer that sits on one side only, above or below the other column and apart
  from its own column by a wide gap, is read as full width so it cannot end up mid-text.
* Fragments sharing a baseline inside one column are joined into one visual line
  (``archive.extract.rows``).
"""

from __future__ import annotations

import statistics
from bisect import bisect_right

from archive.extract.columns import find_gutter, one_text, rows_of
from archive.extract.fragment import FULL_WIDTH, LEFT, RIGHT, Fragment, reading_key
from archive.extract.rows import merge_rows

__all__ = ["FULL_WIDTH", "LEFT", "RIGHT", "Fragment", "find_gutter", "merge_rows", "order_page"]

def order_page(frags: list[Fragment]) -> list[Fragment]:
    """Put one page's fragments in reading order and set their ``column``.

    Columns are numbered 1, 2, … from the left; lines that span the columns, and every line
    of a single-column page, get ``FULL_WIDTH`` (0). A column that itself holds columns
    (three or more on the page) is split again the same way.
    """
    groups = _order(frags, 0)
    _number_columns(groups)
    return [f for _, group in groups for f in group]


# (inside a column?, fragments in reading order)
_Group = tuple[bool, list[Fragment]]
_MAX_DEPTH = 3  # up to eight columns


def _order(frags: list[Fragment], depth: int) -> list[_Group]:
    inner = depth > 0
    gutter = find_gutter(frags) if depth < _MAX_DEPTH else None
    if gutter is None:
        return [(inner, sorted(frags, key=reading_key))]
    gl, gr = gutter
    for f in frags:  # side labels for this level only; _number_columns sets the final ones
        if f.x1 <= gr and f.x0 < gl:
            f.column = LEFT
        elif f.x0 >= gl and f.x1 > gr:
            f.column = RIGHT
        else:
            f.column = FULL_WIDTH
    # Split at gutter-crossing lines into regions of column text.
    parts: list[Fragment | list[Fragment]] = [[]]
    for f in sorted(frags, key=reading_key):
        region = parts[-1]
        if isinstance(region, list) and (f.column != FULL_WIDTH or _beside_region(f, region)):
            region.append(f)
        else:
            parts += [f, []]
    out: list[_Group] = []
    for k, part in enumerate(parts):
        if isinstance(part, Fragment):
            out.append((inner, [part]))
            continue
        above = parts[k - 1] if k else None
        below = parts[k + 1] if k + 1 < len(parts) else None
        before, left, right, rest, after = _read_region(part, above, below)  # type: ignore[arg-type]
        out.append((inner, before))
        if left and right:
            out += _order(left, depth + 1) + _order(right, depth + 1)
        out += [(inner, rest), (inner, after)]
    return [g for g in out if g[1]]


def _number_columns(groups: list[_Group]) -> None:
    """Columns by their left edges, left to right; edges closer than half a column are one."""
    columns = [group for inside, group in groups if inside]
    edges = sorted(min(f.x0 for f in g) for g in columns)
    tolerance = 0.5 * statistics.median(max(f.x1 for f in g) - min(f.x0 for f in g)
                                        for g in columns) if columns else 0.0  # fmt: skip
    starts: list[float] = []
    for edge in edges:
        if not starts or edge - starts[-1] > tolerance:
            starts.append(edge)
    for inside, group in groups:
        number = FULL_WIDTH
        if inside:
            number = bisect_right(starts, min(f.x0 for f in group) + 1e-6)
        for f in group:
            f.column = number


def _beside_region(f: Fragment, region: list[Fragment]) -> bool:
    """A gutter-crossing fragment level with column text (e.g. a page number) stays inside."""
    return any(r.column != FULL_WIDTH and r.y1 > f.y0 + 0.5 * f.height for r in region[-4:])


def _read_region(
    region: list[Fragment], above: Fragment | None, below: Fragment | None
) -> tuple[list[Fragment], ...]:
    """Split a region into (before, left column, right column, level with both, after).

    Lines of one column that stand above the other column's start (or below its end) are
    read as full width when they belong to what is above (below): they sit apart from their
    own column, like a one-sided running header, or close to the full-width line next to
    them, like a short heading over full-width text that follows balanced columns.
    """
    left = [f for f in region if f.column == LEFT]
    right = [f for f in region if f.column == RIGHT]
    if len(rows_of(left)) < 2 or len(rows_of(right)) < 2 or one_text(left, right):
        # Text on one side only is no column, nor is one line split at wide word gaps, nor
        # a band whose two sides the PDF library reads as one text (labels beside their
        # descriptions) under columns found lower on the page.
        return [], [], [], sorted(region, key=reading_key), []
    rest = [f for f in region if f.column == FULL_WIDTH]
    before: list[Fragment] = []
    after: list[Fragment] = []
    for col, other in ((left, right), (right, left)):
        edge = above
        while (
            len(col) > 1
            and col[0].y1 <= other[0].y0
            and (_apart(col[0], col[1]) or (edge is not None and _attached(edge, col[0])))
        ):
            edge = col.pop(0)
            before.append(edge)
        edge = below
        while (
            len(col) > 1
            and col[-1].y0 >= other[-1].y1
            and (
                _apart(col[-2], col[-1])
                or _heading_after(col[-2], col[-1])
                or (edge is not None and _attached(col[-1], edge))
            )
        ):
            edge = col.pop()
            after.append(edge)
    key = reading_key
    return sorted(before, key=key), left, right, sorted(rest, key=key), sorted(after, key=key)


def _attached(upper: Fragment, lower: Fragment) -> bool:
    return lower.y0 - upper.y1 < 0.8 * min(upper.height, lower.height)


def _heading_after(upper: Fragment, lower: Fragment) -> bool:
    """A heading set off below the end of both columns opens what follows them: its own
    column has nothing after it, so its text cannot be the other (shorter) column."""
    heading = lower.bold != upper.bold or lower.size > upper.size + 0.9
    return heading and lower.y0 - upper.y1 > 0.8 * max(upper.height, lower.height)


def _apart(upper: Fragment, lower: Fragment) -> bool:
    return lower.y0 - upper.y1 > 1.5 * max(upper.height, lower.height)


