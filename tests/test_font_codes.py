"""What a font says about the text its glyphs stand for: dvips's T1 fonts without a Unicode
map, LaTeX's picture fonts, troff's kerning over a space, Adobe's private-use figures.

The PDFs are written object by object (``rawpdf``), since only so can a font carry no
Unicode map at all, as dvips's bitmap fonts do.
"""

from __future__ import annotations

from rawpdf import helvetica, raw_pdf, text_stream, type3_font

from archive.extract.fonts import cork_fonts, read_cork_letters
from archive.extract.pdf import extract_pdf
from archive.extract.repair import repair_tex_codes


def _texts(pdf: bytes) -> list[str]:
    return [ln.text for ln in extract_pdf(pdf).lines]


def test_a_t1_font_without_a_unicode_map_gives_its_german_and_polish_letters() -> None:
    # \x10 and \x11 are T1's quotes, \x1c its "fi": the font reports raw T1 codes, so its
    # 0xFF is "ß" and 0xAA "ł", not Latin-1's "ÿ" and "ª".
    page = text_stream([
        ("F15", rb"(\020Gr\366\377e\021 und \034nden) Tj"),
        ("F15", rb"(die Gr\366\377e der Menge) Tj"),
        ("F15", rb"(\252\363d\271 i Krak\363w) Tj"),
    ])
    texts = _texts(raw_pdf([page], {"F15": type3_font("F15")}))
    assert texts == ["“Größe” und finden", "die Größe der Menge", "łódź i Kraków"]


def test_a_font_that_never_shows_t1_codes_keeps_its_latin_1_letters() -> None:
    page = text_stream([("F9", rb"(Pierre Lou\377s, L'Ha\377-les-Roses) Tj")])
    assert _texts(raw_pdf([page], {"F9": type3_font("F9")})) == [
        "Pierre Louÿs, L'Haÿ-les-Roses"]


def test_cyrillic_in_a_t1_like_font_is_left_to_the_cyrillic_repair() -> None:
    # T2A shares T1's low codes; its high half is Cyrillic, as CP1251 has it.
    spans = [[{"font": "F3", "text": "\x10Ñëîâî\x11"}], [{"font": "F3", "text": "Ìîñêâà ÿ"}]]
    fonts = cork_fonts(spans)
    read_cork_letters(spans, fonts)
    assert fonts == {"F3"}
    assert [s[0]["text"] for s in spans] == ["\x10Ñëîâî\x11", "Ìîñêâà ÿ"]


def test_glyphs_of_latex_s_picture_fonts_are_no_text() -> None:
    # Crop marks drawn with lcircle10 at a page's corners, and a stroke of a picture beside
    # a label on one line.
    page = text_stream([("LC", b"(i) Tj"), ("H", b"(A running head) Tj"), ("LC", b"(i) Tj")])
    page += b"\nBT /H 10 Tf 72 600 Td (Label) Tj /LC 10 Tf ( @) Tj ET"
    texts = _texts(raw_pdf([page], {"LC": type3_font("LCIRCLE10"), "H": helvetica()}))
    assert texts == ["A running head", "Label"]


def test_a_space_troff_kerns_over_is_no_word_space() -> None:
    # groff kerns "v" and "e" by drawing a space and moving the "e" back over it.
    page = text_stream([("H", b"[(Software Dev ) 278 (elopment, howev ) 278 (er, ends.)] TJ")])
    fonts = {"H": helvetica()}
    assert _texts(raw_pdf([page], fonts, creator="groff version 1.22.4")) == [
        "Software Development, however, ends."]
    # Another maker's PDF is taken as its text layer says.
    assert _texts(raw_pdf([page], fonts, creator="LaTeX with hyperref")) == [
        "Software Dev elopment, howev er, ends."]


def test_adobe_s_private_use_old_style_figures_and_small_capitals() -> None:
    assert repair_tex_codes("page \uf731\uf738 of \uf761\uf762\uf763") == "page 18 of abc"
