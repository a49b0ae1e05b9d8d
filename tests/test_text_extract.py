"""The plain-text front end: encodings, junk, invisible characters, capture headers."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive.errors import NoTextError, UndecodableTextError
from archive.extract.text import extract_text

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
NEWS = SEEDS / "001_0956fffff0b724be.txt"
ARTICLE = SEEDS / "000_d613d50ca8d86847.txt"


def texts(data: bytes) -> list[str]:
    return [ln.text for ln in extract_text(data).lines]


def test_article_lines_keep_indent_and_blank_evidence() -> None:
    doc = extract_text(ARTICLE.read_bytes())
    assert doc.media_type == "text/plain"
    assert doc.extractor.startswith("archive-text")
    raw = ARTICLE.read_text(encoding="utf-8").split("\n")
    assert len(doc.lines) == sum(1 for line in raw if line.strip())
    first = doc.lines[0]
    # The leading space is the trace of a first-line indent: kept for the cleaner.
    assert first.text.startswith(" Қазақстан") and first.text.endswith("Ұй-")
    assert not first.blank_before
    second_paragraph = next(ln for ln in doc.lines if ln.text.startswith("Зерттеу пәні"))
    assert second_paragraph.blank_before
    assert all(ln.page == 1 and ln.x0 is None for ln in doc.lines)
    assert doc.info == ()


def test_capture_header_glued_to_first_paragraph_is_removed() -> None:
    doc = extract_text(NEWS.read_bytes())
    assert doc.info == (("capture-header:date", "2025-10-23"),)
    assert doc.lines[0].text.startswith("Казахстанские военнослужащие продолжают")
    assert not any("date 2025" in ln.text for ln in doc.lines)


@pytest.mark.parametrize(
    ("text", "info", "first"),
    [
        (
            "date: 2024-01-05\nПервый абзац.",
            [("capture-header:date", "2024-01-05")],
            "Первый абзац.",
        ),
        (
            "url <https://zakon.kz/a/1> date 2025-10-23 Текст.",
            [("capture-header:url", "https://zakon.kz/a/1"), ("capture-header:date", "2025-10-23")],
            "Текст.",
        ),
        (
            "title: Миротворцы РК\nsource www.zakon.kz\nТекст.",
            [("capture-header:title", "Миротворцы РК"), ("capture-header:source", "www.zakon.kz")],
            "Текст.",
        ),
        # Not a capture header: the word "date" in prose, or a header not at the start.
        ("date palms grow here.", [], "date palms grow here."),
        ("Текст.\ndate 2025-10-23", [], "Текст."),
    ],
)
def test_capture_header_variants(text: str, info: list[tuple[str, str]], first: str) -> None:
    doc = extract_text(text.encode("utf-8"))
    assert list(doc.info) == info
    assert doc.lines[0].text == first


@pytest.mark.parametrize(
    "encoding", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1251", "koi8-r"]
)
def test_encodings_decode_to_the_same_lines(encoding: str) -> None:
    text = NEWS.read_text(encoding="utf-8")
    if encoding == "koi8-r":
        text = text.replace("–", "-")  # KOI8-R has no en dash
    reference = texts(text.encode("utf-8"))
    if encoding == "utf-16-le":
        data = b"\xff\xfe" + text.encode("utf-16-le")
    elif encoding == "utf-16-be":
        data = b"\xfe\xff" + text.encode("utf-16-be")
    else:
        data = text.encode(encoding, errors="strict")
    assert texts(data) == reference


def test_kazakh_legacy_encoding_is_recognised() -> None:
    text = ARTICLE.read_text(encoding="utf-8")[:3000]
    data = text.encode("kz1048", errors="replace")
    lines = texts(data)
    assert lines[0].strip().startswith("Қазақстан Республикасы Қарулы Күштерінің")


def test_newlines_and_invisible_characters() -> None:
    data = "Бі\u00adрік\u200bкен Ұлттар\r\nҰй\u00ad\r\n\r\nымы\rсоңы".encode()
    doc = extract_text(data)
    assert [ln.text for ln in doc.lines] == ["Біріккен Ұлттар", "Ұй\u00ad", "ымы", "соңы"]
    assert [ln.blank_before for ln in doc.lines] == [False, False, True, False]


@pytest.mark.parametrize(
    "data",
    [
        b"\x00\x01\x02binary\x00junk" * 20,
        bytes(range(1, 32)) * 40,
        b"\x89\xfe\x00\x00\xff" * 100,
    ],
)
def test_binary_junk_raises(data: bytes) -> None:
    with pytest.raises(UndecodableTextError) as info:
        extract_text(data)
    assert str(info.value)
    assert info.value.exit_code == 2


def test_whitespace_alone_is_no_text_not_junk() -> None:
    with pytest.raises(NoTextError, match=r"^no text \(only whitespace\)$") as info:
        extract_text(b"   \n\t\n")
    assert info.value.exit_code == 2


def test_invalid_utf16_after_bom_raises() -> None:
    with pytest.raises(UndecodableTextError):
        extract_text(b"\xff\xfe" + b"\x00\xd8")


WORD_RUNS = (
    "Мемлекет жергілікті өзін-өзі басқарудың құқықтық негіздерін жыл сайын\n"
    "жетілдіріп келеді, бұл туралы заңнамада арнайы нормалар бекітілген және\n"
    "теуді \nкөздейді. \nСоңғы \nжылдары \nқабылданған \nәлеуметтік-\n"
    "экономикалық реформалар жергілікті деңгейдегі басқарудың тиімділігіне\n"
    "жаңа талаптар қойып отыр. Зерттеудің өзектілігі осы өзгерістермен\n"
)


def test_words_a_reader_split_one_line_into_are_one_line_again() -> None:
    """Justified text saved by a PDF reader: a word per line where the spacing was wide."""
    assert texts(WORD_RUNS.encode())[2] == "теуді көздейді. Соңғы жылдары қабылданған әлеуметтік-"
    assert len(texts(WORD_RUNS.encode())) == 5


@pytest.mark.parametrize(
    "text",
    [
        # A wrapped line with a trailing space, then the paragraph's short last line.
        "Зерттеу пәні – Қазақстан Республикасы Қарулы Күштерінің \n"
        "бітімгершілік іс-шараларға қатысуы.\n",
        # One word ending a sentence, then the next paragraph: not a run of words.
        "жергілікті деңгейдегі басқарудың тиімділігіне жаңа талаптар қойып\nотыр. \n"
        "Зерттеудің өзектілігі\n",
        # A blank line between them.
        "Кіріспе \n\nзаңнаманың даму кезеңдері\n",
    ],
)
def test_trailing_spaces_alone_join_nothing(text: str) -> None:
    assert texts(text.encode()) == [line.rstrip() for line in text.split("\n") if line.strip()]
