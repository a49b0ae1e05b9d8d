"""Which lines are a drawing's text: its labels, its axes' titles, its notes over its caption.

The drawings are the regions ``archive.extract.figures`` finds. A line of text is figure
text when its middle lies in a figure (grown by about a line's height, where tick labels
sit; a short label without final punctuation up to three lines away, where axis titles sit)
and it is not a caption. Such lines leave the reading flow, so they can neither become
paragraphs nor split one.
"""

from __future__ import annotations

import re

from archive.extract.figures import PROSE_LINE
from archive.extract.fragment import Fragment
from archive.extract.grouping import Rect
from archive.lineshapes import FLOAT_LABEL

_GROW = 14.0  # points: tick labels sit this far outside the axes
_AXIS_TITLE = 32.0  # points: axis titles, short, sit this far
_TICK_WORDS = 3  # words of a tick label
# A tick's number: "1000", "−0.5", "1e+03", "10%", "2020".
_TICK_LABEL = re.compile(r"[-−–+]?\d[\d.,]*(?:[eE][-−+]?\d+)?%?")
_CODE_LETTERS = 12  # letters of a line of code, more than a label in typewriter type has


def is_figure_text(text: str, box: Rect, regions: list[Rect], code: bool = False) -> bool:
    """Whether the line (``code``: set as code) is a label of one of the page's drawings.
    A line of code or of running text never is: a listing or a paragraph may stand in a
    drawing's box (an example beside its picture), a label is short (``z1``, ``top ulft``
    in typewriter type)."""
    if not regions or FLOAT_LABEL.match(text) or len(text.split()) >= PROSE_LINE:
        return False
    if code and sum(ch.isalpha() for ch in text) >= _CODE_LETTERS:
        return False
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    width = box[2] - box[0]
    for x0, y0, x1, y1 in regions:
        if x0 - _GROW <= cx <= x1 + _GROW and y0 - _GROW <= cy <= y1 + _GROW:
            # A line of running text wider than the drawing passes by it, not through it.
            return width <= 1.05 * (x1 - x0) + 2 * _GROW
        near = _AXIS_TITLE
        label = not text.rstrip().endswith((".", ":", ";"))
        if (x0 - near <= cx <= x1 + near and y0 - near <= cy <= y1 + near
                and width <= 0.5 * (x1 - x0) and len(text.split()) <= 8 and label):
            return True  # an axis title or a label beside the drawing
        if label and len(text.split()) <= _TICK_WORDS and _beside(box, (x0, y0, x1, y1)):
            return True  # a long tick label (a category's name) ending at the axis
        if label and len(text.split()) <= PROSE_LINE and _titled(box, (x0, y0, x1, y1)):
            return True  # the plot's title over it
    return False


def is_caption(text: str) -> bool:
    """The line opens a figure's or table's caption (``Figure 2:``)."""
    return FLOAT_LABEL.match(text) is not None


def with_labels(regions: list[Rect], frags: list[Fragment]) -> list[Rect]:
    """Each drawing's box grown over the numbers already read as its labels (``kind``
    ``"figure"``, beside it): an axis's tick labels, beyond which its title stands. (Words
    read as labels may be a heading beside a decoration, with more text beyond.)"""
    out = []
    for x0, y0, x1, y1 in regions:
        for f in frags:
            cx, cy = (f.x0 + f.x1) / 2, (f.y0 + f.y1) / 2
            if f.kind == "figure" and _TICK_LABEL.fullmatch(f.text.strip()) and (
                    x0 - _AXIS_TITLE <= cx <= x1 + _AXIS_TITLE
                    and y0 - _AXIS_TITLE <= cy <= y1 + _AXIS_TITLE):
                x0, y0, x1, y1 = min(x0, f.x0), min(y0, f.y0), max(x1, f.x1), max(y1, f.y1)
        out.append((x0, y0, x1, y1))
    return out


_TITLE_GAP = 36.0  # points between a plot and its title (R sets it two lines and more off)
_CENTRED = 0.1  # of the drawing's width: how far a title's middle may miss the drawing's


def _titled(box: Rect, region: Rect) -> bool:
    """``box`` is centred over the region, a few lines above it and no wider: where a
    plot's title stands. (Under a drawing, a caption's lines stand so.)"""
    width = region[2] - region[0]
    centred = abs((box[0] + box[2]) / 2 - (region[0] + region[2]) / 2) <= _CENTRED * width
    return centred and 0 <= region[1] - box[3] <= _TITLE_GAP and box[2] - box[0] <= width


def _beside(box: Rect, region: Rect) -> bool:
    """``box`` ends (or starts) within a tick label's reach of the region's side, level
    with it, as a bar chart's category names stand right-aligned at its axis."""
    cy = (box[1] + box[3]) / 2
    if not region[1] <= cy <= region[3]:
        return False
    return 0 <= region[0] - box[2] <= _GROW or 0 <= box[0] - region[2] <= _GROW


def mark_figure_text(frags: list[Fragment], regions: list[Rect]) -> None:
    """Mark the labels of the page's drawings; then, once more, what stands beside the
    drawings with their labels: an axis's title sits beyond its tick labels; and what is
    set in small type between a drawing and its caption under it."""
    _over_caption(frags, regions)
    for step in range(2):
        if step and not any(f.kind == "figure" for f in frags):
            return
        grown = with_labels(regions, frags) if step else regions
        captions = [f for f in frags if is_caption(f.text)] if step else []
        for f in frags:
            if f.kind not in ("cell", "figure") and is_figure_text(
                    f.text, (f.x0, f.y0, f.x1, f.y1), grown, f.kind == "code") and not any(
                    min(c.y1, f.y1) - max(c.y0, f.y0) > 0 for c in captions):
                f.kind = "figure"  # (the rest of a caption's row is the caption's)
    _release_last_lines(frags)


_LEADING = 0.6  # of a line's height: the most white between two lines of one paragraph
_SAME_EDGE = 1.5  # points: lines of one paragraph start this close


def _release_last_lines(frags: list[Fragment]) -> None:
    """A short line set under a line of running text, flush with it, in its type and at
    its leading, is that paragraph's last line, however near a drawing it stands: a
    framed box (a definition with a rule over its footnote) is drawn with many paths, and
    its sentences' last lines are short."""
    prose = [f for f in frags if f.kind is None and len(f.text.split()) >= PROSE_LINE]
    for f in frags:
        if f.kind == "figure" and any(
                abs(p.x0 - f.x0) <= _SAME_EDGE and f.x1 <= p.x1 + _SAME_EDGE
                and abs(p.size - f.size) <= 0.05 * p.size
                and 0 <= f.y0 - p.y1 <= _LEADING * p.height for p in prose):
            f.kind = None


_NOTE_TYPE = 0.9  # of the caption's size: a drawing's notes and title block are smaller


def _over_caption(frags: list[Fragment], regions: list[Rect]) -> None:
    """Lines between a drawing and its caption under it, all set smaller than the caption,
    are the figure's: a schematic's notes and title block ("NOTES:", "Q1 must be on a heat
    sink …") stand under its frame, sentences though they are. A line in larger type there
    says the caption is not the drawing's own (or the text goes on between them)."""
    captions = [f for f in frags if is_caption(f.text)]
    for x0, _, x1, y1 in regions:
        below = [c for c in captions if c.y0 >= y1 and x0 <= (c.x0 + c.x1) / 2 <= x1]
        if not below:
            continue
        caption = min(below, key=lambda c: c.y0)
        between = [f for f in frags if f.y0 >= y1 - 0.5 and f.y1 <= caption.y0 + 0.5
                   and x0 - _GROW <= (f.x0 + f.x1) / 2 <= x1 + _GROW]
        if between and all(f.size < _NOTE_TYPE * caption.size for f in between):
            for f in between:
                if f.kind not in ("cell", "code"):
                    f.kind = "figure"
