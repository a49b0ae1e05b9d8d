"""What the plugin shows: the data behind the cite box, the source panel and the resolver page.

Each function reads what it needs through a ``sqlite3.Connection`` and returns plain values for
a template; Datasette runs them in its thread pool (``Database.execute_fn``).
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from ..resolution import Version, versions_of

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
    style: str
    name: str
    text: str


def resolver_path(pid: str) -> str:
    """The permalink path of a paragraph ID: it resolves for as long as the archive exists."""
    return RESOLVER_PREFIX + quote(pid, safe="")


def prose_form(key: str, label: str) -> str:
    """How an ID is written in running text: ``kalila-2024 ¶17``."""
    return f"{key} ¶{label}"


def _rows(conn: sqlite3.Connection, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cursor = conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _authors(value: str | None) -> list[dict[str, Any]]:
    try:
        authors = json.loads(value) if value else []
    except ValueError:
        return []
    return [a for a in authors if isinstance(a, dict)] if isinstance(authors, list) else []


def _build(cls: type, values: dict[str, Any]) -> Any:
    """An instance of a citation dataclass from the fields it declares; the rest stay default."""
    names = {f.name for f in dataclasses.fields(cls)}
    return cls(**{k: v for k, v in values.items() if k in names})


def citations(
    source: dict[str, Any],
    accessed: str | None,
    texts: list[str],
    paragraph: dict[str, Any] | None,
    paragraph_url: str | None,
    *,
    styles: tuple[str, ...] | None = None,
    quote: bool = False,
) -> list[Citation]:
    """The source (or one of its paragraphs) cited in every style ``archive.cite`` offers.

    ``texts`` are the source's paragraphs in reading order: they give the incipit of an
    untitled source and the capitalisation used to recase a title printed in capitals. The
    source's default style (GOST for Kazakh and Russian sources) comes first.
    """
    from .. import cite

    values = {
        **source,
        "authors": _authors(source.get("authors")),
        "incipit": texts[0] if texts else None,
        "case_forms": cite.case_forms_from_texts(texts),
    }
    cite_source = _build(cite.CiteSource, values)
    if cite.is_web(cite_source):
        # Only a web page's citation carries an access date: when the archive captured it.
        cite_source = _build(cite.CiteSource, {**values, "accessed": accessed})
    cite_paragraph = None
    if paragraph is not None:
        status = paragraph.get("status") or "live"
        if status == "live" and paragraph.get("first_text") not in (None, paragraph.get("text")):
            status = "edited"
        cite_paragraph = _build(
            cite.CiteParagraph, {**paragraph, "status": status, "url": paragraph_url}
        )
    if styles is None:
        first = cite.default_style(cite_source)
        styles = (first, *(style for style in cite.STYLES if style != first))
    return [_one(cite.render, style, cite_source, cite_paragraph, quote) for style in styles]


def _one(render: Any, style: str, source: Any, paragraph: Any, quote: bool) -> Citation:
    name = STYLE_NAMES.get(style, style)
    try:
        return Citation(style, name, render(style, source, paragraph, quote=quote))
    except (ImportError, ValueError, KeyError, TypeError, AttributeError) as exc:
        # One style failing on odd metadata must not take the other styles (or the page) down.
        return Citation(style, name, f"[{name} unavailable: {type(exc).__name__}: {exc}]")


# Enough text to learn how a source capitalises its words; more only costs time.
_CASE_SAMPLE = 200


def _texts(conn: sqlite3.Connection, key: str) -> list[str]:
    rows = conn.execute(
        "SELECT text FROM paragraphs WHERE source = ? AND status = 'live' AND role = 'body' "
        "AND text IS NOT NULL ORDER BY seq LIMIT ?",
        [key, _CASE_SAMPLE],
    ).fetchall()
    return [row[0] for row in rows]


@dataclass(frozen=True, slots=True)
class ParagraphData:
    paragraph: dict[str, Any]
    source: dict[str, Any] | None
    accessed: str | None
    texts: list[str]
    versions: tuple[Version, ...]


def _accessed(conn: sqlite3.Connection, key: str) -> str | None:
    # For web pages the citation's access date is when the archive first captured the page.
    row = conn.execute("SELECT min(first_seen) FROM files WHERE source = ?", [key]).fetchone()
    return row[0][:10] if row and row[0] else None


def paragraph_data(conn: sqlite3.Connection, pid: str) -> ParagraphData | None:
    found = _rows(conn, "SELECT * FROM paragraphs WHERE id = ?", [pid])
    if not found:
        return None
    paragraph = found[0]
    key = paragraph["source"]
    sources = _rows(conn, "SELECT * FROM sources WHERE key = ?", [key])
    return ParagraphData(
        paragraph=paragraph,
        source=sources[0] if sources else None,
        accessed=_accessed(conn, key),
        texts=_texts(conn, key),
        versions=versions_of(conn, pid),
    )


@dataclass(frozen=True, slots=True)
class SourceData:
    source: dict[str, Any]
    files: list[dict[str, Any]]
    accessed: str | None
    texts: list[str]


def source_data(conn: sqlite3.Connection, key: str) -> SourceData | None:
    found = _rows(conn, "SELECT * FROM sources WHERE key = ?", [key])
    if not found:
        return None
    files = _rows(
        conn,
        "SELECT sha256, original_name, media_type, size, page_count, extractor, first_seen "
        "FROM files WHERE source = ? ORDER BY first_seen, sha256",
        [key],
    )
    return SourceData(found[0], files, _accessed(conn, key), _texts(conn, key))


def source_title(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT title FROM sources WHERE key = ?", [key]).fetchone()
    return row[0] if row else None
