"""Content hashes. The algorithm name is stored beside every digest so it can change one day."""

from __future__ import annotations

import hashlib

ALGORITHM = "sha256"


def sha256_hex(data: bytes) -> str:
    """Hex SHA-256 of the exact bytes of a file: a file's identity in the archive."""
    return hashlib.sha256(data).hexdigest()
