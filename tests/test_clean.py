"""The cleaner: running headers/footers, printed pages, hyphenation repair."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive.clean import Vocabulary, clean, join_lines, keep_hyphen
from archive.clean.furniture import find_furniture, read_page_number
from archive.extract.text import extract_text
from archive.models import Document, Line, PageInfo

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
ARTICLE = SEEDS / "000_d613d50ca8d86847.txt"


@pytest.mark.parametrize(
    ("text", "page"),
    [
        ("Кұқық және мемлекет, № 4 (105), 202436", 36),  # page glued to the year
        ("Право и государство, № 4 (105), 2024 39", 39),
        ("ISSN 1563-0366 Вестник КазНУ. Серия юридическая. №2 (98). 2021 45", 45),
        ("45", 45),
        ("— 12 —", 12),
        ("36 Кұқық және мемлекет, № 4 (105), 2024", 36),
        ("Вестник КазНУ. Серия юридическая. №2 (98). 2021", None),  # a year is not a page
        ("МЕЖДУНАРОДНОЕ ПРАВО", None),
    ],
)
def test_read_page_number(text: str, page: int | None) -> None:
    assert read_page_number(text) == page


def test_seed_furniture_removed_and_kept_as_artifacts() -> None:
    cleaned = clean(extract_text(ARTICLE.read_bytes()))
    found = [(a.kind, a.text, a.printed_page) for a in cleaned.artifacts]
    assert found == [
        ("running-header", "МЕЖДУНАРОДНОЕ ПРАВО", None),
        ("running-footer", "Кұқық және мемлекет, № 4 (105), 202436", 36),
        ("running-header", "МЕЖДУНАРОДНОЕ ПРАВО", None),
        ("running-footer", "Кұқық және мемлекет, № 4 (105), 202438", 38),
        (
            "running-header",
            "Қалила А.Т. БҰҰ бітімгершілік миссияларында Қазақстан Республикасы қарулы күштер...",
            None,
        ),
        ("running-footer", "Право и государство, № 4 (105), 2024 39", 39),
    ]
    kept = {c.text for c in cleaned.lines}
    assert not kept & {a.text for a in cleaned.artifacts}
    # The title in capitals next to the first footer is not furniture.
    assert "КОНТИНГЕНТІН ҚОЛДАНУДЫҢ ҚҰҚЫҚТЫҚ АСПЕКТІЛЕРІ" in kept
    # A rubric sits on the page of the footer beside it.
    assert cleaned.artifacts[0].page == cleaned.artifacts[1].page


def test_seed_pages_inferred_from_footers() -> None:
    cleaned = clean(extract_text(ARTICLE.read_bytes()))
    by_text = {c.text: c.printed_page for c in cleaned.lines}
    assert by_text["Кіріспе"] == 35  # before the first footer: the page before it
    assert (
        by_text[
            "– барлық мемлекеттердің әскери күш қолданудан немесе қолданамын деп қорқытудан"
            " өзара бас"
        ]
        == 36
    )
    pages = [c.printed_page for c in cleaned.lines]
    assert pages == sorted(pages)
    assert set(pages) >= {35, 36, 37, 38, 39}
    # The line right after the footer of page 38 is on page 38.
    after = next(c for c in cleaned.lines if c.text.startswith("халықаралық гуманитарлық құқық"))
    assert after.printed_page == 38 and after.after_cut


def _wrapped_page(body: list[str], footer: str) -> list[str]:
    return [*body, "", footer, ""]


def test_other_journal_shapes_in_a_text_copy() -> None:
    para = (
        "Мемлекеттік басқару жүйесін жетілдіру мәселелері соңғы жылдары ғылыми әдебиетте кеңінен "
        "талқыланып жүр, алайда олардың құқықтық негіздері әлі де толық зерттелмеген болып "
        "қала береді және бұл мақаланың басты мәселесі болып табылады."
    )
    words = para.split()
    lines = [" ".join(words[i : i + 9]) for i in range(0, len(words), 9)]
    text: list[str] = []
    for page in (45, 46, 47):
        text += [*lines, ""]
        text += [
            "ISSN 1563-0366                 Вестник КазНУ. Серия юридическая. №2 (98). 2021",
            "",
            str(page),
            "",
        ]
    cleaned = clean(extract_text("\n".join(text).encode()))
    kinds = [(a.kind, a.printed_page) for a in cleaned.artifacts]
    assert kinds == [
        ("running-header", None),
        ("page-number", 45),
        ("running-header", None),
        ("page-number", 46),
        ("running-header", None),
        ("page-number", 47),
    ]
    assert [c.printed_page for c in cleaned.lines[: len(lines)]] == [44] * len(lines)


def test_a_body_line_with_issue_and_year_is_not_furniture() -> None:
    text = (
        "Министрлер Кабинетінің 1993 жылғы 30 сәуірдегі № 335 қаулысы негізінде жеке Құрама\n"
        "атқыштар батальоны құрылды және ол шекараны қорғау міндетін атқарды.\n"
    )
    assert find_furniture(extract_text(text.encode())) == []


def _geometry_document() -> Document:
    """Four pages: headers alternate between odd and even pages, page numbers at the foot."""
    lines: list[Line] = []
    pages = []
    for page in range(1, 5):
        printed = page + 16
        pages.append(PageInfo(page, 500.0, 700.0))
        header = "Заң және қоғам, № 2 (58), 2023" if page % 2 == 0 else "Омарова Б.С. Жергілікті…"
        lines.append(Line(header, page, 56, 30, 300, 40, 8.0))
        for k in range(20):
            y = 80 + k * 14
            indent = 76 if k % 5 == 0 else 56
            lines.append(
                Line(
                    f"мәтін жолы {page}-{k} жергілікті өзін-өзі басқару туралы",
                    page,
                    indent,
                    y,
                    449,
                    y + 10,
                    10.5,
                )
            )
        lines.append(Line(str(printed), page, 240, 660, 252, 670, 8.0))
    return Document("application/pdf", "test", tuple(lines), tuple(pages))


def test_odd_and_even_running_heads_and_page_numbers_by_position() -> None:
    doc = _geometry_document()
    cleaned = clean(doc)
    assert [(a.kind, a.page, a.printed_page) for a in cleaned.artifacts] == [
        ("running-header", 1, None),
        ("page-number", 1, 17),
        ("running-header", 2, None),
        ("page-number", 2, 18),
        ("running-header", 3, None),
        ("page-number", 3, 19),
        ("running-header", 4, None),
        ("page-number", 4, 20),
    ]
    assert len(cleaned.lines) == 80
    assert {c.printed_page - c.page for c in cleaned.lines} == {16}
    assert [c.indent for c in cleaned.lines[:6]] == [True, False, False, False, False, True]


# --- hyphenation ------------------------------------------------------------------------

SEED_VOCAB = Vocabulary.from_texts(ARTICLE.read_text(encoding="utf-8").splitlines())


@pytest.mark.parametrize(
    ("left", "right", "joined"),
    [
        ("Біріккен Ұлттар Ұй-", "ымы бітімгершілік", "Біріккен Ұлттар Ұйымы бітімгершілік"),
        ("құқықтық стату-", "сы, әлеуметтік", "құқықтық статусы, әлеуметтік"),
        ("еліміздің әскери-са-", "яси ұстанымдары", "еліміздің әскери-саяси ұстанымдары"),
        ("бітімгершілік іс-", "шараларға қатысуы", "бітімгершілік іс-шараларға қатысуы"),
        ("Тәжік-", "Ауған шекарасындағы", "Тәжік-Ауған шекарасындағы"),
        ("Тәжікстан, КСРО-", "ның экономикалық", "Тәжікстан, КСРО-ның экономикалық"),
        ("1992-", "1997 жылдар", "1992-1997 жылдар"),
        ("Заңына (бұдан әрі –", "Заң) өзгерістер", "Заңына (бұдан әрі – Заң) өзгерістер"),
        ("жылдар 2020–", "2024 аралығы", "жылдар 2020–2024 аралығы"),
        ("Бі\u00ad", "ріккен", "Біріккен"),
    ],
)
def test_join_lines(left: str, right: str, joined: str) -> None:
    assert join_lines(left, right, SEED_VOCAB) == joined


def test_document_evidence_decides() -> None:
    plain = Vocabulary.from_texts(["жаңа тәсіл"])
    # Without evidence a break inside a word is a word break …
    assert not keep_hyphen("келісім", "шарттарды", plain)
    # … with the hyphenated form elsewhere in the document it is a compound.
    evidence = Vocabulary.from_texts(["әскери келісім-шарттарды жасау"])
    assert keep_hyphen("келісім", "шарттарды", evidence)
    # The joined form elsewhere wins over a compound head that looks plausible.
    joined = Vocabulary.from_texts(["жергілікті басқару", "өзін-өзі"])
    assert not keep_hyphen("жер", "гілікті", joined)


def test_word_fragments_at_line_ends_are_not_evidence() -> None:
    vocab = Vocabulary.from_texts(["мүмкін-", "діктерін арттыру және", "тағы мүмкін"])
    assert "діктерін" not in vocab.words
    assert "арттыру" in vocab.words
    assert not keep_hyphen("мүмкін", "діктерін", vocab)


def test_seed_hyphenation_in_clean_text() -> None:
    cleaned = clean(extract_text(ARTICLE.read_bytes()))
    text = ""
    for c in cleaned.lines:
        text = join_lines(text, c.text, cleaned.vocabulary) if text else c.text
    for word in (
        "Ұйымы",
        "статусы",
        "әскери-саяси",
        "іс-шараларға",
        "Тәжік-Ауған",
        "КСРО-ның",
        "этникалық-кландық",
        "бақылау-өткізу",
        "Қазақстан Республикасы",
        "fulfilling",
        "Объединенных",
    ):
        assert word in text
    for broken in ("Ұй-ымы", "стату-сы", "әскерисаяси", "Ре-спубликасы", "fulfill-ing"):
        assert broken not in text
