"""Roles of paragraphs, each judged by its own shape and the paragraph after it.

The markup's word first where the format has markup (an HTML title, heading, list item,
quotation or caption: ``Line.kind``), then local shape (front matter found at line level,
captions, keywords, labelled abstracts, list items, headings, references under a references
heading). Decisions that need the whole document (abstracts, foreign text, stacked entries,
sections) are ``archive.segment.document``'s.

The title of the work (in capitals, in the front matter) is ``front_matter``, not
``heading``: it names the work, it does not open a section. A footnote (``¹ …``) is a
``reference``: the notes are the apparatus of references.
"""

from __future__ import annotations

import re

from archive import lineshapes as pt
from archive.models import Role
from archive.segment.display import caps_head, set_in
from archive.segment.items import index_entry, letter
from archive.segment.paragraphs import Paragraph
from archive.segment.shapes import entry_like, heading_like

_DASH_ITEM = 160  # characters of a term and its description: longer is a labelled paragraph
_MARKED: dict[str, Role] = {
    "title": "front_matter", "heading": "heading", "item": "list_item", "quote": "body",
    "caption": "caption",
}




def local_role(p: Paragraph, next_p: Paragraph | None, in_refs: bool) -> Role:
    text = p.text
    if p.apart is not None:
        return p.apart
    # What the markup says (HTML) outranks the shape; a list under "References" is references.
    kind = p.first.line.kind
    if kind in _MARKED and not (in_refs and kind == "item"):
        return _MARKED[kind]
    if p.front is not None or (
        len(p.lines) == 1 and (pt.DATELINE.match(text) or pt.BYLINE.match(text))
    ):
        return "front_matter"
    if pt.FOOTNOTE.match(text) and len(p.lines) <= 6:
        return "footnote"  # a note at the page foot
    if pt.is_caption(text) and len(text) <= 400:
        return "caption"
    if pt.KEYWORDS.match(text):
        return "keywords"
    if pt.ABSTRACT_LABEL.match(text):
        return "abstract"
    if in_refs and not pt.REFERENCES_HEADING.match(text):
        return "reference"
    if _bracketed_entry(text):
        return "reference"  # under a heading in a language the list of headings lacks
    if p.opened_by == "next_index_entry" and len(p.lines) <= 3:
        if letter(text):
            return "heading"  # of a letter's entries
        if index_entry(text) or (next_p is not None and index_entry(next_p.text)):
            return "list_item"  # an entry, or a main entry over its sub-entries
    if _tabular(text):
        return "table"
    if _is_heading(p, next_p):
        return "heading"
    if pt.LIST_MARKER.match(text) or (p.opened_by == "dash_term" and len(text) <= _DASH_ITEM):
        return "list_item"
    return "body"


_BRACKETED = re.compile(r"\[\d{1,3}\]\s+\S")
_ENTRY_PARTS = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)|\bpp?\.\s*\d|\bvol\.\s*\d|[“«\"]", re.I)


def _bracketed_entry(text: str) -> bool:
    """``[1] Y. Bengio, A. Courville, “Representation learning …,” IEEE Trans. …, vol. 35,
    pp. 1798–1828, 2013.``: a numbered entry in brackets with a year, and pages, a volume
    or a quoted title: a reference wherever it stands."""
    return bool(_BRACKETED.match(text)) and len(_ENTRY_PARTS.findall(text)) >= 2 and (
        len(text) <= 1000
    )


def under_references(p: Paragraph, next_p: Paragraph | None) -> tuple[Role, bool]:
    """The role of a paragraph under a references heading, and whether the list goes on.

    A heading set in its own font ends the list; a paragraph that does not read as an entry
    (no number, author, year or pages: prose about references, a code line, an address
    after the list) keeps its own role, and the list goes on after it.
    """
    if p.emphasis and _is_heading(p, next_p):
        return "heading", False
    if entry_like(p.text):
        return "reference", True
    role = local_role(p, next_p, False)
    if role == "heading" and p.first.line.y0 is not None and not (
        pt.ABSTRACT_HEADING.match(p.text)
    ):
        # On a page, a short line in the text face there is an address line or a label,
        # not a section (a heading is set in its own font, above).
        role = "body"
    return role, True


_NUMERIC = re.compile(r"^[-+−–(]?[\d.,:/%]+[)%*]?$")


def _tabular(text: str) -> bool:
    """Rows of a table that reached the text: mostly numbers, hardly any words."""
    tokens = text.split()
    if len(tokens) < 4:
        return False
    numbers = words = 0
    for t in tokens:
        if _NUMERIC.match(t):
            numbers += 1
        else:
            words += 1
            if 5 * words > 2 * len(tokens):
                return False  # prose: more than two words in five already rule it out
    return numbers >= 0.6 * len(tokens)


_PLAIN_HEAD = 4  # words of a heading in the text's face that ends with a full stop
_SECTION_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})+\.?\s+\S")  # "1.5 ", "2.3.1. "


# An FAQ's question and the answer under it, each after its label ("Q:" ⏎ "A:").
_QUESTION = re.compile(r"^(?:Q|Question|QUESTION|В|Вопрос|ВОПРОС|Сұрақ)\s?[:.]\s")
_ANSWER = re.compile(r"^(?:A|Answer|ANSWER|О|Ответ|ОТВЕТ|Жауап)\s?[:.]\s")
_QUESTION_LENGTH = 400  # characters of a question, at most
_RUNNING_ON = 6  # words of a line under a listing that goes on with the text, at least
_OUTLINE_NUMBER = re.compile(r"^(?:[A-Z]|\d{1,2})(?:\.\d{1,2})+\.?\s")  # "A.1.1 ", "2.3 "


def _is_heading(p: Paragraph, next_p: Paragraph | None) -> bool:
    if next_p is not None and _QUESTION.match(p.text) and _ANSWER.match(next_p.text):
        return len(p.text) <= _QUESTION_LENGTH  # the entry's title, however it is wrapped
    if next_p is None or len(p.lines) > 3 or len(p.text) > 200:
        return False
    if (p.opened_by == "after_code" and not p.first.blank_before and p.first.line.y0 is None
            and len(p.text.split()) >= _RUNNING_ON and not _OUTLINE_NUMBER.match(p.text)):
        return False  # a text copy's sentence going on right under a listing
    if pt.REFERENCES_HEADING.match(p.text):
        return True
    if p.emphasis:
        # Set apart by the font: shape only has to rule out a bold sentence or lead-in.
        text = pt.strip_citation(p.text)
        words = text.split()
        if (
            text.endswith((",", ";", ":", "-", "–", "—"))
            or len(words) > 24
            or (
                pt.ends_sentence(text)
                and (len(words) > 12 or ". " in text[:-1])
                # a section's number says heading, whatever its words ("1.5 What is …?
                # Why should I choose …?": a manual of questions)
                and not _SECTION_NUMBER.match(text)
            )
        ):
            return False
    elif len(p.lines) > 2:
        return False
    elif len(p.lines) == 1:
        # In a copy wrapped at a character count a narrow wrap fills any heading's line;
        # the line ended before the next word would have fitted, so its length says nothing.
        if not heading_like(p.first, max_fill=0.9 if p.first.wrap is None else 2.0):
            return False
        # In the text's own face a full stop ends a heading of a word or a few ("Введение.",
        # "1. Results."). A longer line with one heads the text only in a text copy, set
        # right on top of it; on a page (where a heading has a face of its own) or with white
        # below, it is a sentence alone ("You need to restart Apache.").
        if (
            pt.ends_sentence(p.text)
            and len(pt.strip_citation(p.text).split()) > _PLAIN_HEAD
            and (next_p.first.line.blank_before or p.first.line.y0 is not None)
        ):
            return False
    else:
        # A heading wrapped over two lines: no final punctuation, the second line short.
        text = pt.strip_citation(p.text)
        if (
            pt.ends_clause(text)
            or text.endswith((",", "-", "–", "—", " >"))
            or not pt.starts_upper(text)
            or p.lines[-1].fill >= 0.75
            or len(text.split()) > 20
        ):
            return False
    if pt.CAPTION.match(next_p.text) or pt.KEYWORDS.match(next_p.text):
        return False
    # A numbered line is a heading only when short and unpunctuated ("1. Кіріспе").
    if pt.LIST_MARKER.match(p.text):
        if len(p.text) > 60 or pt.ends_clause(p.text):
            return False
        if p.emphasis:
            return True  # its own face: the text under it may open with a name (``deSolve``)
    # A TeX manual's section may open on a command (``\usepackage[Option]{…}``) under a
    # heading in a face of its own, and a manual page's on the program's name or an option
    # (``NAME`` ⏎ ``argtable2 − …``) under one in bold capitals; a date in the margin over
    # one is no heading, nor is a sentence in bold that introduces it.
    if caps_head(p.text) and set_in(next_p.first, p.first):
        return True  # a text copy's manual page: its NAME over the lines set in under it
    return pt.starts_upper(next_p.text) or next_p.text[:1] in "«\"“(–—-•" or (
        p.emphasis and not pt.ends_sentence(p.text) and (
            (next_p.text.startswith("\\") and sum(map(str.isalpha, p.text)) >= 3)
            or (len(p.lines) == 1 and pt.is_caps(p.text, 4))))
