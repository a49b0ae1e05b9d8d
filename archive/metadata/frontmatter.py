"""Candidates from the front matter as printed: labelled codes, the citation line, keywords.

Journals of the region print a block like::

    DOI: 10.51634/2307-5201_2024_4_35
    УДК 341.123; 355.1.072.2
    ГРНТИ 10.87.68
    А.Т. ҚАЛИЛА,
    <rank, position, affiliation over several lines>
    е-mail: kalila_a@kazguu.com
    <TITLE IN CAPITALS>

but PDF reading order may put it mid-page, so each reader scans lines (``Rows``) and trusts
labels and shapes, not positions. Authors live in ``bylines.py``, titles in ``titles.py``,
abstracts in ``abstracts.py``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..models import Candidate
from ..origins import InText, Part
from . import patterns as pt
from .labels import abstract_label, keyword_label, read_keywords
from .names import split_names
from .rows import Row, Rows, join_lines
from .running import parse_cited_volume, parse_running, split_journal

PRIORITY = 80  # front matter states the article's own metadata
CITATION_PRIORITY = 70  # a citation line: the article's own, but typed by hand
_CITATION_LABEL = re.compile(r"^\s*(?:For citation|Cite|Для цитирования|Дәйексөз үшін)", re.I)
_COPYRIGHT_OPENER = (
    r"^\s*(?:©|\(c\)|Copyright|Авторские права|Авторлық құқық)\s*(?:(?:©|\(c\))\s*)?"
)
_COPYRIGHT = re.compile(
    _COPYRIGHT_OPENER + r"(?P<who>.*?)[,.]?\s*(?P<year>(?:19|20)\d{2})\s*\.?$", re.I
)
# "©2015, 2017 Free Software Foundation", "Copyright © 1996-2021 Software in the Public
# Interest", "Авторские права © 2004 - 2023 Команда …": the years first, the holder after;
# the latest year is the last revision's.
_COPYRIGHT_YEARS = re.compile(
    _COPYRIGHT_OPENER + r"(?P<years>(?:(?:19|20)\d{2}\s*[-–,]\s*)*(?:19|20)\d{2})\b[,.]?\s+\D", re.I
)
YEARS_PRIORITY = 30  # below a date the page states: a notice's years cover every revision
_PAGES = re.compile(
    r"(?:\bpp?\.|\bС\.|\bс\.|\bБ\.|\bб\.|\bPages?\b|\bСтр\.)\s*(?P<first>\d{1,5})\s*[-–—]\s*(?P<last>\d{1,5})"
)
_URL = re.compile(r"^\s*(?:URL|Сайт|Website|Web)\s*:\s*(?P<url>https?://\S+?)[.,;]?\s*$", re.I)
_REFERENCE_ENTRY = re.compile(r"^\s*(?:\[\d+\]|\d{1,3}[.)]\s)")
ORCID_LABEL = re.compile(r"orcid", re.I)
# The front-matter zone: rows this close to a strong label, else the start of the text.
_ZONE_BEFORE, _ZONE_AFTER, _ZONE_DEFAULT = 30, 40, 60
_ZONE_HEAD = 12  # rows of the first page that are front matter in any case


def origin(row: Row) -> InText:
    return InText(Part.FRONT_MATTER, row.page)


def candidate(field: str, value: object, row: Row) -> Candidate:
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
            or (ORCID_LABEL.match(r.text) and pt.find_orcids(r.text))
        )
    ]
    if not anchors:
        first = [r.index for r in rows.rows if r.page == rows.rows[0].page]
        return frozenset(first[:_ZONE_DEFAULT])
    return frozenset(
        i for a in anchors for i in range(max(0, a - _ZONE_BEFORE), a + _ZONE_AFTER + 1)
    )


def page_head(rows: Rows) -> frozenset[int]:
    """The first rows of the first page: where a journal prints the article's citation line
    and DOI, however far below them the labels of the front matter stand (the authors'
    e-mails in notes at the page's foot). Names there may be an affiliation's ("ETH
    Zurich"), so only labelled fields are read from it."""
    first = [r.index for r in rows.rows if r.page == rows.rows[0].page]
    return frozenset(first[:_ZONE_HEAD])


# "Please cite the following paper when using ExaML:", "If you use this package, please
# cite": another work to cite (unlike "Please cite this article as:", the document's own).
_CITE_OTHER = re.compile(
    r"\bcite\s+the\s+following\b|\bif\s+you\s+use\b.*\bcite\b|\bcite\b.*\bwhen\s+using\b",
    re.IGNORECASE,
)
_CITE_ROWS = 4  # rows above a DOI such a request may stand


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
                out.append(candidate("udc", codes, row))
        elif match := pt.GRNTI_LABEL_RE.match(text):
            if codes := pt.parse_grnti(match.group("rest")):
                out.append(candidate("grnti", codes, row))
        elif match := pt.BBK_LABEL_RE.match(text):
            if codes := pt.split_codes(match.group("rest")):
                out.append(candidate("bbk", codes, row))
        elif match := _COPYRIGHT.match(text):
            out.append(candidate("year", int(match.group("year")), row))
        elif match := _COPYRIGHT_YEARS.match(text):
            latest = max(int(y) for y in re.findall(r"\d{4}", match.group("years")))
            out.append(replace(candidate("year", latest, row), priority=YEARS_PRIORITY))
        for doi in pt.find_dois(texts[i : i + 2])[:1] if pt.DOI_RE.search(text) else []:
            labelled = bool(pt.DOI_LABEL_RE.match(text) or "doi.org" in text.lower())
            # A manual asks its users to cite a paper: the paper's DOI is not the manual's.
            asked = any(_CITE_OTHER.search(t) for t in texts[max(0, i - _CITE_ROWS) : i + 1])
            if row.index in zone and not rows.in_references(doi) and not asked:
                priority = PRIORITY if labelled else 60
                out.append(replace(candidate("doi", doi, row), priority=priority))
        if row.index in zone:
            cited = _citation(row, text)
            if (not cited and i + 1 < len(rows.rows) and _runs_on(row, rows.rows[i + 1])
                    and not rows.in_references(text)):
                # "… Die TEXnische Komö-" ⏎ "die 2/2004, S. 81-87.": one citation (a
                # reference entry's lines cite another work).
                cited = _citation(row, join_lines([text, texts[i + 1]], rows.compounds))
            out += cited
        # An address under an e-mail line is the author's home page, not the document's.
        contact = any(pt.find_emails(t) for t in texts[max(0, i - 2) : i])
        if row.index in zone and (match := _URL.match(text)) and not contact:
            out.append(candidate("url", match.group("url"), row))
        if (
            row.index in zone and (match := _PAGES.search(text)) and not rows.in_references(text)
            and not _wrapped_on(rows.rows[i - 1] if i else None, row)
        ):
            first, last = int(match.group("first")), int(match.group("last"))
            if 0 < first <= last:
                out.append(candidate("first_page", first, row))
                out.append(candidate("last_page", last, row))
    return out


def _wrapped_on(above: Row | None, row: Row) -> bool:
    """``row`` goes on with a sentence the row above left unfinished (``… Augustiniennes,
    1997,`` then ``pp. 152-154``): a cited work's pages, not a masthead's line."""
    return (
        above is not None and above.page == row.page and not row.blank_before
        and len(above.text) >= _WRAPPED_CHARS and above.text.endswith((",", ";"))
    )


_WRAPPED_CHARS = 40


def _runs_on(row: Row, nxt: Row) -> bool:
    """The next line goes on with this one: a word broken at its end, or lower case."""
    return nxt.page == row.page and not nxt.blank_before and (
        row.text.endswith("-") or nxt.text[:1].islower())


# "Herbert Voß: Farbige Mathematik, ": the author and title a citation of the article
# itself opens with, before the journal.
_AUTHOR_AND_TITLE = re.compile(r"^(?P<names>[^:,]{3,80}):\s[^,]{3,200},\s+(?=\S)")


def _citation(row: Row, text: str) -> list[Candidate]:
    """The article's own citation line: ``Journal, Vol. 5, No. 2, 2021, pp. 10-25`` or the
    part after ``//`` of ``Для цитирования: … // Право и государство. 2024. № 4. С. 35-42``."""
    cited_part = text.rsplit("//", 1)[-1] if "//" in text else text
    if "//" not in text and _CITATION_LABEL.match(text):
        return []
    where, detail = origin(row), row.text
    cited = parse_running(cited_part, origin=where) or parse_cited_volume(cited_part, where)
    if cited is None:
        return []
    opening = _AUTHOR_AND_TITLE.match(cited.journal)
    if opening and split_names(opening.group("names")):
        cited = replace(cited, journal=cited.journal[opening.end():])

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
