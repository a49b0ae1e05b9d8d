"""Resolving a paragraph ID, old or new, to what it names now.

Every ID ever issued resolves: a live paragraph (possibly edited since it was cited), or a
tombstone that says what happened to it (deleted, merged into another, split into several),
with the text as last seen and where it went. An ID that was never issued gets the nearest
IDs that exist, so a mistyped citation still leads somewhere.

``resolve`` takes an open ``sqlite3.Connection`` (Datasette runs it in its thread pool via
``Database.execute_fn``), reads through ``archive.store.read`` and returns a frozen
``Resolution``; rendering is the caller's business.
"""

from __future__ import annotations

import difflib
import sqlite3
import unicodedata

from ..ids.labels import label_sort_key, parse_paragraph_id
from ..models import LIVE
from ..store import read
from ..store.records import UNKNOWN, ParagraphRecord, Related, Resolution

_SUGGESTIONS = 5


def split_id(value: str) -> tuple[str, str] | None:
    """``(source key, label)`` from an ID in either written form, or None.

    IDs are copied out of papers by hand, so compatibility forms (full-width letters, no-break
    spaces) are folded first; the forms themselves are those of ``archive.ids``.
    """
    return parse_paragraph_id(unicodedata.normalize("NFKC", value))


def _successor_ids(conn: sqlite3.Connection, pid: str, key: str, own: tuple[str, ...]) -> list[str]:
    """IDs this one went into: named by its own tombstone, or naming it in their lineage."""
    found = list(dict.fromkeys(own))
    for other in read.naming_ids(conn, pid, key):
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
    if not read.has_source(conn, key):
        keys = difflib.get_close_matches(key, read.source_keys(conn), n=2, cutoff=0.6)
    target = _label_key(label or "1")
    suggestions: list[str] = []
    for candidate in keys:
        rows = read.paragraph_labels(conn, candidate)
        rows.sort(key=lambda r: (abs(_label_key(r[1])[0] - target[0]), _label_key(r[1])))
        suggestions.extend(pid for pid, _ in rows[:_SUGGESTIONS])
    return tuple(suggestions[:_SUGGESTIONS])


_Found = tuple[ParagraphRecord | None, str | None, str | None]


def _find(conn: sqlite3.Connection, query: str) -> _Found:
    found = read.paragraph(conn, query.strip())
    parts = split_id(query)
    if found is None and parts is not None:
        found = read.paragraph_by_label(conn, *parts)
    key, label = parts if parts else (None, None)
    return found, key, label


def resolve(conn: sqlite3.Connection, query: str) -> Resolution:
    """Resolve ``query`` (an ID in either form) against the archive database."""
    found, key, label = _find(conn, query)
    if found is None:
        return Resolution(query=query, status=UNKNOWN, suggestions=_suggest(conn, key, label))
    versions = read.versions(conn, found.id)
    successors: tuple[Related, ...] = ()
    if found.status != LIVE:
        own = versions[-1].related if versions else ()
        ids = _successor_ids(conn, found.id, found.source, own)
        known = read.related(conn, ids)
        successors = tuple(known.get(i, Related(i, UNKNOWN, None)) for i in ids)
    return Resolution(
        query=query,
        status=found.status or LIVE,
        id=found.id,
        source=found.source,
        text=found.text,
        first_text=found.first_text,
        successors=successors,
        versions=versions,
    )
