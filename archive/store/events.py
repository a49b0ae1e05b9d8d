"""An event of a source's provenance (PREMIS-style), as the store records it.

A module of its own, and a named tuple rather than one of the write plans' dataclasses: a
file the archive already has is recorded by its ``duplicate`` event alone, and recording it
loads nothing of what a new file's plan is made of.
"""

from __future__ import annotations

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
