"""Blocks of a web page as a reader sees them: the headline over the text is the title the
metadata states, not a paragraph; a dateline left without its dates is nothing; section
headings and listings that the content extractor loses come back."""

from __future__ import annotations

from pathlib import Path

from archive.ingest.analyse import analyse

HTML = Path(__file__).parent / "data" / "html"


def test_the_headline_is_the_title_and_no_paragraph() -> None:
    analysis = analyse((HTML / "kk_tengri_news.html").read_bytes())
    headline = "Алматыда жаңа метро бекеті ашылды"
    assert analysis.metadata.title == headline
    assert headline not in [b.text for b in analysis.segmentation.blocks]
    assert [a.text for a in analysis.segmentation.artifacts if a.kind == "headline"] == [headline]


def test_the_headline_tells_where_the_pages_title_names_its_site() -> None:
    # KOI8-R, no og:title: "<title>Headline - Новости Прииртышья</title>" over an <h1>.
    analysis = analyse((HTML / "ru_koi8r_time_only.html").read_bytes())
    headline = "Павлодарские энергетики завершили подготовку к зиме"
    assert analysis.metadata.title == headline
    assert headline not in [b.text for b in analysis.segmentation.blocks]


def test_an_opening_heading_that_is_no_stated_title_stays_text() -> None:
    page = ("<html><head><title>Site</title></head><body><article><h1>Итоги года</h1>"
            "<p>В этом году город построил три моста и две школы, а также отремонтировал "
            "сорок километров дорог и открыл новый парк на левом берегу реки.</p>"
            "</article></body></html>")
    blocks = analyse(page.encode("utf-8")).segmentation.blocks
    assert blocks[0].text == "Итоги года"


def test_a_dateline_left_without_its_dates_is_no_paragraph() -> None:
    # The times are read as the page's dates; "Опубликовано: | Обновлено:" says nothing.
    analysis = analyse((HTML / "ru_koi8r_time_only.html").read_bytes())
    assert not [b for b in analysis.segmentation.blocks if "Опубликовано" in b.text]
    assert analysis.metadata.date is not None


def test_a_single_label_block_stays() -> None:
    page = ("<html><body><article><p>Город построил три моста и две школы, а также "
            "отремонтировал сорок километров дорог и открыл новый парк.</p><p>Вывод:</p>"
            "<p>Работы завершили раньше срока, и жители довольны новым парком.</p>"
            "</article></body></html>")
    texts = [b.text for b in analyse(page.encode("utf-8")).segmentation.blocks]
    assert any(t.startswith("Вывод:") for t in texts)


DOCBOOK = """<html><head><title>Глава 1. Хорошее начало</title></head><body>
<div class="navheader"><a href="index.html">Назад</a></div>
<div class="chapter"><div class="titlepage"><div><div><h1 class="title">Глава 1. Хорошее начало
</h1></div></div></div>
<p>Этот документ описывает сборку пакета с точки зрения обычного пользователя и будущего
разработчика, шаг за шагом и на примерах.</p>
<div class="section"><div class="titlepage"><div><div><h2 class="title"><a id="s1"></a>1.1.
Социальная динамика</h2></div></div></div>
<p>Вот некоторые наблюдения за социальной динамикой сообщества, представленные в надежде,
что это подготовит вас к работе с ним и сбережёт немало времени.</p></div>
<div class="section"><div class="titlepage"><div><div><h2 class="title"><a id="s2"></a>1.2.
Программы для разработки</h2></div></div></div>
<p>Перед тем как начать, убедитесь, что установлены все программы, которые понадобятся для
сборки, проверки и подписи пакетов, и что они работают.</p>
<p>Если какой-то программы не хватает, поставьте её из архива дистрибутива обычным способом,
а затем проверьте версию: старые версии дают другие результаты.</p></div></div>
<div class="navfooter"><h3>Навигация</h3><p>Следующая глава</p></div>
</body></html>"""


def test_section_headings_of_a_page_built_of_divs_come_back() -> None:
    # DocBook's HTML: no <article>, so trafilatura keeps no <h2>; they head their sections.
    blocks = analyse(DOCBOOK.encode("utf-8")).segmentation.blocks
    heads = [b.text for b in blocks if b.role == "heading"]
    assert heads == ["1.1. Социальная динамика", "1.2. Программы для разработки"]
    body = [b for b in blocks if b.text.startswith("Перед тем как начать")]
    assert body and body[0].section == "1.2. Программы для разработки"
    assert not [b for b in blocks if "Навигация" in b.text]


def test_a_listing_keeps_its_lines() -> None:
    # trafilatura reads <pre> as a quotation with its lines run together.
    para = ("Соберите пакет и проверьте его: обе команды запускаются из каталога исходного кода, "
            "а результаты появляются в каталоге уровнем выше.")
    page = (f"<html><body><article><p>{para}</p><pre class='screen'>$ dpkg-buildpackage -us -uc"
            "\n$ lintian ../foo_1.0-1_amd64.changes\n</pre><p>Если lintian ничего не сообщил, "
            "пакет готов к загрузке в архив, и его можно отправлять.</p></article></body></html>")
    blocks = analyse(page.encode("utf-8")).segmentation.blocks
    code = [b for b in blocks if b.role == "code"]
    assert [b.text for b in code] == [
        "$ dpkg-buildpackage -us -uc\n$ lintian ../foo_1.0-1_amd64.changes"]
    assert blocks[0].text == para and blocks[-1].text.startswith("Если lintian")
