"""Word-form search against the gold written by reading the seeds (tests/golden/search/)."""

from __future__ import annotations

import sqlite3

import pytest
from goldsearch import index, queries, roles, score, word_forms

from archive.search import keyboard_query, stem_query, stem_text
from archive.store import ranked


@pytest.fixture(scope="module")
def scores() -> dict[str, object]:
    conn, ids = index(stem_text)
    return {s.group: s for s in score(word_forms(conn, ids, stem_query, keyboard_query))}


@pytest.mark.parametrize("group", ["kk forms", "ru forms", "en forms"])
def test_word_forms_recall_and_precision(scores: dict[str, object], group: str) -> None:
    s = scores[group]
    assert s.recall >= 0.98, s.missed  # type: ignore[attr-defined]
    assert s.precision >= 0.95  # type: ignore[attr-defined]


@pytest.mark.parametrize("group", ["all lookalike", "all keyboard"])
def test_lookalike_and_keyboard_cases_all_found(scores: dict[str, object], group: str) -> None:
    assert scores[group].missed == ()  # type: ignore[attr-defined]


def test_gold_has_enough_queries_per_language(scores: dict[str, object]) -> None:
    assert scores["kk forms"].queries >= 20  # type: ignore[attr-defined]
    assert scores["ru forms"].queries >= 20  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def seeds_with_roles() -> tuple[sqlite3.Connection, list[str]]:
    """The gold paragraphs indexed as the store indexes them, with their gold roles."""
    conn, ids = index(stem_text)
    conn.execute("ALTER TABLE forms RENAME TO paragraphs_stems")
    conn.execute("CREATE TABLE paragraphs (role TEXT)")
    conn.execute("CREATE INDEX idx_paragraphs_role ON paragraphs (role)")  # as the store's
    gold = roles()
    conn.executemany("INSERT INTO paragraphs(rowid, role) VALUES (?, ?)",
                     [(n, gold.get(pid, "body")) for n, pid in enumerate(ids, 1)])
    return conn, ids


def _orders(conn: sqlite3.Connection, ids: list[str], query: str) -> tuple[list[str], list[str]]:
    """(BM25 alone, BM25 weighted by role) orders of a query's hits."""
    expression = stem_query(query)
    plain = conn.execute("SELECT rowid FROM paragraphs_stems WHERE paragraphs_stems MATCH ? "
                         "ORDER BY rank", (expression,))
    weighted = ranked.best_rowids(conn, "paragraphs_stems", [expression])
    return [ids[r - 1] for (r,) in plain], [ids[r - 1] for r in weighted]


@pytest.mark.parametrize(
    ("query", "better", "worse"),
    [
        ("бітімгершілік", "000:39", "000:4"),  # a heading above the keywords
        ("страна", "000:75", "001:9"),  # an abstract above the body
        ("вооружённый", "000:78", "000:74"),  # keywords above the author's affiliation
    ],
)
def test_heading_abstract_and_keywords_hits_outrank_body_hits(
    seeds_with_roles: tuple[sqlite3.Connection, list[str]], query: str, better: str,
    worse: str,
) -> None:
    plain, weighted = _orders(*seeds_with_roles, query)
    assert plain.index(worse) < plain.index(better)  # BM25 alone puts the body first
    assert weighted.index(better) < weighted.index(worse)


def test_role_weights_keep_bm25_order_within_a_weight(
    seeds_with_roles: tuple[sqlite3.Connection, list[str]],
) -> None:
    conn, ids = seeds_with_roles
    gold = roles()
    moved = 0
    for entry in queries():
        plain, weighted = _orders(conn, ids, str(entry["query"]))
        assert sorted(plain) == sorted(weighted)  # the same hits
        for weight in {1.0, *ranked.ROLE_WEIGHTS.values()}:
            def alike(order: list[str], weight: float = weight) -> list[str]:
                return [p for p in order
                        if ranked.ROLE_WEIGHTS.get(gold.get(p, "body"), 1.0) == weight]
            assert alike(weighted) == alike(plain), entry["query"]
        moved += plain != weighted
    assert moved >= 10  # the weights do change the order of many queries
