"""Two ingests into one home at once, and a reader while an ingest writes.

Supported: any number of readers (``archive show``, Datasette with ``--live``, a read-only
SQLite connection) while one ingest writes; a second ingest into the same home waits for the
first and then runs. Neither may fail, lose a file, or let a reader see a source without
its file and paragraphs.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pdfgen
from test_cli import run

from archive.hashing import sha256_hex

ROOT = Path(__file__).resolve().parent.parent
ARCHIVE = str(Path(sys.executable).parent / "archive")


def _texts(folder: Path, names: range) -> list[Path]:
    folder.mkdir(exist_ok=True)
    paths = []
    for k in names:
        path = folder / f"text-{k}.txt"
        path.write_text("\n".join(pdfgen.running_text(14, seed=100 + k)) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def _ingest(home: Path, *paths: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([ARCHIVE, "--home", str(home), "ingest", *map(str, paths)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _rows(home: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(home / "archive.db")
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_two_ingests_at_once_lose_nothing(tmp_path: Path) -> None:
    shared = _texts(tmp_path / "in", range(0, 3))
    only_a = [*_texts(tmp_path / "in", range(3, 6)), ROOT / "seeds" / "001_0956fffff0b724be.txt"]
    only_b = _texts(tmp_path / "in", range(6, 9))
    home = tmp_path / "home"  # created by whichever starts first
    a, b = _ingest(home, *shared, *only_a), _ingest(home, *only_b, *shared)
    for process in (a, b):
        _, err = process.communicate(timeout=120)
        assert process.returncode == 0, err.decode()
        assert b"Traceback" not in err
    everything = shared + only_a + only_b

    assert {r[0] for r in _rows(home, "SELECT sha256 FROM files")} == {
        sha256_hex(p.read_bytes()) for p in everything}
    assert _rows(home, "PRAGMA integrity_check") == [("ok",)]
    assert _rows(home, "SELECT count(*) FROM sources") == [(len(everything),)]
    assert _rows(home, "SELECT status, count(*) FROM ingests GROUP BY status") == [
        ("finished", 2)]
    code, out, _ = run(home, "verify")
    assert code == 0, out


# A source the reader could see half-written: without a file, without paragraphs, or with
# a file whose paragraphs' lineage is missing.
HALF_WRITTEN = """
SELECT key FROM sources s
WHERE NOT EXISTS (SELECT 1 FROM files f WHERE f.source = s.key)
   OR NOT EXISTS (SELECT 1 FROM paragraphs p WHERE p.source = s.key)
UNION ALL
SELECT sha256 FROM files f
WHERE NOT EXISTS (SELECT 1 FROM paragraph_versions v WHERE v.file_sha256 = f.sha256)
"""


def test_a_reader_never_sees_a_half_written_source(tmp_path: Path) -> None:
    home = tmp_path / "home"
    first, *rest = _texts(tmp_path / "in", range(20, 32))
    code, _, err = run(home, "ingest", str(first))
    assert code == 0, err
    writer = _ingest(home, *rest, ROOT / "seeds" / "000_d613d50ca8d86847.txt")
    # As Datasette opens a live database: read-only, through SQLite's URI.
    reader = sqlite3.connect(f"file:{home / 'archive.db'}?mode=ro", uri=True, timeout=5)
    reads, seen = 0, set()
    try:
        while writer.poll() is None or reads < 3:
            assert reader.execute(HALF_WRITTEN).fetchall() == []
            seen.add(reader.execute("SELECT count(*) FROM sources").fetchone()[0])
            reads += 1
    finally:
        reader.close()
    _, err = writer.communicate()
    assert writer.returncode == 0, err.decode()
    assert max(seen) == len(rest) + 2 and len(seen) > 1  # it did read while sources came in
