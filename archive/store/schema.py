"""The database schema, as a list of migrations applied in order and recorded in the database.

A migration is appended, never edited: an archive created by an older version is brought up
to date by running the ones it has not seen. ``_migrations`` records which ran and when.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from .counting import (
    facet_counts,
    source_facet_counts,
    unchanged_rows_untouched,
)

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


def _lineage_by_source(db: sqlite_utils.Database) -> None:
    # Resolving a tombstone asks which paragraphs of its source name it in their lineage, and
    # ``show --explain`` each paragraph's last entry: both select a source's lineage, which
    # no index served, so each read every entry of the archive (a million and more).
    db.table("paragraph_versions").create_index(["source", "paragraph_id"])


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
    ("0008_facet_counts", facet_counts),
    ("0009_first_text_once", _first_text_once),
    ("0010_word_forms_contentless", _word_forms_contentless),
    ("0011_unchanged_rows_untouched", unchanged_rows_untouched),
    ("0012_lineage_by_source", _lineage_by_source),
    ("0013_source_facet_counts", source_facet_counts),
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
