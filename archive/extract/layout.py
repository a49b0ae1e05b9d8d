"""Page geometry for the PDF front end: columns, reading order, visual lines, paragraph gaps.

Pure functions over ``Fragment`` values (one per line as MuPDF reported it), so the rules can
be tested without a PDF. Coordinates are PDF points, origin top-left, y growing downwards.

The reading-order rules, in short:

* A page has columns when some x position (the gutter) leaves, in a band of the page between
  fragments that cross it, rows of text on its left and right at the same heights, each
  filling its side's width. Full-width text above or below the band does not matter, so a
  two-column conclusion under single-column text works; table cells do not fill their width,
  so a table is read row by row, and neither is a side made mostly of bare numbers (the page
  numbers of a table of contents), so each entry keeps its number.
* Fragments that span the gutter (titles, headers, single-column passages) split the page into
  regions; inside a region the left column is read fully, then the right one. Each side is
  tested again, so three or more columns are read left to right too.
* A header or footer that sits on one side only, above or below the other column and apart
  from its own column by a wide gap, is read as full width so it cannot end up mid-text.
* Fragments sharing a baseline inside one column are joined into one visual line.
"""

from __future__ import annotations

import re
import statistics
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import pairwise

FULL_WIDTH = 0  # column number of single-column pages and of lines that span the gutter
LEFT = 1  # columns are numbered from the left; on a two-column page these are the two
RIGHT = 2


@dataclass(slots=True)
class Fragment:
    """One run of text on one baseline, as the PDF library reported it (mutable scratch)."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    size: float
    bold: bool
    block: int
    column: int = FULL_WIDTH
    # "code" (monospaced), "figure" (inside a drawing) or "cells" (a row of a table's cells);
    # see Line.kind
    kind: str | None = None
    raised: tuple[tuple[int, int], ...] = ()  # superscript character ranges; see Line.raised
    small: tuple[tuple[int, int], ...] = ()  # ranges in smaller type; see Line.small
    lead: int = 0  # characters of opening words set apart in bold or typewriter; see Line.lead
    baseline: float | None = None  # the dominant run's baseline; see Line.baseline

    @property
    def height(self) -> float:
        return self.y1 - self.y0


def find_gutter(frags: list[Fragment]) -> tuple[float, float] | None:
    """Return the gutter ``(left edge, right edge)`` of a two-column page or band, or None.

    Candidates are the right edges of fragments in the middle half of the text area, tried
    from the one crossed by the fewest fragments. A candidate wins when some band of the page
    between fragments that cross it (a full-width title, paragraph or reference list above or
    below) holds at least four rows of text on each side that sit beside one another, and
    both sides are filled with running text. Short last lines of a single column never sit beside
    one another; the cells of a table do, but they do not fill their width, so a table is
    read row by row.
    """
    if len(frags) < 6:
        return None
    xmin = min(f.x0 for f in frags)
    xmax = max(f.x1 for f in frags)
    width = xmax - xmin
    if width <= 0:
        return None
    size = statistics.median(f.size for f in frags)
    min_gap = max(0.6 * size, 4.0)
    x0s = sorted(f.x0 for f in frags)
    x1s = sorted(f.x1 for f in frags)
    lo, hi = xmin + 0.25 * width, xmin + 0.75 * width
    candidates: list[tuple[int, float, float]] = []
    seen: set[int] = set()
    for edge in x1s[bisect_left(x1s, lo) : bisect_right(x1s, hi)]:
        key = round(edge)
        if key in seen:
            continue
        seen.add(key)
        # The right column starts at the first fragment start a gutter's width right of this
        # edge; what starts inside the gap (a centred page number) crosses the gutter.
        i = bisect_left(x0s, edge + min_gap)
        if i == len(x0s):
            continue
        start = x0s[i]
        # Columns share the width: a narrow strip of labels at one side is not a column.
        if start > hi:
            continue
        n_left = bisect_right(x1s, edge + 0.5)
        if n_left < 4 or len(x0s) - i < 4:
            continue
        candidates.append((i - n_left, edge, start))
    candidates.sort()
    ordered = sorted(frags, key=_reading_key)
    # A word gap of a justified line can pass for a gutter over a few lines; of the
    # candidates crossed least, the one with the most rows side by side wins.
    best, gutter = 0, None
    for _, left_edge, right_edge in candidates[:_TRIED]:
        pairs = _column_band(ordered, left_edge, right_edge, best)
        if pairs > best:
            best, gutter = pairs, (left_edge, right_edge)
    return gutter


_CELL_GAPS = 2  # gaps of an em or more that part a row into cells
_LEAD_WORDS = 4  # words of a term set apart at a line's start
_PARAGRAPH_ROWS = 6  # filled rows in a row: running text, not a table's cells
_TRIED = 6  # gutter candidates tested for a column band, fewest crossings first


def _column_band(ordered: list[Fragment], gl: float, gr: float, floor: int = 0) -> int:
    """Side-by-side rows of the best band (between fragments crossing ``gl``..``gr``) that
    reads as columns, when more than ``floor``; else 0."""
    best = floor
    left: list[Fragment] = []
    right: list[Fragment] = []
    bottom = -1e9  # of the band so far
    for f in ordered:
        if f.x1 <= gl + 0.5:
            left.append(f)
        elif f.x0 >= gr - 0.5:
            right.append(f)
        elif f.y0 > bottom - 0.5 * f.height:
            # A crossing fragment below the band closes it (one level with it, like a page
            # number between column lines, does not).
            best = max(best, _columns(left, right, best))
            left, right = [], []
            continue
        bottom = max(bottom, f.y1)
    best = max(best, _columns(left, right, best))
    return best if best > floor else 0


def _columns(left: list[Fragment], right: list[Fragment], floor: int) -> int:
    if len(left) < _NOTE_ROWS or len(right) < _NOTE_ROWS:
        return 0
    need = _NOTE_ROWS if _notes_beside(left, right) else _COLUMN_ROWS
    if len(left) < need or len(right) < need or _mostly_numbers(left) or _mostly_numbers(right):
        return 0
    pairs, joined = _side_by_side(left, right)
    if pairs <= floor or pairs < max(need, 0.4 * min(len(left), len(right))):
        return 0
    if joined * 2 > pairs and need == _COLUMN_ROWS:
        # The PDF library keeps the two sides in one block when it reads them as one text
        # (rows of a table, the words after the wide gaps of justified lines): columns are
        # blocks of their own. Notes in smaller type are no part of the text's lines.
        return 0
    # The narrower side is one column; the wider may hold several (read again later).
    left_rows, right_rows = _rows(left), _rows(right)
    width = min(_extent(left), _extent(right))
    return pairs if _filled(left_rows, width) and _filled(right_rows, width) else 0


_COLUMN_ROWS = 4  # rows side by side that make two columns
_NOTE_ROWS = 3  # the same, where one side is a narrow column of notes in smaller type


def _notes_beside(left: list[Fragment], right: list[Fragment]) -> bool:
    """One side is set in smaller type than the other and is the narrower: a column of
    side notes beside the text (a short note has three lines)."""
    for notes, text in ((right, left), (left, right)):
        smaller = statistics.median(f.size for f in notes) <= 0.9 * statistics.median(
            f.size for f in text)
        if smaller and _extent(notes) < _extent(text):
            return True
    return False


_BARE_NUMBER = re.compile(r"[.\s·…]*(?:\d{1,4}|[ivxlc]{1,7})", re.IGNORECASE)
_LEADER = re.compile(r"[.\s·…]+")


def _mostly_numbers(side: list[Fragment]) -> bool:
    """Most of the side is bare numbers (dot leaders aside): the page numbers of a table of
    contents beside its entries, or a table's column of figures, read row by row, never
    as a column."""
    texts = [f.text.strip() for f in side if not _LEADER.fullmatch(f.text.strip())]
    return sum(bool(_BARE_NUMBER.fullmatch(t)) for t in texts) * 2 > len(texts)


def _rows(side: list[Fragment]) -> list[tuple[float, float]]:
    """Horizontal extent of each visual line: MuPDF splits justified lines at wide word gaps.

    ``side`` is in reading order, so a row's fragments follow one another.
    """
    rows: list[list[float]] = []  # x0, x1, y0, y1
    for f in side:
        if rows:
            row = rows[-1]
            overlap = min(row[3], f.y1) - max(row[2], f.y0)
            near = f.x0 - row[1] < 4 * f.size and row[0] - f.x1 < 4 * f.size
            if overlap > 0.5 * min(row[3] - row[2], f.y1 - f.y0) and near:
                row[0], row[1] = min(row[0], f.x0), max(row[1], f.x1)
                continue
        rows.append([f.x0, f.x1, f.y0, f.y1])
    return [(r[0], r[1]) for r in rows]


def _extent(side: list[Fragment]) -> float:
    return max(f.x1 for f in side) - min(f.x0 for f in side)


def _filled(rows: list[tuple[float, float]], width: float) -> bool:
    """Most lines of running text span most of a column; the cells of a table do not. A
    column that holds a table as well as text has a paragraph's run of filled lines."""
    full = [x1 - x0 >= 0.6 * width for x0, x1 in rows]
    if sum(full) * 2 >= len(rows):
        return True
    run = longest = 0
    for filled in full:
        run = run + 1 if filled else 0
        longest = max(longest, run)
    return longest >= _PARAGRAPH_ROWS


def _side_by_side(left: list[Fragment], right: list[Fragment]) -> tuple[int, int]:
    """Count right-side rows that have a left-side fragment at the same height, and of
    those, the rows whose two fragments are in one text block of the PDF library.

    Rows, not fragments: one justified line split at its wide word gaps is one row.
    """
    spans = sorted((f.y0, f.y1, f.block) for f in left)
    starts = [s[0] for s in spans]
    count = joined = 0
    counted = -1e9  # bottom of the last row counted
    for f in sorted(right, key=_reading_key):
        if f.y0 < counted - 0.5 * f.height:
            continue
        # Only fragments starting before this one ends can overlap it vertically.
        j = bisect_right(starts, f.y1)
        for k in range(j - 1, max(-1, j - 4), -1):
            y0, y1, block = spans[k]
            overlap = min(y1, f.y1) - max(y0, f.y0)
            if overlap > 0.3 * min(y1 - y0, f.height):
                count += 1
                joined += block == f.block
                counted = f.y1
                break
    return count, joined


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
        return [(inner, sorted(frags, key=_reading_key))]
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
    for f in sorted(frags, key=_reading_key):
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
    if len(_rows(left)) < 2 or len(_rows(right)) < 2:
        # Text on one side only is no column, nor is one line split at wide word gaps.
        return [], [], [], sorted(region, key=_reading_key), []
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
    key = _reading_key
    return sorted(before, key=key), left, right, sorted(rest, key=key), sorted(after, key=key)


def _attached(upper: Fragment, lower: Fragment) -> bool:
    return lower.y0 - upper.y1 < 0.8 * min(upper.height, lower.height)


def _reading_key(f: Fragment) -> tuple[float, float]:
    # The bottom edge, not the top, so a superscript sorts next to its own line.
    return (f.y1, f.x0)


def _heading_after(upper: Fragment, lower: Fragment) -> bool:
    """A heading set off below the end of both columns opens what follows them: its own
    column has nothing after it, so its text cannot be the other (shorter) column."""
    heading = lower.bold != upper.bold or lower.size > upper.size + 0.9
    return heading and lower.y0 - upper.y1 > 0.8 * max(upper.height, lower.height)


def _apart(upper: Fragment, lower: Fragment) -> bool:
    return lower.y0 - upper.y1 > 1.5 * max(upper.height, lower.height)


def merge_rows(frags: list[Fragment]) -> list[Fragment]:
    """Join fragments of one column that share a baseline into one visual line.

    ``frags`` must be in reading order. Superscripts and spans MuPDF split off (large word
    gaps, font changes) are joined left to right with a space where the glyphs do not touch.
    A displayed formula comes as pieces whose extents nest (``yi`` and ``x⊤`` each a line,
    ``= … (1)`` one line around the rest): the pieces of a row are ordered by their left
    edges, so the formula reads left to right.
    """
    rows: list[list[Fragment]] = []
    for f in frags:
        row = rows[-1] if rows else None
        if row is not None and row[0].column == f.column and _same_row(row, f):
            row.append(f)
        else:
            rows.append([f])
    return [_joined(row) for row in rows]


def _same_row(row: list[Fragment], f: Fragment) -> bool:
    if {"cell", "row"} & {f.kind, row[0].kind} and f.block != row[0].block:
        return False  # the cells of a ruled table's row stay apart
    y0, y1 = min(r.y0 for r in row), max(r.y1 for r in row)
    overlap = min(y1, f.y1) - max(y0, f.y0)
    if overlap <= 0.5 * min(y1 - y0, f.height):
        return False
    # Pieces of one row sit beside one another; glyphs printed over others are another row.
    # A formula's pieces may overlap by a glyph: a superscript over the next subscript.
    slack = max(1.0, 0.8 * min(f.size, row[0].size))
    return all(f.x0 >= r.x1 - slack or r.x0 >= f.x1 - slack for r in row)


def _joined(row: list[Fragment]) -> Fragment:
    ordered = sorted(row, key=lambda f: f.x0)
    out = ordered[0]
    for f in ordered[1:]:
        out = _join(out, f)
    cells = sum(b.x0 - a.x1 >= a.size for a, b in pairwise(ordered))
    if cells >= _CELL_GAPS and out.kind is None:
        out.kind = "cells"  # three or more pieces an em or more apart: a table's row
    return out


def _join(a: Fragment, b: Fragment) -> Fragment:
    first, second = (a, b) if a.x0 <= b.x0 else (b, a)
    gap = second.x0 - first.x1
    # Glyphs that touch are one word; pieces stacked over each other (``x⊤`` over ``i``) not.
    sep = "" if -1.0 <= gap < 0.15 * min(first.size, second.size) else " "
    text = first.text.rstrip() + sep + second.text.lstrip() if sep else first.text + second.text
    head = len(first.text.rstrip()) + len(sep) if sep else len(first.text)
    shift = head - (len(second.text) - len(second.text.lstrip()) if sep else 0)
    size = (first if len(first.text) >= len(second.text) else second).size
    raised = _clipped(first.raised, 0, head) + _clipped(second.raised, shift, head)
    small = _clipped(_smaller(first, size), 0, head) + _clipped(_smaller(second, size), shift, head)
    # The dominant size and weight are those of the longer text.
    main = first if len(first.text) >= len(second.text) else second
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
        kind=main.kind,
        raised=raised,
        small=small,
        lead=lead,
        baseline=main.baseline,
    )


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
