"""Candidates from what the container says about itself (``Document.info``).

Keys are origin-qualified (``pdf-info:title``, ``xmp:dc:creator``, ``xmp:dc:title@ru``,
``capture-header:date``). XMP is written by publishers' production tools and is trusted
above the PDF info dictionary, whose title is often a file name ("Microsoft Word - 35.docx").
The PDF's creation date is the day the file was made, not the day the work was published,
so it is not offered as a date.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..models import Author, Candidate, Document
from ..origins import Origin
from . import patterns as pt
from .html import html_candidates
from .labels import split_keywords
from .names import split_names
from .running import parse_running

XMP = 70
PDF_INFO = 40
CAPTURE = 30
# Media types whose document is a web page's markup: a saved page, a WARC's or MHTML's page.
_PAGES = ("text/html", "application/warc", "multipart/related")
_JUNK_TITLE = re.compile(
    r"^(?:untitled|unknown|microsoft\s+\w+\s*-|.*\.(?:docx?|pdf|rtf|odt|tex|ltx|dvi|e?ps|txt|"
    r"indd|qxd|pptx?|wpd)$|\d+$)",
    re.I,
)
_TITLE_LETTERS = 2  # letters of a title at least: "()" is an empty one a macro left


# A TeX font's name ("CMR10", "CMBX12"), which a converter may leave as the title.
_FONT_NAME = re.compile(r"[A-Z]{2,6}\d{1,2}")


def _titled(value: str) -> bool:
    """A container's title is one: not a placeholder, a file's or a font's name or a
    number, and made of letters (``()``: a title macro left empty)."""
    return (not _JUNK_TITLE.match(value) and not _FONT_NAME.fullmatch(value.strip())
            and sum(ch.isalpha() for ch in value) >= _TITLE_LETTERS)


_CAPTURE_LINE = re.compile(r"^\s*date\s+(?P<date>\d{4}-\d{2}-\d{2})\b")
_DATE_PREFIX = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _date(value: str) -> str | None:
    match = _DATE_PREFIX.match(value.strip())
    if not match:
        return None
    iso = "-".join(g for g in match.groups() if g)
    return iso if pt.is_iso_date(iso) else None


def _dated(field_date: str, origin: Origin, priority: int, detail: str) -> list[Candidate]:
    return [
        Candidate("date", field_date, origin, detail=detail, priority=priority),
        Candidate("year", int(field_date[:4]), origin, detail=detail, priority=priority),
    ]


def container_candidates(doc: Document) -> list[Candidate]:
    out: list[Candidate] = []
    creators: list[str] = []
    for key, raw in doc.info:
        value = " ".join(raw.split())
        if not value:
            continue
        source, _, name = key.partition(":")
        name, _, lang = name.partition("@")
        if source == Origin.XMP:
            out += _xmp(name, value, lang or None, creators)
        elif source == Origin.PDF_INFO:
            out += _pdf_info(name, value)
        elif source == Origin.CAPTURE_HEADER:
            out += _capture(name, value)
        elif source == Origin.CAPTURE and name == "url":
            out += _captured_url(value)
    # A creator that reads as nobody (LaTeX's leftovers, "[width=5cm]ifgi-logoint …")
    # says nothing of the authors: the pages may.
    if creators and (authors := [a.as_json() for a in _authors(creators)]):
        out.append(Candidate("authors", authors, Origin.XMP, detail="; ".join(creators),
                             priority=XMP))
    if not any(key.startswith(f"{Origin.CAPTURE_HEADER}:") for key, _ in doc.info):
        out += _capture_line(doc)
    return out + (html_candidates(doc) if doc.media_type in _PAGES else [])


# A generation's mark alone: hyperxmp splits "John H. Lienhard, V" at its comma.
_GENERATION = re.compile(r"(?:Jr|Sr)\.?|I{2,3}|IV|V|VI", re.IGNORECASE)


def _authors(creators: list[str]) -> list[Author]:
    found: list[Author] = []
    for creator in creators:
        if _GENERATION.fullmatch(creator.strip()) and found:
            continue  # the name before it is whole without it
        found += split_names(creator)
    return found


def _xmp(name: str, value: str, lang: str | None, creators: list[str]) -> list[Candidate]:
    def cand(field: str, v: object, lang_: str | None = None) -> Candidate:
        return Candidate(field, v, Origin.XMP, lang=lang_, detail=value, priority=XMP)

    if name == "dc:title" and _titled(value):
        return [cand("title", value, lang or pt.guess_lang(value))]
    if name == "dc:creator":
        creators.append(value)
        return []
    if name in ("prism:doi", "dc:identifier") and (doi := pt.normalize_doi(value)):
        return [cand("doi", doi)]
    if name == "prism:publicationName":
        return [cand("journal", value, lang or pt.guess_lang(value))]
    if name == "prism:volume":
        return [cand("volume", value)]
    if name == "prism:number":
        return [cand("issue", value)]
    if name in ("prism:startingPage", "prism:endingPage") and value.isdecimal():
        field = "first_page" if name.endswith("startingPage") else "last_page"
        return [cand(field, int(value))]
    if name in ("dc:date", "prism:coverDate", "prism:publicationDate") and (d := _date(value)):
        return _dated(d, Origin.XMP, XMP, value)
    return []


def _pdf_info(name: str, value: str) -> list[Candidate]:
    if name == "title" and _titled(value) and len(value) > 3:
        return [Candidate("title", value, Origin.PDF_INFO, lang=pt.guess_lang(value), detail=value,
                          priority=PDF_INFO)]
    if name == "author":
        authors = [a.as_json() for a in split_names(value)]
        if authors:
            return [Candidate("authors", authors, Origin.PDF_INFO, detail=value, priority=PDF_INFO)]
    if name == "subject" and (cited := parse_running(value, origin=Origin.PDF_INFO)):
        # Publishers often put the journal citation in the subject: "Journal, № 4, 2024".
        out = [
            Candidate("journal", cited.journal, Origin.PDF_INFO, lang=pt.guess_lang(cited.journal),
                      detail=value, priority=PDF_INFO),
            Candidate("year", cited.year, Origin.PDF_INFO, detail=value, priority=PDF_INFO),
        ]
        for field, got in (("issue", cited.issue), ("volume", cited.volume)):
            if got:
                out.append(Candidate(field, got, Origin.PDF_INFO, detail=value, priority=PDF_INFO))
        return out
    if name == "keywords":
        words = split_keywords(value)
        if words:
            return [Candidate("keywords", words, Origin.PDF_INFO, lang=pt.guess_lang(value),
                              detail=value, priority=PDF_INFO)]
    return []


def _capture(name: str, value: str) -> list[Candidate]:
    if name == "date" and (d := _date(value)):
        return _dated(d, Origin.CAPTURE_HEADER, CAPTURE, value)
    if name == "url" and urlsplit(value).scheme in ("http", "https"):
        out = [Candidate("url", value, Origin.CAPTURE_HEADER, detail=value, priority=CAPTURE)]
        host = urlsplit(value).hostname or ""
        if host:
            site = host.removeprefix("www.")
            out.append(Candidate("publisher", site, Origin.CAPTURE_HEADER, detail=value,
                                 priority=CAPTURE - 5))
        return out
    if name == "title":
        return [Candidate("title", value, Origin.CAPTURE_HEADER, lang=pt.guess_lang(value),
                          detail=value, priority=CAPTURE)]
    return []


def _captured_url(value: str) -> list[Candidate]:
    """The address a WARC or MHTML capture fetched: the page's URL unless the page names
    its canonical one; its host names the site when nothing else does. The capture's date
    is the access date, kept with the file, never a candidate for the work's date."""
    if urlsplit(value).scheme not in ("http", "https"):
        return []
    out = [Candidate("url", value, Origin.CAPTURE, detail=value, priority=CAPTURE)]
    if host := urlsplit(value).hostname:
        out.append(Candidate("publisher", host.removeprefix("www."), Origin.CAPTURE, detail=value,
                             priority=CAPTURE - 5))
    return out


def _capture_line(doc: Document) -> list[Candidate]:
    """A capture's ``date YYYY-MM-DD`` header when the extractor left it in the text."""
    first = next((ln for ln in doc.lines if ln.text.strip()), None)
    if first is None or not (match := _CAPTURE_LINE.match(first.text)):
        return []
    d = _date(match.group("date"))
    return _dated(d, Origin.CAPTURE_HEADER, CAPTURE, match.group(0).strip()) if d else []
