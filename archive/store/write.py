"""Row writers. Called inside one ``db.atomic()`` block by ``Store``; never commit themselves."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import Any

import sqlite_utils

from ..models import LIVE, Candidate, SourceFacets, SourceMetadata
from .plans import FileWrite, MetadataWrite, RestoreWrite

# Terms: how a text is indexed for word forms, given by the write side; the paragraphs' index is
# contentless, so a paragraph's terms are removed by giving them again.
from .source_forms import Terms, index_source, rebuild_sources


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _insert_rows(db: sqlite_utils.Database, table: str, rows: Sequence[dict[str, Any]]) -> None:
    """Rows of one shape (the first row's columns) as one prepared statement: what
    sqlite-utils' ``insert_all`` writes for plain values, without building the statement
    again for each file's few rows."""
    if not rows:
        return
    columns = list(rows[0])
    db.conn.executemany(
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
        [[row[c] for c in columns] for row in rows],
    )


def source_row(metadata: SourceMetadata, facets: SourceFacets) -> dict[str, Any]:
    """The ``sources`` columns of merged metadata (the key is never among them)."""
    return {
        "title": metadata.title,
        "titles": _json(metadata.titles),
        "authors": _json([a.as_json() for a in metadata.authors]),
        "author_names": _json(list(facets.author_names)),
        "year": metadata.year,
        "date": metadata.date,
        "doi": metadata.doi,
        "udc": _json(list(metadata.udc)),
        "udc_classes": _json(list(facets.udc_classes)),
        "grnti": _json(list(metadata.grnti)),
        "grnti_classes": _json(list(facets.grnti_classes)),
        "bbk": _json(list(metadata.bbk)),
        "journal": metadata.journal,
        "volume": metadata.volume,
        "issue": metadata.issue,
        "cumulative_issue": metadata.cumulative_issue,
        "first_page": metadata.first_page,
        "last_page": metadata.last_page,
        "language": metadata.language,
        "languages": _json(list(metadata.languages)),
        "kind": metadata.kind,
        "keywords": _json(metadata.keywords),
        "abstracts": _json(metadata.abstracts),
        "keywords_text": " ; ".join(k for words in metadata.keywords.values() for k in words),
        "abstracts_text": "\n\n".join(metadata.abstracts.values()),
        "publisher": metadata.publisher,
        "url": metadata.url,
        # What facets and pages show: the title, else the devised ``[First words…]``.
        "display_title": metadata.title or metadata.display_title,
        "modified": metadata.modified,
        "description": metadata.description,
        "section": metadata.section,
    }


def write_candidates(
    db: sqlite_utils.Database,
    key: str,
    candidates: Sequence[Candidate],
    chosen: Sequence[bool],
    existing_chosen: Sequence[tuple[int, bool]],
    sha256: str | None,
    at: str,
) -> None:
    rows = [
        {
            "source": key,
            "field": c.field,
            "lang": c.lang,
            "value": _json(c.value),
            "origin": str(c.origin),
            "detail": c.detail,
            "priority": c.priority,
            "chosen": int(flag),
            "active": 1,
            "file_sha256": sha256,
            "at": at,
        }
        for c, flag in zip(candidates, chosen, strict=True)
    ]
    _insert_rows(db, "metadata_values", rows)
    db.conn.executemany(
        "UPDATE metadata_values SET chosen = ? WHERE id = ?",
        [(int(flag), row_id) for row_id, flag in existing_chosen],
    )


def write_metadata_rows(
    db: sqlite_utils.Database, plan: MetadataWrite, at: str, terms: Terms
) -> None:
    if plan.deactivate:
        marks = ",".join("?" * len(plan.deactivate))
        db.execute(
            f"UPDATE metadata_values SET active = 0, chosen = 0 WHERE id IN ({marks})",
            list(plan.deactivate),
        )
    write_candidates(
        db, plan.source_key, plan.candidates, plan.chosen, plan.existing_chosen, None, at
    )
    db.table("sources").update(
        plan.source_key, {**source_row(plan.metadata, plan.facets), "updated_at": at}
    )
    index_source(db.conn, plan.source_key, terms)
    db.table("events").insert(
        {
            "at": at,
            "type": plan.event.type,
            "source": plan.source_key,
            "outcome": plan.event.outcome,
            "detail": _json(plan.event.detail),
        }
    )


_PARAGRAPH_COLUMNS = (
    "source", "label", "seq", "page", "role", "lang", "section", "text", "status",
    "fingerprint", "file_sha256", "updated_at",
)
# New paragraphs, many in one statement, in the order given (their rowids follow it): a JSON
# array of arrays of the ``id`` and ``_PARAGRAPH_COLUMNS`` values; gives back each row's ID and
# rowid. A new paragraph's first text is its text: ``first_text`` stays NULL until an update
# gives it another text, when it keeps the first one (the right-hand sides read the row as it
# was).
_INSERT_PARAGRAPHS = (
    f"INSERT INTO paragraphs (id, {', '.join(_PARAGRAPH_COLUMNS)}) SELECT "
    + ", ".join(f"json_extract(value, '$[{k}]')" for k in range(len(_PARAGRAPH_COLUMNS) + 1))
    + " FROM json_each(?) ORDER BY key RETURNING id, rowid"
)
_UPDATE_PARAGRAPH = (
    "UPDATE paragraphs SET first_text = nullif(coalesce(first_text, text), ?), "
    f"{', '.join(c + ' = ?' for c in _PARAGRAPH_COLUMNS)} WHERE id = ?"
)
# A version's text is stored only once it differs from its paragraph's: a new entry's text is
# the paragraph's text, so it is NULL; before an update changes the paragraph's text, the
# entries that shared it are given it (a tombstone's entry has no text and no fingerprint).
_INSERT_VERSION = (
    "INSERT INTO paragraph_versions (paragraph_id, source, file_sha256, ingest_id, text, "
    "fingerprint, norm_version, match_kind, similarity, review, related, at) "
    "VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?)"
)
_KEEP_VERSION_TEXTS = (
    "UPDATE paragraph_versions SET text = :old WHERE paragraph_id = :id AND text IS NULL "
    "AND fingerprint IS NOT NULL AND :old IS NOT :new"
)


def unindex_word_forms(conn: sqlite3.Connection, pid: str, terms: Terms) -> None:
    """Take a live paragraph's terms out of the word-form index (tombstones have none)."""
    row = conn.execute(
        "SELECT rowid, text, lang, status FROM paragraphs WHERE id = ?", (pid,)
    ).fetchone()
    if row is not None:
        _unindex(conn, row, terms)


def _unindex(conn: sqlite3.Connection, row: tuple[Any, ...], terms: Terms) -> None:
    """``row`` is a paragraph's (rowid, text, lang, status).

    FTS5 removes a row of a contentless index only when given exactly what was inserted:
    the terms of the stored text and language, by the rules the index is built with (the
    write side re-indexes first when those changed, ``search.INDEX_VERSION``).
    """
    rowid, text, lang, status = row
    if status != LIVE:
        return
    conn.execute(
        "INSERT INTO paragraphs_stems(paragraphs_stems, rowid, stems) VALUES ('delete', ?, ?)",
        (rowid, terms(text or "", lang)),
    )


def _write_paragraphs(
    db: sqlite_utils.Database, plan: FileWrite, ingest_id: int, at: str, terms: Terms
) -> None:
    """Paragraph rows, their stems and lineage: plain prepared statements, the hot path.

    FTS5 writes what it holds in memory out to the index before each statement that fires
    triggers, and the triggers of a paragraph row fill the text index: a row written at a
    time, the index got a segment of its own for every paragraph, each to be merged again.
    So a file's new rows go in as one statement, and the word-form index is written last.
    """
    key = plan.source_key
    conn = db.conn
    # A new source's IDs are new: nothing of it is stored yet (sources are never removed).
    stored = {} if plan.new_source else _stored_rows(conn, [p.id for p in plan.paragraphs])
    new_rows: list[tuple[Any, ...]] = []
    stems: list[tuple[int, str]] = []  # (rowid, terms) to index
    unindexed: list[tuple[Any, ...]] = []  # stored rows whose terms come out of the index
    for para in plan.paragraphs:
        pid = para.id
        values = (
            key, para.label, para.seq, para.page, para.role, para.lang, para.section,
            para.text, LIVE, para.fingerprint, plan.sha256, at,
        )
        existing = stored.get(pid)
        if existing is None:
            new_rows.append((pid, *values))
            continue
        # A live paragraph a new file brings back with its text and language keeps its
        # terms: the same rules on the same text give the same terms (``terms``).
        if existing[1:] != (para.text, para.lang, LIVE):
            unindexed.append(existing)
            stems.append((existing[0], para.stems))
        conn.execute(_KEEP_VERSION_TEXTS, {"old": existing[1], "new": para.text, "id": pid})
        conn.execute(_UPDATE_PARAGRAPH, (para.text, *values, pid))
    if new_rows:
        rowids = dict(conn.execute(_INSERT_PARAGRAPHS, (_json_rows(new_rows),)).fetchall())
        stems += [(rowids[p.id], p.stems) for p in plan.paragraphs if p.id in rowids]
    conn.executemany(_INSERT_VERSION, [(
        p.id, key, plan.sha256, ingest_id, p.fingerprint, plan.norm_version,
        p.match_kind, p.similarity, int(p.review), _json(list(p.related)), at,
    ) for p in plan.paragraphs])
    for row in unindexed:
        _unindex(conn, row, terms)
    conn.executemany("INSERT INTO paragraphs_stems(rowid, stems) VALUES (?, ?)", stems)


def _stored_rows(conn: sqlite3.Connection, ids: Sequence[str]) -> dict[str, tuple[Any, ...]]:
    """The (rowid, text, lang, status) of those of ``ids`` the archive holds, by ID."""
    found: dict[str, tuple[Any, ...]] = {}
    for pid in ids:
        row = conn.execute(
            "SELECT rowid, text, lang, status FROM paragraphs WHERE id = ?", (pid,)
        ).fetchone()
        if row is not None:
            found[pid] = row
    return found


def _json_rows(rows: Sequence[tuple[Any, ...]]) -> str:
    # Strings, whole numbers and NULLs only: JSON gives each back as it was bound.
    return json.dumps(rows, ensure_ascii=False)


def write_file_rows(
    db: sqlite_utils.Database, plan: FileWrite, ingest_id: int, at: str, terms: Terms
) -> None:
    key = plan.source_key
    row = source_row(plan.metadata, plan.facets)
    if plan.new_source:
        db.table("sources").insert({"key": key, **row, "created_at": at, "updated_at": at})
    else:
        db.table("sources").update(key, {**row, "updated_at": at})
    index_source(db.conn, key, terms)
    _write_file_row(db, plan, ingest_id, at)
    write_candidates(
        db, key, plan.candidates, plan.chosen, plan.existing_chosen, plan.sha256, at
    )
    _write_paragraphs(db, plan, ingest_id, at, terms)
    _write_tombstones(db, plan, ingest_id, at, terms)
    _write_artifacts_and_events(db, plan, ingest_id, at)
    # Counted through the source's index: SQLite would otherwise pick the status index and
    # read every live paragraph of the archive for each file written.
    db.execute(
        "UPDATE sources SET paragraph_count = "
        "(SELECT count(*) FROM paragraphs WHERE source = ? AND +status = 'live') WHERE key = ?",
        [key, key],
    )


def _write_file_row(db: sqlite_utils.Database, plan: FileWrite, ingest_id: int, at: str) -> None:
    key = plan.source_key
    db.table("files").insert(
        {
            "sha256": plan.sha256,
            "algorithm": "sha256",
            "source": key,
            "size": plan.size,
            "media_type": plan.media_type,
            "original_name": plan.original_name,
            "extractor": plan.extractor,
            "page_count": plan.page_count,
            "first_seen": at,
            "ingest_id": ingest_id,
            "url": plan.url,
            "captured_at": plan.captured_at,
            "http_status": plan.http_status,
        }
    )
    # The source's access date: its earliest capture, a file's capture time or, for a file
    # that does not state one, the day the archive first saw it.
    db.execute(
        "UPDATE sources SET captured = (SELECT min(substr(coalesce(captured_at, first_seen), "
        "1, 10)) FROM files WHERE source = ?) WHERE key = ?", [key, key])


def _write_artifacts_and_events(
    db: sqlite_utils.Database, plan: FileWrite, ingest_id: int, at: str
) -> None:
    key = plan.source_key
    _insert_rows(db, "artifacts", [
        {
            "file_sha256": plan.sha256,
            "source": key,
            "kind": a.kind,
            "page": a.page,
            "printed_page": a.printed_page,
            "text": a.text,
        }
        for a in plan.artifacts
    ])
    _insert_rows(db, "events", [
        {
            "at": at,
            "type": event.type,
            "source": key,
            "file_sha256": plan.sha256,
            "ingest_id": ingest_id,
            "outcome": event.outcome,
            "detail": _json(event.detail),
        }
        for event in plan.events
    ])


def _write_tombstones(
    db: sqlite_utils.Database, plan: FileWrite, ingest_id: int, at: str, terms: Terms
) -> None:
    """Paragraphs the new file no longer has: out of the word-form index, lineage kept."""
    for tomb in plan.tombstones:
        unindex_word_forms(db.conn, tomb.id, terms)  # while it is still live
        db.execute(
            "UPDATE paragraphs SET status = ?, updated_at = ? WHERE id = ?",
            [tomb.status, at, tomb.id],
        )
        db.table("paragraph_versions").insert(
            {
                "paragraph_id": tomb.id,
                "source": plan.source_key,
                "file_sha256": plan.sha256,
                "ingest_id": ingest_id,
                "text": None,
                "fingerprint": None,
                "norm_version": plan.norm_version,
                "match_kind": tomb.kind,
                "similarity": None,
                "review": 0,
                "related": _json(list(tomb.into)),
                "at": at,
            }
        )


def restore_rows(db: sqlite_utils.Database, plan: RestoreWrite, terms: Terms) -> None:
    """Insert every row of the plan as it is, then the live paragraphs' stems and the
    sources' word forms.

    Columns the table computes itself (``paragraphs.position``) are left to it; a row whose
    key is already taken fails the whole write (the caller's transaction), so a restore never
    merges into or overwrites what the archive holds.
    """
    conn = db.conn
    for table, rows in plan.tables:
        # hidden 2 and 3 are generated columns: SQLite computes them and refuses values.
        columns = [r[1] for r in conn.execute(f"PRAGMA table_xinfo({table})") if r[6] == 0]
        for row in rows:
            names = [c for c in columns if c in row]
            marks = ", ".join("?" * len(names))
            conn.execute(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({marks})",
                         [row[c] for c in names])
    for pid, stems in plan.stems:
        conn.execute(
            "INSERT INTO paragraphs_stems(rowid, stems) "
            "SELECT rowid, ? FROM paragraphs WHERE id = ?", (stems, pid))
    if plan.stems_version is not None:
        conn.execute("INSERT OR REPLACE INTO search_index(name, version) "
                     "VALUES ('paragraphs_stems', ?)", (plan.stems_version,))
        rebuild_sources(conn, terms, plan.stems_version)
