"""What running headers, footers and page numbers look like: shared by the detectors.

``archive.clean.furniture`` finds furniture in text copies by shape, ``archive.clean.placed``
in documents with geometry by position; both read printed page numbers and compare lines
through these.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Literal

from archive.models import ArtifactKind, Line

_YEAR = r"(?:19|20)\d\d"
# "N 4" only as a word of its own in capitals: "Version 1.2" is not an issue number.
ISSUE = re.compile(
    r"(?:№|\bNo\.?|\bNº|(?-i:\bN)\s)\s*\d+|\bvol\.?\s*\d+|\bт\.\s*\d+|\bтом\s*\d+|ISSN", re.I
)
SERIAL_WORDS = re.compile(
    r"вестник|хабаршы|journal|bulletin|серия|series|сериясы|известия|хабарлары|proceedings"
    r"|журнал|issn",
    re.I,
)
_ANY_YEAR = re.compile(rf"(?<!\d){_YEAR}")
_YEAR_ONLY = re.compile(_YEAR)
DIGITS = re.compile(r"\d+")
PAGE_ONLY = re.compile(r"[-–—\s]*(\d{1,4})[-–—\s]*")
# Not the end of a range ("1–6") nor of a time of day ("9:24").
_TRAILING_NUMBER = re.compile(r"(?<![\d.,/\-–—:])(\d{1,4})\s*$")
# "26 / 63", "Page 3 of 10", "1 von 5", "2 sur 9": the page, then the count of pages.
_PAGE_OF_COUNT = re.compile(
    r"(?<![\d.,/])(\d{1,4})(?:\s*/\s*|\s+(?:of|из|von|sur|de|di|z)\s+)\d{1,4}\s*$", re.I
)
_LEADING_NUMBER = re.compile(r"^\s*(\d{1,4})(?=\s+\D)")
_ISSUE_BEFORE = re.compile(r"(?:№|\bNo\.?|\bNº|\bvol\.?|\bт\.|\bвып\.|\bissue)\s*$", re.I)
_GLUED_YEAR_PAGE = re.compile(r"(?<!\d)(" + _YEAR + r")(\d{1,4})\s*$")
# "Қалила А.Т. Title…", "A.T. Kalila Title…": a surname with initials opening a short line.
_INITIALS = r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]\.\s?(?:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]\.)?"
_SURNAME = r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яёәғқңөұүһі'’-]+"
RUNNING_AUTHOR = re.compile(rf"^(?:{_SURNAME}\s+{_INITIALS}|{_INITIALS}\s*{_SURNAME})(?:\s|,|$)")

BAND = 0.1  # top/bottom share of the page height where headers and footers live


# The page's edge a running line stands at.
Edge = Literal["running-header", "running-footer"]


@dataclass(frozen=True, slots=True)
class Furniture:
    """One line recognised as page furniture."""

    index: int  # position in Document.lines
    kind: ArtifactKind
    printed_page: int | None


def read_page_number(text: str) -> int | None:
    """The printed page number a furniture line carries, if any.

    A page number glued to the year (``…, 202436``) is split after the year; a number equal
    to a year in the line is not a page, nor is the count of pages after it (``26 / 63``).
    """
    s = text.strip()
    only = PAGE_ONLY.fullmatch(s)
    if only:
        return int(only.group(1)) or None
    glued = _GLUED_YEAR_PAGE.search(s)
    if glued and ISSUE.search(s):
        return int(glued.group(2)) or None
    for pattern in (_PAGE_OF_COUNT, _TRAILING_NUMBER, _LEADING_NUMBER):
        match = pattern.search(s)
        if match and _ISSUE_BEFORE.search(s[: match.start()]):
            continue  # "… Т. 143, № 2": the issue number, not a page
        if match:
            number = int(match.group(1))
            if not _YEAR_ONLY.fullmatch(match.group(1)) and 0 < number < 5000:
                return number
    return None


_ROMAN_EDGE = re.compile(r"^[ivxlc]{1,7}\s+(?=\S)|(?<=\S)\s+[ivxlc]{1,7}$", re.IGNORECASE)
_ROMAN_LETTERS = frozenset("ivxlcIVXLC")


def mask(text: str) -> str:
    """The comparison key of a furniture line: case, digits and spacing do not matter, nor a
    roman page number at either end (front matter is often numbered ``iii``, ``iv``)."""
    text = text.strip()
    # The search for a number at the end tries every position of the line: only a line
    # that starts or ends with a roman digit can hold one.
    if text[:1] in _ROMAN_LETTERS or text[-1:] in _ROMAN_LETTERS:
        text = _ROMAN_EDGE.sub(" # ", text)
    return DIGITS.sub("#", "".join(text.casefold().split())).strip(".,;:-–—")


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
    return has_year and (ISSUE.search(s) is not None or SERIAL_WORDS.search(s) is not None)


def text_size(lines: tuple[Line, ...]) -> float | None:
    """The font size that carries most characters of the document's running text: code,
    cells and figures' labels aside (an implementation's listings outnumber its prose), or
    of all but figures' labels where there is no running text."""
    sizes: Counter[float] = Counter()
    rest: Counter[float] = Counter()
    for ln in lines:
        if ln.size is not None and ln.kind != "figure":
            (sizes if ln.kind is None else rest)[ln.size] += len(ln.text)
    return (sizes or rest).most_common(1)[0][0] if sizes or rest else None
