"""The events of an ingest's files that need no rows of their own (present already, or
failed), written together: a run of them costs one transaction, not one each."""

from __future__ import annotations

from typing import Final

from ..store import Store
from ..store.events import EventOf, EventWrite


class EventBatch:
    """Events waiting to be written: before the next new file's rows (the events table
    keeps the run's order) and at the end, and at most ``EventBatch.AT_MOST`` at a time."""

    AT_MOST: Final = 500

    def __init__(self, store: Store, ingest_id: int) -> None:
        self._store, self._ingest_id = store, ingest_id
        self._waiting: list[EventOf] = []

    def add(self, event: EventWrite, source: str | None, sha256: str | None) -> None:
        self._waiting.append((event, source, sha256))
        if len(self._waiting) >= self.AT_MOST:
            self.write()

    def write(self) -> None:
        if self._waiting:
            self._store.record_events(self._waiting, self._ingest_id)
            self._waiting.clear()
