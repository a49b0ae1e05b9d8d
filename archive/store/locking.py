"""Locks and transactions: an exclusive lock on a file of the home, and one transaction
(or a savepoint inside another) on a plain ``sqlite3`` connection."""

from __future__ import annotations

import fcntl
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def locked(path: Path, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` (created if need be); the kernel releases it when
    the process dies, so a killed holder never blocks the next one."""
    with open(path, "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait is not None:
                on_wait()
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextmanager
def atomic(conn: sqlite3.Connection) -> Iterator[None]:
    """One transaction (a savepoint inside another), as ``sqlite_utils.Database.atomic``."""
    if conn.in_transaction:
        conn.execute("SAVEPOINT archive_write")
        try:
            yield
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK TO SAVEPOINT archive_write")
                conn.execute("RELEASE SAVEPOINT archive_write")
            raise
        conn.execute("RELEASE SAVEPOINT archive_write")
        return
    conn.execute("BEGIN")
    try:
        yield
    except BaseException:
        conn.rollback()
        raise
    conn.commit()
