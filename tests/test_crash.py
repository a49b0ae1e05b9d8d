"""An ingest killed with SIGKILL at seeded points, then run again, ends as if never killed.

Each point is one ``archive ingest`` process killed by SIGKILL: some kill themselves at a
chosen step of the write (a wrapper installed by the driver below, in the test only — the
archive has no crash hooks), others are killed from outside after a seeded delay. After each
kill the same ingest runs again; then the database must pass SQLite's integrity check, hold
the same sources, files and paragraph IDs as an uninterrupted run, no temporary object file
may be left, no run may still count as running, and ``archive verify`` must be clean.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pdfgen
import pytest
from test_cli import run

ROOT = Path(__file__).resolve().parent.parent
SEED = 1212

# Runs archive's command line in a process that kills itself with SIGKILL on the N-th call
# of one function: inside the object write (after the bytes, before the rename), inside the
# database transaction (every row written, nothing committed), and so on.
DRIVER = r"""
import os, signal, sys
step, nth = sys.argv[1], int(sys.argv[2])
calls = [0]

def killing(fn):
    after = step.endswith(":after")
    def wrapper(*args, **kwargs):
        calls[0] += 1
        if calls[0] == nth and not after:
            os.kill(os.getpid(), signal.SIGKILL)
        result = fn(*args, **kwargs)
        if calls[0] == nth and after:
            os.kill(os.getpid(), signal.SIGKILL)
        return result
    return wrapper

import archive.store, archive.store.write, archive.ingest.workers
from archive.store import Store
name = step.split(":")[0]
if name == "object-write":
    os.fsync = killing(os.fsync)            # the temporary file is written, not yet renamed
elif name == "transaction":
    archive.store.write.write_file_rows = killing(archive.store.write.write_file_rows)
elif name == "event":
    Store.record_events = killing(Store.record_events)
elif name == "analysis":
    archive.ingest.workers.analyse = killing(archive.ingest.workers.analyse)
elif name == "finish":
    Store.finish_ingest = killing(Store.finish_ingest)
from archive.cli import app
sys.argv = ["archive", *sys.argv[3:]]
app()
"""


def _corpus(folder: Path) -> Path:
    """Text and PDF files, a duplicate and a failing file, so every step is taken."""
    folder.mkdir()
    for seed in sorted((ROOT / "seeds").glob("001_*.txt")):
        (folder / seed.name).write_bytes(seed.read_bytes())
    (folder / "copy.txt").write_bytes((ROOT / "seeds" / "001_0956fffff0b724be.txt").read_bytes())
    (folder / "kk.pdf").write_bytes(pdfgen.multi_page_kazakh(2)[0])
    rnd = random.Random(SEED)
    for k in range(4):
        lines = pdfgen.running_text(12, seed=k)
        rnd.shuffle(lines)
        (folder / f"text-{k}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    return folder


def _state(home: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(home / "archive.db")
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return {
            "sources": conn.execute("SELECT key, title FROM sources ORDER BY key").fetchall(),
            "files": conn.execute("SELECT sha256, source FROM files ORDER BY sha256").fetchall(),
            "paragraphs": conn.execute(
                "SELECT id, status, text FROM paragraphs ORDER BY id").fetchall(),
            "running": conn.execute(
                "SELECT id FROM ingests WHERE status = 'running'").fetchall(),
        }
    finally:
        conn.close()


def _points(rnd: random.Random, files: int, seconds: float) -> list[tuple[str, ...]]:
    """Kill points: each step of the write at a seeded call, and seeded delays."""
    steps = [("object-write", rnd.randint(1, files)), ("object-write", rnd.randint(1, files)),
             ("transaction:after", rnd.randint(1, files - 2)),
             ("transaction:after", rnd.randint(1, files - 2)), ("transaction", 1),
             ("analysis", rnd.randint(1, files - 2)), ("event", 1), ("event:after", 1),
             ("finish", 1)]
    delays = [("delay", f"{rnd.uniform(0.2, seconds):.2f}") for _ in range(4)]
    return [(step, str(n)) for step, n in steps] + delays


def test_sigkill_anywhere_then_rerun_ends_as_an_uninterrupted_run(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "in")
    started = time.monotonic()
    code, _, _ = run(tmp_path / "reference", "ingest", str(corpus))
    assert code == 2  # empty.txt fails, by design
    expected = _state(tmp_path / "reference")
    seconds = time.monotonic() - started + 1.0  # and the interpreter's start
    driver = tmp_path / "driver.py"
    driver.write_text(DRIVER, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}

    killed = 0
    for k, (step, arg) in enumerate(_points(random.Random(SEED), len(list(corpus.iterdir())),
                                            seconds)):
        home = tmp_path / f"home-{k}"
        args = ["--home", str(home), "ingest", str(corpus)]
        if step == "delay":
            proc = subprocess.Popen([str(Path(sys.executable).parent / "archive"), *args],
                                    env=env, stdout=subprocess.DEVNULL,
                                    stderr=subprocess.DEVNULL)
            time.sleep(float(arg))
            proc.send_signal(signal.SIGKILL)
            status = proc.wait()
        else:
            status = subprocess.run([sys.executable, str(driver), step, arg, *args], env=env,
                                    capture_output=True, check=False).returncode
            assert status == -signal.SIGKILL, (step, arg, status)
        killed += status == -signal.SIGKILL

        code, _, err = run(home, "ingest", str(corpus))
        assert code == 2, (step, arg, err)
        assert _state(home) == expected, (step, arg)
        leftovers = list((home / "objects").rglob(".incoming-*"))
        assert leftovers == [], (step, arg, leftovers)
        code, out, _ = run(home, "verify")
        assert code == 0, (step, arg, out)
    assert killed >= 10


@pytest.mark.parametrize("writer_alive", [True, False])
def test_a_temporary_object_goes_with_its_writer(tmp_path: Path, writer_alive: bool) -> None:
    from archive.store.objects import ObjectStore

    store = ObjectStore(tmp_path / "objects")
    store.put(b"something kept")
    pid = os.getpid() if writer_alive else _dead_pid()
    [folder] = (tmp_path / "objects" / "sha256").glob("*/*")
    leftover = folder / f".incoming-{pid}-x1"
    leftover.write_bytes(b"half")
    assert store.remove_stale_temporaries() == (0 if writer_alive else 1)
    assert leftover.exists() == writer_alive


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid
