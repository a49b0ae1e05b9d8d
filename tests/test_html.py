"""Saved web pages: the article's own paragraphs with their roles, and the page's metadata.

Inputs are the pages in ``tests/data/html`` (see its README) and small pages written here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from archive.cli import app
from archive.errors import NoTextError
from archive.extract.html import EXTRACTOR, decode_html, extract_html
from archive.ingest.analyse import analyse
from archive.metadata import field_origins, merge
from archive.models import Candidate

DATA = Path(__file__).resolve().parent / "data" / "html"

RU_ARTICLE = [
    ("body", "В Алматы после двух лет строительства открыли автомобильный мост через реку "
             "Большая Алматинка. Новая переправа соединила микрорайоны Алмагуль и Казахфильм и "
             "разгрузила проспект Аль-Фараби, по которому ежедневно проезжают десятки тысяч "
             "машин."),
    ("body", "Длина моста составляет 240 метров, ширина проезжей части рассчитана на шесть "
             "полос движения. По обеим сторонам устроены тротуары и велосипедные дорожки, а под "
             "мостом сохранена пешеходная тропа вдоль реки."),
    ("body", "По словам акима города, строительство обошлось бюджету в 18 миллиардов тенге. "
             "Работы завершили на три месяца раньше срока, несмотря на сложные грунты в пойме "
             "реки."),
    ("heading", "Что изменится для водителей"),
    ("body", "Городской отдел пассажирского транспорта уже изменил схему движения нескольких "
             "автобусных маршрутов. С понедельника через мост пойдут:"),
    ("list_item", "маршрут № 12 от вокзала Алматы-2 до микрорайона Алмагуль;"),
    ("list_item", "маршрут № 45 от рынка Алтын Орда до университета;"),
    ("list_item", "ночной маршрут № 201 по проспекту Аль-Фараби."),
    ("body", "Специалисты ожидают, что время в пути между западными и южными районами "
             "сократится в среднем на пятнадцать минут в часы пик. Камеры видеофиксации на "
             "мосту начнут работать с апреля."),
    ("body", "Следующим этапом станет реконструкция развязки на пересечении улиц Розыбакиева и "
             "Тимирязева, которую планируют завершить до конца 2026 года."),
]
# Menu, cookie banner, related links, comments, footer: none of it is the article.
RU_BOILERPLATE = ("Главная", "Экономика", "cookie", "Принять", "Читайте также",
                  "Северный обход", "Комментарии", "Наконец-то", "светофоры",
                  "Все права защищены", "Контакты")


def _page(name: str) -> bytes:
    return (DATA / name).read_bytes()


def _roles_and_texts(data: bytes) -> list[tuple[str, str]]:
    return [(b.role, b.text) for b in analyse(data).segmentation.blocks]


def _chosen(candidates: tuple[Candidate, ...]) -> dict[str, tuple[object, str]]:
    """field (with ``[lang]`` for per-language fields) -> (chosen value, its origin)."""
    _, chosen = merge(candidates)
    return {field: values[0][:2] for field, values in field_origins(candidates, chosen).items()
            if values[0][2]}


def test_russian_news_page_gives_the_article_and_nothing_else() -> None:
    data = _page("ru_news.html")
    doc = extract_html(data)
    assert doc.media_type == "text/html" and doc.extractor == EXTRACTOR == "trafilatura 2.0.0"
    # One line per block, each a whole paragraph, blocks apart.
    assert [ln.blank_before for ln in doc.lines] == [False] + [True] * (len(doc.lines) - 1)
    assert [ln.kind for ln in doc.lines][3:8] == ["heading", "paragraph", "item", "item", "item"]
    assert _roles_and_texts(data) == RU_ARTICLE
    everything = "\n".join(ln.text for ln in doc.lines)
    for junk in RU_BOILERPLATE:
        assert junk not in everything


def test_news_page_metadata_makes_a_site_and_date_source() -> None:
    analysis = analyse(_page("ru_news.html"))
    meta = analysis.metadata
    assert meta.title == "В Алматы открыли новый мост через Большую Алматинку"
    assert (meta.publisher, meta.date, meta.year) == ("Степь.kz", "2025-03-14", 2025)
    assert meta.url == "https://step.example.kz/news/2025/03/14/most-almaty"
    assert meta.kind == "article-newspaper" and meta.language == "ru" and meta.authors == ()
    chosen = _chosen(analysis.candidates)
    assert chosen["title[ru]"][1] == "opengraph"
    assert chosen["url"][1] == "html-meta"  # the canonical link outranks og:url
    # <title> is offered too, without the site's name.
    titles = [c.value for c in analysis.candidates if c.origin == "html-title"]
    assert titles == ["В Алматы открыли новый мост через Большую Алматинку — Новости Казахстана"]


@pytest.mark.parametrize(
    ("encoding", "declaration"),
    [
        ("cp1251", '<meta charset="windows-1251">'),
        ("koi8_r", '<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">'),
        ("cp1251", ""),  # undeclared: recognised from the bytes
        ("cp1251", '<meta charset="utf-8">'),  # declared wrongly: the bytes win
    ],
)
def test_legacy_cyrillic_encodings(encoding: str, declaration: str) -> None:
    source = (DATA / "ru_news.html").read_text(encoding="utf-8")
    if encoding == "koi8_r":  # KOI8-R has no em dash, copyright sign or numero sign
        source = source.replace("—", "-").replace("©", "(c)").replace("№", "N")
    data = source.replace('<meta charset="utf-8">', declaration).encode(encoding)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    expected = [(role, text.replace("№", "N") if encoding == "koi8_r" else text)
                for role, text in RU_ARTICLE]
    assert _roles_and_texts(data) == expected


def test_utf8_page_with_a_stale_legacy_declaration() -> None:
    source = (DATA / "kk_news.html").read_text(encoding="utf-8")
    stale = source.replace('<meta charset="utf-8">', '<meta charset="windows-1251">')
    assert decode_html(stale.encode("utf-8")) == stale


def test_byte_order_mark_outranks_the_declaration() -> None:
    source = (DATA / "kk_news.html").read_text(encoding="utf-8")
    data = b"\xef\xbb\xbf" + source.replace('charset="utf-8"', 'charset="windows-1251"').encode()
    assert decode_html(data) == source.replace('charset="utf-8"', 'charset="windows-1251"')


def test_kazakh_page_keeps_its_letters_and_structure() -> None:
    analysis = analyse(_page("kk_news.html"))
    blocks = analysis.segmentation.blocks
    text = "\n".join(b.text for b in blocks)
    for letter in "әғқңөұүі":
        assert letter in text.lower()
    # The headline names the work: it is the stated title, kept out of the text as an
    # artifact (as trafilatura leaves it out of most pages); the subheading opens a section.
    assert analysis.metadata.title == "Қарағандыда жаңа ғылыми кітапхана ашылды"
    assert [a.text for a in analysis.segmentation.artifacts if a.kind == "headline"] == [
        "Қарағандыда жаңа ғылыми кітапхана ашылды"]
    assert [b.role for b in blocks] == ["body", "body", "heading", "body", "body", "body"]
    assert blocks[0].section is None
    assert blocks[2].text == "Цифрлық қор" and blocks[3].section == "Цифрлық қор"
    assert blocks[4].text.startswith("Біз кітапхананы жастар үшін")  # the quotation
    assert {b.lang for b in blocks} == {"kk"}
    for junk in ("Басты бет", "cookie", "Көп оқылған", "Барлық құқықтар", "Бұқар жырау"):
        assert junk not in text


def test_quotation_and_heading_come_from_the_markup() -> None:
    doc = extract_html(_page("kk_news.html"))
    kinds = {ln.text[:20]: ln.kind for ln in doc.lines}
    assert kinds["Қарағандыда жаңа ғыл"] == "headline"  # the stated title, over the text
    assert kinds["Цифрлық қор"] == "heading"
    assert kinds["Біз кітапхананы жаст"] == "quote"


def test_json_ld_graph_news_article() -> None:
    analysis = analyse(_page("kk_news.html"))
    info = dict(extract_html(_page("kk_news.html")).info)
    assert info["json-ld:@type"] == "NewsArticle"
    chosen = _chosen(analysis.candidates)
    assert chosen["title[kk]"] == ("Қарағандыда жаңа ғылыми кітапхана ашылды", "json-ld")
    assert chosen["date"] == ("2025-09-02", "json-ld") and chosen["year"] == (2025, "json-ld")
    # Author and publisher are references (@id) into the graph.
    authors, origin = chosen["authors"]
    assert origin == "json-ld"
    assert [(a["family"], a["given"]) for a in authors] == [("Нұрланова", "Әлия Серікқызы")]
    assert chosen["publisher"] == ("Дала жаңалықтары", "json-ld")
    assert chosen["keywords[kk]"] == (["кітапхана", "ғылым", "Қарағанды"], "json-ld")
    assert chosen["kind"] == ("article-newspaper", "json-ld")
    # The page's own languages are offered, but the text decides.
    assert chosen["language"] == ("kk", "inferred")


def test_journal_landing_page_highwire_tags() -> None:
    analysis = analyse(_page("journal_landing.html"))
    meta = analysis.metadata
    assert meta.title == "Legal Foundations of Peacekeeping in Central Asia"
    assert meta.titles["ru"] == "Правовые основы миротворчества в Центральной Азии"
    assert [(a.family, a.given) for a in meta.authors] == [
        ("Kalieva", "Aigerim T."), ("Petrov", "Sergei V.")]
    assert meta.doi == "10.5555/jls.2024.4.35"
    assert meta.journal == "Journal of Law and State"
    assert (meta.volume, meta.issue, meta.first_page, meta.last_page) == ("12", "4", 35, 48)
    assert (meta.year, meta.date) == (2024, "2024-12-20")
    assert meta.keywords["en"] == ["peacekeeping", "international law", "Central Asia"]
    assert meta.kind == "article-journal"
    chosen = _chosen(analysis.candidates)
    for field in ("title[en]", "authors", "doi", "journal[en]", "volume", "issue",
                  "first_page", "last_page", "year", "date", "keywords[en]", "url"):
        assert chosen[field][1] == "html-meta", field
    # The shortened og:title is a candidate that lost.
    assert any(c.origin == "opengraph" and c.value == "Legal Foundations of Peacekeeping"
               for c in analysis.candidates)
    # The abstract is text of the page (and read as the abstract); the menu and footer are not.
    blocks = analysis.segmentation.blocks
    # The article's title over the text is the stated title (an artifact), not a paragraph.
    assert [b.role for b in blocks] == ["heading", "abstract", "abstract"]
    assert blocks[1].text.startswith("The article examines the legal framework")
    assert meta.abstracts["en"].startswith("The article examines the legal framework")
    texts = [b.text for b in blocks]
    assert not any("For Librarians" in t or "ISSN 2307-5201" in t for t in texts)


def test_opengraph_only_page() -> None:
    analysis = analyse(_page("og_only.html"))
    chosen = _chosen(analysis.candidates)
    assert chosen["title[en]"] == ("River Levels Rise Across the Steppe After Spring Thaw",
                                   "opengraph")
    assert chosen["publisher"] == ("Steppe Herald", "opengraph")
    assert chosen["url"] == ("https://www.steppeherald.example.com/2025/04/river-levels",
                             "opengraph")
    assert [c.value for c in analysis.candidates if c.origin == "html-title"] == [
        "River levels rise"]
    assert "date" not in chosen and analysis.metadata.kind == "webpage"
    assert len(analysis.segmentation.blocks) == 3


def test_site_falls_back_to_the_host_name() -> None:
    page = (
        '<html><head><link rel="canonical" href="https://www.zakon.example.kz/a/1.html">'
        '<meta property="article:published_time" content="2025-10-23T10:15:00+05:00">'
        "</head><body><article><p>" + "Текст новости о событии в городе. " * 12
        + "</p></article></body></html>"
    ).encode()
    meta = analyse(page).metadata
    assert (meta.publisher, meta.date) == ("zakon.example.kz", "2025-10-23")


@pytest.mark.parametrize(
    ("note", "info"),
    [
        ("<!-- saved from url=(0055)https://www.steppeherald.example.com/2025/04/rivers -->\n",
         [("capture-header:url", "https://www.steppeherald.example.com/2025/04/rivers")]),
        ("<!--\n Page saved with SingleFile \n url: https://zakon.example.kz/news/1.html \n"
         " saved date: Thu Oct 23 2025 10:15:00 GMT+0500 (Almaty)\n-->\n",
         [("capture-header:url", "https://zakon.example.kz/news/1.html"),
          ("capture-header:date", "2025-10-23")]),
    ],
)
def test_browser_note_of_where_the_page_was_saved(note: str, info: list) -> None:
    page = (note + (DATA / "og_only.html").read_text(encoding="utf-8")).encode()
    doc = extract_html(page)
    assert [pair for pair in doc.info if pair[0].startswith("capture-header:")] == info
    chosen = _chosen(analyse(page).candidates)
    if len(info) == 2:
        assert chosen["date"] == ("2025-10-23", "capture-header")


def test_markup_kinds_of_lines() -> None:
    page = b"""<html><body><article>
    <p>The opening paragraph of the story is long enough to be kept as the main text here.</p>
    <figure><img src="bridge.jpg"><figcaption>The new bridge at night.</figcaption></figure>
    <p>A second paragraph<br>goes on after a line break and is still one paragraph of text.</p>
    <blockquote><p>We waited three years for this bridge, said one of the drivers.</p></blockquote>
    <ol><li>First item</li><li>Second item<ul><li>nested item</li></ul></li></ol>
    <table><tr><th>Route</th><th>From</th></tr><tr><td>12</td><td>Station</td></tr></table>
    <p>The closing paragraph ends the story with a sentence that is complete and long.</p>
    </article></body></html>"""
    lines = [(ln.kind, ln.text) for ln in extract_html(page).lines]
    assert lines == [
        ("paragraph", "The opening paragraph of the story is long enough to be kept as the "
                      "main text here."),
        ("caption", "The new bridge at night."),
        ("paragraph", "A second paragraph goes on after a line break and is still one "
                      "paragraph of text."),
        ("quote", "We waited three years for this bridge, said one of the drivers."),
        ("item", "First item"),
        ("item", "Second item"),
        ("item", "nested item"),
        ("paragraph", "Route | From"),
        ("paragraph", "12 | Station"),
        ("paragraph", "The closing paragraph ends the story with a sentence that is complete "
                      "and long."),
    ]


def test_links_to_other_articles_inside_the_text_are_left_out() -> None:
    paragraphs = [
        "В Шымкенте начали строительство новой школы на 1200 мест в микрорайоне Нурсат, где "
        "уже несколько лет не хватает мест в школах.",
        "Школа будет трехэтажной, с бассейном, спортивным залом и столовой. Завершить работы "
        "планируют к сентябрю 2026 года.",
        "Стоимость проекта составляет 9,5 миллиарда тенге из местного бюджета.",
    ]
    page = (
        f"<html><body><article><p>{paragraphs[0]}</p>"
        '<p><strong>Читайте также:</strong> <a href="/x">В Алматы откроют три новых детских '
        "сада</a></p>"
        f"<p>{paragraphs[1]}</p><p>{paragraphs[2]}</p>"
        '<p>Источник: <a href="https://zakon.example.kz">Zakon.kz</a></p>'
        "</article></body></html>"
    ).encode()
    assert [ln.text for ln in extract_html(page).lines] == [*paragraphs, "Источник: Zakon.kz"]


def test_short_page_comes_once_and_repeated_credits_stay() -> None:
    # On a page this short trafilatura returns its finding twice; the article is read once.
    short = b"""<html><body><article>
    <p>Intro paragraph of the page that is long enough to count as the main content here.</p>
    <table><tr><td><p>Cell para one</p><p>and two</p></td><td>plain <b>bold</b> cell</td></tr>
    </table>
    <p>Closing paragraph of the page, long enough to count as the main content as well.</p>
    </article></body></html>"""
    assert [ln.text for ln in extract_html(short).lines] == [
        "Intro paragraph of the page that is long enough to count as the main content here.",
        "Cell para one and two | plain bold cell",
        "Closing paragraph of the page, long enough to count as the main content as well.",
    ]
    paragraphs = [
        "Первый абзац статьи о миротворцах рассказывает о начале службы контингента в Ливане.",
        "Второй абзац продолжает рассказ о том, как готовят военнослужащих к работе в миссиях.",
        "Третий абзац завершает материал словами командира о профессионализме наших солдат.",
    ]
    body = "".join(f"<p>{p}</p><p>Фото: Zakon.kz</p>" for p in paragraphs)
    page = f"<html><body><article>{body}</article></body></html>".encode()
    blocks = analyse(page).segmentation.blocks
    assert [(b.role, b.text) for b in blocks] == [
        pair for p in paragraphs for pair in (("body", p), ("caption", "Фото: Zakon.kz"))]


def test_marked_up_blocks_stay_whole_through_segmentation() -> None:
    page = b"""<html><body><article>
    <p>The opening paragraph of the story is long enough to be kept as the main text here.</p>
    <ul><li>first point without a full stop</li><li>second point, also lower case</li></ul>
    <p>The closing paragraph ends the story with a sentence that is complete and long.</p>
    </article></body></html>"""
    assert [b.role for b in analyse(page).segmentation.blocks] == [
        "body", "list_item", "list_item", "body"]


def test_page_without_main_content_falls_back_to_its_visible_blocks() -> None:
    page = ("<html><body><h2>Контакты</h2><ul><li>Алматы, проспект Абая, 10</li>"
            "<li>Телефон редакции</li></ul></body></html>").encode()
    doc = extract_html(page)
    assert doc.extractor != EXTRACTOR
    assert [(ln.kind, ln.text) for ln in doc.lines] == [
        ("heading", "Контакты"), ("item", "Алматы, проспект Абая, 10"),
        ("item", "Телефон редакции")]


@pytest.mark.parametrize(
    "page",
    [
        b"<html><head><title>Only a title</title></head><body></body></html>",
        b"<!DOCTYPE html><html><body><img src='scan.png'><script>var x = 1;</script>"
        b"</body></html>",
    ],
)
def test_page_without_text_is_refused(page: bytes) -> None:
    with pytest.raises(NoTextError):
        analyse(page)


def test_broken_json_ld_is_ignored() -> None:
    page = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", '
        '"headline": </script><meta property="og:title" content="A Working Title">'
        "</head><body><p>" + "Some text of the article that is long enough. " * 8
        + "</p></body></html>"
    ).encode()
    doc = extract_html(page)
    assert not any(key.startswith("json-ld:") for key, _ in doc.info)
    assert analyse(page).metadata.title == "A Working Title"


def test_cli_ingests_a_page_and_shows_title_origin(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(_page("ru_news.html"))
    home = tmp_path / "home"
    runner = CliRunner()
    result = runner.invoke(app, ["--home", str(home), "ingest", "--json", str(page)])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert [f["status"] for f in report["files"]] == ["new"]
    key = report["files"][0]["key"]
    assert key == "step-kz-2025-03-14"
    shown = runner.invoke(app, ["--home", str(home), "show", key, "--json"])
    assert shown.exit_code == 0
    data = json.loads(shown.stdout)
    assert data["source"]["title"] == "В Алматы открыли новый мост через Большую Алматинку"
    chosen = [c for c in data["fields"]["title"] if c["chosen"]]
    assert [c["origin"] for c in chosen] == ["opengraph"]
    assert data["files"][0]["media_type"] == "text/html"
    assert [p["role"] for p in data["paragraphs"]] == [role for role, _ in RU_ARTICLE]


def test_inline_code_stays_in_its_sentence() -> None:
    """Debian's DocBook manuals set file names and list terms in ``<code>`` inside prose."""
    page = ("""<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8">
<title>Глава 7. Проверка пакета</title></head><body>
<div class="navheader"><a href="ch06.html">Назад</a> <a href="ch08.html">Далее</a></div>
<div class="chapter"><h1>Глава 7. Проверка пакета</h1>
<p>Запустите lintian, передав ей параметром файл <code class="filename">.changes</code>.
Команда выполняет множество тестовых сценариев, проверяющих наличие типичных ошибок.</p>
<ul><li><p><code class="literal">E:</code> — ошибка; нарушение политики или ошибка
пакетирования.</p></li>
<li><p><code class="literal">W:</code> — предупреждение; возможное нарушение политики.</p></li>
</ul>
<pre class="screen">$ lintian <code>gentoo_0.9.12-1_i386.changes</code></pre>
</div>
<div class="navfooter"><a href="index.html">Начало</a></div></body></html>""")
    texts = [b.text for b in analyse(page.encode()).segmentation.blocks]
    assert texts[0].startswith("Запустите lintian, передав ей параметром файл .changes. "
                               "Команда выполняет")
    # Each term with its definition, the listing whole, the navigation left out.
    assert any(t.endswith("ошибок. E: — ошибка; нарушение политики или ошибка пакетирования.")
               or t == "E: — ошибка; нарушение политики или ошибка пакетирования."
               for t in texts)
    assert "W: — предупреждение; возможное нарушение политики." in texts
    assert "$ lintian gentoo_0.9.12-1_i386.changes" in texts
    assert not any("Назад" in text or "Начало" in text for text in texts)
