"""Pages of each line: physical page and printed page number.

With geometry the physical page is known and printed numbers come from the furniture of
each page; one offset (printed − physical) is taken by majority and applied to every page,
so pages without a number still get one.

A text copy has no pages. Furniture lines mark page boundaries: the text before the first
one is on the page before it, the text after a furniture line is on its page. When the
numbers jump (a page lost its furniture) the text between is split over the missing pages
by length, using the document's own characters-per-page; the same measure carries the count
past the last furniture line. A copy that puts each page number at the foot of its page
(every lone number followed by the next page's running head, or ending the copy) marks the
end of its page instead: the text after it is on the next page.
"""

from __future__ import annotations

from collections import Counter
from itertools import pairwise
from statistics import median

from archive.clean.furniture import Furniture
from archive.models import Document


def assign_pages(doc: Document, furniture: list[Furniture]) -> list[tuple[int, int | None]]:
    """(physical page, printed page or None) for every line of ``doc``."""
    # Known physical pages (geometry, or form feeds in a text copy) need no inference.
    if any(ln.y0 is not None or ln.page != 1 for ln in doc.lines):
        return _geometry_pages(doc, furniture)
    return _text_pages(doc, furniture)


def _geometry_pages(doc: Document, furniture: list[Furniture]) -> list[tuple[int, int | None]]:
    offsets = Counter(
        f.printed_page - doc.lines[f.index].page for f in furniture if f.printed_page is not None
    )
    if not offsets:
        return [(ln.page, None) for ln in doc.lines]
    offset = offsets.most_common(1)[0][0]
    return [(ln.page, ln.page + offset if ln.page + offset > 0 else None) for ln in doc.lines]


def _text_pages(doc: Document, furniture: list[Furniture]) -> list[tuple[int, int | None]]:
    n = len(doc.lines)
    marks = [(f.index, f.printed_page) for f in furniture if f.printed_page]
    at_foot = _numbers_at_foot(furniture, len(doc.lines))
    if at_foot:
        marks = [(index + 1, page + 1) for index, page in marks]
    anchors = _page_chain(marks)
    if not anchors:
        return [(1, None)] * n
    sizes = [len(ln.text) for ln in doc.lines]
    per_page = _chars_per_page(anchors, sizes)
    printed: list[int] = [0] * n
    first_index, first_page = anchors[0]
    before = 0
    for i in range(first_index - 1, -1, -1):
        before += sizes[i]
        # A number at the foot closes its page: everything above it is on that page.
        step = int(before // per_page) if per_page and not at_foot else 0
        printed[i] = max(1, first_page - 1 - step)
    for (start, page), (end, next_page) in pairwise(anchors):
        span = sum(sizes[start:end]) or 1
        gap = next_page - page
        done = 0
        for i in range(start, end):
            printed[i] = page + min(gap - 1, int(done * gap // span)) if gap > 1 else page
            done += sizes[i]
    last_index, last_page = anchors[-1]
    done = 0
    for i in range(last_index, n):
        printed[i] = last_page + (int(done // per_page) if per_page else 0)
        done += sizes[i]
    base = min(printed) - 1
    return [(p - base, p) for p in printed]


def _numbers_at_foot(furniture: list[Furniture], n: int) -> bool:
    """Every page number closes its page: a running head without a number follows it, or the
    copy ends; at least two such numbers, and no other line carries a page number."""
    kinds = {f.index: f for f in furniture}
    numbered = [f for f in furniture if f.printed_page is not None]
    if len(numbered) < 2 or any(f.kind != "page-number" for f in numbered):
        return False
    return all(
        f.index == n - 1
        or (f.index + 1 in kinds and kinds[f.index + 1].printed_page is None)
        for f in numbered
    )


def _page_chain(found: list[tuple[int, int]], max_step: int = 20) -> list[tuple[int, int]]:
    """The longest run of page numbers that grows in small steps along the text.

    A number that breaks the run (a year on a line of its own, a misread footer) is dropped
    rather than allowed to push every later page off.
    """
    if not found:
        return []
    best = [1] * len(found)
    back = [-1] * len(found)
    for j in range(len(found)):
        for i in range(j):
            step = found[j][1] - found[i][1]
            if 0 < step <= max_step and best[i] + 1 > best[j]:
                best[j], back[j] = best[i] + 1, i
    k = max(range(len(found)), key=lambda j: best[j])
    chain = []
    while k >= 0:
        chain.append(found[k])
        k = back[k]
    return chain[::-1]


def _chars_per_page(anchors: list[tuple[int, int]], sizes: list[int]) -> float | None:
    """Median characters per page between furniture lines, None with too few pages to tell."""
    samples = [
        sum(sizes[start:end]) / (next_page - page)
        for (start, page), (end, next_page) in pairwise(anchors)
    ]
    samples = [s for s in samples if s > 0]
    return median(samples) if samples else None
