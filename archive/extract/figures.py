"""Figures among a page's drawings, told apart by geometry.

A vector plot or drawing is many path items close together (axes, ticks, curves, points);
a frame around a box of text, a table's rules or a shaded code background is one to a few,
or bands that each span the whole block (a listing shaded a line at a time).
Items are grouped into regions by touching bounding boxes (with a small tolerance); a region
of at least ``_MIN_ITEMS`` items and of some size is a figure, with the axes and a legend's
keys drawn apart from it. Which lines of text are its labels ``archive.extract.figuretext``
decides.

A table's grid is rules only, across and down, dividing what they enclose
(``ruled_regions``): there ``archive.extract.pdf`` asks PyMuPDF's table finder for the
cells, and a table found with text in most of its cells is no figure (``archive.extract.
tables`` reads it).

Pure functions over rectangles ``(x0, y0, x1, y1)`` in PDF points, origin top-left, and
over a page's paths as PyMuPDF's ``get_cdrawings()`` describes them (plain dicts: what each
path draws, a rule, a curve or a tick mark).
"""

from __future__ import annotations

from typing import Any, NamedTuple

from archive.extract.grouping import Rect, Region, union

_MIN_ITEMS = 8  # path items that make a region a drawing rather than a frame or a rule
MIN_SIDE = 30.0  # points: smaller regions are glyph-like decorations


class Shape(NamedTuple):
    """What one path item draws, beyond its box."""

    filled: bool  # a filled shape
    curved: bool  # a curve longer than a rounded corner's
    stroked: bool = False  # its outline drawn


class Text(NamedTuple):
    """A line of the page's text: where it stands, its words and letters, and whether it
    is set as code."""

    box: Rect
    words: int
    letters: int
    code: bool = False


def figure_regions(
    grouped: list[Region], items: list[Rect], shapes: list[Shape] | None = None,
    texts: list[Text] | None = None,
) -> list[Rect]:
    """Bounding boxes of the page's drawings among its groups of ``items``
    (``archive.extract.grouping``). ``shapes`` says what each item draws,
    ``texts`` where the page's lines are. Few items draw something too where they paint
    shapes with no text inside them (colour swatches, a mosaic's tiles) or draw a curve
    (a path through three points): a frame or a rounded box is straight but for its
    corners."""
    figures = [
        r for r, members in _with_axes(grouped)
        if r[2] - r[0] >= MIN_SIDE and r[3] - r[1] >= MIN_SIDE
        and (len(_within_frame(r, members, items, texts)) >= _MIN_ITEMS
             or _painted(r, members, shapes, texts)
             or _curve_drawing(r, members, shapes, texts))
        and not _holds_prose(r, texts)
        # A curve is no band, however wide (a path drawn across its figure).
        and not (_banded(r, [items[k] for k in members])
                 and not (shapes is not None and any(shapes[k].curved for k in members)))
    ]
    return [_with_legend(f, [r for r, _ in grouped]) for f in figures]


def _within_frame(
    region: Rect, members: list[int], items: list[Rect], texts: list[Text] | None
) -> list[int]:
    """The region's items less its frame, where it has one all round (a background as
    large as the region, or rules along its four sides) and holds lines of running text.
    A framed box of text (a definition, its title on a band) is drawn with many paths
    round what it holds; whether it holds a drawing too is told by what stands inside. (A
    framed grid of numbers is a plot's, its rules inside the frame.)"""
    if texts is None or sum(
            1 for t in texts if within(t.box, region) and t.words >= PROSE_LINE) < 2:
        return members
    sides = {k: side for k in members if (side := _frame_side(items[k], region))}
    if "all" not in sides.values() and not {"top", "bottom", "left", "right"} <= set(
            sides.values()):
        return members
    return [k for k in members if k not in sides]


def _frame_side(item: Rect, region: Rect) -> str | None:
    """Which part of the region's frame the item draws: ``all`` (a background or an
    outline as large as the region), a side's rule, or none."""
    x0, y0, x1, y1 = region
    wide = item[2] - item[0] >= 0.95 * (x1 - x0)
    tall = item[3] - item[1] >= 0.95 * (y1 - y0)
    if wide and tall:
        return "all"
    if wide and item[3] - item[1] <= HAIRLINE:
        off = {"top": item[1] - y0, "bottom": y1 - item[3]}
    elif tall and item[2] - item[0] <= HAIRLINE:
        off = {"left": item[0] - x0, "right": x1 - item[2]}
    else:
        return None
    return next((side for side, d in off.items() if abs(d) <= _SIDE), None)


_AXIS_ITEMS = 4  # a line and three ticks at least: an axis drawn apart from its plot
_AXIS_THIN = 6.0  # points: an axis's depth, its ticks included
_AXIS_GAP = 14.0  # points between a plot's area and the axis drawn apart from it, at most


def _with_axes(grouped: list[Region]) -> list[Region]:
    """Each drawing with the axes drawn apart from it (R's base graphics set them a little
    off the plotting area, so the bars of a small histogram are a group of their own): a
    long thin group of a line and its ticks, beside a drawing and as long as its side at
    most, is the drawing's."""
    big = [k for k, (r, _) in enumerate(grouped)
           if r[2] - r[0] >= MIN_SIDE and r[3] - r[1] >= MIN_SIDE]
    if not big:
        return grouped
    merged: dict[int, Region] = {k: grouped[k] for k in big}
    taken: set[int] = set()
    for j, (axis, members) in enumerate(grouped):
        if j in merged or len(members) < _AXIS_ITEMS:
            continue
        for k in big:
            box, own = merged[k]
            if _axis_of(axis, box):
                merged[k] = (union(box, axis), own + members)
                taken.add(j)
                break
    return [merged.get(k, g) for k, g in enumerate(grouped) if k not in taken]


def _axis_of(axis: Rect, box: Rect) -> bool:
    """``axis`` is thin, runs along a side of ``box`` no longer than it, and stands close
    beside it."""
    width, height = axis[2] - axis[0], axis[3] - axis[1]
    if height < _AXIS_THIN <= width:  # under (or over) the drawing
        return (axis[0] >= box[0] - _AXIS_GAP and axis[2] <= box[2] + _AXIS_GAP
                and (0 <= axis[1] - box[3] <= _AXIS_GAP or 0 <= box[1] - axis[3] <= _AXIS_GAP))
    if width < _AXIS_THIN <= height:  # down a side
        return (axis[1] >= box[1] - _AXIS_GAP and axis[3] <= box[3] + _AXIS_GAP
                and (0 <= axis[0] - box[2] <= _AXIS_GAP or 0 <= box[0] - axis[2] <= _AXIS_GAP))
    return False


_LEGEND_GAP = 64.0  # points between a plot and the keys of its legend, at most


def _with_legend(figure: Rect, groups: list[Rect]) -> Rect:
    """A plot's box grown over the keys of its legend beside it (a column of small marks
    right or left of the axes, within their height): the names between are the plot's."""
    x0, y0, x1, y1 = figure
    for g in groups:
        small = g[2] - g[0] < MIN_SIDE or g[3] - g[1] < MIN_SIDE
        level = g[1] >= figure[1] - 2 and g[3] <= figure[3] + 2
        beside = 0 < g[0] - figure[2] <= _LEGEND_GAP or 0 < figure[0] - g[2] <= _LEGEND_GAP
        if small and level and beside:
            x0, y0, x1, y1 = min(x0, g[0]), min(y0, g[1]), max(x1, g[2]), max(y1, g[3])
    return (x0, y0, x1, y1)


_MIN_PAINTED = 3  # filled shapes, with no text in them, that make a region a drawing
_AXIS_TICKS = 8  # tick marks that make a grid of rules a plot's axes
_CURVE = 20.0  # points: a curve this long draws something; a rounded corner is shorter


_PROSE = (3, 12)  # words and letters from which a line is text, not a label (``f(x) = x2``)


def _curve_drawing(
    region: Rect, members: list[int], shapes: list[Shape] | None, texts: list[Text] | None
) -> bool:
    """A curve, with labels at most inside (``z1``): a banner drawn round a heading holds
    a line of words."""
    if shapes is None or texts is None or not any(shapes[k].curved for k in members):
        return False
    return not any(
        within(t.box, region) and t.words >= _PROSE[0] and t.letters >= _PROSE[1]
        for t in texts
    )


PROSE_LINE = 8  # words of a line of running text, more than a label has
_PROSE_LINES = 3  # such lines, or of code, inside a drawing's box: text it frames or marks
_TEXT_BOX = 0.75  # of the lines inside a box that are code or running text: a text box


def _holds_prose(region: Rect, texts: list[Text] | None) -> bool:
    """Lines of running text or of code inside the region: a drawing labels, it does not
    hold paragraphs or listings; paths round or under them (an example's framed box, a
    frame of shaded lines, the underlines and strokes of tracked changes) mark text up."""
    if texts is None:
        return False
    inside = [t for t in texts if within(t.box, region)]
    held = sum(1 for t in inside if t.code or t.words >= PROSE_LINE)
    # A plot beside a listing may share its box with it: a text box holds hardly anything
    # else, and a box that does stays a figure, its code and sentences kept out of it
    # (``is_figure_text``).
    return held >= _PROSE_LINES and held >= _TEXT_BOX * len(inside)


def _painted(
    region: Rect, members: list[int], shapes: list[Shape] | None, texts: list[Text] | None
) -> bool:
    """Filled shapes only, enough of them, and no line of text with its middle inside: a
    shaded box or a table's coloured rows hold their text, a palette's swatches do not."""
    if shapes is None or texts is None or len(members) < _MIN_PAINTED:
        return False
    if not all(shapes[k].filled for k in members):
        return False
    return not any(within(t.box, region) for t in texts)


def within(box: Rect, region: Rect) -> bool:
    """Whether the box's middle is in the region."""
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return region[0] <= cx <= region[2] and region[1] <= cy <= region[3]


def _banded(region: Rect, members: list[Rect]) -> bool:
    """Every item spans the region's width, or is a rule down its left or right side:
    bands and rules stacked down a block of text (a listing shaded a line at a time, each
    line's piece of the frame beside it; a table's rules across), which draw nothing."""
    width = region[2] - region[0]
    return all(
        m[2] - m[0] >= 0.95 * width
        or (m[2] - m[0] <= HAIRLINE and min(abs(m[0] - region[0]), abs(region[2] - m[2])) <= _SIDE)
        for m in members
    )


HAIRLINE = 2.0  # points: an item this narrow is a rule
_SIDE = 6.0  # points from the region's side where its frame's rules stand, a double one's too


Rules = tuple[frozenset[int], frozenset[int]]  # where a path's rules stand: ys across, xs down


def ruled_regions(grouped: list[Region], rules: list[Rules | None],
                  ticks: list[bool]) -> list[Rect]:
    """Bounding boxes of groups of rules only, across and down, that divide what they
    enclose: where a table's grid may stand. ``rules`` says where each item's rules stand
    (rounded to points), or None for anything but rules and boxes (a curve, a slanted
    line). A frame (two rules each way), rules across alone (a booktabs table) and boxes
    (the bars of a chart) draw no cells to read; rules between rows and one down between
    the columns do, without a frame. ``ticks`` says which items are short lone strokes: a
    grid with a plot's tick marks on its sides is the panels of a plot (a lattice), no
    table."""
    out = []
    for r, members in grouped:
        drawn = [rules[k] for k in members]
        if any(d is None for d in drawn) or sum(ticks[k] for k in members) >= _AXIS_TICKS:
            continue
        ys = frozenset().union(*(d[0] for d in drawn if d))
        xs = frozenset().union(*(d[1] for d in drawn if d))
        if len(ys) >= 2 and xs and len(ys) + len(xs) >= 5:
            out.append(r)
    return out


# -- a page's paths, as PyMuPDF's get_cdrawings() gives them --------------------------------


def curved(path: dict[str, Any]) -> bool:
    """Whether the path holds a curve longer than a rounded corner."""
    for item in path["items"]:
        if item[0] == "c":
            xs = [p[0] for p in item[1:]]
            ys = [p[1] for p in item[1:]]
            if max(max(xs) - min(xs), max(ys) - min(ys)) >= _CURVE:
                return True
    return False


def path_rules(path: dict[str, Any]) -> Rules | None:
    """Where a path of straight lines and rectangles draws rules: the heights of those
    across and the abscissae of those down, in whole points (a rectangle as thin as a line
    is a rule; other rectangles, a frame, a cell's shading or a chart's bar, add none);
    None when it draws anything else (a curve, a slanted line)."""
    across: set[int] = set()
    down: set[int] = set()
    for item in path["items"]:
        if item[0] == "re":
            x0, y0, x1, y1 = item[1]
            if abs(y1 - y0) <= HAIRLINE:
                across.add(round(y0))
            elif abs(x1 - x0) <= HAIRLINE:
                down.add(round(x0))
            continue
        if item[0] != "l":
            return None
        (x0, y0), (x1, y1) = item[1], item[2]
        if abs(y0 - y1) <= 0.5:
            across.add(round(y0))
        elif abs(x0 - x1) <= 0.5:
            down.add(round(x0))
        else:
            return None
    return frozenset(across), frozenset(down)


_TICK = 6.0  # points: a lone stroke this short marks a value on a plot's axis


def is_tick(path: dict[str, Any]) -> bool:
    """The path is one short straight stroke: a tick mark on a plot's axis."""
    items = path["items"]
    if len(items) != 1 or items[0][0] != "l":
        return False
    (x0, y0), (x1, y1) = items[0][1], items[0][2]
    length: float = abs(x1 - x0) + abs(y1 - y0)
    return length < _TICK


def visible_paths(paths: list[dict[str, Any]], size: tuple[float, float]) -> list[dict[str, Any]]:
    """The page's paths but a white background filling most of it: on white paper it shows
    nothing, and would join every drawing into one, the text under them too. (A plot's
    white background, smaller, holds the plot together.)"""
    width, height = size
    return [p for p in paths if not (
        p.get("type") == "f" and _white(p.get("fill"))
        and p["rect"][2] - p["rect"][0] >= _BACKGROUND * width
        and p["rect"][3] - p["rect"][1] >= _BACKGROUND * height)]


_BACKGROUND = 0.5  # of the page's width and height: a white fill as large is a background


def _white(colour: Any) -> bool:
    return isinstance(colour, (tuple, list)) and bool(colour) and min(colour) >= 0.99
