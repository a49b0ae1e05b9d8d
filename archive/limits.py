"""What a file must hold to be ingested, as ``archive ingest --max-mb`` and ``--min-letters``
set it.

A module of its own, and a named tuple rather than a dataclass: the command line builds one
for every ingest, and a folder ingested again (every file already kept) loads neither the
pipeline's records nor the dataclass machinery.
"""

from __future__ import annotations

from typing import NamedTuple


class Limits(NamedTuple):
    """Not more bytes than the archive is meant to read (a runaway download, a disk image),
    and enough letters to cite (a file holding ``a`` is no source)."""

    max_bytes: int = 100 * 2**20
    min_letters: int = 20

    @classmethod
    def of(cls, max_mb: float, min_letters: int) -> Limits:
        """The limits as the command line gives them: the size in megabytes (MiB)."""
        return cls(max_bytes=int(max_mb * 2**20), min_letters=min_letters)

    @property
    def max_mb(self) -> float:
        return self.max_bytes / 2**20


DEFAULT_LIMITS = Limits()
