"""The database schema, as a list of migrations applied in order and recorded in the database.

A migration is appended, never edited: an archive created by an older version is brought up
to date by running the ones it has not seen. ``_migrations`` records which ran and when.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from .records import PARAGRAPH_FACETS, SOURCE_ARRAY_FACETS, SOURCE_FACETS

if TYPE_CHECKING:  # the migrations are handed a Database; naming them costs no import
    import sqlite_utils

FTS_TOKENIZER = "unicode61 remove_diacritics 2"


def _initial(db: sqlite_utils.Database) -> None:
    _runs(db)
    _sources_and_files(db)
    _paragraphs(db)
    _provenance(db)
    _indexes(db)


def _runs(db: sqlite_utils.Database) -> None:
    db.table("ingests").create(
        {
            "id": int,
            "started_at": str,
            "finished_at": str,
            "tool_version": str,
            "new": int,
            "duplicate": int,
            "new_version": int,
            "failed": int,
        },
        pk="id",
    )


def _sources_and_files(db: sqlite_utils.Database) -> None:
    db.table("sources").create(
        {
            "key": str,
            "title": str,
            "authors": str,  # JSON list of {family, given, literal, affiliation, email, orcid}
            "author_names": str,  # JSON list of display names, for the array facet
            "year": int,
            "date": str,
            "doi": str,
            "udc": str,
            "udc_classes": str,
            "grnti": str,
            "grnti_classes": str,
            "bbk": str,
            "journal": str,
            "volume": str,
            "issue": str,
            "first_page": int,
            "last_page": int,
            "language": str,
            "languages": str,
            "kind": str,
            "keywords": str,  # JSON {lang: [..]}
            "abstracts": str,  # JSON {lang: text}
            "keywords_text": str,
            "abstracts_text": str,
            "titles": str,
            "publisher": str,
            "url": str,
            "paragraph_count": int,
            "created_at": str,
            "updated_at": str,
        },
        pk="key",
    )
    db.table("files").create(
        {
            "sha256": str,
            "algorithm": str,
            "source": str,
            "size": int,
            "media_type": str,
            "original_name": str,
            "extractor": str,
            "page_count": int,
            "first_seen": str,
            "ingest_id": int,
        },
        pk="sha256",
        foreign_keys=[("source", "sources", "key"), ("ingest_id", "ingests", "id")],
    )


def _paragraphs(db: sqlite_utils.Database) -> None:
    db.table("paragraphs").create(
        {
            "id": str,
            "source": str,
            "label": str,
            "seq": int,
            "page": int,
            "role": str,
            "lang": str,
            "section": str,
            "text": str,
            "status": str,  # live | deleted | merged | split
            "fingerprint": str,
            "file_sha256": str,
            "first_text": str,  # NULL while it equals text (migration 0009)
            "updated_at": str,
        },
        pk="id",
        foreign_keys=[("source", "sources", "key"), ("file_sha256", "files", "sha256")],
    )
    db.table("paragraph_versions").create(
        {
            "id": int,
            "paragraph_id": str,
            "source": str,
            "file_sha256": str,
            "ingest_id": int,
            "text": str,
            "fingerprint": str,
            "norm_version": str,
            "match_kind": str,  # new | exact | moved | split | merged | fuzzy | deleted | ...
            "similarity": float,
            "review": int,
            "related": str,  # JSON list of other paragraph IDs involved
            "at": str,
        },
        pk="id",
        foreign_keys=[("paragraph_id", "paragraphs", "id"), ("source", "sources", "key")],
    )


def _provenance(db: sqlite_utils.Database) -> None:
    db.table("metadata_values").create(
        {
            "id": int,
            "source": str,
            "field": str,
            "lang": str,
            "value": str,  # JSON
            "origin": str,
            "detail": str,
            "priority": int,
            "chosen": int,
            "active": int,  # 0 once superseded by a re-application (kept for history)
            "file_sha256": str,
            "at": str,
        },
        pk="id",
        foreign_keys=[("source", "sources", "key")],
    )
    db.table("artifacts").create(
        {
            "id": int,
            "file_sha256": str,
            "source": str,
            "kind": str,
            "page": int,
            "printed_page": int,
            "text": str,
        },
        pk="id",
        foreign_keys=[("file_sha256", "files", "sha256"), ("source", "sources", "key")],
    )
    db.table("events").create(
        {
            "id": int,
            "at": str,
            "type": str,
            "source": str,
            "file_sha256": str,
            "ingest_id": int,
            "outcome": str,
            "detail": str,  # JSON
        },
        pk="id",
    )


def _indexes(db: sqlite_utils.Database) -> None:
    db.table("paragraphs").create_index(["source", "seq"])
    db.table("paragraphs").create_index(["fingerprint"])
    db.table("paragraphs").create_index(["role"])
    db.table("paragraphs").create_index(["lang"])
    db.table("paragraph_versions").create_index(["paragraph_id"])
    db.table("metadata_values").create_index(["source", "field"])
    db.table("files").create_index(["source"])
    db.table("artifacts").create_index(["file_sha256"])
    db.table("events").create_index(["source"])
    db.table("sources").create_index(["doi"])
    db.table("paragraphs").enable_fts(["text"], tokenize=FTS_TOKENIZER, create_triggers=True)
    db.table("sources").enable_fts(
        ["title", "titles", "abstracts_text", "keywords_text", "author_names"],
        tokenize=FTS_TOKENIZER,
        create_triggers=True,
    )
    # Word-form index: the stems of each paragraph (rowid = paragraphs.rowid), written by the
    # store alongside the text, so a query for one word form finds the others.
    db.execute(
        f"CREATE VIRTUAL TABLE paragraphs_stems USING fts5(stems, tokenize='{FTS_TOKENIZER}')"
    )


def _reading_position(db: sqlite_utils.Database) -> None:
    # Datasette sorts a table by one column: this one orders paragraphs by source, then
    # reading order, so the default listing reads like the documents themselves.
    db.execute(
        "ALTER TABLE paragraphs ADD COLUMN position TEXT "
        "GENERATED ALWAYS AS (source || ' ' || printf('%08d', seq)) VIRTUAL"
    )
    db.execute("CREATE INDEX idx_paragraphs_position ON paragraphs(position)")


def _facet_indexes(db: sqlite_utils.Database) -> None:
    # Facets on a million paragraphs group by these columns; an index turns each facet into
    # an index scan instead of a table scan.
    db.table("paragraphs").create_index(["section"])
    db.table("paragraphs").create_index(["status"])
    db.table("sources").create_index(["year"])
    db.table("sources").create_index(["journal"])
    db.table("sources").create_index(["language"])


def _run_status(db: sqlite_utils.Database) -> None:
    # A run records its process, so that the next run can tell one that is still going
    # (another ingest at the same time) from one that was killed.
    db.execute("ALTER TABLE ingests ADD COLUMN pid INTEGER")
    db.execute("ALTER TABLE ingests ADD COLUMN status TEXT")  # running | finished | interrupted
    db.execute(
        "UPDATE ingests SET status = CASE WHEN finished_at IS NULL THEN 'interrupted' "
        "ELSE 'finished' END"
    )
    db.table("events").create_index(["type"])


# The word-form index's format before it was versioned: Snowball and suffix-stripper stems.
FIRST_TERMS_VERSION = "terms-v1"


def _search_index_version(db: sqlite_utils.Database) -> None:
    # Which version of the search module's terms ``paragraphs_stems`` holds. The store cannot
    # compute terms (that is the search stage's job), so a changed format is rebuilt by the
    # write side (``Store.rebuild_word_forms``) the next time the archive is written, and
    # until then queries still run on the old terms.
    db.table("search_index").create({"name": str, "version": str}, pk="name")
    db.table("search_index").insert({"name": "paragraphs_stems", "version": FIRST_TERMS_VERSION})


def _cumulative_issue(db: sqlite_utils.Database) -> None:
    # "№ 4 (105)": issue 4, the journal's 105th issue; sources ingested before keep NULL
    # until they are ingested again or a sidecar gives it.
    db.execute("ALTER TABLE sources ADD COLUMN cumulative_issue TEXT")


def _web_captures(db: sqlite_utils.Database) -> None:
    # Web captures: a file's address, capture time and HTTP status (from a WARC or MHTML
    # file); a source's access date (its earliest capture) and the title facets and pages
    # show, the devised ``[First words…]`` of an untitled work. Existing rows get the title
    # and the day their first file was seen; an untitled source gets its devised title the
    # next time a file joins it.
    db.execute("ALTER TABLE files ADD COLUMN url TEXT")
    db.execute("ALTER TABLE files ADD COLUMN captured_at TEXT")
    db.execute("ALTER TABLE files ADD COLUMN http_status INTEGER")
    db.execute("ALTER TABLE sources ADD COLUMN display_title TEXT")
    db.execute("ALTER TABLE sources ADD COLUMN captured TEXT")
    db.execute("UPDATE sources SET display_title = title")
    db.execute(
        "UPDATE sources SET captured = (SELECT min(substr(first_seen, 1, 10)) FROM files "
        "WHERE files.source = sources.key)")
    db.table("files").create_index(["url"])


# Columns of ``paragraphs`` whose values are counted in ``paragraph_facets``.
FACET_COLUMNS = PARAGRAPH_FACETS


def _facet_counts(db: sqlite_utils.Database) -> None:
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


def _unchanged_rows_untouched(db: sqlite_utils.Database) -> None:
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


def _lineage_by_source(db: sqlite_utils.Database) -> None:
    # Resolving a tombstone asks which paragraphs of its source name it in their lineage, and
    # ``show --explain`` each paragraph's last entry: both select a source's lineage, which
    # no index served, so each read every entry of the archive (a million and more).
    db.table("paragraph_versions").create_index(["source", "paragraph_id"])


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


def _source_facet_counts(db: sqlite_utils.Database) -> None:
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


def _artifacts_by_source(db: sqlite_utils.Database) -> None:
    # A source's row page counts the rows of every table that refers to it; artifacts (two
    # or more a page of every file) were counted by reading them all.
    db.table("artifacts").create_index(["source"])


def _first_text_once(db: sqlite_utils.Database) -> None:
    # A paragraph's first text is its text until an edit changes it: storing it again doubled
    # the size of every paragraph row. From here on ``first_text`` is NULL while it equals
    # ``text`` (reads return ``coalesce(first_text, text)``); an archive's file shrinks by the
    # space freed only after ``VACUUM``, but new rows reuse it at once.
    db.execute("UPDATE paragraphs SET first_text = NULL WHERE first_text = text")


def _word_forms_contentless(db: sqlite_utils.Database) -> None:
    # The word-form index kept a copy of every paragraph's terms (as long as its text) that
    # nothing reads: queries only MATCH and rank. Contentless, it keeps the index alone; a
    # paragraph's terms are removed by giving them again (``write.unindex_word_forms``).
    db.execute(
        "CREATE VIRTUAL TABLE paragraphs_stems_new USING fts5(stems, content='', "
        f"tokenize='{FTS_TOKENIZER}')"
    )
    db.execute(
        "INSERT INTO paragraphs_stems_new (rowid, stems) "
        "SELECT rowid, stems FROM paragraphs_stems ORDER BY rowid"
    )
    db.execute("DROP TABLE paragraphs_stems")
    db.execute("ALTER TABLE paragraphs_stems_new RENAME TO paragraphs_stems")


MIGRATIONS: list[tuple[str, Callable[[sqlite_utils.Database], None]]] = [
    ("0001_initial", _initial),
    ("0002_reading_position", _reading_position),
    ("0003_facet_indexes", _facet_indexes),
    ("0004_run_status", _run_status),
    ("0005_search_index_version", _search_index_version),
    ("0006_cumulative_issue", _cumulative_issue),
    ("0007_web_captures", _web_captures),
    ("0008_facet_counts", _facet_counts),
    ("0009_first_text_once", _first_text_once),
    ("0010_word_forms_contentless", _word_forms_contentless),
    ("0011_unchanged_rows_untouched", _unchanged_rows_untouched),
    ("0012_lineage_by_source", _lineage_by_source),
    ("0013_source_facet_counts", _source_facet_counts),
    ("0014_artifacts_by_source", _artifacts_by_source),
]


def migrate(db: sqlite_utils.Database) -> list[str]:
    """Apply every migration not yet recorded; return the names applied."""
    if "_migrations" not in db.table_names():
        db.table("_migrations").create({"name": str, "applied_at": str}, pk="name")
    done = {row["name"] for row in db.table("_migrations").rows}
    applied = []
    for name, step in MIGRATIONS:
        if name in done:
            continue
        with db.atomic():
            step(db)
            db.table("_migrations").insert(
                {"name": name, "applied_at": datetime.now(UTC).isoformat(timespec="seconds")}
            )
        applied.append(name)
    return applied
