"""Merging: priority order, agreement as tie-break, per-language fields, chosen flags."""

from __future__ import annotations

from archive.metadata import field_origins, merge
from archive.models import Author, Candidate
from archive.origins import InText, Origin, Part, Sidecar


def test_priority_order_front_matter_over_footer_over_container() -> None:
    cands = [
        Candidate("year", 2020, Origin.CAPTURE_HEADER, priority=30),
        Candidate("year", 2023, Origin.PDF_INFO, priority=40),
        Candidate("year", 2024, Origin.RUNNING_FOOTER, priority=60),
        Candidate("year", 2025, InText(Part.FRONT_MATTER, 1), priority=80),
    ]
    md, chosen = merge(cands)
    assert md.year == 2025
    assert chosen == (False, False, False, True)


def test_equal_priority_goes_to_the_value_more_origins_agree_on() -> None:
    cands = [
        Candidate("issue", "3", Origin.RUNNING_FOOTER, detail="odd page", priority=60),
        Candidate("issue", "4", Origin.RUNNING_HEADER, priority=60),
        Candidate("issue", "4", Origin.RUNNING_FOOTER, priority=60),
    ]
    md, chosen = merge(cands)
    assert md.issue == "4"
    assert chosen == (False, True, False)  # the first of the agreeing ones


def test_sidecar_beats_any_priority() -> None:
    cands = [
        Candidate("doi", "10.1000/a", InText(Part.FRONT_MATTER, 1), priority=10_000),
        Candidate("doi", "10.1000/b", Sidecar("metadata/x.yaml"), priority=1),
    ]
    md, chosen = merge(cands)
    assert md.doi == "10.1000/b"
    assert chosen == (False, True)


def test_titles_per_language_and_main_title_in_main_language() -> None:
    cands = [
        Candidate("title", "Legal Aspects", InText(Part.ABSTRACT, 6), lang="en", priority=75),
        Candidate("title", "ҚҰҚЫҚТЫҚ АСПЕКТІЛЕРІ", InText(Part.FRONT_MATTER, 1), lang="kk",
                  priority=80),
        Candidate("title", "Microsoft Word - x", Origin.PDF_INFO, lang="en", priority=40),
        Candidate("language", "kk", Origin.INFERRED, priority=10),
    ]
    md, chosen = merge(cands)
    assert md.titles == {"en": "Legal Aspects", "kk": "ҚҰҚЫҚТЫҚ АСПЕКТІЛЕРІ"}
    assert md.title == "ҚҰҚЫҚТЫҚ АСПЕКТІЛЕРІ"
    assert chosen == (True, True, False, True)


def test_main_title_without_a_known_language_is_the_most_trusted() -> None:
    cands = [
        Candidate("title", "From XMP", Origin.XMP, lang="en", priority=70),
        Candidate("title", "Из текста", InText(Part.FRONT_MATTER, 1), lang="ru", priority=80),
    ]
    md, _ = merge(cands)
    assert md.title == "Из текста"


def test_date_from_a_more_trusted_origin_sets_the_year() -> None:
    cands = [
        Candidate("year", 2024, Origin.RUNNING_FOOTER, priority=60),
        Candidate("date", "2025-01-15", Sidecar("m.yaml"), priority=100),
    ]
    md, _ = merge(cands)
    assert (md.date, md.year) == ("2025-01-15", 2025)


def test_authors_and_lists_become_tuples() -> None:
    author = Author(family="Қалила", given="А.Т.", literal="А.Т. ҚАЛИЛА")
    cands = [
        Candidate("authors", [author.as_json()], InText(Part.FRONT_MATTER, 1), priority=80),
        Candidate("udc", ["341.123", "355.1.072.2"], InText(Part.FRONT_MATTER, 1), priority=80),
        Candidate("keywords", ["a", "b"], InText(Part.KEYWORDS, 1), lang="en", priority=80),
    ]
    md, _ = merge(cands)
    assert md.authors == (author,)
    assert md.udc == ("341.123", "355.1.072.2")
    assert md.keywords == {"en": ["a", "b"]}


def test_empty_input() -> None:
    md, chosen = merge([])
    assert md.title is None and md.authors == () and chosen == ()


def test_field_origins_lists_chosen_first_then_by_trust() -> None:
    cands = [
        Candidate("year", 2023, Origin.PDF_INFO, priority=40),
        Candidate("year", 2024, Origin.RUNNING_FOOTER, priority=60),
        Candidate("year", 2024, InText(Part.FRONT_MATTER, 1), priority=80),
        Candidate("title", "T", InText(Part.ABSTRACT, 6), lang="en", priority=75),
    ]
    _, chosen = merge(cands)
    origins = field_origins(cands, chosen)
    assert origins["year"] == [
        (2024, "front-matter p.1", True),
        (2024, "running-footer", False),
        (2023, "pdf-info", False),
    ]
    assert origins["title[en]"] == [("T", "abstract p.6", True)]


def test_title_in_capitals_takes_the_case_of_the_same_words_from_another_origin() -> None:
    caps = Candidate("title", "ПРАВОВЫЕ ОСНОВЫ  МЕСТНОГО САМОУПРАВЛЕНИЯ", InText(Part.ABSTRACT, 5),
                     lang="ru", priority=75)
    twin = Candidate("title", "Правовые основы местного самоуправления", Origin.XMP, lang="ru",
                     priority=70)
    other = Candidate("title", "Другое название", Origin.PDF_INFO, lang="ru", priority=40)
    md, chosen = merge([caps, twin, other])
    assert md.titles == {"ru": "Правовые основы местного самоуправления"}
    assert chosen == (False, True, False)
    md, _ = merge([caps, other])
    assert md.titles == {"ru": "ПРАВОВЫЕ ОСНОВЫ  МЕСТНОГО САМОУПРАВЛЕНИЯ"}  # no twin: as printed
    sidecar = Candidate("title", "ПРАВОВЫЕ ОСНОВЫ", Sidecar("m.yaml"), lang="ru")
    md, _ = merge([sidecar, Candidate("title", "Правовые основы", Origin.XMP, lang="ru")])
    assert md.titles == {"ru": "ПРАВОВЫЕ ОСНОВЫ"}  # a person's choice stands


def test_a_longer_list_of_the_same_authors_in_order_wins_over_a_part_of_it() -> None:
    def names(*families: str) -> list[dict[str, str]]:
        return [Author(family=f).as_json() for f in families]

    one = Candidate("authors", names("Hanisch"), InText(Part.FRONT_MATTER, 1), priority=80)
    four = Candidate("authors", names("Djorgovski", "King", "Biemesderfer", "Hanisch"),
                     InText(Part.TITLE_PAGE, 1), priority=52)
    others = Candidate("authors", names("Hanisch", "Smith"), InText(Part.TITLE_PAGE, 1),
                       priority=52)
    md, chosen = merge([one, four])
    assert [a.family for a in md.authors] == ["Djorgovski", "King", "Biemesderfer", "Hanisch"]
    assert chosen == (False, True)
    # Names that are not the same people (another order, another list) do not take over.
    md, _ = merge([Candidate("authors", names("King", "Djorgovski"),
                             InText(Part.FRONT_MATTER, 1), priority=80), four])
    assert [a.family for a in md.authors] == ["King", "Djorgovski"]
    md, _ = merge([one, others, Candidate("authors", names("Hanisch", "Smith", "Jones"),
                                          Origin.PDF_INFO, priority=40)])
    assert [a.family for a in md.authors] == ["Hanisch", "Smith"]
    # The container's own list gives way to no reading of the page ("Novartis Pharma AG").
    xmp = Candidate("authors", names("Hothorn", "Bretz", "Westfall"), Origin.XMP, priority=70)
    page = Candidate("authors", names("Hothorn", "Bretz", "AG", "Westfall"),
                     InText(Part.TITLE_PAGE, 1), priority=52)
    md, _ = merge([page, xmp])
    assert [a.family for a in md.authors] == ["Hothorn", "Bretz", "Westfall"]
