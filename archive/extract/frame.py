"""The body frame of each page: where stacked lines of text begin and end.

Running headers and footers are evidence for the cleaner only when they sit *outside* the
page's text: a body line at the very top of a page with narrow margins is still a body line.
What tells them apart, whatever the page size or margins, is spacing: lines of running text
(paragraphs, references, tables) follow one another at their leading, while a running header
or footer stands alone, set off from the text by a gap of more than a line. The frame of a
page runs from the top of its first line that has a line stacked right below it to the bottom
of its last line that has one stacked right above it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from archive.models import Line

_LOOKAHEAD = 8  # lines further down the page tried for a neighbour (columns interleave)


def body_frames(lines: Iterable[Line]) -> dict[int, tuple[float, float]]:
    """Map each page number to ``(top, bottom)`` of its body frame, in PDF points.

    Two lines are stacked when they overlap horizontally and the gap between them is less
    than the taller one's height. A page's frame also covers the span of the document's
    fuller pages, so a lone heading at the foot of a page is inside. Pages without geometry,
    or without any two stacked lines (a page holding only a figure), are left out: no frame
    is known there, and position alone must not decide.
    """
    by_page: dict[int, list[_Box]] = {}
    for ln in lines:
        if ln.x0 is not None and ln.y0 is not None and ln.x1 is not None and ln.y1 is not None:
            size = ln.size or ln.y1 - ln.y0
            by_page.setdefault(ln.page, []).append((ln.x0, ln.y0, ln.x1, ln.y1, size))
    frames: dict[int, tuple[float, float]] = {}
    heads: list[int] = []  # tops of lines standing alone over their page's frame
    feet: list[int] = []  # bottoms of lines standing alone under it
    for page, boxes in by_page.items():
        frame = _frame(sorted(boxes, key=lambda b: b[1]))
        if frame is not None:
            frames[page] = frame
            heads += {round(b[1]) for b in boxes if b[3] <= frame[0]}
            feet += {round(b[3]) for b in boxes if b[1] >= frame[1]}
    if not frames:
        return frames
    # A page's text may stop short (a heading left alone at the foot, a figure on top):
    # where full pages of the same document have text, the frame extends there too, but
    # not over the row where other pages' heads (feet) stand alone: a copyright page or a
    # contents page set from that row down does not bring every page's head inside.
    tallest = max(bottom - top for top, bottom in frames.values())
    full = [f for f in frames.values() if f[1] - f[0] >= 0.5 * tallest]
    # Rows where lines stand alone on a third of the pages and more than text begins (ends)
    # there: the last line of a paragraph carried over to a page without heads stands alone
    # on the text's first row.
    least = max(_ROW_PAGES, len(frames) / 3)
    text_tops = Counter(round(f[0]) for f in frames.values())
    text_bottoms = Counter(round(f[1]) for f in frames.values())
    head_rows = [row for row, n in Counter(heads).items()
                 if n >= least and n > _near(text_tops, row)]
    foot_rows = [row for row, n in Counter(feet).items()
                 if n >= least and n > _near(text_bottoms, row)]
    tops = [f[0] for f in full if not any(f[0] <= row + 1 for row in head_rows)]
    bottoms = [f[1] for f in full if not any(f[1] >= row - 1 for row in foot_rows)]
    top = min(tops or [f[0] for f in full])
    bottom = max(bottoms or [f[1] for f in full])
    return {page: (min(f[0], top), max(f[1], bottom)) for page, f in frames.items()}


_ROW_PAGES = 3  # pages at least with a line alone on one row: a running head's or foot's


def _near(rows: Counter[int], row: int) -> int:
    """Pages whose text begins (ends) on the row or a point from it."""
    return rows[row - 1] + rows[row] + rows[row + 1]


_Box = tuple[float, float, float, float, float]  # x0, y0, x1, y1, font size


def _frame(boxes: list[_Box]) -> tuple[float, float] | None:
    pairs: list[tuple[float, float]] = []
    for i, upper in enumerate(boxes):
        for lower in boxes[i + 1 : i + 1 + _LOOKAHEAD]:
            if _stacked(upper, lower):
                pairs.append((upper[1], lower[3]))
                break
    if not pairs:
        return None
    pairs = _without_edge_pair(pairs)
    return min(p[0] for p in pairs), max(p[1] for p in pairs)


_APART = 3.0  # line heights: a gap that sets a two-line head or foot off the text


def _without_edge_pair(pairs: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The stacked pairs less a lone pair at the page's top or foot, far from the rest: a
    running head of two lines (``On branch: main`` over ``Commit: b87c…``) is stacked too,
    but it stands apart from the text as a one-line head does."""
    if len(pairs) < 3:
        return pairs
    ordered = sorted(pairs)
    first, second = ordered[0], ordered[1]
    height = (first[1] - first[0]) / 2
    if second[0] >= first[1] and second[0] - first[1] > _APART * height:
        ordered = ordered[1:]
    last, before = ordered[-1], ordered[-2]
    height = (last[1] - last[0]) / 2
    if last[0] >= before[1] and last[0] - before[1] > _APART * height:
        ordered = ordered[:-1]
    return ordered


def _stacked(upper: _Box, lower: _Box) -> bool:
    if min(upper[2], lower[2]) - max(upper[0], lower[0]) <= 0:
        return False
    gap = lower[1] - upper[3]
    height = max(upper[3] - upper[1], lower[3] - lower[1])
    # A font's box may be half as tall again as its size (Charis SIL: 1.66 em): a head or a
    # page number set off by a line's worth of white is then within a box's height of the
    # text. The type's size measures the gap where it is the smaller.
    reach = min(height, max(upper[4], lower[4]))
    # Lines of one row in two columns overlap vertically; they are not stacked.
    return -0.5 * height < gap < reach
