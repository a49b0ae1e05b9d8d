"""Paragraph boundaries: whether a line opens a new paragraph, and by which rule.

Blank lines are evidence, not truth. In text copies of PDFs they also fall inside paragraphs
(typically right after a paragraph's first line) and are missing between others, so each
boundary is decided from several weak signals:

* a list marker opens a new item once the previous line has ended a clause (a bullet
  glyph, or the number after the open item's, at once); a label
  (``Аннотация.``, ``Keywords:``) or a caption opens a new paragraph;
* a line starting in lower case continues the paragraph, as does a word broken at the end
  of the previous line;
* a line that ends a sentence ends its paragraph when it is clearly shorter than a full line,
  when the next line is indented, or when a blank line follows it — unless it is the full
  first line of its paragraph in a copy whose blank lines are known to fall inside
  sentences (``Cleaned.blanks_reliable`` is False); where no blank line ever splits a
  sentence, every blank line ends a paragraph;
* in a copy not wrapped at any width whose reliable blank lines part it every few lines
  (``Cleaned.blank_separated``), a sentence's end after a block's first line ends no
  paragraph: such a copy is typed one sentence a line;
* in a copy wrapped at a fixed number of characters (``Cleaned.wrap_width``), a line that
  ends a sentence and left room for the next line's first word — or, in a copy that breaks
  words, for the shortest head it ever breaks off plus a hyphen — was not wrapped: it ends
  its paragraph whatever its length;
* a short line without final punctuation that stands alone before a capitalised line is a
  heading, so it ends its paragraph; in a fixed-width wrap "short" means it left room for
  the next word, however full a narrow wrap makes it (``CleanLine.wrap``: a copy may mix
  widths, each line is judged by the wrap it belongs to);
* a line ending with ``;`` before a capital ends a list item: prose goes on in lower case;
* in an index, a line after an entry's page numbers (``labyrinth (env.), 3, 5``) opens the
  next entry or letter, where entries go on around it;
* in a text copy, a line that starts exactly under the text of a list item's first line
  (``1. The User manual`` ⏎ ``   Task oriented …``) is the item's description, and a
  one-word label alone on its line (``Note:``) leads the text under it;
* a section label alone on its line (``Аңдатпа``, ``References``), a footnote (``¹ …``) and
  a line of names keyed to notes (``Ye.S. Akhmetov¹, A.V. Petrova²``) stand apart;
* in a reference list an entry opens with its number or first author: a line in the entry's
  hanging indent, or led by GOST's dash (``– С. 7–18.``), continues the entry;
* with geometry, a gap and a first-line indent open a paragraph, and so does a block set
  beside another (an author on a title page), or a line flush under a one-line reference
  entry whose next line hangs; short lines close under one another from one left edge
  in one face are a block (an address), not headings; a centred line alone over a gap
  ends its paragraph;
* with geometry, a change of font size or weight starts a new paragraph; a piece of a
  displayed formula on a line of its own (``i=1``) never does, and a title set in display
  type goes on over its lines whatever ends them.

Lines removed in between (furniture, front matter, a page break) are neutral: the decision is
made as if the two lines were adjacent without a blank line.

Each signal is a rule of its own (``RULES``, in the order they are asked): a rule either
decides the boundary or has no opinion and passes it to the next. The rule that decided is
kept with the paragraph it opened (``archive show --explain`` says it).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from archive import lineshapes as pt
from archive.clean import CleanLine
from archive.models import MARKUP_KINDS
from archive.segment.boundary import Boundary, ends_clause_marked
from archive.segment.display import (
    caps_wrapped,
    chapter_title,
    display_ends,
    display_wrapped,
    head_over_indent,
)
from archive.segment.entries import (
    gost_dash,
    inside_reference,
    next_entry,
    title_after_references,
)
from archive.segment.formulas import formula_piece
from archive.segment.headed import centred_alone, centred_under, heading_before
from archive.segment.items import (
    dash_term,
    definition_term,
    list_marker,
    next_in_outline,
    next_index_entry,
    out_of_item,
    under_item,
)
from archive.segment.shapes import (
    FULL,
    SHORT,
    hangs_under,
    heading_like,
    indented,
    is_bare_label,
    lead_label,
    left_room,
    lone_heading,
    marked_names,
    section_label,
)

Rule = Callable[[Boundary], bool | None]


def decide(b: Boundary) -> tuple[bool, str]:
    """Whether ``b.cur`` opens a new paragraph, and the name of the rule that decided."""
    for rule in RULES:
        verdict = rule(b)
        if verdict is not None:
            return verdict, rule.__name__
    raise AssertionError("the last rule always decides")  # pragma: no cover


# -- the rules, in the order they are asked ------------------------------------------------


def markup_block(b: Boundary) -> bool | None:
    """A block of a page's markup (HTML) is a whole paragraph: the next one opens its own.
    Long blocks look like a copy's wrapped lines, and a manual's paragraphs ending without
    a full stop ("… следующие шаги:") were joined to the list after them."""
    above, below = b.prev.line.kind, b.cur.line.kind
    # A marked heading ends where its line does (a text copy's underlined heading, a
    # section's heading under a rule, a margin's side heading).
    return True if below in MARKUP_KINDS or (above in MARKUP_KINDS and below != above) else None


def beside_block(b: Boundary) -> bool | None:
    """A block set beside another (an author and affiliation on a title page) is one
    paragraph, whatever its lines' type: it opens and ends with its block."""
    above, below = b.prev.line, b.cur.line
    if above.kind != "beside" and below.kind != "beside":
        return None
    return above.kind != below.kind or above.block != below.block


def unwrapped_hyphen(b: Boundary) -> bool | None:
    """One paragraph per line: a word broken at the line's end goes on."""
    return False if not b.wrapped and b.hyphen else None


def unwrapped_line(b: Boundary) -> bool | None:
    """One paragraph per line, unless a line plainly continues the previous sentence (and
    no blank line parts them); an entry opening with its key (``added: Добавлено`` under
    ``activated: Активировано``) never does."""
    if b.wrapped:
        return None
    return (b.marker or b.blank or not b.lower_start or pt.ends_clause(b.prev.text)
            or bool(_KEYED.match(b.prev.text) and _KEYED.match(b.cur.text)))


_KEYED = re.compile(r"^[\w./-]+:\s")  # "conf-getpin: …", "digits/0: …": a key and a colon


def caption(b: Boundary) -> bool | None:
    """A caption (``Figure 2.``, ``Кесте 1``) opens its own paragraph."""
    return True if pt.is_caption(b.cur.text) and not b.hyphen else None


def label_alone(b: Boundary) -> bool | None:
    """``Аңдатпа`` or ``References`` alone on a line, a footnote ``¹ …``, a line of names
    keyed to notes: each stands apart."""
    if b.hyphen:
        return None
    prev, cur = b.prev.text, b.cur.text
    if section_label(cur) or section_label(prev) or pt.FOOTNOTE.match(cur) or marked_names(
            cur):
        return True
    return None


def labelled_opening(b: Boundary) -> bool | None:
    """``Аннотация. …``, ``Keywords: …`` open their own paragraph, and so does a line that
    says when the document was typeset (``This version was compiled on January 11, 2022``,
    under an address in a title block)."""
    if b.hyphen or b.lower_start:
        return None
    cur = b.cur.text
    return True if (pt.ABSTRACT_LABEL.match(cur) or pt.KEYWORDS.match(cur)
                    or _TYPESET_ON.match(cur)) else None


_TYPESET_ON = re.compile(
    r"^(?:This (?:version|document|vignette) (?:was|is) )?(?:compiled|typeset|generated|built)"
    r" on\b.{0,40}\b(?:19|20)\d\d\.?$", re.IGNORECASE)




def hanging_description(b: Boundary) -> bool | None:
    """``1. The User manual`` ⏎ ``   Task oriented …``; ``Note:`` ⏎ ``This …``: the text
    under an item's first line or a label goes with it."""
    if b.prev_is_first and not b.marker and not b.cur.blank_before and (
        hangs_under(b.prev, b.cur) or (lead_label(b.prev.text) and not _set_larger(b))
        or _term_hangs(b)
    ):
        return False
    return None


def _set_larger(b: Boundary) -> bool:
    """The line before is in larger type than this one: a heading (``Affiliation:``), not a
    label leading its text."""
    above, below = b.prev.line.size, b.cur.line.size
    return above is not None and below is not None and above >= below + 0.5


def _term_hangs(b: Boundary) -> bool:
    """With geometry: the first line of a definition list's item opens with its term, and
    the lines under it are set further right, at one indent (a hanging indent, not the first
    line of a new paragraph, whose next line would go back to the margin)."""
    prev, cur, nxt = b.prev.line, b.cur.line, b.nxt.line if b.nxt is not None else None
    if not prev.lead or prev.x0 is None or cur.x0 is None or nxt is None or nxt.x0 is None:
        return False
    return (cur.x0 - prev.x0 >= 0.6 * (cur.size or 10.0) and nxt.page == cur.page
            and abs(nxt.x0 - cur.x0) < 1.0)


def reliable_blank(b: Boundary) -> bool | None:
    """Where no blank line ever splits a sentence, every blank line ends a paragraph."""
    return True if b.blank and b.blanks_reliable else None


def font_change(b: Boundary) -> bool | None:
    """With geometry, a change of font size or weight at a capital or a marker, or after a
    heading on a line of its own, numbered or set in bold capitals (the text under ``1.
    Introduction`` may open with a name in lower case, ``deSolve``; a manual page's text under
    ``NAME`` with the program's)."""
    if b.cur.font_change and not b.hyphen and (
        b.marker or not b.lower_start or (b.prev_is_first and (
            _numbered_heading(b.prev.text) or _caps_heading(b.prev)))
    ):
        return True
    return None


def _caps_heading(c: CleanLine) -> bool:
    return bool(c.line.bold) and pt.is_caps(c.text, 4) and heading_like(c)


def _numbered_heading(text: str) -> bool:
    return bool(pt.LIST_MARKER.match(text)) and len(text) <= 60 and not pt.ends_clause(text)


def goes_on(b: Boundary) -> bool | None:
    """A word broken at the line's end, or a line opening in lower case, goes on."""
    return False if b.hyphen or b.lower_start else None


def open_ended(b: Boundary) -> bool | None:
    """A line stopping on an article, a conjunction or a preposition goes on past a gap."""
    return False if pt.open_ended(b.prev.text) else None


def bare_label(b: Boundary) -> bool | None:
    """``Ключевые слова:`` alone on its line: the words follow."""
    return False if is_bare_label(b.prev.text) else None


def indent_after_gap(b: Boundary) -> bool | None:
    """With geometry, a gap and then a first-line indent open a paragraph whatever ended the
    line before (a list item without a full stop, a heading in the text's face)."""
    if b.blank and not b.hyphen and b.cur.line.x0 is not None and indented(b.prev, b.cur):
        return True
    return None


# Names cited with their years, ending a line at a semicolon: "Metcalfe and Chalk (1950);".
_CITED_YEAR = re.compile(r"\((?:19|20)\d\d[a-z]?\);$")


def sentence_end_marked(b: Boundary) -> bool | None:
    """After a finished sentence: an indent, a lone heading, a capital after ``;`` (the
    next list item), the end of a hanging-indent block, or room left in a fixed wrap."""
    prev, cur = b.prev, b.cur
    if not pt.ends_clause(prev.text):
        # A note's mark raised after the sentence (``… flex. ¹``) makes the line no shorter.
        return True if ends_clause_marked(prev) and indented(prev, cur) else None
    if indented(prev, cur) or lone_heading(cur, b.nxt):
        return True
    if (pt.strip_citation(prev.text).endswith(";") and pt.first_letter(cur.text).isupper()
            and prev.text.count("(") <= prev.text.count(")")
            and not _CITED_YEAR.search(prev.text)):
        return True  # prose goes on in lower case after ";" (in brackets, a list of
        # citations goes on: "(Eddelbuettel and François, 2011;" ⏎ "Eddelbuettel, 2013)";
        # so does one of names with their years: "Metcalfe and Chalk (1950);" ⏎ "Carlquist
        # (1970) и …")
    if not b.prev_is_first and indented(cur, prev):
        return True
    if left_room(prev, cur, b.wrap_width, b.wrap_head):
        return True
    if b.blank and prev.text.endswith(":") and pt.LIST_MARKER.match(cur.text.lstrip("«\"“(")):
        return True  # a quoted list ("«1) …") announced by a colon, after a blank line
    if centred_under(prev.line, cur.line) and not b.lower_start:
        return True  # a heading centred over the next page's text
    return None


def sentence_end(b: Boundary) -> bool | None:
    """After a finished sentence: a gap ends the paragraph (a text copy's gap after a full
    first line aside), as does a line clearly shorter than a full one."""
    prev = b.prev
    if not ends_clause_marked(prev):
        return None
    if b.blank:
        # A gap measured on the page is real; a text copy also has blank lines after
        # a paragraph's full first line, inside it.
        return not (b.prev_is_first and prev.fill >= FULL and prev.line.y0 is None)
    if b.cur.after_cut and prev.line.y0 is None:
        return True
    if b.blank_separated and not b.prev_is_first and pt.ends_sentence(prev.text):
        # One sentence a line, inside a block the blank lines part. (A block's first line
        # may be a heading set right on top of its text, full stop and all.)
        return None
    return prev.fill < FULL


def ended_on_purpose(b: Boundary) -> bool | None:
    """In a fixed-width wrap an unpunctuated line that left room for the next word was
    ended on purpose: a heading (or its last line), however full a narrow wrap makes it."""
    prev = b.prev
    if (
        not prev.text.endswith((",", "-", "–", "—"))
        and (heading_like(prev, max_fill=2.0) if b.prev_is_first else len(prev.text.split()) <= 8)
        and left_room(prev, b.cur, b.wrap_width, None)
    ):
        return True
    return None


def short_before_gap(b: Boundary) -> bool | None:
    """Otherwise the line goes on, unless a gap follows a short line."""
    return b.blank and b.prev.fill < SHORT and not b.prev.text.endswith(",")


RULES: tuple[Rule, ...] = (
    markup_block, beside_block, unwrapped_hyphen, unwrapped_line, next_index_entry, formula_piece,
    caption,
    label_alone, labelled_opening, caps_wrapped, display_wrapped, display_ends,
    hanging_description, chapter_title, under_item,
    reliable_blank, font_change, definition_term, list_marker, next_in_outline, dash_term,
    head_over_indent, goes_on,
    gost_dash,
    bare_label, title_after_references, inside_reference, next_entry, indent_after_gap,
    out_of_item,
    sentence_end_marked, sentence_end, heading_before, ended_on_purpose, centred_alone,
    open_ended, short_before_gap,
)
