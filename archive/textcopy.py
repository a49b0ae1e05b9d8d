"""How a plain-text copy sets its lines: the width of a full line, whether the lines are
hard-wrapped at it, whether a blank line follows every line.

The front ends measure the width, the cleaner joins wrapped lines, and the metadata stage
tells a paragraph's gap from a double-spaced copy's line spacing; all import these from here,
where none reaches into another.
"""

from __future__ import annotations

from .lineshapes import closes_clause
from .models import MARKUP_KINDS, Document


def usual_width(lengths: list[int], shortest: int = 20) -> int:
    """The length of a full line: the 80th percentile of the lines long enough to be wrapped."""
    long = sorted(n for n in lengths if n >= shortest)
    return long[int(0.8 * (len(long) - 1))] if long else 80


_FEW_LONG = 3  # lines of 150 characters and more, at least, that say a copy is not wrapped
_LONG_SHARE = 0.03  # of its lines of 20 characters and more


def is_wrapped(texts: list[str]) -> bool:
    """Hard-wrapped text ends many lines mid-sentence; one-paragraph-per-line text does not."""
    long = [t for t in texts if len(t) >= 20]
    if not long:
        return False
    # Nobody wraps lines at 150 characters or more: such lines are whole paragraphs.
    if sorted(len(t) for t in long)[len(long) // 2] >= 150:
        return False
    # Nor in a copy where a few lines among short ones are that long (entries one a line,
    # "name: prompt", some prompts of a paragraph): a wrapped text has hardly any.
    if sum(len(t) >= 150 for t in long) >= max(_FEW_LONG, _LONG_SHARE * len(long)):
        return False
    open_ends = sum(1 for t in long if not closes_clause(t))
    return open_ends >= 0.25 * len(long)


def double_spaced(doc: Document) -> bool:
    """A hard-wrapped text copy with a blank line before (nearly) every line.

    A page's blocks (HTML) are whole paragraphs with a gap between each: long ones look
    like wrapped lines, but joining them made a manual's sections one paragraph.
    """
    lines = doc.lines
    if len(lines) < 10 or any(ln.y0 is not None or ln.kind in MARKUP_KINDS for ln in lines):
        return False
    spaced = sum(ln.blank_before for ln in lines[1:])
    return spaced >= 0.9 * (len(lines) - 1) and is_wrapped([ln.text.strip() for ln in lines])
