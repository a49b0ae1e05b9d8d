"""Candidates from the front matter as printed: labelled codes, authors, title, keywords.

Journals of the region print a block like::

    DOI: 10.51634/2307-5201_2024_4_35
    УДК 341.123; 355.1.072.2
    ГРНТИ 10.87.68
    А.Т. ҚАЛИЛА,
    <rank, position, affiliation over several lines>
    е-mail: kalila_a@kazguu.com
    <TITLE IN CAPITALS>

but PDF reading order may put it mid-page, so each reader scans lines (``Rows``) and trusts
labels and shapes, not positions. Titles live in ``titles.py``, abstracts in
``abstracts.py``.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, replace
from statistics import median

from ..models import Author, Candidate
from ..origins import InText, Part
from . import patterns as pt
from . import titleblock
from .dates import date_year
from .labels import abstract_label, keyword_label, read_keywords
from .names import author_markers, latin_key, parse_author_line
from .rows import Row, Rows, is_caps, join_lines
from .running import parse_running, split_journal

PRIORITY = 80  # front matter states the article's own metadata
CITATION_PRIORITY = 70  # a citation line: the article's own, but typed by hand
_CITATION_LABEL = re.compile(r"^\s*(?:For citation|Cite|Для цитирования|Дәйексөз үшін)", re.I)
_COPYRIGHT = re.compile(
    r"^\s*(?:©|\(c\)|Copyright)\s*(?P<who>.*?)[,.]?\s*(?P<year>(?:19|20)\d{2})\s*\.?$", re.I
)
# "©2015, 2017 Free Software Foundation", "Copyright © 1996-2021 Software in the Public
# Interest": the years first, the holder after; the latest year is the last revision's.
_COPYRIGHT_YEARS = re.compile(
    r"^\s*(?:©|\(c\)|Copyright)\s*(?:©\s*)?"
    r"(?P<years>(?:(?:19|20)\d{2}\s*[-–,]\s*)*(?:19|20)\d{2})\b[,.]?\s+\D", re.I
)
YEARS_PRIORITY = 30  # below a date the page states: a notice's years cover every revision
_PAGES = re.compile(
    r"(?:\bpp?\.|\bС\.|\bс\.|\bБ\.|\bб\.|\bPages?\b|\bСтр\.)\s*(?P<first>\d{1,5})\s*[-–—]\s*(?P<last>\d{1,5})"
)
_URL = re.compile(r"^\s*(?:URL|Сайт|Website|Web)\s*:\s*(?P<url>https?://\S+?)[.,;]?\s*$", re.I)
_REFERENCE_ENTRY = re.compile(r"^\s*(?:\[\d+\]|\d{1,3}[.)]\s)")
_ORCID_LABEL = re.compile(r"orcid", re.I)
_MAX_AUTHOR_BLOCK = 10
_CONTACT = re.compile(
    r"(?:\b(?:[eеЕE][-‐‑–]?\s?mail|ORCID(?:\s+iD)?)\s*[:.]?\s*)?"
    r"(?:https?://orcid\.org/)?(?:\S+@\S+|\d{4}-\d{4}-\d{4}-\d{3}[\dX])",
    re.I,
)
_CORRESPONDING = re.compile(r"corresponding|корреспонденц|хат-хабар", re.I)
_DESCRIBED = re.compile(r"^(?P<name>[^–—]{3,60}?)\s+[–—-]\s+(?P<desc>\S.*)$")
# The front-matter zone: rows this close to a strong label, else the start of the text.
_ZONE_BEFORE, _ZONE_AFTER, _ZONE_DEFAULT = 30, 40, 60


def origin(row: Row) -> InText:
    return InText(Part.FRONT_MATTER, row.page)


def _candidate(field: str, value: object, row: Row) -> Candidate:
    return Candidate(field, value, origin(row), detail=row.text, priority=PRIORITY)


def is_label(text: str) -> bool:
    return bool(
        (pt.DOI_LABEL_RE.match(text) and pt.DOI_RE.search(text))
        or pt.UDC_LABEL_RE.match(text)
        or pt.GRNTI_LABEL_RE.match(text)
        or pt.BBK_LABEL_RE.match(text)
        or keyword_label(text)
        or abstract_label(text)
    )


def front_zone(rows: Rows) -> frozenset[int]:
    """Row indices where front matter can be: around strong labels, else the first rows.

    UDC, GRNTI, BBK, copyright and e-mail/ORCID labels occur only in front matter, so they
    locate it wherever reading order put it. Weaker evidence (an unlabelled DOI, a line of
    names, a title in capitals) counts only inside this zone, which keeps the reference
    list and the body out.
    """
    anchors = [
        r.index
        for r in rows.rows
        if not _REFERENCE_ENTRY.match(r.text)
        and (
            pt.UDC_LABEL_RE.match(r.text)
            or pt.GRNTI_LABEL_RE.match(r.text)
            or pt.BBK_LABEL_RE.match(r.text)
            or _COPYRIGHT.match(r.text)
            or pt.EMAIL_LABEL_RE.match(r.text)
            or (_ORCID_LABEL.match(r.text) and pt.find_orcids(r.text))
        )
    ]
    if not anchors:
        first = [r.index for r in rows.rows if r.page == rows.rows[0].page]
        return frozenset(first[:_ZONE_DEFAULT])
    return frozenset(
        i for a in anchors for i in range(max(0, a - _ZONE_BEFORE), a + _ZONE_AFTER + 1)
    )


def labelled_fields(rows: Rows, zone: frozenset[int]) -> list[Candidate]:
    """DOI, UDC, GRNTI, BBK, copyright year, URL and printed page range from labelled lines.

    A DOI far from the front matter (say, in a wrapped reference) is ignored: a wrong DOI
    would join this source to another one.
    """
    out: list[Candidate] = []
    texts = [r.text for r in rows.rows]
    for i, row in enumerate(rows.rows):
        text = row.text
        if _REFERENCE_ENTRY.match(text) or rows.is_noise(row):
            continue
        if match := pt.UDC_LABEL_RE.match(text):
            if codes := pt.parse_udc(match.group("rest")):
                out.append(_candidate("udc", codes, row))
        elif match := pt.GRNTI_LABEL_RE.match(text):
            if codes := pt.parse_grnti(match.group("rest")):
                out.append(_candidate("grnti", codes, row))
        elif match := pt.BBK_LABEL_RE.match(text):
            if codes := pt.split_codes(match.group("rest")):
                out.append(_candidate("bbk", codes, row))
        elif match := _COPYRIGHT.match(text):
            out.append(_candidate("year", int(match.group("year")), row))
        elif match := _COPYRIGHT_YEARS.match(text):
            latest = max(int(y) for y in re.findall(r"\d{4}", match.group("years")))
            out.append(replace(_candidate("year", latest, row), priority=YEARS_PRIORITY))
        for doi in pt.find_dois(texts[i : i + 2])[:1] if pt.DOI_RE.search(text) else []:
            labelled = bool(pt.DOI_LABEL_RE.match(text) or "doi.org" in text.lower())
            if row.index in zone and not rows.in_references(doi):
                priority = PRIORITY if labelled else 60
                out.append(replace(_candidate("doi", doi, row), priority=priority))
        if row.index in zone:
            out += _citation(row, text)
        # An address under an e-mail line is the author's home page, not the document's.
        contact = any(pt.find_emails(t) for t in texts[max(0, i - 2) : i])
        if row.index in zone and (match := _URL.match(text)) and not contact:
            out.append(_candidate("url", match.group("url"), row))
        if (
            row.index in zone and (match := _PAGES.search(text)) and not rows.in_references(text)
            and not _wrapped_on(rows.rows[i - 1] if i else None, row)
        ):
            first, last = int(match.group("first")), int(match.group("last"))
            if 0 < first <= last:
                out.append(_candidate("first_page", first, row))
                out.append(_candidate("last_page", last, row))
    return out


def _wrapped_on(above: Row | None, row: Row) -> bool:
    """``row`` goes on with a sentence the row above left unfinished (``… Augustiniennes,
    1997,`` then ``pp. 152-154``): a cited work's pages, not a masthead's line."""
    return (
        above is not None and above.page == row.page and not row.blank_before
        and len(above.text) >= _WRAPPED_CHARS and above.text.endswith((",", ";"))
    )


_WRAPPED_CHARS = 40


def _citation(row: Row, text: str) -> list[Candidate]:
    """The article's own citation line: ``Journal, Vol. 5, No. 2, 2021, pp. 10-25`` or the
    part after ``//`` of ``Для цитирования: … // Право и государство. 2024. № 4. С. 35-42``."""
    cited_part = text.rsplit("//", 1)[-1] if "//" in text else text
    if "//" not in text and _CITATION_LABEL.match(text):
        return []
    where, detail = origin(row), row.text
    cited = parse_running(cited_part, origin=where)
    if cited is None:
        return []

    def cand(field: str, value: object) -> Candidate:
        return Candidate(field, value, where, detail=detail, priority=CITATION_PRIORITY)

    out = [
        Candidate("journal", name, where, lang=pt.guess_lang(name), detail=detail,
                  priority=CITATION_PRIORITY)
        for name in split_journal(cited.journal)
    ]
    out.append(cand("year", cited.year))
    for field, got in (("issue", cited.issue), ("volume", cited.volume),
                       ("cumulative_issue", cited.total if cited.issue else None)):
        if got:
            out.append(cand(field, got))
    if cited.page and cited.last:
        out += [cand("first_page", cited.page), cand("last_page", cited.last)]
    return out


def _names_on(text: str) -> tuple[list[Author], str | None]:
    """The names on a line, and the description after a dash when the line is
    ``Қалила А.Т. – заң ғылымдарының кандидаты, …`` (the style of author notes)."""
    names = parse_author_line(text)
    if names:
        return names, None
    match = _DESCRIBED.match(text)
    if match and len(one := parse_author_line(match.group("name"))) == 1:
        return one, match.group("desc")
    return [], None


_OPENS_SECTION = re.compile(r"^(?:1|I)\.?\s+[^\W\d_][^.!?]{0,60}$")  # "1 Introduction"
_RELEASED = re.compile(r"(?i)^(?:released|version of|dated?|as of)\s+")


def _display_size(rows: Rows) -> float | None:
    """The size of page 1's largest type where it stands far above the text's: the title's
    (``LATEX News`` in 25 pt over a 10 pt text), which no byline is set in."""
    top = max((r.size for r in rows.rows if r.page == 1 and r.size), default=None)
    if top is None:
        return None  # a text copy
    return top if top >= 1.8 * median(r.size for r in rows.rows if r.size) else None


def authors(rows: Rows, zone: frozenset[int]) -> list[Candidate]:
    """The first cluster of author blocks: names, then affiliation, e-mail and ORCID lines."""
    all_rows = rows.rows
    found: list[Author] = []
    first_row: Row | None = None
    last_end = -1
    display = _display_size(rows)
    i = 0
    while i < len(all_rows):
        row = all_rows[i]
        if not found and _OPENS_SECTION.match(row.text):
            break  # the text has begun: names below it are no byline ("LICR Unicode")
        usable = row.index in zone and not rows.is_noise(row) and (
            display is None or row.size != display
        )
        names, description = _names_on(row.text) if usable else ([], None)
        if not names or (found and row.index - last_end > 12):
            if found and row.index - last_end > 12:
                break
            i += 1
            continue
        if not found:
            # A name without a note mark over one with it: each author on a line of their
            # own, in one type ("Jason Alexander" over "Ethan Deneault†").
            names = _plain_names_above(all_rows, i, zone) + names
        block = [replace(row, text=description)] if description else []
        j = i + 1
        # A co-author's name without a mark beside or under the marked one, in its type
        # and weight ("Donald Arseneau†", "Stephen Bellantoni"), is no affiliation.
        while j < len(all_rows) and (plain := _plain_name(all_rows[j], row)):
            names = names + plain
            j += 1
        while j < len(all_rows) and j - i <= _MAX_AUTHOR_BLOCK:
            nxt = all_rows[j]
            if (
                _names_on(nxt.text)[0]
                or is_label(nxt.text)
                or rows.is_noise(nxt)
                or date_year(_RELEASED.sub("", nxt.text)) is not None  # the title page's date
                or (is_caps(nxt.text) and not pt.find_emails(nxt.text)
                    and not pt.find_orcids(nxt.text))
                or (nxt.blank_before and any(pt.find_emails(r.text) for r in block))
            ):
                break
            block.append(nxt)
            j += 1
        found.extend(_attach(names, author_markers(row.text), block, rows))
        first_row = first_row or row
        last_end = all_rows[j - 1].index
        i = j
    if not found or first_row is None:
        return []
    value = [a.as_json() for a in found]
    return [_candidate("authors", value, first_row)]


def _plain_name(row: Row, byline: Row) -> list[Author]:
    """The names on ``row`` when it is set as the ``byline`` row is and holds only names."""
    if row.page != byline.page or row.size is None or row.size != byline.size or (
        row.bold != byline.bold or is_caps(row.text)
    ):
        return []
    return titleblock.names_on(row.text)


def _plain_names_above(all_rows: tuple[Row, ...], at: int, zone: frozenset[int]) -> list[Author]:
    """The names on the lines right above row ``at``, set in its type on its page."""
    row = all_rows[at]
    out: list[Author] = []
    k = at - 1
    while k >= 0 and all_rows[k].index in zone and all_rows[k].page == row.page and (
        all_rows[k].size == row.size
    ) and not all_rows[k + 1].blank_before and not all_rows[k].bold and not is_caps(
        all_rows[k].text
    ) and (names := titleblock.names_on(all_rows[k].text)):
        out = names + out
        k -= 1
    return out


_LEADING_MARK = re.compile(r"^(?P<mark>[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\d{1,2}(?=\s*\D)|[*†‡§]+)\s*")
_SUPERSCRIPT = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")


def _symbols(mark: str) -> set[str]:
    """``²*`` → {"2", "*"}: each digit and each sign is one footnote."""
    return {ch for ch in mark.translate(_SUPERSCRIPT) if not ch.isspace()}


def _attach(
    names: list[Author], markers: list[str], block: list[Row], rows: Rows
) -> list[Author]:
    """Give each name its affiliation, e-mail and ORCID from the lines under the names.

    Lines opening with a footnote marker (``¹University…``, ``*Corresponding author: …``)
    go to the names carrying that marker; unmarked e-mails and ORCID iDs are matched by
    position only when there is one per name, and unmarked affiliations go to everyone.
    """
    notes = _notes(block, several=len(names) > 1)
    common = join_lines(notes.affiliation, rows.compounds).strip(" ,;.") or None
    owners = _email_owners(names, notes.emails)
    out = []
    for k, name in enumerate(names):
        mine = sorted(_symbols(markers[k] if k < len(markers) else ""))
        affs = [
            join_lines(notes.marked["aff"][m], rows.compounds).strip(" ,;.")
            for m in mine
            if m in notes.marked["aff"]
        ]
        email = next((e for m in mine for e in notes.marked["email"].get(m, [])), None)
        orcid = next((o for m in mine for o in notes.marked["orcid"].get(m, [])), None)
        emails, orcids = notes.emails, notes.orcids
        out.append(
            replace(
                name,
                affiliation="; ".join(affs) if affs else common,
                email=email or (emails[k] if len(emails) == len(names) else owners.get(k)),
                orcid=orcid or (orcids[k] if len(orcids) == len(names) else None),
            )
        )
    return out


@dataclass
class _Notes:
    """What the lines under the names say: unmarked e-mails, ORCID iDs and affiliation
    lines, and the marked ones by marker (``aff``, ``email``, ``orcid`` → marker → values)."""

    emails: list[str] = dataclasses.field(default_factory=list)
    orcids: list[str] = dataclasses.field(default_factory=list)
    affiliation: list[str] = dataclasses.field(default_factory=list)
    marked: dict[str, dict[str, list[str]]] = dataclasses.field(
        default_factory=lambda: {"aff": {}, "email": {}, "orcid": {}})


def _notes(block: list[Row], several: bool) -> _Notes:
    notes = _Notes()
    last_symbols: set[str] = set()
    last_contact = False
    for row in block:
        row_emails = pt.find_emails(row.text)
        row_orcids = pt.find_orcids(row.text)
        lead = _LEADING_MARK.match(row.text)
        symbols = _symbols(lead.group("mark")) if lead and several else set()
        contact = bool(row_emails or row_orcids)
        if not lead and last_symbols and (
            (contact and last_contact) or (not contact and _wrapped(row.text))
        ):
            # The rest of a marked affiliation wrapped to the next line, or the ORCID
            # printed under the starred author's e-mail: the same note.
            symbols = last_symbols
        last_symbols, last_contact = symbols, contact
        for symbol in symbols:
            notes.marked["email"].setdefault(symbol, []).extend(row_emails)
            notes.marked["orcid"].setdefault(symbol, []).extend(row_orcids)
        if not symbols:
            notes.emails += row_emails
            notes.orcids += row_orcids
        text = row.text[lead.end() :] if lead else row.text
        if row_emails or row_orcids or _ORCID_LABEL.search(text):
            # "Астана, Қазақстан, e-mail: x@y.kz": the place stays, the contact goes.
            text = _CONTACT.sub(" ", text).strip(" ,;.:")
            if sum(ch.isalpha() for ch in text) < 3 or _CORRESPONDING.search(text):
                continue
        for symbol in symbols:
            notes.marked["aff"].setdefault(symbol, []).append(text)
        if not symbols:
            notes.affiliation.append(text)
    return notes


def _wrapped(text: str) -> bool:
    """A line that continues the one before: lower case, or a last word of a place."""
    words = text.split()
    return bool(words) and (not text[:1].isupper() or len(words) <= 2)


def _email_owners(names: list[Author], emails: list[str]) -> dict[int, str]:
    """Unmarked e-mails, fewer than the names, go to the author the address names
    (``akhmetov.es@…`` is Е.С. Ахметов's), when exactly one author fits."""
    if not emails or len(emails) == len(names):
        return {}
    owners: dict[int, str] = {}
    for email in emails:
        local = latin_key(email.split("@", 1)[0])
        fits = [
            k for k, name in enumerate(names)
            if name.family and len(key := latin_key(name.family)) >= 4 and key[:5] in local
        ]
        if len(fits) == 1 and fits[0] not in owners:
            owners[fits[0]] = email
    return owners


def keywords(rows: Rows) -> list[Candidate]:
    out = []
    for i, row in enumerate(rows.rows):
        if keyword_label(row.text) is None:
            continue
        lang, words, _ = read_keywords(rows, i)
        if words:
            out.append(
                Candidate("keywords", words, InText(Part.KEYWORDS, row.page), lang=lang,
                          detail=row.text, priority=PRIORITY)
            )
    return out
