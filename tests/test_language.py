"""Paragraph language identification."""

from __future__ import annotations

import time

import pytest

from archive.language import detect_language

KK = (
    "Қазақстан Республикасы Қарулы Күштерінің Біріккен Ұлттар Ұйымы бітімгершілік "
    "миссияларына қатысуы сыртқы саясатының маңызды құрамдас бөлігі болып табылады."
)
RU = (
    "Участие Вооруженных Сил Республики Казахстан в миротворческих миссиях Организации "
    "Объединенных Наций является важной составляющей внешней политики страны."
)
EN = (
    "Participation of the Armed Forces of the Republic of Kazakhstan in United Nations "
    "peacekeeping missions is an important component of the country's foreign policy."
)
UK = (
    "Участь Збройних Сил України в миротворчих місіях Організації Об'єднаних Націй є "
    "важливою складовою зовнішньої політики держави, її внесок визнають у світі."
)
KY = (
    "Кыргыз Республикасынын Куралдуу Күчтөрү Бириккен Улуттар Уюмунун тынчтыкты сактоо "
    "миссияларына катышып, өлкөнүн эл аралык беделин бекемдөөгө салым кошот."
)


@pytest.mark.parametrize(
    ("text", "lang"),
    [(KK, "kk"), (RU, "ru"), (EN, "en"), (UK, "uk"), (KY, "ky")],
)
def test_paragraphs(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_russian_paragraph_quoting_a_kazakh_name_stays_russian() -> None:
    text = RU + " Об этом рассказал капитан Қайрат Құдабаев, служивший в Ираке в 2005 году."
    assert detect_language(text) == "ru"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Кіріспе", "kk"),  # a Kazakh heading: only the letter і tells
        ("Негізгі бөлім", "kk"),
        ("Фото: МО РК", "ru"),
        ("Фото: Zakon.kz", "ru"),
        ("Key words", "en"),
    ],
)
def test_short_texts(text: str, lang: str) -> None:
    assert detect_language(text) == lang


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "2024",
        "36",
        "DOI: 10.51634/2307-5201_2024_4_35",
        "УДК 341.123; 355.1.072.2",
        "ГРНТИ 10.87.68",
        "е-mail: kalila_a@kazguu.com",
        "https://zakon.kz/123",
    ],
)
def test_no_language(text: str) -> None:
    assert detect_language(text) is None


def test_fast_enough_for_a_large_corpus() -> None:
    paragraphs = [KK, RU, EN, UK] * 250
    detect_language(RU)  # the model loads once, lazily
    start = time.perf_counter()
    for text in paragraphs:
        detect_language(text)
    # A million paragraphs must take minutes, not hours: under 1 ms each, with a wide margin.
    assert (time.perf_counter() - start) / len(paragraphs) < 0.001
