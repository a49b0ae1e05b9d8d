"""News pages: the site, byline and dateline read from the text, never for journal articles."""

from __future__ import annotations

from archive.metadata import extract_candidates, merge
from archive.metadata.news import news_candidates
from archive.models import Document, Line, Segmentation
from archive.origins import InText, Part


def doc_of(*rows: str, info: tuple[tuple[str, str], ...] = ()) -> Document:
    return Document("text/plain", "test", tuple(Line(r) for r in rows), info=info)


def test_dateline_byline_and_site_of_a_news_page() -> None:
    doc = doc_of(
        "23 октября 2025, 10:15",
        "Казахстанские миротворцы вернулись из Ливана.",
        "Фото: Tengrinews.kz",
        "Текст новости продолжается здесь.",
        "Фото: Tengrinews.kz",
        "Автор: Айгерим Калиева",
    )
    md, _ = merge(extract_candidates(doc, Segmentation(())))
    assert (md.date, md.year) == ("2025-10-23", 2025)
    assert md.publisher == "Tengrinews.kz"
    [author] = md.authors
    assert (author.family, author.given) == ("Калиева", "Айгерим")
    assert md.kind is None  # not a capture: nothing says what kind of page it is


def test_kazakh_and_dotted_datelines() -> None:
    [date, _] = news_candidates(doc_of("Жарияланды: 5 қыркүйек 2024"))
    assert date.value == "2024-09-05"
    [date, _] = news_candidates(doc_of("Опубликовано 01.02.2023 в 12:00"))
    assert date.value == "2023-02-01"
    assert news_candidates(doc_of("31 февраля 2023")) == []  # no such day


def test_single_credit_is_not_the_site_and_a_capture_date_beats_the_text() -> None:
    doc = doc_of(
        "date 2025-10-23 Первый абзац",
        "12 октября 2025 года состоялась встреча.",
        "Фото: Kazinform.kz",
    )
    md, _ = merge(extract_candidates(doc, Segmentation(())))
    assert md.publisher is None
    assert md.date == "2025-10-23"


def test_journal_articles_are_not_read_as_news() -> None:
    doc = doc_of(
        "DOI: 10.51634/2307-5201_2024_4_35",
        "Автор: Айгерим Калиева",
        "Фото: Zakon.kz",
        "Фото: Zakon.kz",
    )
    candidates = extract_candidates(doc, Segmentation(()))
    md, _ = merge(candidates)
    assert md.publisher is None and md.kind == "article-journal"
    # The labelled author line is the article's own statement, not a news credit.
    assert [c.origin for c in candidates if c.field == "authors"] == [
        InText(Part.TITLE_LINES, 1)]


def test_a_sentence_wrapped_before_by_is_no_byline() -> None:
    doc = doc_of(
        "The encoding named OT3 is the 128-character encoding used in the fonts produced",
        "by Washington State University.)",
        "By Anna Berg",
    )
    authors = [c.value for c in news_candidates(doc) if c.field == "authors"]
    assert authors == [[{"family": "Berg", "given": "Anna", "literal": "Anna Berg",
                         "affiliation": None, "email": None, "orcid": None}]]


def test_a_date_inside_a_sentence_is_no_dateline() -> None:
    doc = doc_of(
        "Посвящается памяти",
        "Он скончался 28 декабря 2015 года в своем доме в Сан-Франциско.",
    )
    assert [c for c in news_candidates(doc) if c.field == "date"] == []
    [date, _] = news_candidates(doc_of("Жарияланды: 5 қыркүйек 2024, 10:15"))
    assert date.value == "2024-09-05"
