"""Journal, volume, issue, year and page range from running headers and footers; the date
and the author some running lines print.

A journal's running line names it and its issue on every page, e.g.
``Кұқық және мемлекет, № 4 (105), 202436`` — journal, issue 4 (cumulative number 105),
year 2024 and printed page 36 glued to the year by text extraction. The first and last
page are the smallest and largest printed page numbers seen; a page number hidden in a DOI
suffix (``…_2024_4_35``) is used only when the DOI's year and issue agree with the
running line's, since many DOIs end in numbers that are not pages.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

from ..models import Artifact, ArtifactKind, Candidate, Line
from ..origins import AnyOrigin, Origin
from . import patterns as pt
from .dates import DATE, year_of
from .names import parse_name

PRIORITY = 60
DOI_PAGE_PRIORITY = 65
# A label opens a word: the "Т" ending "ГОСТ 7.0.5" is no volume's.
_ISSUE = (
    r"(?<![^\W\d_])(?:№|No\.?|Nr\.?|N\s|Issue|Iss\.|Вып\.?|Выпуск|Шығарылым|Number)\s*"
    r"(?P<issue>\d{1,3}(?:[-–/]\d{1,3})?)(?:\s*\((?P<total>\d{1,4})\))?"
)
_VOLUME = r"(?<![^\W\d_])(?:Vol\.?|Volume|Т\.|Том|Т\s)\s*(?P<volume>\d{1,4})"
_ISSUE_RE = re.compile(_ISSUE, re.I)
# An issue and its year as German and Scandinavian journals cite them: "Komödie 2/2004".
_ISSUE_OF_YEAR = re.compile(r"(?<![\d/])(?P<issue>\d{1,2})/(?:19|20)\d{2}(?![\d/])")
_VOLUME_RE = re.compile(_VOLUME, re.I)
_YEAR_RE = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})(?P<glued>\d{1,4})?(?!\d)")
_LEADING_PAGE = re.compile(r"^(?P<page>\d{1,4})\s+(?=\D)")
_TRAILING_PAGE = re.compile(r"\s(?P<page>\d{1,4})$")
_DOI_SUFFIX = re.compile(
    r"(?P<year>(?:19|20)\d{2})[_.\-/](?:(?P<volume>\d{1,3})[_.\-/])?(?P<issue>\d{1,3})[_.\-/](?P<page>\d{1,5})$"
)
_RUNNING_KINDS: tuple[ArtifactKind, ...] = ("running-header", "running-footer", "page-number")
_JOURNAL_SPLIT = re.compile(r"\s+[/|]\s+")
_ONLY_NUMBERS = re.compile(r"^[\s\d.,;:()\[\]–—\-/]*$")
_ISSN = re.compile(
    r"\b(?:[eEpP]-?)?[IЕE]?SSN\s*(?:\([\w-]+\)\s*)?:?\s*\d{4}-\d{3}[\dXx]", re.I
)
_URL = re.compile(r"\s*(?:https?://|www\.)\S+")  # the journal's site in its running head
_PAGE_RANGE = re.compile(
    r"(?:\bpp?\.|\b[СсБбS]\.|\bPages?\b)\s*(?P<first>\d{1,5})\s*[-–—]\s*(?P<last>\d{1,5})"
)


@dataclass(frozen=True, slots=True)
class RunningLine:
    journal: str
    year: int
    issue: str | None
    volume: str | None
    total: str | None
    page: int | None
    text: str
    origin: AnyOrigin  # where the line was read
    last: int | None = None  # the end of a printed page range ("pp. 35-42")


_NOTE_DASH = re.compile(r"\s[—–]\s+(?P<note>[^—–]*?)(?:\s+(?P<page>\d{1,4}))?$")


def _without_note(line: str) -> tuple[str, int | None]:
    """The citation without a note after a spaced dash (``TUGboat, Volume 28 (2007), No. 1
    — Proceedings of the Practical TEX 2006 Conference 85``), and the page number that ends
    the line after it. The note is cut only where the citation before it is whole (a year
    and a volume or an issue) and the note is words, not more of the citation (GOST's
    ``Вестник. – 2024. – № 4`` sets its parts apart with dashes too)."""
    note = _NOTE_DASH.search(line)
    if note is None:
        return line, None
    head, words = line[: note.start()], note["note"]
    whole = _YEAR_RE.search(head) and (_ISSUE_RE.search(head) or _VOLUME_RE.search(head))
    if not whole or _ISSUE_RE.search(words) or _VOLUME_RE.search(words):
        return line, None
    if len(re.findall(r"[^\W\d_]{2,}", words)) < 2:
        return line, None
    return head.strip(" .,;"), int(note["page"]) if note["page"] else None


# A mathematical journal's citation line: "Electron. Commun. Probab. 0 (2020), article no. 0,
# 1–5.", "Ann. Probab. 12 (1984) 1–10", "ECP 0 (2020), paper 0." (the journal, its
# volume, the year in brackets, the article's number and pages).
_VOLUME_YEAR = re.compile(
    r"^(?P<journal>[^\W\d_][^\d()]{1,80}?)\s+(?P<volume>\d{1,4})\s*\((?P<year>(?:19|20)\d\d)\)"
    r"(?:,?\s*(?:article|paper)\s+(?:no\.\s*)?\d{1,5})?"
    r"(?:[,:]?\s*(?P<first>\d{1,5})\s*[–—-]\s*(?P<last>\d{1,5}))?\s*\.?(?:\s|$)")
_LOGO_REST = re.compile(r"[\sA-Z]*")
_ABBREVIATED = re.compile(r"^(?:[^\W\d_]{1,8}\.\s*)+[^\W\d_]*\.?$|^[A-Z]{2,6}$")


def _without_serials(text: str) -> str:
    """The line without its ISSN and the journal's address, its spaces collapsed."""
    return " ".join(_URL.sub(" ", _ISSN.sub(" ", text)).split())


def parse_cited_volume(text: str, origin: AnyOrigin = Origin.RUNNING_FOOTER,
                       ) -> RunningLine | None:
    """A citation line of the shape ``Journal VOLUME (YEAR), pages``, or None. An
    abbreviated name ("Electron. Commun. Probab.", "ECP") is no journal's name as a
    citation spells it out: the line then gives the numbers only."""
    line = _without_serials(text)
    match = _VOLUME_YEAR.match(line)
    # Nothing after the numbers but a logo's words in capitals beside them ("ELECTRONIC").
    if match is None or not match.group("journal")[:1].isupper() or not _LOGO_REST.fullmatch(
            line[match.end():]):
        return None
    journal = match.group("journal").strip(" ,.;:")
    first, last = match.group("first"), match.group("last")
    return RunningLine(
        journal="" if _ABBREVIATED.match(journal) else journal,
        last=int(last) if last else None,
        year=int(match.group("year")),
        issue=None,
        volume=match.group("volume"),
        total=None,
        page=int(first) if first else None,
        text=text,
        origin=origin,
    )


def parse_running(text: str, printed_page: int | None = None,
                  origin: AnyOrigin = Origin.RUNNING_FOOTER) -> RunningLine | None:
    """The journal citation in one running header/footer line, or None."""
    # Most lines of a document: no year, so not a citation. A year's first two digits are
    # looked for first: a plain substring search, where the pattern tries every position.
    if len(text) > 400 or ("19" not in text and "20" not in text) or not _YEAR_RE.search(text):
        return None
    line = _without_serials(text).strip(" .,;")
    if not line or len(line) > 160:
        return None
    pages = _PAGE_RANGE.search(line)
    if pages:
        line = (line[: pages.start()] + line[pages.end() :]).strip(" .,;")
    page = printed_page
    lead = _LEADING_PAGE.match(line)
    if lead:
        page = page or int(lead.group("page"))
        line = line[lead.end():]
    line, noted_page = _without_note(line)
    if not lead and page is None:
        page = noted_page
    tokens = [m for m in (_ISSUE_RE.search(line), _VOLUME_RE.search(line),
                          _ISSUE_OF_YEAR.search(line)) if m]
    years = list(_YEAR_RE.finditer(line))
    if not tokens or not years:
        return None
    start = min(m.start() for m in tokens + years)
    journal = line[:start].strip(" ,.;:–—-")
    # After the name come only the numbers: words there make it a sentence, not a heading.
    tail = _YEAR_RE.sub(" ", _VOLUME_RE.sub(" ", _ISSUE_RE.sub(" ", line[start:])))
    if not _ONLY_NUMBERS.match(tail):
        return None
    if len(re.findall(r"\w{2,}", journal)) < 1 or re.search(r"\d", journal) or len(journal) < 5:
        return None
    issue = _ISSUE_RE.search(line) or _ISSUE_OF_YEAR.search(line)
    volume = _VOLUME_RE.search(line)
    year = years[-1]
    glued = year.group("glued")
    if glued and (page is None or int(glued) == page):
        page = int(glued)
    elif (
        not lead
        and page is None
        and (trailing := _TRAILING_PAGE.search(line))
        and trailing.start() >= year.end() - 1
        # "… 2023. Т. 143, № 2": the number ending the line is the issue's, not a page.
        and not any(m and m.end() >= trailing.end() for m in (issue, volume))
    ):
        page = int(trailing.group("page"))
    if pages and page is None:
        page = int(pages.group("first"))
    return RunningLine(
        journal=journal,
        last=int(pages.group("last")) if pages else None,
        year=int(year.group("year")),
        issue=issue.group("issue") if issue else None,
        volume=volume.group("volume") if volume else None,
        total=issue.groupdict().get("total") if issue else None,
        page=page,
        text=text,
        origin=origin,
    )


def running_lines(artifacts: Iterable[Artifact], lines: Iterable[Line]) -> list[RunningLine]:
    """Parse the segmenter's running artifacts, and raw lines it may have missed.

    A raw line counts only when its journal name recurs on another line: one matching
    sentence in the body is not a running head.
    """
    found: list[RunningLine] = []
    seen: set[str] = set()
    for art in artifacts:
        if art.kind in _RUNNING_KINDS:
            origin = _running_origin(art)
            parsed = parse_running(art.text, art.printed_page, origin) or parse_cited_volume(
                art.text, origin)
            if parsed:
                found.append(parsed)
                seen.add(art.text.strip())
    raw = [parse_running(ln.text) for ln in lines if ln.text.strip() not in seen]
    names = [r.journal for r in raw if r]
    repeated = [r for r in raw if r and names.count(r.journal) >= 2]
    # A journal's name in its other language may appear once, on alternate pages; it
    # counts when it cites the same year and issue as a repeated running line.
    issues = {(r.year, r.issue) for r in found + repeated if r.issue}
    for parsed in raw:
        if parsed and (parsed in repeated or (parsed.year, parsed.issue) in issues):
            found.append(parsed)
    return found


_OWN_NUMBERING = 2  # a first printed page number this low: the document counts its own


def candidates(running: list[RunningLine], printed: list[int]) -> list[Candidate]:
    """Journal (per language), year, issue, volume, and the page range.

    ``printed`` are page numbers seen in headers/footers without a journal line; the caller
    passes them only for articles, since a book's page count is not a page range.
    """
    out: list[Candidate] = []
    for r in running:
        origin, detail = r.origin, r.text.strip()
        # A bilingual running line names the journal once per language: "Заң және қоғам /
        # Право и общество".
        for name in split_journal(r.journal):
            out.append(Candidate("journal", name, origin, lang=pt.guess_lang(name),
                                 detail=detail, priority=PRIORITY))
        out.append(Candidate("year", r.year, origin, detail=detail, priority=PRIORITY))
        if r.issue:
            out.append(Candidate("issue", r.issue, origin, detail=detail, priority=PRIORITY))
        if r.issue and r.total:
            out.append(Candidate("cumulative_issue", r.total, origin, detail=detail,
                                 priority=PRIORITY))
        if r.volume:
            out.append(Candidate("volume", r.volume, origin, detail=detail, priority=PRIORITY))
    pages = [p for r in running for p in (r.page, r.last) if p] + printed
    # Pages numbered from the document's first (a vignette, a report: the first unnumbered,
    # the second "2") count the document's pages, not its place in a journal's volume;
    # a range the running line states ("MNRAS 000, 1–10") is one.
    if pages and min(pages) <= _OWN_NUMBERING and not any(r.last for r in running):
        pages = []
    if pages:
        detail = "printed pages " + ", ".join(str(p) for p in sorted(set(pages)))
        out.append(Candidate("first_page", min(pages), Origin.RUNNING_FOOTER, detail=detail,
                             priority=PRIORITY))
        out.append(Candidate("last_page", max(pages), Origin.RUNNING_FOOTER, detail=detail,
                             priority=PRIORITY))
    return out


def split_journal(name: str) -> list[str]:
    """A bilingual journal name, "Заң және қоғам / Право и общество", as one per language."""
    return [part for part in _JOURNAL_SPLIT.split(name) if len(part) >= 5]


def _running_origin(artifact: Artifact) -> Origin:
    """A page number counts as a running footer's, wherever it stands on the page."""
    if artifact.kind == "running-header":
        return Origin.RUNNING_HEADER
    return Origin.RUNNING_FOOTER


def page_numbers(artifacts: Iterable[Artifact]) -> list[int]:
    return [a.printed_page for a in artifacts if a.kind in _RUNNING_KINDS and a.printed_page]


def doi_first_page(doi: str, running: list[RunningLine], printed: list[int]) -> Candidate | None:
    """A first page encoded in the DOI, when the DOI's year and issue match the running line."""
    match = _DOI_SUFFIX.search(doi)
    if not match or not running:
        return None
    year, issue, page = int(match.group("year")), match.group("issue"), int(match.group("page"))
    if not any(r.year == year and r.issue == issue for r in running):
        return None
    seen = [p for p in printed + [r.page for r in running if r.page] if p]
    # The first page usually has no running line, so the DOI may name one page before them.
    if seen and not (min(seen) - 5 <= page <= min(seen)):
        return None
    return Candidate("first_page", page, Origin.DOI, detail=doi, priority=DOI_PAGE_PRIORITY)


DATED_PRIORITY = 36  # a day's date on every page: above a date the PDF's info agrees with
_DATED_PAGES = 2  # pages whose running line prints the one date


def dated(artifacts: Iterable[Artifact]) -> list[Candidate]:
    """The year of a date down to the day that the running heads or feet print on every
    page (``… 17-Apr-2015 Page 1``): the date of the document's revision. A journal's
    running line gives its year as a citation (``candidates``)."""

    def day(text: str) -> tuple[int, str] | None:
        match = DATE.search(text)
        return (year_of(match), match.group(0)) if match and match.group("y3") is None else None

    found = _repeated(artifacts, day, _DATED_PAGES)
    if len({year for year, _ in found}) != 1:
        return []  # none, or dates that disagree: no one date of the document
    (year, text), origin = next(iter(found.items()))
    return [Candidate("year", year, origin, detail=text, priority=DATED_PRIORITY)]


_Value = TypeVar("_Value")


def _repeated(
    artifacts: Iterable[Artifact], value_of: Callable[[str], _Value | None], least: int
) -> dict[_Value, Origin]:
    """What the running heads and feet print on ``least`` pages or more, with where the
    first of them stands."""
    pages: dict[_Value, set[int]] = {}
    where: dict[_Value, Origin] = {}
    for art in artifacts:
        if art.kind in ("running-header", "running-footer") and (
                value := value_of(art.text)) is not None:
            pages.setdefault(value, set()).add(art.page)
            where.setdefault(value, _running_origin(art))
    return {value: where[value] for value, on in pages.items() if len(on) >= least}


SIGNED_PRIORITY = 38  # the signature a running line prints: below what PDF info states
_SIGNED_PAGES = 2  # pages whose running line signs the text with one name
# A running line that signs the text: "ORTHOTYPOGRAPHIE, par J.-P. Lacroux", "Notes — by
# A. Smith": initials or given names, then a family name in lower case after its capital (a
# title in capitals may follow, another piece of the head). "by" after a punctuation mark,
# not after a verb: "Generated by Doxygen" names a program.
_SIGNED = re.compile(
    r"(?:^|[,;:–—]\s*)(?:[Bb]y|[Pp]ar|[Vv]on|[Dd]i|[Pp]or|[Dd]oor)\s+"
    r"(?P<name>(?:[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’.-]*\.?\s+){0,3}[A-ZÀ-ÖØ-ÞА-ЯЁ][a-zà-öø-ÿа-яё'’-]+)"
)


def signed(artifacts: Iterable[Artifact]) -> list[Candidate]:
    """The author a running head or foot names after "by" ("par", "von"…) on its pages."""

    def name(text: str) -> str | None:
        match = _SIGNED.search(text)
        return match.group("name") if match else None

    found = _repeated(artifacts, name, _SIGNED_PAGES)
    if len(found) != 1:
        return []  # none, or names that disagree
    [(signature, origin)] = found.items()
    return [Candidate("authors", [parse_name(signature)], origin, detail=signature,
                      priority=SIGNED_PRIORITY)]
