"""A whole archive exported as a bag and imported into a new home loses nothing.

The archive holds both seeds, a generated journal PDF, and a re-issue of the news text with
one paragraph edited and one gone (so lineage and tombstones are in it). Every table is
compared row for row, the full-text and word-form indexes answer the same, ``archive
verify`` passes on the new home, and citations read the same in both.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from clirun import run

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
NEWS = SEEDS / "001_0956fffff0b724be.txt"
# Derived or bookkeeping tables: the FTS indexes' own storage (compared through queries
# below) and the record of when each migration ran.
SKIP_SUFFIXES = ("_data", "_idx", "_docsize", "_config", "_content")


def tables(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    conn = sqlite3.connect(db)
    try:
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE "
            "'CREATE VIRTUAL TABLE%' AND name != '_migrations' ORDER BY name")]
        out = {name: sorted(conn.execute(f"SELECT * FROM {name}").fetchall(), key=repr)
               for name in names if not name.endswith(SKIP_SUFFIXES)}
        out["(word forms)"] = sorted(conn.execute(
            "SELECT p.id, s.stems FROM paragraphs p JOIN paragraphs_stems s ON s.rowid = p.rowid"
        ).fetchall())
        for word in ("Казахстан", "бітімгершілік", "peacekeeping"):
            out[f"(text search {word})"] = sorted(conn.execute(
                "SELECT p.id FROM paragraphs_fts f JOIN paragraphs p ON p.rowid = f.rowid "
                "WHERE paragraphs_fts MATCH ?", [word]).fetchall())
            out[f"(source search {word})"] = sorted(conn.execute(
                "SELECT s.key FROM sources_fts f JOIN sources s ON s.rowid = f.rowid "
                "WHERE sources_fts MATCH ?", [word]).fetchall())
        return out
    finally:
        conn.close()


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory, journal_pdf: tuple[bytes, Any]) -> Path:
    base = tmp_path_factory.mktemp("roundtrip")
    (base / "in").mkdir()
    (base / "in" / "journal.pdf").write_bytes(journal_pdf[0])
    home = base / "home"
    assert run(home, "ingest", str(SEEDS), str(base / "in"))[0] == 0
    shown = json.loads(run(home, "show", "zakon-kz-2025-10-23", "--json")[1])["paragraphs"]
    body = [p for p in shown if p["role"] == "body"]
    text = NEWS.read_text(encoding="utf-8")
    text = text.replace(body[1]["text"], body[1]["text"].replace("Казахстан", "РК", 1))
    text = text.replace(body[2]["text"] + "\n", "")
    (base / "news-v2.txt").write_text(text, encoding="utf-8")
    code, out, _ = run(home, "ingest", "--json", str(base / "news-v2.txt"))
    assert code == 0 and json.loads(out)["files"][0]["status"] == "new_version"
    return home


def test_a_bag_of_the_whole_archive_imports_with_nothing_lost(archive: Path, tmp_path: Path):
    bag = tmp_path / "bag"
    assert run(archive, "export", "--format", "bagit", "--out", str(bag))[0] == 0
    home = tmp_path / "restored"
    code, out, err = run(home, "import", str(bag))
    assert code == 0, err
    assert "imported 3 source(s)" in out
    before, after = tables(archive / "archive.db"), tables(home / "archive.db")
    assert set(before) == set(after)
    assert all(before["paragraph_versions"]) and any(
        row for row in before["paragraphs"] if "deleted" in row or "merged" in row)
    for name in before:
        assert before[name] == after[name], name
    assert len(before["files"]) == 4 and before["events"]
    code, out, _ = run(home, "verify")
    assert code == 0 and "4 ok, 0 failed" in out
    for pid in ("kalila-2024-p30", "zakon-kz-2025-10-23-p2", "zakon-kz-2025-10-23-p4"):
        assert run(home, "cite", pid)[1] == run(archive, "cite", pid)[1]


def test_import_refuses_an_archive_that_holds_sources(archive: Path, tmp_path: Path):
    bag = tmp_path / "bag"
    assert run(archive, "export", "--format", "bagit", "--out", str(bag), "kalila-2024")[0] == 0
    code, _, err = run(archive, "import", str(bag))
    assert code == 1 and "already holds sources" in err and len(err.strip().splitlines()) == 1


def test_import_refuses_a_damaged_bag(archive: Path, tmp_path: Path):
    bag = tmp_path / "bag"
    assert run(archive, "export", "--format", "bagit", "--out", str(bag), "kalila-2024")[0] == 0
    meta = bag / "data" / "sources" / "kalila-2024" / "rows.json"
    meta.write_text(meta.read_text(encoding="utf-8").replace("Қалила", "Kalila"), encoding="utf-8")
    code, _, err = run(tmp_path / "new", "import", str(bag))
    assert code == 2 and "not a valid bag" in err and len(err.strip().splitlines()) == 1
    code, _, err = run(tmp_path / "new2", "import", str(tmp_path / "nowhere"))
    assert code == 2 and "not a valid bag" in err
