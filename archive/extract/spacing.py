"""Vertical spacing as evidence of paragraph breaks: ``Line.blank_before`` for PDF lines."""

from __future__ import annotations

import statistics
from collections import Counter
from itertools import pairwise

from archive.extract.fragment import FULL_WIDTH, Fragment


def blank_flags(pages: list[list[Fragment]]) -> list[list[bool]]:
    """For each line of each page: is the gap above it clearly larger than usual?

    "Usual" is the lower quartile of the gaps between consecutive lines of one column for
    that font size (half-point buckets) over the whole document, or the median over all
    sizes where a size has fewer than three samples: in a document of short paragraphs set
    apart by extra space, half the gaps may be paragraph gaps, so the median would be one.
    "Clearly larger" is more than 0.4 em (at least 2 pt) above it.

    Between two lines of the body text, whose baselines are known, the distance from
    baseline to baseline is measured as well, and a quarter of an em (at least 1.5 pt) over
    its lower quartile is clearly larger: a baseline does not move with a line's
    superscripts or tall letters as its box does, so the small skip a journal sets between
    unindented paragraphs shows. Only the body text's size is measured so: side notes and
    captions may keep the body's baseline grid in a smaller type.

    The first line of a page and the top of a column are never marked: a page or column
    break says nothing about paragraphs.
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
    sizes = Counter(round(2 * f.size) for lines in pages for f in lines)
    body = sizes.most_common(1)[0][0] if sizes else 0  # the size of most lines
    leadings = _leadings(pages, gaps)
    leading = leadings.get(body)
    flags: list[list[bool]] = []
    for lines, page_gaps in zip(pages, gaps, strict=True):
        page_flags = [False]
        for k in range(1, len(lines)):
            gap, prev, cur = page_gaps[k], lines[k - 1], lines[k]
            size = round(2 * cur.size)
            base = usual.get(size, fallback)
            wide = gap is not None and gap > base + max(0.4 * min(prev.size, cur.size), 2.0)
            if not wide and gap is not None and leading is not None:
                skip = _baseline_skip(prev, cur, body)
                wide = skip is not None and skip > leading + max(0.25 * cur.size, 1.5)
            elif wide and (lines_size := _beside_lone_number(prev, cur)) in leadings:
                # A listing's empty line keeps its number alone, in small type on the line's
                # baseline: its box sits lower than a full line's, its baseline does not.
                skip = cur.baseline - prev.baseline  # type: ignore[operator]
                wide = skip > leadings[lines_size] + max(0.125 * lines_size, 1.5)
            elif wide and size != body and size in leadings:
                # In smaller type (an abstract, notes) the boxes move with the letters'
                # descenders; lines at the size's own leading are no gap apart.
                skip = _baseline_skip(prev, cur, size)
                wide = skip is None or skip > leadings[size] + max(0.25 * cur.size, 1.5)
            page_flags.append(wide)
        flags.append(page_flags[: len(lines)])
    return flags


def _beside_lone_number(prev: Fragment, cur: Fragment) -> int | None:
    """The size (half-point bucket) of the lines round a lone number set smaller than
    they are (an empty line's number in a numbered listing), when one of the two is such a
    number and both baselines are known; else None."""
    if prev.baseline is None or cur.baseline is None:
        return None
    for number, line in ((cur, prev), (prev, cur)):
        if number.text.isdigit() and number.size < line.size - 0.5:
            return round(2 * line.size)
    return None


def _leadings(
    pages: list[list[Fragment]], gaps: list[list[float | None]]
) -> dict[int, float]:
    """For each size (half-point bucket) with three samples or more, the lower quartile of
    the distances between neighbouring baselines of lines of that size."""
    skips: dict[int, list[float]] = {}
    for lines, page_gaps in zip(pages, gaps, strict=True):
        for k in range(1, len(lines)):
            size = round(2 * lines[k].size)
            if page_gaps[k] is not None and (
                skip := _baseline_skip(lines[k - 1], lines[k], size)
            ) is not None and skip < 3 * lines[k].size:
                skips.setdefault(size, []).append(skip)
    return {k: statistics.quantiles(v, n=4)[0] for k, v in skips.items() if len(v) >= 3}


def _baseline_skip(prev: Fragment, cur: Fragment, size: int) -> float | None:
    """Baseline to baseline, between two lines of one size (half-point bucket)."""
    if prev.baseline is None or cur.baseline is None:
        return None
    if round(2 * prev.size) != size or round(2 * cur.size) != size:
        return None
    return cur.baseline - prev.baseline


def _gap(prev: Fragment, cur: Fragment) -> float | None:
    """Vertical gap from ``prev`` down to ``cur``, or None when ``cur`` is not below it."""
    if prev.column != cur.column and FULL_WIDTH not in (prev.column, cur.column):
        return None
    gap = cur.y0 - prev.y1
    if gap < -0.5 * min(prev.y1 - prev.y0, cur.y1 - cur.y0):
        return None  # cur is beside or above prev: a column or page jump
    return gap
