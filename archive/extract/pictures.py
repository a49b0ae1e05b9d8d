"""Pictures (raster images) and the labels set beside them.

A screenshot or a scanned drawing carries its own words in its pixels; the words the text
layer has around it are its labels (a tool palette's "Rectangle", "Arc-Box" beside each
button). They are a figure's text, as the labels of a drawing are
(``archive.extract.figures``), with cautions a drawing does not need:

* a picture with text over it is no figure: a banner or a background under a title, a
  scanned page under its recognised text;
* a label is set hardly larger than the page's running text: a title beside a logo is
  none;
* a label stands level with the picture, left or right of it: a line over or under it is a
  caption, or the last line of the paragraph before.

Pure functions over fragments and rectangles ``(x0, y0, x1, y1)`` in PDF points.
"""

from __future__ import annotations

from collections import Counter

from archive.extract.fragment import Fragment
from archive.extract.grouping import Rect
from archive.lineshapes import FLOAT_LABEL

_SIDE = 40.0  # points: a picture's least width and height, smaller ones are marks and icons
_LABEL_SIZE = 1.15  # of the running text's size: a label's type is smaller than this
_LABEL_WORDS = 4  # words of a label, at most
_LABEL_WIDTH = 12.0  # type sizes: a label's width, at most
_WORD_SPACES = 1.5  # type sizes between two pieces of one line, at most
_LEADING = 1.6  # type sizes from one line's top to the next one's, at most
_REACH = 32.0  # points between a picture's side and a label, at most (a brace between them)
_PAGE_SHARE = 0.5  # of the page's area: a picture larger than this is the page (a scan)


def picture_regions(images: list[Rect], frags: list[Fragment], page: Rect) -> list[Rect]:
    """The pictures labels may stand beside: of a figure's size, smaller than the page, with
    no line of text over them."""
    area = (page[2] - page[0]) * (page[3] - page[1])
    out = []
    for x0, y0, x1, y1 in images:
        if x1 - x0 < _SIDE or y1 - y0 < _SIDE or (x1 - x0) * (y1 - y0) > _PAGE_SHARE * area:
            continue
        if any(x0 <= (f.x0 + f.x1) / 2 <= x1 and y0 <= (f.y0 + f.y1) / 2 <= y1 for f in frags):
            continue
        out.append((x0, y0, x1, y1))
    return out


def mark_picture_labels(frags: list[Fragment], pictures: list[Rect]) -> None:
    """Mark the labels beside the page's pictures: short lines level with a picture, just
    left or right of it, set hardly larger than the page's running text. (A line over or
    under a picture is a caption or the text's.)"""
    if not pictures or not frags:
        return
    sizes: Counter[float] = Counter()
    for f in frags:
        sizes[round(f.size, 1)] += len(f.text)
    largest = _LABEL_SIZE * sizes.most_common(1)[0][0]
    for f in frags:
        if f.kind is None and f.size < largest and _label(f) and any(
                _beside(f, picture) for picture in pictures) and _alone(f, frags):
            f.kind = "figure"


def _label(f: Fragment) -> bool:
    """A few words, no sentence's or line's end, narrow: a line of text set beside a
    picture fills the width the picture leaves."""
    words = f.text.split()
    return (0 < len(words) <= _LABEL_WORDS and f.x1 - f.x0 <= _LABEL_WIDTH * f.size
            and not f.text.rstrip().endswith((".", ":", ";", ",", "-"))
            and not FLOAT_LABEL.match(f.text))


def _alone(f: Fragment, frags: list[Fragment]) -> bool:
    """No piece of a line the text layer reported apart (words on its baseline, a space or
    two away), nor the end of a paragraph whose longer lines stand over it at its edge."""
    for g in frags:
        if g is f:
            continue
        if min(f.y1, g.y1) - max(f.y0, g.y0) > 0.5 * (f.y1 - f.y0) and (
                0 <= f.x0 - g.x1 <= _WORD_SPACES * f.size
                or 0 <= g.x0 - f.x1 <= _WORD_SPACES * f.size):
            return False
        if (abs(g.x0 - f.x0) <= 2.0 and 0 < f.y0 - g.y0 <= _LEADING * f.size
                and len(g.text.split()) > _LABEL_WORDS):
            return False
    return True


def _beside(f: Fragment, picture: Rect) -> bool:
    x0, y0, x1, y1 = picture
    if not y0 <= (f.y0 + f.y1) / 2 <= y1:
        return False
    return 0 <= x0 - f.x1 <= _REACH or 0 <= f.x0 - x1 <= _REACH
