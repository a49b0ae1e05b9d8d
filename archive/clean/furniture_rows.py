"""Furniture found by its row: the baseline where running heads, feet or page numbers stand
on other pages, apart from the page's running text.

A head whose words change every few pages (the current chapter and section) or a foot line
printed once repeats too seldom to be found by its words (``archive.clean.placed``); its
row is the evidence, with page numbers that count the pages.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict

from archive.clean.marks import PAGE_ONLY, Edge, Furniture, read_page_number, text_size
from archive.models import ArtifactKind, Document, Line

_ROW_TOLERANCE = 1.5  # points between the baselines of one row of furniture
_ROW_PAGES = 3  # other pages with furniture on a row before the row counts
_LARGER = 0.5  # points above the running text's size that a head on a row may not exceed
_DESCENDER = 0.22  # a descender's usual depth below the baseline, in ems


def _baseline(ln: Line) -> float:
    """Where the line's letters stand, so that lines set in different sizes on one baseline
    (a small date beside a page number) agree: as the extractor read it, else the box's
    bottom less a descender."""
    if ln.baseline is not None:
        return ln.baseline
    return (ln.y1 or 0.0) - _DESCENDER * (ln.size or 0.0)


def on_furniture_rows(
    doc: Document,
    found: dict[int, Furniture],
    band: dict[int, Edge],
    frames: dict[int, tuple[float, float]],
) -> dict[int, Furniture]:
    """Lines on the baseline where furniture stands on at least three other pages.

    A running head whose words change every few pages (the current chapter and section),
    or a foot line printed on the first page only ("Preprint submitted to …"), repeats too
    seldom to be found by its words; its row is the evidence. The line must also stand
    apart from the page's running text: outside the page's body frame, or, where the page
    has no frame (a nearly empty page, a contents page), at the page's very edge with a
    page number that keeps the count of the other pages' furniture. Where no head repeats
    at all, the lines of the head or foot band whose numbers count the pages mark the row.
    """
    lines = doc.lines
    # Not larger than the running text: a chapter's title opening each page is no head.
    ceiling = (text_size(lines) or 0.0) + _LARGER
    band = {i: w for i, w in band.items() if (lines[i].size or 0.0) <= ceiling}
    counting = counting_lines(lines, band)
    # A head in the text's type above every page's frame is furniture by its row alone, where
    # such heads stand on one baseline on four pages or more: the chapter on one side and the
    # section on the other may change on every page, so that no words repeat.
    outside = {
        i for i, where in band.items()
        if (frame := frames.get(lines[i].page)) is not None
        and _outside(lines[i], frame, where == "running-header")
    }
    marks = sorted(
        (_baseline(lines[i]), lines[i].page) for i in found.keys() | counting | outside)
    # A short article (three pages, each head naming its section) has two other pages.
    need = min(_ROW_PAGES, max(2, len(doc.pages) - 1))
    if len({page for _, page in marks}) < need:
        return {}
    baselines = [b for b, _ in marks]
    counts = _page_offsets(lines, found) | {
        n - lines[i].page for i in counting if (n := read_page_number(lines[i].text))}
    edges = _page_edges(lines)
    heights = {p.number: p.height for p in doc.pages}
    numbers = [lines[i] for i, f in found.items() if f.kind == "page-number"]
    out: dict[int, Furniture] = {}
    for i, ln in enumerate(lines):
        s = ln.text.strip()
        if i in found or ln.y0 is None or ln.y1 is None or ln.kind or not s or len(s) > 110:
            continue
        if (ln.size or 0.0) > ceiling:
            continue
        b = _baseline(ln)
        near = marks[bisect_left(baselines, b - _ROW_TOLERANCE) : bisect_right(
            baselines, b + _ROW_TOLERANCE)]
        if len({page for _, page in near} - {ln.page}) < need:
            continue
        top = ln.y0 < heights.get(ln.page, 2 * ln.y1) / 2
        number = read_page_number(s)
        frame = frames.get(ln.page)
        if frame is not None:
            apart = _outside(ln, frame, top)
        else:
            first, last = edges[ln.page]
            at_edge = ln.y0 <= first + 0.5 if top else ln.y1 >= last - 0.5
            apart = at_edge and number is not None and number - ln.page in counts
        if not apart and number is not None and PAGE_ONLY.fullmatch(s):
            apart = number - ln.page in counts and _where_numbers_stand(ln, numbers, need)
        if apart:
            kind: ArtifactKind = "page-number" if PAGE_ONLY.fullmatch(s) else (
                "running-header" if top else "running-footer")
            out[i] = Furniture(i, kind, number)
    return out


def _where_numbers_stand(ln: Line, numbers: list[Line], need: int) -> bool:
    """A bare number stands where the page numbers of ``need`` other pages stand, on their
    baseline and their middle: a full-page figure's caption under it puts it inside the
    page's frame."""
    middle = ((ln.x0 or 0.0) + (ln.x1 or 0.0)) / 2
    pages = {
        n.page for n in numbers
        if n.page != ln.page and abs(_baseline(n) - _baseline(ln)) <= _ROW_TOLERANCE
        and abs(((n.x0 or 0.0) + (n.x1 or 0.0)) / 2 - middle) <= (ln.size or 10.0)
    }
    return len(pages) >= need


def _outside(ln: Line, frame: tuple[float, float], top: bool) -> bool:
    """Whether the line stands above (``top``) or below its page's body frame."""
    return (ln.y1 or 0.0) <= frame[0] + 0.5 if top else (ln.y0 or 0.0) >= frame[1] - 0.5


def counting_lines(lines: tuple[Line, ...], band: dict[int, Edge]) -> set[int]:
    """Lines of the head or foot band with a number that counts the pages: its printed
    less physical page is the same on three pages or more."""
    offsets: dict[int, int] = {}
    pages: dict[int, set[int]] = defaultdict(set)
    for i in band:
        number = read_page_number(lines[i].text)
        if number is not None:
            offsets[i] = number - lines[i].page
            pages[offsets[i]].add(lines[i].page)
    return {i for i, offset in offsets.items() if len(pages[offset]) >= _ROW_PAGES}


def _page_offsets(lines: tuple[Line, ...], found: dict[int, Furniture]) -> set[int]:
    """Printed less physical page of the furniture found, where two pages or more agree."""
    offsets = Counter(
        f.printed_page - lines[i].page for i, f in found.items() if f.printed_page is not None
    )
    return {offset for offset, n in offsets.items() if n >= 2}


def _page_edges(lines: tuple[Line, ...]) -> dict[int, tuple[float, float]]:
    """Each page's highest line top and lowest line bottom (text of figures aside)."""
    edges: dict[int, tuple[float, float]] = {}
    for ln in lines:
        if ln.y0 is None or ln.y1 is None or ln.kind == "figure":
            continue
        first, last = edges.get(ln.page, (ln.y0, ln.y1))
        edges[ln.page] = (min(first, ln.y0), max(last, ln.y1))
    return edges
