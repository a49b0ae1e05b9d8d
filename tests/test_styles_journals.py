"""Other journals' house styles: generated articles (PDF and text copy) against their gold.

The articles come from ``tests/pdfstyles.py``; their paragraph gold is
``tests/golden/style_*.json`` and their metadata gold ``tests/golden/style_*.meta.json``
(written by reading the documents). Paragraph F1 must reach 0.97 on the PDFs and 0.95 on
the text copies; every metadata field must be exact (``test_metadata_golden`` scores the
same files through the same pipeline).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pdfstyles
import pytest
from goldmeta import score

from archive.clean import clean
from archive.clean.furniture import read_page_number
from archive.clean.hyphenation import Vocabulary, keep_hyphen
from archive.extract.pdf import extract_pdf
from archive.extract.text import extract_text
from archive.ingest.analyse import analyse
from archive.language import detect_language
from archive.metadata.names import parse_author_line
from archive.metadata.running import parse_running
from archive.models import Document, Line, Segmentation
from archive.segment import segment

GOLDEN = Path(__file__).parent / "golden"
NAMES = sorted(pdfstyles.GENERATORS)


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


@cache
def made(name: str) -> tuple[bytes, list[dict[str, Any]]]:
    return pdfstyles.GENERATORS[name]()


@cache
def segmented(name: str) -> Segmentation:
    data = made(name)[0]
    doc = extract_pdf(data) if data.startswith(b"%PDF-") else extract_text(data)
    return segment(doc)


def f1(seg: Segmentation, gold: list[dict[str, Any]]) -> float:
    found = Counter(norm(b.text) for b in seg.blocks)
    wanted = Counter(norm(g["text"]) for g in gold)
    hits = sum((found & wanted).values())
    if not hits:
        return 0.0
    precision, recall = hits / len(seg.blocks), hits / len(gold)
    return 2 * precision * recall / (precision + recall)


@pytest.mark.parametrize("name", NAMES)
def test_gold_file_is_what_the_generator_sets(name: str) -> None:
    stored = json.loads((GOLDEN / f"{name}.json").read_text(encoding="utf-8"))
    assert stored == {"generator": name, "paragraphs": made(name)[1]}


@pytest.mark.parametrize("name", NAMES)
def test_paragraphs_meet_the_target(name: str) -> None:
    gold = json.loads((GOLDEN / f"{name}.json").read_text(encoding="utf-8"))["paragraphs"]
    seg = segmented(name)
    assert f1(seg, gold) >= (0.95 if name.endswith("_text") else 0.97)
    roles = {norm(b.text): b.role for b in seg.blocks}
    assert [g["text"] for g in gold if roles.get(norm(g["text"])) != g["role"]] == []


@pytest.mark.parametrize("name", NAMES)
def test_printed_pages(name: str) -> None:
    gold = json.loads((GOLDEN / f"{name}.json").read_text(encoding="utf-8"))["paragraphs"]
    pages = {norm(b.text): b.page for b in segmented(name).blocks}
    wrong = [g["text"][:40] for g in gold if pages.get(norm(g["text"]), g["page"]) != g["page"]]
    assert len(wrong) <= len(gold) // 20


@pytest.mark.parametrize("name", NAMES)
def test_every_stated_field(name: str) -> None:
    gold = json.loads((GOLDEN / f"{name}.meta.json").read_text(encoding="utf-8"))
    rows = score(gold["fields"], analyse(made(name)[0]).metadata)
    assert [row for row in rows if not row[1]] == []


@pytest.mark.parametrize("style", ["kaznu", "russian", "english"])
@pytest.mark.parametrize("layout", ["form_feeds", "double_spaced"])
def test_other_text_copies_of_the_same_pdf(style: str, layout: str) -> None:
    """pdftotext's form feeds, or a blank line after every line: the same paragraphs and
    metadata (the page numbers close each page in both)."""
    pdf, gold = made(f"style_{style}")
    data = pdfstyles.text_copy(pdf, **{layout: True})
    assert f1(segment(extract_text(data)), gold) >= 0.95
    meta = json.loads((GOLDEN / f"style_{style}_text.meta.json").read_text(encoding="utf-8"))
    assert [row for row in score(meta["fields"], analyse(data).metadata) if not row[1]] == []


def test_text_copy_chains_pages_with_running_heads_inline() -> None:
    text = made("style_kaznu_text")[0].decode("utf-8")
    lines = text.splitlines()
    assert lines[0].startswith("ISSN 1563-0366") and "\f" not in text
    assert "Сейтқали А.Б. және т.б." in lines and "45" in lines and lines[-1] == "47"
    # The footnote comes after its page's text and before the page number.
    note = next(k for k, ln in enumerate(lines) if ln.startswith("¹ Қазақстан"))
    assert lines[note + 2] == "45"


# -- sections ---------------------------------------------------------------------------------
def test_end_matter_abstracts_do_not_inherit_the_last_body_heading() -> None:
    blocks = segmented("style_kaznu").blocks
    ru = next(k for k, b in enumerate(blocks) if b.text.startswith("В статье рассматриваются"))
    assert blocks[ru].role == "abstract" and blocks[ru].section == "Аннотация"
    assert all(b.section != "References" for b in blocks[ru - 6 :])
    # The Russian block's title and names are front matter, with no section.
    assert {b.role for b in blocks[ru - 6 : ru - 1]} == {"front_matter"}


def test_seed_end_abstracts_start_a_new_section_context() -> None:
    seed = next((Path(__file__).parent.parent / "seeds").glob("000_*.txt"))
    blocks = segment(extract_text(seed.read_bytes())).blocks
    last_heading = max(k for k, b in enumerate(blocks) if b.role == "heading")
    assert blocks[last_heading].text == "Қорытынды"
    after = [b for b in blocks[last_heading:] if b.role in ("abstract", "keywords")]
    assert len(after) == 8 and all(b.section is None for b in after)
    body = [b for b in blocks[last_heading + 1 :] if b.role == "body"]
    assert body and all(b.section == "Қорытынды" for b in body)


# -- the rules behind it, on small inputs -----------------------------------------------------
def _text_doc(text: str) -> Document:
    return extract_text(text.encode("utf-8"))


def test_keyed_affiliations_are_one_paragraph_each() -> None:
    doc = _text_doc(
        "УДК 342.4\nА.Б. Сейтқали¹*, J. Smith²\n¹әл-Фараби атындағы Қазақ ұлттық\n"
        "университеті, Алматы\n²University of Cambridge, Cambridge\n*e-mail: a@b.kz\n"
        "Цифрлық платформалардағы деректерді қорғау\nАңдатпа\nМақалада деректерді қорғау "
        "қарастырылады.\nТүйін сөздер: деректер, қорғау.\n"
    )
    blocks = segment(doc).blocks
    texts = [b.text for b in blocks]
    assert "¹әл-Фараби атындағы Қазақ ұлттық университеті, Алматы" in texts
    assert "²University of Cambridge, Cambridge" in texts
    assert "*e-mail: a@b.kz" in texts
    title = blocks[texts.index("Цифрлық платформалардағы деректерді қорғау")]
    assert title.role == "front_matter"
    assert [b.role for b in blocks[-3:]] == ["heading", "abstract", "keywords"]


def test_footnote_is_a_footnote_and_a_paragraph_of_its_own() -> None:
    doc = _text_doc(
        "Кіріспе\nКонституцияда¹ әркімнің жеке өміріне қол сұғылмауға құқығы бекітілген.\n"
        "¹ Қазақстан Республикасының Конституциясы. 1995 жылғы 30 тамыз.\n"
        "Келесі абзац осында басталады және жалғасады.\n"
    )
    roles = {b.text: b.role for b in segment(doc).blocks}
    assert roles["¹ Қазақстан Республикасының Конституциясы. 1995 жылғы 30 тамыз."] == "footnote"


def test_gost_reference_wrapped_at_its_dash_and_list_end() -> None:
    doc = _text_doc(
        "Список литературы\n1. Ахметов Е.С. Доступ к правосудию // Вестник ЕНУ. – 2022. – Т. 139.\n"
        "– С. 7–18.\n2. Сапаргалиев Г.С. Конституционное право. – Алматы, 2018. – 544 с.\n"
        "Constitutional review after the 2022 reform\nYe.S. Akhmetov¹, A.V. Petrova²\n"
        "Abstract. The article analyses the constitutional review.\n"
        "Keywords: constitutional review, court.\n"
    )
    blocks = segment(doc).blocks
    roles = {b.text: b.role for b in blocks}
    first = "1. Ахметов Е.С. Доступ к правосудию // Вестник ЕНУ. – 2022. – Т. 139. – С. 7–18."
    assert roles[first] == "reference"
    assert roles["Constitutional review after the 2022 reform"] == "front_matter"
    assert roles["Ye.S. Akhmetov¹, A.V. Petrova²"] == "front_matter"


def test_page_numbers_at_the_foot_close_their_page() -> None:
    def page(n: int) -> list[str]:
        return [f"Бұл {n}-беттің {k}-жолы, мәтін әрі қарай жалғасып, бетті толтыра береді"
                for k in range(1, 31)]

    lines = ["Журнал атауы. №1 (5). 2023", *page(12), "12", "Автор А.Б. және т.б.",
             *page(13), "13", "Журнал атауы. №1 (5). 2023", *page(14), "14"]
    cleaned = clean(Document("text/plain", "t", tuple(Line(t) for t in lines)))
    pages = {c.text.split("-")[0][4:]: c.printed_page for c in cleaned.lines}
    assert pages == {"12": 12, "13": 13, "14": 14}
    assert [a.printed_page for a in cleaned.artifacts if a.kind == "page-number"] == [12, 13, 14]


def test_reference_with_an_open_quotation_at_a_page_top_is_not_a_running_head() -> None:
    line = "1 Qazaqstan Respublikasynyn 2013 zhylgy 21 mamyrdagy № 94-V «Derbes"
    head = "Хабаршы. Заң сериясы. №1 (105). 2023"
    doc = _text_doc(f"Кіріспе мәтіні осында.\n\f{head}\n47\n{line}\nderekter turaly» Zany.\n")
    assert [a.text for a in clean(doc).artifacts] == [head, "47"]


def test_issue_number_ending_a_running_head_is_not_a_page() -> None:
    assert read_page_number("Вестник ЕНУ. Серия Право. 2023. Т. 143, № 2") is None
    assert read_page_number("Вестник ЕНУ. Серия Право. 2023. Т. 143, № 2 37") == 37
    head = parse_running("Вестник ЕНУ. Серия Право. 2023. Т. 143, № 2")
    assert head is not None and (head.volume, head.issue, head.page) == ("143", "2", None)


@pytest.mark.parametrize(
    ("line", "journal", "issue", "volume", "year"),
    [
        ("ISSN 1563-0366, eISSN 2617-8362 Хабаршы. Заң сериясы. №1 (105). 2023 "
         "https://bulletin-law.kaznu.kz", "Хабаршы. Заң сериясы", "1", None, 2023),
        ("Eurasian Journal of Law, Vol. 12 No. 3 (2022)", "Eurasian Journal of Law", "3", "12",
         2022),
    ],
)
def test_journal_from_header_shapes(
    line: str, journal: str, issue: str, volume: str | None, year: int
) -> None:
    head = parse_running(line)
    assert head is not None
    assert (head.journal, head.issue, head.volume, head.year) == (journal, issue, volume, year)


def test_full_names_with_glued_affiliation_digits() -> None:
    names = parse_author_line("Aigerim Nurlanovna Bekova1, Daniyar Sultanov2")
    assert [(a.family, a.given, a.literal) for a in names] == [
        ("Bekova", "Aigerim Nurlanovna", "Aigerim Nurlanovna Bekova"),
        ("Sultanov", "Daniyar", "Daniyar Sultanov"),
    ]
    assert parse_author_line("Materials and Methods") == []


def test_hyphen_kept_in_russian_compound_adjective_not_after_a_name_particle() -> None:
    vocab = Vocabulary.from_texts(["Al-Farabi Kazakh National University", "to al-", "low"])
    assert keep_hyphen("формально", "юридическом", vocab)
    assert not keep_hyphen("постановле", "ний", vocab)
    assert not keep_hyphen("al", "low", vocab)


def test_names_and_places_are_not_read_as_look_alike_languages() -> None:
    assert detect_language("2 Narxoz University, Almaty, Kazakhstan") == "en"
    assert detect_language("Автор: Ерлан Жумабаев") == "ru"
    assert detect_language("Аңдатпа") == "kk"
    turkish = "Türkiye Cumhuriyeti anayasası değişikliği hakkında önemli bir karar verdi."
    assert detect_language(turkish) == "tr"


def test_news_headline_dateline_and_byline_are_front_matter() -> None:
    data = (
        "Токаев подписал закон о массмедиа\n\n19 июня 2024 14:20\n\nАвтор: Ерлан Жумабаев\n\n"
        "Глава государства подписал закон «О массмедиа», сообщает пресс-служба Акорды.\n\n"
        "Фото: tengrinews.kz\n"
    ).encode()
    roles = [b.role for b in segment(extract_text(data)).blocks]
    assert roles == ["front_matter"] * 3 + ["body", "caption"]
    md = analyse(data).metadata
    assert md.title == "Токаев подписал закон о массмедиа" and md.date == "2024-06-19"
    assert [a.family for a in md.authors] == ["Жумабаев"]
