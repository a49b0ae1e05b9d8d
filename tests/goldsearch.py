"""Scoring search against the word-form gold (``tests/golden/search/word_forms.json``).

The gold lists, for each dictionary-form query, every paragraph of the seeds' segmentation gold
(``000:17`` is paragraph 17 of ``tests/golden/000_*.json``) and of the gold's own small corpus
(``corpus:3``) that holds a form of the word — written by reading the texts. Paragraphs are
indexed in memory exactly as the store indexes them; shared by the tests and ``bench/search.py``.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

GOLDEN = Path(__file__).resolve().parent / "golden"
GOLD = GOLDEN / "search" / "word_forms.json"
TOKENIZER = "unicode61 remove_diacritics 2"


@dataclass(frozen=True)
class Score:
    group: str
    queries: int
    expected: int
    found: int
    returned: int
    correct: int
    missed: tuple[str, ...]

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.returned if self.returned else 1.0


def paragraphs() -> dict[str, tuple[str, str | None]]:
    """Gold paragraph ID → (text, language)."""
    found: dict[str, tuple[str, str | None]] = {}
    for path in sorted(GOLDEN.glob("0*.json")):
        if path.name.endswith(".meta.json"):
            continue
        for n, p in enumerate(json.loads(path.read_text(encoding="utf-8"))["paragraphs"], 1):
            found[f"{path.name[:3]}:{n}"] = (p["text"], p["lang"])
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    for n, p in enumerate(gold["corpus"], 1):
        found[f"corpus:{n}"] = (p["text"], p["lang"])
    return found


def roles() -> dict[str, str]:
    """Gold paragraph ID → its role in the segmentation gold (the small corpus has none)."""
    found: dict[str, str] = {}
    for path in sorted(GOLDEN.glob("0*.json")):
        if path.name.endswith(".meta.json"):
            continue
        for n, p in enumerate(json.loads(path.read_text(encoding="utf-8"))["paragraphs"], 1):
            found[f"{path.name[:3]}:{n}"] = p["role"]
    return found


def queries() -> list[dict[str, object]]:
    return list(json.loads(GOLD.read_text(encoding="utf-8"))["queries"])


def index(stem_text: Callable[[str, str | None], str]) -> tuple[sqlite3.Connection, list[str]]:
    """An in-memory word-form index and exact-text index of the gold paragraphs."""
    conn = sqlite3.connect(":memory:")
    conn.execute(f"CREATE VIRTUAL TABLE forms USING fts5(stems, tokenize='{TOKENIZER}')")
    conn.execute(f"CREATE VIRTUAL TABLE exact USING fts5(text, tokenize='{TOKENIZER}')")
    ids = list(paragraphs().items())
    for rowid, (_, (text, lang)) in enumerate(ids, 1):
        stems = stem_text(text, lang)
        conn.execute("INSERT INTO forms(rowid, stems) VALUES (?, ?)", (rowid, stems))
        conn.execute("INSERT INTO exact(rowid, text) VALUES (?, ?)", (rowid, text))
    return conn, [pid for pid, _ in ids]


def hits(conn: sqlite3.Connection, ids: list[str], table: str, expression: str | None) -> set[str]:
    if expression is None:
        return set()
    rows = conn.execute(f"SELECT rowid FROM {table} WHERE {table} MATCH ?", (expression,))
    return {ids[row[0] - 1] for row in rows}


def word_forms(
    conn: sqlite3.Connection, ids: list[str], stem_query: Callable[[str], str],
    keyboard_query: Callable[[str], str | None],
) -> Callable[[str], set[str]]:
    """A search of the gold's word-form index as the archive searches: every form of the
    words, with their Russian-keyboard readings of Kazakh."""

    def search(query: str) -> set[str]:
        return (hits(conn, ids, "forms", stem_query(query))
                | hits(conn, ids, "forms", keyboard_query(query)))

    return search


def score(
    search: Callable[[str], set[str]], entries: list[dict[str, object]] | None = None
) -> list[Score]:
    """Recall and precision per language and tier (``forms``, ``lookalike``, ``keyboard``)."""
    groups: dict[str, list[tuple[str, set[str], set[str]]]] = {}
    for entry in entries if entries is not None else queries():
        expected = set(entry["expected"])  # type: ignore[call-overload]
        query = str(entry["query"])
        got = search(query)
        for group in (f"{entry['lang']} {entry['tier']}", f"all {entry['tier']}"):
            groups.setdefault(group, []).append((query, expected, got))
    scores = []
    for group, rows in sorted(groups.items()):
        missed = tuple(sorted(f"{q}→{pid}" for q, exp, got in rows for pid in exp - got))
        scores.append(
            Score(
                group,
                len(rows),
                sum(len(exp) for _, exp, _ in rows),
                sum(len(exp & got) for _, exp, got in rows),
                sum(len(got) for _, _, got in rows),
                sum(len(exp & got) for _, exp, got in rows),
                missed,
            )
        )
    return scores


def table(scores: list[Score]) -> str:
    lines = [f"{'language / tier':<18} {'queries':>7} {'found':>11} {'recall':>7} {'precision':>9}"]
    for s in scores:
        lines.append(
            f"{s.group:<18} {s.queries:>7} {s.found:>5}/{s.expected:<5} "
            f"{s.recall:>7.3f} {s.precision:>9.3f}"
        )
    return "\n".join(lines)
