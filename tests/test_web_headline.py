"""A news page's headline over its text is the title its metadata states, not a paragraph."""

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
