"""Running headers, footers and page numbers: find them, read the printed page numbers.

Two kinds of evidence, one decision per line:

* position — with geometry, furniture sits in the top or bottom band of a page and repeats
  from page to page (digits masked, odd and even pages compared separately);
* shape — in text copies of PDFs the same lines turn up between paragraphs, usually between
  blank lines: a lone page number, a journal running title with issue, year and page
  (``… № 4 (105), 202436``, ``ISSN 1563-0366 … 45``), or any short line that repeats with
  its digits masked. A rubric in capitals or an author/short-title running head next to such
  a line belongs to the same page furniture. Inside running text (a copy without blank
  lines) a journal line counts when it recurs with its digits masked, or when its page number
  continues the count of the running titles already found a plausible number of lines away.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from archive.models import Document, Line

_YEAR = r"(?:19|20)\d\d"
# "N 4" only as a word of its own in capitals: "Version 1.2" is not an issue number.
_ISSUE = re.compile(
    r"(?:№|\bNo\.?|\bNº|(?-i:\bN)\s)\s*\d+|\bvol\.?\s*\d+|\bт\.\s*\d+|\bтом\s*\d+|ISSN", re.I
)
_SERIAL_WORDS = re.compile(
    r"вестник|хабаршы|journal|bulletin|серия|series|сериясы|известия|хабарлары|proceedings"
    r"|журнал|issn",
    re.I,
)
_ANY_YEAR = re.compile(rf"(?<!\d){_YEAR}")
_YEAR_ONLY = re.compile(_YEAR)
_DIGITS = re.compile(r"\d+")
_PAGE_ONLY = re.compile(r"[-–—\s]*(\d{1,4})[-–—\s]*")
_TRAILING_NUMBER = re.compile(r"(?<![\d.,/-])(\d{1,4})\s*$")
_LEADING_NUMBER = re.compile(r"^\s*(\d{1,4})(?=\s+\D)")
_ISSUE_BEFORE = re.compile(r"(?:№|\bNo\.?|\bNº|\bvol\.?|\bт\.|\bвып\.|\bissue)\s*$", re.I)
_GLUED_YEAR_PAGE = re.compile(r"(?<!\d)(" + _YEAR + r")(\d{1,4})\s*$")
# "Қалила А.Т. Title…", "A.T. Kalila Title…": a surname with initials opening a short line.
_INITIALS = r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]\.\s?(?:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]\.)?"
_SURNAME = r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яёәғқңөұүһі'’-]+"
_RUNNING_AUTHOR = re.compile(rf"^(?:{_SURNAME}\s+{_INITIALS}|{_INITIALS}\s*{_SURNAME})(?:\s|,|$)")
_CAPTION = re.compile(
    r"^(?:фото|photo|рис\.|рисунок|сурет|кесте|таблица|table|figure|fig\.)\b", re.I
)
_LIST_MARKER = re.compile(r"^(?:[-–—•·▪*]\s|\d{1,2}[.)]\s|[a-zа-я][)]\s)")

_BAND = 0.1  # top/bottom share of the page height where headers and footers live


@dataclass(frozen=True, slots=True)
class Furniture:
    """One line recognised as page furniture."""

    index: int  # position in Document.lines
    kind: str  # "running-header" | "running-footer" | "page-number"
    printed_page: int | None


def read_page_number(text: str) -> int | None:
    """The printed page number a furniture line carries, if any.

    A page number glued to the year (``…, 202436``) is split after the year; a number equal
    to a year in the line is not a page.
    """
    s = text.strip()
    only = _PAGE_ONLY.fullmatch(s)
    if only:
        return int(only.group(1)) or None
    glued = _GLUED_YEAR_PAGE.search(s)
    if glued and _ISSUE.search(s):
        return int(glued.group(2)) or None
    for pattern in (_TRAILING_NUMBER, _LEADING_NUMBER):
        match = pattern.search(s)
        if match and _ISSUE_BEFORE.search(s[: match.start()]):
            continue  # "… Т. 143, № 2": the issue number, not a page
        if match:
            number = int(match.group(1))
            if not _YEAR_ONLY.fullmatch(match.group(1)) and 0 < number < 5000:
                return number
    return None


_ROMAN_EDGE = re.compile(r"^[ivxlc]{1,7}\s+(?=\S)|(?<=\S)\s+[ivxlc]{1,7}$", re.IGNORECASE)


def mask(text: str) -> str:
    """The comparison key of a furniture line: case, digits and spacing do not matter, nor a
    roman page number at either end (front matter is often numbered ``iii``, ``iv``)."""
    text = _ROMAN_EDGE.sub(" # ", text.strip())
    return _DIGITS.sub("#", "".join(text.casefold().split())).strip(".,;:-–—")


def is_serial_title(text: str) -> bool:
    """A journal running title: issue/volume/ISSN plus a year, or a serial's name plus a year."""
    s = text.strip()
    if len(s) > 120 or ("19" not in s and "20" not in s) or len(s.split()) > 16:
        return False  # too long, or no year
    if s.endswith((".", ";", ":")) and not s[-2:-1].isdigit():
        return False
    if s.count("«") > s.count("»") or s.count("“") > s.count("”"):
        return False  # a quotation left open: a sentence wrapped here, not a running head
    has_year = _ANY_YEAR.search(s) is not None
    return has_year and (_ISSUE.search(s) is not None or _SERIAL_WORDS.search(s) is not None)


def _weak_shape(text: str, alone: bool) -> bool:
    """Shapes that are furniture only next to a line that certainly is."""
    s = text.strip()
    if len(s) > 110:
        return False
    letters = [ch for ch in s if ch.isalpha()]
    caps = bool(letters) and sum(ch.isupper() for ch in letters) >= 0.9 * len(letters)
    if caps and len(s) <= 60:
        return alone  # without blank lines around it, a line in capitals may be a heading
    return bool(_RUNNING_AUTHOR.match(s)) or s.endswith(("...", "…"))


def _excluded(text: str) -> bool:
    s = text.strip()
    return len(s) > 100 or bool(_CAPTION.match(s) or _LIST_MARKER.match(s))


def find_furniture(doc: Document) -> list[Furniture]:
    """All furniture lines of ``doc``, in document order."""
    lines = doc.lines
    if not lines:
        return []
    if any(ln.y0 is not None for ln in lines):
        return _by_position(doc)
    return _by_shape(lines)


def _by_shape(lines: tuple[Line, ...]) -> list[Furniture]:
    n = len(lines)
    texts = [ln.text.strip() for ln in lines]
    # Alone: between blank lines, or at a page edge when form feeds mark the pages.
    alone = [
        (i == 0 or lines[i].blank_before or lines[i - 1].page != lines[i].page)
        and (i == n - 1 or lines[i + 1].blank_before or lines[i + 1].page != lines[i].page)
        for i in range(n)
    ]
    repeated = _repeated(texts, alone)
    found: dict[int, Furniture] = {}
    for i, s in enumerate(texts):
        if _PAGE_ONLY.fullmatch(s) or _excluded(s):
            continue
        # The copy's first line, when it names the journal, is the first page's running head.
        at_top = i == 0 and bool(_ISSUE.search(s) and _SERIAL_WORDS.search(s))
        if i in repeated or (
            is_serial_title(s) and (alone[i] or at_top or _number_beside(texts, i))
        ):
            page = read_page_number(s)
            found[i] = Furniture(i, "running-footer" if page else "running-header", page)
    # Inside running text, a journal line once (odd and even pages differ) is furniture when
    # its page number continues the count of the running titles already found.
    for i, s in enumerate(texts):
        if i not in found and not _excluded(s) and is_serial_title(s):
            page = read_page_number(s)
            if page is not None and _continues_count(found, i, page):
                found[i] = Furniture(i, "running-footer", page)
    # A lone number is a page number between blank lines, at a page edge, beside other
    # furniture, or when it continues the count of other lone numbers pages apart; never
    # beside another number, which is more likely a table.
    numbers = {
        i: int(m.group(1))
        for i, s in enumerate(texts)
        if (m := _PAGE_ONLY.fullmatch(s)) and not _number_beside(texts, i)
    }
    counted = _counting(numbers)
    for i in numbers:
        if alone[i] or i - 1 in found or i + 1 in found or i in counted or _edge(lines, i):
            found[i] = Furniture(i, "page-number", read_page_number(texts[i]))
    anchors = [i for i in sorted(found) if found[i].printed_page is not None]
    # A rubric in capitals or an author running head is furniture only as the immediate
    # neighbour of a line carrying the page number: a lone capitalised line is a heading.
    for i in anchors:
        for j in (i - 1, i + 1):
            if 0 <= j < n and j not in found and _weak_shape(texts[j], alone[j]):
                found[j] = Furniture(j, "running-header", None)
    return [found[i] for i in sorted(found)]


def _repeated(texts: list[str], alone: list[bool]) -> set[int]:
    """Lines that recur through the document with only their digits changed.

    Between blank lines (or at page edges) recurrence is enough. Inside running text a
    recurring line must also look like a running head: capitalised, no final clause
    punctuation, long enough that a numbered heading ("Статья 5") does not qualify, and
    mostly next to a page number or a journal line — a sentence quoted twice is not furniture.
    """
    positions: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(texts):
        if _excluded(s):
            continue
        key = mask(s)
        if len(key) < 4:
            continue
        if not alone[i] and (
            len(key) < 12
            or s.endswith((".", ",", ";", ":", "!", "?"))
            or not (s[:1].isupper() or s[:1].isdigit())
        ):
            continue
        positions[key].append(i)
    out: set[int] = set()
    for where in positions.values():
        if len(where) < 2 or (where[-1] - where[0]) < 5 * (len(where) - 1):
            continue
        inline = [i for i in where if not alone[i]]
        beside = sum(
            1
            for i in inline
            if _number_beside(texts, i) or _serial_beside(texts, i) or is_serial_title(texts[i])
        )
        if inline and (beside * 2 < len(inline) or _repeats_with_neighbours(texts, where)):
            continue
        out.update(where)
    return out


def _serial_beside(texts: list[str], i: int) -> bool:
    return any(0 <= j < len(texts) and is_serial_title(texts[j]) for j in (i - 1, i + 1))


def _repeats_with_neighbours(texts: list[str], where: list[int]) -> bool:
    """The recurring line comes with the same body line each time: a passage quoted twice.

    A journal line or a rubric in capitals beside it is the other half of a running head,
    which recurs as a pair, so it does not count.
    """
    for step in (-1, 1):
        beside = [texts[i + step] if 0 <= i + step < len(texts) else "" for i in where]
        neighbours = {mask(t) for t in beside}
        if (
            len(neighbours) == 1
            and len(next(iter(neighbours))) >= 12
            and not is_serial_title(beside[0])
            and not _short_caps(beside[0])
        ):
            return True
    return False


def _short_caps(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    upper = sum(ch.isupper() for ch in letters)
    return len(text) <= 60 and bool(letters) and upper >= 0.9 * len(letters)


def _continues_count(found: dict[int, Furniture], i: int, page: int) -> bool:
    """Another furniture line a few pages away lies a plausible number of lines away."""
    for j, f in found.items():
        if f.printed_page is not None:
            pages, lines = abs(page - f.printed_page), abs(i - j)
            if 1 <= pages <= 3 and lines >= 15 * pages and (i - j) * (page - f.printed_page) > 0:
                return True
    return False


def _counting(numbers: dict[int, int]) -> set[int]:
    """Lone numbers that count pages: a neighbour a few pages on lies many lines further."""
    items = sorted(numbers.items())
    out: set[int] = set()
    for a, (i, v) in enumerate(items):
        for j, w in items[a + 1 : a + 4]:
            if 1 <= w - v <= 3 and j - i >= 15 * (w - v):
                out.update((i, j))
    return out


def _edge(lines: tuple[Line, ...], i: int) -> bool:
    """First or last line of a page marked by form feeds."""
    n = len(lines)
    pages = {ln.page for ln in lines}
    if len(pages) < 2:
        return False
    return (i == 0 or lines[i - 1].page != lines[i].page) or (
        i == n - 1 or lines[i + 1].page != lines[i].page
    )


def _number_beside(texts: list[str], i: int) -> bool:
    return any(0 <= j < len(texts) and _PAGE_ONLY.fullmatch(texts[j]) for j in (i - 1, i + 1))


def _by_position(doc: Document) -> list[Furniture]:
    lines = doc.lines
    heights = {p.number: p.height for p in doc.pages}
    for ln in lines:
        if ln.page not in heights and ln.y1 is not None:
            heights[ln.page] = max(heights.get(ln.page, 0.0), ln.y1 * 1.05)
    # Inside the page's body frame (lines stacked on one another, from the extractor) a line
    # is running text, however near the edge: only a bare page number or a line repeated at
    # the same height on other pages can be furniture there.
    frames = {
        p.number: (p.body_top, p.body_bottom)
        for p in doc.pages
        if p.body_top is not None and p.body_bottom is not None
    }
    at_height = Counter(
        (mask(ln.text.strip()), round(ln.y0 / 2)) for ln in lines if ln.y0 is not None
    )
    band: dict[int, str] = {}
    for i, ln in enumerate(lines):
        h = heights.get(ln.page)
        if not h or ln.y0 is None or ln.y1 is None:
            continue
        frame = frames.get(ln.page)
        if (
            frame is not None
            and ln.y1 > frame[0]
            and ln.y0 < frame[1]
            and not _PAGE_ONLY.fullmatch(ln.text.strip())
            and at_height[(mask(ln.text.strip()), round(ln.y0 / 2))] < 3
        ):
            continue
        if ln.y1 <= h * _BAND:
            band[i] = "running-header"
        elif ln.y0 >= h * (1 - _BAND):
            band[i] = "running-footer"
    # Generous margins put heads and feet further in than the band: the page's first or last
    # row, set apart from the text, is in the band too when its kind repeats (see below).
    for i, where in _edge_rows(lines).items():
        band.setdefault(i, where)
    edge_numbers = _counted_edge_numbers(lines, band)
    pages_by_key: dict[tuple[str, int, str], set[int]] = defaultdict(set)
    for i, where in band.items():
        ln = lines[i]
        pages_by_key[(where, ln.page % 2, mask(ln.text))].add(ln.page)
        pages_by_key[(where, -1, mask(ln.text))].add(ln.page)
    found: dict[int, Furniture] = {}
    for i, where in band.items():
        ln = lines[i]
        s = ln.text.strip()
        same_parity = pages_by_key[(where, ln.page % 2, mask(s))]
        any_parity = pages_by_key[(where, -1, mask(s))]
        if _PAGE_ONLY.fullmatch(s):
            if i in edge_numbers or _in_band(ln, heights):
                found[i] = Furniture(i, "page-number", read_page_number(s))
        elif is_serial_title(s) or len(same_parity) >= 2 or len(any_parity) >= 3:
            found[i] = Furniture(i, where, read_page_number(s))
    # An author running head ("Сейтқали А.Б. және т.б.") may be printed on one page only
    # (a short article's one even page): in the header band of a document whose other
    # pages have running heads, its shape is enough.
    if any(f.kind == "running-header" for f in found.values()):
        for i, where in band.items():
            s = lines[i].text.strip()
            if i not in found and where == "running-header" and _RUNNING_AUTHOR.match(s) and (
                len(s) <= 110
            ):
                found[i] = Furniture(i, where, None)
    # A head set in two parts on one baseline (the section's name on the left, the book's
    # title on the right) repeats only in one of them: a line in the band that opens or ends
    # with words the band has on three other pages is furniture.
    for i in _sharing_edge_words(lines, band):
        if i not in found:
            found[i] = Furniture(i, band[i], read_page_number(lines[i].text))
    # Other short lines in the same band of a page that has furniture there belong to it.
    marked = Counter((lines[i].page, band[i]) for i in found)
    for i, where in band.items():
        if i not in found and marked[(lines[i].page, where)] and len(lines[i].text) <= 110:
            found[i] = Furniture(i, where, None)
    return [found[i] for i in sorted(found)]


def _in_band(ln: Line, heights: dict[int, float]) -> bool:
    h = heights.get(ln.page)
    if not h or ln.y0 is None or ln.y1 is None:
        return False
    return ln.y1 <= h * _BAND or ln.y0 >= h * (1 - _BAND)


def _edge_rows(lines: tuple[Line, ...]) -> dict[int, str]:
    """Lines of each page's first and last row, when a gap sets that row apart.

    The gap must be wider than the page's usual line step (1.4 times the row's height):
    a running head is separated from the text below it, a paragraph's first line is not.
    """
    by_page: dict[int, list[int]] = defaultdict(list)
    for i, ln in enumerate(lines):
        if ln.y0 is not None and ln.y1 is not None:
            by_page[ln.page].append(i)
    out: dict[int, str] = {}
    for members in by_page.values():
        if len(members) < 3:
            continue
        rows = sorted(members, key=lambda i: lines[i].y0 or 0.0)
        for where, edge, inner in (("running-header", rows[0], rows[1:]),
                                   ("running-footer", rows[-1], rows[:-1])):
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


def _counted_edge_numbers(lines: tuple[Line, ...], band: dict[int, str]) -> set[int]:
    """Bare numbers at a page's edge that count the pages: the number less the page is the
    same on at least two pages (or the document has one page)."""
    numbers = {
        i: int(m.group(1)) - lines[i].page
        for i in band
        if (m := _PAGE_ONLY.fullmatch(lines[i].text.strip()))
    }
    offsets = Counter(numbers.values())
    # Pages numbered inside their running heads ("2 ROGER KOENKER") count the same way, so
    # the first page's bare number at its foot is recognised by them.
    for i in band:
        if i not in numbers and (n := read_page_number(lines[i].text)) is not None:
            offsets[n - lines[i].page] += 1
    single = len({ln.page for ln in lines}) == 1
    return {i for i, off in numbers.items() if offsets[off] >= 2 or single}


def _edge_words(text: str) -> list[tuple[str, ...]]:
    """The line's first and last two to four words (digits masked), long enough to tell."""
    words = [_DIGITS.sub("#", w) for w in text.casefold().split()]
    out = []
    for n in range(2, min(4, len(words) - 1) + 1):
        for part in (tuple(words[:n]), tuple(words[-n:])):
            if sum(len(w) for w in part) >= 10:
                out.append(part)
    return out


def _sharing_edge_words(lines: tuple[Line, ...], band: dict[int, str]) -> list[int]:
    pages: dict[tuple[str, tuple[str, ...]], set[int]] = defaultdict(set)
    for i, where in band.items():
        for part in _edge_words(lines[i].text):
            pages[(where, part)].add(lines[i].page)
    return [
        i for i, where in band.items()
        if len(lines[i].text) <= 160 and any(
            len(pages[(where, part)] - {lines[i].page}) >= 3
            for part in _edge_words(lines[i].text)
        )
    ]
