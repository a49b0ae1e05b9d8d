"""Line numbers in the margin of running text: a word processor's or ``lineno``'s numbering
of a draft, a court filing, a specification (``1`` … ``699`` down the left margin).

They count the page's lines, blank ones too where the word processor numbers those: no
word of the text beside them, nor a paragraph of their own. A listing's own numbers (a
column of numbers beside code, and beside no prose) are the listing's, and stay in it; a
count that numbers prose and code alike (a specification's examples) is the page's.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from archive.extract.fragment import Fragment
from archive.models import LINE_NUMBER

_NUMBER = re.compile(r"\d{1,4}")
_MIN_NUMBERS = 5  # numbers down one margin of a page, at least
_FEW_NUMBERS = 3  # the same on a page of few lines, where they count one by one
_STEADY = 0.8  # of the steps from number to number, at least, are the commonest step
_MAX_STEP = 10  # lines between numbers: every line, every fifth, every tenth
_ALIGNED = 2.0  # points the numbers' right (or left) edges may wander
_PROSE_WORDS = 3  # words of a line of running text beside them
_NUMBERED_PROSE = 1  # lines of prose counted with code, at least, for the count to be the page's


def mark_line_numbers(frags: list[Fragment]) -> None:
    """Mark the page's margin line numbers ``LINE_NUMBER``: bare numbers left of the
    running text's edge, one above another at one edge, counting down the page in a
    steady step, beside lines that are mostly not code."""
    numbers = [f for f in frags if _NUMBER.fullmatch(f.text)]
    if len(numbers) < _FEW_NUMBERS:
        return
    # The text's edge: its lines of prose, or on a page of few words (a title) any words.
    prose = [f for f in frags if len(f.text.split()) >= _PROSE_WORDS and f.kind != "code"] or [
        f for f in frags if f.kind != "code" and any(ch.isalpha() for ch in f.text)]
    if not prose:
        return
    edge = min(f.x0 for f in prose)
    margin = sorted((f for f in numbers if f.x1 < edge - 1.0), key=lambda f: f.y0)
    if len(margin) < _FEW_NUMBERS:
        return
    rights = Counter(round(f.x1 / _ALIGNED) for f in margin)
    lefts = Counter(round(f.x0 / _ALIGNED) for f in margin)
    aligned = max(rights.most_common(1)[0][1], lefts.most_common(1)[0][1])
    if aligned < _STEADY * len(margin):
        return
    steps = [int(b.text) - int(a.text) for a, b in pairwise(margin)]
    step, count = Counter(steps).most_common(1)[0]
    if not 1 <= step <= _MAX_STEP or count < _STEADY * len(steps) or any(s <= 0 for s in steps):
        return
    if len(margin) < _MIN_NUMBERS and set(steps) != {1}:
        return  # a page of few lines (a title page) counts them one by one
    counted = {id(f) for f in margin}
    beside = [f for f in frags if id(f) not in counted and any(_level(f, n) for n in margin)]
    prose_beside = sum(f.kind != "code" and len(f.text.split()) >= _PROSE_WORDS for f in beside)
    if sum(f.kind == "code" for f in beside) * 2 > len(beside) and prose_beside < _NUMBERED_PROSE:
        return  # a listing's numbers: the text beside them is code, and no prose is counted
    for f in margin:
        f.kind = LINE_NUMBER


def _level(a: Fragment, b: Fragment) -> bool:
    """The two stand on one row."""
    return min(a.y1, b.y1) - max(a.y0, b.y0) > 0.5 * min(a.y1 - a.y0, b.y1 - b.y0)
