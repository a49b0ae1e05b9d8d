"""Columns: where a page or a band of it has a gutter, with text on both sides.

A page has columns when some x position (the gutter) leaves, in a band of the page between
fragments that cross it, rows of text on its left and right at the same heights, each
filling its side's width. Full-width text above or below the band does not matter, so a
two-column conclusion under single-column text works; table cells do not fill their width,
so a table is read row by row, and neither is a side made mostly of bare numbers (the page
numbers of a table of contents), so each entry keeps its number. A narrow column of notes in
smaller type beside the text (a wide margin for side notes) is a column with fewer rows.
"""

from __future__ import annotations

import re
import statistics
from bisect import bisect_left, bisect_right

from archive.extract.fragment import Fragment, reading_key

# A band of side-by-side rows that reads as no columns but for its sides' rhythm: the rows
# side by side, the left side's fragments, the right side's.
_Band = tuple[int, list[Fragment], list[Fragment]]


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
    # Gaps that open onto the same column start (a table's cell column beside lines of
    # several lengths) may fill the candidates crossed least; the least crossed gap onto
    # each start is tried too, so that a gutter crossed by more (a full-width table's rows
    # over the columns) is.
    by_start: dict[int, tuple[int, float, float]] = {}
    for candidate in candidates:
        by_start.setdefault(round(candidate[2]), candidate)
    tried = list(dict.fromkeys(candidates[:_TRIED] + list(by_start.values())[:_TRIED]))
    ordered = sorted(frags, key=reading_key)
    # A word gap of a justified line can pass for a gutter over a few lines; of the
    # candidates crossed least, the one with the most rows side by side wins.
    # Columns whose lines keep their own rhythm (a reference card's, each of headings and
    # tables) are sought only where no others are: a gap inside a column (an index's, before
    # its page numbers) can have the same look.
    best, gutter = 0, None
    held: list[tuple[tuple[float, float], list[_Band]]] = []  # each candidate's other bands
    for _, left_edge, right_edge in tried:
        bands: list[_Band] = []
        pairs = _column_band(ordered, left_edge, right_edge, best, bands)
        if pairs > best:
            best, gutter = pairs, (left_edge, right_edge)
        held.append(((left_edge, right_edge), bands))
    if gutter is None:
        for edges, bands in held:
            pairs = max((n for n, left, right in bands if _out_of_step(left, right)), default=0)
            if pairs > best:
                best, gutter = pairs, edges
    return gutter



_PARAGRAPH_ROWS = 6  # filled rows in a row: running text, not a table's cells
_TRIED = 6  # gutter candidates tested for a column band, fewest crossings first


def _column_band(ordered: list[Fragment], gl: float, gr: float, floor: int = 0,
                 held: list[_Band] | None = None) -> int:
    """Side-by-side rows of the best band (between fragments crossing ``gl``..``gr``) that
    reads as columns, when more than ``floor``; else 0. The bands that fail only for lines
    that neither fill their sides nor list entries are added to ``held``."""
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
            best = max(best, _columns(left, right, best, held))
            left, right = [], []
            continue
        bottom = max(bottom, f.y1)
    best = max(best, _columns(left, right, best, held))
    return best if best > floor else 0


def _columns(left: list[Fragment], right: list[Fragment], floor: int,
             held: list[_Band] | None = None) -> int:
    if len(left) < _NOTE_ROWS or len(right) < _NOTE_ROWS:
        return 0
    need = _NOTE_ROWS if _notes_beside(left, right) else _COLUMN_ROWS
    if len(left) < need or len(right) < need or _mostly_numbers(left) or _mostly_numbers(right):
        return 0
    pairs, joined = _side_by_side(left, right)
    if pairs <= floor or pairs < max(need, 0.4 * min(len(left), len(right))):
        return 0
    if need == _COLUMN_ROWS and _joined(pairs, joined):
        return 0
    # The narrower side is one column; the wider may hold several (read again later).
    left_boxes, right_boxes = _row_boxes(left), _row_boxes(right)
    left_rows = [(x0, x1) for x0, x1, _, _ in left_boxes]
    right_rows = [(x0, x1) for x0, x1, _, _ in right_boxes]
    width = min(extent(left), extent(right))
    left_filled, right_filled = _filled(left_rows, width), _filled(right_rows, width)
    if left_filled and right_filled:
        return pairs
    if (left_filled and (_running_text(left) or _listing(right))) or (
            right_filled and (_running_text(right) or _listing(left))):
        # A column of running text beside one that holds a table (its cells fill no
        # width), as wide as it: a float set in one column of the page. A column of code
        # beside a filled one (a reference list's lines are not all prose) is one too.
        wide, narrow = max(extent(left), extent(right)), min(extent(left), extent(right))
        if narrow >= _HALVES * wide:
            return pairs
    lists = _flush(left_rows, left) and _flush(right_rows, right) and _lists_apart(
        [(y0, y1) for _, _, y0, y1 in left_boxes], [(y0, y1) for _, _, y0, y1 in right_boxes])
    if lists:
        return pairs
    if held is not None:
        held.append((pairs, left, right))
    return 0


_COLUMN_ROWS = 4  # rows side by side that make two columns
_NOTE_ROWS = 3  # the same, where one side is a narrow column of notes in smaller type


def one_text(left: list[Fragment], right: list[Fragment]) -> bool:
    """The PDF library keeps the rows of the two sides in one block, as it does when it
    reads them as one text (rows of a table, the words after the wide gaps of justified
    lines): columns are blocks of their own. Notes in smaller type are no part of the text's
    lines."""
    return not _notes_beside(left, right) and _joined(*_side_by_side(left, right))


def _joined(pairs: int, joined: int) -> bool:
    return joined * 2 > pairs


def _notes_beside(left: list[Fragment], right: list[Fragment]) -> bool:
    """One side is set in smaller type than the other and is the narrower: a column of
    side notes beside the text (a short note has three lines)."""
    for notes, text in ((right, left), (left, right)):
        smaller = statistics.median(f.size for f in notes) <= 0.9 * statistics.median(
            f.size for f in text)
        if smaller and extent(notes) < extent(text):
            return True
    return False


_BARE_NUMBER = re.compile(r"[.\s·…]*(?:\d{1,4}|[ivxlc]{1,7})", re.IGNORECASE)
_LEADER = re.compile(r"[.\s·…]+")


def bare_number(text: str) -> bool:
    """A number alone (a page's, a row's), after dot leaders if any."""
    return bool(_BARE_NUMBER.fullmatch(text.strip()))


def _mostly_numbers(side: list[Fragment]) -> bool:
    """Most of the side is bare numbers (dot leaders aside): the page numbers of a table of
    contents beside its entries, or a table's column of figures, read row by row, never
    as a column."""
    texts = [f.text.strip() for f in side if not _LEADER.fullmatch(f.text.strip())]
    return sum(bare_number(t) for t in texts) * 2 > len(texts)


def rows_of(side: list[Fragment]) -> list[tuple[float, float]]:
    """Horizontal extent of each visual line: MuPDF splits justified lines at wide word gaps.

    ``side`` is in reading order, so a row's fragments follow one another.
    """
    return [(x0, x1) for x0, x1, _, _ in _row_boxes(side)]


def _row_boxes(side: list[Fragment]) -> list[tuple[float, float, float, float]]:
    """Each visual line's box ``(x0, x1, y0, y1)`` (``rows_of``)."""
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
    return [(r[0], r[1], r[2], r[3]) for r in rows]


_HALVES = 0.7  # of the wider side's width: the narrower is a column of the page too
_PROSE_WORDS = 6  # words of a line of running text, at least


def _running_text(side: list[Fragment]) -> bool:
    """Most of the side's lines are running text, not a table's cells or labels."""
    return sum(len(f.text.split()) >= _PROSE_WORDS for f in side) * 2 > len(side)


def _listing(side: list[Fragment]) -> bool:
    """Most of the side is code in a typewriter face (a listing's lines end anywhere)."""
    return sum(f.kind == "code" for f in side) * 2 > len(side)


_LIST_ROWS = 8  # rows a side of short lines needs to be a column of a list


_ENTRY_INDENT = 4.0  # ems: a sub-entry's indent under its entry


def _flush(rows: list[tuple[float, float]], side: list[Fragment]) -> bool:
    """Nearly every line of a column of entries starts at its left edge, or a sub-entry's
    indent from it; dot leaders that run to marks at the right start anywhere."""
    edge = min(x0 for x0, _ in rows)
    indent = _ENTRY_INDENT * statistics.median(f.size for f in side)
    return sum(x0 - edge <= indent for x0, _ in rows) >= 0.9 * len(rows)


def _lists_apart(left: list[tuple[float, float]], right: list[tuple[float, float]]) -> bool:
    """Two columns of short lines (an index, a glossary, a long list set in columns), not a
    table: each side has lines facing white on the other, where its own groups (a letter's
    entries, a wrapped entry) break elsewhere. A table's rows face each other, and where one
    of its cells wraps, the cells beside it face white on one side only."""
    if len(left) < _LIST_ROWS or len(right) < _LIST_ROWS:
        return False
    for side, other in ((left, right), (right, left)):
        alone = sum(not any(min(y1, b1) - max(y0, b0) > 0.3 * min(y1 - y0, b1 - b0)
                            for b0, b1 in other) for y0, y1 in side)
        if alone < max(2, 0.1 * len(side)):
            return False
    return True


_STEP_ROWS = 12  # rows each side needs for its baselines' rhythm to tell
_IN_STEP = 0.75  # share of one side's baselines level with the other's: a table's rows


def _out_of_step(left: list[Fragment], right: list[Fragment]) -> bool:
    """Two columns of a reference card, each its own headings and tables: the lines of
    either side keep their own rhythm, so that most baselines of one side are level with
    none of the other's. A table's cells, wrapped or not, share their rows' baselines."""
    if not (_worded(left) and _worded(right)):
        return False  # a diagram's labels, a plot's ticks: each on a baseline of its own
    lefts = _baselines(left)
    rights = _baselines(right)
    if len(lefts) < _STEP_ROWS or len(rights) < _STEP_ROWS:
        return False
    fewer, more = (lefts, rights) if len(lefts) <= len(rights) else (rights, lefts)
    level = 0
    for y in fewer:
        i = bisect_left(more, y - _LEVEL)
        level += i < len(more) and more[i] <= y + _LEVEL
    return level < _IN_STEP * len(fewer)


_LEVEL = 0.5  # points between baselines that are level
_WORDED = 3  # words of a card's descriptions


def _worded(side: list[Fragment]) -> bool:
    """A third of the side's pieces are worded (a card's descriptions beside its commands)."""
    return sum(len(f.text.split()) >= _WORDED for f in side) * 3 >= len(side)


def _baselines(side: list[Fragment]) -> list[float]:
    """The baselines of the side's lines of words (no stray marks or numbers), in order."""
    return sorted({round(f.baseline if f.baseline is not None else f.y1, 1) for f in side
                   if sum(map(str.isalpha, f.text)) >= 2})


def extent(side: list[Fragment]) -> float:
    """The width the side's lines span, left edge to right."""
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
    for f in sorted(right, key=reading_key):
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
