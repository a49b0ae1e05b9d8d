"""Golden citations: each expected string was written by hand from the style's rules (GOST R
7.0.100-2018 and R 7.0.5-2008 for footnotes, APA 7, Chicago 17 author-date), never copied
from the program's output, and is compared exactly.

Sources of every kind the archive holds: Kazakh, Russian and English journal articles (one to
four authors, with and without volumes, DOI or URL), news pages from a website (untitled and
titled, Russian and English), a printed newspaper article, an article in conference
proceedings, books (Russian, English, Kazakh without a place), and, through a real archive,
a re-issued article with two files.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from clirun import run

from archive.cite import CiteParagraph, CiteSource, case_forms_from_texts, cite

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
ARTICLE_TEXT = (SEEDS / "000_d613d50ca8d86847.txt").read_text(encoding="utf-8")
KK_TITLE = (
    "БҰҰ бітімгершілік миссияларында Қазақстан Республикасы Қарулы Күштер контингентін "
    "қолданудың құқықтық аспектілері"
)
KK_DOI = "10.51634/2307-5201_2024_4_35"

SOURCES = {
    "kk-article": CiteSource(
        key="kalila-2024", title=KK_TITLE.upper(),
        authors=[{"literal": "А.Т. ҚАЛИЛА", "family": "Қалила", "given": "А.Т."}],
        year=2024, journal="Құқық және мемлекет", issue="4 (105)", first_page=35,
        last_page=40, doi=KK_DOI, language="kk", kind="article-journal",
        case_forms=case_forms_from_texts([ARTICLE_TEXT])),
    "ru-article-2": CiteSource(
        key="ivanov-2021", title="Миротворческие операции ООН: правовые основы",
        authors=[{"family": "Иванов", "given": "Иван Петрович"},
                 {"family": "Сидорова", "given": "Анна Сергеевна"}],
        year=2021, journal="Вестник КазНУ. Серия юридическая", volume="98", issue="2",
        first_page=45, last_page=53, doi="10.26577/JAPJ.2021.v98.i2.05", language="ru",
        kind="article-journal"),
    "en-article-3": CiteSource(
        key="smith-2020", title="Peacekeeping and the law of armed conflict",
        authors=[{"family": "Smith", "given": "John A."}, {"family": "Jones", "given": "Mary"},
                 {"family": "Lee", "given": "Kim"}],
        year=2020, journal="International Peacekeeping", volume="27", issue="3",
        first_page=301, last_page=325, doi="10.1080/13533312.2020.1234567", language="en",
        kind="article-journal"),
    "ru-article-4": CiteSource(
        key="ivanov-2019", title="Правовое регулирование миротворческой деятельности",
        authors=[{"literal": "Иванов А.Б."}, {"literal": "Петров В.Г."},
                 {"literal": "Сидоров Д.Е."}, {"literal": "Козлов Ж.З."}],
        year=2019, journal="Государство и право", issue="5", first_page=112, last_page=120,
        language="ru", kind="article-journal"),
    "kk-article-url": CiteSource(
        key="abdirov-2023", title="Бітімгершілік операциялардың құқықтық негіздері",
        authors=[{"family": "Әбдіров", "given": "Нұрлан Маратұлы"},
                 {"family": "Серікбаева", "given": "Гүлнар Талғатқызы"}],
        year=2023, journal="ҚазҰУ Хабаршысы. Заң сериясы", volume="105", issue="1",
        first_page=12, last_page=20,
        url="https://bulletin-law.kaznu.kz/index.php/journal/article/view/1234",
        accessed="2024-05-14", language="kk", kind="article-journal"),
    "ru-news-untitled": CiteSource(
        key="zakon-kz-2025-10-23", date="2025-10-23", journal="Zakon.kz",
        url="https://www.zakon.kz/example", language="ru", kind="article-newspaper",
        accessed="2025-10-23",
        incipit="Казахстанские военнослужащие продолжают нести службу в составе сил ООН. "
                "О целях миротворческой деятельности"),
    "ru-news-titled": CiteSource(
        key="akhmetova-2024", title="Казахстанские миротворцы вернулись из Ливана",
        authors=[{"family": "Ахметова", "given": "Динара"}], date="2024-03-12",
        journal="Казинформ", url="https://www.inform.kz/ru/kazahstanskie-mirotvorcy",
        accessed="2024-03-15", language="ru", kind="article-newspaper"),
    "en-webpage": CiteSource(
        key="brown-2023", title="How UN peacekeeping works",
        authors=[{"family": "Brown", "given": "Sarah"}], date="2023-06-01",
        journal="United Nations Peacekeeping", url="https://peacekeeping.un.org/en/how-we-work",
        accessed="2024-01-10", language="en", kind="webpage"),
    "ru-newspaper-print": CiteSource(
        key="kim-2024", title="Голубые каски из Казахстана",
        authors=[{"family": "Ким", "given": "Елена"}], date="2024-03-12",
        journal="Казахстанская правда", issue="47", first_page=3, last_page=3,
        language="ru", kind="article-newspaper"),
    "ru-book": CiteSource(
        key="petrov-2018", title="Миротворчество в Центральной Азии",
        authors=[{"family": "Петров", "given": "Сергей Викторович"}], year=2018,
        place="Москва", publisher="Наука", extent="312", language="ru", kind="book"),
    "en-book-2": CiteSource(
        key="doyle-2006", title="Making war and building peace: United Nations peace operations",
        authors=[{"family": "Doyle", "given": "Michael W."},
                 {"family": "Sambanis", "given": "Nicholas"}],
        year=2006, place="Princeton", publisher="Princeton University Press", extent="448",
        language="en", kind="book"),
    "ru-collection-article": CiteSource(
        key="seitov-2021", title="Миротворческая деятельность Казахстана в рамках ООН",
        authors=[{"family": "Сейтов", "given": "Бауыржан Кайратович"}], year=2021,
        journal="Казахстан и глобальная безопасность : материалы Международной "
                "научно-практической конференции",
        place="Астана", publisher="ЕНУ им. Л. Н. Гумилева", first_page=54, last_page=60,
        language="ru", kind="chapter"),
    "kk-book-no-place": CiteSource(
        key="sarsenbaev-2022", title="Бітімгершілік: тарих және тәжірибе",
        authors=[{"family": "Сәрсенбаев", "given": "Арман"}], year=2022,
        publisher="Фолиант", language="kk", kind="book"),
}

GOST = {
    "kk-article":
        f"Қалила, А. Т. {KK_TITLE} / А. Т. Қалила // Құқық және мемлекет. – 2024. – "
        f"№ 4 (105). – Б. 35–40. – DOI {KK_DOI}.",
    "ru-article-2":
        "Иванов, И. П. Миротворческие операции ООН: правовые основы / И. П. Иванов, "
        "А. С. Сидорова // Вестник КазНУ. Серия юридическая. – 2021. – Т. 98, № 2. – "
        "С. 45–53. – DOI 10.26577/JAPJ.2021.v98.i2.05.",
    "en-article-3":
        "Smith, J. A. Peacekeeping and the law of armed conflict / J. A. Smith, M. Jones, "
        "K. Lee // International Peacekeeping. – 2020. – Vol. 27, № 3. – P. 301–325. – "
        "DOI 10.1080/13533312.2020.1234567.",
    "ru-article-4":
        "Правовое регулирование миротворческой деятельности / А. Б. Иванов, В. Г. Петров, "
        "Д. Е. Сидоров [и др.] // Государство и право. – 2019. – № 5. – С. 112–120.",
    "kk-article-url":
        "Әбдіров, Н. М. Бітімгершілік операциялардың құқықтық негіздері / Н. М. Әбдіров, "
        "Г. Т. Серікбаева // ҚазҰУ Хабаршысы. Заң сериясы. – 2023. – Т. 105, № 1. – "
        "Б. 12–20. – URL: https://bulletin-law.kaznu.kz/index.php/journal/article/view/1234 "
        "(қаралған күні: 14.05.2024).",
    "ru-news-untitled":
        "[Казахстанские военнослужащие продолжают нести службу в составе сил ООН]. – Текст : "
        "электронный // Zakon.kz : [сайт]. – 2025. – 23 окт. – URL: https://www.zakon.kz/example"
        " (дата обращения: 23.10.2025).",
    "ru-news-titled":
        "Ахметова, Д. Казахстанские миротворцы вернулись из Ливана / Д. Ахметова. – Текст : "
        "электронный // Казинформ : [сайт]. – 2024. – 12 марта. – URL: "
        "https://www.inform.kz/ru/kazahstanskie-mirotvorcy (дата обращения: 15.03.2024).",
    "en-webpage":
        "Brown, S. How UN peacekeeping works / S. Brown. – Text : electronic // United Nations "
        "Peacekeeping : [website]. – 2023. – 1 June. – URL: "
        "https://peacekeeping.un.org/en/how-we-work (accessed: 10.01.2024).",
    "ru-newspaper-print":
        "Ким, Е. Голубые каски из Казахстана / Е. Ким // Казахстанская правда. – 2024. – "
        "12 марта (№ 47). – С. 3.",
    "ru-book":
        "Петров, С. В. Миротворчество в Центральной Азии / С. В. Петров. – Москва : Наука, "
        "2018. – 312 с.",
    "en-book-2":
        "Doyle, M. W. Making war and building peace: United Nations peace operations / "
        "M. W. Doyle, N. Sambanis. – Princeton : Princeton University Press, 2006. – 448 p.",
    "ru-collection-article":
        "Сейтов, Б. К. Миротворческая деятельность Казахстана в рамках ООН / Б. К. Сейтов // "
        "Казахстан и глобальная безопасность : материалы Международной научно-практической "
        "конференции. – Астана : ЕНУ им. Л. Н. Гумилева, 2021. – С. 54–60.",
    "kk-book-no-place":
        "Сәрсенбаев, А. Бітімгершілік: тарих және тәжірибе / А. Сәрсенбаев. – [Б. м.] : "
        "Фолиант, 2022.",
}

APA = {
    "kk-article":
        f"Қалила, А. Т. (2024). {KK_TITLE}. Құқық және мемлекет, (4), 35–40. "
        f"https://doi.org/{KK_DOI}",
    "ru-article-2":
        "Иванов, И. П., & Сидорова, А. С. (2021). Миротворческие операции ООН: правовые "
        "основы. Вестник КазНУ. Серия юридическая, 98(2), 45–53. "
        "https://doi.org/10.26577/JAPJ.2021.v98.i2.05",
    "en-article-3":
        "Smith, J. A., Jones, M., & Lee, K. (2020). Peacekeeping and the law of armed conflict. "
        "International Peacekeeping, 27(3), 301–325. https://doi.org/10.1080/13533312.2020.1234567",
    "en-webpage":
        "Brown, S. (2023, June 1). How UN peacekeeping works. United Nations Peacekeeping. "
        "https://peacekeeping.un.org/en/how-we-work",
    "ru-newspaper-print":
        "Ким, Е. (2024, March 12). Голубые каски из Казахстана. Казахстанская правда, (47), 3.",
    "ru-book": "Петров, С. В. (2018). Миротворчество в Центральной Азии. Наука.",
    "ru-collection-article":
        "Сейтов, Б. К. (2021). Миротворческая деятельность Казахстана в рамках ООН. In "
        "Казахстан и глобальная безопасность : материалы Международной научно-практической "
        "конференции (pp. 54–60). ЕНУ им. Л. Н. Гумилева.",
    "en-book-2":
        "Doyle, M. W., & Sambanis, N. (2006). Making war and building peace: United Nations "
        "peace operations. Princeton University Press.",
}

CHICAGO = {
    "kk-article":
        f"Қалила, А. Т. 2024. “{KK_TITLE}.” Құқық және мемлекет, no. 4 (105): 35–40. "
        f"https://doi.org/{KK_DOI}.",
    "ru-article-2":
        "Иванов, Иван Петрович, and Анна Сергеевна Сидорова. 2021. “Миротворческие операции "
        "ООН: правовые основы.” Вестник КазНУ. Серия юридическая 98 (2): 45–53. "
        "https://doi.org/10.26577/JAPJ.2021.v98.i2.05.",
    "en-article-3":
        "Smith, John A., Mary Jones, and Kim Lee. 2020. “Peacekeeping and the Law of Armed "
        "Conflict.” International Peacekeeping 27 (3): 301–25. "
        "https://doi.org/10.1080/13533312.2020.1234567.",
    "en-webpage":
        "Brown, Sarah. 2023. “How UN Peacekeeping Works.” United Nations Peacekeeping. June 1, "
        "2023. https://peacekeeping.un.org/en/how-we-work.",
    "ru-news-titled":
        "Ахметова, Динара. 2024. “Казахстанские миротворцы вернулись из Ливана.” Казинформ, "
        "March 12, 2024. https://www.inform.kz/ru/kazahstanskie-mirotvorcy.",
    "ru-newspaper-print":
        "Ким, Елена. 2024. “Голубые каски из Казахстана.” Казахстанская правда, March 12, 2024.",
    "ru-book": "Петров, Сергей Викторович. 2018. Миротворчество в Центральной Азии. Москва: Наука.",
    "ru-collection-article":
        "Сейтов, Бауыржан Кайратович. 2021. “Миротворческая деятельность Казахстана в рамках "
        "ООН.” In Казахстан и глобальная безопасность : материалы Международной "
        "научно-практической конференции, 54–60. Астана: ЕНУ им. Л. Н. Гумилева.",
    "en-book-2":
        "Doyle, Michael W., and Nicholas Sambanis. 2006. Making War and Building Peace: United "
        "Nations Peace Operations. Princeton: Princeton University Press.",
}


@pytest.mark.parametrize("name", sorted(GOST))
def test_gost(name: str) -> None:
    assert cite("gost", SOURCES[name]).reference == GOST[name]


@pytest.mark.parametrize("name", sorted(APA))
def test_apa(name: str) -> None:
    assert cite("apa", SOURCES[name]).reference == APA[name]


@pytest.mark.parametrize("name", sorted(CHICAGO))
def test_chicago(name: str) -> None:
    assert cite("chicago", SOURCES[name]).reference == CHICAGO[name]


def test_every_kind_has_a_gost_golden() -> None:
    assert set(GOST) == set(SOURCES) and len(GOST) >= 12


PARAGRAPH = CiteParagraph(id="kalila-2024-p17", label="17", page=36,
                          text="Зерттеу пәні – Қазақстан Республикасы Қарулы Күштерінің\n"
                               "бітімгершілік іс-шараларға қатысуы.")


def test_pinpoint_forms_of_a_kazakh_paragraph() -> None:
    source = SOURCES["kk-article"]
    assert cite("gost", source, PARAGRAPH).pinpoint == (
        f"Қалила, А. Т. {KK_TITLE} / А. Т. Қалила // Құқық және мемлекет. – 2024. – "
        f"№ 4 (105). – Б. 36. – DOI {KK_DOI}. – ¶ kalila-2024-p17."
    )
    assert cite("apa", source, PARAGRAPH, quote=True).pinpoint == (
        "“Зерттеу пәні – Қазақстан Республикасы Қарулы Күштерінің бітімгершілік іс-шараларға "
        "қатысуы.” (Қалила, 2024, p. 36, ¶ kalila-2024-p17)"
    )
    assert cite("chicago", source, PARAGRAPH).pinpoint == "(Қалила 2024, 36, ¶ kalila-2024-p17)"
    assert cite("bibtex", source, PARAGRAPH).pinpoint == (
        "\\autocite[36, ¶~kalila-2024-p17]{kalila-2024}"
    )


def test_pinpoint_forms_of_a_web_page_have_no_page() -> None:
    news = SOURCES["ru-news-titled"]
    paragraph = CiteParagraph(id="akhmetova-2024-p3", label="3", page=1)
    assert cite("gost", news, paragraph).pinpoint == GOST["ru-news-titled"] + (
        " – ¶ akhmetova-2024-p3."
    )
    assert cite("apa", news, paragraph).pinpoint == "(Ахметова, 2024, ¶ akhmetova-2024-p3)"
    en = SOURCES["en-article-3"]
    assert cite("apa", en, CiteParagraph(id="smith-2020-p4", label="4", page=302)).pinpoint == (
        "(Smith et al., 2020, p. 302, ¶ smith-2020-p4)"
    )
    assert cite("chicago", en, CiteParagraph(id="smith-2020-p4", label="4", page=302)).pinpoint \
        == "(Smith, Jones, and Lee 2020, 302, ¶ smith-2020-p4)"


# --- through a real archive: the seed article, then a re-issue of it as a second file --------

# The journal's name as its Kazakh running footer prints it (with a Cyrillic К), the issue
# with the journal's running number, and the pages to 40, where the article's English and
# Russian summaries end (the book advertisement after them is not the article's).
SEED_REFERENCE = (
    f"Қалила, А. Т. {KK_TITLE} / А. Т. Қалила // Кұқық және мемлекет. – 2024. – № 4 (105). – "
    f"Б. 35–40. – DOI {KK_DOI}."
)


def test_reissued_article_with_two_files_cites_as_one_work(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert run(home, "ingest", str(SEEDS / "000_d613d50ca8d86847.txt"))[0] == 0
    code, before, _ = run(home, "cite", "kalila-2024-p30")
    assert code == 0
    # The re-issue: the same article with one sentence corrected.
    reissue = tmp_path / "kalila-2024-corrected.txt"
    reissue.write_text(ARTICLE_TEXT.replace("10300 әскери", "10 300 әскери"), encoding="utf-8")
    code, _, err = run(home, "ingest", "--source", "kalila-2024", str(reissue))
    assert code == 0, err
    files = [line for line in run(home, "show", "kalila-2024")[1].splitlines()
             if line.strip().endswith(".txt") and "B " in line]
    assert len(files) == 2
    code, after, _ = run(home, "cite", "kalila-2024-p30")
    reference, footnote = after.splitlines()[:2]
    assert reference == SEED_REFERENCE
    assert footnote == (
        f"Қалила, А. Т. {KK_TITLE} / А. Т. Қалила // Кұқық және мемлекет. – 2024. – № 4 (105). "
        f"– Б. 36. – DOI {KK_DOI}. – ¶ kalila-2024-p30."
    )
    assert before.splitlines()[:2] == [reference, footnote]
