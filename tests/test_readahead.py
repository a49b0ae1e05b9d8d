"""Files read and hashed ahead of the writer come back in their order, each with its bytes
and digest or its error; a folder ingested again costs one transaction, not one a file."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

from archive.errors import ArchiveError, TooLargeError, UnreadablePathError
from archive.ingest.readahead import read_ahead
from archive.ingest.run import ingest_paths
from archive.store import Store


def _files(tmp_path: Path, n: int) -> list[Path]:
    """Files of different sizes and words: no two are versions of one text."""
    paths = []
    for i in range(n):
        words = [hashlib.sha256(f"{i}-{k}".encode()).hexdigest()[:8] for k in range(40)]
        path = tmp_path / f"f{i:02}.txt"
        path.write_text(f"Note {i}: " + " ".join(words) + ".\n" * (i * 100 + 1))
        paths.append(path)
    return paths


def test_read_ahead_keeps_the_order_and_each_files_error(tmp_path: Path) -> None:
    paths = _files(tmp_path, 9)
    given: list[tuple[Path, ArchiveError | None]] = [(p, None) for p in paths]
    given[2] = (paths[2], UnreadablePathError("a named pipe (FIFO), not a regular file"))
    paths[5].unlink()  # gone between listing and reading
    biggest = paths[8].stat().st_size
    out = list(read_ahead(given, max_bytes=biggest - 1, window=3))
    assert [r.path for r in out] == paths
    for i, read in enumerate(out):
        if i == 2:
            assert isinstance(read.error, UnreadablePathError) and read.data is None
        elif i == 5:
            assert isinstance(read.error, FileNotFoundError) and read.sha256 is None
        elif i == 8:
            assert isinstance(read.error, TooLargeError) and read.data is None
        else:
            assert read.error is None
            assert read.data == paths[i].read_bytes()
            assert read.sha256 == hashlib.sha256(read.data).hexdigest()


def test_read_ahead_holds_at_most_its_window(tmp_path: Path) -> None:
    paths = _files(tmp_path, 20)
    taken = 0

    def listing() -> Iterator[tuple[Path, ArchiveError | None]]:
        nonlocal taken
        for path in paths:
            taken += 1
            yield path, None

    for n, read in enumerate(read_ahead(listing(), max_bytes=1 << 20, window=4), 1):
        assert read.path == paths[n - 1]
        assert taken <= n + 3  # this file and three more ahead of it


def test_a_folder_ingested_again_is_recorded_in_one_transaction(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _files(folder, 12)
    with Store.open(tmp_path / "home", create=True) as store:
        assert all(f.status == "new" for f in ingest_paths(store, [folder]).files)
        statements: list[str] = []
        store.conn.set_trace_callback(statements.append)
        try:
            report = ingest_paths(store, [folder])
        finally:
            store.conn.set_trace_callback(None)
        assert [f.status for f in report.files] == ["duplicate"] * 12
        commits = [s for s in statements if s.strip().upper() in ("COMMIT", "BEGIN")]
        # The run's start, its duplicates' events, and its end: not one transaction a file.
        assert len(commits) <= 8, commits
        names = [row[0] for row in store.conn.execute(
            "SELECT json_extract(detail, '$.name') FROM events WHERE type = 'duplicate' "
            "AND ingest_id = ? ORDER BY id", (report.ingest_id,))]
        assert names == sorted(names, key=lambda n: next(
            f.sha256 for f in report.files if f.path.endswith(n)))
        assert len(names) == 12
