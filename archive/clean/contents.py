"""A table of contents: entries with their page numbers, kept as artifacts.

A contents list repeats the document's headings with page numbers. As text it reads as one
run-on paragraph ("1 Introduction 1 2 Methods 3 …") or as a table of numbers, and there is
nothing in it to cite. An entry is a line that ends with a page number, after dot leaders
or, on a page, at the right edge the other entries end at. A run of entries is a contents
list when it follows a heading that names one ("Contents", "Содержание", "Мазмұны") or
when most of its entries have leaders; the page numbers never go down along the list (roman
numbers of the front matter may come before arabic ones). A title too long for one line
wraps onto a line without a number, which belongs to the entry. The list may go on over a
page break. Its lines are kept as artifacts (``contents``), never as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from archive.clean.marks import Furniture
from archive.models import Line

KIND: Final = "contents"

_HEADING = re.compile(
    r"(?i)^\s*(?:table\s+of\s+contents|contents|содержание|оглавление|мазмұны|inhalt"
    r"(?:sverzeichnis)?|table\s+des\s+matières|sommaire|índice)\s*$"
)
# Matched on a line's end only: a page number, and before it dot leaders or a space.
_PAGE = re.compile(r"(?:\d{1,4}|[ivxlcdm]{1,7}|[IVXLCDM]{1,7})$")  # ASCII: "İ" is no number
_LEADER = re.compile(r"(?:\.\s*){3,}$|…+$|(?:·\s*){3,}$")
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_MIN_ENTRIES = 3
_MAX_ENTRY = 200  # characters: an entry is a heading and its number
_EDGE = 3.0  # points: entries without leaders end this close to the list's right edge


@dataclass(frozen=True, slots=True)
class _Entry:
    index: int
    page: tuple[int, int]  # (0 for roman | 1 for arabic, value): the order of page numbers
    leader: bool


def contents_lines(lines: tuple[Line, ...], removed: set[int]) -> list[Furniture]:
    """The lines of the document's contents lists (``removed``: lines already taken out)."""
    groups = _rows(lines, [i for i, ln in enumerate(lines) if i not in removed and ln.text.strip()])
    kept = [group[0] for group in groups]
    # Each line is read as an entry once: the runs look one line ahead, and start again there.
    entries = [
        _entry(lines[group[0]], group[0], " ".join(lines[i].text.strip() for i in group))
        for group in groups
    ]
    members = {group[0]: group for group in groups}
    found: list[Furniture] = []
    k = 0
    while k < len(kept):
        run, wraps, end = _run(lines, kept, entries, k)
        if run and _is_contents(lines, kept, k, run):
            found += [Furniture(i, KIND, None) for first in sorted([e.index for e in run] + wraps)
                      for i in members[first]]
        k = max(k + 1, end)  # a run that is no contents list holds none either
    return found


_LEADERS_ONLY = re.compile(r"^\s*(?:[.·]\s*){3,}(?:\d{1,4}|[ivxlcdm]{1,7})?\s*$", re.I)


def _rows(lines: tuple[Line, ...], kept: list[int]) -> list[list[int]]:
    """The kept lines, a line of leaders and a number joined to the title on its row: a
    typesetter may set the two apart (groff's mom: the title, then the leaders from where it
    ends)."""
    groups: list[list[int]] = []
    for i in kept:
        ln = lines[i]
        if groups and _LEADERS_ONLY.match(ln.text) and _same_row(lines[groups[-1][-1]], ln):
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def _same_row(a: Line, b: Line) -> bool:
    return a.page == b.page and a.y0 is not None and b.y0 is not None and abs(a.y0 - b.y0) < 2


def _run(
    lines: tuple[Line, ...], kept: list[int], read: list[_Entry | None], start: int
) -> tuple[list[_Entry], list[int], int]:
    """Entries from ``kept[start]`` on, in page order, with the wrapped title lines among
    them, and where the run ends. ``read`` is each kept line read as an entry, or None."""
    entries: list[_Entry] = []
    wraps: list[int] = []
    k = start
    while k < len(kept):
        entry = read[k]
        if entry is None:
            # One line of a wrapped title, when an entry follows it.
            nxt = read[k + 1] if k + 1 < len(kept) else None
            if not entries or nxt is None or _ends_sentence(lines[kept[k]].text):
                break
            wraps.append(kept[k])
            k += 1
            continue
        if entries and entry.page < entries[-1].page:
            break
        entries.append(entry)
        k += 1
    return entries, wraps, k


def _entry(ln: Line, index: int, text: str) -> _Entry | None:
    text = text.rstrip()
    if len(text) > _MAX_ENTRY or ln.kind == "code":
        return None
    match = _PAGE.search(text[-8:])
    if match is None:
        return None
    page = match[0]
    before = text[: len(text) - len(page)]
    if not before[-1:].isspace() and not before.endswith((".", "…", "·")):
        return None  # "A4", "x2": the number is part of a word
    title = before.rstrip()
    leader = _LEADER.search(title[-60:]) is not None
    title = _LEADER.sub("", title) if leader else title
    if not any(ch.isalpha() for ch in title) or (not leader and len(title.split()) > 12):
        return None  # no heading, or a sentence that happens to end with a number
    if page.isdecimal():
        return _Entry(index, (1, int(page)), leader)
    return _Entry(index, (0, _roman(page.lower())), leader)


def _roman(text: str) -> int:
    values = [_ROMAN[c] for c in text]
    return sum(-v if k + 1 < len(values) and v < values[k + 1] else v
               for k, v in enumerate(values))


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith((".", "!", "?", ":", ";"))


def _is_contents(lines: tuple[Line, ...], kept: list[int], start: int, run: list[_Entry]) -> bool:
    if len(run) < _MIN_ENTRIES:
        return False
    # Under a heading that names it, a list's numbers may follow its titles closely (a
    # style that sets no leaders and no right edge); otherwise they must stand at one edge.
    named = start > 0 and _HEADING.match(lines[kept[start - 1]].text) is not None
    if named:
        return True
    led = sum(e.leader for e in run)
    return _aligned(lines, run) and 2 * led >= len(run)


def _aligned(lines: tuple[Line, ...], run: list[_Entry]) -> bool:
    """On a page, entries without leaders end at the right edge of the list."""
    if any(lines[e.index].x1 is None for e in run):
        return True
    right: dict[int, float] = {}  # per page: a book's margins alternate
    for e in run:
        ln = lines[e.index]
        right[ln.page] = max(right.get(ln.page, 0.0), ln.x1 or 0.0)
    return all(e.leader or right[lines[e.index].page] - (lines[e.index].x1 or 0.0) <= _EDGE
               for e in run)
