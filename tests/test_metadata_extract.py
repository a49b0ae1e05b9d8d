"""Candidates from front matter, abstracts, running lines and the container, on real strings.

Inputs are built by hand (``Document`` of the seed's lines, ``Segmentation`` with chosen
blocks and artifacts) so these tests do not depend on the extractor or the segmenter.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archive.metadata import extract_candidates, merge
from archive.metadata.labels import split_keywords
from archive.metadata.running import doi_first_page, parse_running, signed
from archive.models import Artifact, Block, Candidate, Document, Line, Segmentation

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def doc_of(text: str, page: int = 1, info: tuple[tuple[str, str], ...] = ()) -> Document:
    lines, blank = [], False
    for raw in text.split("\n"):
        if not raw.strip():
            blank = True
            continue
        lines.append(Line(raw, page, blank_before=blank))
        blank = False
    return Document("text/plain", "test", tuple(lines), info=info)


def fields(cands: tuple[Candidate, ...], name: str) -> list[Candidate]:
    return [c for c in cands if c.field == name]


def seed(name: str) -> str:
    return next(SEEDS.glob(f"{name}_*.txt")).read_text(encoding="utf-8")


# --- the journal article seed ----------------------------------------------------------


def test_seed_000_front_matter_read_where_reading_order_put_it() -> None:
    cands = extract_candidates(doc_of(seed("000")), Segmentation(()))
    md, chosen = merge(cands)
    assert len(chosen) == len(cands)
    assert md.doi == "10.51634/2307-5201_2024_4_35"
    assert md.udc == ("341.123", "355.1.072.2")
    assert md.grnti == ("10.87.68",)
    assert md.year == 2024
    [author] = md.authors
    assert (author.family, author.given, author.literal) == ("Қалила", "А.Т.", "А.Т. ҚАЛИЛА")
    assert author.email == "kalila_a@kazguu.com"
    assert author.affiliation is not None
    assert author.affiliation.startswith("LLB, ҚР Қарулы күштерінің лейтенанты «Қазақстан")
    assert author.affiliation.endswith("(Астана қ., Қазақстан Республикасы)")
    assert md.title == (
        "БҰҰ БІТІМГЕРШІЛІК МИССИЯЛАРЫНДА ҚАЗАҚСТАН РЕСПУБЛИКАСЫ ҚАРУЛЫ КҮШТЕР "
        "КОНТИНГЕНТІН ҚОЛДАНУДЫҢ ҚҰҚЫҚТЫҚ АСПЕКТІЛЕРІ"
    )
    assert md.titles["en"].startswith("Legal Aspects of the Deployment")
    assert md.titles["en"].endswith("in UN Peacekeeping Missions")
    assert md.titles["ru"] == (
        "Правовые аспекты применения национального контингента Вооруженных Сил "
        "Республики Казахстан в миротворческих миссиях ООН"
    )
    assert md.kind == "article-journal"
    assert md.language == "kk"


def test_seed_000_keywords_wrapped_over_lines_in_three_languages() -> None:
    md, _ = merge(extract_candidates(doc_of(seed("000")), Segmentation(())))
    assert md.keywords["kk"] == [
        "Қазақстан Республикасы Қарулы Күштері",
        "бітімгершілік миссиялар",
        "Біріккен Ұлттар Ұйымы",
        "бітімгершілік контингентті қолданудың құқықтық аспектілері",
    ]
    assert md.keywords["en"][-1] == "UN Security Council"
    assert md.keywords["ru"][-1] == "Совет Безопасности ООН"  # "Безо-" + "пасности" joined


def test_seed_000_abstracts_top_and_end() -> None:
    md, _ = merge(extract_candidates(doc_of(seed("000")), Segmentation(())))
    kk = md.abstracts["kk"]
    assert kk.startswith("Қазақстан Республикасы Қарулы Күштерінің Біріккен Ұлттар Ұйымы бітім")
    assert "әскери-саяси" in kk and "Ұй-" not in kk  # compound kept, break repaired
    assert kk.endswith("оны жақсарту жолдарын ұсыну.")
    assert md.abstracts["en"].startswith("The relevance: Participation")
    assert "fulfilling" in md.abstracts["en"]
    assert md.abstracts["ru"].endswith("в миротворческой деятельности.")
    assert "An essential and practical guide" not in md.abstracts["ru"]


def test_seed_000_running_footers_from_artifacts() -> None:
    artifacts = (
        Artifact("running-footer", "Кұқық және мемлекет, № 4 (105), 202436", 2, 36),
        Artifact("running-header", "МЕЖДУНАРОДНОЕ ПРАВО", 2),
        Artifact("running-footer", "Кұқық және мемлекет, № 4 (105), 202438", 4, 38),
        Artifact("running-footer", "Право и государство, № 4 (105), 2024 39", 5, 39),
    )
    cands = extract_candidates(doc_of(seed("000")), Segmentation((), artifacts))
    md, _ = merge(cands)
    assert md.journals == {"kk": "Кұқық және мемлекет", "ru": "Право и государство"}
    assert md.journal == "Кұқық және мемлекет"  # the main language's name
    assert md.issue == "4"
    assert md.first_page == 35  # DOI suffix _2024_4_35, corroborated by the footers
    assert md.last_page == 39


def test_running_line_with_page_glued_to_year() -> None:
    parsed = parse_running("Кұқық және мемлекет, № 4 (105), 202436")
    assert parsed is not None
    assert (parsed.journal, parsed.issue, parsed.total, parsed.year, parsed.page) == (
        "Кұқық және мемлекет",
        "4",
        "105",
        2024,
        36,
    )
    other = parse_running("12 Вестник КазНУ. Серия юридическая. Т. 5, № 3, 2020")
    assert other is not None
    assert (other.volume, other.issue, other.year, other.page) == ("5", "3", 2020, 12)
    assert parse_running("1993 жылы 11 ақпанда № 335 қаулысы") is None


def test_doi_suffix_page_needs_matching_year_and_issue() -> None:
    footer = parse_running("Кұқық және мемлекет, № 4 (105), 202436")
    assert footer is not None
    good = doi_first_page("10.51634/2307-5201_2024_4_35", [footer], [36])
    assert good is not None and good.value == 35
    assert doi_first_page("10.51634/2307-5201_2023_4_35", [footer], [36]) is None
    assert doi_first_page("10.51634/2307-5201_2024_4_35", [], []) is None
    assert doi_first_page("10.51634/2307-5201_2024_4_90", [footer], [36]) is None


def test_single_body_sentence_is_not_a_running_footer() -> None:
    text = "Журнал Право и государство, № 4 (105), 2024 опубликовал статью.\n"
    cands = extract_candidates(doc_of(text), Segmentation(()))
    assert not fields(cands, "journal")


def test_segmenter_blocks_give_abstracts_and_keywords() -> None:
    blocks = (
        Block("Аннотация. Первый абзац аннотации.", "abstract", 1, "ru"),
        Block("Второй абзац аннотации.", "abstract", 1, "ru"),
        Block("Ключевые слова: право; государство.", "keywords", 1, "ru"),
        Block("Основной текст статьи на русском языке. " * 5, "body", 1, "ru"),
    )
    cands = extract_candidates(doc_of("x"), Segmentation(blocks))
    [abstract] = [c for c in fields(cands, "abstract") if c.lang == "ru"]
    assert abstract.value == "Первый абзац аннотации.\n\nВторой абзац аннотации."
    assert [c.value for c in fields(cands, "keywords")] == [["право", "государство"]]


def test_split_keywords() -> None:
    assert split_keywords("a, b, c.") == ["a", "b", "c"]
    assert split_keywords("law, state; rights, duties") == ["law, state", "rights, duties"]


# --- the news seed ---------------------------------------------------------------------


def test_seed_001_capture_date_and_site() -> None:
    text = seed("001")
    doc = doc_of(text)
    md, _ = merge(extract_candidates(doc, Segmentation(())))
    assert md.date == "2025-10-23" and md.year == 2025
    assert md.publisher == "Zakon.kz"
    assert md.kind == "article-newspaper"
    assert md.title is None and md.authors == ()
    assert md.language == "ru"


def test_capture_header_from_container_info() -> None:
    doc = doc_of(
        "Текст новости на русском языке.",
        info=(
            ("capture-header:date", "2025-10-23"),
            ("capture-header:url", "https://www.zakon.kz/politika/123.html"),
        ),
    )
    md, _ = merge(extract_candidates(doc, Segmentation(())))
    assert (md.date, md.url, md.publisher) == (
        "2025-10-23",
        "https://www.zakon.kz/politika/123.html",
        "zakon.kz",
    )
    assert md.kind == "webpage"  # no site named in the text: not evidently news


def test_xmp_beats_pdf_info_and_junk_titles_are_ignored() -> None:
    doc = doc_of(
        "text",
        info=(
            ("pdf-info:title", "Microsoft Word - 35-42.docx"),
            ("pdf-info:author", "Kalila A.T."),
            ("xmp:dc:title", "Legal aspects of peacekeeping"),
            ("xmp:dc:title@ru", "Правовые аспекты миротворчества"),
            ("xmp:dc:creator", "Kalila, A. T."),
            ("xmp:prism:doi", "10.51634/2307-5201_2024_4_35"),
            ("xmp:prism:startingPage", "35"),
            ("xmp:dc:date", "2024-12-20T10:00:00Z"),
            ("pdf-info:subject", "Право и государство, № 4 (105), 2024"),
        ),
    )
    cands = extract_candidates(doc, Segmentation(()))
    md, _ = merge(cands)
    assert [c.origin for c in fields(cands, "title")] == ["xmp", "xmp"]
    assert md.titles == {
        "en": "Legal aspects of peacekeeping",
        "ru": "Правовые аспекты миротворчества",
    }
    assert md.authors[0].family == "Kalila"
    assert (md.doi, md.first_page, md.date, md.year) == (
        "10.51634/2307-5201_2024_4_35",
        35,
        "2024-12-20",
        2024,
    )
    assert (md.journals, md.issue) == ({"ru": "Право и государство"}, "4")


def test_running_lines_of_other_journals() -> None:
    english = parse_running("Journal of Law, Vol. 12, No. 3, 2021, pp. 35-42")
    assert english is not None
    assert (english.journal, english.volume, english.issue, english.page, english.last) == (
        "Journal of Law",
        "12",
        "3",
        35,
        42,
    )
    russian = parse_running("Вестник Карагандинского университета. Серия «Право». 2023. № 2(110)")
    assert russian is not None
    assert (russian.journal, russian.issue, russian.total) == (
        "Вестник Карагандинского университета. Серия «Право»",
        "2",
        "110",
    )
    with_issn = parse_running("Право и государство. ISSN 2307-5201. № 4 (105), 2024")
    assert with_issn is not None and with_issn.journal == "Право и государство"


def test_russian_front_matter_with_rubric_and_full_names() -> None:
    text = """ВЕСТНИК ЮРИДИЧЕСКИХ НАУК

УДК 342.7
МЕЖДУНАРОДНОЕ ПРАВО

Иванов Иван Иванович¹, Петрова Анна Сергеевна²
¹Казахский национальный университет, Алматы, Казахстан
²Евразийский национальный университет, Астана, Казахстан
E-mail: ivanov@kaznu.kz, petrova@enu.kz

ПРАВОВЫЕ ОСНОВЫ УЧАСТИЯ КАЗАХСТАНА
В МИРОТВОРЧЕСКИХ ОПЕРАЦИЯХ ООН

Аннотация. В статье рассматриваются правовые основы участия.
Ключевые слова: миротворчество; ООН; право.
"""
    md, _ = merge(extract_candidates(doc_of(text), Segmentation(())))
    assert md.title == "ПРАВОВЫЕ ОСНОВЫ УЧАСТИЯ КАЗАХСТАНА В МИРОТВОРЧЕСКИХ ОПЕРАЦИЯХ ООН"
    assert [(a.family, a.given, a.email) for a in md.authors] == [
        ("Иванов", "Иван Иванович", "ivanov@kaznu.kz"),
        ("Петрова", "Анна Сергеевна", "petrova@enu.kz"),
    ]
    assert md.authors[1].affiliation == "Евразийский национальный университет, Астана, Казахстан"
    assert md.abstracts == {"ru": "В статье рассматриваются правовые основы участия."}
    assert md.keywords == {"ru": ["миротворчество", "ООН", "право"]}
    assert md.udc == ("342.7",)


def test_reference_list_names_and_dois_are_not_the_articles() -> None:
    body = "\n".join(f"Строка основного текста статьи номер {i}." for i in range(120))
    refs = "\n".join(
        [
            "Список литературы",
            "1. Иванов И.И. Право и мир. – Алматы, 2019. – 200 с.",
            "Петров П.П., Сидоров С.С.",
            "Миротворчество. – М., 2020. https://doi.org/10.1000/ref.2020.1",
        ]
    )
    cands = extract_candidates(doc_of(body + "\n" + refs), Segmentation(()))
    assert not fields(cands, "authors")
    assert not fields(cands, "doi")


_KNOWN_FIELDS = {
    "title",
    "authors",
    "year",
    "date",
    "doi",
    "udc",
    "grnti",
    "bbk",
    "journal",
    "volume",
    "issue",
    "cumulative_issue",
    "first_page",
    "last_page",
    "language",
    "languages",
    "keywords",
    "abstract",
    "publisher",
    "url",
    "kind",
}


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(max_size=80),
            st.sampled_from(
                [
                    "УДК 341.123; 355.1.072.2",
                    "ГРНТИ 10.87.68",
                    "DOI: 10.1000/x",
                    "А.Т. ҚАЛИЛА,",
                    "е-mail: a@b.kz",
                    "Түйінді сөздер: a, b",
                    "Abstract. Text",
                    "",
                    "Кұқық және мемлекет, № 4 (105), 202436",
                    "TITLE IN CAPITALS HERE",
                    "A.T. Kalila, x (Astana, Kazakhstan): Title.",
                    "Фото: Zakon.kz",
                ]
            ),
        ),
        max_size=30,
    )
)
def test_any_text_gives_json_candidates_of_known_fields(rows: list[str]) -> None:
    cands = extract_candidates(doc_of("\n".join(rows)), Segmentation(()))
    assert {c.field for c in cands} <= _KNOWN_FIELDS
    json.dumps([c.value for c in cands])
    _, chosen = merge(cands)
    assert len(chosen) == len(cands)


def test_plain_text_title_above_the_names_and_not_the_affiliation_below() -> None:
    text = """УДК 342.7

Правовые основы участия Казахстана в миротворческих операциях
Иванов И.И.
Казахский национальный университет имени аль-Фараби, Алматы

Аннотация. В статье рассматриваются правовые основы участия.
"""
    cands = extract_candidates(
        doc_of(text + "URL: https://journal.kz/article/35.\n"), Segmentation(())
    )
    assert [c.value for c in fields(cands, "url")] == ["https://journal.kz/article/35"]
    [title] = fields(cands, "title")
    assert title.value == "Правовые основы участия Казахстана в миротворческих операциях"
    assert title.priority < 70  # a guess from layout: any container title wins
    below = "УДК 342.7\n\nИванов И.И.\nКазахский национальный университет, Алматы\n"
    assert not fields(extract_candidates(doc_of(below), Segmentation(())), "title")


def test_title_repeated_as_running_head_is_still_the_title_where_set_larger() -> None:
    title = "Адам құқықтарын қорғаудың халықаралық механизмдері"
    words = ["мемлекет", "құқық", "қоғам", "азамат", "заң", "сот", "әкім", "билік", "халық",
             "ел", "тіл", "жер"]
    lines = [Line(title, 1, size=16.0)]
    lines += [Line(f"Мәтін жолы {w} туралы.", 1, size=10.0) for w in words[:4]]
    for page in (2, 3):
        lines += [Line(title, page, size=8.0)]
        lines += [Line(f"Келесі бет {w} {page}.", page, size=10.0) for w in words[4:]]
    doc = Document("application/pdf", "test", tuple(lines))
    artifacts = (Artifact("running-header", title, 2), Artifact("running-header", title, 3))
    [cand] = fields(extract_candidates(doc, Segmentation((), artifacts)), "title")
    assert cand.value == title


# "()": a title macro left empty; "CMR10": a font's name a converter left.
@pytest.mark.parametrize(
    "name", ["lazylist.dvi", "paper.ps", "main.ltx", "slides.pptx", "()", "CMR10"])
def test_a_file_name_is_no_title(name: str) -> None:
    doc = doc_of("text", info=(("pdf-info:title", name), ("xmp:dc:title", name)))
    assert fields(extract_candidates(doc, Segmentation(())), "title") == []


def test_a_generation_s_mark_split_off_by_the_xmp_is_no_author() -> None:
    # hyperxmp splits "John H. Lienhard, V" at its comma into two creators.
    doc = doc_of("text", info=(("xmp:dc:creator", "John H. Lienhard"), ("xmp:dc:creator", "V")))
    [cand] = fields(extract_candidates(doc, Segmentation(())), "authors")
    assert [a["family"] for a in cand.value] == ["Lienhard"]


def test_a_date_the_running_foot_prints_on_every_page_dates_the_document() -> None:
    foot = "Font Features for Andika New Basic (http://scripts.sil.org/Andika_New_Basic) "
    artifacts = tuple(Artifact("running-footer", f"{foot}17-Apr-2015 Page {n}", n, n)
                      for n in range(1, 4))
    doc = doc_of("text")
    [year] = fields(extract_candidates(doc, Segmentation((), artifacts)), "year")
    assert year.value == 2015
    # Feet that print two dates name no one date of the document.
    two = (*artifacts[:2], Artifact("running-footer", f"{foot}3-May-2016 Page 3", 3, 3),
           Artifact("running-footer", f"{foot}3-May-2016 Page 4", 4, 4))
    assert fields(extract_candidates(doc, Segmentation((), two)), "year") == []


def test_a_running_head_that_signs_the_text_names_its_author() -> None:
    # A head printed in pieces and read as one row: the name ends where the title in
    # capitals of the other piece begins.
    heads = [Artifact("running-header", f"ORTHOTYPOGRAPHIE, par J.-P. Lacroux BIBLE : {t}", n)
             for n, t in ((2, "ABRÉVIATIONS"), (3, "ABRÉVIATIONS"), (4, "INDEX"))]
    [cand] = signed(heads)
    assert cand.field == "authors" and [(a.family, a.given) for a in cand.value] == [
        ("Lacroux", "J.-P.")]
    # One page is no running line's habit; two names are no one author.
    assert signed(heads[:1]) == []
    other = [Artifact("running-header", "Notes — by Anna Smith", n) for n in (5, 6)]
    assert signed(heads + other) == []
    # A foot that names the program that made the document signs nothing.
    assert signed([Artifact("running-footer", "Generated by Doxygen", n)
                   for n in (1, 2, 3)]) == []


GERMAN_MANUAL_PAGE = """\
frobnicate.conf(5)       Frobnicate Version 2.4.1       frobnicate.conf(5)



NAME
       frobnicate.conf - Die Einstellungen

BESCHREIBUNG
       In dieser Datei werden die Einstellungen von frobnicate festgelegt, die
       beim Start gelesen werden.

AUTOR (man pages)
       Erika Mustermann <erika (at) example (dot) org>

COPYRIGHT und LIZENZ
       Copyright (c) 2004-2010 Max Mustermann



perl v5.32.1                      2022-01-12                 frobnicate.conf(5)
"""


def test_a_manual_page_set_as_text_is_titled_by_its_first_section_and_dated_by_its_foot(
) -> None:
    # The NAME section says what the page is, in the page's language; the author section
    # names who wrote it (an address spelled out is no name); the foot dates its source,
    # which the copyright's years do not.
    from archive.ingest.analyse import analyse

    meta = analyse(GERMAN_MANUAL_PAGE.encode()).metadata
    assert meta.title == "frobnicate.conf - Die Einstellungen"
    assert [a.family for a in meta.authors] == ["Mustermann"]
    assert [a.given for a in meta.authors] == ["Erika"]
    assert meta.year == 2022


def test_a_manual_page_set_by_groff_is_titled_signed_and_dated_the_same_way() -> None:
    # groff -man: the head on every page, each section's name flush left in bold, its
    # lines set in; the authors with their affiliations and addresses; the foot dated.
    from pdfgen import Placed, placed_pages

    from archive.ingest.analyse import analyse

    pages: list[list[Placed]] = []
    for n in (1, 2):
        pages.append([(72, 40, "FROB(1) General Commands Manual FROB(1)", 10.0, "serif"),
                      (72, 560, f"Frob 1.2 2022 September 19 {n}", 10.0, "serif")])
    sections = [("NAME", ["frob − turn widgets into gadgets"]),
                ("DESCRIPTION", ["Frob turns each widget named on its command line into a",
                                 "gadget of the same size, and says so."]),
                ("AUTHORS", ["Erika Mustermann, Example University", "erika@example.org"])]
    y = 80.0
    for head, body in sections:
        pages[0].append((72, y, head, 11.0, "bold"))
        y += 13
        for line in body:
            pages[0].append((108, y, line, 10.0, "serif"))
            y += 12
        y += 10
    pages[1].append((108, 80, "Frob keeps no state between runs.", 10.0, "serif"))
    meta = analyse(placed_pages(pages, size=(420.0, 595.0))).metadata
    assert meta.title == "frob − turn widgets into gadgets"
    assert [a.family for a in meta.authors] == ["Mustermann"]
    assert meta.year == 2022
