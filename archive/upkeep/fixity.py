"""Fixity and soundness: do the stored originals still hash to what was recorded, does the
database hold together, and does every object belong to something? Each file check is an
event."""

from __future__ import annotations

from dataclasses import dataclass

from ..store import Store
from ..store.events import EventWrite
from ..store.read import file_digests


@dataclass(frozen=True, slots=True)
class FixityResult:
    sha256: str
    source: str
    ok: bool
    problem: str | None = None

    def as_json(self) -> dict[str, object]:
        return {"sha256": self.sha256, "source": self.source, "ok": self.ok,
                "problem": self.problem}


@dataclass(frozen=True, slots=True)
class VerifyReport:
    files: tuple[FixityResult, ...]
    integrity: tuple[str, ...]  # what PRAGMA integrity_check found; empty when sound
    unreferenced: tuple[str, ...]  # objects no file and no failed ingest refers to

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.files) and not self.integrity and not self.unreferenced

    def summary(self) -> dict[str, int]:
        failed = sum(not r.ok for r in self.files)
        return {"ok": len(self.files) - failed, "failed": failed,
                "integrity_problems": len(self.integrity),
                "unreferenced_objects": len(self.unreferenced)}

    def as_json(self) -> dict[str, object]:
        return {"files": [r.as_json() for r in self.files],
                "database": {"integrity": list(self.integrity)},
                "unreferenced_objects": list(self.unreferenced),
                "summary": self.summary(), "ok": self.ok}


def verify_all(store: Store) -> VerifyReport:
    results = []
    for sha256, source in file_digests(store.conn):
        problem = store.objects.problem(sha256)
        result = FixityResult(sha256, source, problem is None, problem)
        store.record_event(
            EventWrite("fixity", "ok" if result.ok else "failed",
                       {} if result.ok else {"problem": result.problem}),
            source=source, sha256=sha256, ingest_id=None,
        )
        results.append(result)
    referenced = store.referenced_digests()
    unreferenced = tuple(d for d in store.objects.digests() if d not in referenced)
    return VerifyReport(tuple(results), tuple(store.integrity_problems()), unreferenced)
