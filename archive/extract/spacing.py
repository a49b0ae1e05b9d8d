"""Vertical spacing as evidence of paragraph breaks: ``Line.blank_before`` for PDF lines."""

from __future__ import annotations

import statistics
from itertools import pairwise

from archive.extract.fragment import FULL_WIDTH, Fragment


def blank_flags(pages: list[list[Fragment]]) -> list[list[bool]]:
    """For each line of each page: is the gap above it clearly larger than usual?

    "Usual" is the lower quartile of the gaps between consecutive lines of one column for
    that font size (half-point buckets) over the whole document, or the median over all
    sizes where a size has fewer than three samples: in a document of short paragraphs set
    apart by extra space, half the gaps may be paragraph gaps, so the median would be one.
    "Clearly larger" is more than 0.4 em (at least 2 pt) above it. The
    first line of a page and the top of a column are never marked: a page or column break
    says nothing about paragraphs.
    """
    gaps = [[None, *(_gap(p, c) for p, c in pairwise(lines))] for lines in pages]
    by_size: dict[int, list[float]] = {}
    everything: list[float] = []
    for lines, page_gaps in zip(pages, gaps, strict=True):
        for k in range(1, len(lines)):
            gap, prev, cur = page_gaps[k], lines[k - 1], lines[k]
            if gap is None or gap > 2 * cur.size:
                continue
            everything.append(gap)
            if abs(prev.size - cur.size) < 0.5:
                by_size.setdefault(round(2 * cur.size), []).append(gap)
    usual = {k: statistics.quantiles(v, n=4)[0] for k, v in by_size.items() if len(v) >= 3}
    fallback = statistics.median(everything) if everything else 0.0
    flags: list[list[bool]] = []
    for lines, page_gaps in zip(pages, gaps, strict=True):
        page_flags = [False]
        for k in range(1, len(lines)):
            gap, prev, cur = page_gaps[k], lines[k - 1], lines[k]
            base = usual.get(round(2 * cur.size), fallback)
            page_flags.append(
                gap is not None and gap > base + max(0.4 * min(prev.size, cur.size), 2.0)
            )
        flags.append(page_flags[: len(lines)])
    return flags


def _gap(prev: Fragment, cur: Fragment) -> float | None:
    """Vertical gap from ``prev`` down to ``cur``, or None when ``cur`` is not below it."""
    if prev.column != cur.column and FULL_WIDTH not in (prev.column, cur.column):
        return None
    gap = cur.y0 - prev.y1
    if gap < -0.5 * min(prev.y1 - prev.y0, cur.y1 - cur.y0):
        return None  # cur is beside or above prev: a column or page jump
    return gap
