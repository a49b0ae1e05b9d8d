"""Every read of the archive: functions over an open ``sqlite3.Connection``.

They take a plain connection so that the CLI (``Store.conn``) and the Datasette plugin
(``Database.execute_fn`` runs them in its thread pool) share one implementation, and they
return the frozen values of ``records``; no caller sees a row.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

from ..models import Author, SourceMetadata
from ..origins import parse as parse_origin
from .records import (
    FieldValue,
    FileRecord,
    ParagraphRecord,
    ParagraphView,
    Related,
    SourceRecord,
    SourceRows,
    SourceView,
    Version,
)

_SOURCE_COLUMNS = (
    "key", "title", "authors", "year", "date", "doi", "udc", "grnti", "journal", "volume",
    "issue", "first_page", "last_page", "language", "languages", "kind", "keywords",
    "abstracts", "publisher", "url", "titles", "bbk", "cumulative_issue", "display_title",
    "modified", "description", "section",
)
_LIST_COLUMNS = {"udc", "grnti", "languages", "bbk"}
_MAP_COLUMNS = {"keywords", "abstracts", "titles"}
_FILE_COLUMNS = (
    "sha256, algorithm, size, media_type, original_name, extractor, page_count, first_seen, "
    "ingest_id"
)
# ``first_text`` is stored only once an edit makes it differ from ``text``.
_PARAGRAPH_COLUMNS = (
    "id, source, label, seq, page, role, lang, section, text, status, "
    "coalesce(first_text, text)"
)
# Enough text to learn how a source capitalises its words; more only costs time.
_CASE_SAMPLE = 200


T = TypeVar("T")


def _decoded(value: str | None) -> Any:
    if not value:
        return None
    try:
        return json.loads(value)
    except ValueError:
        return None


def _author(value: Any) -> Author | None:
    if not isinstance(value, dict):
        return None
    parts = ("family", "given", "literal", "affiliation", "email", "orcid")
    return Author(**{k: v for k, v in value.items() if k in parts and isinstance(v, str)})


def _source(row: tuple[Any, ...]) -> SourceRecord:
    values = dict(zip(_SOURCE_COLUMNS, row, strict=True))
    key = values.pop("key")
    for name in _LIST_COLUMNS:
        items = _decoded(values[name])
        values[name] = tuple(str(i) for i in items) if isinstance(items, list) else ()
    for name in _MAP_COLUMNS:
        mapping = _decoded(values[name])
        values[name] = mapping if isinstance(mapping, dict) else {}
    authors = _decoded(values["authors"])
    values["authors"] = tuple(
        a for a in map(_author, authors if isinstance(authors, list) else []) if a is not None
    )
    return SourceRecord(key, SourceMetadata(**values))


def source(conn: sqlite3.Connection, key: str) -> SourceRecord | None:
    row = conn.execute(
        f"SELECT {', '.join(_SOURCE_COLUMNS)} FROM sources WHERE key = ?", [key]
    ).fetchone()
    return _source(row) if row else None


def sources_at(conn: sqlite3.Connection, rowids: Sequence[int]) -> list[SourceRecord]:
    """The sources of the given rowids, in that order (a search's hits, best first)."""
    return _rows_at(conn, "sources", ", ".join(_SOURCE_COLUMNS), rowids, _source)


def _rows_at(
    conn: sqlite3.Connection, table: str, columns: str, rowids: Sequence[int],
    record: Callable[[tuple[Any, ...]], T],
) -> list[T]:
    """``table``'s rows of the given rowids as records, in the order of ``rowids``."""
    if not rowids:
        return []
    marks = ",".join("?" * len(rowids))
    rows = conn.execute(
        f"SELECT rowid, {columns} FROM {table} WHERE rowid IN ({marks})", list(rowids)
    )
    found = {row[0]: record(row[1:]) for row in rows}
    return [found[r] for r in rowids if r in found]


def has_source(conn: sqlite3.Connection, key: str) -> bool:
    return conn.execute("SELECT 1 FROM sources WHERE key = ?", [key]).fetchone() is not None


def source_title(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT title FROM sources WHERE key = ?", [key]).fetchone()
    return row[0] if row else None


def source_keys(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT key FROM sources ORDER BY key")]


def files(conn: sqlite3.Connection, key: str) -> tuple[FileRecord, ...]:
    rows = conn.execute(
        f"SELECT {_FILE_COLUMNS} FROM files WHERE source = ? ORDER BY first_seen, sha256", [key]
    )
    return tuple(FileRecord(*row) for row in rows)


def file_digests(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    return [(r[0], r[1]) for r in conn.execute(
        "SELECT sha256, source FROM files ORDER BY source, sha256")]


def first_seen(conn: sqlite3.Connection, key: str) -> str | None:
    """The day one of the source's files was captured (a web page's access date): a WARC's
    or MHTML's capture time, else the day the archive first saw the file."""
    row = conn.execute(
        "SELECT min(substr(coalesce(captured_at, first_seen), 1, 10)) FROM files "
        "WHERE source = ?", [key]).fetchone()
    return row[0][:10] if row and row[0] else None


def paragraph(conn: sqlite3.Connection, pid: str) -> ParagraphRecord | None:
    row = conn.execute(f"SELECT {_PARAGRAPH_COLUMNS} FROM paragraphs WHERE id = ?", [pid])
    found = row.fetchone()
    return ParagraphRecord(*found) if found else None


def paragraphs_at(conn: sqlite3.Connection, rowids: Sequence[int]) -> list[ParagraphRecord]:
    """The paragraphs of the given rowids, in that order (a search's hits, best first)."""
    return _rows_at(conn, "paragraphs", _PARAGRAPH_COLUMNS, rowids,
                    lambda row: ParagraphRecord(*row))


def paragraph_by_label(conn: sqlite3.Connection, key: str, label: str) -> ParagraphRecord | None:
    row = conn.execute(
        f"SELECT {_PARAGRAPH_COLUMNS} FROM paragraphs WHERE source = ? AND lower(label) = ?",
        [key, label.lower()],
    ).fetchone()
    return ParagraphRecord(*row) if row else None


def paragraphs(
    conn: sqlite3.Connection, key: str, *, all_statuses: bool = False
) -> tuple[ParagraphRecord, ...]:
    where = "" if all_statuses else "AND status = 'live'"
    rows = conn.execute(
        f"SELECT {_PARAGRAPH_COLUMNS} FROM paragraphs WHERE source = ? {where} ORDER BY seq",
        [key],
    )
    return tuple(ParagraphRecord(*row) for row in rows)


def paragraph_ids(conn: sqlite3.Connection, key: str | None = None) -> list[str]:
    if key is None:
        return [r[0] for r in conn.execute("SELECT id FROM paragraphs ORDER BY source, seq")]
    return [r[0] for r in conn.execute(
        "SELECT id FROM paragraphs WHERE source = ? ORDER BY seq", [key])]


def paragraph_labels(conn: sqlite3.Connection, key: str) -> list[tuple[str, str]]:
    """(ID, label) of every paragraph ever issued in a source."""
    return [(r[0], r[1]) for r in conn.execute(
        "SELECT id, label FROM paragraphs WHERE source = ?", [key])]


def body_texts(conn: sqlite3.Connection, key: str, limit: int = _CASE_SAMPLE) -> tuple[str, ...]:
    """The first live body paragraphs of a source, in reading order."""
    rows = conn.execute(
        "SELECT text FROM paragraphs WHERE source = ? AND status = 'live' AND role = 'body' "
        "AND text IS NOT NULL ORDER BY seq LIMIT ?",
        [key, limit],
    )
    return tuple(row[0] for row in rows)


def _json_list(value: str | None) -> tuple[str, ...]:
    items = _decoded(value)
    return tuple(str(item) for item in items) if isinstance(items, list) else ()


# A version's text is stored only once it differs from its paragraph's (migration 0016);
# a tombstone's entry (no fingerprint) has none.
VERSION_TEXT = "CASE WHEN v.fingerprint IS NULL THEN v.text ELSE coalesce(v.text, p.text) END"
_VERSION_COLUMNS = (
    f"v.match_kind, {VERSION_TEXT}, v.similarity, v.related, f.original_name, v.at, v.review"
)
_VERSIONS_JOINED = (
    "paragraph_versions v LEFT JOIN files f ON f.sha256 = v.file_sha256 "
    "LEFT JOIN paragraphs p ON p.id = v.paragraph_id"
)


def _version(row: tuple[Any, ...]) -> Version:
    kind, text, similarity, related, name, at, review = row
    return Version(kind, text, similarity, _json_list(related), name, at, bool(review))


def versions(conn: sqlite3.Connection, pid: str) -> tuple[Version, ...]:
    rows = conn.execute(
        f"SELECT {_VERSION_COLUMNS} FROM {_VERSIONS_JOINED} "
        "WHERE v.paragraph_id = ? ORDER BY v.id",
        [pid],
    )
    return tuple(map(_version, rows))


def latest_versions(conn: sqlite3.Connection, key: str) -> dict[str, Version]:
    """Each paragraph's last lineage entry: how its label was decided by the latest file."""
    rows = conn.execute(
        f"SELECT v.paragraph_id, {_VERSION_COLUMNS} FROM {_VERSIONS_JOINED} "
        "WHERE v.id IN (SELECT max(id) FROM paragraph_versions WHERE source = ? "
        "GROUP BY paragraph_id)",
        [key],
    )
    return {row[0]: _version(row[1:]) for row in rows}


def naming_ids(conn: sqlite3.Connection, pid: str, key: str) -> list[str]:
    """Other paragraphs of the source whose lineage names ``pid`` (what it went into)."""
    rows = conn.execute(
        "SELECT DISTINCT paragraph_id FROM paragraph_versions "
        "WHERE source = ? AND paragraph_id != ? AND instr(related, ?) > 0 ORDER BY id",
        [key, pid, json.dumps(pid)],
    )
    return [row[0] for row in rows]


def related(conn: sqlite3.Connection, ids: Iterable[str]) -> dict[str, Related]:
    """The status and text of each of ``ids`` that exists."""
    wanted = list(ids)
    if not wanted:
        return {}
    marks = ",".join("?" * len(wanted))
    rows = conn.execute(
        f"SELECT id, status, text FROM paragraphs WHERE id IN ({marks})", wanted
    )
    return {r[0]: Related(r[0], r[1], r[2]) for r in rows}


def field_origins(conn: sqlite3.Connection, key: str) -> tuple[FieldValue, ...]:
    rows = conn.execute(
        "SELECT field, lang, value, origin, chosen, detail FROM metadata_values "
        "WHERE source = ? AND active = 1 ORDER BY field, chosen DESC, priority DESC, id", [key]
    )
    return tuple(
        FieldValue(name, lang, _decoded(value), parse_origin(origin), bool(chosen), detail)
        for name, lang, value, origin, chosen, detail in rows
    )


def neighbours(conn: sqlite3.Connection, key: str, seq: int) -> tuple[str | None, str | None]:
    """The IDs of the live paragraphs just before and just after ``seq`` in a source."""
    before = conn.execute(
        "SELECT id FROM paragraphs WHERE source = ? AND seq < ? AND status = 'live' "
        "ORDER BY seq DESC LIMIT 1", [key, seq],
    ).fetchone()
    after = conn.execute(
        "SELECT id FROM paragraphs WHERE source = ? AND seq > ? AND status = 'live' "
        "ORDER BY seq LIMIT 1", [key, seq],
    ).fetchone()
    return (before[0] if before else None, after[0] if after else None)


def paragraph_view(conn: sqlite3.Connection, pid: str) -> ParagraphView | None:
    found = paragraph(conn, pid)
    if found is None:
        return None
    key = found.source
    previous, following = (
        neighbours(conn, key, found.seq) if found.seq is not None else (None, None)
    )
    return ParagraphView(
        paragraph=found,
        source=source(conn, key),
        accessed=first_seen(conn, key),
        texts=body_texts(conn, key),
        versions=versions(conn, pid),
        origins=field_origins(conn, key),
        previous=previous,
        next=following,
    )


def source_view(conn: sqlite3.Connection, key: str) -> SourceView | None:
    found = source(conn, key)
    if found is None:
        return None
    return SourceView(found, files(conn, key), first_seen(conn, key), body_texts(conn, key))


# The tables that hold a source's rows, and the column naming the source in each; ``ingests``
# rows are shared by many sources and are exported as the ones its files and events name.
SOURCE_TABLES = (
    ("sources", "key"), ("files", "source"), ("paragraphs", "source"),
    ("paragraph_versions", "source"), ("metadata_values", "source"), ("artifacts", "source"),
    ("events", "source"),
)


def source_rows(conn: sqlite3.Connection, key: str) -> SourceRows:
    """Every row of every table that belongs to source *key*, in the order written."""
    tables: list[tuple[str, tuple[dict[str, Any], ...]]] = []
    for table, column in SOURCE_TABLES:
        order = "rowid" if table != "paragraphs" else "seq, rowid"
        cursor = conn.execute(f"SELECT * FROM {table} WHERE {column} = ? ORDER BY {order}", [key])
        names = [d[0] for d in cursor.description]
        tables.append((table, tuple(dict(zip(names, row, strict=True)) for row in cursor)))
    ingest_ids = sorted({r["ingest_id"] for name, rows in tables if name in ("files", "events")
                         for r in rows if r.get("ingest_id") is not None})
    marks = ",".join("?" * len(ingest_ids))
    cursor = conn.execute(f"SELECT * FROM ingests WHERE id IN ({marks}) ORDER BY id", ingest_ids)
    names = [d[0] for d in cursor.description]
    tables.append(("ingests", tuple(dict(zip(names, row, strict=True)) for row in cursor)))
    return SourceRows(key, tuple(tables))


def sources_matching(conn: sqlite3.Connection, match: str) -> list[str]:
    """Keys of the sources whose bibliographic text or paragraphs match the FTS5 expression
    *match* (built by ``archive.search.match_query``)."""
    rows = conn.execute(
        "SELECT key FROM sources WHERE rowid IN (SELECT rowid FROM sources_fts "
        "WHERE sources_fts MATCH :m) OR key IN (SELECT p.source FROM paragraphs p JOIN "
        "paragraphs_fts f ON f.rowid = p.rowid WHERE paragraphs_fts MATCH :m) ORDER BY key",
        {"m": match},
    )
    return [r[0] for r in rows]


def facet_counts(
    conn: sqlite3.Connection, column: str, limit: int
) -> list[tuple[str, int]] | None:
    """The most frequent values of a column of ``paragraphs`` over the whole table, most
    frequent first, from the counts the triggers keep; None when they are not kept."""
    try:
        rows = conn.execute(
            "SELECT value, count FROM paragraph_facets WHERE name = ? "
            "ORDER BY count DESC, value LIMIT ?",
            [column, limit],
        ).fetchall()
    except sqlite3.OperationalError:  # an archive from before migration 0008
        return None
    return [(str(value), int(count)) for value, count in rows]
