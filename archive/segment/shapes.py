"""Shapes of lines that the paragraph-boundary rules ask about (``archive.segment.breaks``):
a heading's shape, a first-line indent, a hanging indent, labels alone on a line, room left
at a fixed-width line's end, the start of a reference entry."""

from __future__ import annotations

import re
from functools import lru_cache

from archive import lineshapes as pt
from archive.clean import CleanLine

FULL = 0.85  # share of the usual line width that counts as a full line
SHORT = 0.6


def heading_like(c: CleanLine, max_fill: float = 0.75) -> bool:
    """A line shaped like a heading: short, capitalised, no clause-final punctuation."""
    text = pt.strip_citation(c.text)
    words = text.split()
    if not words or len(text) > 120 or len(words) > 14 or c.fill >= max_fill:
        return False
    if not pt.starts_upper(text) or pt.opens_on_sign(text):
        return False  # "%Serie%=Krimi", "$HOME/bin": a listing's line
    numbered = pt.LIST_MARKER.match(text)
    if numbered and (not text[:1].isdigit() or len(text) > 60 or not pt.starts_upper(
        text[numbered.end() :]
    )):
        return False  # a list item, not a numbered heading ("1. Кіріспе")
    if text.endswith((",", ";", ":", "-", "–", "—", " >")):
        return False  # " >" announces a literal block, as a colon does
    if pt.ends_sentence(text):
        return text.endswith(".") and len(words) <= 8 and ". " not in text[:-1]
    return True


def range_goes_on(prev: str, cur: str) -> bool:
    """A number range broken after its dash: the next line's number ends it."""
    s = prev.rstrip()
    return len(s) >= 2 and s[-1] in "-–—" and s[-2].isdigit() and cur[:1].isdigit()


_TWO_SPACES = re.compile(r"\S[.?!]  \S")


def left_room(
    prev: CleanLine, cur: CleanLine, wrap_width: int | None, wrap_head: int | None
) -> bool:
    """The next line's first word, or a broken-off head of it, would have fitted on ``prev``."""
    if prev.wrap is not None:
        wrap_width = prev.wrap  # the width where ``prev`` sits: a copy may mix widths
    if wrap_width is None:
        return False
    above = prev.line.text.rstrip()
    room = wrap_width - len(above)
    first_word = cur.text.split(" ", 1)[0]
    # Where sentences are followed by two spaces ("zsh.  They"), a sentence's end needs
    # both before the next word.
    space = 2 if above.endswith((".", "?", "!")) and _TWO_SPACES.search(above) else 1
    if space + len(first_word) <= room:
        return True
    # Space, head, hyphen, and one letter to spare: not every head ends at a syllable.
    word = first_word.rstrip(",.;:!?")
    return (
        wrap_head is not None
        and word.isalpha()
        and len(word) >= wrap_head + 3
        and room >= wrap_head + 3
    )


_YEAR_OR_PAGES = re.compile(
    r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)|\bpp?\.\s*\d|\b[СCБ]\.\s*\d|\bn\.\s?d\."
)


def entry_like(text: str) -> bool:
    """Text that reads as a reference entry: a number, an author, a year or pages."""
    return bool(
        pt.REFERENCE_MARKER.match(text)
        or pt.ENTRY_AUTHOR.match(text)
        or _YEAR_OR_PAGES.search(text)
    )


def entry_start(cur: CleanLine, prev: CleanLine, prev_is_first: bool) -> bool:
    """Whether ``cur`` may open a new entry of a reference list.

    Entries are set with a hanging indent: a line further right than the entry's first line
    continues it. Without geometry, a line that neither opens like an entry (a number, an
    author "Surname, I." / "Surname I.") nor follows a short line continues the entry.
    """
    if prev_is_first and indented(prev, cur) and cur.line.x0 is not None:
        return False
    if cur.line.x0 is not None:
        return True
    return bool(pt.REFERENCE_MARKER.match(cur.text) or pt.ENTRY_AUTHOR.match(cur.text)
                or prev.fill < SHORT)


# ">> Переместите курсор …": a tutorial's exercise, its text hanging under the mark.
_PROMPT_MARK = re.compile(r">>?\s+")


def hangs_under(item: CleanLine, cur: CleanLine) -> bool:
    """In a text copy, ``cur`` starts exactly where the text of the list item ``item`` starts
    after its marker: the item's description, set under it with a hanging indent."""
    marker = pt.LIST_MARKER.match(item.text) or _PROMPT_MARK.match(item.text)
    if marker is None or item.line.x0 is not None or not cur.text[:1].isalpha():
        return False  # "10.1. …" under "10. …" is an entry of its own
    raw_item, raw = item.line.text.expandtabs(8), cur.line.text.expandtabs(8)
    column = len(raw_item) - len(raw_item.lstrip()) + marker.end()
    return len(raw) - len(raw.lstrip()) == column


def lead_label(text: str) -> bool:
    """A one-word label and a colon alone on a line (``Note:``): the text under it follows."""
    return len(text.split()) == 1 and text.endswith(":") and pt.starts_upper(text)


def marked_names(text: str) -> bool:
    """An author line keyed to notes (``Ye.S. Akhmetov¹, A.V. Petrova²``)."""
    return pt.NAME_LINE.match(text) is not None and any(
        ch in pt.SUPERSCRIPTS or ch == "*" for ch in text
    )


@lru_cache(maxsize=8192)
def section_label(text: str) -> bool:
    """``Аңдатпа``, ``Abstract``, ``References`` alone on a capitalised line (cached: a line
    is asked on both sides of its boundaries)."""
    return pt.starts_upper(text) and bool(
        pt.ABSTRACT_HEADING.match(text) or pt.REFERENCES_HEADING.match(text)
    )


def is_bare_label(text: str) -> bool:
    match = pt.KEYWORDS.match(text) or pt.ABSTRACT_LABEL.match(text)
    return match is not None and not text[match.end() :].strip()


def lone_heading(cur: CleanLine, nxt: CleanLine | None) -> bool:
    """A short unpunctuated capitalised line between a finished sentence and a capital."""
    if nxt is None:
        return False
    # Short, or in a narrow fixed-width wrap, ended with room to spare for the next word.
    ended = cur.wrap is not None and left_room(cur, nxt, None, None)
    return (
        (cur.fill < SHORT or ended)
        and not pt.ends_clause(cur.text)
        and heading_like(cur, max_fill=2.0 if ended else 0.75)
        and pt.starts_upper(nxt.text)
        and not pt.LIST_MARKER.match(nxt.text)
    )


def indented(prev: CleanLine, cur: CleanLine) -> bool:
    """A first-line indent: further right than the line before (a hanging indent is not)."""
    a, b = prev.line, cur.line
    if a.x0 is None or b.x0 is None or a.page != b.page or a.column != b.column:
        return cur.indent and not prev.indent
    return b.x0 - a.x0 >= 0.6 * (b.size or 10.0)
