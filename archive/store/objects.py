"""The content-addressed object store: original bytes, kept forever, never overwritten.

Layout: ``<home>/objects/sha256/ab/cd/<hex>`` where ``ab`` and ``cd`` are the first two byte
pairs of the hex digest. Objects are written to a temporary file in the same directory, flushed
to disk, made read-only and renamed into place, so a crash never leaves a partial object under a
final name, and an existing object is never rewritten. A crash can leave the temporary file
(``.incoming-<pid>-*``, named after the writing process); the next ingest removes those
whose writer is gone, and any older than ``STALE_SECONDS`` (the process id may have been
reused).
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

from ..errors import StoreError
from ..hashing import ALGORITHM, sha256_hex

# A temporary object file older than this was left by a writer that died mid-write.
STALE_SECONDS = 3600.0


def process_alive(pid: int) -> bool:
    """Whether a process with this id runs (on this machine) now."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, under another user
        return True
    return True


class ObjectStore:
    """The objects under ``root`` (``<home>/objects``)."""

    __slots__ = ("root",)

    def __init__(self, root: Path) -> None:
        self.root = root

    def path_for(self, digest: str) -> Path:
        return self.root / ALGORITHM / digest[:2] / digest[2:4] / digest

    def has(self, digest: str) -> bool:
        return self.path_for(digest).is_file()

    def put(self, data: bytes, digest: str | None = None) -> str:
        """Store bytes under their SHA-256; return the digest. Idempotent."""
        digest = digest or sha256_hex(data)
        final = self.path_for(digest)
        if final.is_file():
            return digest
        import tempfile  # only for bytes not kept yet: a folder ingested again needs none

        try:
            final.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=final.parent, prefix=f".incoming-{os.getpid()}-")
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(data)
                    handle.flush()
                    os.fsync(handle.fileno())
                os.chmod(tmp, 0o444)
                if final.exists():  # another writer won the race with the same bytes
                    os.unlink(tmp)
                else:
                    os.replace(tmp, final)
            except BaseException:
                if os.path.exists(tmp):
                    os.unlink(tmp)
                raise
        except OSError as exc:
            raise StoreError(f"{final}: cannot store object: {exc.strerror or exc}") from exc
        return digest

    def read(self, digest: str) -> bytes:
        try:
            return self.path_for(digest).read_bytes()
        except OSError as exc:
            raise StoreError(f"object {digest} is missing from {self.root}") from exc

    def verify(self, digest: str) -> bool:
        """Fixity: do the stored bytes still hash to their name?"""
        return self.problem(digest) is None

    def problem(self, digest: str) -> str | None:
        """What is wrong with the stored object, or None when its bytes hash to its name."""
        path = self.path_for(digest)
        if not path.is_file():
            return "object missing"
        try:
            data = path.read_bytes()
        except OSError as exc:
            return f"cannot read the object: {exc.strerror or exc}"
        return None if sha256_hex(data) == digest else "stored bytes no longer match"

    def digests(self) -> Iterator[str]:
        """Every object stored, by digest (temporary files of unfinished writes left out)."""
        base = self.root / ALGORITHM
        for path in sorted(base.glob("??/??/*")) if base.is_dir() else ():
            if not path.name.startswith(".") and path.is_file():
                yield path.name

    def remove_stale_temporaries(self, older_than: float = STALE_SECONDS) -> int:
        """Delete what writers killed mid-write left behind; return how many.

        A temporary file goes when the process named in it is gone, or when it is older
        than ``older_than`` seconds: a concurrent writer's file is still in use.
        """
        base = self.root / ALGORITHM
        cutoff = time.time() - older_than
        removed = 0
        for path in base.glob("??/??/.incoming-*") if base.is_dir() else ():
            writer = path.name.split("-")[1]
            orphaned = writer.isdecimal() and not process_alive(int(writer))
            try:
                if orphaned or path.stat().st_mtime < cutoff:
                    path.unlink()
                    removed += 1
            except OSError:
                continue  # gone already, or not ours to remove: the next run tries again
        return removed
