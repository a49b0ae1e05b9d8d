"""The database schema, as a list of migrations applied in order and recorded in the database.

A migration is appended, never edited: an archive created by an older version is brought up
to date by running the ones it has not seen. ``_migrations`` records which ran and when.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the migrations are handed a Database; naming them costs no import
    import sqlite_utils

__all__ = ["MIGRATIONS", "migrate"]

Step = Callable[["sqlite_utils.Database"], None]


def _elsewhere(module: str, name: str) -> Step:
    """The step ``name`` of the store's ``module``, imported when it runs: opening an archive
    that is up to date reads the migrations' names alone (``Store.open``), and every ingest
    opens one."""

    def step(db: sqlite_utils.Database) -> None:
        getattr(import_module(f"{__package__}.{module}"), name)(db)

    return step


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
    from .tables import FTS_TOKENIZER

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


def _page_dates_and_summary(db: sqlite_utils.Database) -> None:
    # A web page's last modification, its description and its section, read since this
    # version; sources ingested before keep NULL until a file joins them or a sidecar says.
    for column in ("modified", "description", "section"):
        db.execute(f"ALTER TABLE sources ADD COLUMN {column} TEXT")


def _devised_titles(db: sqlite_utils.Database) -> None:
    # Sources stored before 0007 that state no title were left without the devised
    # ``[First words…]`` it shows for them until a file joined them: each gets it now, from
    # its first live body paragraph as an ingest takes it, and the value is recorded as the
    # ingest records it (origin ``inferred``), so ``archive show`` says where it came from.
    from .. import devised  # opening an archive reads the migrations' names alone

    rows = db.execute(
        "SELECT s.key, p.text, p.file_sha256 FROM sources s JOIN paragraphs p ON p.rowid = ("
        "SELECT rowid FROM paragraphs WHERE source = s.key AND role = 'body' AND "
        "status = 'live' ORDER BY seq LIMIT 1) "
        "WHERE coalesce(s.title, '') = '' AND coalesce(s.display_title, '') = ''"
    ).fetchall()
    at = datetime.now(UTC).isoformat(timespec="seconds")
    for key, text, sha256 in rows:
        title = devised.bracketed(text)
        db.execute("UPDATE sources SET display_title = ? WHERE key = ?", [title, key])
        db.execute(
            "INSERT INTO metadata_values (source, field, lang, value, origin, detail, "
            "priority, chosen, active, file_sha256, at) "
            "VALUES (?, 'display_title', NULL, ?, ?, ?, ?, 1, 1, ?, ?)",
            [key, json.dumps(title, ensure_ascii=False), devised.ORIGIN, devised.DETAIL,
             devised.PRIORITY, sha256, at],
        )


def _version_text_once(db: sqlite_utils.Database) -> None:
    # Each lineage entry kept a copy of its text, so a paragraph's current text was stored
    # twice (three times after an exact re-ingest). From here on a version's text is NULL
    # while it equals its paragraph's text (reads return ``coalesce(v.text, p.text)``); the
    # store writes it out before an edit changes the paragraph's text. A tombstone's entry
    # has no text and no fingerprint, which tells the two NULLs apart.
    db.execute(
        "UPDATE paragraph_versions SET text = NULL WHERE fingerprint IS NOT NULL AND text = "
        "(SELECT p.text FROM paragraphs p WHERE p.id = paragraph_versions.paragraph_id)"
    )


MIGRATIONS: list[tuple[str, Step]] = [
    ("0001_initial", _elsewhere("tables", "initial")),
    ("0002_reading_position", _reading_position),
    ("0003_facet_indexes", _facet_indexes),
    ("0004_run_status", _run_status),
    ("0005_search_index_version", _search_index_version),
    ("0006_cumulative_issue", _cumulative_issue),
    ("0007_web_captures", _web_captures),
    ("0008_facet_counts", _elsewhere("search_schema", "facet_counts")),
    ("0009_first_text_once", _first_text_once),
    ("0010_word_forms_contentless", _word_forms_contentless),
    ("0011_page_dates_and_summary", _page_dates_and_summary),
    ("0012_devised_titles", _devised_titles),
    ("0013_source_word_forms", _elsewhere("search_schema", "source_word_forms")),
    ("0014_source_facet_counts", _elsewhere("search_schema", "source_facet_counts")),
    ("0015_source_list_counts", _elsewhere("search_schema", "source_list_counts")),
    ("0016_version_text_once", _version_text_once),
    ("0017_unchanged_rows_untouched", _elsewhere("search_schema", "unchanged_rows_untouched")),
    ("0018_lineage_by_source", _lineage_by_source),
    ("0019_artifacts_by_source", _artifacts_by_source),
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
