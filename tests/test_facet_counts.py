"""Facet counts kept by triggers (migration 0008) and the paragraphs page that reads them."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
import yaml
from datasette.app import Datasette
from migrations import database_before
from test_datasette import CONFIG, KK, build_archive

from archive.store import Store, read
from archive.store.counting import FACET_COLUMNS
from archive.store.schema import migrate
from archive.web.facets import counted_query


def _actual(conn: sqlite3.Connection, column: str) -> list[tuple[str, int]]:
    rows = conn.execute(
        f"SELECT {column}, count(*) FROM paragraphs WHERE {column} IS NOT NULL "
        f"GROUP BY {column} ORDER BY 2 DESC, 1"
    )
    return [(str(v), int(n)) for v, n in rows]


def test_counts_follow_every_change_to_a_paragraph(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        conn = store.db.conn
        conn.execute("INSERT INTO sources (key) VALUES ('a-2024'), ('b-2024')")
        for n in range(12):
            conn.execute(
                "INSERT INTO paragraphs (id, source, seq, role, lang, section, status, text) "
                "VALUES (?, ?, ?, ?, ?, ?, 'live', 'x')",
                (f"p{n}", ("a-2024", "b-2024")[n % 2], n, ("body", "heading", None)[n % 3],
                 "kk" if n < 8 else "ru", "Intro" if n < 3 else None),
            )
        conn.execute("UPDATE paragraphs SET status = 'merged', role = 'body' WHERE id = 'p4'")
        conn.execute("UPDATE paragraphs SET lang = NULL WHERE id = 'p9'")
        conn.execute("UPDATE paragraphs SET text = 'y' WHERE id = 'p1'")  # not a facet column
        conn.execute("DELETE FROM paragraphs WHERE id IN ('p0', 'p11')")
        conn.commit()
        for column in FACET_COLUMNS:
            assert read.facet_counts(conn, column, 100) == _actual(conn, column), column
        assert read.facet_counts(conn, "role", 1) == [("body", 4)]  # 3, 4 (made body), 6, 9


def test_counts_and_text_index_after_the_0011_upgrade(tmp_path: Path) -> None:
    db = database_before(tmp_path / "archive.db", "0011_unchanged_rows_untouched")
    db.execute("INSERT INTO sources (key) VALUES ('a-2024'), ('b-2024')")
    for n in range(6):
        db.execute("INSERT INTO paragraphs (id, source, seq, role, lang, status, text) "
                   "VALUES (?, ?, ?, 'body', 'kk', 'live', ?)",
                   [f"p{n}", ("a-2024", "b-2024")[n % 2], n, f"word{n}"])
    db.conn.commit()
    assert migrate(db)[0] == "0011_unchanged_rows_untouched"
    conn = db.conn
    conn.execute("UPDATE paragraphs SET role = 'body', text = text WHERE id = 'p0'")  # unchanged
    conn.execute("UPDATE paragraphs SET status = 'deleted', text = 'other' WHERE id = 'p1'")
    conn.execute("DELETE FROM paragraphs WHERE source = 'a-2024'")  # the value's last rows
    conn.commit()
    for column in FACET_COLUMNS:
        assert read.facet_counts(conn, column, 100) == _actual(conn, column), column
    assert ("source", "a-2024") not in set(
        conn.execute("SELECT name, value FROM paragraph_facets").fetchall())
    found = conn.execute("SELECT rowid FROM paragraphs_fts WHERE paragraphs_fts MATCH ?",
                         ["other OR word1 OR word3"]).fetchall()
    assert sorted(r[0] for r in found) == [2, 4]  # p1 now reads "other"; p3 kept its word
    conn.execute("INSERT INTO paragraphs_fts(paragraphs_fts) VALUES ('integrity-check')")


def test_an_existing_archive_is_counted_when_it_upgrades(tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    build_archive(db)
    conn = sqlite3.connect(db)
    for column in FACET_COLUMNS:
        assert read.facet_counts(conn, column, 100) == _actual(conn, column)
    conn.execute("DROP TABLE paragraph_facets")
    assert read.facet_counts(conn, "role", 10) is None  # an archive from before 0006


_ARRAY = (
    "\n with inner as (select \"key\", udc from sources {where}),\n deduped_array_items as (\n"
    "  select\n distinct j.value,\n inner.*\n from\n json_each([inner].[udc]) j\n join inner\n"
    " )\n select\n value as value,\n count(*) as count\n from\n deduped_array_items\n"
    " group by\n value\n order by\n count(*) desc, value limit 31\n"
)


@pytest.mark.parametrize(
    ("sql", "asked"),
    [
        ("\n  select role as value, count(*) as count from (\n  select id, role from "
         "[paragraphs] \n)\nwhere role is not null\ngroup by role order by count desc, "
         "value limit 31\n", ("paragraphs", "role", 31)),
        ("select role as value, count(*) as count from ( select id, role from [paragraphs] "
         "where source = :p0 ) where role is not null group by role order by count desc, "
         "value limit 31", None),
        ("select year as value, count(*) as count from ( select key, year from sources ) where "
         "year is not null group by year order by count desc, value limit 31",
         ("sources", "year", 31)),
        ("select role as value, count(*) as count from ( select id from [files] ) where "
         "role is not null group by role order by count desc, value limit 31", None),
        (_ARRAY.format(where=""), ("sources", "udc[]", 31)),
        (_ARRAY.format(where="where year = :p0"), None),
    ],
)
def test_only_the_whole_table_facet_query_is_answered_from_counts(
    sql: str, asked: tuple[str, str, int] | None
) -> None:
    assert counted_query(sql) == asked


def _role_counts(data: dict[str, Any]) -> dict[str, int]:
    return {r["value"]: r["count"] for r in data["facet_results"]["results"]["role"]["results"]}


async def test_whole_table_facets_read_the_counts_and_filtered_ones_count_rows(
    tmp_path: Path,
) -> None:
    db = tmp_path / "archive.db"
    build_archive(db)
    conn = sqlite3.connect(db)
    # Marked counts show which path a page took.
    conn.execute("UPDATE paragraph_facets SET count = 999 WHERE name = 'role' AND value = 'body'")
    conn.commit()
    real = dict(_actual(conn, "role"))
    kk = dict(conn.execute(
        "SELECT role, count(*) FROM paragraphs WHERE source = ? GROUP BY role", [KK]
    ).fetchall())
    conn.close()
    ds = Datasette([str(db)], config=yaml.safe_load(CONFIG.read_text(encoding="utf-8")))
    await ds.invoke_startup()
    try:
        whole = (await ds.client.get(
            "/archive/paragraphs.json?_facet=role&_extra=facet_results")).json()
        counts = _role_counts(whole)
        assert counts["body"] == 999 and counts["heading"] == real["heading"]
        one = (await ds.client.get(
            f"/archive/paragraphs.json?source={KK}&_facet=role&_extra=facet_results")).json()
        counts = _role_counts(one)
        assert counts == kk
    finally:
        ds.close()


async def test_the_sources_page_facets_read_the_counts_and_agree_with_datasette(
    tmp_path: Path,
) -> None:
    db = tmp_path / "archive.db"
    build_archive(db)

    async def facets() -> dict[str, list[tuple[Any, int]]]:
        ds = Datasette([str(db)], config=yaml.safe_load(CONFIG.read_text(encoding="utf-8")))
        await ds.invoke_startup()
        try:
            data = (await ds.client.get("/archive/sources.json?_extra=facet_results")).json()
        finally:
            ds.close()
        results = data["facet_results"]["results"]
        return {name: [(r["value"], r["count"]) for r in facet["results"]]
                for name, facet in results.items()}

    kept = await facets()
    assert {"language", "year", "author_names", "udc_classes"} <= kept.keys()
    assert all(kept.values())
    conn = sqlite3.connect(db)
    conn.execute("ALTER TABLE source_facets RENAME TO source_facets_aside")  # Datasette counts
    conn.commit()
    counted = await facets()
    assert kept == counted
    conn.execute("ALTER TABLE source_facets_aside RENAME TO source_facets")
    conn.execute("UPDATE source_facets SET count = 999 WHERE name IN ('language', 'udc[]')")
    conn.commit()
    conn.close()
    marked = await facets()  # read from the counts
    assert {n for _, n in marked["language"]} == {999} == {n for _, n in marked["udc"]}
