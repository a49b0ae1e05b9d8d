"""Fixity: do the stored originals still hash to what was recorded? Each check is an event."""

from __future__ import annotations

from dataclasses import dataclass

from .store import Store
from .store.plans import EventWrite
from .store.read import file_digests


@dataclass(frozen=True, slots=True)
class FixityResult:
    sha256: str
    source: str
    ok: bool
    problem: str | None = None

    def as_json(self) -> dict[str, object]:
        return {"sha256": self.sha256, "source": self.source, "ok": self.ok,
                "problem": self.problem}


def verify_all(store: Store) -> list[FixityResult]:
    results = []
    for sha256, source in file_digests(store.db.conn):
        if not store.objects.has(sha256):
            result = FixityResult(sha256, source, False, "object missing")
        elif not store.objects.verify(sha256):
            result = FixityResult(sha256, source, False, "stored bytes no longer match")
        else:
            result = FixityResult(sha256, source, True)
        store.record_event(
            EventWrite("fixity", "ok" if result.ok else "failed",
                       {} if result.ok else {"problem": result.problem}),
            source=source, sha256=sha256, ingest_id=None,
        )
        results.append(result)
    return results
