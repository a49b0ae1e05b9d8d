"""Running headers, footers and page numbers found by their place on the page.

With geometry, furniture sits in the top or bottom band of a page (or in a page's first or
last row, set apart by a gap) and repeats from page to page: digits and roman page numbers
masked, odd and even pages compared separately. A head whose words change every few pages,
or a foot line printed once, is furniture by its row: the baseline where furniture stands on
other pages, apart from the page's running text. Labels of a code listing broken over a
page are found by ``archive.clean.continued``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict

from archive.clean.continued import continuation_labels
from archive.clean.marks import (
    BAND,
    DIGITS,
    PAGE_ONLY,
    RUNNING_AUTHOR,
    Edge,
    Furniture,
    is_serial_title,
    mask,
    read_page_number,
    text_size,
)
from archive.models import ArtifactKind, Document, Line


def by_position(doc: Document) -> list[Furniture]:
    lines = doc.lines
    frames = {
        p.number: (p.body_top, p.body_bottom)
        for p in doc.pages
        if p.body_top is not None and p.body_bottom is not None
    }
    keys = [mask(ln.text) for ln in lines]  # each line's comparison key, computed once
    band = _margin_band(doc, keys, frames)
    listing = _listing_lines(lines, frames)
    margin = set(band)  # the lines in the margin band itself, before the edge rows join it
    # Generous margins put heads and feet further in than the band: the page's first or last
    # row, set apart from the text, is in the band too when its kind repeats (see below).
    for i, where in _edge_rows(lines, {p.number: p.height for p in doc.pages}).items():
        if i not in listing:
            band.setdefault(i, where)
    edge_numbers = _counted_edge_numbers(lines, band)
    pages_by_key: dict[tuple[str, int, str], set[int]] = defaultdict(set)
    for i, where in band.items():
        ln = lines[i]
        pages_by_key[(where, ln.page % 2, keys[i])].add(ln.page)
        pages_by_key[(where, -1, keys[i])].add(ln.page)
    found: dict[int, Furniture] = {}
    display = _display_size(lines)
    counting = _counting_lines(lines, band)
    for i, where in band.items():
        ln = lines[i]
        s = ln.text.strip()
        same_parity = pages_by_key[(where, ln.page % 2, keys[i])]
        any_parity = pages_by_key[(where, -1, keys[i])]
        number = read_page_number(s)
        if PAGE_ONLY.fullmatch(s):
            if i in edge_numbers or i in margin:
                found[i] = Furniture(i, "page-number", number)
        elif ln.kind == "code" and _letters(keys[i]) < 3:
            continue  # "}" closing a record broken over the page: wherever records break
        elif is_serial_title(s) or len(same_parity) >= 2 or len(any_parity) >= 3 or (
            # "8 CHAPTER 0. THE FIRST CHAPTER": a head whose words change with the
            # chapter, numbered as the document counts its pages.
            i in counting and len(s) <= 110
        ):
            found[i] = Furniture(i, where, number)
    # An author running head ("Сейтқали А.Б. және т.б.") may be printed on one page only
    # (a short article's one even page): in the header band of a document whose other
    # pages have running heads, its shape is enough.
    if any(f.kind == "running-header" for f in found.values()):
        for i, where in band.items():
            s = lines[i].text.strip()
            if i not in found and where == "running-header" and RUNNING_AUTHOR.match(s) and (
                len(s) <= 110
            ):
                found[i] = Furniture(i, where, None)
    # A head set in two parts on one baseline (the section's name on the left, the book's
    # title on the right) repeats only in one of them: a line in the band that opens or ends
    # with words the band has on three other pages is furniture.
    for i in _sharing_edge_words(lines, band):
        if i not in found:
            found[i] = Furniture(i, band[i], read_page_number(lines[i].text))
    # Alternating heads whose words change every few pages (the chapter on even pages, the
    # section on odd ones) repeat too seldom: their row on the page says what they are.
    found.update(_on_furniture_rows(doc, found, band, frames))
    # Other short lines in the same band of a page that has furniture there belong to it.
    marked = Counter((lines[i].page, band[i]) for i in found if i in band)
    for i, where in band.items():
        if i not in found and marked[(lines[i].page, where)] and len(lines[i].text) <= 110:
            found[i] = Furniture(i, where, None)
    found.update(continuation_labels(lines, found))
    # Type set for headings is furniture only when the very words recur in it on three
    # pages (a stamp at the top of each): not "Chapter 1" opening each chapter at the same
    # height, nor a title page's title that the running heads repeat, in their own type or
    # with their page numbers.
    verbatim = Counter(text for _, text in {
        (lines[i].page, lines[i].text) for i in band if _displayed(lines[i], display)
    })
    return [
        found[i] for i in sorted(found)
        if not _displayed(lines[i], display) or verbatim[lines[i].text] >= 3
    ]


def _letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


def _displayed(ln: Line, display: float | None) -> bool:
    return ln.size is not None and display is not None and ln.size >= display


def _margin_band(
    doc: Document, keys: list[str], frames: dict[int, tuple[float, float]]
) -> dict[int, Edge]:
    """Lines in the top or bottom band of their page: index → where."""
    lines = doc.lines
    heights = {p.number: p.height for p in doc.pages}
    for ln in lines:
        if ln.page not in heights and ln.y1 is not None:
            heights[ln.page] = max(heights.get(ln.page, 0.0), ln.y1 * 1.05)
    # Inside the page's body frame (lines stacked on one another, from the extractor) a line
    # is running text, however near the edge: only a bare page number or a line repeated at
    # the same height on other pages can be furniture there, and never a line of code (a
    # listing of similar records repeats "langid = {russian}," at the same heights).
    at_height = Counter(
        (key, round(ln.y0 / 2)) for key, ln in zip(keys, lines, strict=True) if ln.y0 is not None
    )
    band: dict[int, Edge] = {}
    for i, ln in enumerate(lines):
        h = heights.get(ln.page)
        if not h or ln.y0 is None or ln.y1 is None:
            continue
        frame = frames.get(ln.page)
        if (
            frame is not None
            and ln.y1 > frame[0]
            and ln.y0 < frame[1]
            and not PAGE_ONLY.fullmatch(ln.text.strip())
            and (
                at_height[(keys[i], round(ln.y0 / 2))] < 3
                or ln.kind == "code"
                or _letters(keys[i]) < 3  # "#.": any number ending a line
            )
        ):
            continue
        if ln.y1 <= h * BAND:
            band[i] = "running-header"
        elif ln.y0 >= h * (1 - BAND):
            band[i] = "running-footer"
    return band


def _listing_lines(
    lines: tuple[Line, ...], frames: dict[int, tuple[float, float]]
) -> set[int]:
    """Lines of code inside their page's body frame: a listing's first or last row on a
    page ("}", "end") is set apart by a gap like a head, and records of one kind repeat it
    page after page. A head set in a typewriter font stands outside the frame."""
    out: set[int] = set()
    for i, ln in enumerate(lines):
        frame = frames.get(ln.page)
        if ln.kind != "code" or frame is None or ln.y0 is None or ln.y1 is None:
            continue
        if ln.y1 > frame[0] and ln.y0 < frame[1] and not PAGE_ONLY.fullmatch(ln.text.strip()):
            out.add(i)
    return out


def _edge_rows(lines: tuple[Line, ...], heights: dict[int, float]) -> dict[int, Edge]:
    """Lines of each page's first and last row, when a gap sets that row apart, and the
    lines of a page that holds one or two (``heights``: each page's height).

    The gap must be wider than the page's usual line step (1.4 times the row's height):
    a running head is separated from the text below it, a paragraph's first line is not.
    """
    by_page: dict[int, list[int]] = defaultdict(list)
    for i, ln in enumerate(lines):
        if ln.y0 is not None and ln.y1 is not None:
            by_page[ln.page].append(i)
    out: dict[int, Edge] = {}
    for page, members in by_page.items():
        if len(members) < 3:
            # A page left all but empty (a chapter's blank verso with its running head):
            # its lines stand apart from any text, each in its half of the page.
            middle = heights.get(page, 0.0) / 2
            for i in members:
                out[i] = "running-header" if (lines[i].y1 or 0.0) < middle else "running-footer"
            continue
        rows = sorted(members, key=lambda i: lines[i].y0 or 0.0)
        sides: tuple[tuple[Edge, int, list[int]], ...] = (
            ("running-header", rows[0], rows[1:]), ("running-footer", rows[-1], rows[:-1]))
        for where, edge, inner in sides:
            ln = lines[edge]
            height = max((ln.y1 or 0) - (ln.y0 or 0), 1.0)
            same_row = [i for i in inner if abs((lines[i].y0 or 0) - (ln.y0 or 0)) < height / 2]
            others = [i for i in inner if i not in same_row]
            if not others:
                continue
            if where == "running-header":
                gap = min(lines[i].y0 or 0 for i in others) - (ln.y1 or 0)
            else:
                gap = (ln.y0 or 0) - max(lines[i].y1 or 0 for i in others)
            if gap >= 0.4 * height:
                for i in (edge, *same_row):
                    out[i] = where
    return out


_DISPLAY = 1.4  # times the body text's size: type for headings


def _display_size(lines: tuple[Line, ...]) -> float | None:
    """The size from which type is display type (headings, a chapter's or the work's title),
    by the size of most of the running text: a manual's listings may outnumber its prose,
    and so may the tiny labels and cells of its drawings."""
    sizes = Counter(round(ln.size * 2) for ln in lines if ln.size and ln.kind is None) or (
        Counter(round(ln.size * 2) for ln in lines if ln.size and ln.kind != "code"))
    return _DISPLAY * sizes.most_common(1)[0][0] / 2 if sizes else None


def _counted_edge_numbers(lines: tuple[Line, ...], band: dict[int, Edge]) -> set[int]:
    """Bare numbers at a page's edge that count the pages: the number less the page is the
    same on at least two pages (or the document has one page)."""
    numbers = {
        i: int(m.group(1)) - lines[i].page
        for i in band
        if (m := PAGE_ONLY.fullmatch(lines[i].text.strip()))
    }
    offsets = Counter(numbers.values())
    # Pages numbered inside their running heads ("2 ROGER KOENKER") count the same way, so
    # the first page's bare number at its foot is recognised by them.
    for i in band:
        if i not in numbers and (n := read_page_number(lines[i].text)) is not None:
            offsets[n - lines[i].page] += 1
    single = len({ln.page for ln in lines}) == 1
    return {i for i, off in numbers.items() if offsets[off] >= 2 or single}


def _edge_words(text: str, whole: bool = False) -> list[tuple[str, ...]]:
    """The line's first and last two to four words (digits masked), long enough to tell;
    with ``whole``, the line itself among them when it is that short."""
    words = [DIGITS.sub("#", w) for w in text.casefold().split()]
    out = []
    for n in range(2, min(4, len(words) - (0 if whole else 1)) + 1):
        for part in (tuple(words[:n]), tuple(words[-n:])):
            if sum(len(w) for w in part) >= 10:
                out.append(part)
    return out


def _sharing_edge_words(lines: tuple[Line, ...], band: dict[int, Edge]) -> list[int]:
    """Lines in the band that open or end with words the band has on three other pages, at
    the top or the foot: a journal prints on its first page's head the citation line that
    stands at the foot of the others (``MNRAS 000, 1–10 (2020)``), and a head read as one
    line on one page is read in its pieces on others (``Informatik 9g`` … ``Lösung``)."""
    parts = {i: _edge_words(lines[i].text) for i in band}
    pages: dict[tuple[str, ...], set[int]] = defaultdict(set)
    for i in band:
        for part in _edge_words(lines[i].text, whole=True):
            pages[part].add(lines[i].page)
    return [
        i for i in band
        if len(lines[i].text) <= 160
        and any(len(pages[part] - {lines[i].page}) >= 3 for part in parts[i])
    ]


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


def _on_furniture_rows(
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
    counting = _counting_lines(lines, band)
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


def _counting_lines(lines: tuple[Line, ...], band: dict[int, Edge]) -> set[int]:
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
