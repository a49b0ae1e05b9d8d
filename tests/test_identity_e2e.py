"""Paragraph IDs through the whole pipeline: re-ingestion from other files of the same work."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pdfgen
import pytest

from archive.ids import normalise
from archive.ingest.run import ingest_paths
from archive.ingest.workers import Processes
from archive.store import Store

ROOT = Path(__file__).resolve().parent.parent
SEED_000 = ROOT / "seeds" / "000_d613d50ca8d86847.txt"
GOLD_000 = json.loads((ROOT / "tests" / "golden" / "000_d613d50ca8d86847.json").read_text())


def ingest(home: Path, *paths: Path, jobs: int = 1) -> list:
    with Store.open(home) as store, Processes(jobs) as workers:
        return list(ingest_paths(store, list(paths), workers=workers if jobs > 1 else None).files)


def live_texts(home: Path) -> dict[str, str]:
    conn = sqlite3.connect(home / "archive.db")
    try:
        return dict(conn.execute("SELECT id, text FROM paragraphs WHERE status = 'live'"))
    finally:
        conn.close()


def kept(before: dict[str, str], after: dict[str, str]) -> tuple[int, int]:
    """(IDs still naming the same words, IDs now naming other words)."""
    same = sum(
        1
        for pid, text in before.items()
        if pid in after and normalise(after[pid]) == normalise(text)
    )
    wrong = sum(
        1
        for pid, text in before.items()
        if pid in after
        and normalise(after[pid]) != normalise(text)
        and normalise(text) not in normalise(after[pid])
        and normalise(after[pid]) not in normalise(text)
    )
    return same, wrong


def test_pdf_of_the_text_seed_joins_its_source_and_keeps_ids(tmp_path):
    home = tmp_path / "home"
    [first] = ingest(home, SEED_000)
    assert first.status == "new"
    before = live_texts(home)
    article = {
        pid: text
        for pid, text in before.items()
        if not any(p["role"] == "foreign" and p["text"] == text for p in GOLD_000["paragraphs"])
    }

    pdf, _ = pdfgen.retypeset_seed_000()
    (tmp_path / "article.pdf").write_bytes(pdf)
    [second] = ingest(home, tmp_path / "article.pdf")
    assert second.status == "new_version", second
    assert second.key == first.key
    same, wrong = kept(article, live_texts(home))
    assert same / len(article) >= 0.95, f"{same}/{len(article)} article IDs kept"
    assert wrong == 0


def test_rewrapped_copy_keeps_every_id(tmp_path):
    home = tmp_path / "home"
    [first] = ingest(home, SEED_000)
    before = live_texts(home)
    # The same paragraphs, one per line, with other Unicode spellings: a re-extraction.
    rewrapped = "\n\n".join(p["text"].replace(" ", "\u00a0", 3) for p in GOLD_000["paragraphs"])
    (tmp_path / "copy.txt").write_text(rewrapped, encoding="utf-8")
    [second] = ingest(home, tmp_path / "copy.txt")
    assert second.status == "new_version" and second.key == first.key
    after = live_texts(home)
    gold_norm = {normalise(p["text"]) for p in GOLD_000["paragraphs"]}
    tracked = {pid: text for pid, text in before.items() if normalise(text) in gold_norm}
    same, wrong = kept(tracked, after)
    assert same == len(tracked) and wrong == 0


@pytest.mark.parametrize("jobs", [1, 2])
def test_same_run_text_and_pdf_give_the_same_ids_whatever_the_order(tmp_path, jobs):
    pdf, _ = pdfgen.retypeset_seed_000()
    (tmp_path / "article.pdf").write_bytes(pdf)
    homes = []
    for name, order in (
        ("a", [SEED_000, tmp_path / "article.pdf"]),
        ("b", [tmp_path / "article.pdf", SEED_000]),
    ):
        ingest(tmp_path / name, *order, jobs=jobs)
        homes.append(live_texts(tmp_path / name))
    assert homes[0] == homes[1]


def _edit_every_paragraph(text: str) -> str:
    """One word changed in every paragraph; names written family-first."""
    text = text.replace("А.Т. ҚАЛИЛА", "ҚАЛИЛА А.Т.").replace("А.Т. Қалила", "Қалила А.Т.")
    words = text.split()
    if len(words) < 8:
        return text + " (ред.)"
    words[len(words) // 2] = words[len(words) // 2].upper() + "Х"
    return " ".join(words)


def test_a_copy_sharing_no_paragraph_exactly_is_still_found_by_author_and_year(tmp_path):
    """No exact fingerprint shared (another extractor, an editor's pass): the key the copy
    would be minted under names the candidate, and the text overlap decides."""
    from dataclasses import replace

    from archive.ingest.analyse import analyse
    from archive.ingest.identify import identify

    home = tmp_path / "home"
    [first] = ingest(home, SEED_000)
    original = analyse(SEED_000.read_bytes())
    copy = "\n\n".join(_edit_every_paragraph(p["text"]) for p in GOLD_000["paragraphs"])
    edited = analyse(copy.encode("utf-8"))
    assert not set(edited.fingerprints) & set(original.fingerprints)
    # The same bibliographic facts (as a sidecar or the PDF's XMP would give them), no DOI.
    edited = replace(edited, metadata=replace(original.metadata, doi=None, title=None))
    with Store.open(home) as store:
        found = identify(store, edited, None)
    assert (found.key, found.new_source, found.reason) == (first.key, False, "text overlap")


def test_two_papers_by_one_author_with_the_same_home_page_stay_two_sources(tmp_path: Path) -> None:
    # The author's home page under the affiliation (a JSS vignette's end) is printed in both:
    # it says where the author is, not which document this is.
    body = {
        "a": "Recursive partitioning splits a sample into groups by the values of its inputs, "
             "and each split is chosen by a test of independence between the response and "
             "one of the inputs, so that the tree stops when no input is associated with it.",
        "b": "Colour palettes for statistical graphics are chosen in a perceptually based "
             "space, where hue, chroma and luminance each have a meaning a reader sees, so "
             "that qualitative, sequential and diverging palettes follow simple rules.",
    }
    paths = []
    for name, text in body.items():
        path = tmp_path / f"{name}.txt"
        path.write_text(
            f"A Paper About {name.upper()}\n\nAchim Zeileis\n\n{text}\n\n{text}\n\n"
            "Affiliation:\n\nAchim Zeileis\nUniversität Innsbruck\n"
            "E-mail: Achim.Zeileis@example.org\nURL: http://example.org/~zeileis/\n",
            encoding="utf-8",
        )
        paths.append(path)
    files = ingest(tmp_path / "home", *paths)
    assert [f.status for f in files] == ["new", "new"]
    assert files[0].key != files[1].key
    # Nor is it the document's own address.
    conn = sqlite3.connect(tmp_path / "home" / "archive.db")
    try:
        assert [url for (url,) in conn.execute("SELECT url FROM sources")] == [None, None]
    finally:
        conn.close()
