"""What a span's font says about its text, where the text layer alone would mislead.

* **LaTeX's picture fonts** (``lcircle10``, ``line10`` and their wide kin) draw the circles
  and slanted strokes of a ``picture`` environment, and crop marks: their glyphs are pieces
  of a drawing that the text layer reports as letters ("i i" at each corner of a page).
* **TeX's Cork (T1) encoding without a Unicode map.** A dvips font (Type 3 bitmaps named
  ``F15``, glyphs named ``a255``) gives MuPDF nothing but its codes, which it reads as
  Latin-1. Codes 0xC0–0xFF agree with Latin-1 but four; 0x80–0xBF hold Central European
  letters. So "Größe" reads "Gröÿe" and "łódź" "ªódº". Such a font gives itself away by
  the control codes of its quotes and ligatures (``\\x1c`` for "fi"); once a font has,
  its high codes are read through the T1 table too, unless its text reads as Cyrillic in
  an 8-bit encoding (T2A shares T1's low codes; ``archive.extract.repair`` re-reads that).
"""

from __future__ import annotations

import re

from archive.extract.repair import looks_mojibake
from archive.extract.spans import Span

_PICTURE_FONT = re.compile(r"(?:^|\+)(?:lcircle|lcirclew|line|linew)10$", re.I)


def picture_glyphs(span: Span) -> bool:
    """The span is set in one of LaTeX's picture fonts: strokes of a drawing."""
    return _PICTURE_FONT.search(span["font"]) is not None


# Quotes, dashes and ligatures of T1 as control codes: a text font without a Unicode map.
_T1_TEXT_CODES = re.compile("[\x10-\x12\x15\x16\x1b-\x1f]")
_T1_HIGH = str.maketrans(
    {0x80 + i: letter for i, letter in enumerate(
        "ĂĄĆČĎĚĘĞĹĽŁŃŇŊŐŔŘŚŠŞŤŢŰŮŸŹŽŻĲİđ§ăąćčďěęğĺľłńňŋőŕřśšşťţűůÿźžżĳ¡¿£")}
    | {0xD7: "Œ", 0xDF: "SS", 0xF7: "œ", 0xFF: "ß"}
)
_T1_DIFFERS = re.compile("[\x80-\xbf\xd7\xdf\xf7\xff]")


def cork_fonts(lines: list[list[Span]]) -> set[str]:
    """Fonts whose spans show T1's quotes or ligatures as control codes."""
    return {s["font"] for spans in lines for s in spans if _T1_TEXT_CODES.search(s["text"])}


def read_cork_letters(lines: list[list[Span]], fonts: set[str]) -> None:
    """Read the high codes of spans set in ``fonts`` through the T1 table, in place."""
    if not fonts:
        return
    for spans in lines:
        for s in spans:
            text = s["text"]
            if (s["font"] in fonts and _T1_DIFFERS.search(text) is not None
                    and not looks_mojibake(text)):
                s["text"] = text.translate(_T1_HIGH)
