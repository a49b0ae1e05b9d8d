"""The word-form index of sources (``sources_stems``): a source's title, abstracts, keywords
and authors as index terms, one column each, rowid = sources.rowid.

The store cannot compute terms (that is the search stage's): the write side hands it the
function (``Terms``), as it does for paragraphs. Each text is analysed in its own language:
a title and an abstract per language, keywords per language, names without one.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from typing import Any

# How a text is indexed for word forms, given its language (``archive.search.stem_text``).
Terms = Callable[[str, str | None], str]

_COLUMNS = "rowid, title, titles, language, abstracts, keywords, author_names"


def _parsed(value: str | None) -> Any:
    try:
        return json.loads(value) if value else None
    except ValueError:
        return None


def _by_language(value: str | None) -> dict[str, str]:
    """A ``{lang: text}`` or ``{lang: [words]}`` column as one text per language."""
    found = _parsed(value)
    if not isinstance(found, dict):
        return {}
    return {
        str(lang): " ; ".join(map(str, text)) if isinstance(text, list) else str(text)
        for lang, text in found.items() if text
    }


def source_terms(row: tuple[Any, ...], terms: Terms) -> tuple[str, str, str, str]:
    """The index columns (title, abstracts, keywords, authors) of a ``_COLUMNS`` row."""
    _, title, titles, language, abstracts, keywords, names = row
    title_texts = [(title or "", language)] + [
        (text, lang) for lang, text in _by_language(titles).items() if text != title
    ]
    authors = _parsed(names)
    return (
        " ".join(terms(text, lang) for text, lang in title_texts),
        " ".join(terms(text, lang) for lang, text in _by_language(abstracts).items()),
        " ".join(terms(text, lang) for lang, text in _by_language(keywords).items()),
        terms(" ; ".join(map(str, authors)) if isinstance(authors, list) else "", None),
    )


_INSERT = (
    "INSERT INTO sources_stems(rowid, title, abstracts, keywords, authors) "
    "VALUES (?, ?, ?, ?, ?)"
)


def index_source(conn: sqlite3.Connection, key: str, terms: Terms) -> None:
    """Replace one source's row of the index with the terms of what it now says."""
    row = conn.execute(f"SELECT {_COLUMNS} FROM sources WHERE key = ?", (key,)).fetchone()
    if row is None:
        return
    conn.execute("DELETE FROM sources_stems WHERE rowid = ?", (row[0],))
    conn.execute(_INSERT, (row[0], *source_terms(row, terms)))


def rebuild_sources(conn: sqlite3.Connection, terms: Terms, version: str) -> int:
    """Index every source again and record ``version``; the number of sources indexed.
    The caller holds the transaction."""
    conn.execute("DELETE FROM sources_stems")
    rows = conn.execute(f"SELECT {_COLUMNS} FROM sources ORDER BY rowid").fetchall()
    conn.executemany(_INSERT, [(row[0], *source_terms(row, terms)) for row in rows])
    conn.execute(
        "INSERT OR REPLACE INTO search_index(name, version) VALUES ('sources_stems', ?)",
        (version,),
    )
    return len(rows)
