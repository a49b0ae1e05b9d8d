"""The content-addressed object store: original bytes, kept forever, never overwritten.

Layout: ``<home>/objects/sha256/ab/cd/<hex>`` where ``ab`` and ``cd`` are the first two byte
pairs of the hex digest. Objects are written to a temporary file in the same directory, flushed
to disk, made read-only and renamed into place, so a crash never leaves a partial object under a
final name, and an existing object is never rewritten.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .errors import StoreError
from .hashing import ALGORITHM, sha256_hex


@dataclass(frozen=True, slots=True)
class ObjectStore:
    root: Path  # <home>/objects

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
        try:
            final.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=final.parent, prefix=".incoming-")
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
        path = self.path_for(digest)
        return path.is_file() and sha256_hex(path.read_bytes()) == digest
