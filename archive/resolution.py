"""Resolving a paragraph ID, old or new, to what it names now.

Every ID ever issued resolves: a live paragraph (possibly edited since it was cited), or a
tombstone that says what happened to it (deleted, merged into another, split into several),
with the text as last seen and where it went. An ID that was never issued gets the nearest
IDs that exist, so a mistyped citation still leads somewhere.

The functions take an open ``sqlite3.Connection`` (Datasette runs them in its thread pool via
``Database.execute_fn``) and return frozen values; rendering is the caller's business.
"""

from __future__ import annotations

import difflib
import json
import sqlite3
import unicodedata
from dataclasses import dataclass

from .ids.labels import label_sort_key, parse_paragraph_id

LIVE = "live"
UNKNOWN = "unknown"
TOMBSTONES = ("deleted", "merged", "split")

_SUGGESTIONS = 5


@dataclass(frozen=True, slots=True)
class Version:
    """One row of a paragraph's lineage."""

    match_kind: str | None
    text: str | None
    similarity: float | None
    related: tuple[str, ...]
    file: str | None
    at: str | None


@dataclass(frozen=True, slots=True)
class Related:
    """A paragraph a tombstoned one went into (or came from)."""

    id: str
    status: str
    text: str | None


@dataclass(frozen=True, slots=True)
class Resolution:
    """What an ID names. ``status`` is ``live``, one of ``TOMBSTONES``, or ``unknown``."""

    query: str
    status: str
    id: str | None = None
    source: str | None = None
    text: str | None = None
    first_text: str | None = None
    successors: tuple[Related, ...] = ()
    versions: tuple[Version, ...] = ()
    suggestions: tuple[str, ...] = ()

    @property
    def edited(self) -> bool:
        """True when the text has changed since the ID was first issued."""
        return bool(self.first_text is not None and self.text != self.first_text)

    def as_json(self) -> dict[str, object]:
        return {
            "query": self.query,
            "status": self.status,
            "id": self.id,
            "source": self.source,
            "edited": self.edited,
            "text": self.text,
            "first_text": self.first_text,
            "successors": [
                {"id": r.id, "status": r.status, "text": r.text} for r in self.successors
            ],
            "versions": [
                {
                    "match_kind": v.match_kind,
                    "text": v.text,
                    "similarity": v.similarity,
                    "related": list(v.related),
                    "file": v.file,
                    "at": v.at,
                }
                for v in self.versions
            ],
            "suggestions": list(self.suggestions),
        }


def split_id(value: str) -> tuple[str, str] | None:
    """``(source key, label)`` from an ID in either written form, or None.

    IDs are copied out of papers by hand, so compatibility forms (full-width letters, no-break
    spaces) are folded first; the forms themselves are those of ``archive.ids``.
    """
    return parse_paragraph_id(unicodedata.normalize("NFKC", value))


def _json_list(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    try:
        items = json.loads(value)
    except ValueError:
        return ()
    return tuple(str(item) for item in items) if isinstance(items, list) else ()


def versions_of(conn: sqlite3.Connection, pid: str) -> tuple[Version, ...]:
    rows = conn.execute(
        "SELECT v.match_kind, v.text, v.similarity, v.related, f.original_name, v.at "
        "FROM paragraph_versions v LEFT JOIN files f ON f.sha256 = v.file_sha256 "
        "WHERE v.paragraph_id = ? ORDER BY v.id",
        [pid],
    ).fetchall()
    return tuple(
        Version(kind, text, similarity, _json_list(related), name, at)
        for kind, text, similarity, related, name, at in rows
    )


def _related(conn: sqlite3.Connection, pid: str, source: str, own: tuple[str, ...]) -> list[str]:
    """IDs this one went into: named by its own tombstone, or naming it in their lineage."""
    found = list(dict.fromkeys(own))
    needle = json.dumps(pid)
    rows = conn.execute(
        "SELECT DISTINCT paragraph_id FROM paragraph_versions "
        "WHERE source = ? AND paragraph_id != ? AND instr(related, ?) > 0 ORDER BY id",
        [source, pid, needle],
    ).fetchall()
    for (other,) in rows:
        if other not in found:
            found.append(other)
    return [other for other in found if other != pid]


def _label_key(label: str) -> tuple[int, str]:
    try:
        return label_sort_key(label)
    except ValueError:  # a label from an older scheme still sorts, after the rest
        return (10**9, label)


def _suggest(conn: sqlite3.Connection, key: str | None, label: str | None) -> tuple[str, ...]:
    """The IDs nearest to one that does not exist: same source, closest labels."""
    if key is None:
        return ()
    keys = [key]
    if conn.execute("SELECT 1 FROM sources WHERE key = ?", [key]).fetchone() is None:
        every = [row[0] for row in conn.execute("SELECT key FROM sources")]
        keys = difflib.get_close_matches(key, every, n=2, cutoff=0.6)
    target = _label_key(label or "1")
    suggestions: list[str] = []
    for candidate in keys:
        rows = conn.execute(
            "SELECT id, label FROM paragraphs WHERE source = ?", [candidate]
        ).fetchall()
        rows.sort(key=lambda r: (abs(_label_key(r[1])[0] - target[0]), _label_key(r[1])))
        suggestions.extend(pid for pid, _ in rows[:_SUGGESTIONS])
    return tuple(suggestions[:_SUGGESTIONS])


_Found = tuple[tuple[str, ...] | None, str | None, str | None]


def _find(conn: sqlite3.Connection, query: str) -> _Found:
    columns = "id, source, status, text, first_text"
    row = conn.execute(f"SELECT {columns} FROM paragraphs WHERE id = ?", [query.strip()]).fetchone()
    parts = split_id(query)
    if row is None and parts is not None:
        row = conn.execute(
            f"SELECT {columns} FROM paragraphs WHERE source = ? AND lower(label) = ?", parts
        ).fetchone()
    key, label = parts if parts else (None, None)
    return row, key, label


def resolve(conn: sqlite3.Connection, query: str) -> Resolution:
    """Resolve ``query`` (an ID in either form) against the archive database."""
    row, key, label = _find(conn, query)
    if row is None:
        return Resolution(query=query, status=UNKNOWN, suggestions=_suggest(conn, key, label))
    pid, source, status, text, first_text = row
    versions = versions_of(conn, pid)
    successors: tuple[Related, ...] = ()
    if status != LIVE:
        own = versions[-1].related if versions else ()
        ids = _related(conn, pid, source, own)
        if ids:
            marks = ",".join("?" * len(ids))
            found = {
                r[0]: Related(r[0], r[1], r[2])
                for r in conn.execute(
                    f"SELECT id, status, text FROM paragraphs WHERE id IN ({marks})", ids
                )
            }
            successors = tuple(found.get(i, Related(i, UNKNOWN, None)) for i in ids)
    return Resolution(
        query=query,
        status=status or LIVE,
        id=pid,
        source=source,
        text=text,
        first_text=first_text,
        successors=successors,
        versions=versions,
    )
