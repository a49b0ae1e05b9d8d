"""Drawings grouped by touching boxes: a page's path items, each a rectangle, joined into
regions where they touch (within a small tolerance). A plot's axes, ticks and points make
one region; two figures side by side make two. ``archive.extract.figures`` tells which
regions are figures, ``archive.extract.diagrams`` which are diagrams.

Pure functions over rectangles ``(x0, y0, x1, y1)`` in PDF points, origin top-left.
"""

from __future__ import annotations

Rect = tuple[float, float, float, float]
Region = tuple[Rect, list[int]]  # a group of touching items: its box, its items' indices

_TOUCH = 4.0  # points: items this close belong to one region
_CELL = 24.0  # points: grid cell for grouping items
_LATEST = 32  # items of a group in a cell that stand for the rest when grouping


def group_drawings(items: list[Rect], page: Rect, touch: float = _TOUCH) -> list[Region]:
    """Items grouped by touching boxes (``touch`` points apart at most): each group's box
    and its items' indices.

    Items are joined with a union-find over a grid of cells, so a scatter plot of many
    thousand points costs about as much as its items, not their square.
    """
    cell = max(_CELL, 2 * touch)
    page_w, page_h = page[2] - page[0], page[3] - page[1]
    # A page-sized frame or background says nothing about figures.
    kept = [k for k, r in enumerate(items)
            if not ((r[2] - r[0]) > 0.9 * page_w and (r[3] - r[1]) > 0.9 * page_h)]
    parent = list(range(len(kept)))

    def find(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    # Each cell keeps its items by group: an item is tested against the latest items of
    # each other group there, and not at all against its own (a dense plot's items mostly
    # are one group), so a cell costs a test per group, not per item.
    cells: dict[tuple[int, int], list[list[int]]] = {}
    for k, item in enumerate(kept):
        x0, y0, x1, y1 = items[item]
        x0, y0, x1, y1 = x0 - touch, y0 - touch, x1 + touch, y1 + touch
        for cx in range(int(x0 // cell), int(x1 // cell) + 1):
            for cy in range(int(y0 // cell), int(y1 // cell) + 1):
                buckets = cells.get((cx, cy), [])
                mine: list[int] | None = None
                others: list[list[int]] = []
                for bucket in buckets:
                    root = find(bucket[-1])
                    if root != k:
                        for other in bucket[-_LATEST:]:
                            ox0, oy0, ox1, oy1 = items[kept[other]]
                            if not (x1 < ox0 or ox1 < x0 or y1 < oy0 or oy1 < y0):
                                parent[root] = k  # ``k`` stays the root while it is placed
                                break
                        else:
                            others.append(bucket)
                            continue
                    if mine is None:
                        mine = bucket
                    else:  # two groups of the cell joined: one bucket
                        mine += bucket
                if mine is None:
                    mine = []
                mine.append(k)
                if len(mine) > 2 * _LATEST:
                    del mine[:-_LATEST]
                cells[(cx, cy)] = [*others, mine]
    groups: dict[int, Region] = {}
    for k, item in enumerate(kept):
        root = find(k)
        box, members = groups.get(root, (items[item], []))
        members.append(item)
        groups[root] = (union(box, items[item]), members)
    return list(groups.values())


def union(a: Rect, b: Rect) -> Rect:
    """The box around both."""
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))
