"""The benchmarks' synthetic archive (bench/synthetic_archive.py) is what an ingest would write.

Its fast path makes and labels sources in a worker process, joins pooled sentences' terms
and normal forms, commits many files in one transaction, and grows a smaller archive it
built into a larger one; written the slow way
(every text stemmed and fingerprinted, one transaction a file, in one run) the same sources
must leave the same rows and the same full-text indexes. Only the runs differ: two of them
against one.
"""

from __future__ import annotations

import shutil
import sqlite3
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

import synthetic_archive  # noqa: E402

# Columns that hold the moment of writing, which two builds cannot share, or the run.
_CLOCK = {"at", "created_at", "updated_at", "first_seen", "captured", "ingest_id"}
_TABLES = ("sources", "files", "paragraphs", "paragraph_versions", "metadata_values",
           "artifacts", "events", "paragraph_facets", "search_index")


def _rows(db: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(db)
    out = {}
    for table in _TABLES:
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")
                   if r[1] not in _CLOCK]
        out[table] = sorted(
            conn.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall(), key=repr)
    # The indexes, by what they find: every term of the word-form index, every word of a
    # sample of paragraphs in the text index.
    terms = [term for (term,) in conn.execute("SELECT term FROM stems_vocab")]
    out["stems"] = [(t, *sorted(r for (r,) in conn.execute(
        "SELECT rowid FROM paragraphs_stems WHERE paragraphs_stems MATCH ?", [f'"{t}"'])))
        for t in terms]
    out["fts"] = sorted(conn.execute(
        "SELECT rowid, length(text) FROM paragraphs_fts WHERE paragraphs_fts MATCH 'және OR "
        "the OR и'").fetchall())
    conn.close()
    return out


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    fast = tmp_path_factory.mktemp("fast")
    slow = tmp_path_factory.mktemp("slow")
    synthetic_archive.build(fast, 500, pooled=400)
    synthetic_archive.build(fast, 1_000, pooled=400, jobs=1)
    synthetic_archive.build(slow, 1_000, pooled=400, joined=False, per_transaction=1)
    for home in (fast, slow):
        conn = sqlite3.connect(home / "archive.db")
        conn.execute("CREATE VIRTUAL TABLE stems_vocab USING fts5vocab(paragraphs_stems, row)")
        conn.close()
    return fast / "archive.db", slow / "archive.db"


@pytest.fixture(scope="module")
def grown(builds: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fast build grown to 3,000 paragraphs: at 1,000 only a handful of sources have a
    second file, too few for every kind of lineage to turn up, whatever text the pool holds."""
    home = tmp_path_factory.mktemp("grown")
    shutil.copy(builds[0], home / "archive.db")
    synthetic_archive.build(home, 3_000, pooled=400, jobs=1)
    return home / "archive.db"


def test_fast_build_writes_what_an_ingest_writes(builds: tuple[Path, Path]) -> None:
    fast, slow = (_rows(db) for db in builds)
    assert fast.keys() == slow.keys()
    for name in fast:
        assert fast[name] == slow[name], name


def test_the_archive_holds_lineage_and_metadata(grown: Path) -> None:
    conn = sqlite3.connect(grown)
    kinds = {k for (k,) in conn.execute("SELECT DISTINCT match_kind FROM paragraph_versions")}
    assert {"new", "exact", "fuzzy", "merged", "merged_into", "deleted"} <= kinds
    statuses = {s for (s,) in conn.execute("SELECT DISTINCT status FROM paragraphs")}
    assert {"live", "merged", "deleted"} <= statuses
    several = conn.execute(
        "SELECT count(*) FROM (SELECT source FROM files GROUP BY source HAVING count(*) > 1)"
    ).fetchone()[0]
    assert several > 0
    langs = {lang for (lang,) in conn.execute("SELECT DISTINCT language FROM sources")}
    assert langs == {"kk", "ru", "en"}
    issued = conn.execute("SELECT count(*) FROM paragraphs").fetchone()[0]
    assert 3_000 <= issued < 3_200  # stops at the first source that reaches the total
    mean = conn.execute("SELECT avg(length(CAST(text AS BLOB))) FROM paragraphs").fetchone()[0]
    assert 450 < mean < 900
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
