"""Archives made by earlier versions, brought up to date: untitled sources get their devised
title without waiting for another file (0012), and a web page's modification date,
description and section have columns to go to (0011)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from clirun import run
from migrations import database_before

from archive.store import Store, read

ROOT = Path(__file__).resolve().parent.parent
ZAKON = ROOT / "tests" / "data" / "html" / "zakon_article.html"
OPENING = ("Казахстанские военнослужащие продолжают нести службу в составе сил ООН. "
           "Об этом сообщили в министерстве обороны.")


def _old_archive(home: Path, before: str) -> sqlite3.Connection:
    """An archive as the version before ``before`` left it: an untitled news text whose
    first paragraph is its dateline, and a titled article."""
    home.mkdir()
    db = database_before(home / "archive.db", before)
    db.execute("INSERT INTO sources (key, title) VALUES ('zakon-kz-2025-10-23', NULL), "
               "('kalila-2024', 'Бітімгершілік')")
    db.execute("INSERT INTO files (sha256, source) VALUES ('aa', 'zakon-kz-2025-10-23'), "
               "('bb', 'kalila-2024')")
    rows = [("zakon-kz-2025-10-23-p1", "zakon-kz-2025-10-23", 1, "front_matter", "23.10.2025",
             "live", "aa"),
            ("zakon-kz-2025-10-23-p2", "zakon-kz-2025-10-23", 2, "body", "Удалённый абзац.",
             "deleted", "aa"),
            ("zakon-kz-2025-10-23-p3", "zakon-kz-2025-10-23", 3, "body", OPENING, "live", "aa"),
            ("kalila-2024-p1", "kalila-2024", 1, "body", "Мәтін басы.", "live", "bb")]
    db.conn.executemany("INSERT INTO paragraphs (id, source, seq, role, text, status, "
                        "file_sha256) VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    db.conn.commit()
    db.conn.close()
    return sqlite3.connect(home / "archive.db")


def test_untitled_source_from_before_0007_gets_its_devised_title(tmp_path: Path) -> None:
    home = tmp_path / "home"
    _old_archive(home, "0007_web_captures").close()
    Store.open(home).close()  # migrates
    conn = sqlite3.connect(home / "archive.db")
    shown = dict(conn.execute("SELECT key, display_title FROM sources").fetchall())
    assert shown == {
        "zakon-kz-2025-10-23": "[Казахстанские военнослужащие продолжают нести службу в составе "
                               "сил ООН]",
        "kalila-2024": "Бітімгершілік",
    }
    [row] = conn.execute("SELECT field, value, origin, chosen, active, file_sha256 "
                         "FROM metadata_values").fetchall()
    assert row == ("display_title", json.dumps(shown["zakon-kz-2025-10-23"], ensure_ascii=False),
                   "inferred", 1, 1, "aa")
    conn.close()
    # ``archive show`` lists where the value came from.
    code, out, _ = run(home, "show", "zakon-kz-2025-10-23", "--json")
    assert code == 0
    assert json.loads(out)["fields"]["display_title"][0]["origin"] == "inferred"


def test_devised_titles_are_not_given_twice(tmp_path: Path) -> None:
    """A source that got its devised title at ingest (after 0007) keeps it, once."""
    home = tmp_path / "home"
    conn = _old_archive(home, "0012_devised_titles")
    conn.execute("UPDATE sources SET display_title = '[Already devised]' "
                 "WHERE key = 'zakon-kz-2025-10-23'")
    conn.commit()
    conn.close()
    Store.open(home).close()
    conn = sqlite3.connect(home / "archive.db")
    assert conn.execute("SELECT display_title FROM sources WHERE key = 'zakon-kz-2025-10-23'"
                        ).fetchone() == ("[Already devised]",)
    assert conn.execute("SELECT count(*) FROM metadata_values").fetchone() == (0,)
    conn.close()


def test_page_dates_description_and_section_after_upgrading(tmp_path: Path) -> None:
    home = tmp_path / "home"
    _old_archive(home, "0011_page_dates_and_summary").close()
    with Store.open(home) as store:
        old = read.source(store.conn, "kalila-2024")
        assert old is not None and (old.metadata.modified, old.metadata.section) == (None, None)
    code, out, err = run(home, "ingest", "--json", str(ZAKON))
    assert code == 0, err
    key = json.loads(out)["files"][0]["key"]
    code, out, _ = run(home, "show", key, "--json")
    shown = json.loads(out)
    assert shown["source"]["modified"] == "2025-10-23"
    assert shown["source"]["section"] == "Общество"
    assert shown["source"]["description"].startswith("О целях миротворческой деятельности")
    assert shown["fields"]["section"][0]["origin"] == "json-ld"
    assert shown["fields"]["modified"][0]["origin"] == "json-ld"
