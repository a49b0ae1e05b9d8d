"""Ranked search with bounded cost (``archive.store.ranked``) and the paragraphs table's
``_search`` handed to it (``archive.web.params``)."""

from __future__ import annotations

import sqlite3

import pytest

from archive.store import ranked
from archive.web.params import renamed_query


@pytest.fixture
def conn() -> sqlite3.Connection:
    """A word-form index of 60 body paragraphs: every row has "common", rows 10 and 50 say
    it thrice, every tenth row has "rare"."""
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE paragraphs_stems USING fts5(stems)")
    db.execute("CREATE TABLE paragraphs (role TEXT)")
    db.execute("CREATE INDEX idx_paragraphs_role ON paragraphs (role)")  # as the store's
    for rowid in range(1, 61):
        db.execute("INSERT INTO paragraphs(rowid, role) VALUES (?, 'body')", (rowid,))
        words = ["common"] * (3 if rowid in (10, 50) else 1) + ["filler"] * 8
        if rowid % 10 == 0:
            words.append("rare")
        db.execute("INSERT INTO paragraphs_stems(rowid, stems) VALUES (?, ?)",
                   (rowid, " ".join(words)))
    return db


def test_best_hits_come_first_and_are_capped(conn: sqlite3.Connection) -> None:
    found = ranked.best_rowids(conn, "paragraphs_stems", ['"common"'], limit=5)
    assert len(found) == 5
    assert set(found[:2]) == {10, 50}  # three occurrences rank above one


def test_only_the_newest_hits_are_ranked(conn: sqlite3.Connection) -> None:
    sql = ranked.top_hits("paragraphs_stems", ":match", limit=5, window=20)
    found = [r[0] for r in conn.execute(sql, {"match": '"common"'})]
    # The window is rows 41..60: row 10 says the word thrice but is too old to be ranked.
    assert found[0] == 50 and 10 not in found
    assert all(rowid >= 41 for rowid in found)


def test_a_query_with_few_hits_is_ranked_whole(conn: sqlite3.Connection) -> None:
    found = ranked.best_rowids(conn, "paragraphs_stems", ['"rare"'], limit=100)
    assert sorted(found) == [10, 20, 30, 40, 50, 60]


def test_tiers_keep_their_order_without_repeats(conn: sqlite3.Connection) -> None:
    found = ranked.best_rowids(conn, "paragraphs_stems", ['"rare"', '"common"'], limit=8)
    assert sorted(found[:6]) == [10, 20, 30, 40, 50, 60]
    assert len(found) == len(set(found)) == 8


def test_a_heading_outranks_the_same_hit_in_the_body(conn: sqlite3.Connection) -> None:
    plain = ranked.best_rowids(conn, "paragraphs_stems", ['"rare"'])
    conn.execute("UPDATE paragraphs SET role = 'heading' WHERE rowid = ?", (plain[-1],))
    weighted = ranked.best_rowids(conn, "paragraphs_stems", ['"rare"'])
    # The last of six equal hits, once a heading, comes first; the others keep their order.
    assert weighted == [plain[-1], *plain[:-1]]


def test_hits_are_counted_exactly_below_the_cap_and_capped_above(
    conn: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The count is the windows': a window of 25 counts up to 25.
    monkeypatch.setattr(ranked, "RANK_WINDOW", 25)
    monkeypatch.setattr(ranked, "COUNT_CAP", 25)
    rare = ranked.best_hits(conn, "paragraphs_stems", ['"rare"'], limit=100)
    assert (rare.total, rare.capped) == (6, False)
    common = ranked.best_hits(conn, "paragraphs_stems", ['"common"'], limit=100)
    assert (common.total, common.capped) == (25, True)
    assert min(common.rowids) == 36  # and the hits kept are the 25 newest
    both = ranked.best_hits(conn, "paragraphs_stems", ['"rare"', '"common"'], limit=3)
    assert (both.total, len(both.rowids)) == (25, 3)
    assert ranked.best_hits(conn, "paragraphs_stems", ['"absent"']) == ranked.Hits([], 0)


def test_only_the_archive_indexes_are_named(conn: sqlite3.Connection) -> None:
    with pytest.raises(ValueError):
        ranked.top_hits("sources; drop table paragraphs", ":match")


@pytest.mark.parametrize(
    ("sent", "seen"),
    [
        (b"_search=%D0%BC%D0%B8%D1%80&_size=10", b"_exact=%D0%BC%D0%B8%D1%80&_size=10"),
        (b"_sort=seq&_search=a+b", b"_sort=seq&_exact=a+b"),
        (b"_search_text=x&_q=y", b"_search_text=x&_q=y"),
        (b"", b""),
    ],
)
def test_search_parameter_is_renamed(sent: bytes, seen: bytes) -> None:
    assert renamed_query(sent) == seen


def test_stored_queries_rank_the_same_window() -> None:
    """The stored queries in datasette.yaml spell the window and the role weights out in SQL:
    they must be the module's."""
    from pathlib import Path

    import yaml

    config = yaml.safe_load((Path(__file__).parent.parent / "datasette.yaml").read_text())
    queries = config["databases"]["archive"]["queries"]
    for name, table in (("search", "paragraphs_fts"), ("word_forms", "paragraphs_stems")):
        assert f"order by rowid desc limit {ranked.RANK_WINDOW}))" in queries[name]["sql"]
        weight = ranked.role_weight_at(f"{table}.rowid")
        assert f"{table}.rank * {weight} as rank" in queries[name]["sql"]
