"""Roles decided with the whole document in view, after each paragraph's own (``roles``).

* abstract — the paragraphs that lead up to a keywords paragraph in the same language,
  going back to the document start, a front-matter element, or an author line
  (``A.T. Kalila, «…»: Title``), which is front matter itself; never across a heading;
* foreign — after the last abstract/keywords paragraph, paragraphs in a language the
  article's body never uses (text of another document that shared the page), unless they
  outweigh the body before it: then the abstract opened the work;
* list entries — in a text copy, three or more one-line "headings" stacked with no blank
  line between them are a list (a table of contents): a heading stands apart;
* section — the nearest heading above.

The title of the work in normal case that sits between front matter (or the end of the
references, or the document start) and an abstract or author line is ``front_matter``, and
so are a news page's dateline and byline.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from archive import lineshapes as pt
from archive.models import Role
from archive.segment.paragraphs import Paragraph

_ABSTRACT_RUN = 8  # paragraphs: an abstract is never longer than this
_FOREIGN_AFTER = 1500  # characters of body text an article has before its end abstracts
_BODY_ROLES = ("body", "list_item", "heading")


@dataclass(slots=True)
class Draft:
    paragraph: Paragraph
    role: Role
    lang: str | None


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
    _plain_lines_of_a_styled_document(drafts)


_STYLED_HEADINGS = 3  # headings in their own face that show the document has a style for them
_PLAIN_WORDS = 4  # words: a heading in the text's face longer than this is a lead-in line
_NUMBERED = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,4}\.|[A-Z]\.)\s")


def _plain_lines_of_a_styled_document(drafts: list[Draft]) -> None:
    """Where a page sets its headings in a face of their own (bold, larger), a line of
    several words in the text's face is a sentence's lead-in ("The colour of links is set
    with", over the command), not a heading; a numbered line or one in capitals still is."""
    headings = [d for d in drafts if d.role == "heading"]
    styled = sum(d.paragraph.emphasis for d in headings)
    if styled < _STYLED_HEADINGS:
        return
    for d in headings:
        p = d.paragraph
        text = p.text
        if (
            not p.emphasis
            and p.first.line.y0 is not None
            and len(text.split()) > _PLAIN_WORDS
            and not _NUMBERED.match(text)
            and not text.isupper()
        ):
            d.role = "body"


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
