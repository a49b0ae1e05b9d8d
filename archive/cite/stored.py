"""Citations of what the archive stores: a source record, and one of its paragraphs.

``archive cite`` and the published archive's cite box both build their citations here, from
the records ``archive.store.read`` returns, so that a citation reads the same wherever it is
copied from.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from urllib.parse import quote as url_quote

from ..models import LIVE, CitedStatus
from ..store.records import ParagraphRecord, SourceRecord
from . import (
    STYLES,
    CiteParagraph,
    CiteSource,
    Rendered,
    case_forms_from_texts,
    cite,
    default_style,
    is_web,
)

RESOLVER_PREFIX = "/-/p/"

# Styles in the order offered; the first is shown open. GOST R 7.0.100 is what Kazakh and
# Russian journals ask for, which is most of this archive's readership.
STYLE_NAMES = {
    "gost": "GOST R 7.0.100-2018",
    "apa": "APA 7",
    "chicago": "Chicago",
    "bibtex": "BibTeX",
    "csl-json": "CSL-JSON",
}


@dataclass(frozen=True, slots=True)
class Citation:
    """One style's citation: ``text`` to copy whole, or its two parts — ``reference`` for a
    reference list, ``pinpoint`` for the text or a footnote (None for a source alone)."""

    style: str
    name: str
    text: str
    reference: str = ""
    pinpoint: str | None = None


def resolver_path(pid: str) -> str:
    """The permalink path of a paragraph ID: it resolves for as long as the archive exists."""
    return RESOLVER_PREFIX + url_quote(pid, safe="")


def prose_form(key: str, label: str) -> str:
    """How an ID is written in running text: ``kalila-2024 ¶17``."""
    return f"{key} ¶{label}"


def cite_source(source: SourceRecord, accessed: str | None, texts: Sequence[str]) -> CiteSource:
    """The bibliographic facts of a stored source. ``texts`` are its paragraphs in reading
    order: they give the incipit of an untitled source and the capitalisation used to recase
    a title printed in capitals."""
    m = source.metadata
    made = CiteSource(
        key=source.key, title=m.title,
        authors=tuple({"family": a.family, "given": a.given, "literal": a.literal}
                      for a in m.authors),
        year=m.year, date=m.date, journal=m.journal, volume=m.volume,
        # Cited whole, "4 (105)", as printed: each style decides what it keeps of it.
        issue=f"{m.issue} ({m.cumulative_issue})" if m.issue and m.cumulative_issue else m.issue,
        first_page=None if m.first_page is None else str(m.first_page),
        last_page=None if m.last_page is None else str(m.last_page),
        doi=m.doi, url=m.url, publisher=m.publisher, language=m.language, kind=m.kind,
        incipit=texts[0] if texts else None, case_forms=case_forms_from_texts(list(texts)),
    )
    if is_web(made):
        # Only a web page's citation carries an access date: when the archive captured it.
        return replace(made, accessed=accessed)
    return made


def cite_paragraph(paragraph: ParagraphRecord, url: str | None) -> CiteParagraph:
    status: CitedStatus = paragraph.status or LIVE
    if status == LIVE and paragraph.edited:
        status = "edited"
    return CiteParagraph(
        id=paragraph.id, label=paragraph.label, page=paragraph.page, text=paragraph.text,
        url=url, status=status, first_text=paragraph.first_text,
    )


def citations(
    source: SourceRecord,
    accessed: str | None,
    texts: Sequence[str],
    paragraph: ParagraphRecord | None,
    paragraph_url: str | None,
    *,
    styles: tuple[str, ...] | None = None,
    quote: bool = False,
) -> list[Citation]:
    """The source (or one of its paragraphs) cited in every style, the source's default style
    (GOST for Kazakh and Russian sources) first."""
    facts = cite_source(source, accessed, texts)
    pinned = None if paragraph is None else cite_paragraph(paragraph, paragraph_url)
    if styles is None:
        first = default_style(facts)
        styles = (first, *(style for style in STYLES if style != first))
    return [_one(cite, style, facts, pinned, quote) for style in styles]


def _one(
    renderer: Callable[..., Rendered],
    style: str,
    source: CiteSource,
    paragraph: CiteParagraph | None,
    quote: bool,
) -> Citation:
    name = STYLE_NAMES.get(style, style)
    try:
        made = renderer(style, source, paragraph, quote=quote)
        return Citation(style, name, made.text, made.reference, made.pinpoint)
    except (ImportError, ValueError, KeyError, TypeError, AttributeError) as exc:
        # One style failing on odd metadata must not take the other styles (or the page) down.
        return Citation(style, name, f"[{name} unavailable: {type(exc).__name__}: {exc}]")
