"""Segmentation: a ``Document`` of lines in, the paragraphs a reader would cite out.

``segment`` is the one entry point for every front end (text copies and PDFs alike):

1. clean — running headers/footers/page numbers removed and kept as artifacts, pages and
   printed page numbers assigned (``archive.clean``);
2. front matter taken out of the line stream wherever reading order put it
   (``archive.segment.frontmatter``), and so are code blocks and footnotes
   (``archive.segment.apart``);
3. paragraphs rebuilt from the remaining lines, hyphenation repaired
   (``archive.segment.paragraphs``);
4. a paragraph too long to cite cut into pieces at sentence ends
   (``archive.segment.overlong``);
5. role, language and section of every paragraph (``archive.segment.roles``, then
   ``archive.segment.document`` for what needs the whole document).

A paragraph's ``page`` is the printed page its first line is on when the document shows
page numbers, else the physical page.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from archive import lineshapes as pt
from archive.clean import Cleaned, clean
from archive.language import detect_language
from archive.models import Block, Document, Segmentation
from archive.segment.apart import apart_groups, cells_text, code_text
from archive.segment.document import Draft, assign_document_roles, sections
from archive.segment.frontmatter import find_front_matter
from archive.segment.overlong import split_overlong
from archive.segment.paragraphs import Paragraph, build_paragraphs, paragraph_text
from archive.segment.roles import local_role, under_references
from archive.segment.tables import rows_text

__all__ = ["segment", "segment_cleaned"]


def segment(doc: Document) -> Segmentation:
    """Clean ``doc`` and return its paragraphs (text, role, lang, page, section) and artifacts:
    the two stages, ``archive.clean.clean`` then ``segment_cleaned``, in one call."""
    return segment_cleaned(clean(doc))


def segment_cleaned(cleaned: Cleaned) -> Segmentation:
    """The paragraphs (text, role, lang, page, section) of a cleaned document, and the
    artifacts the cleaner took out of it."""
    body_size, body_bold = _body_font(cleaned)
    paragraphs = [piece for p in _paragraphs(cleaned, body_size, body_bold)
                  for piece in _pieces(p)]
    drafts: list[Draft] = []
    in_refs = False
    numbered: bool | None = None  # whether the current reference list numbers its entries
    for k, p in enumerate(paragraphs):
        next_p = paragraphs[k + 1] if k + 1 < len(paragraphs) else None
        role = local_role(p, next_p, in_refs)
        if in_refs and role == "reference":
            role, in_refs = under_references(p, next_p)
        if role == "reference" and p.front is None and not pt.FOOTNOTE.match(p.text):
            marked = pt.REFERENCE_MARKER.match(p.text) is not None
            if numbered is None:
                numbered = marked
            elif numbered and not marked:
                # An unnumbered paragraph after a numbered list: the list has ended.
                in_refs, numbered = False, None
                role = local_role(p, next_p, in_refs)
        if role == "heading" and pt.REFERENCES_HEADING.match(p.text):
            in_refs, numbered = True, None
        elif in_refs and role in ("keywords", "abstract"):
            in_refs = False
        drafts.append(Draft(p, role, _language(p.text)))
    assign_document_roles(drafts)
    _title_block(drafts, body_size)
    blocks = tuple(
        Block(
            text=_item_text(d.paragraph.text) if d.role == "list_item" else d.paragraph.text,
            role=d.role,
            page=_page(d.paragraph),
            lang=d.lang,
            section=section,
            opened_by=d.paragraph.opened_by,
        )
        for d, section in zip(drafts, sections(drafts), strict=True)
    )
    warnings = cleaned.warnings
    if not blocks:
        warnings += ("no paragraph came out of the text",)
    return Segmentation(blocks=blocks, artifacts=cleaned.artifacts, warnings=warnings)


_MONTH_OR_YEAR = re.compile(rf"\b(?:19|20)\d\d\b|\b{pt.MONTH}\b", re.IGNORECASE)
_NAME_MARKS = re.compile(r"[†‡∗*§¶]|\w\d\b|@")
# Words of section headings, which a title block does not hold.
_SECTION_WORDS = re.compile(
    r"\b(?:introduction|overview|background|motivation|summary|contents|preface|preliminar"
    r"|getting started|usage|examples?|methods?|results|discussion|conclusions?)\b"
    r"|введение|кіріспе|содержание|мазмұны|обзор",
    re.IGNORECASE,
)


def _short_block_line(p: Paragraph) -> bool:
    """A line of a title block: one or two lines, a dozen words, no sentence."""
    return len(p.lines) <= 2 and len(p.text.split()) <= 12 and not pt.ends_sentence(p.text)


def _title_block(drafts: list[Draft], body_size: float | None) -> None:
    """The work's title and the lines under it on a PDF's first page are front matter.

    The title is the first "heading" of page 1 set clearly larger than the body text;
    headings between it and the first body paragraph, abstract or section heading that
    read as names, affiliations or a date (``Achim Zeileis† Torsten Hothorn‡``, ``Mayo
    Clinic February 6, 2023``) go with it. A heading set like the sections' ("Abstract",
    "1 Introduction") ends the block.
    """
    if body_size is None or not drafts:
        return
    title_seen = False
    for d in drafts:
        first = d.paragraph.first
        if first.page != 1 or first.line.y0 is None:
            return
        if d.role == "front_matter":
            title_seen = title_seen or d.paragraph.front == "title"
            continue
        text = d.paragraph.text
        if title_seen and d.role == "body" and _short_block_line(d.paragraph):
            d.role = "front_matter"  # "R Core Development Group", "Mayo Clinic"
            continue
        if d.role != "heading" or pt.LIST_MARKER.match(text) or pt.ABSTRACT_HEADING.match(text):
            return
        if not title_seen:
            if (first.line.size or 0) < body_size + 1.5 or text[:1].isdigit() or (
                len(text.split()) < 2  # "Introduction", "Кіріспе": a section, not the work
            ):
                return
            d.role, title_seen = "front_matter", True
            continue
        words = text.split()
        namelike = len(words) >= 2 and all(w[:1].isupper() or not w[:1].isalpha() for w in words)
        if (namelike and not _SECTION_WORDS.search(text)) or _NAME_MARKS.search(text) or (
            _MONTH_OR_YEAR.search(text)
        ):
            d.role = "front_matter"
        else:
            return


_BULLET = re.compile(rf"^[•·▪►{pt.BULLETS}]\s+(?=\S)")


def _item_text(text: str) -> str:
    """A list item without its bullet glyph: the role says it is an item, and the glyph is
    no word of it (numbers and dashes, which a writer types, stay)."""
    return _BULLET.sub("", text, count=1)


def _language(text: str) -> str | None:
    """A paragraph's language; a line of names takes the language of its script (names
    say too little for the statistical model): Latin is English, Cyrillic is Kazakh when
    Kazakh letters show, else Russian."""
    if pt.NAME_LINE.match(text):
        latin = sum(ch.isascii() and ch.isalpha() for ch in text)
        if latin * 2 > sum(ch.isalpha() for ch in text):
            return "en"
    return detect_language(text)


def _paragraphs(cleaned: Cleaned, body_size: float | None, body_bold: bool) -> list[Paragraph]:
    lines = cleaned.lines
    groups = find_front_matter(lines)
    skip = {k for g in groups for k in g.positions}
    apart = apart_groups(lines, skip, body_size)
    skip |= {k for g in apart for k in g.positions}
    ordered: list[tuple[int, Paragraph]] = []
    walls = frozenset(k for g in apart if g.role == "code" for k in g.positions)
    front = frozenset(k for g in groups for k in g.positions)
    for built in build_paragraphs(cleaned, lines, skip, walls, body_size, front):
        start, members = built.start, built.lines
        text = paragraph_text(members, cleaned)
        emphasis = body_size is not None and all(
            (c.line.bold and not body_bold) or (c.line.size or 0) >= body_size + 0.5
            for c in members
        )
        if text:
            ordered.append((start, Paragraph(text, tuple(members), emphasis=emphasis,
                                             opened_by=built.opened_by)))
    for g in groups:
        members = [lines[k] for k in g.positions]
        ordered.append((g.positions[0], Paragraph(paragraph_text(members, cleaned),
                                                   tuple(members), g.kind,
                                                   opened_by="front_matter")))
    for a in apart:
        members = [lines[k] for k in a.positions]
        if members[0].line.kind == "cell":
            text = cells_text(members, lambda cell: paragraph_text(cell, cleaned))
        elif a.unruled:
            text = rows_text(members, lambda row: paragraph_text(row, cleaned))
        elif a.role in ("code", "table"):  # a line each, as printed
            text = code_text(members, blank_lines=a.role == "code")
        else:
            text = paragraph_text(members, cleaned)
        if text:
            ordered.append((a.positions[0], Paragraph(text, tuple(members), apart=a.role,
                                                      opened_by=f"set_apart_{a.role}")))
    ordered.sort(key=lambda item: item[0])
    return [p for _, p in ordered]


def _pieces(p: Paragraph) -> list[Paragraph]:
    """``p``, or the pieces of an overlong ``p``, each on the lines of the whole."""
    texts = split_overlong(p.text)
    return [p] if len(texts) == 1 else [replace(p, text=text) for text in texts]


def _body_font(cleaned: Cleaned) -> tuple[float | None, bool]:
    """Size and weight of most of the text, by characters."""
    sizes: Counter[tuple[float, bool]] = Counter()
    for c in cleaned.lines:
        if c.line.size:
            sizes[(round(c.line.size * 2) / 2, c.line.bold)] += len(c.text)
    if not sizes:
        return None, False
    (size, bold), _ = sizes.most_common(1)[0]
    return size, bold


def _page(p: Paragraph) -> int:
    first = p.first
    return first.printed_page if first.printed_page is not None else first.page
