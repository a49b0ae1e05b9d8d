"""``archive ingest --cluster ADDRESS``: files analysed by a Dask cluster's workers, written
here, into the same archive ``--jobs 1`` writes."""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pdfgen
import pytest
from clirun import run

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
ARCHIVE = Path(sys.executable).parent / "archive"
# What differs between two ingests of the same files: when they ran. ``captured`` is the day
# a source was first seen when no capture time is known (``files.first_seen``'s date).
TIMESTAMPS = {"started_at", "finished_at", "created_at", "updated_at", "first_seen", "at",
              "applied_at", "captured"}


@pytest.fixture(scope="module")
def cluster() -> Iterator[object]:
    from distributed import LocalCluster

    # Two worker processes, as on two machines; the scheduler runs in this process.
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as local:
        yield local


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("inputs")
    for seed in SEEDS.glob("*.txt"):
        (folder / seed.name).write_bytes(seed.read_bytes())
    (folder / "kk.pdf").write_bytes(pdfgen.multi_page_kazakh(2)[0])
    # A second copy of seed 000's work, one word edited: it joins that source and takes
    # over its labels.
    article = (SEEDS / "000_d613d50ca8d86847.txt").read_text(encoding="utf-8")
    edited = article.replace(" және ", " мен ", 1)
    assert edited != article
    (folder / "edited.txt").write_text(edited, encoding="utf-8")
    (folder / "junk.bin").write_bytes(bytes(range(256)) * 8)  # fails alike either way
    return folder


def rows(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows (FTS5's own tables included), timestamps masked, in rowid order."""
    conn = sqlite3.connect(db)
    try:
        tables = [name for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        found = {}
        for table in tables:
            cursor = conn.execute(f'SELECT * FROM "{table}"')
            masked = [i for i, d in enumerate(cursor.description) if d[0] in TIMESTAMPS]
            found[table] = [tuple("<time>" if i in masked and v is not None else v
                                  for i, v in enumerate(row)) for row in cursor]
        return found
    finally:
        conn.close()


def objects(home: Path) -> dict[str, bytes]:
    return {str(p.relative_to(home)): p.read_bytes()
            for p in sorted((home / "objects").rglob("*")) if p.is_file()}


def test_a_cluster_ingest_writes_what_one_process_writes(
    tmp_path: Path, cluster: object, inputs: Path
) -> None:
    address: str = cluster.scheduler_address  # type: ignore[attr-defined]
    on_cluster, alone = tmp_path / "cluster", tmp_path / "alone"
    code, out, err = run(on_cluster, "ingest", "--cluster", address, str(inputs))
    assert code == 2 and "junk.bin" in err and "3 new, 1 new version" in out, (out, err)
    assert run(alone, "ingest", "--jobs", "1", str(inputs))[:2] == (code, out)
    # The four distinct readable contents and the junk were analysed by the workers.
    analysed = cluster.scheduler.task_prefixes["analyse_original"]  # type: ignore[attr-defined]
    assert analysed.state_counts["memory"] == 5
    a, b = rows(on_cluster / "archive.db"), rows(alone / "archive.db")
    assert a.keys() == b.keys() and len(a["paragraphs"]) > 50
    for table in a:
        assert a[table] == b[table], table
    assert objects(on_cluster) == objects(alone) and len(objects(alone)) == 5


def test_workers_with_other_software_are_refused(
    tmp_path: Path, cluster: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same bytes must give the same paragraphs wherever they are analysed."""
    from importlib import metadata

    real = metadata.version
    # This process alone sees another version of the package; the workers see the real one.
    monkeypatch.setattr(metadata, "version",
                        lambda name: "9.9.9" if name == "archive" else real(name))
    address: str = cluster.scheduler_address  # type: ignore[attr-defined]
    code, out, err = run(tmp_path / "home", "ingest", "--cluster", address, str(SEEDS))
    assert (code, out) == (6, "") and not (tmp_path / "home").exists()
    assert f"of {address!r} has archive {real('archive')}, this machine 9.9.9" in err


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def test_an_unreachable_cluster_is_one_line_and_writes_nothing(tmp_path: Path) -> None:
    address = f"tcp://127.0.0.1:{free_port()}"  # nothing listens there
    home = tmp_path / "home"
    env = {**os.environ, "DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "1s"}
    done = subprocess.run(
        [str(ARCHIVE), "--home", str(home), "ingest", "--cluster", address, str(SEEDS)],
        capture_output=True, text=True, env=env, timeout=60)
    assert (done.returncode, done.stdout) == (6, "")
    [line] = done.stderr.splitlines()  # and no traceback from Dask as the program exits
    assert line.startswith(f"archive: error: cannot reach the Dask cluster at {address!r}: ")
    assert not home.exists()


@pytest.mark.parametrize("address", ["nonsense::", "udp://127.0.0.1:8786", ""])
def test_a_malformed_address_is_named_and_nothing_is_written(tmp_path: Path, address: str) -> None:
    code, out, err = run(tmp_path / "home", "ingest", "--cluster", address, str(SEEDS))
    assert (code, out) == (6, "")
    assert err.startswith(f"archive: error: cannot reach the Dask cluster at {address!r}: ")
    assert len(err.splitlines()) == 1 and not (tmp_path / "home").exists()


def test_jobs_and_a_cluster_are_one_or_the_other(tmp_path: Path) -> None:
    code, _, err = run(tmp_path / "home", "ingest", "--jobs", "2", "--cluster",
                       "tcp://127.0.0.1:8786", str(SEEDS))
    assert code == 1 and "exclude each other" in err
    assert not (tmp_path / "home").exists()
