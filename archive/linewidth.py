"""The width of a full line of text, shared by the front ends and the stages after them."""

from __future__ import annotations


def usual_width(lengths: list[int], shortest: int = 20) -> int:
    """The length of a full line: the 80th percentile of the lines long enough to be wrapped."""
    long = sorted(n for n in lengths if n >= shortest)
    return long[int(0.8 * (len(long) - 1))] if long else 80
