"""Archive databases as earlier versions left them, for tests of the migrations."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from archive.store.schema import MIGRATIONS


def database_before(path: Path, migration: str) -> sqlite_utils.Database:
    """A database at ``path`` with every migration before ``migration`` applied and recorded,
    as an archive made by the version before it has it."""
    db = sqlite_utils.Database(path)
    db.table("_migrations").create({"name": str, "applied_at": str}, pk="name")
    for name, step in MIGRATIONS:
        if name == migration:
            return db
        step(db)
        db.table("_migrations").insert({"name": name, "applied_at": "then"})
    raise ValueError(f"no migration {migration!r}")
