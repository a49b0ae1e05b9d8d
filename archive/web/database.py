"""The database Datasette serves that holds the archive."""

from __future__ import annotations

from typing import Any

from datasette.database import Database

DEFAULT_DATABASE = "archive"


async def archive_database(datasette: Any) -> Database | None:
    """The database holding the archive: ``archive`` when attached, else the first with
    ``paragraphs`` and ``sources`` tables (so a renamed copy of ``archive.db`` still works)."""
    named = datasette.databases.get(DEFAULT_DATABASE)
    candidates = [named] if named is not None else []
    candidates += [db for db in datasette.databases.values() if db is not named]
    for db in candidates:
        if db.name != "_internal" and await is_archive(db):
            return db
    return None


async def is_archive(db: Database) -> bool:
    tables = await db.table_names()
    return "paragraphs" in tables and "sources" in tables
