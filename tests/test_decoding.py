"""Text decoding: the encoding is decided by the bytes and the document's letters, and the
file's record says how and how surely."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive.errors import UndecodableTextError
from archive.extract.decoding import decode_text, word_shape_score
from archive.extract.text import extract_text

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
# KOI8-R has no en dash: the seed's dashes are written as hyphens in every encoding.
RUSSIAN = (SEEDS / "001_0956fffff0b724be.txt").read_text(encoding="utf-8").replace("–", "-")
ENGLISH = ("A naïve reader of the café's menu found the entrée and the crème brûlée "
           "described at length, with a façade of French words throughout. ") * 3


@pytest.mark.parametrize("encoding", ["cp1251", "koi8-r"])
def test_cyrillic_single_byte_encodings(encoding: str) -> None:
    decoded = decode_text(RUSSIAN.encode(encoding))
    assert decoded.text == RUSSIAN
    assert decoded.encoding == encoding and decoded.confidence >= 0.7


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_latin1_is_not_read_as_a_cyrillic_or_central_european_page(encoding: str) -> None:
    decoded = decode_text(ENGLISH.encode(encoding))
    assert decoded.text == ENGLISH
    assert "naïve" in decoded.text


def test_utf16_without_a_byte_order_mark() -> None:
    for encoding in ("utf-16-le", "utf-16-be"):
        decoded = decode_text(ENGLISH.encode(encoding))
        assert decoded.text == ENGLISH and decoded.encoding == encoding


def test_a_few_bad_bytes_in_utf8_are_replaced_and_named() -> None:
    data = RUSSIAN.encode("utf-8")
    damaged = data[:100] + b"\xff" + data[100:]
    decoded = decode_text(damaged)
    assert decoded.encoding == "utf-8"
    assert decoded.text.count("\ufffd") == 1
    assert decoded.warnings == ("1 byte(s) that are not UTF-8 (at offset 100) replaced with "
                                "U+FFFD",)
    doc = extract_text(damaged)
    assert doc.warnings == decoded.warnings
    assert doc.extractor.endswith("(utf-8, confidence 0.99)")


def test_binary_junk_is_still_refused() -> None:
    with pytest.raises(UndecodableTextError):
        extract_text(bytes(range(256)) * 40)


def test_the_record_says_how_the_text_was_read() -> None:
    assert extract_text(RUSSIAN.encode("utf-8")).extractor == "archive-text 1 (utf-8)"
    assert "cp1251, confidence" in extract_text(RUSSIAN.encode("cp1251")).extractor


def test_word_shapes_and_the_dictionary_tell_right_readings_from_wrong_ones() -> None:
    from archive.clean.dictionary import is_russian_word

    cp1251 = RUSSIAN.encode("cp1251")
    assert word_shape_score(RUSSIAN, is_russian_word) > 0.95
    assert word_shape_score(cp1251.decode("cp1252")) < 0.5  # accented letters only
    # Well shaped (cases swapped, or plausible letters), but no words: the dictionary sees it.
    for wrong in ("koi8-r", "iso-8859-5"):
        assert word_shape_score(cp1251.decode(wrong)) > 0.8
        assert word_shape_score(cp1251.decode(wrong), is_russian_word) < 0.1
    assert word_shape_score("naïve café") == 1.0 > word_shape_score("naпve café")
