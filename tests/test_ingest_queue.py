"""Ingest with workers: the analyses not yet sent go in the order the writer takes them."""

from __future__ import annotations

import threading
from concurrent.futures import Executor, ThreadPoolExecutor
from pathlib import Path

import pytest

import archive.ingest.run
import archive.ingest.workers
from archive.errors import ArchiveError
from archive.ingest.workers import Workers
from archive.store import Store


class _OneThread(Workers):
    """One analysis at a time, in this process: the order they run in is observable."""

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1)

    @property
    def slots(self) -> int:
        return 1

    def executor(self) -> Executor:
        return self._pool

    def task_input(self, stored: Path) -> str:
        return str(stored)

    def close(self) -> None:
        self._pool.shutdown(cancel_futures=True)


def test_analyses_not_yet_sent_go_in_the_writers_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[str] = []
    release = threading.Event()

    def analyse(original: str, *_: object) -> ArchiveError:
        started.append(Path(original).name)
        release.wait(10)  # the first holds the only worker while the rest are handed out
        return ArchiveError("not analysed here")

    # Where the run finds it when the first new file comes.
    monkeypatch.setattr(archive.ingest.workers, "analyse_original", analyse)
    with Store.open(tmp_path / "home") as store, _OneThread() as workers:
        digests = [store.objects.put(f"file {k}".encode()) for k in range(6)]
        writer = sorted(digests)
        with archive.ingest.run._Analyses(store, workers,
                                          archive.ingest.run.DEFAULT_LIMITS) as analyses:
            for digest in digests:
                analyses.hand_out(digest)
            analyses.reorder(writer)
            release.set()
            results = [analyses.of(d) for d in writer]
    assert all(isinstance(r, ArchiveError) for r in results)
    # Two (twice the workers' slots) were sent as they came; the rest in the writer's order.
    sent_first = digests[:2]
    assert started == sent_first + [d for d in writer if d not in sent_first]
    assert started[2:] != [d for d in digests if d not in sent_first]  # not the paths' order
