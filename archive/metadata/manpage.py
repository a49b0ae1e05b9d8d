"""Title, authors and date of a manual page set as text (``man | col -b``).

Its head names the page at both ends (``archive.lineshapes.MAN_HEAD``). Its first section,
whatever the language calls it (``NAME``, ``НАЗВАНИЕ``, ``BEZEICHNUNG``), says what the page
is: ``ls - list directory contents``, its title. An ``AUTHOR`` section names who wrote it,
and the foot gives the date of its source (``perl v5.32.1   2022-01-12   ls(1)``).
"""

from __future__ import annotations

import re

from ..lineshapes import MAN_FOOT, MAN_HEAD
from ..models import Candidate, Document, Line
from ..origins import InText, Part
from .dates import date_year
from .names import split_names

PRIORITY = 75  # the page's own statement, above a heading the segmenter saw first
_AUTHORS = re.compile(r"(?i)(?:authors?|autor(?:en)?|auteurs?|autores?|авторы?)\b.*")
_ADDRESS = re.compile(r"\s*<[^>]*>\s*$")  # "<epgsearch (at) constabel (dot) net>"
_FIELDS = re.compile(r"\s{2,}")


def candidates(doc: Document) -> list[Candidate]:
    lines = [ln for ln in doc.lines if ln.text.strip()]
    if doc.media_type != "text/plain" or not lines:
        return []
    head = MAN_HEAD.fullmatch(lines[0].text.strip())
    if head is None:
        return []
    sections = _sections(lines[1:])
    out: list[Candidate] = []
    if sections and sections[0][1]:
        label, body = sections[0]
        title = " ".join(" ".join(ln.text.split()) for ln in body)
        # No language: the line joins a command's name to words of the page's language,
        # and a title without one is the document's main title.
        out.append(Candidate("title", title, InText(Part.MANUAL_PAGE, body[0].page),
                             detail=f"{label}: {title}",
                             priority=PRIORITY))
    for label, body in sections:
        if not _AUTHORS.fullmatch(label):
            continue
        names = [a for ln in body if len(found := split_names(_ADDRESS.sub("", ln.text))) == 1
                 for a in found]
        if names:
            out.append(Candidate("authors", [a.as_json() for a in names],
                                 InText(Part.MANUAL_PAGE, body[0].page), detail=label,
                                 priority=PRIORITY))
        break
    foot = lines[-1].text.strip()
    if (m := MAN_FOOT.fullmatch(foot)) and m["name"] == head["name"]:
        # The fields between the source and the name: the date is one of them.
        years = [y for field in _FIELDS.split(foot)[1:-1] if (y := date_year(field))]
        if years:
            out.append(Candidate("year", years[0], InText(Part.MANUAL_PAGE, lines[-1].page),
                                 detail=foot, priority=PRIORITY))
    return out


def _sections(lines: list[Line]) -> list[tuple[str, list[Line]]]:
    """Each section's head (a line flush left) and its first paragraph (the lines set in
    under it, to the first blank line); the head and foot lines of pages are no section."""
    out: list[tuple[str, list[Line]]] = []
    open_ = False
    for ln in lines:
        text = ln.text.rstrip()
        if not text[:1].isspace():
            open_ = not (MAN_HEAD.fullmatch(text) or MAN_FOOT.fullmatch(text))
            if open_:
                out.append((" ".join(text.split()), []))
        elif open_ and out:
            if out[-1][1] and ln.blank_before:
                open_ = False
            else:
                out[-1][1].append(ln)
    return out
