"""Letter-spaced words closed up by the widths of the spaces between their letters."""

from __future__ import annotations

import pymupdf

from archive.extract.letterspacing import Char, close_letterspacing
from archive.extract.pdf import extract_pdf


def chars(pieces: list[tuple[str, float]]) -> list[Char]:
    """Characters laid out left to right; each piece's characters share one advance."""
    out: list[Char] = []
    x = 0.0
    for text, advance in pieces:
        for c in text:
            out.append((c, x, x + advance))
            x += advance
    return out


def test_narrow_spaces_inside_words_close_and_wide_ones_part_them() -> None:
    line = chars([("strings", 5.0), (" ", 2.9), ("of", 5.0), (" ", 2.9), ("A", 7.0),
                  (" ", 2.0), ("L", 6.0), (" ", 2.0), ("L", 6.0), (" ", 5.5), ("C", 7.0),
                  (" ", 2.0), ("A", 7.0),
                  (" ", 2.0), ("P", 6.0), (" ", 2.0), ("S", 5.0), (" ", 2.9), ("or", 5.0)])
    assert close_letterspacing(line) == "strings of ALL CAPS or"


def test_letters_apart_with_ordinary_spaces_stay_apart() -> None:
    line = chars([("where", 5.0), (" ", 2.9), ("x", 5.0), (" ", 2.9), ("y", 5.0),
                  (" ", 2.9), ("z", 5.0), (" ", 2.9), ("are", 5.0)])
    assert close_letterspacing(line) == "where x y z are"


def test_a_spaced_title_alone_on_its_line_closes() -> None:
    line = chars([("П", 8.0), (" ", 3.0), ("Р", 8.0), (" ", 3.0), ("И", 8.0), (" ", 3.0),
                  ("К", 8.0), (" ", 3.0), ("А", 8.0), (" ", 3.0), ("З", 8.0)])
    assert close_letterspacing(line) == "ПРИКАЗ"
    assert close_letterspacing(chars([("a", 5.0), (" ", 3.0), ("b", 5.0), (" ", 3.0),
                                      ("c", 5.0)])) == "a b c"  # too short to tell


def test_a_letter_spaced_word_in_a_pdf_reads_as_one_word() -> None:
    doc = pymupdf.open()
    page = doc.new_page(width=420, height=595)
    writer = pymupdf.TextWriter(page.rect)
    font = pymupdf.Font("tiro")
    x = 72.0

    def put(text: str, after: float) -> None:
        nonlocal x
        for c in text:
            writer.append((x, 100), c, font=font, fontsize=10)
            x += font.text_length(c, fontsize=10) + after

    put("When setting strings of ", 0.0)
    put("CAPS", 1.5)  # tracked: each letter followed by extra space
    put(" or small caps.", 0.0)
    writer.write_text(page)
    (line,) = extract_pdf(doc.tobytes()).lines
    assert line.text == "When setting strings of CAPS or small caps."
