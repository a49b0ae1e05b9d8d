"""Roles of paragraphs: what each paragraph is, judged with its neighbours in view.

The markup's word first where the format has markup (an HTML title, heading, list item,
quotation or caption: ``Line.kind``), then local shape (front matter found at line level, captions,
keywords, labelled abstracts, list items, headings, references under a references heading),
then three decisions that need the whole document:

* abstract — the paragraphs that lead up to a keywords paragraph in the same language,
  going back to the document start, a front-matter element, or an author line
  (``A.T. Kalila, «…»: Title``), which is front matter itself; never across a heading;
* foreign — after the last abstract/keywords paragraph, paragraphs in a language the
  article's body never uses (text of another document that shared the page), unless they
  outweigh the body before it: then the abstract opened the work;
* list entries — in a text copy, three or more one-line "headings" stacked with no blank
  line between them are a list (a table of contents): a heading stands apart;
* section — the nearest heading above.

The title of the work (in capitals, in the front matter) is ``front_matter``, not
``heading``: it names the work, it does not open a section. So is a title in normal case
that sits between front matter (or the end of the references, or the document start) and
an abstract or author line, and a news page's dateline and byline. A footnote (``¹ …``) is
a ``reference``: the notes are the apparatus of references.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from archive import lineshapes as pt
from archive.models import Role
from archive.segment.paragraphs import Paragraph
from archive.segment.shapes import entry_like, heading_like

_DASH_ITEM = 160  # characters of a term and its description: longer is a labelled paragraph
_ABSTRACT_RUN = 8  # paragraphs: an abstract is never longer than this
_FOREIGN_AFTER = 1500  # characters of body text an article has before its end abstracts
_BODY_ROLES = ("body", "list_item", "heading")
_MARKED: dict[str, Role] = {
    "title": "front_matter", "heading": "heading", "item": "list_item", "quote": "body",
    "caption": "caption",
}


@dataclass(slots=True)
class Draft:
    paragraph: Paragraph
    role: Role
    lang: str | None


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


def _is_heading(p: Paragraph, next_p: Paragraph | None) -> bool:
    if next_p is None or len(p.lines) > 3 or len(p.text) > 200:
        return False
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
    return pt.starts_upper(next_p.text) or next_p.text[:1] in "«\"“(–—-•"


def assign_document_roles(drafts: list[Draft]) -> None:
    """Abstracts, author lines and foreign text: decisions that need the neighbours."""
    for k, d in enumerate(drafts):
        if d.role == "keywords":
            _mark_abstract_run(drafts, k)
        elif d.role == "heading" and pt.ABSTRACT_HEADING.match(d.paragraph.text):
            run = drafts[k + 1 : k + 1 + _ABSTRACT_RUN]
            for following in run:
                if following.role != "body" or not _set_alike(run[0], following):
                    break
                following.role = "abstract"
    _mark_front_neighbours(drafts)
    _mark_definition_lists(drafts)
    _mark_foreign(drafts)
    _mark_stacked_entries(drafts)
    _mark_author_addresses(drafts)


# "Affiliation:", "Authors' addresses", "Сведения об авторах": the authors' address blocks
# follow, at an article's end.
_ADDRESSES_HEADING = re.compile(
    r"(?i)^(?:affiliations?|address(?:es)?|authors?['’]?\s+address(?:es)?"
    r"|corresponding\s+author|сведения\s+об\s+авторах|информация\s+об\s+авторах"
    r"|авторлар\s+туралы\s+(?:мәлімет|ақпарат))\s*:?$"
)
_ADDRESS_BLOCKS = 6  # blocks under the heading, at most


def _mark_author_addresses(drafts: list[Draft]) -> None:
    """The blocks under an authors' addresses heading are front matter (names, places,
    e-mails), as the same facts at an article's head are, up to the next heading."""
    for k, d in enumerate(drafts):
        if d.role not in ("heading", "body") or not _ADDRESSES_HEADING.match(
            d.paragraph.text.strip()
        ):
            continue
        d.role = "heading"  # a label alone on its line, whatever its face
        for following in drafts[k + 1 : k + 1 + _ADDRESS_BLOCKS]:
            if following.role not in ("body", "list_item"):
                break
            following.role = "front_matter"


_STACKED_RUN = 3  # one-line "headings" stacked without a blank line that make a list


def _mark_stacked_entries(drafts: list[Draft]) -> None:
    """In a text copy, short lines stacked one under another with no blank line between
    them (a table of contents, ``|01.1| Two manuals`` ⏎ ``|01.2| Vim installed``) are the
    entries of a list: a heading stands apart from the text around it."""
    k = 0
    while k < len(drafts):
        j = k + 1
        if _one_line_heading(drafts[k]):
            while j < len(drafts) and _one_line_heading(drafts[j]) and not (
                drafts[j].paragraph.first.blank_before or drafts[j].paragraph.first.after_cut
            ):
                j += 1
            if j - k >= _STACKED_RUN:
                for d in drafts[k:j]:
                    d.role = "list_item"
        k = j


def _one_line_heading(d: Draft) -> bool:
    return d.role == "heading" and len(d.paragraph.lines) == 1 and d.paragraph.first.line.y0 is None


def _set_alike(first: Draft, other: Draft) -> bool:
    """Set in the same size (on a page): an abstract set smaller than the body ends where
    the body's size begins. Without geometry every paragraph is alike."""
    a, b = first.paragraph.first.line.size, other.paragraph.first.line.size
    return a is None or b is None or abs(a - b) < 0.5


def _mark_definition_lists(drafts: list[Draft]) -> None:
    """Paragraphs in a row that each open with a term set apart by its face (``dgeMatrix
    Real matrices …``) are the items of a definition list; one alone is body text."""
    run: list[Draft] = []
    for d in [*drafts, None]:
        if d is not None and d.role == "body" and _term_led(d.paragraph):
            run.append(d)
            continue
        if len(run) >= 2:
            for item in run:
                item.role = "list_item"
        run = []


def _term_led(p: Paragraph) -> bool:
    """The paragraph opens with a term in bold or typewriter, no run-in heading
    (``Proof.``, ``Note:``): the term is unpunctuated."""
    lead = p.first.line.lead
    return lead > 0 and p.text[:lead].rstrip()[-1:] not in ".:;,)!?"


def _mark_front_neighbours(drafts: list[Draft]) -> None:
    """An author line beside front matter, and a title in capitals before an abstract."""
    for k, d in enumerate(drafts):
        prev = drafts[k - 1] if k else None
        nxt = drafts[k + 1] if k + 1 < len(drafts) else None
        near_front = k < 3 or any(x is not None and x.role == "front_matter" for x in (prev, nxt))
        text = d.paragraph.text
        author = (
            d.role in ("body", "heading")
            and near_front
            and _author_line(d)
            and len(text) < 600
        )
        title = (
            d.role in ("heading", "reference", "body")
            and len(text.split()) >= 3
            and nxt is not None
            and (nxt.role in ("front_matter", "abstract") or _author_line(nxt)
                 or _abstract_heading(nxt))
            and (pt.is_caps(text) or _title_shaped(d, prev))
        )
        if author or title:
            d.role = "front_matter"
        elif _marked_names(d) and nxt is not None and (
            nxt.role in ("abstract", "front_matter") or _abstract_heading(nxt)
        ):
            d.role = "front_matter"  # "Ye.S. Akhmetov¹, A.V. Petrova²" before an abstract


def _abstract_heading(d: Draft) -> bool:
    return d.role == "heading" and pt.ABSTRACT_HEADING.match(d.paragraph.text) is not None


def _title_shaped(d: Draft, prev: Draft | None) -> bool:
    """A title in normal case: a short unpunctuated paragraph that opens the document (a
    news headline above its dateline), follows front matter, or ends a reference list (an
    end-matter block in another language opens with it)."""
    text = d.paragraph.text
    return (
        (prev is None or prev.role in ("front_matter", "reference"))
        and len(text) <= 250
        and not pt.ends_clause(text)
        and pt.starts_upper(text)
        and not pt.REFERENCE_MARKER.match(text)
    )


def _marked_names(d: Draft) -> bool:
    text = d.paragraph.text
    return (
        d.role in ("body", "heading", "reference")
        and pt.NAME_LINE.match(text) is not None
        and any(ch in pt.SUPERSCRIPTS or ch in "*," for ch in text)
    )


def _mark_abstract_run(drafts: list[Draft], k: int) -> None:
    lang = drafts[k].lang
    run: list[int] = []
    j = k - 1
    while j >= 0 and len(run) < _ABSTRACT_RUN:
        d = drafts[j]
        if d.role not in ("body", "abstract", "list_item") or (
            d.lang is not None and lang is not None and d.lang != lang
        ):
            break
        if pt.AUTHOR_LEAD.match(d.paragraph.text) and d.role == "body":
            d.role = "front_matter"
            break
        run.append(j)
        j -= 1
    starts_clean = (
        j < 0
        or drafts[j].role in ("front_matter", "keywords", "abstract")
        or (drafts[j].lang is not None and drafts[j].lang != lang)
    )
    if run and starts_clean:
        for i in run:
            if drafts[i].role == "body":
                drafts[i].role = "abstract"


def _author_line(d: Draft) -> bool:
    return pt.AUTHOR_LEAD.match(d.paragraph.text) is not None


def _mark_foreign(drafts: list[Draft]) -> None:
    marks = [k for k, d in enumerate(drafts) if d.role in ("abstract", "keywords")]
    if not marks:
        return
    last = marks[-1]
    body: Counter[str] = Counter()
    for d in drafts[:last]:
        if d.role in ("body", "list_item") and d.lang:
            body[d.lang] += len(d.paragraph.text)
    total = sum(body.values())
    if total < _FOREIGN_AFTER:
        # An abstract that opens the document leaves no body before it to tell the
        # article's languages by: a title block's "LMF, ENS Paris-Saclay" is no evidence.
        return
    body_langs = {lang for lang, size in body.items() if size >= 0.05 * total}
    after = [d for d in drafts[last + 1 :] if d.role in _BODY_ROLES and d.lang]
    if sum(len(d.paragraph.text) for d in after if d.lang not in body_langs) > total:
        # More text after the abstract than before it: that is the work itself (an
        # abstract near the top, after a licence notice), not end matter of another one.
        return
    for d in after:
        if d.lang not in body_langs:
            # Notes about the authors in another language belong to the article.
            about_author = "@" in d.paragraph.text or _author_line(d)
            d.role = "front_matter" if about_author else "foreign"


def sections(drafts: list[Draft]) -> list[str | None]:
    """Nearest heading above each paragraph (a heading is in its own section).

    Front matter that opens an abstract block (a translated title and author line before
    ``Аннотация``/``Abstract`` at the article's end) closes the body: the block starts with
    no section, until a heading of its own (``Abstract``).
    """
    current: str | None = None
    out: list[str | None] = []
    for k, d in enumerate(drafts):
        if d.role == "heading":
            current = d.paragraph.text
        elif d.role == "front_matter" and _opens_abstract_block(drafts, k):
            current = None
        out.append(None if d.role in ("front_matter", "foreign") else current)
    return out


def _opens_abstract_block(drafts: list[Draft], k: int) -> bool:
    for d in drafts[k + 1 :]:
        if d.role != "front_matter":
            return d.role in ("abstract", "keywords") or _abstract_heading(d)
    return False
