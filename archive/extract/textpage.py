"""A page's text as MuPDF's ``dict``, read again another way where MuPDF cannot build it.

MuPDF expands ligature glyphs into their letters when asked not to preserve them; on some
fonts that expansion leaves the text unreadable to Python (``JM_make_textpage_dict returned
a result with an exception set``), and the whole page would be lost. Read with the glyphs
kept, the page's text is whole; the ligatures are then spelled out here, letter by letter.
The characters one by one (``rawdict``) may fail the same way: the page is then read
without them, as a page without letter-spaced words is.
"""

from __future__ import annotations

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


def line_chars(page: Page, textpage: TextPage) -> dict[tuple[int, int], list[Char]]:
    """Each text line's characters with their horizontal extents, by (block, line); none
    where MuPDF cannot give them."""
    raw = page_chars(page, textpage)
    if not raw:
        return {}
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
