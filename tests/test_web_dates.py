"""A web page's publication and modification dates, description and section, each with the
origin that gave it: meta tags and JSON-LD first, then ``<time>`` elements, then htmldate."""

from __future__ import annotations

from archive.extract.html import extract_html
from archive.ingest.analyse import analyse
from archive.metadata import field_origins, merge

BODY = ("<p>Аким области провёл встречу с жителями сёл и обсудил ремонт дорог, "
        "строительство школ и подведение воды к новым микрорайонам.</p>"
        "<p>Жители попросили открыть фельдшерский пункт и продлить автобусный маршрут до "
        "районного центра, власти обещали ответить до конца месяца.</p>")


def _page(head: str, article: str, after: str = "") -> bytes:
    return (f"<html lang='ru'><head><meta charset='utf-8'>{head}<title>Встреча</title></head>"
            f"<body><article><h1>Встреча с жителями</h1>{article}{BODY}</article>{after}"
            "</body></html>").encode()


def _origins(data: bytes) -> dict[str, list[tuple[object, str, bool]]]:
    """field -> every value offered, by whom, and whether it was chosen (chosen first)."""
    candidates = analyse(data).candidates
    return field_origins(candidates, merge(candidates)[1])


def _chosen(data: bytes) -> dict[str, tuple[object, str]]:
    return {f: (v[0][0], v[0][1]) for f, v in _origins(data).items() if v[0][2]}


def test_time_elements_say_which_date_they_are() -> None:
    page = _page("", "<div class='meta'>Опубликовано: <time datetime='2025-02-03T10:00'>3 февраля"
                 "</time> · Обновлено: <time datetime='2025-02-05T08:15+05:00'>5 февраля</time>"
                 "</div>")
    info = [pair for pair in extract_html(page).info if pair[0].startswith("html-time")]
    assert info == [("html-time:published#label=Опубликовано", "2025-02-03T10:00"),
                    ("html-time:modified#label=Обновлено", "2025-02-05T08:15+05:00")]
    chosen = _chosen(page)
    assert chosen["date"] == ("2025-02-03", "html-time")
    assert chosen["modified"] == ("2025-02-05", "html-time")


def test_itemprop_and_class_name_a_date_and_comments_are_not_the_article() -> None:
    page = _page("", "<span class='article__updated'><time datetime='2024-11-30'>30.11</time>"
                 "</span><time itemprop='datePublished' datetime='2024-11-28'>28.11</time>",
                 "<section class='comments'><time datetime='2024-12-01'>1 декабря</time>"
                 "<p>Наконец-то!</p></section>")
    info = [pair for pair in extract_html(page).info if pair[0].startswith("html-time")]
    assert info == [("html-time:modified#class=article__updated", "2024-11-30"),
                    ("html-time:published#itemprop=datePublished", "2024-11-28")]


def test_first_time_of_the_article_is_its_dateline() -> None:
    page = _page("", "<div class='meta'><time datetime='2025-06-11T14:20'>11 июня</time></div>",
                 "<aside><time datetime='2025-06-12'>12 июня</time> Другая новость</aside>")
    analysis = analyse(page)
    assert (analysis.metadata.date, analysis.metadata.modified) == ("2025-06-11", None)
    [cand] = [c for c in analysis.candidates if c.field == "date" and c.origin == "html-time"]
    assert cand.detail == "the article's first <time datetime>: 2025-06-11T14:20"


def test_stated_dates_outrank_time_elements_and_htmldate() -> None:
    head = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Встреча",'
            ' "datePublished": "2025-02-02T23:30:00+05:00", "dateModified": "2025-02-06",'
            ' "articleSection": "Регионы", "description": "Аким встретился с жителями."}'
            '</script><meta property="article:section" content="Новости">'
            '<meta name="description" content="Встреча акима с жителями сёл.">')
    page = _page(head, "<time datetime='2025-02-03'>3 февраля</time>")
    chosen = _chosen(page)
    assert chosen["date"] == ("2025-02-02", "json-ld")
    assert chosen["modified"] == ("2025-02-06", "json-ld")
    assert chosen["section"] == ("Регионы", "json-ld")
    assert chosen["description"] == ("Встреча акима с жителями сёл.", "html-meta")
    origins = _origins(page)
    assert {o for _, o, _ in origins["date"]} >= {"json-ld", "html-time", "htmldate"}
    assert [o for _, o, _ in origins["section"]] == ["json-ld", "opengraph"]


def test_htmldate_reads_what_no_other_reader_does() -> None:
    """A date only in an ``<abbr class="published">`` (hAtom): htmldate's markup rules find
    it; the address's ``/2025/04/`` alone gives no day."""
    page = _page('<meta property="og:url" content="https://news.example.kz/2025/04/vstrecha">',
                 "<abbr class='published' title='2025-04-17'>17 апреля</abbr>")
    chosen = _chosen(page)
    assert chosen["date"] == ("2025-04-17", "htmldate")
    undated = _page('<meta property="og:url" content="https://news.example.kz/2025/04/vstrecha">',
                    "")
    assert analyse(undated).metadata.date is None
