"""Generated PDFs through extraction and the shared segmenter, scored against their gold.

A gold paragraph counts as found only if exactly one extracted paragraph equals it after
NFC and whitespace collapsing; precision and recall are over paragraphs.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from itertools import pairwise
from pathlib import Path
from typing import Any

import pdfgen
import pytest

from archive.extract.layout import LEFT, RIGHT, Fragment, order_page
from archive.extract.pdf import extract_pdf
from archive.models import Document, Segmentation
from archive.segment import segment

GOLDEN = Path(__file__).parent / "golden"
Gold = list[dict[str, Any]]


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def letters(text: str) -> str:
    return re.sub(r"[\W_]+", "", text)


def paragraph_f1(seg: Segmentation, gold: Gold) -> float:
    counts = Counter(norm(b.text) for b in seg.blocks)
    hits = sum(1 for g in gold if counts[norm(g["text"])] == 1)
    if not hits:
        return 0.0
    precision, recall = hits / len(seg.blocks), hits / len(gold)
    return 2 * precision * recall / (precision + recall)


@pytest.fixture(scope="module")
def segmented(journal_doc: Document) -> Segmentation:
    return segment(journal_doc)


@pytest.mark.parametrize("name", ["journal_article", "two_column_paper"])
def test_gold_file_is_what_the_generator_makes(name: str) -> None:
    stored = json.loads((GOLDEN / f"pdf_{name}.json").read_text(encoding="utf-8"))
    assert stored == pdfgen.gold_document(name)
    assert stored["generator"] == name and len(stored["paragraphs"]) > 30


@pytest.mark.parametrize("glued", [False, True], ids=["page-number", "glued-to-year"])
def test_article_paragraph_f1(
    glued: bool, journal_pdf: tuple[bytes, Gold], journal_glued_pdf: tuple[bytes, Gold]
) -> None:
    data, gold = journal_glued_pdf if glued else journal_pdf
    assert paragraph_f1(segment(extract_pdf(data)), gold) >= 0.97


def test_roles_of_found_paragraphs(
    segmented: Segmentation, journal_pdf: tuple[bytes, Gold]
) -> None:
    by_text = {norm(b.text): b for b in segmented.blocks}
    found = [(g, by_text[norm(g["text"])]) for g in journal_pdf[1] if norm(g["text"]) in by_text]
    agree = sum(1 for g, b in found if b.role == g["role"])
    assert agree >= 0.95 * len(journal_pdf[1])


def test_headers_and_footers_become_artifacts(
    segmented: Segmentation, journal_doc: Document
) -> None:
    height = journal_doc.pages[0].height
    furniture = {ln.text for ln in journal_doc.lines if not 0.08 * height < ln.y0 < 0.92 * height}
    assert len(furniture) >= 2 + journal_doc.page_count  # two headers, one number per page
    assert furniture == {a.text for a in segmented.artifacts}
    assert not any(f in b.text for b in segmented.blocks for f in furniture if len(f) > 3)
    numbers = sorted(a.printed_page for a in segmented.artifacts if a.kind == "page-number")
    assert numbers == [17, 18, 19, 20, 21]


def test_artifacts_carry_the_physical_page_of_their_line(
    segmented: Segmentation, journal_doc: Document
) -> None:
    first_lines = {ln.page: ln.text for ln in journal_doc.lines[::-1]}  # first line per page
    headers = [a for a in segmented.artifacts if a.kind == "running-header"]
    assert headers and all(first_lines[a.page] == a.text for a in headers)


def test_printed_page_numbers_assigned(
    segmented: Segmentation, journal_pdf: tuple[bytes, Gold]
) -> None:
    pages = {norm(b.text): b.page for b in segmented.blocks}
    gold = journal_pdf[1]
    assert {g["page"] for g in gold} == {17, 18, 19, 20, 21}
    assert [pages.get(norm(g["text"])) for g in gold] == [g["page"] for g in gold]


def line_end_breaks(doc: Document) -> list[tuple[str, str]]:
    """(head ending in '-', first word of the next line) for every hyphen at a line end."""
    lines = [ln.text for ln in doc.lines]
    return [
        (a.split()[-1], b.split()[0])
        for a, b in pairwise(lines)
        if a.endswith("-") and b[:1].isalpha()
    ]


def test_hyphenation_repaired_and_compounds_kept(
    segmented: Segmentation, journal_doc: Document, journal_pdf: tuple[bytes, Gold]
) -> None:
    gold_words = set(re.findall(r"[\w-]+", " ".join(g["text"] for g in journal_pdf[1])))
    text = " ".join(b.text for b in segmented.blocks)
    compounds, syllables = [], []
    for head, tail in line_end_breaks(journal_doc):
        if re.sub(r"[^\w-]+$", "", head + tail) in gold_words:
            compounds.append(head + tail)  # broken at a compound's own hyphen
        else:
            syllables.append(head[:-1] + tail)
    assert len(compounds) >= 2 and len(syllables) >= 20  # the PDF really has both kinds
    for word in compounds:
        assert word in text
    for word in syllables:
        assert word in text
    broken = [h + t for h, t in line_end_breaks(journal_doc) if h + t not in compounds]
    assert not any(w in text for w in broken)


def test_two_column_page_is_segmented_column_by_column(
    segmented: Segmentation, journal_doc: Document, journal_pdf: tuple[bytes, Gold]
) -> None:
    (page,) = {ln.page for ln in journal_doc.lines if ln.column == RIGHT}
    printed = page + 16
    texts = [norm(b.text) for b in segmented.blocks if b.page == printed]
    assert texts == [norm(g["text"]) for g in journal_pdf[1] if g["page"] == printed]
    # One paragraph starts in the left column and ends in the right one.
    left = letters(" ".join(ln.text for ln in journal_doc.lines if ln.column == LEFT))
    right = letters(" ".join(ln.text for ln in journal_doc.lines if ln.column == RIGHT))
    spanning = [t for t in map(letters, texts) if t[:15] in left and t[-15:] in right]
    assert len(spanning) == 1


def test_two_column_paper_paragraph_f1() -> None:
    data, gold = pdfgen.two_column_paper()
    assert paragraph_f1(segment(extract_pdf(data)), gold) >= 0.97


@pytest.mark.parametrize("seed", [None, 4])
def test_dense_benchmark_pages_segment_one_to_one(seed: int | None) -> None:
    # The ingest benchmark's corpus: its shuffled words must still read as paragraphs, or
    # the benchmark times a few overlong paragraphs instead of a journal's many.
    data, gold = pdfgen.dense_article(3, seed=seed)
    seg = segment(extract_pdf(data))
    assert len(seg.blocks) == len(gold) and paragraph_f1(seg, gold) == 1.0


def test_retypeset_seed_000() -> None:
    seed_gold = json.loads((GOLDEN / "000_d613d50ca8d86847.json").read_text(encoding="utf-8"))
    data, gold = pdfgen.retypeset_seed_000(seed_gold["paragraphs"])
    assert [g["text"] for g in gold] == [p["text"] for p in seed_gold["paragraphs"]]
    assert paragraph_f1(segment(extract_pdf(data)), gold) >= 0.97


def test_own_paragraphs_retypeset_one_to_one() -> None:
    paragraphs = [
        ("Кіріспе", "heading"),
        (
            "Бұл зерттеуде әскери-саяси ынтымақтастықтың құқықтық негіздері мен жан-жақты "
            "іс-шаралардың ұйымдастырылу тәртібі қарастырылады, сондай-ақ халықаралық "
            "тәжірибе салыстырмалы түрде талданады.",
            "body",
        ),
        (
            "Зерттеудің әдіснамалық негізін жүйелік талдау, салыстырмалы-құқықтық және "
            "тарихи-құқықтық әдістер құрайды; олардың әрқайсысы мақаланың жеке бөлімдерінде "
            "қолданылады.",
            "body",
        ),
        ("Қорытынды", "heading"),
        (
            "Қорыта айтқанда, ұсынылған өзгерістер заңнаманың ішкі үйлесімділігін арттырып, "
            "құқық қолдану тәжірибесіндегі қайшылықтарды жоюға мүмкіндік береді.",
            "body",
        ),
    ]
    data, gold = pdfgen.retypeset(paragraphs)
    seg = segment(extract_pdf(data))
    assert [norm(b.text) for b in seg.blocks] == [norm(t) for t, _ in paragraphs]
    assert [b.role for b in seg.blocks] == [r for _, r in paragraphs]
    assert [g["page"] for g in gold] == [1] * len(paragraphs)


@pytest.mark.parametrize("bold", [True, False], ids=["heading", "body-line"])
def test_heading_below_both_columns_is_read_after_them(bold: bool) -> None:
    """A bold line set off below the end of both columns opens what follows them; a plain
    line in the same place is still the end of its own column."""
    frags = [
        Fragment(f"left {k}", 56, 100 + 13 * k, 243, 110 + 13 * k, 10.5, False, 1)
        for k in range(10)
    ] + [
        Fragment(f"right {k}", 261, 100 + 13 * k, 449, 110 + 13 * k, 10.5, False, 2)
        for k in range(8)
    ]
    last = frags[9]
    size = 11.5 if bold else 10.5
    heading = Fragment("Әдебиеттер тізімі", 56, last.y1 + 14, 175, last.y1 + 27, size, bold, 3)
    order = [f.text for f in order_page([*frags, heading])]
    if bold:
        assert order[-1] == heading.text and order[:10] == [f"left {k}" for k in range(10)]
    else:
        assert order[10] == heading.text and order[-1] == "right 7"
