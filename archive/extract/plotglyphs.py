"""Plots drawn in glyphs: points set as characters of a symbol font, not as paths.

R's ``pdf()`` device draws a plot's points as ZapfDingbats' ``●`` (``useDingbats``), so a
scatter plot or a map of units comes as text: dozens of lines of ``● ● ●`` with the points'
numbers among them. Their boxes, grouped as a drawing's paths are (``grouping.group_drawings``),
give the plot's region, and its labels are found as any drawing's.
"""

from __future__ import annotations

from archive.extract.figures import MIN_SIDE
from archive.extract.fragment import Fragment
from archive.extract.grouping import Rect, group_drawings

# Plotting symbols a plot sets as glyphs of a symbol font (R's pdf device draws its points
# with ZapfDingbats): no bullet "•", which lists use.
_PLOT_MARKS = frozenset("●○■□▲△▼▽◆◇★☆✚✖")
_POINT_REACH = 40.0  # points between two points of one plot, at most
_MIN_POINTS = 6  # points of a plot drawn in glyphs
_SPREAD = 3  # distinct heights and widths its points stand at, at least: not a list


def glyph_plots(frags: list[Fragment], page: Rect) -> list[Rect]:
    """Plots whose points are glyphs of a symbol font: their boxes, the points marked as
    the figure's text. A column of the same glyph (a list's bullets) stands at one width,
    a plot's points scatter over its area."""
    # A fragment's text is stripped: its first character rules out nearly every line.
    points = [f for f in frags if f.text[:1] in _PLOT_MARKS and all(
        ch in _PLOT_MARKS or ch == " " for ch in f.text)]
    if len(points) < _MIN_POINTS:
        return []
    boxes = [(f.x0, f.y0, f.x1, f.y1) for f in points]
    out = []
    for box, members in group_drawings(boxes, page, _POINT_REACH):
        if (len(members) < _MIN_POINTS or box[2] - box[0] < MIN_SIDE
                or box[3] - box[1] < MIN_SIDE):
            continue
        xs = {round(boxes[k][0] / 2) for k in members}
        ys = {round(boxes[k][1] / 2) for k in members}
        if len(xs) < _SPREAD or len(ys) < _SPREAD:
            continue
        for k in members:
            points[k].kind = "figure"
        out.append(box)
    return out
