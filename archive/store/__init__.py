"""The store: the archive home, its SQLite database and its object store. All SQL lives here.

An archive home is one directory::

    <home>/archive.db                  the database (sqlite-utils, migrations in schema.py)
    <home>/objects/sha256/ab/cd/<hex>  original bytes, read-only, never overwritten

Writes for one file happen in one transaction (``write_file``): a failure leaves the
database as it was before that file.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from ..errors import StoreError
from .events import insert_events
from .locking import atomic, locked
from .objects import ObjectStore, process_alive
from .schema import MIGRATIONS

if TYPE_CHECKING:
    # sqlite-utils (and the numpy it loads) costs more than a short command's whole run:
    # it is imported when something is written through it, or the schema is migrated.
    # The pipeline's records (and the dataclass machinery) are imported by the reads that
    # return them: a folder ingested again needs none of them.
    import sqlite_utils

    from ..models import Candidate
    from .events import EventOf, EventWrite
    from .plans import FileWrite, MetadataWrite, RestoreWrite
    from .source_forms import Terms

DB_NAME = "archive.db"
# Lock files in the home: one while the database is created or migrated, one while an
# ingest runs. Readers take neither.
_OPEN_LOCK = ".lock-open"
_INGEST_LOCK = ".lock-ingest"


def _migrated(conn: sqlite3.Connection) -> bool:
    """Has every migration of this version been applied? A plain read, so that opening a
    current archive needs neither the lock nor sqlite-utils."""
    try:
        done = {row[0] for row in conn.execute("SELECT name FROM _migrations")}
    except sqlite3.OperationalError:  # no such table: a new archive
        return False
    return all(name in done for name, _ in MIGRATIONS)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class LiveParagraph(NamedTuple):
    label: str
    text: str


class Store:
    """An open archive home. Use ``Store.open(home)``; close with ``close()`` or ``with``."""

    def __init__(self, home: Path, conn: sqlite3.Connection) -> None:
        self.home = home
        self.conn = conn
        self.objects = ObjectStore(home / "objects")

    @cached_property
    def db(self) -> sqlite_utils.Database:
        """The connection as sqlite-utils sees it, for the row writers; built on first use."""
        import sqlite_utils

        return sqlite_utils.Database(self.conn)

    @classmethod
    def open(cls, home: Path | str, *, create: bool = True) -> Store:
        """Open the archive at ``home``; with ``create=False`` a home without an archive is
        an error, so that a mistyped ``--home`` never starts a new, empty archive."""
        home = Path(home)
        if not create and not (home / DB_NAME).is_file():
            raise StoreError(
                f"{home}: no archive here",
                hint="check --home or ARCHIVE_HOME; `archive ingest` creates an archive",
            )
        try:
            home.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(home / DB_NAME, timeout=30)
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA recursive_triggers=ON")  # as sqlite-utils sets it
            if not _migrated(conn):
                # Two processes opening a new home at once would both create the tables.
                with locked(home / _OPEN_LOCK):
                    import sqlite_utils

                    from .schema import migrate

                    db = sqlite_utils.Database(conn)
                    db.execute("PRAGMA journal_mode=WAL")
                    migrate(db)
        except (OSError, sqlite3.DatabaseError) as exc:
            raise StoreError(f"{home}: cannot open the archive: {exc}") from exc
        return cls(home, conn)

    @property
    def db_path(self) -> Path:
        return self.home / DB_NAME

    def close(self) -> None:
        self.conn.close()

    def checkpoint(self) -> None:
        """Move everything written into the database file itself (out of the WAL), so that a
        reader that only reads the file (an immutable one) sees all of it."""
        try:
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.home}: cannot checkpoint the database: {exc}") from exc

    def copy_to(self, dest: Path) -> None:
        """A consistent copy of the database at ``dest`` (a new file), as of one moment:
        ``VACUUM INTO`` reads one snapshot, so an ingest running meanwhile is in the copy
        whole or not at all. The copy is compacted and keeps no WAL of its own."""
        try:
            self.conn.execute("VACUUM INTO ?", (str(dest),))
            copy = sqlite3.connect(dest)
            try:
                copy.execute("PRAGMA journal_mode = DELETE")
            finally:
                copy.close()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{dest}: cannot copy the database: {exc}") from exc

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- runs -------------------------------------------------------------------------

    @contextmanager
    def ingesting(self, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
        """One ingest at a time per home: identifying a file (is it known? which key?) and
        writing it must not interleave with another writer's. A second ingest waits for the
        first (``on_wait`` is told); readers never wait."""
        try:
            with locked(self.home / _INGEST_LOCK, on_wait):
                yield
        except OSError as exc:
            raise StoreError(f"{self.home}: cannot lock the archive: {exc}") from exc

    def start_ingest(self, tool_version: str) -> int:
        """Record a new run; first mark runs whose process is gone as interrupted."""
        conn = self.conn
        with atomic(conn):
            running = conn.execute(
                "SELECT id, pid FROM ingests WHERE status = 'running'"
            ).fetchall()
            for run_id, pid in running:
                if pid is None or not process_alive(pid):
                    conn.execute(
                        "UPDATE ingests SET status = 'interrupted', finished_at = ? WHERE id = ?",
                        (now(), run_id),
                    )
            cursor = conn.execute(
                "INSERT INTO ingests (started_at, tool_version, pid, status) "
                "VALUES (?, ?, ?, 'running')", (now(), tool_version, os.getpid()),
            )
            assert cursor.lastrowid is not None  # set by the insert just made
            return int(cursor.lastrowid)

    def finish_ingest(self, ingest_id: int, counts: dict[str, int]) -> None:
        columns = {"finished_at": now(), "status": "finished", **counts}
        # The names are the run's fixed counters (``IngestReport.counts``), never user input.
        assignments = ", ".join(f"[{name}] = ?" for name in columns)
        with atomic(self.conn):
            self.conn.execute(f"UPDATE ingests SET {assignments} WHERE id = ?",
                              (*columns.values(), ingest_id))

    # ---- what verify checks -----------------------------------------------------------

    def integrity_problems(self) -> list[str]:
        """What SQLite's own check, and FTS5's of each full-text index, find wrong with the
        database file; empty when sound."""
        rows = [row[0] for row in self.conn.execute("PRAGMA integrity_check").fetchall()]
        problems = [] if rows == ["ok"] else rows
        for index in ("paragraphs_fts", "paragraphs_stems", "sources_fts", "sources_stems"):
            try:
                self.conn.execute(f"INSERT INTO {index}({index}) VALUES ('integrity-check')")
            except sqlite3.DatabaseError as exc:
                problems.append(f"{index}: {exc}")
        return problems

    def referenced_digests(self) -> set[str]:
        """Objects the database points at: every file's, and the bytes of failed files."""
        rows = self.conn.execute(
            "SELECT sha256 FROM files UNION SELECT file_sha256 FROM events "
            "WHERE type = 'ingest-failed' AND file_sha256 IS NOT NULL"
        )
        return {row[0] for row in rows}

    # ---- lookups used while identifying a file ----------------------------------------

    def file_source(self, sha256: str) -> str | None:
        row = self.conn.execute("SELECT source FROM files WHERE sha256 = ?", [sha256]).fetchone()
        return row[0] if row else None

    def source_exists(self, key: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM sources WHERE key = ?", [key]).fetchone()
        return row is not None

    def source_by_doi(self, doi: str) -> str | None:
        row = self.conn.execute(
            "SELECT key FROM sources WHERE lower(doi) = lower(?) ORDER BY created_at LIMIT 1", [doi]
        ).fetchone()
        return row[0] if row else None

    def source_by_url(self, urls: Sequence[str]) -> str | None:
        """The first source whose URL, or one of whose files' capture addresses, is one of
        ``urls`` (spellings of one address: the caller lists them)."""
        if not urls:
            return None
        marks = ",".join("?" * len(urls))
        row = self.conn.execute(
            f"SELECT key FROM sources WHERE url IN ({marks}) OR key IN "
            f"(SELECT source FROM files WHERE url IN ({marks})) ORDER BY created_at LIMIT 1",
            [*urls, *urls],
        ).fetchone()
        return row[0] if row else None

    def sources_sharing_fingerprints(self, fingerprints: Sequence[str]) -> list[tuple[str, int]]:
        """Sources whose live paragraphs have any of ``fingerprints``, most shared first."""
        counts: dict[str, int] = {}
        unique = sorted(set(fingerprints))
        for start in range(0, len(unique), 500):
            chunk = unique[start : start + 500]
            marks = ",".join("?" * len(chunk))
            # ``+status``: the status index would read every live paragraph of the archive.
            for key, count in self.conn.execute(
                f"SELECT source, count(*) FROM paragraphs WHERE fingerprint IN ({marks}) "
                "AND +status = 'live' GROUP BY source",
                chunk,
            ):
                counts[key] = counts.get(key, 0) + count
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))

    def keys_like(self, base: str) -> list[str]:
        """``base`` and the keys minted after it on collision (``base-b``, ``base-c``, …)."""
        rows = self.conn.execute(
            "SELECT key FROM sources WHERE key = ? OR key GLOB ? ORDER BY key",
            [base, base + "-[a-z]*"],
        )
        return [row[0] for row in rows]

    def sources_by_title(self, title: str | None) -> list[str]:
        if not title:
            return []
        rows = self.conn.execute(
            "SELECT key FROM sources WHERE lower(title) = lower(?) ORDER BY key", [title]
        )
        return [row[0] for row in rows]

    def live_paragraphs(self, key: str) -> list[LiveParagraph]:
        rows = self.conn.execute(
            "SELECT label, text FROM paragraphs WHERE source = ? AND status = 'live' ORDER BY seq",
            [key],
        )
        return [LiveParagraph(label, text) for label, text in rows]

    def retired_paragraphs(self, key: str) -> list[LiveParagraph]:
        """Tombstoned paragraphs with their last text: a later file may bring their words back."""
        rows = self.conn.execute(
            "SELECT label, text FROM paragraphs WHERE source = ? AND status != 'live' "
            "ORDER BY seq", [key],
        )
        return [LiveParagraph(label, text) for label, text in rows]

    def active_candidates(self, key: str) -> list[tuple[int, Candidate]]:
        """The metadata candidates in force for a source, with their row ids, oldest first."""
        from ..models import Candidate
        from ..origins import parse as parse_origin

        rows = self.conn.execute(
            "SELECT id, field, value, origin, lang, detail, priority FROM metadata_values "
            "WHERE source = ? AND active = 1 ORDER BY id",
            [key],
        )
        return [
            (row_id, Candidate(field, json.loads(value), parse_origin(origin), lang, detail,
                                priority))
            for row_id, field, value, origin, lang, detail, priority in rows
        ]

    def labels_ever_issued(self, key: str) -> set[str]:
        rows = self.conn.execute("SELECT label FROM paragraphs WHERE source = ?", [key])
        return {row[0] for row in rows}

    # ---- writes -----------------------------------------------------------------------

    def write_file(self, plan: FileWrite, ingest_id: int, terms: Terms) -> None:
        """Write one file's source, paragraphs, lineage, metadata and events atomically;
        ``terms(text, lang)`` gives the word-form index's terms of a stored paragraph, to
        take out those of the paragraphs this file changes."""
        try:
            from .write import write_file_rows

            with self.db.atomic():
                write_file_rows(self.db, plan, ingest_id, now(), terms)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"database write failed for {plan.original_name}: {exc}") from exc

    def record_event(
        self, event: EventWrite, *, source: str | None, sha256: str | None, ingest_id: int | None
    ) -> None:
        self.record_events([(event, source, sha256)], ingest_id)

    def record_events(self, events: Iterable[EventOf], ingest_id: int | None) -> None:
        """Events, each with its source and file, in one transaction."""
        with atomic(self.conn):
            insert_events(self.conn, events, ingest_id, now())

    def restore(self, plan: RestoreWrite, terms: Terms) -> None:
        """Write back the rows of an exported bag atomically: all of them, or none."""
        try:
            from .write import restore_rows

            with self.db.atomic():
                restore_rows(self.db, plan, terms)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot restore the bag's rows: {exc}") from exc

    def write_metadata(self, plan: MetadataWrite, terms: Terms) -> None:
        """Re-merge one source's metadata atomically, keeping every earlier value as history;
        ``terms`` indexes its word forms again."""
        from .write import write_metadata_rows

        with self.db.atomic():
            write_metadata_rows(self.db, plan, now(), terms)

    # ---- reads ------------------------------------------------------------------------

    def word_forms_version(self, index: str = "paragraphs_stems") -> str | None:
        """The version of the terms a word-form index (``paragraphs_stems``,
        ``sources_stems``) was built with; None when it is yet to be built."""
        row = self.conn.execute(
            "SELECT version FROM search_index WHERE name = ?", (index,)
        ).fetchone()
        return str(row[0]) if row and row[0] is not None else None

    def rebuild_source_forms(self, terms: Terms, version: str) -> int:
        """Re-index every source's title, abstracts, keywords and authors with
        ``terms(text, lang)``, in one transaction; returns the number of sources."""
        from .source_forms import rebuild_sources

        with atomic(self.conn):
            return rebuild_sources(self.conn, terms, version)

    def rebuild_word_forms(self, terms: Terms, version: str, batch: int = 5_000) -> int:
        """Re-index every live paragraph with ``terms(text, lang)``, in one transaction, and
        record ``version``, and the sources' word forms too; returns the number of paragraphs
        indexed."""
        from .source_forms import rebuild_sources

        conn = self.conn
        count = 0
        with self.db.atomic():
            # The index is contentless: it is emptied whole, as it cannot list what it holds.
            conn.execute("INSERT INTO paragraphs_stems(paragraphs_stems) VALUES ('delete-all')")
            cursor = conn.execute(
                "SELECT rowid, text, lang FROM paragraphs WHERE status = 'live' ORDER BY rowid"
            )
            while rows := cursor.fetchmany(batch):
                conn.executemany(
                    "INSERT INTO paragraphs_stems(rowid, stems) VALUES (?, ?)",
                    [(rowid, terms(text or "", lang)) for rowid, text, lang in rows],
                )
                count += len(rows)
            conn.execute(
                "INSERT OR REPLACE INTO search_index(name, version) "
                "VALUES ('paragraphs_stems', ?)",
                (version,),
            )
            rebuild_sources(conn, terms, version)
        return count

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        return list(self.db.query(sql, params))

