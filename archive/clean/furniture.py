"""Running headers, footers and page numbers: find them, read the printed page numbers.

Two kinds of evidence, one decision per line:

* position — with geometry, furniture sits at the top or bottom of a page and repeats from
  page to page (``archive.clean.placed``);
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
from collections import defaultdict

from archive.clean.marks import (
    ISSUE,
    PAGE_ONLY,
    RUNNING_AUTHOR,
    SERIAL_WORDS,
    Furniture,
    is_serial_title,
    mask,
    read_page_number,
)
from archive.clean.placed import by_position
from archive.lineshapes import FIGURE_WORDS, MAN_FOOT, MAN_HEAD, TABLE_WORDS
from archive.models import Document, Line

__all__ = ["Furniture", "find_furniture", "read_page_number"]

_CAPTION = re.compile(rf"^(?:фото|photo|{FIGURE_WORDS}|{TABLE_WORDS})(?![^\W\d_])", re.I)
_LIST_MARKER = re.compile(r"^(?:[-–—•·▪*]\s|\d{1,2}[.)]\s|[a-zа-я][)]\s)")


def _weak_shape(text: str, alone: bool) -> bool:
    """Shapes that are furniture only next to a line that certainly is."""
    s = text.strip()
    if len(s) > 110:
        return False
    letters = [ch for ch in s if ch.isalpha()]
    caps = bool(letters) and sum(ch.isupper() for ch in letters) >= 0.9 * len(letters)
    if caps and len(s) <= 60:
        return alone  # without blank lines around it, a line in capitals may be a heading
    return bool(RUNNING_AUTHOR.match(s)) or s.endswith(("...", "…"))


def _excluded(text: str) -> bool:
    s = text.strip()
    return len(s) > 100 or bool(_CAPTION.match(s) or _LIST_MARKER.match(s))


def find_furniture(doc: Document) -> list[Furniture]:
    """All furniture lines of ``doc``, in document order."""
    lines = doc.lines
    if not lines:
        return []
    if any(ln.y0 is not None for ln in lines):
        return by_position(doc)
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
    # A literal block's lines repeat as commands do ("$ apt-get install …"): no furniture.
    repeated = {i for i in _repeated(texts, alone) if lines[i].kind != "code"}
    found: dict[int, Furniture] = {}
    for i, s in enumerate(texts):
        if PAGE_ONLY.fullmatch(s) or _excluded(s):
            continue
        # The copy's first line, when it names the journal, is the first page's running head.
        at_top = i == 0 and bool(ISSUE.search(s) and SERIAL_WORDS.search(s))
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
        if (m := PAGE_ONLY.fullmatch(s)) and not _number_beside(texts, i)
    }
    counted = _counting(numbers)
    for i in numbers:
        if alone[i] or i - 1 in found or i + 1 in found or i in counted or _edge(lines, i):
            found[i] = Furniture(i, "page-number", read_page_number(texts[i]))
    found.update(_manual_page(texts, alone))
    anchors = [i for i in sorted(found) if found[i].printed_page is not None]
    # A rubric in capitals or an author running head is furniture only as the immediate
    # neighbour of a line carrying the page number: a lone capitalised line is a heading.
    for i in anchors:
        for j in (i - 1, i + 1):
            if 0 <= j < n and j not in found and _weak_shape(texts[j], alone[j]):
                found[j] = Furniture(j, "running-header", None)
    return [found[i] for i in sorted(found)]


_OUTLINE_HEADING = re.compile(r"\d{1,2}(?:\.\d{1,2})+\.?\s+\S")


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
        # Words make a running head; a note's mark ("^[2]", "^[4]") masks to the same key.
        if len(key) < 4 or sum(ch.isalpha() for ch in key) < 2:
            continue
        # A line that ends a clause ("On Debian:" announcing a command, a sentence said in
        # each step) is text wherever it recurs, unless it names the journal.
        if s.endswith((".", ",", ";", ":", "!", "?")) and not is_serial_title(s):
            continue
        if _OUTLINE_HEADING.match(s) or s.startswith(".. "):
            continue  # "5.14.1. Основы", a reStructuredText directive: the text's own
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
        if _said_twice(texts, where):
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


def _said_twice(texts: list[str], where: list[int]) -> bool:
    """Two occurrences of the same words with no page number or journal line beside either:
    a short line said twice ("а затем" before two commands) is text, not a running head."""
    return (
        len(where) == 2
        and texts[where[0]] == texts[where[1]]
        and not any(_number_beside(texts, i) or _serial_beside(texts, i) for i in where)
    )


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
    return any(0 <= j < len(texts) and PAGE_ONLY.fullmatch(texts[j]) for j in (i - 1, i + 1))


def _manual_page(texts: list[str], alone: list[bool]) -> dict[int, Furniture]:
    """The head and foot lines of a manual page set as text, on each of its pages."""
    names = {m["name"] for s in texts if (m := MAN_HEAD.fullmatch(s))}
    found: dict[int, Furniture] = {}
    for i, s in enumerate(texts):
        if not alone[i]:
            continue
        if MAN_HEAD.fullmatch(s):
            found[i] = Furniture(i, "running-header", None)
        elif (m := MAN_FOOT.fullmatch(s)) and m["name"] in names:
            found[i] = Furniture(i, "running-footer", None)  # "(5)" is no page
    return found
