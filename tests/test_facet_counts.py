"""Facet counts kept by triggers (migrations 0008, 0014, 0015, 0017) and pages that read them."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
import yaml
from datasette.app import Datasette
from migrations import database_before
from test_datasette import CONFIG, KK, build_archive

from archive.store import Store, read, source_facets
from archive.store.schema import migrate
from archive.store.search_schema import FACET_COLUMNS
from archive.web.facets import facet_query, searched_where, whole_table


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


def test_counts_and_text_index_after_the_0017_upgrade(tmp_path: Path) -> None:
    db = database_before(tmp_path / "archive.db", "0017_unchanged_rows_untouched")
    db.execute("INSERT INTO sources (key) VALUES ('a-2024'), ('b-2024')")
    for n in range(6):
        db.execute("INSERT INTO paragraphs (id, source, seq, role, lang, status, text) "
                   "VALUES (?, ?, ?, 'body', 'kk', 'live', ?)",
                   [f"p{n}", ("a-2024", "b-2024")[n % 2], n, f"word{n}"])
    db.conn.commit()
    assert migrate(db)[0] == "0017_unchanged_rows_untouched"
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


@pytest.mark.parametrize(
    ("sql", "asked", "whole"),
    [
        ("\n  select role as value, count(*) as count from (\n  select id, role from "
         "[paragraphs] \n)\nwhere role is not null\ngroup by role order by count desc, "
         "value limit 31\n", "role", True),
        ("select role as value, count(*) as count from ( select id, role from [paragraphs] "
         "where source = :p0 ) where role is not null group by role order by count desc, "
         "value limit 31", "role", False),
        ("select role as value, count(*) as count from ( select id from [sources] ) where "
         "role is not null group by role order by count desc, value limit 31", "role", False),
        ("select count(*) from paragraphs", None, False),
    ],
)
def test_only_the_whole_table_facet_query_is_answered_from_counts(
    sql: str, asked: str | None, whole: bool
) -> None:
    found = facet_query(sql)
    assert (found and found[0]) == asked
    assert (found is not None and whole_table(found[1])) == whole


_HITS = "rowid in (select value from json_each(:archive_hits))"


@pytest.mark.parametrize(
    ("rows", "where"),
    [
        (f"select id, role from paragraphs where {_HITS}", _HITS),
        (f'select id from paragraphs where "role" = :p0 and {_HITS} and lang = :p1',
         f'"role" = :p0 and {_HITS} and lang = :p1'),
        ("select id from paragraphs where source = :p0", None),
        (f"select key from sources where {_HITS}", None),
    ],
)
def test_a_searched_page_is_told_by_its_hits_clause(rows: str, where: str | None) -> None:
    assert searched_where(rows) == where


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


def _by_source(conn: sqlite3.Connection, column: str) -> list[tuple[str, int]]:
    each = (f", json_each(CASE WHEN json_valid(s.{column}) THEN s.{column} END) j"
            if column in source_facets.ARRAYS else "")
    value = "j.value" if each else f"s.{column}"
    rows = conn.execute(
        f"SELECT {value}, count(*) FROM paragraphs p JOIN sources s ON s.key = p.source{each} "
        f"WHERE {value} IS NOT NULL GROUP BY {value} ORDER BY 2 DESC, 1"
    )
    return [(str(v), int(n)) for v, n in rows]


def test_counts_by_source_follow_paragraphs_and_sources(tmp_path: Path) -> None:
    """Migration 0014: paragraphs counted by their source's journal, year and classes."""
    with Store.open(tmp_path) as store:
        conn = store.db.conn
        conn.execute(
            "INSERT INTO sources (key, journal, year, udc_classes, grnti_classes) VALUES "
            "('a-2024', 'Хабаршы', 2024, '[\"3\", \"9\"]', '[\"10\"]'), "
            "('b-2023', 'Хабаршы', 2023, '[\"3\"]', 'not json'), ('c-2025', NULL, 2025, NULL, '[]')"
        )
        for n in range(15):
            conn.execute(
                "INSERT INTO paragraphs (id, source, seq, status, text) "
                "VALUES (?, ?, ?, 'live', 'x')",
                (f"p{n}", ("a-2024", "b-2023", "c-2025")[n % 3], n),
            )
        conn.execute("UPDATE paragraphs SET status = 'deleted' WHERE id = 'p3'")  # still counted
        conn.execute("DELETE FROM paragraphs WHERE id IN ('p0', 'p1')")
        conn.execute("UPDATE sources SET journal = 'Вестник', udc_classes = '[\"9\"]' "
                     "WHERE key = 'a-2024'")
        conn.execute("UPDATE sources SET journal = 'Хабаршы' WHERE key = 'c-2025'")
        conn.execute("UPDATE paragraphs SET source = 'c-2025' WHERE id = 'p4'")
        conn.commit()
        for column in source_facets.COLUMNS:
            expected = _by_source(conn, column)
            assert source_facets.whole_table_counts(conn, column, 100) == expected, column
        assert source_facets.whole_table_counts(conn, "journal", 5) == [
            ("Хабаршы", 9), ("Вестник", 4)]


async def test_sources_list_facets_read_only_what_they_count(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Datasette's array facets on the sources table: from the kept counts over the whole
    table, asked the narrow way (key and list only) over a filtered page; both count as
    Datasette would."""
    db = build_archive(tmp_path / "archive.db")
    asked: list[str] = []
    narrow = source_facets.listed_values_sql

    def spy(rows: str, column: str, limit: int) -> str:
        asked.append(column)
        return narrow(rows, column, limit)

    monkeypatch.setattr(source_facets, "listed_values_sql", spy)
    config = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    ds = Datasette([str(db)], config=config)
    await ds.invoke_startup()
    pages = {}
    try:
        for where in ("", "&kind=article-journal"):
            response = await ds.client.get(f"/archive/sources.json?_extra=facet_results{where}")
            pages[where] = response.json()["facet_results"]["results"]
            assert bool(asked) == bool(where)  # the whole table's come from the kept counts
    finally:
        ds.close()
    assert set(source_facets.LISTS) <= set(asked)
    conn = sqlite3.connect(db)
    for where, facets in pages.items():
        for column in source_facets.LISTS:
            expected = dict(conn.execute(
                f"SELECT j.value, count(DISTINCT s.key) FROM sources s, json_each(s.{column}) j "
                f"WHERE 1 {where.replace('&', 'AND s.').replace('=article-journal', ' = ?')} "
                "GROUP BY j.value", ["article-journal"] if where else []))
            got = {v["value"]: v["count"] for v in facets[column]["results"]}
            assert got == expected, (where, column)
    conn.close()


def test_sources_list_counts_follow_every_change(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        conn = store.db.conn
        conn.execute(
            "INSERT INTO sources (key, author_names, udc, udc_classes, grnti, grnti_classes) "
            "VALUES ('a', '[\"Қалила А.\", \"Smith J.\"]', '[\"341.1\", \"341.1\"]', '[\"3\"]', "
            "'[]', NULL), ('b', '[\"Smith J.\"]', 'broken', '[\"3\"]', '[\"10.87\"]', '[\"10\"]')"
        )
        conn.execute("UPDATE sources SET author_names = '[\"Ким Л.\"]' WHERE key = 'a'")
        conn.execute("INSERT INTO sources (key, udc_classes) VALUES ('c', '[\"9\"]')")
        conn.execute("DELETE FROM sources WHERE key = 'c'")
        conn.commit()
        for column in source_facets.LISTS:
            expected = sorted(
                conn.execute(
                    f"SELECT j.value, count(DISTINCT s.key) FROM sources s, json_each(CASE WHEN "
                    f"json_valid(s.{column}) THEN s.{column} END) j GROUP BY j.value"),
                key=lambda vn: (-vn[1], vn[0]))
            assert source_facets.source_list_counts(conn, column, 50) == expected, column
        assert source_facets.source_list_counts(conn, "author_names", 50) == [
            ("Smith J.", 1), ("Ким Л.", 1)]
