"""Gold metadata for the seeds, and a generated PDF read end to end through the PDF extractor.

The gold files (``tests/golden/*.meta.json``) hold every field the source states, exactly;
they were written by reading the sources and are changed only on purpose.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from goldmeta import score

from archive.metadata import extract_candidates, merge
from archive.models import Segmentation

ROOT = Path(__file__).resolve().parent.parent
GOLD = sorted((ROOT / "tests" / "golden").glob("*.meta.json"))


def test_gold_files_exist_for_both_seeds_and_name_their_input() -> None:
    assert [p.name.split("_")[0] for p in GOLD][:2] == ["000", "001"]
    for path in GOLD:
        gold = json.loads(path.read_text(encoding="utf-8"))
        assert ("file" in gold) != ("generator" in gold), path.name
        assert gold["fields"], path.name


@pytest.mark.parametrize("path", GOLD, ids=[p.name for p in GOLD])
def test_every_stated_field_is_extracted_exactly(path: Path) -> None:
    """The whole pipeline (type detection, extraction, segmentation, candidates, merge)."""
    import pdfgen

    from archive.ingest.analyse import analyse

    gold = json.loads(path.read_text(encoding="utf-8"))
    if "file" in gold:
        data = (ROOT / gold["file"]).read_bytes()
    else:
        data = pdfgen.GENERATORS[gold["generator"]]()[0]
    misses = [row for row in score(gold["fields"], analyse(data).metadata) if not row[1]]
    assert not misses


def _kazakh_pdf() -> bytes:
    pymupdf = pytest.importorskip("pymupdf")
    font = pymupdf.Font("notos")  # Noto Sans from pymupdf-fonts: covers Kazakh Cyrillic
    doc = pymupdf.open()

    def page_with(lines: list[tuple[str, float]]) -> None:
        page = doc.new_page(width=595, height=842)
        writer = pymupdf.TextWriter(page.rect)
        y = 60.0
        for text, size in lines:
            if text:
                writer.append((56, y), text, font=font, fontsize=size)
            y = 800.0 if text == "" else y + size * 1.6
        writer.write_text(page)

    page_with(
        [
            ("ӘОЖ 342.7; 341.1", 9),
            ("МРНТИ 10.15.59, 10.87.27", 9),
            ("https://doi.org/10.51634/2307-5201_2025_1_12", 9),
            ("Адам құқықтарын қорғаудың", 16),
            ("халықаралық механизмдері", 16),
            ("Б.С. Серікбаев¹, Д.Е. Омарова²", 10),
            ("¹Әл-Фараби атындағы ҚазҰУ, Алматы, Қазақстан", 9),
            ("²Л.Н. Гумилев атындағы ЕҰУ, Астана, Қазақстан", 9),
            ("Аңдатпа. Мақалада адам құқықтарын қорғаудың халықаралық", 10),
            ("механизмдері қарастырылады.", 10),
            ("Түйінді сөздер: адам құқықтары, халықаралық құқық,", 10),
            ("қорғау механизмдері.", 10),
        ]
    )
    for number in (13, 14):
        body = [("Мәтін жолы мемлекет пен құқық туралы ой толғайды", 10.0)] * 20
        page_with([*body, ("", 0), (f"Құқық және мемлекет, № 1 (110), 2025 {number}", 8)])
    return doc.tobytes()


def test_generated_pdf_front_matter_through_the_pdf_extractor() -> None:
    pdf = pytest.importorskip("archive.extract.pdf")
    doc = pdf.extract_pdf(_kazakh_pdf())
    md, _ = merge(extract_candidates(doc, Segmentation(())))
    assert md.udc == ("342.7", "341.1")
    assert md.grnti == ("10.15.59", "10.87.27")
    assert md.doi == "10.51634/2307-5201_2025_1_12"
    assert md.title == "Адам құқықтарын қорғаудың халықаралық механизмдері"  # largest type
    assert [(a.family, a.affiliation) for a in md.authors] == [
        ("Серікбаев", "Әл-Фараби атындағы ҚазҰУ, Алматы, Қазақстан"),
        ("Омарова", "Л.Н. Гумилев атындағы ЕҰУ, Астана, Қазақстан"),
    ]
    assert md.abstracts == {
        "kk": "Мақалада адам құқықтарын қорғаудың халықаралық механизмдері қарастырылады."
    }
    assert md.keywords["kk"] == ["адам құқықтары", "халықаралық құқық", "қорғау механизмдері"]
    assert (md.journal, md.issue, md.year) == ("Құқық және мемлекет", "1", 2025)
    assert (md.first_page, md.last_page) == (12, 14)  # DOI page agrees with footers 13, 14
