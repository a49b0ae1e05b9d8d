"""A lineage entry's text is stored only once it differs from its paragraph's (migration 0016)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from migrations import database_before

from archive.export.bag import paragraphs_with_lineage
from archive.ingest.run import ingest_paths
from archive.store import Store, read

ROOT = Path(__file__).resolve().parent.parent
SEED_000 = ROOT / "seeds" / "000_d613d50ca8d86847.txt"
GOLD_000 = json.loads((ROOT / "tests" / "golden" / "000_d613d50ca8d86847.json").read_text())


def _stored(conn: sqlite3.Connection, pid: str) -> list[str | None]:
    rows = conn.execute("SELECT text FROM paragraph_versions WHERE paragraph_id = ? ORDER BY id",
                        [pid])
    return [r[0] for r in rows]


def test_each_text_is_stored_once_and_every_version_reads_its_own(tmp_path: Path) -> None:
    home = tmp_path / "home"
    with Store.open(home) as store:
        [first] = ingest_paths(store, [SEED_000]).files
    conn = sqlite3.connect(home / "archive.db")
    assert conn.execute("SELECT count(*), count(text) FROM paragraph_versions").fetchone()[1] == 0
    pid, text = conn.execute(
        "SELECT id, text FROM paragraphs WHERE length(text) > 300 ORDER BY seq LIMIT 1"
    ).fetchone()
    other, other_text = conn.execute(
        "SELECT id, text FROM paragraphs WHERE id != ? ORDER BY seq LIMIT 1", [pid]).fetchone()
    assert [v.text for v in read.versions(conn, pid)] == [text]
    conn.close()

    # A later file of the same work with one word of that paragraph changed.
    word = text.split()[5]
    paragraphs = [p["text"] for p in GOLD_000["paragraphs"]]
    edited = [p.replace(word, word + "х", 1) if p == text else p for p in paragraphs]
    (tmp_path / "edited.txt").write_text("\n\n".join(edited), encoding="utf-8")
    with Store.open(home) as store:
        [second] = ingest_paths(store, [tmp_path / "edited.txt"]).files
    assert second.key == first.key

    conn = sqlite3.connect(home / "archive.db")
    now = conn.execute("SELECT text FROM paragraphs WHERE id = ?", [pid]).fetchone()[0]
    assert now != text
    # The first version keeps the text the edit replaced; the newest is the paragraph's.
    assert _stored(conn, pid) == [text, None]
    assert [v.text for v in read.versions(conn, pid)] == [text, now]
    assert _stored(conn, other) == [None, None]
    assert [v.text for v in read.versions(conn, other)] == [other_text, other_text]
    assert read.latest_versions(conn, first.key or "")[pid].text == now
    lineage = {p["id"]: p["lineage"] for p in
               paragraphs_with_lineage(read.source_rows(conn, first.key or ""))}
    assert [v["text"] for v in lineage[pid]] == [text, now]
    conn.close()


def test_an_archive_stores_its_version_texts_once_after_upgrading(tmp_path: Path) -> None:
    from archive.store.schema import migrate

    db = database_before(tmp_path / "archive.db", "0016_version_text_once")
    db.execute("INSERT INTO sources (key) VALUES ('a-2024')")
    db.execute("INSERT INTO paragraphs (id, source, seq, text, status) VALUES "
               "('a-2024-p1', 'a-2024', 1, 'now', 'live'), "
               "('a-2024-p2', 'a-2024', 2, 'gone', 'deleted')")
    db.execute("INSERT INTO paragraph_versions (paragraph_id, source, text, fingerprint, "
               "match_kind) VALUES ('a-2024-p1', 'a-2024', 'before', 'f1', 'new'), "
               "('a-2024-p1', 'a-2024', 'now', 'f2', 'fuzzy'), "
               "('a-2024-p2', 'a-2024', 'gone', 'f3', 'new'), "
               "('a-2024-p2', 'a-2024', NULL, NULL, 'deleted')")
    assert migrate(db)[0] == "0016_version_text_once"
    rows = db.execute("SELECT paragraph_id, text FROM paragraph_versions ORDER BY id").fetchall()
    assert rows == [("a-2024-p1", "before"), ("a-2024-p1", None), ("a-2024-p2", None),
                    ("a-2024-p2", None)]
    assert [v.text for v in read.versions(db.conn, "a-2024-p1")] == ["before", "now"]
    # A tombstone's entry still has no text; the version before it reads the last text.
    assert [v.text for v in read.versions(db.conn, "a-2024-p2")] == ["gone", None]
