"""Diagrams of labelled boxes joined by arrows: a class's inheritance, a flowchart, a data
flow between systems.

Their few paths draw more than a frame does, and their arrows often stop short of the
boxes they join, so they are found apart from the drawings ``archive.extract.figures``
groups by touching items: among the page's boxes and strokes, grouped a gap's width apart,
two outlined boxes or more, each round a label and nothing longer, apart from one another,
with strokes and an arrowhead, and no line of running text among them. Not the cells of a
table (they share their edges), nor the filled bars a calendar's months are headed with,
nor a quiz's boxed answers (framed side by side, they point nowhere), nor keys drawn as
caps inside a sentence (the sentence's).
"""

from __future__ import annotations

from archive.extract.figures import (
    HAIRLINE,
    PROSE_LINE,
    Shape,
    Text,
    within,
)
from archive.extract.grouping import Rect, group_drawings

_GAP = 24.0  # points between a diagram's boxes and the arrows that join them, at most
_BOX_SIDE = 6.0  # points: a box's depth, at least (a rule is narrower)
_BOX_WIDTH = 36.0  # points: a box's width, at least (a key's cap in a sentence is narrower)
_APART = 3.0  # points between two boxes of a diagram, at least: cells share their edges
_LABEL_LINES = 4  # lines of a box's label, at most; a framed listing holds more, in code
_HEAD = 10.0  # points: an arrowhead's width and depth, at most
_RULE_SHARE = 0.4  # of the page's width: a line as long is a rule, no arrow
_PAGE_SHARE = 0.5  # of the page's width and height: a path as large frames the page


def diagram_regions(items: list[Rect], shapes: list[Shape], texts: list[Text], page: Rect
                    ) -> list[Rect]:
    """Bounding boxes of the page's diagrams among its paths' boxes (``items``; ``shapes``
    says what each draws)."""
    width, height = page[2] - page[0], page[3] - page[1]
    kept = [k for k, r in enumerate(items)
            if not (r[2] - r[0] > _PAGE_SHARE * width and r[3] - r[1] > _PAGE_SHARE * height)
            and not _rule(r, width)]
    boxes = [items[k] for k in kept]
    heads = [shapes[k].filled and _small(items[k]) for k in kept]
    outlined = [shapes[k].stroked for k in kept]
    return [region for region, members in group_drawings(boxes, page, touch=_GAP)
            if any(heads[k] for k in members)
            and boxes_joined([k for k in members if outlined[k] or heads[k]], boxes, texts)
            and not any(t.words >= PROSE_LINE and within(t.box, region) for t in texts)]


def _rule(item: Rect, width: float) -> bool:
    """A rule across much of the page (a table's, a section's): no arrow of a diagram."""
    thin = min(item[2] - item[0], item[3] - item[1]) <= HAIRLINE
    return thin and max(item[2] - item[0], item[3] - item[1]) > _RULE_SHARE * width


def _small(item: Rect) -> bool:
    return item[2] - item[0] <= _HEAD and item[3] - item[1] <= _HEAD


def boxes_joined(members: list[int], items: list[Rect], texts: list[Text]) -> bool:
    """Two boxes or more apart from one another, each round a label of a few short lines
    (no code: framed listings side by side are no diagram), and strokes besides them."""
    boxes: list[Rect] = []
    strokes = 0
    for k in members:
        box = items[k]
        # Only a box big enough for a label is searched for one (a plot's points are many).
        big = box[2] - box[0] >= _BOX_WIDTH and box[3] - box[1] >= _BOX_SIDE
        held = [t for t in texts if within(t.box, box)] if big else []
        if (big and 0 < len(held) <= _LABEL_LINES
                and all(t.words < PROSE_LINE and not t.code for t in held)):
            if not any(_same(box, other) for other in boxes):  # filled, then stroked
                boxes.append(box)
        else:
            strokes += 1
    return len(boxes) >= 2 and strokes > 0 and all(
        _apart(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:])


def _same(a: Rect, b: Rect) -> bool:
    return all(abs(p - q) <= 1.0 for p, q in zip(a, b, strict=True))


def _apart(a: Rect, b: Rect) -> bool:
    return (a[2] + _APART <= b[0] or b[2] + _APART <= a[0]
            or a[3] + _APART <= b[1] or b[3] + _APART <= a[1])
