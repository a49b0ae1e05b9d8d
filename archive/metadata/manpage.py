"""Title, authors and date of a manual page, set as text (``man | col -b``) or as a PDF
(``groff -man``).

Its head names the page at both ends (``archive.lineshapes.MAN_HEAD``). Its first section,
whatever the language calls it (``NAME``, ``НАЗВАНИЕ``, ``BEZEICHNUNG``), says what the page
is: ``ls - list directory contents``, its title. An ``AUTHOR`` section names who wrote it,
and the foot gives the date of its source (``perl v5.32.1   2022-01-12   ls(1)``,
``GNU Bash 5.2  2022 September 19  1``). Sections are the lines flush left (the heads) and
the lines set in under them.
"""

from __future__ import annotations

import re

from ..lineshapes import MAN_FOOT, MAN_HEAD, MAN_HEAD_SET
from ..models import Author, Candidate, Document, Line
from ..origins import InText, Part
from .dates import date_year
from .names import split_names

PRIORITY = 75  # the page's own statement, above a heading the segmenter saw first
_AUTHORS = re.compile(r"(?i)(?:authors?|autor(?:en)?|auteurs?|autores?|авторы?)\b.*")
_ADDRESS = re.compile(r"\s*<[^>]*>\s*$")  # "<epgsearch (at) constabel (dot) net>"
_FIELDS = re.compile(r"\s{2,}")
_NUMBERED = re.compile(r"\s\d{1,4}$")  # a line ending on its page's number
_FLUSH = 2.0  # points a section's head may stray from the page's left edge


def candidates(doc: Document) -> list[Candidate]:
    lines = [ln for ln in doc.lines if ln.text.strip()]
    if not lines:
        return []
    set_ = lines[0].x0 is not None
    head = (MAN_HEAD_SET if set_ else MAN_HEAD).fullmatch(lines[0].text.strip())
    if head is None:
        return []
    # The foot that dates the page: a PDF's first page's last line, a text's last line.
    foot = [ln for ln in lines if ln.page == lines[0].page][-1] if set_ else lines[-1]
    sections = _sections(lines[1:], set_)
    out: list[Candidate] = []
    if sections and sections[0][1]:
        label, body = sections[0]
        title = " ".join(" ".join(ln.text.split()) for ln in _first_paragraph(body))
        # No language: the line joins a command's name to words of the page's language,
        # and a title without one is the document's main title.
        out.append(Candidate("title", title, InText(Part.MANUAL_PAGE, body[0].page),
                             detail=f"{label}: {title}", priority=PRIORITY))
    for label, body in sections:
        if _AUTHORS.fullmatch(label):
            names = [a for ln in body for a in _person(ln.text)]
            if names:
                out.append(Candidate("authors", [a.as_json() for a in names],
                                     InText(Part.MANUAL_PAGE, body[0].page), detail=label,
                                     priority=PRIORITY))
            break
    if year := _foot_year(foot.text.strip(), head["name"], set_):
        out.append(Candidate("year", year, InText(Part.MANUAL_PAGE, lines[0].page),
                             detail=foot.text.strip(), priority=PRIORITY))
    return out


def _sections(lines: list[Line], set_: bool) -> list[tuple[str, list[Line]]]:
    """Each section's head (a line flush left) and the lines set in under it; the head and
    foot lines of pages are no section."""
    left = min((ln.x0 for ln in lines if ln.x0 is not None), default=0.0)
    out: list[tuple[str, list[Line]]] = []
    open_ = False
    for ln in lines:
        text = ln.text.strip()
        flush = (ln.x0 or 0.0) - left < _FLUSH if set_ else not ln.text[:1].isspace()
        if flush:
            open_ = not (MAN_HEAD.fullmatch(text) or MAN_HEAD_SET.fullmatch(text)
                         or MAN_FOOT.fullmatch(text))
            if open_:
                out.append((" ".join(text.split()), []))
        elif open_ and out:
            out[-1][1].append(ln)
    return out


def _first_paragraph(body: list[Line]) -> list[Line]:
    end = next((k for k, ln in enumerate(body) if k and ln.blank_before), len(body))
    return body[:end]


def _person(text: str) -> list[Author]:
    """The one person a line of the author section names: ``Name <address>``, ``Name,
    Affiliation``; a line of an address alone names nobody."""
    found = split_names(_ADDRESS.sub("", text.split(",")[0]))
    return found if len(found) == 1 and found[0].family else []


def _foot_year(text: str, name: str, set_: bool) -> int | None:
    if set_:
        # A PDF's foot: the source, the date and the page's number.
        return date_year(text) if _NUMBERED.search(text) else None
    m = MAN_FOOT.fullmatch(text)
    if m is None or m["name"] != name:
        return None
    # The fields between the source and the name: the date is one of them.
    return next((y for field in _FIELDS.split(text)[1:-1] if (y := date_year(field))), None)
