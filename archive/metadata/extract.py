"""``extract_candidates``: every origin's opinion on every field, nothing decided yet."""

from __future__ import annotations

from ..models import Candidate, Document, Segmentation
from ..origins import AnyOrigin, InText, Part
from . import abstracts as ab
from . import (
    bylines,
    extent,
    inferred,
    manpage,
    masthead,
    plainhead,
    printed,
    running,
    titleblock,
    titlepage,
    titles,
)
from . import frontmatter as fm
from .container import container_candidates
from .display import display_title
from .labels import SECTION_LINE, abstract_label, keyword_label, split_keywords
from .news import news_candidates
from .rows import build_rows

BLOCK_PRIORITY = 70


def extract_candidates(doc: Document, seg: Segmentation) -> tuple[Candidate, ...]:
    """Candidates for every field from every origin that states it, grouped by origin.

    Origins: the front matter and abstracts as printed (scanned from the extractor's lines,
    so a misplaced or mis-segmented front matter is still read), the segmenter's abstract
    and keyword blocks, running headers/footers, the container (XMP, PDF info, capture
    header) and, lowest, what the text implies (languages, kind, a news site's name).
    """
    rows = build_rows(doc, seg)
    found: list[Candidate] = []
    zone = fm.front_zone(rows)
    labelled = fm.labelled_fields(rows, zone | fm.page_head(rows)) + bylines.authors(rows, zone)
    found += labelled
    head = masthead.masthead(rows)
    found += masthead.candidates(head)
    skip = frozenset() if head is None else frozenset({head.name.index, head.issue.index})
    printed_title = titles.title(rows, zone, titles.anchor_index(labelled, rows), skip)
    found += printed_title
    typed = plainhead.candidates(doc) + manpage.candidates(doc)
    # A text file's title is typed, not set in type: its head's shape finds it.
    titled = printed_title or [c for c in typed if c.field == "title"]
    found = _title_lines_named_nobody(found, titled)
    page = titlepage.candidates(rows, max(titled, key=lambda c: c.priority, default=None))
    found += titlepage.agreed_dates(doc, rows)
    found += typed
    found += titles.block_titles(seg)
    found += fm.keywords(rows)
    found += ab.abstracts(rows)
    found += _blocks(seg)
    container = container_candidates(doc)
    found += titlepage.weighed(page + titleblock.candidates(seg.blocks), container)
    lines = running.running_lines(seg.artifacts, doc.lines)
    numbers = running.page_numbers(seg.artifacts)
    article = bool(lines) or any(c.field in ("doi", "udc", "grnti") for c in found + container)
    found += running.candidates(lines, numbers if article else [])
    found += running.dated(seg.artifacts)
    found += running.signed(seg.artifacts)
    if article:
        stated = [p for r in lines for p in (r.page, r.last) if p] + numbers
        found += extent.last_page(seg.blocks, stated)
    found += container
    found += printed.checked(container, rows)
    for doi in dict.fromkeys(c.value for c in found if c.field == "doi"):
        if cand := running.doi_first_page(doi, lines, numbers):
            found.append(cand)
    if not any(c.field in ("journal", "doi", "udc") for c in found):
        found += news_candidates(doc)
    found += inferred.languages(doc, seg)
    found = inferred.in_document_languages(found)
    found += inferred.kind(doc, found)
    # A section's name ("Introduction", "Contents") heads a part of the work, never all of it.
    found = [c for c in found if not (c.field == "title" and isinstance(c.value, str)
                                      and SECTION_LINE.match(c.value))]
    found += display_title(seg, found)
    return _dedupe(found)


def _blocks(seg: Segmentation) -> list[Candidate]:
    """Abstract and keyword blocks as the segmenter labelled them, grouped per language."""
    out: list[Candidate] = []
    group: list[str] = []
    group_lang: str | None = None
    group_page: int | None = None

    def flush() -> None:
        if group:
            out.append(Candidate("abstract", "\n\n".join(group), InText(Part.ABSTRACT, group_page),
                                 lang=group_lang, detail=group[0][:200],
                                 priority=BLOCK_PRIORITY))
        group.clear()

    for block in seg.blocks:
        text = " ".join(block.text.split())
        if block.role == "keywords" and (found := keyword_label(text)):
            flush()
            out.append(Candidate("keywords", split_keywords(found[1]),
                                 InText(Part.KEYWORDS, block.page), lang=found[0], detail=text,
                                 priority=fm.PRIORITY))
            continue
        if block.role != "abstract" or ab.is_intro(text):
            flush()
            continue
        if label := abstract_label(text):
            flush()
            text = label[1]
        if group and block.lang != group_lang:
            flush()
        if not group:
            group_lang, group_page = block.lang, block.page
        if text:
            group.append(text)
    flush()
    return out


def _dedupe(found: list[Candidate]) -> tuple[Candidate, ...]:
    """One candidate per (field, language, value, origin), the most trusted of repeats."""
    best: dict[tuple[str, str | None, str, AnyOrigin], int] = {}
    for i, cand in enumerate(found):
        key = (cand.field, cand.lang, repr(cand.value), cand.origin)
        if key not in best or cand.priority > found[best[key]].priority:
            best[key] = i
    keep = set(best.values())
    return tuple(cand for i, cand in enumerate(found) if i in keep)


def _title_lines_named_nobody(found: list[Candidate], titled: list[Candidate]) -> list[Candidate]:
    """A byline read from the title's own first line (``GNU Midnight Commander`` over
    ``Frequently Asked Questions``) names no author."""
    heads = [str(c.value).casefold() for c in titled if isinstance(c.value, str)]
    return [
        c for c in found
        if not (c.field == "authors" and c.detail and any(
            head.startswith(c.detail.casefold()) and head != c.detail.casefold()
            for head in heads))
    ]
