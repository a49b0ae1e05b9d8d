"""Paragraph reconstruction: which cleaned lines belong together.

Lines not taken apart (front matter, code, notes) are grouped in order; where one paragraph
ends and the next begins is decided by the rules of ``archive.segment.breaks``. Lines removed
in between (furniture, front matter, a page break) are neutral: the decision is made as if
the two lines were adjacent without a blank line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import pairwise

from archive import lineshapes as pt
from archive.clean import Cleaned, CleanLine, changes_font, join_lines, mend_spaced_breaks
from archive.models import Role
from archive.segment.boundary import boundary
from archive.segment.breaks import decide
from archive.segment.verse import stanza_joins


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str
    lines: tuple[CleanLine, ...]
    front: str | None = None  # front-matter kind when found at line level
    emphasis: bool = False  # set in bold or larger than the body text (geometry only)
    apart: Role | None = None  # "code", "footnote", …: out of the reading flow, role known
    opened_by: str | None = None  # the rule that opened it (``archive.segment.breaks``)

    @property
    def first(self) -> CleanLine:
        return self.lines[0]


@dataclass(frozen=True, slots=True)
class Built:
    """A paragraph's lines as grouped: where it starts, its lines, the rule that opened it."""

    start: int
    lines: list[CleanLine]
    opened_by: str


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


def _float_between(prev: CleanLine, cur: CleanLine, between: list[CleanLine]) -> bool:
    """A code listing with its caption (``Figure 2: …``), set at the top of the next page
    between a sentence broken at a page's foot and its lower-case rest, is a float, not a
    block in the text's flow: the sentence goes on after it. (A listing in the flow that
    merely crosses the page break has no caption, and the text after it opens anew.)"""
    return (
        prev.page < cur.page
        and all(c.page == cur.page for c in between)
        and any(pt.is_caption(c.text) for c in between)
        and not pt.ends_clause(prev.text)
        and not pt.starts_upper(cur.text)
        and pt.first_letter(cur.text) != ""
    )


# A stanza's line ending a sentence, or short, or under a short line, ends no paragraph.
_INSIDE_STANZA = frozenset(
    {"sentence_end", "sentence_end_marked", "short_before_gap", "ended_on_purpose",
     "heading_before", "centred_alone"})


def build_paragraphs(
    cleaned: Cleaned, lines: tuple[CleanLine, ...], skip: set[int],
    walls: frozenset[int] = frozenset(), body_size: float | None = None,
    front: frozenset[int] = frozenset(),
) -> list[Built]:
    """Group the lines not in ``skip`` into paragraphs.

    Skipped lines are neutral, except those in ``walls`` (a code block): text after one
    starts a new paragraph, as it does on the page; and those in ``front`` (front matter)
    end a reference list.
    """
    paragraphs: list[Built] = []
    current: list[CleanLine] = []
    start = 0
    opened_by = "first_line"
    prev: CleanLine | None = None
    gap = False
    in_refs = False
    following = [k for k in range(len(lines)) if k not in skip]
    after = dict(pairwise(following))
    walled = False
    between: list[CleanLine] = []  # the lines skipped since ``prev``
    stanzas = stanza_joins(lines, skip)
    for k, c in enumerate(lines):
        if k in skip:
            gap = prev is not None
            walled = walled or k in walls
            between.append(c)
            continue
        # Front matter (a translated author block) after a reference list ends the list; a
        # block set apart inside it (a URL in typewriter type, a footnote) does not.
        leaves_refs = gap and in_refs and k - 1 in front
        if gap and not c.after_cut and not _blank_after_front(c, k, front):
            c = _neutral(c)
        if gap and prev is not None and c.line.y0 is not None and (
                prev.page != c.page or prev.line.column != c.line.column):
            # Over a page's or column's break, the face is compared with the line the text
            # goes on from, not with a float's note set apart at the foot before it.
            c = replace(c, font_change=changes_font(prev.line, c.line))
        gap = False
        if prev is not None:
            nxt = lines[after[k]] if k in after else None
            opens, rule = _opens(cleaned, current, prev, c, nxt, in_refs, leaves_refs,
                                 walled and not _float_between(prev, c, between), body_size)
            if opens and k in stanzas and rule in _INSIDE_STANZA:
                opens = False
            if opens:
                paragraphs.append(Built(start, current, opened_by))
                in_refs = _refs_state(current, in_refs) and not leaves_refs
                current, opened_by = [], rule
        if not current:
            start = k
        current.append(c)
        prev = c
        walled = False
        between = []
    if current:
        paragraphs.append(Built(start, current, opened_by))
    return paragraphs


def _opens(
    cleaned: Cleaned, current: list[CleanLine], prev: CleanLine, cur: CleanLine,
    nxt: CleanLine | None, in_refs: bool, leaves_refs: bool, walled: bool,
    body_size: float | None,
) -> tuple[bool, str]:
    """Whether ``cur`` opens a paragraph after ``current``, and why."""
    if leaves_refs:
        return True, "leaves_references"
    if walled:
        return True, "after_code"
    opens, rule = decide(boundary(
        prev, cur, len(current) == 1, cleaned.wrapped, in_refs, nxt,
        cleaned.blanks_reliable, cleaned.wrap_width, cleaned.wrap_head, body_size,
        current[0].text, current[0].line.x0, cleaned.blank_separated,
    ))
    if not opens and _caption_ends(current, cur):
        return True, "caption_ends"
    return opens, rule


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


def _blank_after_front(c: CleanLine, k: int, front: frozenset[int]) -> bool:
    """In a text copy, front matter stands where it was written (a sample notice's
    ``Copyright (C) 19yy …`` line): a blank line after it still ends the paragraph before
    it. Only a page's reading order drops a title box into a paragraph."""
    return c.line.y0 is None and c.blank_before and k - 1 in front


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
