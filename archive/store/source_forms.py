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

_COLUMNS = (
    "rowid, title, titles, language, abstracts, keywords, author_names, abstracts_text, "
    "keywords_text"
)


def _parsed(value: str | None) -> Any:
    try:
        return json.loads(value) if value else None
    except ValueError:
        return None


def _by_language(value: str | None, text: str | None = None, lang: str | None = None
                 ) -> list[tuple[str, str | None]]:
    """A ``{lang: text}`` or ``{lang: [words]}`` column as (text, language) pairs; else its
    plain-text column (``text``) in the source's language."""
    found = _parsed(value)
    if not isinstance(found, dict) or not found:
        return [(text, lang)] if text else []
    return [
        (" ; ".join(map(str, words)) if isinstance(words, list) else str(words), str(code))
        for code, words in found.items() if words
    ]


def source_terms(row: tuple[Any, ...], terms: Terms) -> tuple[str, str, str, str]:
    """The index columns (title, abstracts, keywords, authors) of a ``_COLUMNS`` row."""
    _, title, titles, language, abstracts, keywords, names, abstracts_text, keywords_text = row
    title_texts = [(title or "", language)] + [
        (text, lang) for text, lang in _by_language(titles) if text != title
    ]
    authors = _parsed(names)

    def indexed(pairs: list[tuple[str, str | None]]) -> str:
        return " ".join(terms(text, lang) for text, lang in pairs)

    return (
        indexed(title_texts),
        indexed(_by_language(abstracts, abstracts_text, language)),
        indexed(_by_language(keywords, keywords_text, language)),
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
