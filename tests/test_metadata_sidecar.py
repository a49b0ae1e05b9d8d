"""Sidecars: parsing with line numbers, errors naming file/line/field, rendering, round trip."""

from __future__ import annotations

import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archive.errors import SidecarError
from archive.metadata import (
    SIDECAR_FIELDS,
    field_origins,
    merge,
    parse_sidecar,
    render_sidecar,
)
from archive.models import Author, Candidate, SourceMetadata
from archive.origins import InText, Origin, Part, Sidecar

NAME = "metadata/kalila-2024.yaml"

GOOD = """\
# corrections by hand
title: БҰҰ бітімгершілік миссияларында
titles:
  en: Legal Aspects of the Deployment
authors:
  - family: Қалила
    given: А.Т.
    orcid: 0000-0002-1825-0097
  - Smith, John
year: 2024
date: 2024-12-20
doi: https://doi.org/10.51634/2307-5201_2024_4_35
udc: 341.10; 355.1.072.2
grnti: [10.87.68, "10.15"]
issue: 4
first_page: 35
keywords:
  ru: [право, государство]
  en: law; state
journal: null
"""


def test_parse_good_sidecar() -> None:
    cands = parse_sidecar(GOOD, NAME)
    assert all(c.origin == Sidecar(NAME) and str(c.origin) == f"sidecar {NAME}" for c in cands)
    by = {(c.field, c.lang): c for c in cands}
    assert by[("title", None)].value == "БҰҰ бітімгершілік миссияларында"
    assert by[("title", "en")].detail == "line 4"
    assert by[("udc", None)].value == ["341.10", "355.1.072.2"]  # not the float 341.1
    assert by[("grnti", None)].value == ["10.87.68", "10.15"]
    assert by[("doi", None)].value == "10.51634/2307-5201_2024_4_35"
    assert by[("date", None)].value == "2024-12-20"
    assert by[("issue", None)].value == "4"
    assert by[("keywords", "en")].value == ["law", "state"]
    assert by[("journal", None)].value is None
    authors = by[("authors", None)].value
    assert authors[0]["orcid"] == "0000-0002-1825-0097"
    assert authors[1]["family"] == "Smith"


def test_sidecar_wins_and_null_clears() -> None:
    extracted = [
        Candidate("journal", "Кұқық және мемлекет", Origin.RUNNING_FOOTER, lang="kk", priority=60),
        Candidate("journal", "Wrong Journal", InText(Part.FRONT_MATTER, 1), priority=80),
        Candidate("year", 2023, InText(Part.FRONT_MATTER, 1), priority=80),
    ]
    cands = extracted + list(parse_sidecar(GOOD, NAME))
    md, chosen = merge(cands)
    assert md.year == 2024
    assert md.journal is None  # the sidecar's null beat the front matter's wrong value
    assert md.journals == {"kk": "Кұқық және мемлекет"}
    assert chosen[:3] == (True, False, False)
    origins = field_origins(cands, chosen)
    assert origins["year"][0] == (2024, f"sidecar {NAME}", True)
    assert (2023, "front-matter p.1", False) in origins["year"]
    assert origins["journal[kk]"] == [("Кұқық және мемлекет", "running-footer", True)]


@pytest.mark.parametrize(
    ("text", "line", "field", "problem"),
    [
        ("title: x\nyear: [2024\n", 3, "year", "not valid YAML"),
        ("title: x\n\nautor: Kalila\n", 3, "autor", "unknown field"),
        ("title: a\nyear: \x07\n", 2, "year", "not valid YAML"),
        ("year: twenty\n", 1, "year", "whole number"),
        ("title: [a, b]\n", 1, "title", "expected a single value"),
        ("title: ok\ndoi: 10.12/abc\n", 2, "doi", "not a DOI"),
        ("udc:\n  - 341.123\n  - abc\n", 3, "udc", "not a valid UDC code"),
        ("grnti: 10.8\n", 1, "grnti", "not a valid GRNTI code"),
        ("authors:\n  - family: X\n    orcid: 0000-0002-1825-0098\n", 2, "authors", "ORCID"),
        ("authors:\n  - family: X\n    mail: x@y.kz\n", 3, "authors", "unknown author key"),
        ("date: 2024-02-30\n", 1, "date", "not a date"),
        ("titles:\n  english: Title\n", 2, "titles", "language code"),
        ("keywords:\n  ru: [a]\n  kz: [b]\n", 3, "keywords", "the language code is 'kk'"),
        ("kind: article-journal\nkind: book\n", 2, "kind", "given twice"),
        ("kind: blogpost\n", 1, "kind", "not a known kind"),
    ],
)
def test_malformed_sidecar_names_file_line_and_field(
    text: str, line: int, field: str, problem: str
) -> None:
    with pytest.raises(SidecarError) as info:
        parse_sidecar(text, NAME)
    message = str(info.value)
    assert message.startswith(f"{NAME}, line {line}, field '{field}'"), message
    assert problem in message
    assert info.value.exit_code == 3


def test_not_a_mapping_and_empty() -> None:
    with pytest.raises(SidecarError, match=r"kalila-2024.yaml, line 1: expected a mapping"):
        parse_sidecar("- just\n- a list\n", NAME)
    assert parse_sidecar("", NAME) == ()
    assert parse_sidecar("# only a comment\n", NAME) == ()


def test_render_names_origins_and_lists_every_field() -> None:
    cands = [
        Candidate("year", 2024, InText(Part.FRONT_MATTER, 1), priority=80),
        Candidate("year", 2023, Origin.PDF_INFO, priority=40),
        Candidate("doi", "10.51634/2307-5201_2024_4_35", InText(Part.FRONT_MATTER, 1), priority=80),
    ]
    md, chosen = merge(cands)
    text = render_sidecar("kalila-2024", md, cands, chosen)
    lines = text.splitlines()
    year_at = lines.index("year: 2024")
    assert lines[year_at - 2] == "# from front-matter p.1"
    assert lines[year_at - 1] == "#   also proposed: 2023 (pdf-info)"
    for name in SIDECAR_FIELDS:
        assert any(line.startswith((f"{name}:", f"# {name}:")) for line in lines), name
    again, _ = merge(parse_sidecar(text, "x.yaml"))
    assert (again.year, again.doi) == (2024, md.doi)


_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    min_size=1,
    max_size=60,
).filter(lambda s: s.strip() != "")
_langs = st.sampled_from(["kk", "ru", "en", "de", "no", "yes"])
_words = st.lists(_text.filter(lambda s: "," not in s and ";" not in s), min_size=1, max_size=4)
_people = st.lists(
    st.builds(
        Author,
        family=_text,
        given=st.none() | _text,
        affiliation=st.none() | _text,
        email=st.none() | st.just("a.b@uni.edu.kz"),
        orcid=st.none() | st.just("0000-0002-1825-0097"),
    ),
    max_size=3,
)


@settings(max_examples=100, deadline=None)
@given(
    title=st.none() | _text,
    titles=st.dictionaries(_langs, _text, max_size=3),
    keywords=st.dictionaries(_langs, _words, max_size=3),
    abstracts=st.dictionaries(_langs, _text.map(lambda s: s + "\n\n" + s), max_size=2),
    authors=_people,
    year=st.none() | st.integers(1000, 2999),
    issue=st.none()
    | st.text(alphabet=string.digits + "()- ", min_size=1, max_size=8).filter(
        lambda s: s.strip() == s and s != ""
    ),
    udc=st.lists(st.sampled_from(["341.123", "355.1.072.2", "94(574)", "34:004"]), max_size=3),
)
def test_render_then_parse_round_trips(
    title: str | None,
    titles: dict[str, str],
    keywords: dict[str, list[str]],
    abstracts: dict[str, str],
    authors: list[Author],
    year: int | None,
    issue: str | None,
    udc: list[str],
) -> None:
    if title is None and titles:
        title = next(iter(titles.values()))  # merge's main title when none is set apart
    md = SourceMetadata(
        title=title,
        titles=titles,
        keywords=keywords,
        abstracts=abstracts,
        authors=tuple(authors),
        year=year,
        issue=issue,
        udc=tuple(udc),
    )
    text = render_sidecar("key-2024", md, [], [])
    again, _ = merge(parse_sidecar(text, "key-2024.yaml"))
    assert again.title == md.title
    assert again.titles == md.titles
    assert again.keywords == md.keywords
    assert again.abstracts == md.abstracts
    assert again.authors == md.authors
    assert (again.year, again.issue, again.udc) == (md.year, md.issue, md.udc)


def test_readme_documents_every_field_and_its_examples_parse() -> None:
    import re
    from pathlib import Path

    readme = (Path(__file__).resolve().parent.parent / "metadata" / "README.md").read_text(
        encoding="utf-8"
    )
    documented = {
        name for row in re.findall(r"^\| `(\w+)`(?:, `(\w+)`)?", readme, re.M) for name in row
    }
    assert set(SIDECAR_FIELDS) <= documented
    examples = re.findall(r"```yaml\n(.*?)```", readme, re.S)
    assert examples
    for example in examples:
        assert parse_sidecar(example, "README.md")


_yaml_bits = st.sampled_from(
    [
        "title: ",
        "year: ",
        "udc: ",
        "authors:\n  - ",
        "keywords:\n  ru: ",
        "doi: ",
        "date: ",
        "titles:\n  ",
        "- ",
        "{",
        "}",
        "[",
        "]",
        ": ",
        "\n",
        "  ",
        "null",
        "2024",
        "341.1",
        "&a ",
        "*a",
        "!!str ",
        "'",
        '"',
        "#",
        "orcid: 0000-0002-1825-0097",
        "family: X",
        "?",
        "|",
        ">",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_yaml_bits | st.text(max_size=5), max_size=25).map("".join))
def test_any_text_parses_or_raises_sidecar_error(text: str) -> None:
    try:
        cands = parse_sidecar(text, NAME)
    except SidecarError as exc:
        assert str(exc).startswith(f"{NAME}, line ")
    else:
        merge(cands)
