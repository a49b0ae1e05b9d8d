"""Files read and hashed ahead of the writer, by threads, and handed back in their order.

Hashing is most of what a folder ingested again costs: every file is read and hashed to
learn that the archive has it. ``hashlib`` and file reads let go of the GIL over large
buffers, so two threads hash two files at once, and the run takes about what reading and
hashing the bytes takes on the cores there are. At most ``window`` files are held in memory.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import ArchiveError
from ..hashing import sha256_hex
from .inputs import read_at_most


class ReadFile:
    """One path as given: its bytes and their SHA-256, or why it could not be read."""

    # A plain class: a dataclass's machinery costs more at import than a run of files the
    # archive already has costs in all.
    __slots__ = ("data", "done", "error", "path", "sha256")

    def __init__(self, path: Path, error: ArchiveError | OSError | None) -> None:
        self.path = path
        self.error = error
        self.data: bytes | None = None
        self.sha256: str | None = None
        self.done = threading.Event()


def read_ahead(files: Iterable[tuple[Path, ArchiveError | None]], max_bytes: int, *,
               threads: int = 2, window: int = 4) -> Iterator[ReadFile]:
    """Each file of ``files`` (paths with the error that stops them being read, if any)
    read up to ``max_bytes`` and hashed, in the order given."""
    work = _Work()
    workers = [threading.Thread(target=_read_each, args=(work, max_bytes), daemon=True)
               for _ in range(threads)]
    for worker in workers:
        worker.start()
    ahead: deque[ReadFile] = deque()
    given = iter(files)
    try:
        while True:
            while len(ahead) < window:
                nxt = next(given, None)
                if nxt is None:
                    break
                item = ReadFile(*nxt)
                ahead.append(item)
                if item.error is None:
                    work.put(item)
                else:
                    item.done.set()
            if not ahead:
                return
            item = ahead.popleft()
            item.done.wait()
            yield item
    finally:
        for _ in workers:
            work.put(None)
        for worker in workers:
            worker.join()


class _Work:
    """Files handed to the threads, first in first out (``queue`` costs more to import than
    a run of files already kept takes to hash)."""

    def __init__(self) -> None:
        self._items: deque[ReadFile | None] = deque()
        self._ready = threading.Semaphore(0)

    def put(self, item: ReadFile | None) -> None:
        self._items.append(item)
        self._ready.release()

    def get(self) -> ReadFile | None:
        self._ready.acquire()
        return self._items.popleft()


def _read_each(work: _Work, max_bytes: int) -> None:
    while (item := work.get()) is not None:
        try:
            item.data = read_at_most(item.path, max_bytes)
            item.sha256 = sha256_hex(item.data)
        except (OSError, ArchiveError) as exc:
            item.error = exc
        finally:
            item.done.set()
