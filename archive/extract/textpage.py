"""A page's text as MuPDF's ``dict``, read again another way where MuPDF cannot build it.

MuPDF expands ligature glyphs into their letters when asked not to preserve them; on some
fonts that expansion leaves the text unreadable to Python (``JM_make_textpage_dict returned
a result with an exception set``), and the whole page would be lost. Read with the glyphs
kept, the page's text is whole; the ligatures are then spelled out here, letter by letter.
The characters one by one (``rawdict``) may fail the same way: the page is then read
without them, as a page without letter-spaced words is.

The characters also show what the spans hide: a space that troff draws and then backs
the next glyph over, to kern a pair. And the lines' directions say whether a page shown
turned was laid out turned.
"""

from __future__ import annotations

import re
from typing import Any

from archive.extract.letterspacing import Char

# The Latin ligatures of Unicode's Alphabetic Presentation Forms, spelled out.
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl",
                            "ﬅ": "ſt", "ﬆ": "st"})


# A MuPDF page and text page (``archive.extract.pdf`` alone imports the library).
Page = Any
TextPage = Any


def page_chars(page: Page, textpage: TextPage) -> dict[str, Any] | None:
    """The page's ``rawdict``, or None where MuPDF cannot build it."""
    try:
        chars: dict[str, Any] = page.get_text("rawdict", textpage=textpage)
    except SystemError:
        return None
    return chars


def line_chars(raw: dict[str, Any]) -> dict[tuple[int, int], list[Char]]:
    """Each text line's characters with their horizontal extents, by (block, line), from
    the page's ``rawdict``."""
    return {
        (b["number"], k): [(c["c"], c["bbox"][0], c["bbox"][2])
                           for span in ln["spans"] for c in span["chars"]]
        for b in raw["blocks"] if b["type"] == 0
        for k, ln in enumerate(b["lines"])
    }


def page_dict(
    page: Page, flags: int, keep_ligatures: int
) -> tuple[dict[str, Any], TextPage, bool]:
    """The page's ``dict`` read with ``flags``, the text page it was read from, and whether
    that text page kept ligature glyphs (``keep_ligatures``, MuPDF's flag: its characters
    then do not match the spans' text one for one)."""
    textpage = page.get_textpage(flags=flags)
    try:
        raw: dict[str, Any] = page.get_text("dict", textpage=textpage)
        return raw, textpage, False
    except SystemError:
        textpage = page.get_textpage(flags=flags | keep_ligatures)
        raw = page.get_text("dict", textpage=textpage)
        for block in raw["blocks"]:
            for line in block.get("lines", ()):
                for span in line["spans"]:
                    span["text"] = span["text"].translate(_LIGATURES)
        return raw, textpage, True


# groff kerns a pair ("Dev" + "elopment") by drawing a space and moving the next glyph back
# over it: the text layer then holds a space no reader sees.
_KERNING_GENERATOR = re.compile(r"\b(?:g|di|ht)?troff\b|\bgroff\b", re.I)
_OVERLAPPED = 0.3  # of the space's width: the next glyph starts within it


def kerns_with_spaces(creator: str) -> bool:
    """The PDF was made by a typesetter that kerns with backed-over spaces (troff)."""
    return _KERNING_GENERATOR.search(creator) is not None


def drop_kerning_spaces(raw: dict[str, Any], chars: dict[str, Any]) -> None:
    """Remove from ``raw``'s spans, in place, each space between two letters that the next
    glyph starts over (``chars``: the same page's ``rawdict``)."""
    for block, raw_block in zip(raw["blocks"], chars["blocks"], strict=False):
        if block["type"] != 0:
            continue
        for line, raw_line in zip(block["lines"], raw_block["lines"], strict=False):
            glyphs = [c for span in raw_line["spans"] for c in span["chars"]]
            drop = {
                id(c) for before, c, after in zip(glyphs, glyphs[1:], glyphs[2:], strict=False)
                if c["c"] == " " and before["c"].isalpha() and after["c"].isalpha()
                and after["origin"][0] - c["origin"][0]
                < _OVERLAPPED * (c["bbox"][2] - c["bbox"][0])
            }
            if not drop:
                continue
            for span, raw_span in zip(line["spans"], raw_line["spans"], strict=False):
                if "".join(c["c"] for c in raw_span["chars"]) == span["text"]:
                    span["text"] = "".join(c["c"] for c in raw_span["chars"] if id(c) not in drop)


_TEXT_WORDS = 4  # words of a line of text, not a drawing's label
_EDGE = 0.1  # of the page's height: where its running head and foot stand


def turned(raw: dict[str, Any], height: float) -> bool:
    """Most of the letters of the page's lines of text (a drawing's labels aside: a
    landscape figure on a page shown turned) stand in lines that do not run across it,
    and what does run across is more than the running head and foot of the page's own
    frame (``pdflscape`` turns a table on the page, under the document's heads)."""
    across = turned = 0
    inside = False  # a line across the page away from its head and foot
    for b in raw["blocks"]:
        for ln in b.get("lines", ()):
            runs_across = ln["dir"][0] > 0.99
            if runs_across:
                y0, y1 = ln["bbox"][1], ln["bbox"][3]
                inside = inside or (y0 > _EDGE * height and y1 < (1 - _EDGE) * height)
            text = "".join(span["text"] for span in ln["spans"])
            if len(text.split()) >= _TEXT_WORDS:
                if runs_across:
                    across += len(text)
                else:
                    turned += len(text)
    return turned > across and (inside or across == 0)
