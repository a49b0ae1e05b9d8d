"""Identifier shapes: DOI, UDC, GRNTI, e-mail, ORCID, dates, language guesses; and names."""

from __future__ import annotations

import pytest

from archive.metadata import classes
from archive.metadata import patterns as pt
from archive.metadata.names import normal_case, parse_author_line, parse_name, split_names


@pytest.mark.parametrize(
    ("text", "doi"),
    [
        ("DOI: 10.51634/2307-5201_2024_4_35", "10.51634/2307-5201_2024_4_35"),
        ("see https://doi.org/10.1000/XYZ.123.", "10.1000/XYZ.123"),
        ("doi:10.1016/j.cell.2009.01.002;", "10.1016/j.cell.2009.01.002"),
        ("no identifier here 10.12/abc", None),
        # A template's stand-in for the DOI the paper will get.
        ("https://doi.org/10.1145/nnnnnnn.nnnnnnn", None),
        ("DOI: 10.xxxx/xxxxxxx", None),
        ("doi:10.1002/nnm.1234", "10.1002/nnm.1234"),
    ],
)
def test_normalize_doi(text: str, doi: str | None) -> None:
    assert pt.normalize_doi(text) == doi


def test_doi_keeps_a_balanced_parenthesis_and_drops_a_closing_one() -> None:
    assert pt.normalize_doi("10.1000/abc(1)2") == "10.1000/abc(1)2"
    assert pt.normalize_doi("(see 10.1000/abc1)") == "10.1000/abc1"


def test_doi_at_a_line_end_and_wrapped_over_two_lines() -> None:
    lines = ["Available at https://doi.org/10.51634/2307-", "5201_2024_4_35 and elsewhere"]
    assert pt.find_dois(lines) == ["10.51634/2307-5201_2024_4_35"]
    assert pt.find_dois(["… cited as 10.1234/abcd.", "Next sentence."]) == ["10.1234/abcd"]


def test_two_udc_codes_separated_by_semicolon() -> None:
    match = pt.UDC_LABEL_RE.match("УДК 341.123; 355.1.072.2")
    assert match
    assert pt.parse_udc(match.group("rest")) == ["341.123", "355.1.072.2"]


@pytest.mark.parametrize(
    ("line", "codes"),
    [
        ("ӘОЖ 34.03", ["34.03"]),
        ("UDC: 342.7 (574)", ["342.7(574)"]),
        ("УДК 94(574):323.1", ["94(574):323.1"]),
        ('УДК 81\'42:811.512.122"2024"', ['81\'42:811.512.122"2024"']),
    ],
)
def test_udc_labels_in_three_languages(line: str, codes: list[str]) -> None:
    match = pt.UDC_LABEL_RE.match(line)
    assert match
    assert pt.parse_udc(match.group("rest")) == codes


def test_grnti_with_several_codes() -> None:
    lines = ("МРНТИ 10.87.68; 10.15.59", "IRSTI 10.87.68, 10.15.59", "ГРНТИ: 10.87.68 10.15.59")
    for line in lines:
        match = pt.GRNTI_LABEL_RE.match(line)
        assert match, line
        assert pt.parse_grnti(match.group("rest")) == ["10.87.68", "10.15.59"]


@pytest.mark.parametrize(
    ("code", "ok"),
    [
        ("10.87.68", True),
        ("10", True),
        ("10.87", True),
        ("10.8", False),
        ("1.87.68", False),
        ("10.87.68.11", False),
    ],
)
def test_is_grnti(code: str, ok: bool) -> None:
    assert pt.is_grnti(code) is ok


@pytest.mark.parametrize(
    ("code", "ok"),
    [
        ("341.123", True),
        ("355.1.072.2", True),
        ("94(574)", True),
        ("34:004", True),
        ("abc", False),
        ("341.", False),
        ("", False),
        (" 341", False),
    ],
)
def test_is_udc(code: str, ok: bool) -> None:
    assert pt.is_udc(code) is ok


def test_email_label_with_cyrillic_e() -> None:
    line = "е-mail: kalila_a@kazguu.com"
    assert line[0] == "\u0435"  # Cyrillic small ie, as printed in the seed
    assert pt.EMAIL_LABEL_RE.match(line)
    assert pt.find_emails(line) == ["kalila_a@kazguu.com"]
    assert pt.EMAIL_LABEL_RE.match("E-mail: x@y.kz")
    assert pt.find_emails("Email: first.last@uni.edu.kz.") == ["first.last@uni.edu.kz"]


def test_orcid_checksum_valid_and_invalid() -> None:
    # 0000-0002-1825-0097 is ORCID's documented example iD; the X check digit case too.
    assert pt.is_orcid("0000-0002-1825-0097")
    assert pt.is_orcid("0000-0002-1694-233X")
    assert not pt.is_orcid("0000-0002-1825-0098")
    text = "ORCID: https://orcid.org/0000-0002-1825-0097, 0000-0002-1825-0098"
    assert pt.find_orcids(text) == ["0000-0002-1825-0097"]


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("2024", True),
        ("2024-02", True),
        ("2024-02-29", True),
        ("2023-02-29", False),
        ("2024-13", False),
        ("24-01-01", False),
        ("2024/01/01", False),
    ],
)
def test_iso_dates(value: str, ok: bool) -> None:
    assert pt.is_iso_date(value) is ok


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Кұқық және мемлекет", "kk"),
        ("Право и государство", "ru"),
        ("Legal Aspects of the Deployment of the National Contingent", "en"),
        ("12345", None),
    ],
)
def test_guess_lang(text: str, lang: str | None) -> None:
    assert pt.guess_lang(text) == lang


# --- names -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "family", "given", "literal"),
    [
        ("А.Т. ҚАЛИЛА,", "Қалила", "А.Т.", "А.Т. ҚАЛИЛА"),
        ("Қалила А.Т.", "Қалила", "А.Т.", "Қалила А.Т."),
        ("Kalila, A. T.", "Kalila", "A.T.", "Kalila, A. T."),
        ("КАЛИЛА Айгерим Тимуровна", "Калила", "Айгерим Тимуровна", "КАЛИЛА Айгерим Тимуровна"),
        ("Sh.B. ZHUNUSSOVA-ABENOVA¹*", "Zhunussova-Abenova", "Sh.B.", "Sh.B. ZHUNUSSOVA-ABENOVA"),
    ],
)
def test_names_in_capitals_and_other_orders(
    line: str, family: str, given: str, literal: str
) -> None:
    [author] = parse_author_line(line)
    assert (author.family, author.given, author.literal) == (family, given, literal)


def test_several_authors_on_one_line() -> None:
    authors = parse_author_line("А.Т. Қалила¹, Б.С. Иванов² және Д.Е. Серікбаев³")
    assert [a.family for a in authors] == ["Қалила", "Иванов", "Серікбаев"]


@pytest.mark.parametrize(
    "line",
    [
        "LLB, ҚР Қарулы күштерінің",
        "БҰҰ БІТІМГЕРШІЛІК МИССИЯЛАРЫНДА",
        "МЕЖДУНАРОДНОЕ ПРАВО",
        "Қалила А.Т. БҰҰ бітімгершілік миссияларында Қазақстан Республикасы қарулы күштер...",
    ],
)
def test_lines_that_are_not_author_lines(line: str) -> None:
    assert parse_author_line(line) == []


def test_container_names() -> None:
    assert parse_name("Иванов Иван Иванович").family == "Иванов"
    assert parse_name("John Smith").family == "Smith"
    assert [a.family for a in split_names("Kalila A.T.; Smith, John")] == ["Kalila", "Smith"]
    assert normal_case("ИВАНОВА-ПЕТРОВА") == "Иванова-Петрова"
    assert normal_case("McDonald") == "McDonald"
    # A catalogue's "Family, Given" is parsed whole; it is no name as printed (``literal``),
    # which a byline's "Madina Seitkali" is.
    inverted = parse_name("Абенова, Сауле Ермековна")
    assert (inverted.family, inverted.given, inverted.literal) == (
        "Абенова", "Сауле Ермековна", None
    )
    assert inverted.display_name == "Абенова Сауле Ермековна"
    assert parse_name("Madina Seitkali").literal == "Madina Seitkali"
    # A Vietnamese name is written family first: its family and middle names say so.
    assert [(a.family, a.given) for a in map(parse_name, ["Vu Van Dung", "Nguyễn Thị Lan",
                                                           "Le Anh Tuan", "John Van Dyke"])] == [
        ("Vu", "Van Dung"), ("Nguyễn", "Thị Lan"), ("Le", "Anh Tuan"), ("Dyke", "John Van")]
    # So is a Hungarian name, which ends in its given name; written the other way round
    # (as a Hungarian author may in English) it ends in the family name.
    assert [(a.family, a.given) for a in map(parse_name, ["Nagy Bence", "Molnár Károly",
                                                           "Attila Kovács"])] == [
        ("Nagy", "Bence"), ("Molnár", "Károly"), ("Kovács", "Attila")]


def test_container_names_with_addresses_and_a_trailing_separator() -> None:
    # PDF info's Author as TeX packages write it: a name and its address, or a list
    # that ends in its separator.
    (scharrer,) = split_names("Martin Scharrer <martin.scharrer@web.de>")
    assert (scharrer.family, scharrer.given, scharrer.email) == (
        "Scharrer", "Martin", "martin.scharrer@web.de"
    )
    assert [(a.family, a.given) for a in split_names("Clemens Niederberger, ")] == [
        ("Niederberger", "Clemens")
    ]
    # A login that a program filled in is no one's name.
    assert split_names("legendre") == []
    # groff's PDF info: every word of the title page's lines, a comma after each.
    assert [a.family for a in split_names("Deri James, and, Peter Schaffter,")] == [
        "James", "Schaffter"]
    (michlmayr,) = split_names("Leonard Michlmayr, leonard.michlmayr at example.com")
    assert (michlmayr.family, michlmayr.email) == ("Michlmayr", "leonard.michlmayr@example.com")
    (stacey,) = split_names("Andrew Stacey , loopspace@example.org")
    assert (stacey.family, stacey.email) == ("Stacey", "loopspace@example.org")
    (koenker,) = split_names("Roger Koenker University of Illinois at Urbana-Champaign")
    assert (koenker.family, koenker.given, koenker.affiliation) == (
        "Koenker", "Roger", "University of Illinois at Urbana-Champaign"
    )
    assert normal_case("J.J.") == "J.J."  # initials keep their case
    (hajer,) = split_names("Jan Hajer jan.hajer@example.pt")
    assert (hajer.family, hajer.email) == ("Hajer", "jan.hajer@example.pt")
    two = split_names("A. Smith (mailto:a.smith@example.org); John Doe <jd@example.com>")
    assert [(a.family, a.email) for a in two] == [
        ("Smith", "a.smith@example.org"), ("Doe", "jd@example.com")
    ]


# --- classes ---------------------------------------------------------------------------


def test_top_level_classes_from_shipped_data() -> None:
    assert classes.udc_top("341.123") == ("3", "Social sciences")
    assert classes.udc_top("94(574)") == ("9", "Geography. History")
    assert classes.udc_top("4") is None  # vacant since 1962
    assert classes.udc_top("not a code") is None
    assert classes.grnti_top("10.87.68") == ("10", "Государство и право. Юридические науки")
    assert classes.grnti_top("78.25.09") == ("78", "Военное дело")
    assert classes.grnti_top("01.01") is None  # no such rubric
    assert classes.grnti_top("1087") is None


def test_an_organisation_is_no_name_in_capitals_and_a_given_name() -> None:
    # A DocBook text's title page: each author's name, then the company in its own line.
    assert parse_author_line("TOSHIBA Corporation") == []
    assert [a.family for a in parse_author_line("КАЛИЛА Айгерим Тимуровна")] == ["Калила"]
