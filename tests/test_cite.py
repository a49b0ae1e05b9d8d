"""Citation styles, with hand-written expected strings for the two seed sources."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON
from hypothesis import given, settings
from hypothesis import strategies as st

from archive.cite import (
    STYLES,
    CiteParagraph,
    CiteSource,
    case_forms_from_texts,
    cite,
    default_style,
    render,
    sentence_case,
)

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
ARTICLE_TEXT = (SEEDS / "000_d613d50ca8d86847.txt").read_text(encoding="utf-8")
NEWS_TEXT = (SEEDS / "001_0956fffff0b724be.txt").read_text(encoding="utf-8")
TITLE = (
    "БҰҰ БІТІМГЕРШІЛІК МИССИЯЛАРЫНДА ҚАЗАҚСТАН РЕСПУБЛИКАСЫ ҚАРУЛЫ КҮШТЕР КОНТИНГЕНТІН "
    "ҚОЛДАНУДЫҢ ҚҰҚЫҚТЫҚ АСПЕКТІЛЕРІ"
)
CASED = (
    "БҰҰ бітімгершілік миссияларында Қазақстан Республикасы Қарулы Күштер контингентін "
    "қолданудың құқықтық аспектілері"
)
DOI = "10.51634/2307-5201_2024_4_35"

ARTICLE = CiteSource(
    key="kalila-2024",
    title=TITLE,
    authors=[{"family": "Қалила", "given": "А.Т."}],
    year=2024,
    journal="Құқық және мемлекет",
    issue="4 (105)",
    first_page=35,
    last_page=42,
    doi=DOI,
    language="kk",
    kind="article-journal",
    case_forms=case_forms_from_texts([ARTICLE_TEXT]),
)
PARAGRAPH = CiteParagraph(
    id="kalila-2024-p17",
    label="17",
    page=36,
    text=(
        "Зерттеу пәні – Қазақстан Республикасы Қарулы Күштерінің\n"
        "бітімгершілік іс-шараларға қатысуы."
    ),
    url="https://archive.example/paragraphs/kalila-2024-p17",
)
NEWS = CiteSource(
    key="zakon-kz-2025-10-23",
    date="2025-10-23",
    journal="Zakon.kz",
    url="https://www.zakon.kz/example",
    language="ru",
    kind="article-newspaper",
    accessed="2025-10-23",
    incipit=NEWS_TEXT.split("\n", 1)[0].removeprefix(" date 2025-10-23 "),
)


def test_title_in_capitals_takes_the_texts_own_casing() -> None:
    assert sentence_case(TITLE, ARTICLE.case_forms) == CASED
    assert sentence_case("ПРАВО И ГОСУДАРСТВО") == "Право и государство"
    assert sentence_case("Already Cased Title") == "Already Cased Title"


def test_gost_journal_article() -> None:
    assert render("gost", ARTICLE) == (
        f"Қалила, А. Т. {CASED} / А. Т. Қалила // Құқық және мемлекет. – 2024. – № 4 (105). "
        f"– Б. 35–42. – DOI {DOI}."
    )


def test_gost_reference_and_footnote_are_kept_apart() -> None:
    made = cite("gost", ARTICLE, PARAGRAPH)
    assert made.reference == render("gost", ARTICLE)
    assert "kalila-2024-p17" not in made.reference
    assert made.pinpoint == (
        f"Қалила, А. Т. {CASED} / А. Т. Қалила // Құқық және мемлекет. – 2024. – № 4 (105). "
        f"– Б. 36. – DOI {DOI}. – ¶ kalila-2024-p17."
    )
    assert made.text == f"{made.reference}\n{made.pinpoint}"
    quoted = cite("gost", ARTICLE, PARAGRAPH, quote=True).pinpoint or ""
    assert quoted.startswith("«Зерттеу пәні – Қазақстан Республикасы Қарулы Күштерінің бітім")


def test_gost_russian_source_uses_russian_words() -> None:
    russian = CiteSource(
        key="ivanov-2019",
        title="Право и государство",
        authors=[{"family": "Иванов", "given": "Иван Петрович"}],
        year=2019,
        journal="Вестник",
        volume="3",
        issue="2",
        first_page=10,
        last_page=15,
        language="ru",
    )
    assert render("gost", russian) == (
        "Иванов, И. П. Право и государство / И. П. Иванов // Вестник. – 2019. – Т. 3, № 2. "
        "– С. 10–15."
    )


def test_gost_four_authors_have_no_heading() -> None:
    many = CiteSource(
        key="a-2020",
        title="Заглавие",
        authors=[{"literal": f"{n} А.Б."} for n in ("Иванов", "Петров", "Сидоров", "Козлов")],
        year=2020,
        journal="Журнал",
        language="ru",
    )
    assert render("gost", many) == (
        "Заглавие / А. Б. Иванов, А. Б. Петров, А. Б. Сидоров [и др.] // Журнал. – 2020."
    )


def test_gost_news_page_without_author_or_title() -> None:
    assert render("gost", NEWS) == (
        "[Казахстанские военнослужащие продолжают нести службу в составе сил ООН]. – Текст : "
        "электронный // Zakon.kz : [сайт]. – 2025. – 23 окт. – URL: https://www.zakon.kz/example"
        " (дата обращения: 23.10.2025)."
    )


def test_apa() -> None:
    assert render("apa", ARTICLE) == (
        f"Қалила, А. Т. (2024). {CASED}. Құқық және мемлекет, (4), 35–42. https://doi.org/{DOI}"
    )
    assert cite("apa", ARTICLE, PARAGRAPH).pinpoint == "(Қалила, 2024, p. 36, ¶ kalila-2024-p17)"
    assert render("apa", NEWS) == (
        "[Казахстанские военнослужащие продолжают нести службу в составе сил ООН]. "
        "(2025, October 23). Zakon.kz. https://www.zakon.kz/example"
    )


def test_chicago_author_date() -> None:
    assert render("chicago", ARTICLE) == (
        f"Қалила, А. Т. 2024. “{CASED}.” Құқық және мемлекет, no. 4 (105): 35–42. "
        f"https://doi.org/{DOI}."
    )
    assert render("chicago", NEWS) == (
        "Zakon.kz. 2025. [Казахстанские военнослужащие продолжают нести службу в составе сил "
        "ООН]. October 23, 2025. https://www.zakon.kz/example."
    )


def test_bibtex() -> None:
    made = cite("bibtex", ARTICLE, PARAGRAPH)
    assert made.pinpoint == "\\autocite[36, ¶~kalila-2024-p17]{kalila-2024}"
    assert made.reference == (
        "@article{kalila-2024,\n"
        "  author = {Қалила, А. Т.},\n"
        f"  title = {{{{{CASED}}}}},\n"
        "  journal = {Құқық және мемлекет},\n"
        "  year = {2024},\n"
        "  number = {4 (105)},\n"
        "  pages = {35--42},\n"
        f"  doi = {{{DOI}}},\n"
        "  langid = {kazakh},\n"
        "}"
    )


def test_bibtex_escapes_tex_specials() -> None:
    odd = CiteSource(key="x-2020", title="50% of R&D_costs {sic} #1 ~ $5", year=2020)
    out = render("bibtex", odd)
    assert r"title = {{50\% of R\&D\_costs \{sic\} \#1 \textasciitilde{} \$5}}" in out
    assert out.startswith("@misc{x-2020,")


def test_csl_json_fields_and_locator() -> None:
    cited = json.loads(render("csl-json", ARTICLE, PARAGRAPH))
    [pinned] = cited["citationItems"]
    assert (pinned["locator"], pinned["label"]) == ("17", "paragraph")
    assert cited["citationID"] == "kalila-2024-p17"
    [item] = json.loads(render("csl-json", ARTICLE))
    assert pinned["itemData"] == item
    assert item["id"] == "kalila-2024" and item["type"] == "article-journal"
    assert item["author"] == [{"family": "Қалила", "given": "А.Т."}]
    assert item["issued"] == {"date-parts": [[2024]]}
    assert item["container-title"] == "Құқық және мемлекет"
    assert (item["issue"], item["page"], item["DOI"]) == ("4 (105)", "35-42", DOI)
    assert "locator" not in item
    [news] = json.loads(render("csl-json", NEWS))
    assert news["issued"] == {"date-parts": [[2025, 10, 23]]}
    assert news["accessed"] == {"date-parts": [[2025, 10, 23]]}


def test_csl_json_renders_with_citeproc() -> None:
    items = [i for s in (ARTICLE, NEWS) for i in json.loads(render("csl-json", s))]
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        bib = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
        for item in items:
            bib.register(Citation([CitationItem(item["id"])]))
        entries = [str(e) for e in bib.bibliography()]
    assert any(e.startswith("Қалила, А.Т. (2024)") and CASED in e and DOI in e for e in entries)
    assert any("Zakon.kz" in e and "23 October" in e for e in entries)


def test_every_style_renders_both_seeds() -> None:
    for style in STYLES:
        for source in (ARTICLE, NEWS):
            assert render(style, source).strip()
            made = cite(style, ARTICLE, PARAGRAPH)
            assert "kalila-2024-p17" in (made.pinpoint or "")
            assert "kalila-2024-p17" not in made.reference


def test_default_style_and_unknown_style() -> None:
    assert default_style(ARTICLE) == "gost" and default_style(NEWS) == "gost"
    assert default_style(CiteSource(key="x", language="en")) == "apa"
    with pytest.raises(ValueError, match="unknown citation style"):
        render("mla", ARTICLE)


_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)


@settings(max_examples=150, deadline=None)
@given(
    title=st.none() | _text,
    family=st.none() | _text,
    given_name=st.none() | _text,
    year=st.none() | st.integers(1000, 2100),
    date=st.none() | st.sampled_from(["2025-10-23", "2025-13-40", "2025", "garbage", ""]),
    issue=st.none() | _text | st.integers(0, 999),
    pages=st.tuples(st.none() | st.integers(1, 999), st.none() | st.integers(1, 999)),
    url=st.none() | st.sampled_from(["https://www.zakon.kz/a_b%20{c}", "ftp://x", "not a url"]),
    kind=st.none() | st.sampled_from(["article-journal", "webpage", "book", "article-newspaper"]),
    lang=st.none() | st.sampled_from(["kk", "ru", "en", "de"]),
)
def test_every_style_renders_any_metadata(
    title, family, given_name, year, date, issue, pages, url, kind, lang
) -> None:
    source = CiteSource(
        key="x-2020",
        title=title,
        authors=[{"family": family, "given": given_name}],
        year=year,
        date=date,
        journal="Журнал & Co",
        issue=issue,
        first_page=pages[0],
        last_page=pages[1],
        url=url,
        kind=kind,
        language=lang,
        accessed=date,
    )
    paragraph = CiteParagraph(id="x-2020-p3b", label="3b", page=pages[0], text=title)
    for style in STYLES:
        out = render(style, source, paragraph, quote=True)
        assert "x-2020-p3b" in out
    json.loads(render("csl-json", source, paragraph))
    bib = render("bibtex", source, paragraph)
    assert bib.count("{") - bib.count("\\{") == bib.count("}") - bib.count("\\}")
