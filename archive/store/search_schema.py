"""Migrations of the search indexes and of the facet counts kept by triggers: the
paragraphs' counts (0008), the sources' word forms (0013), the paragraphs' counts by their
sources' fields (0014), the sources' list values (0015), and triggers that leave unchanged
paragraphs' counts and text index alone (0017). ``schema`` lists them all."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import source_facets
from .ranked import SOURCE_COLUMN_WEIGHTS
from .tables import FTS_TOKENIZER

if TYPE_CHECKING:
    import sqlite_utils

# The word-form index of sources, one column per part of a source's description.
SOURCE_FORM_COLUMNS = ("title", "abstracts", "keywords", "authors")


# Columns of ``paragraphs`` whose values are counted in ``paragraph_facets``.
FACET_COLUMNS = ("source", "role", "lang", "section", "status")


def facet_counts(db: sqlite_utils.Database) -> None:
    # The paragraphs page facets the whole table by these columns; counting a million rows per
    # facet per page view took a tenth of a second each, so the counts are kept here, by
    # triggers, in the same transaction as every change to a paragraph.
    db.execute(
        "CREATE TABLE paragraph_facets (name TEXT NOT NULL, value TEXT NOT NULL, "
        "count INTEGER NOT NULL, PRIMARY KEY (name, value)) WITHOUT ROWID"
    )
    for column in FACET_COLUMNS:
        db.execute(
            "INSERT INTO paragraph_facets (name, value, count) "
            f"SELECT '{column}', {column}, count(*) FROM paragraphs "
            f"WHERE {column} IS NOT NULL GROUP BY {column}"
        )
    added = _facets_added()
    removed = "".join(
        f"UPDATE paragraph_facets SET count = count - 1 WHERE name = '{c}' AND value = OLD.{c}; "
        for c in FACET_COLUMNS
    ) + "DELETE FROM paragraph_facets WHERE count <= 0; "
    db.execute(f"CREATE TRIGGER paragraph_facets_ai AFTER INSERT ON paragraphs BEGIN {added}END")
    db.execute(f"CREATE TRIGGER paragraph_facets_ad AFTER DELETE ON paragraphs BEGIN {removed}END")
    db.execute(
        f"CREATE TRIGGER paragraph_facets_au AFTER UPDATE OF {', '.join(FACET_COLUMNS)} "
        f"ON paragraphs BEGIN {removed}{added}END"
    )


def _facets_added() -> str:
    """The triggers' SQL counting a new paragraph row's facet values (0008, 0017)."""
    return "".join(
        "INSERT INTO paragraph_facets (name, value, count) "
        f"SELECT '{c}', NEW.{c}, 1 WHERE NEW.{c} IS NOT NULL "
        "ON CONFLICT (name, value) DO UPDATE SET count = count + 1; "
        for c in FACET_COLUMNS
    )


def unchanged_rows_untouched(db: sqlite_utils.Database) -> None:
    # At a million paragraphs a re-ingested file cost a scan of the whole paragraph_facets
    # table (a row per source) for each of its paragraphs: the triggers of 0008 deleted
    # spent counts with ``WHERE count <= 0``, which no index serves. Now each deletes only
    # the rows it decremented, by their key. And an update that leaves a paragraph's facet
    # columns, or its text, as they were (every unchanged paragraph of a new file of a
    # source) no longer recounts them nor re-indexes the text.
    removed = "".join(
        f"UPDATE paragraph_facets SET count = count - 1 WHERE name = '{c}' AND value = OLD.{c}; "
        f"DELETE FROM paragraph_facets WHERE name = '{c}' AND value = OLD.{c} AND count <= 0; "
        for c in FACET_COLUMNS
    )
    changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in FACET_COLUMNS)
    db.execute("DROP TRIGGER paragraph_facets_ad")
    db.execute("DROP TRIGGER paragraph_facets_au")
    db.execute(f"CREATE TRIGGER paragraph_facets_ad AFTER DELETE ON paragraphs BEGIN {removed}END")
    db.execute(
        f"CREATE TRIGGER paragraph_facets_au AFTER UPDATE OF {', '.join(FACET_COLUMNS)} "
        f"ON paragraphs WHEN {changed} BEGIN {removed}{_facets_added()}END"
    )
    # The text index's update trigger (sqlite-utils') as it was, for changed text only.
    db.execute("DROP TRIGGER paragraphs_au")
    db.execute(
        "CREATE TRIGGER paragraphs_au AFTER UPDATE OF text ON paragraphs "
        "WHEN OLD.text IS NOT NEW.text BEGIN "
        "INSERT INTO paragraphs_fts (paragraphs_fts, rowid, text) "
        "VALUES ('delete', OLD.rowid, OLD.text); "
        "INSERT INTO paragraphs_fts (rowid, text) VALUES (NEW.rowid, NEW.text); END"
    )


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



# The sources' columns paragraphs are counted by; the lists hold a JSON array of values, each
# counted.
SOURCE_FACET_COLUMNS, _LISTS = source_facets.COLUMNS, source_facets.ARRAYS


def _values(column: str, row: str, where: str = "") -> str:
    """SELECT of the ``value``s of ``column`` in ``row``: the source ``s`` that ``where``
    picks, or a trigger's ``OLD`` or ``NEW`` row of ``sources``."""
    tables = ["sources s"] if where else []
    value = f"{row}.{column}"
    if column in _LISTS:
        # A malformed list is no values, never a failed write.
        tables.append(f"json_each(CASE WHEN json_valid({value}) THEN {value} END) j")
        value = "j.value"
    found = f"SELECT {value} AS value"
    if tables:
        found += f" FROM {', '.join(tables)}"
    return found + (f" WHERE {where}" if where else "")


def _shift(column: str, values: str, count: str) -> str:
    """Add ``count`` paragraphs (negative to take away) to each of ``values``."""
    return (
        "INSERT INTO paragraph_source_facets (name, value, count) "
        f"SELECT '{column}', value, {count} FROM ({values}) WHERE value IS NOT NULL "
        "AND coalesce({count}, 0) != 0 "
        "ON CONFLICT (name, value) DO UPDATE SET count = count + excluded.count; "
    ).replace("{count}", count)


def _shifts(count: str, row: str = "s", where: str = "") -> str:
    return "".join(_shift(c, _values(c, row, where), count) for c in SOURCE_FACET_COLUMNS)


_PRUNE = "DELETE FROM paragraph_source_facets WHERE count <= 0; "


def source_facet_counts(db: sqlite_utils.Database) -> None:
    # Paragraphs counted by their source's journal, year and classes, for the paragraphs
    # table's facets over the whole table: kept from the per-source counts (0008) by triggers,
    # in the same transaction as every change. A source's own values change its paragraphs'
    # counts too. The covering index serves these joins and the sources table's own facets
    # without reading whole rows (a source's abstracts make its row long).
    db.execute(
        "CREATE TABLE paragraph_source_facets (name TEXT NOT NULL, value TEXT NOT NULL, "
        "count INTEGER NOT NULL, PRIMARY KEY (name, value)) WITHOUT ROWID"
    )
    db.execute(
        "CREATE INDEX idx_sources_facets ON sources (key, journal, year, language, kind, "
        "udc_classes, grnti_classes, author_names, udc, grnti)"
    )
    for column in SOURCE_FACET_COLUMNS:
        value, each = f"s.{column}", ""
        if column in _LISTS:
            each = f", json_each(CASE WHEN json_valid({value}) THEN {value} END) j"
            value = "j.value"
        db.execute(
            "INSERT INTO paragraph_source_facets (name, value, count) "
            f"SELECT '{column}', {value}, sum(f.count) FROM paragraph_facets f "
            f"JOIN sources s ON s.key = f.value{each} "
            f"WHERE f.name = 'source' AND {value} IS NOT NULL GROUP BY {value}"
        )
    of_source = "s.key = {}.value"
    db.execute(
        "CREATE TRIGGER paragraph_source_facets_ai AFTER INSERT ON paragraph_facets "
        f"WHEN NEW.name = 'source' BEGIN {_shifts('NEW.count', where=of_source.format('NEW'))}END"
    )
    db.execute(
        "CREATE TRIGGER paragraph_source_facets_au AFTER UPDATE OF count ON paragraph_facets "
        "WHEN NEW.name = 'source' BEGIN "
        f"{_shifts('NEW.count - OLD.count', where=of_source.format('NEW'))}{_PRUNE}END"
    )
    db.execute(
        "CREATE TRIGGER paragraph_source_facets_ad AFTER DELETE ON paragraph_facets "
        "WHEN OLD.name = 'source' BEGIN "
        f"{_shifts('-OLD.count', where=of_source.format('OLD'))}{_PRUNE}END"
    )
    count = "(SELECT count FROM paragraph_facets WHERE name = 'source' AND value = NEW.key)"
    db.execute(
        "CREATE TRIGGER paragraph_source_facets_su AFTER UPDATE OF "
        f"{', '.join(SOURCE_FACET_COLUMNS)} ON sources BEGIN "
        f"{_shifts('-' + count, row='OLD')}{_shifts(count, row='NEW')}{_PRUNE}END"
    )


# The sources' JSON lists the sources table is faceted by (``datasette.yaml``).
SOURCE_LISTS = source_facets.LISTS


def _list_shift(column: str, row: str, by: int) -> str:
    value = f"{row}.{column}"
    return (
        "INSERT INTO source_list_facets (name, value, count) "
        f"SELECT DISTINCT '{column}', j.value, {by} "
        f"FROM json_each(CASE WHEN json_valid({value}) THEN {value} END) j "
        "WHERE j.value IS NOT NULL "
        "ON CONFLICT (name, value) DO UPDATE SET count = count + excluded.count; "
    )


def source_list_counts(db: sqlite_utils.Database) -> None:
    # The sources table's facets by its lists (authors, classes) over the whole table: each
    # value's number of sources, kept by triggers as the paragraphs' counts are (0008), since
    # counting them unpacks every source's lists on every view of the sources page.
    db.execute(
        "CREATE TABLE source_list_facets (name TEXT NOT NULL, value TEXT NOT NULL, "
        "count INTEGER NOT NULL, PRIMARY KEY (name, value)) WITHOUT ROWID"
    )
    for column in SOURCE_LISTS:
        db.execute(
            "INSERT INTO source_list_facets (name, value, count) "
            f"SELECT '{column}', j.value, count(DISTINCT s.key) FROM sources s, "
            f"json_each(CASE WHEN json_valid(s.{column}) THEN s.{column} END) j "
            "WHERE j.value IS NOT NULL GROUP BY j.value"
        )
    prune = "DELETE FROM source_list_facets WHERE count <= 0; "
    added = "".join(_list_shift(c, "NEW", 1) for c in SOURCE_LISTS)
    removed = "".join(_list_shift(c, "OLD", -1) for c in SOURCE_LISTS) + prune
    db.execute(f"CREATE TRIGGER source_list_facets_ai AFTER INSERT ON sources BEGIN {added}END")
    db.execute(f"CREATE TRIGGER source_list_facets_ad AFTER DELETE ON sources BEGIN {removed}END")
    db.execute(
        f"CREATE TRIGGER source_list_facets_au AFTER UPDATE OF {', '.join(SOURCE_LISTS)} "
        f"ON sources BEGIN {removed}{added}END"
    )
