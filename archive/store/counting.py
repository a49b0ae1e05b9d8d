"""Migrations that keep facet counts: ``paragraph_facets`` (0008, 0011) and
``source_facets`` (0013), tables of how many rows have each value of the columns the tables'
pages facet by, kept by triggers in the same transaction as every change to a row, so that
the whole table's facets never count every row (``web/facets.py`` reads them)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .records import PARAGRAPH_FACETS, SOURCE_ARRAY_FACETS, SOURCE_FACETS

if TYPE_CHECKING:  # the migrations are handed a Database; naming them costs no import
    import sqlite_utils


# Columns of ``paragraphs`` whose values are counted in ``paragraph_facets``.
FACET_COLUMNS = PARAGRAPH_FACETS


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


def _array(value: str) -> str:
    """A JSON column as ``json_each`` may read it: a malformed value as an empty array,
    so that no write fails on it (Datasette's facet would fail on it instead)."""
    return f"json_each(CASE WHEN json_valid({value}) THEN {value} ELSE '[]' END)"


def _source_counts(row: str, step: str) -> str:
    """SQL adding ``step`` (1 or -1) to the counts of a ``sources`` row's facet values."""
    if step == "1":
        upsert = " ON CONFLICT (name, value) DO UPDATE SET count = count + 1; "
        return "".join(
            f"INSERT INTO source_facets (name, value, count) SELECT '{c}', {row}.{c}, 1 "
            f"WHERE {row}.{c} IS NOT NULL{upsert}" for c in SOURCE_FACETS
        ) + "".join(
            f"INSERT INTO source_facets (name, value, count) SELECT DISTINCT '{c}[]', value, 1 "
            f"FROM {_array(row + '.' + c)} WHERE value IS NOT NULL{upsert}"
            for c in SOURCE_ARRAY_FACETS
        )
    wheres = [(c, f"= {row}.{c}") for c in SOURCE_FACETS] + [
        (c + "[]", f"IN (SELECT value FROM {_array(row + '.' + c)})") for c in SOURCE_ARRAY_FACETS
    ]
    return "".join(
        f"UPDATE source_facets SET count = count - 1 WHERE name = '{name}' AND value {where}; "
        f"DELETE FROM source_facets WHERE name = '{name}' AND value {where} AND count <= 0; "
        for name, where in wheres
    )


def source_facet_counts(db: sqlite_utils.Database) -> None:
    # The sources page facets the whole table by nine columns, five of them JSON arrays;
    # Datasette counts an array facet by copying every source row once per value, which took
    # 700 ms for 2,200 sources, so past a few thousand sources those facets ran out of time.
    # Their counts are kept here as the paragraphs' are (0008), by triggers.
    db.execute(
        "CREATE TABLE source_facets (name TEXT NOT NULL, value NOT NULL, "
        "count INTEGER NOT NULL, PRIMARY KEY (name, value)) WITHOUT ROWID"
    )
    for column in SOURCE_FACETS:
        db.execute(
            f"INSERT INTO source_facets SELECT '{column}', {column}, count(*) FROM sources "
            f"WHERE {column} IS NOT NULL GROUP BY {column}"
        )
    for column in SOURCE_ARRAY_FACETS:
        db.execute(
            f"INSERT INTO source_facets SELECT '{column}[]', value, count(*) FROM (SELECT "
            f"DISTINCT sources.rowid, j.value FROM sources, {_array('sources.' + column)} j "
            "WHERE j.value IS NOT NULL) GROUP BY value"
        )
    columns = SOURCE_FACETS + SOURCE_ARRAY_FACETS
    changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in columns)
    db.execute(f"CREATE TRIGGER source_facets_ai AFTER INSERT ON sources BEGIN "
               f"{_source_counts('NEW', '1')}END")
    db.execute(f"CREATE TRIGGER source_facets_ad AFTER DELETE ON sources BEGIN "
               f"{_source_counts('OLD', '-1')}END")
    db.execute(f"CREATE TRIGGER source_facets_au AFTER UPDATE OF {', '.join(columns)} ON sources "
               f"WHEN {changed} BEGIN {_source_counts('OLD', '-1')}{_source_counts('NEW', '1')}END")
