"""Segmentation: a ``Document`` of lines in, the paragraphs a reader would cite out.

``segment`` is the one entry point for every front end (text copies and PDFs alike):

1. clean — running headers/footers/page numbers removed and kept as artifacts, pages and
   printed page numbers assigned (``archive.clean``);
2. front matter taken out of the line stream wherever reading order put it
   (``archive.segment.frontmatter``), and so are code blocks and footnotes
   (``archive.segment.apart``);
3. paragraphs rebuilt from the remaining lines, hyphenation repaired
   (``archive.segment.paragraphs``);
4. role, language and section of every paragraph (``archive.segment.roles``).

A paragraph's ``page`` is the printed page its first line is on when the document shows
page numbers, else the physical page.
"""

from __future__ import annotations

from collections import Counter

from archive.clean import Cleaned, clean
from archive.language import detect_language
from archive.models import Block, Document, Segmentation
from archive.segment import patterns as pt
from archive.segment.apart import apart_groups, code_text
from archive.segment.frontmatter import find_front_matter
from archive.segment.paragraphs import Paragraph, build_paragraphs, paragraph_text
from archive.segment.roles import Draft, assign_document_roles, local_role, sections

__all__ = ["segment"]


def segment(doc: Document) -> Segmentation:
    """Clean ``doc`` and return its paragraphs (text, role, lang, page, section) and artifacts."""
    cleaned = clean(doc)
    paragraphs = _paragraphs(cleaned)
    drafts: list[Draft] = []
    in_refs = False
    numbered: bool | None = None  # whether the current reference list numbers its entries
    for k, p in enumerate(paragraphs):
        next_p = paragraphs[k + 1] if k + 1 < len(paragraphs) else None
        role = local_role(p, next_p, in_refs)
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
    blocks = tuple(
        Block(
            text=d.paragraph.text,
            role=d.role,
            page=_page(d.paragraph),
            lang=d.lang,
            section=section,
        )
        for d, section in zip(drafts, sections(drafts), strict=True)
    )
    return Segmentation(blocks=blocks, artifacts=cleaned.artifacts)


def _language(text: str) -> str | None:
    """A paragraph's language; a line of names takes the language of its script (names
    say too little for the statistical model): Latin is English, Cyrillic is Kazakh when
    Kazakh letters show, else Russian."""
    if pt.NAME_LINE.match(text):
        latin = sum(ch.isascii() and ch.isalpha() for ch in text)
        if latin * 2 > sum(ch.isalpha() for ch in text):
            return "en"
    return detect_language(text)


def _paragraphs(cleaned: Cleaned) -> list[Paragraph]:
    lines = cleaned.lines
    groups = find_front_matter(lines)
    skip = {k for g in groups for k in g.positions}
    body_size, body_bold = _body_font(cleaned)
    apart = apart_groups(lines, skip, body_size)
    skip |= {k for g in apart for k in g.positions}
    ordered: list[tuple[int, Paragraph]] = []
    for start, members in build_paragraphs(cleaned, lines, skip):
        text = paragraph_text(members, cleaned)
        emphasis = body_size is not None and all(
            (c.line.bold and not body_bold) or (c.line.size or 0) >= body_size + 0.5
            for c in members
        )
        if text:
            ordered.append((start, Paragraph(text, tuple(members), emphasis=emphasis)))
    for g in groups:
        members = [lines[k] for k in g.positions]
        ordered.append((g.positions[0], Paragraph(paragraph_text(members, cleaned),
                                                   tuple(members), g.kind)))
    for a in apart:
        members = [lines[k] for k in a.positions]
        text = code_text(members) if a.role == "code" else paragraph_text(members, cleaned)
        if text:
            ordered.append((a.positions[0], Paragraph(text, tuple(members), apart=a.role)))
    ordered.sort(key=lambda item: item[0])
    return [p for _, p in ordered]


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
