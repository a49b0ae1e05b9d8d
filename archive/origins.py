"""Where a metadata value came from: every origin named once, and the text it is stored as.

An origin is stored as text in ``metadata_values.origin`` and shown by ``archive show``, in
a sidecar's comments and in an exported bag; that text never changes, since existing archives
hold it. Three shapes of origin are told apart here, each with its one spelling:

- ``Origin``: an origin that is all of its name: a container's field (``pdf-info``, ``xmp``),
  a web page's markup (``html-meta``, ``json-ld``), a running line, a guess (``inferred``);
- ``InText``: a part of the text read at a page (``front-matter p.1``, ``abstract p.6``);
- ``Sidecar``: a person's correction, named by its file (``sidecar metadata/kalila-2024.yaml``).

``parse`` reads a stored origin back; text that none of these spells (written by another
version of the archive) comes back as ``Unrecognised`` and is written again as it was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class Origin(StrEnum):
    """An origin whose name is the whole of it."""

    XMP = "xmp"  # the PDF's XMP packet, written by publishers' production tools
    PDF_INFO = "pdf-info"  # the PDF's information dictionary
    CAPTURE_HEADER = "capture-header"  # what a saving tool wrote over a text copy
    CAPTURE = "capture"  # the address a WARC or MHTML capture fetched
    HTML_META = "html-meta"  # Highwire, Dublin Core and PRISM tags; the canonical link
    JSON_LD = "json-ld"  # the page's schema.org article node
    OPENGRAPH = "opengraph"  # ``og:*`` and ``article:*`` tags, written for link previews
    HTML_TITLE = "html-title"  # ``<title>`` without the site's name
    HTML_TIME = "html-time"  # a ``<time datetime>`` element
    HTMLDATE = "htmldate"  # htmldate's reading of the markup
    RUNNING_HEADER = "running-header"
    RUNNING_FOOTER = "running-footer"  # also page numbers, wherever they stand
    COPYRIGHT_NOTICE = "front-matter (copyright notice)"  # names that hold rights, not authors
    TEXT_EXTENT = "text-extent"  # the last page the text's own paragraphs reach
    DOI = "doi"  # a first page read from the DOI's suffix
    TEXT = "text"  # a news page's credit or dateline, guessed from the body text
    INFERRED = "inferred"  # the languages, the kind, a devised title: nothing stated


class Part(StrEnum):
    """A part of the text a value is read from, at a page."""

    FRONT_MATTER = "front-matter"
    ABSTRACT = "abstract"
    KEYWORDS = "keywords"
    TITLE_PAGE = "title page"
    TITLE_BLOCK = "title block"  # the segmenter's blocks over the first heading
    TITLE_LINES = "title lines"  # a text copy's centred opening lines
    DATE_LINE = "date line"  # a date the PDF's creation date confirms
    MANUAL_PAGE = "manual page"  # a manual page's NAME and AUTHOR sections and its foot


@dataclass(frozen=True, slots=True)
class InText:
    """``part`` of the text at ``page``; without a page, the part alone."""

    part: Part
    page: int | None = None

    def __str__(self) -> str:
        return str(self.part) if self.page is None else f"{self.part} p.{self.page}"


SIDECAR_PREFIX = "sidecar "


@dataclass(frozen=True, slots=True)
class Sidecar:
    """A metadata sidecar, by the name its file was read under."""

    name: str

    def __str__(self) -> str:
        return SIDECAR_PREFIX + self.name


@dataclass(frozen=True, slots=True)
class Unrecognised:
    """A stored origin this version does not spell: kept, and written back, as it was."""

    text: str

    def __str__(self) -> str:
        return self.text


AnyOrigin = Origin | InText | Sidecar | Unrecognised

_AT_PAGE = re.compile(r"(?P<part>.+) p\.(?P<page>[0-9]+)")
_NAMED = {str(o): o for o in Origin}
_PARTS = {str(p): p for p in Part}


def parse(text: str) -> AnyOrigin:
    """The origin stored as ``text``; ``str`` of it is ``text`` again, whatever ``text`` is."""
    found = _read(text)
    return found if str(found) == text else Unrecognised(text)


def _read(text: str) -> AnyOrigin:
    if text in _NAMED:
        return _NAMED[text]
    if text.startswith(SIDECAR_PREFIX):
        return Sidecar(text.removeprefix(SIDECAR_PREFIX))
    if text in _PARTS:
        return InText(_PARTS[text])
    if (at := _AT_PAGE.fullmatch(text)) and at["part"] in _PARTS:
        return InText(_PARTS[at["part"]], int(at["page"]))
    return Unrecognised(text)
