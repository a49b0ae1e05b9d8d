"""Word-form search against the gold written by reading the seeds (tests/golden/search/)."""

from __future__ import annotations

import pytest
from goldsearch import hits, index, score

from archive.search import keyboard_query, stem_query, stem_text


@pytest.fixture(scope="module")
def scores() -> dict[str, object]:
    conn, ids = index(stem_text)

    def search(query: str) -> set[str]:
        found = hits(conn, ids, "forms", stem_query(query))
        return found | hits(conn, ids, "forms", keyboard_query(query))

    return {s.group: s for s in score(search)}


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
