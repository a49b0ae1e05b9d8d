"""Paragraph reconstruction: which cleaned lines belong together.

Blank lines are evidence, not truth. In text copies of PDFs they also fall inside paragraphs
(typically right after a paragraph's first line) and are missing between others, so each
boundary is decided from several weak signals:

* a list marker opens a new item once the previous line has ended a clause; a label
  (``Аннотация.``, ``Keywords:``) or a caption opens a new paragraph;
* a line starting in lower case continues the paragraph, as does a word broken at the end
  of the previous line;
* a line that ends a sentence ends its paragraph when it is clearly shorter than a full line,
  when the next line is indented, or when a blank line follows it — unless it is the full
  first line of its paragraph in a copy whose blank lines are known to fall inside
  sentences (``Cleaned.blanks_reliable`` is False); where no blank line ever splits a
  sentence, every blank line ends a paragraph;
* in a copy wrapped at a fixed number of characters (``Cleaned.wrap_width``), a line that
  ends a sentence and left room for the next line's first word — or, in a copy that breaks
  words, for the shortest head it ever breaks off plus a hyphen — was not wrapped: it ends
  its paragraph whatever its length;
* a short line without final punctuation that stands alone before a capitalised line is a
  heading, so it ends its paragraph; in a fixed-width wrap "short" means it left room for
  the next word, however full a narrow wrap makes it (``CleanLine.wrap``: a copy may mix
  widths, each line is judged by the wrap it belongs to);
* a line ending with ``;`` before a capital ends a list item: prose goes on in lower case;
* in a text copy, a line that starts exactly under the text of a list item's first line
  (``1. The User manual`` ⏎ ``   Task oriented …``) is the item's description, and a
  one-word label alone on its line (``Note:``) leads the text under it;
* a section label alone on its line (``Аңдатпа``, ``References``), a footnote (``¹ …``) and
  a line of names keyed to notes (``Ye.S. Akhmetov¹, A.V. Petrova²``) stand apart;
* in a reference list an entry opens with its number or first author: a line in the entry's
  hanging indent, or led by GOST's dash (``– С. 7–18.``), continues the entry;
* with geometry, a change of font size or weight starts a new paragraph.

Lines removed in between (furniture, front matter, a page break) are neutral: the decision is
made as if the two lines were adjacent without a blank line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from archive.clean import Cleaned, CleanLine, join_lines, mend_spaced_breaks
from archive.segment import patterns as pt

_FULL = 0.85  # share of the usual line width that counts as a full line
_SHORT = 0.6


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str
    lines: tuple[CleanLine, ...]
    front: str | None = None  # front-matter kind when found at line level
    emphasis: bool = False  # set in bold or larger than the body text (geometry only)
    apart: str | None = None  # "code" | "footnote": out of the reading flow, its role known

    @property
    def first(self) -> CleanLine:
        return self.lines[0]


def heading_like(c: CleanLine, max_fill: float = 0.75) -> bool:
    """A line shaped like a heading: short, capitalised, no clause-final punctuation."""
    text = pt.strip_citation(c.text)
    words = text.split()
    if not words or len(text) > 120 or len(words) > 14 or c.fill >= max_fill:
        return False
    if not pt.starts_upper(text):
        return False
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


def is_break(
    prev: CleanLine,
    cur: CleanLine,
    prev_is_first: bool,
    wrapped: bool,
    in_refs: bool,
    nxt: CleanLine | None = None,
    blanks_reliable: bool = False,
    wrap_width: int | None = None,
    wrap_head: int | None = None,
) -> bool:
    """True when ``cur`` starts a new paragraph after ``prev`` (``nxt`` follows ``cur``)."""
    hyphen = pt.ends_with_hyphen(prev.text)
    # In a reference list entries open with a number: a dash there is GOST's separator
    # ("– С. 7–18.") wrapped to the line start.
    if in_refs:
        dash = cur.text[:1] in "-–—"
        marker = None if dash else (pt.REFERENCE_MARKER.match(cur.text)
                                    or pt.LIST_MARKER.match(cur.text))
    else:
        marker = pt.LIST_MARKER.match(cur.text)
    if marker and _range_goes_on(prev.text, cur.text):
        marker = None  # "С. 63—" / "77. — URL": the end of a page range, not an item
    lower_start = not pt.starts_upper(cur.text) and pt.first_letter(cur.text) != ""
    if not wrapped:
        # One paragraph per line, unless a line plainly continues the previous sentence.
        if hyphen:
            return False
        return bool(marker) or not lower_start or pt.ends_clause(prev.text)
    if pt.is_caption(cur.text) and not hyphen:
        return True
    if not hyphen and (
        _section_label(cur.text)
        or _section_label(prev.text)
        or pt.FOOTNOTE.match(cur.text)
        or _marked_names(cur.text)
    ):
        return True  # "Аңдатпа", "References" alone on a line; a footnote "¹ …"
    if (
        not hyphen
        and not lower_start
        and (pt.ABSTRACT_LABEL.match(cur.text) or pt.KEYWORDS.match(cur.text))
    ):
        return True  # "Аннотация. …", "Keywords: …" open their own paragraph
    if pt.is_caps(prev.text) and pt.is_caps(cur.text) and not marker:
        return False  # a heading or title in capitals wrapped over lines
    if prev_is_first and not marker and not cur.blank_before and (
        _hangs_under(prev, cur) or _lead_label(prev.text)
    ):
        return False  # "1. The User manual" ⏎ "   Task oriented …"; "Note:" ⏎ "This …"
    blank = cur.blank_before and not cur.after_cut
    if blank and blanks_reliable:
        return True
    if cur.font_change and not hyphen and (marker or not lower_start):
        return True
    if cur.line.lead and not hyphen and (blank or prev.fill < _FULL):
        return True  # a term in bold or typewriter opens the next item of a definition list
    if marker:
        return not hyphen and (
            blank
            or cur.after_cut
            or _indented(prev, cur)
            or pt.ends_clause(prev.text)
            or prev.text.endswith(",")
            or prev.fill < _FULL
        )
    if hyphen or lower_start:
        return False
    if in_refs and cur.text[:1] in "-–—":
        return False  # GOST's " – " separator wrapped to the start of a line
    if _bare_label(prev.text):
        return False  # "Ключевые слова:" alone on its line: the words follow
    if in_refs and pt.ends_clause(prev.text) and nxt is not None and _marked_names(nxt.text):
        return True  # a translated title after the references, above its author line
    if in_refs and not _entry_start(cur, prev, prev_is_first):
        return False
    if pt.ends_clause(prev.text):
        if _indented(prev, cur) or _lone_heading(cur, nxt):
            return True
        if pt.strip_citation(prev.text).endswith(";") and pt.first_letter(cur.text).isupper():
            # Prose goes on in lower case after ";": a capital opens the next list item.
            return True
        if not prev_is_first and _indented(cur, prev):
            return True  # the end of a block with a hanging indent (a list item)
        if _left_room(prev, cur, wrap_width, wrap_head):
            return True
        if blank and prev.text.endswith(":") and pt.LIST_MARKER.match(cur.text.lstrip("«\"“(")):
            return True  # a quoted list ("«1) …") announced by a colon, after a blank line
        if blank:
            # A gap measured on the page is real; a text copy also has blank lines after
            # a paragraph's full first line, inside it.
            return not (prev_is_first and prev.fill >= _FULL and prev.line.y0 is None)
        if cur.after_cut and prev.line.y0 is None:
            return True
        return prev.fill < _FULL
    if prev_is_first and heading_like(prev):
        return True
    if (
        not prev.text.endswith((",", "-", "–", "—"))
        and (heading_like(prev, max_fill=2.0) if prev_is_first else len(prev.text.split()) <= 8)
        and _left_room(prev, cur, wrap_width, None)
    ):
        # In a fixed-width wrap an unpunctuated line that left room for the next word was
        # ended on purpose: a heading (or its last line), however full a narrow wrap makes it.
        return True
    return blank and prev.fill < _SHORT and not prev.text.endswith(",")


def _range_goes_on(prev: str, cur: str) -> bool:
    """A number range broken after its dash: the next line's number ends it."""
    s = prev.rstrip()
    return len(s) >= 2 and s[-1] in "-–—" and s[-2].isdigit() and cur[:1].isdigit()


def _left_room(
    prev: CleanLine, cur: CleanLine, wrap_width: int | None, wrap_head: int | None
) -> bool:
    """The next line's first word, or a broken-off head of it, would have fitted on ``prev``."""
    if prev.wrap is not None:
        wrap_width = prev.wrap  # the width where ``prev`` sits: a copy may mix widths
    if wrap_width is None:
        return False
    room = wrap_width - len(prev.line.text.rstrip())
    first_word = cur.text.split(" ", 1)[0]
    if 1 + len(first_word) <= room:
        return True
    # Space, head, hyphen, and one letter to spare: not every head ends at a syllable.
    word = first_word.rstrip(",.;:!?")
    return (
        wrap_head is not None
        and word.isalpha()
        and len(word) >= wrap_head + 3
        and room >= wrap_head + 3
    )


def _entry_start(cur: CleanLine, prev: CleanLine, prev_is_first: bool) -> bool:
    """Whether ``cur`` may open a new entry of a reference list.

    Entries are set with a hanging indent: a line further right than the entry's first line
    continues it. Without geometry, a line that neither opens like an entry (a number, an
    author "Surname, I." / "Surname I.") nor follows a short line continues the entry.
    """
    if prev_is_first and _indented(prev, cur) and cur.line.x0 is not None:
        return False
    if cur.line.x0 is not None:
        return True
    return bool(pt.REFERENCE_MARKER.match(cur.text) or pt.ENTRY_AUTHOR.match(cur.text)
                or prev.fill < _SHORT)


def _hangs_under(item: CleanLine, cur: CleanLine) -> bool:
    """In a text copy, ``cur`` starts exactly where the text of the list item ``item`` starts
    after its marker: the item's description, set under it with a hanging indent."""
    marker = pt.LIST_MARKER.match(item.text)
    if marker is None or item.line.x0 is not None or not cur.text[:1].isalpha():
        return False  # "10.1. …" under "10. …" is an entry of its own
    raw_item, raw = item.line.text.expandtabs(8), cur.line.text.expandtabs(8)
    column = len(raw_item) - len(raw_item.lstrip()) + marker.end()
    return len(raw) - len(raw.lstrip()) == column


def _lead_label(text: str) -> bool:
    """A one-word label and a colon alone on a line (``Note:``): the text under it follows."""
    return len(text.split()) == 1 and text.endswith(":") and pt.starts_upper(text)


def _marked_names(text: str) -> bool:
    """An author line keyed to notes (``Ye.S. Akhmetov¹, A.V. Petrova²``)."""
    return pt.NAME_LINE.match(text) is not None and any(
        ch in pt.SUPERSCRIPTS or ch == "*" for ch in text
    )


def _section_label(text: str) -> bool:
    """``Аңдатпа``, ``Abstract``, ``References`` alone on a capitalised line."""
    return pt.starts_upper(text) and bool(
        pt.ABSTRACT_HEADING.match(text) or pt.REFERENCES_HEADING.match(text)
    )


def _bare_label(text: str) -> bool:
    match = pt.KEYWORDS.match(text) or pt.ABSTRACT_LABEL.match(text)
    return match is not None and not text[match.end() :].strip()


def _lone_heading(cur: CleanLine, nxt: CleanLine | None) -> bool:
    """A short unpunctuated capitalised line between a finished sentence and a capital."""
    if nxt is None:
        return False
    # Short, or in a narrow fixed-width wrap, ended with room to spare for the next word.
    ended = cur.wrap is not None and _left_room(cur, nxt, None, None)
    return (
        (cur.fill < _SHORT or ended)
        and not pt.ends_clause(cur.text)
        and heading_like(cur, max_fill=2.0 if ended else 0.75)
        and pt.starts_upper(nxt.text)
        and not pt.LIST_MARKER.match(nxt.text)
    )


def _indented(prev: CleanLine, cur: CleanLine) -> bool:
    """A first-line indent: further right than the line before (a hanging indent is not)."""
    a, b = prev.line, cur.line
    if a.x0 is None or b.x0 is None or a.page != b.page or a.column != b.column:
        return cur.indent and not prev.indent
    return b.x0 - a.x0 >= 0.6 * (b.size or 10.0)


def _caption_ends(current: list[CleanLine], cur: CleanLine) -> bool:
    """A caption is short: it ends before the next capitalised line, unless its last line
    stopped mid-clause (a comma, a dash: the rest of the title, "2018–2023 жж.", follows)."""
    return (
        bool(current)
        and pt.is_caption(current[0].text)
        and pt.starts_upper(cur.text)
        and not pt.ends_with_hyphen(current[-1].text)
        and not current[-1].text.endswith((",", "–", "—", "(", "/"))
    )


def build_paragraphs(
    cleaned: Cleaned, lines: tuple[CleanLine, ...], skip: set[int],
    walls: frozenset[int] = frozenset(),
) -> list[tuple[int, list[CleanLine]]]:
    """Group the lines not in ``skip`` into paragraphs: (position of first line, lines).

    Skipped lines are neutral, except those in ``walls`` (a code block): text after one
    starts a new paragraph, as it does on the page.
    """
    paragraphs: list[tuple[int, list[CleanLine]]] = []
    current: list[CleanLine] = []
    start = 0
    prev: CleanLine | None = None
    gap = False
    in_refs = False
    following = [k for k in range(len(lines)) if k not in skip]
    after = dict(pairwise(following))
    walled = False
    for k, c in enumerate(lines):
        if k in skip:
            gap = prev is not None
            walled = walled or k in walls
            continue
        # Front matter (a translated author block) after a reference list ends the list.
        leaves_refs = gap and in_refs and k - 1 in skip
        if gap and not c.after_cut:
            c = _neutral(c)
        gap = False
        nxt = lines[after[k]] if k in after else None
        if prev is not None and (
            leaves_refs
            or walled
            or is_break(
                prev, c, len(current) == 1, cleaned.wrapped, in_refs, nxt,
                cleaned.blanks_reliable, cleaned.wrap_width, cleaned.wrap_head,
            )
            or _caption_ends(current, c)
        ):
            paragraphs.append((start, current))
            in_refs = _refs_state(current, in_refs) and not leaves_refs
            current = []
        if not current:
            start = k
        current.append(c)
        prev = c
        walled = False
    if current:
        paragraphs.append((start, current))
    return paragraphs


def paragraph_text(lines: list[CleanLine], cleaned: Cleaned) -> str:
    text = ""
    for c in lines:
        text = join_lines(text, c.text, cleaned.vocabulary) if text else c.text
    return mend_spaced_breaks(" ".join(text.replace("\u00ad", "").split()), cleaned.vocabulary)


def _refs_state(lines: list[CleanLine], in_refs: bool) -> bool:
    """References run from their heading to the end, or to a translated abstract after them."""
    first = lines[0].text
    if len(lines) == 1 and pt.REFERENCES_HEADING.match(first):
        return True
    if pt.KEYWORDS.match(first) or pt.ABSTRACT_LABEL.match(first):
        return False
    if pt.AUTHOR_LEAD.match(first) and not _cites(" ".join(c.text for c in lines)):
        return False  # a translated abstract's author line, not an entry "R. L. Brown, …"
    return in_refs


_CITED = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)|\b\d+\s*[–-]\s*\d+\b|\bpp?\.\s*\d|\b[СCБ]\.\s*\d")


def _cites(text: str) -> bool:
    """A reference entry's tail: a year, a page range, ``pp.``/``С.`` with a number."""
    return _CITED.search(text) is not None


def _neutral(c: CleanLine) -> CleanLine:
    """The same line as if whatever was removed before it had not been there."""
    return CleanLine(
        index=c.index,
        text=c.text,
        line=c.line,
        page=c.page,
        printed_page=c.printed_page,
        fill=c.fill,
        indent=c.indent,
        blank_before=False,
        after_cut=True,
        font_change=c.font_change,
        wrap=c.wrap,
    )
