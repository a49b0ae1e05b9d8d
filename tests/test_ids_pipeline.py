"""Paragraph IDs through ingest: a perturbed file of the same work keeps every old ID right.

Each case ingests an original (seed 000, or the generated journal article) into a fresh
archive home, ingests a perturbed file without naming the source, and resolves every old ID
(``bench/ids_pipeline.py`` judges; ``bench/ids.py`` prints the full suite).
"""

from __future__ import annotations

import importlib.util
import sqlite3
import sys
from pathlib import Path
from types import ModuleType

import pdfgen
import pytest

from archive.ids import normalise
from archive.ingest.run import ingest_paths
from archive.store import Store

ROOT = Path(__file__).resolve().parent.parent


def _load(name: str) -> ModuleType:
    sys.path.insert(0, str(ROOT / "bench"))
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


PIPE = _load("ids_pipeline")
PERTURB = sys.modules["ids_perturb"]
RAW = PERTURB.SEED.read_text(encoding="utf-8")
ITEMS = PERTURB.article_spec()["items"]


@pytest.fixture(scope="module")
def seed_texts() -> list[str]:
    return PIPE.live_paragraphs(RAW.encode(), ".txt")


@pytest.fixture(scope="module")
def article() -> bytes:
    return pdfgen.journal_article()[0]


def _check(outcome, *, every: bool) -> None:
    assert outcome.status == "new_version" and outcome.same_key, outcome
    assert outcome.wrong == 0, outcome
    if every:
        assert outcome.stable == outcome.total, outcome
    assert outcome.rate >= 0.97, outcome


@pytest.mark.parametrize("name", ["hyphenated", "running headers", "unicode noise"])
def test_text_copy_reextracted_keeps_every_id(name: str, seed_texts, tmp_path) -> None:
    data = dict(PERTURB.text_reextractions(RAW, seed_texts))[name]
    case = PIPE.Case(name, data.encode(), ".txt", reextraction=True)
    _check(PIPE.run_case(RAW.encode(), ".txt", case, tmp_path), every=True)


@pytest.mark.parametrize(
    "name", ["typos fixed", "one deleted", "one split", "two merged", "moved + edited"]
)
def test_text_copy_edited_resolves_as_expected(name: str, seed_texts, tmp_path) -> None:
    data, expect = next((t, e) for n, t, e in PERTURB.text_edits(RAW, seed_texts) if n == name)
    assert expect  # the edit touched a known paragraph
    case = PIPE.Case(name, data.encode(), ".txt", expect)
    _check(PIPE.run_case(RAW.encode(), ".txt", case, tmp_path), every=True)


def test_text_seed_retypeset_as_pdf_keeps_every_id(tmp_path) -> None:
    case = PIPE.Case("to pdf", pdfgen.retypeset_seed_000()[0], ".pdf", reextraction=True)
    _check(PIPE.run_case(RAW.encode(), ".txt", case, tmp_path), every=True)


def test_pdf_retypeset_with_other_margins_and_type_keeps_every_id(article, tmp_path) -> None:
    pdf = PERTURB.typeset_article(ITEMS, margins=(70, 80, 60, 80), body_size=9.5)
    case = PIPE.Case("wide margins", pdf, ".pdf", reextraction=True)
    _check(PIPE.run_case(article, ".pdf", case, tmp_path), every=True)


@pytest.mark.parametrize("name", ["one inserted", "one split", "moved + edited"])
def test_pdf_edited_resolves_as_expected(name: str, article, tmp_path) -> None:
    items, expect = next((i, e) for n, i, e in PERTURB.pdf_edits(ITEMS) if n == name)
    case = PIPE.Case(name, PERTURB.typeset_article(items), ".pdf", expect)
    # Moving paragraphs puts a page break inside another one, which the segmenter may split.
    _check(PIPE.run_case(article, ".pdf", case, tmp_path), every=not name.startswith("moved"))


def test_pdf_text_copy_joins_the_source_and_keeps_ids(article, tmp_path) -> None:
    case = PIPE.Case("text copy", PERTURB.pdf_text_copy(article).encode(), ".txt")
    outcome = PIPE.run_case(article, ".pdf", case, tmp_path)
    assert outcome.status == "new_version" and outcome.same_key
    assert outcome.wrong == 0 and outcome.lost == 0
    assert outcome.rate >= 0.9  # the rest are paragraphs the text segmenter cuts differently


def _live(home: Path) -> dict[str, str]:
    conn = sqlite3.connect(home / "archive.db")
    try:
        return dict(conn.execute("SELECT id, text FROM paragraphs WHERE status = 'live'"))
    finally:
        conn.close()


def test_edits_leave_the_promised_rows(seed_texts, tmp_path) -> None:
    """Deleted: a tombstone with its last text; merged: a pointer to the merged paragraph."""
    edits = {n: (t, e) for n, t, e in PERTURB.text_edits(RAW, seed_texts)}
    for name, status in (("one deleted", "deleted"), ("two merged", "merged")):
        home = tmp_path / name.replace(" ", "-")
        with Store.open(home) as store:
            (tmp_path / "seed.txt").write_text(RAW, encoding="utf-8")
            ingest_paths(store, [tmp_path / "seed.txt"])
            before = _live(home)
            (tmp_path / "copy.txt").write_text(edits[name][0], encoding="utf-8")
            [second] = ingest_paths(store, [tmp_path / "copy.txt"]).files
            assert second.status == "new_version"
            rows = store.rows("SELECT id, status, text FROM paragraphs WHERE status != 'live'")
        assert [r["status"] for r in rows] == [status]
        [row] = rows
        assert normalise(row["text"]) == normalise(before[row["id"]])
        if status == "merged":
            want = next(iter(edits[name][1].values()))
            assert want in {normalise(t) for t in _live(home).values()}


def test_a_file_of_another_work_is_not_joined(article, tmp_path) -> None:
    case = PIPE.Case("other work", article, ".pdf")
    outcome = PIPE.run_case(RAW.encode(), ".txt", case, tmp_path)
    assert outcome.status == "new" and not outcome.same_key


def test_same_files_give_the_same_ids(seed_texts, tmp_path) -> None:
    copy = next(t for n, t, _ in PERTURB.text_edits(RAW, seed_texts) if n == "one inserted")
    homes = []
    for run in ("a", "b"):
        home = tmp_path / run
        (tmp_path / "seed.txt").write_text(RAW, encoding="utf-8")
        (tmp_path / "copy.txt").write_text(copy, encoding="utf-8")
        with Store.open(home) as store:
            ingest_paths(store, [tmp_path / "seed.txt"])
            ingest_paths(store, [tmp_path / "copy.txt"])
        homes.append(_live(home))
    assert homes[0] == homes[1]
    fresh = set(homes[0]) - set(PIPE.original_ids(tmp_path / "c", RAW.encode(), ".txt")[1])
    assert len(fresh) == 1 and fresh.pop().rsplit("-p", 1)[1][-1] == "b"


def test_a_merge_undone_by_a_later_file_gives_both_ids_their_words_back(
    seed_texts, tmp_path
) -> None:
    merged = next(t for n, t, _ in PERTURB.text_edits(RAW, seed_texts) if n == "two merged")
    case = PIPE.Case("merged, back", merged.encode(), ".txt", back=(RAW + "\n").encode())
    outcome = PIPE.run_case(RAW.encode(), ".txt", case, tmp_path)
    assert outcome.status == "new_version"
    assert outcome.wrong == 0 and outcome.stable == outcome.total
