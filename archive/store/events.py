"""An event of a source's provenance (PREMIS-style), as the store records it.

A module of its own, and a named tuple rather than one of the write plans' dataclasses: a
file the archive already has is recorded by its ``duplicate`` event alone, and recording it
loads nothing of what a new file's plan is made of.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import Any, Literal, NamedTuple

# The events of a source's provenance, as ``events.type`` holds them.
EventType = Literal[
    "ingestion", "new-manifestation", "duplicate", "ingest-failed", "warning", "capture",
    "metadata-override", "fixity",
]


class EventWrite(NamedTuple):
    type: EventType
    outcome: str
    detail: dict[str, Any]  # what it concerns: the file's name, the sidecar, the problem


# An event to record: what happened, the source and the file (by digest) it concerns.
EventOf = tuple[EventWrite, str | None, str | None]


def insert_events(conn: sqlite3.Connection, events: Iterable[EventOf], ingest_id: int | None,
                  at: str) -> None:
    conn.executemany(
        "INSERT INTO events (at, type, source, file_sha256, ingest_id, outcome, detail) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(at, event.type, source, sha256, ingest_id, event.outcome,
          json.dumps(event.detail, ensure_ascii=False, sort_keys=True))
         for event, source, sha256 in events],
    )
