"""The tables as the first version of the archive created them (migration ``0001_initial``).

Frozen like every migration: later changes are migrations of their own (``store.schema``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the migration is handed a Database; naming it costs no import
    import sqlite_utils

FTS_TOKENIZER = "unicode61 remove_diacritics 2"


def initial(db: sqlite_utils.Database) -> None:
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
            "text": str,  # NULL while it equals the paragraph's text (migration 0016)
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
