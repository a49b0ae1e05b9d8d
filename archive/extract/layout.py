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

from archive.extract.columns import extent, find_gutter, one_text, rows_of
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
    head = _grid_head(left, right)
    if head:
        # A block of the grid set across the gutter, level with the others, is one of them.
        bottom = max(f.y1 for f in head)
        head += [f for f in rest if f.y1 <= bottom]
        rest = [f for f in rest if f.y1 > bottom]
        head = _by_blocks(head)
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
    return (head + sorted(before, key=key), left, right, sorted(rest, key=key),
            sorted(after, key=key))


def _grid_head(left: list[Fragment], right: list[Fragment]) -> list[Fragment]:
    """Blocks of short lines at the top of both sides whose last rows are level, each set
    off by a gap from the running text under it (a paper's authors, two blocks in a row,
    over its two columns): taken out of the sides, to be read block by block before them."""
    ends = {round(left[k - 1].y0): k for k in _block_ends(left)}
    for k in _block_ends(right):
        level = [j for y, j in ends.items()
                 if abs(y - right[k - 1].y0) <= 0.5 * right[k - 1].height]
        if level and min(level[0], k) >= 2 and all(
                _prose_under(side, n) and _centred_blocks(side[:n])
                for side, n in ((left, level[0]), (right, k))):
            head = left[: level[0]] + right[:k]
            del left[: level[0]], right[:k]
            return head
    return []


def _by_blocks(lines: list[Fragment]) -> list[Fragment]:
    """Lines of a grid of centred blocks, block by block: by rows of blocks, left to right
    in a row, each block's lines top to bottom."""
    blocks: list[list[Fragment]] = []
    for f in sorted(lines, key=reading_key):
        home = next((b for b in blocks if abs(_middle(b[-1]) - _middle(f)) <= _AXIS
                     and not _set_off(b[-1], f)), None)
        if home is None:
            blocks.append([f])
        else:
            home.append(f)
    rows: list[list[list[Fragment]]] = []
    for b in sorted(blocks, key=lambda b: b[0].y0):
        if rows and abs(rows[-1][0][0].y0 - b[0].y0) <= 0.5 * b[0].height:
            rows[-1].append(b)
        else:
            rows.append([b])
    return [f for row in rows for b in sorted(row, key=lambda b: b[0].x0) for f in b]


def _centred_blocks(lines: list[Fragment]) -> bool:
    """Each block (lines without a gap between them) centred on one axis, as names and
    addresses are: not an index's entries or a table's cells, set flush left."""
    block = [lines[0]]
    for upper, lower in zip(lines, [*lines[1:], None], strict=True):
        if lower is not None and not _set_off(upper, lower):
            block.append(lower)
            continue
        middles = [_middle(f) for f in block]
        if max(middles) - min(middles) > _AXIS:
            return False
        if lower is not None:
            block = [lower]
    return True


_AXIS = 3.0  # points a centred line's middle may miss its block's


def _middle(f: Fragment) -> float:
    return (f.x0 + f.x1) / 2


def _prose_under(side: list[Fragment], k: int) -> bool:
    """Running text under the side's first ``k`` lines: lines that fill its width (not an
    index's columns of short entries)."""
    width = extent(side)
    return sum(f.x1 - f.x0 >= _FILLED * width for f in side[k:]) >= 3


def _block_ends(side: list[Fragment]) -> list[int]:
    """Counts of lines at the top of a side, none filling its width, after which a gap
    comes, lowest first."""
    width = extent(side)
    ends: list[int] = []
    for k, f in enumerate(side[:-1]):
        if f.x1 - f.x0 >= _FILLED * width:
            break
        if _set_off(f, side[k + 1]):
            ends.append(k + 1)
    return ends[::-1]


_FILLED = 0.7  # of a side's width: a line of its running text


def _attached(upper: Fragment, lower: Fragment) -> bool:
    return lower.y0 - upper.y1 < 0.8 * min(upper.height, lower.height)


def _heading_after(upper: Fragment, lower: Fragment) -> bool:
    """A heading set off below the end of both columns opens what follows them: its own
    column has nothing after it, so its text cannot be the other (shorter) column."""
    heading = lower.bold != upper.bold or lower.size > upper.size + 0.9
    return heading and _set_off(upper, lower)


def _set_off(upper: Fragment, lower: Fragment) -> bool:
    """A gap between the two lines wider than most of a line's height."""
    return lower.y0 - upper.y1 > 0.8 * max(upper.height, lower.height)


def _apart(upper: Fragment, lower: Fragment) -> bool:
    return lower.y0 - upper.y1 > 1.5 * max(upper.height, lower.height)


