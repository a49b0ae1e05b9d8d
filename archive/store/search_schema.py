"""Migrations of the search indexes from 0011 on (the earlier ones are in ``schema``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .ranked import SOURCE_COLUMN_WEIGHTS

if TYPE_CHECKING:
    import sqlite_utils

FTS_TOKENIZER = "unicode61 remove_diacritics 2"

# The word-form index of sources, one column per part of a source's description.
SOURCE_FORM_COLUMNS = ("title", "abstracts", "keywords", "authors")


def bm25(weights: tuple[float, ...]) -> str:
    return f"bm25({', '.join(f'{w:.1f}' for w in weights)})"


def source_word_forms(db: sqlite_utils.Database) -> None:
    # Sources are searched by word form as paragraphs are. There are few sources (one per
    # fifty paragraphs or so), so this index keeps its terms: a source's row is replaced by
    # rowid, without computing the old terms again. Its ``rank`` weighs a hit in a title above
    # one in an abstract or keywords, and those above a hit in an author's name; the index is
    # filled by the write side (``Store.rebuild_source_forms``), which the NULL version asks
    # for the next time the archive is ingested into or served.
    db.execute(
        f"CREATE VIRTUAL TABLE sources_stems USING fts5({', '.join(SOURCE_FORM_COLUMNS)}, "
        f"tokenize='{FTS_TOKENIZER}')"
    )
    db.execute(
        "INSERT INTO sources_stems(sources_stems, rank) VALUES ('rank', ?)",
        [bm25(tuple(SOURCE_COLUMN_WEIGHTS.values()))],
    )
    # The as-written index of sources (title, titles, abstracts, keywords, authors) the same.
    title, abstracts, keywords, authors = SOURCE_COLUMN_WEIGHTS.values()
    db.execute(
        "INSERT INTO sources_fts(sources_fts, rank) VALUES ('rank', ?)",
        [bm25((title, title, abstracts, keywords, authors))],
    )
    db.execute(
        "INSERT OR REPLACE INTO search_index(name, version) VALUES ('sources_stems', NULL)"
    )
