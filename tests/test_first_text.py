"""A paragraph's first text is stored only once an edit makes it differ (migration 0009)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from migrations import database_before

from archive.ingest.run import ingest_paths
from archive.store import Store, read

ROOT = Path(__file__).resolve().parent.parent
SEED_000 = ROOT / "seeds" / "000_d613d50ca8d86847.txt"
GOLD_000 = json.loads((ROOT / "tests" / "golden" / "000_d613d50ca8d86847.json").read_text())


def test_first_text_is_kept_once_and_only_when_edited(tmp_path: Path) -> None:
    home = tmp_path / "home"
    with Store.open(home) as store:
        [first] = ingest_paths(store, [SEED_000]).files
    conn = sqlite3.connect(home / "archive.db")
    stored = conn.execute("SELECT count(*), count(first_text) FROM paragraphs").fetchone()
    assert stored[0] > 20 and stored[1] == 0  # nothing stored twice
    pid, text = conn.execute(
        "SELECT id, text FROM paragraphs WHERE length(text) > 300 ORDER BY seq LIMIT 1"
    ).fetchone()
    record = read.paragraph(conn, pid)
    assert record is not None and record.first_text == text and not record.edited
    conn.close()

    # A later file of the same work with one word of that paragraph changed.
    word = text.split()[5]
    paragraphs = [p["text"] for p in GOLD_000["paragraphs"]]
    edited = [p.replace(word, word + "х", 1) if p == text else p for p in paragraphs]
    assert edited != paragraphs
    (tmp_path / "edited.txt").write_text("\n\n".join(edited), encoding="utf-8")
    with Store.open(home) as store:
        [second] = ingest_paths(store, [tmp_path / "edited.txt"]).files
    assert second.key == first.key

    conn = sqlite3.connect(home / "archive.db")
    rows = conn.execute("SELECT id, text, first_text FROM paragraphs WHERE first_text IS NOT NULL")
    assert [(r[0], r[2]) for r in rows] == [(pid, text)]
    record = read.paragraph(conn, pid)
    assert record is not None and record.first_text == text and record.text != text
    assert record.edited
    conn.close()


def test_an_archive_stores_its_first_texts_once_after_upgrading(tmp_path: Path) -> None:
    from archive.store.schema import migrate

    db = database_before(tmp_path / "archive.db", "0009_first_text_once")
    db.execute("INSERT INTO sources (key) VALUES ('a-2024')")
    db.execute("INSERT INTO paragraphs (id, source, seq, text, first_text, status) VALUES "
               "('a-2024-p1', 'a-2024', 1, 'same', 'same', 'live'), "
               "('a-2024-p2', 'a-2024', 2, 'now', 'before', 'live')")
    assert migrate(db)[0] == "0009_first_text_once"
    rows = db.execute("SELECT id, first_text FROM paragraphs ORDER BY id").fetchall()
    assert rows == [("a-2024-p1", None), ("a-2024-p2", "before")]
    first = read.paragraph(db.conn, "a-2024-p1")
    assert first is not None and first.first_text == "same"
