"""Running headers, footers and page numbers found by their place on the page.

With geometry, furniture sits in the top or bottom band of a page (or in a page's first or
last row, set apart by a gap) and repeats from page to page: digits and roman page numbers
masked, odd and even pages compared separately. A head whose words change every few pages,
or a foot line printed once, is furniture by its row: the baseline where furniture stands on
other pages, apart from the page's running text (``archive.clean.furniture_rows``). Labels
of a code listing broken over a page are found by ``archive.clean.continued``.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from archive.clean.continued import continuation_labels
from archive.clean.furniture_rows import counting_lines, on_furniture_rows
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
from archive.lineshapes import is_caption
from archive.models import Document, Line


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
    counting = counting_lines(lines, band)
    # A document of three pages or less has two to repeat on (a paper's heads on its pages 2
    # and 3): there, what repeats must also look like furniture, set small or numbered with
    # its page, for drawings and examples repeat their words too.
    body = text_size(lines)
    short = {i for i in band if _furniture_type(lines[i], body)} if len(doc.pages) <= 3 else (
        set())
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
            i in short and len(any_parity) >= 2) or (
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
    # Not a line set larger than the text: a title that the feet repeat, as a short paper's
    # first page prints it over the text.
    for i in _sharing_edge_words(lines, band, short):
        if i not in found and not is_caption(lines[i].text.strip()) and not _larger(
                lines[i], body):
            found[i] = Furniture(i, band[i], read_page_number(lines[i].text))
    # Alternating heads whose words change every few pages (the chapter on even pages, the
    # section on odd ones) repeat too seldom: their row on the page says what they are.
    found.update(on_furniture_rows(doc, found, band, frames))
    # Other short lines in the same band of a page that has furniture there belong to it;
    # not a caption ("Figure 2.1: …" and "Figure 2.2: …" open alike, under figures set at
    # the foot of their pages).
    marked = Counter((lines[i].page, band[i]) for i in found if i in band)
    for i, where in band.items():
        if (i not in found and marked[(lines[i].page, where)] and len(lines[i].text) <= 110
                and not is_caption(lines[i].text.strip())):
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


def _furniture_type(ln: Line, body: float | None) -> bool:
    """Set smaller than the running text, or carrying its own page's number."""
    small = ln.size is not None and body is not None and ln.size <= _SMALL * body
    return small or read_page_number(ln.text.strip()) == ln.page


_LARGER = 1.15  # times the running text's size: type set for a title or a heading


def _larger(ln: Line, body: float | None) -> bool:
    return ln.size is not None and body is not None and ln.size >= _LARGER * body


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
    edge: dict[int, tuple[Edge, float, float]] = {}  # where, top and bottom
    for i, ln in enumerate(lines):
        h = heights.get(ln.page)
        if not h or ln.y0 is None or ln.y1 is None:
            continue
        if ln.y1 <= h * BAND:
            edge[i] = ("running-header", ln.y0, ln.y1)
        elif ln.y0 >= h * (1 - BAND):
            edge[i] = ("running-footer", ln.y0, ln.y1)
    # Inside the page's body frame (lines stacked on one another, from the extractor) a line
    # is running text, however near the edge: only a bare page number or a line repeated at
    # the same height on other pages can be furniture there, and never a line of code (a
    # listing of similar records repeats "langid = {russian}," at the same heights). A head
    # whose last words name the part of the work ("… Klausur Nr. 2", "… Lösung") repeats
    # its first words.
    row = {i: round(top / 2) for i, (_, top, _) in edge.items()}
    at_height = Counter((keys[i], row[i]) for i in edge)
    opening_at_height: dict[tuple[tuple[str, ...], int], set[int]] = defaultdict(set)
    for i in edge:
        for part in _edge_words(lines[i].text, whole=True, first_only=True):
            opening_at_height[(part, row[i])].add(lines[i].page)

    def repeated_at_height(i: int) -> bool:
        return at_height[(keys[i], row[i])] >= 3 or any(
            len(opening_at_height[(part, row[i])]) >= 3
            for part in _edge_words(lines[i].text, first_only=True))

    band: dict[int, Edge] = {}
    for i, (where, top, bottom) in edge.items():
        ln = lines[i]
        frame = frames.get(ln.page)
        if (
            frame is not None
            and bottom > frame[0]
            and top < frame[1]
            and not PAGE_ONLY.fullmatch(ln.text.strip())
            and (
                ln.kind == "code"
                or _letters(keys[i]) < 3  # "#.": any number ending a line
                or not repeated_at_height(i)
            )
        ):
            continue
        band[i] = where
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


_SMALL = 0.9  # of the running text's size: type for notes and running heads
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


def _edge_words(
    text: str, whole: bool = False, first_only: bool = False
) -> list[tuple[str, ...]]:
    """The line's first and last two to four words (digits masked), long enough to tell;
    with ``whole``, the line itself among them when it is that short; with ``first_only``,
    only the first words."""
    words = [DIGITS.sub("#", w) for w in text.casefold().split()]
    out = []
    for n in range(2, min(4, len(words) - (0 if whole else 1)) + 1):
        for part in (tuple(words[:n]),) if first_only else (tuple(words[:n]), tuple(words[-n:])):
            if sum(len(w) for w in part) >= 10:
                out.append(part)
    return out


def _sharing_edge_words(
    lines: tuple[Line, ...], band: dict[int, Edge], short: set[int]
) -> list[int]:
    """Lines in the band that open or end with words the band has on three other pages (on
    one, for the ``short`` document's lines set as furniture is), at the top or the foot: a
    journal prints on its first page's head the citation line that stands at the foot of the
    others (``MNRAS 000, 1–10 (2020)``), and a head read as one
    line on one page is read in its pieces on others (``Informatik 9g`` … ``Lösung``)."""
    parts = {i: _edge_words(lines[i].text) for i in band}
    pages: dict[tuple[str, ...], set[int]] = defaultdict(set)
    for i in band:
        for part in _edge_words(lines[i].text, whole=True):
            pages[part].add(lines[i].page)
    return [
        i for i in band
        if len(lines[i].text) <= 160
        and any(len(pages[part] - {lines[i].page}) >= (1 if i in short else 3)
                for part in parts[i])
    ]
