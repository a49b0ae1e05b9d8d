"""Timing the archive's pages through Datasette's in-process client, as a browser hits them
(``search.py``, ``scale.py``), and the archive's own figures: which IDs to ask for, and how
the database's bytes divide between its tables."""

from __future__ import annotations

import sqlite3
import statistics
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent


async def datasette(db_path: Path, live: bool = False) -> Any:
    """A Datasette on the archive with the project's configuration and plugin: immutable, as
    ``archive serve`` serves it, or mutable (``live``) as ``archive serve --live`` does."""
    from datasette.app import Datasette

    settings = yaml.safe_load((ROOT / "datasette.yaml").read_text(encoding="utf-8"))
    ds = Datasette([str(db_path)] if live else [], immutables=[] if live else [str(db_path)],
                   config=settings)
    await ds.invoke_startup()
    return ds


async def median_ms(ds: Any, path: str, runs: int = 5, warmup: int = 0) -> tuple[float, int]:
    """Median milliseconds of ``runs`` requests for ``path`` (after ``warmup`` untimed ones),
    and the last response's HTTP status."""
    for _ in range(warmup):
        await ds.client.get(path)
    samples = []
    status = 0
    for _ in range(runs):
        start = time.perf_counter()
        response = await ds.client.get(path)
        samples.append(time.perf_counter() - start)
        status = response.status_code
    return statistics.median(samples) * 1000, status


def sample_ids(db_path: Path) -> dict[str, str]:
    """IDs a reader would follow, from the middle of the archive: a live paragraph, a
    tombstone (of a merge when there is one) and a source."""
    conn = sqlite3.connect(db_path)
    try:
        middle = conn.execute("SELECT max(rowid) / 2 FROM paragraphs").fetchone()[0] or 0
        live = conn.execute("SELECT id, source FROM paragraphs WHERE rowid >= ? AND "
                            "status = 'live' AND role = 'body' LIMIT 1", [middle]).fetchone()
        tomb = conn.execute("SELECT id FROM paragraphs WHERE rowid >= ? AND status != 'live' "
                            "ORDER BY status = 'merged' DESC LIMIT 1", [middle]).fetchone()
    finally:
        conn.close()
    return {"live": live[0], "source": live[1], "tombstone": tomb[0] if tomb else live[0]}


def table_bytes(db_path: Path) -> dict[str, int]:
    """Bytes of each table with its indexes (a full-text index with its shadow tables)."""
    conn = sqlite3.connect(db_path)
    try:
        owner = dict(conn.execute("SELECT name, tbl_name FROM sqlite_master"))
        virtual = [name for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'")]
        sizes: dict[str, int] = defaultdict(int)
        for name, size in conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name"):
            table = owner.get(name, name)
            table = next((v for v in virtual if table.startswith(v + "_")), table)
            sizes[table] += size
    finally:
        conn.close()
    return dict(sorted(sizes.items(), key=lambda item: -item[1]))
