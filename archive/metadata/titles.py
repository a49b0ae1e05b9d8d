"""The title as printed on the first page: in capitals, in the largest type, or above the names.

Four readings, most trusted first: a run of lines set in capitals near the front-matter
labels (longest run wins, so a rubric like "МЕЖДУНАРОДНОЕ ПРАВО" loses to the title); the
lines in the largest type on page 1 when the extractor knows type sizes; for plain text, a
short paragraph just above the line of names; and, per language, the title paragraph the
segmenter found in each front-matter block before an abstract (titles in normal case, and
the translated titles of the end-matter blocks) or a news page's headline.
"""

from __future__ import annotations

import re
from statistics import median

from .. import lineshapes as seg_pt
from ..models import Block, Candidate, Segmentation
from ..origins import InText, Part
from . import patterns as pt
from .dates import date_year
from .frontmatter import PRIORITY, is_label, origin
from .labels import SECTION_LINE, abstract_label
from .names import parse_author_line
from .rows import Row, Rows, is_caps, join_lines, own_type_text, title_like
from .titlepage import names_in


def title(rows: Rows, zone: frozenset[int], anchor: int | None,
          masthead: frozenset[int] = frozenset()) -> list[Candidate]:
    """The title set in capitals near the front-matter labels, else the largest type on p.1.

    The title is kept as printed (capitals included): restoring case would need to know
    which words are proper nouns and acronyms, which the page does not say. ``merge`` may
    take the case from the same words given by another origin (XMP, a sidecar). The rows
    of a journal's ``masthead`` over the title are none of it.
    """
    runs = [r for r in _caps_runs(rows) if r[0].index in zone and r[0].index not in masthead]
    if anchor is None:
        # Without front-matter labels, a line in capitals under paragraphs of running text
        # heads a section (a text file's "* БАЗОВЫЕ КОМАНДЫ"); a title comes before the text.
        runs = [r for r in runs if not _after_running_text(rows, r[0])]
    if runs:
        after = [r for r in runs if anchor is None or r[0].index >= anchor]
        near = [r for r in (after or runs) if anchor is None or abs(r[0].index - anchor) <= 40]
        if near:
            # A rubric in capitals ("МЕЖДУНАРОДНОЕ ПРАВО") may sit near the title; the
            # title is the longer run.
            run = max(near, key=lambda r: sum(len(x.text) for x in r))
            text = join_lines([own_type_text(r) for r in run], rows.compounds).strip().rstrip(".")
            lang = pt.guess_lang(text)
            detail = "\n".join(r.text for r in run)
            return [Candidate("title", text, origin(run[0]), lang=lang, detail=detail,
                              priority=PRIORITY)]
    return _largest_type(rows, masthead) or _bold_opening(rows) or _beside_authors(rows, zone)


_PROSE_ROWS = 3  # lines of a paragraph in a row, each this many characters at least:
_PROSE_CHARS = 50  # running text


def _after_running_text(rows: Rows, first: Row) -> bool:
    run = 0
    for row in rows.rows[: first.index]:
        long = len(row.text) >= _PROSE_CHARS
        run = (1 if row.blank_before else run + 1) if long else 0
        if run >= _PROSE_ROWS:
            return True
    return False


_OPENING_ROWS = 8  # rows between a bold title and the abstract label under it, at most


def _bold_opening(rows: Rows) -> list[Candidate]:
    """A title set in bold in the text's own size (TUGboat's, a preprint's): the bold rows
    that open page 1, with the author's name or the abstract's label under them."""
    first = [r for r in rows.rows if r.page == 1 and not rows.is_noise(r)]
    run: list[Row] = []
    for row in first:
        if not row.bold or (run and row.index != run[-1].index + 1) or _SERIAL_LINE.search(
                row.text):
            break  # an address under the title (the project's site) is none of it
        run.append(row)
    if not run or is_label(run[0].text):
        return []
    rest = first[len(run) : len(run) + _OPENING_ROWS]
    # Under it, the abstract's label a few rows down, or the author's name in the text face
    # right under it (an article that opens on its first section).
    byline = bool(rest) and not rest[0].bold and bool(names_in(rest[0]))
    if not byline and not any(abstract_label(r.text) for r in rest):
        return []
    text = join_lines([own_type_text(r) for r in run], rows.compounds).strip().rstrip(".")
    if not title_like(text):
        return []
    return [Candidate("title", text, origin(run[0]), lang=pt.guess_lang(text),
                      detail="\n".join(r.text for r in run), priority=PRIORITY - 10)]


def _widened(rows: Rows, run: list[Row]) -> list[Row]:
    """A run with the lines next to it in its type, mostly capitals, that a word in small
    letters kept out of the run ("IMAC version 1.01: A LATEX PACKAGE FOR …")."""
    def fits(k: int) -> bool:
        if not 0 <= k < len(rows.rows):
            return False
        row, first = rows.rows[k], run[0]
        letters = [ch for ch in row.text if ch.isalpha()]
        return (row.page == first.page and row.size is not None and first.size is not None
                and abs(row.size - first.size) <= _SIZE_SLACK and row.bold == first.bold
                and not rows.is_noise(row) and len(letters) >= 4
                and sum(ch.isupper() for ch in letters) >= _MOSTLY * len(letters))
    while fits(run[0].index - 1):
        run = [rows.rows[run[0].index - 1], *run]
    while fits(run[-1].index + 1):
        run = [*run, rows.rows[run[-1].index + 1]]
    return run


_MOSTLY = 0.6  # of a line's letters in capitals


def _caps_runs(rows: Rows) -> list[list[Row]]:
    runs: list[list[Row]] = []
    current: list[Row] = []
    for row in rows.rows:
        ok = (
            is_caps(row.text)
            and not rows.is_noise(row)
            and not parse_author_line(row.text)
            and not is_label(row.text)
            and not pt.find_emails(row.text)
            and not _SERIAL_LINE.search(row.text)
            and (not current or row.index == current[-1].index + 1)
            # the text's first section under the title ("1. INTRODUCTION") is none of it
            and not (current and SECTION_LINE.match(row.text))
        )
        if ok:
            current.append(row)
            continue
        if current:
            runs.append(current)
        current = [row] if ok else []
    if current:
        runs.append(current)
    runs = [_widened(rows, run) for run in runs]
    # A run that opens with a section's name is headings in capitals ("INTRODUCTION" over
    # "FIRST MAIN TOPIC"), and a long one a licence's disclaimer ("THE SOFTWARE IS PROVIDED
    # …"): neither is a title.
    return [r for r in runs if title_like(text := " ".join(x.text for x in r))
            and not SECTION_LINE.match(r[0].text) and len(text.split()) <= _TITLE_WORDS]


_TITLE_WORDS = 30  # words of a title in capitals at most
# A journal's serial number or an address: a line of the masthead, no title's.
_SERIAL_LINE = re.compile(r"\b[EP]?-?ISSN\b|https?://|\bdoi\.org/", re.IGNORECASE)




_SIZE_SLACK = 0.3  # points
_SECTION_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+[^\W\d_]")


def _largest_type(rows: Rows, masthead: frozenset[int]) -> list[Candidate]:
    """The lines in the largest type on page 1, note marks dropped (``Style¹``)."""
    first = [r for r in rows.rows if r.page == 1 and r.size and not rows.is_noise(r)
             and r.index not in masthead]
    if not first:
        return []
    sizes = [r.size for r in first if r.size]
    top = max(sizes)
    # A cover holding the title and a line or two is measured against the whole text.
    against = sizes if len(first) >= 3 else [r.size for r in rows.rows if r.size]
    if top < 1.2 * median(against):
        return []
    run: list[Row] = []
    for row in first:
        # A line's size is measured from its glyphs: one title's lines differ by a little.
        if row.size and row.size >= top - _SIZE_SLACK and not is_label(row.text):
            if run and (row.index != run[-1].index + 1
                        or (_dated(row.text) and not _RUNS_ON.search(run[-1].text)
                            and not row.text.lstrip()[:1].islower())):
                break  # the date (or version) under a title in its type is no word of it
            run.append(row)
        elif run:
            break
    text = join_lines([own_type_text(r) for r in run], rows.compounds).strip().rstrip(".")
    if _SECTION_NUMBER.match(text):
        return []  # "1 Sample": a chapter's heading opening the page, no title
    # A short title ("Rcpp Attributes", "STEAD3" alone on a cover) counts when its type
    # stands far above the text's.
    text_size = median(r.size for r in rows.rows if r.size)
    display = top >= 1.5 * text_size and sum(ch.isalpha() for ch in text) >= 4
    if not (title_like(text) or display):
        return []
    return [Candidate("title", text, origin(run[0]), lang=pt.guess_lang(text),
                      detail="\n".join(r.text for r in run), priority=PRIORITY - 5)]


# A day, a month's name and a year, two-digit years too: "01-Dec-08", "22-Sep-2008".
_DATE_ALONE = re.compile(r"\b\d{1,2}[-./ ][^\W\d_]{3,9}\.?[-./ ]\d{2}(?:\d\d)?\b")


def _dated(text: str) -> bool:
    """A date line, a date and a few words round it (``Revised 22-Sep-2008 for SIMH``), or
    a version line (``Version 2.30.0``)."""
    s = text.strip()
    return _VERSION_LINE.fullmatch(s) is not None or (len(s.split()) <= _DATED_WORDS and (
        _DATE_ALONE.search(s) is not None or date_year(s) is not None))


_VERSION_LINE = re.compile(
    r"(?:version|release|revision|rev\.|v\.?|версия|редакция|нұсқа)\s*\d[\w.-]*", re.IGNORECASE)


_DATED_WORDS = 6
# A title's line that goes on with the date under it: "Introduction to … — as of" ⏎
# "Feb. 2005" (or the line under it opens in lower case: "… sdružení" ⏎ "uživatelů TEXu,
# 2022/12/12").
_RUNS_ON = re.compile(
    r"(?:\b(?:of|on|in|at|to|for|from|since|until|by|в|на|от|до|за|с)|[—–:,-])\s*$", re.IGNORECASE)


def _beside_authors(rows: Rows, zone: frozenset[int]) -> list[Candidate]:
    """A plain-text title: a short paragraph right before the line of names.

    Used only when nothing better exists (no capitals, no type sizes): a one-to-three-line
    paragraph without a final period, within three rows above the authors. (Below them
    sits the affiliation, which looks just like a short title.)
    """
    by_index = {r.index: r for r in rows.rows}
    names = [r for r in rows.rows if r.index in zone and parse_author_line(r.text)]
    if not names:
        return []
    at = names[0].index
    paras: list[list[Row]] = []
    for i in range(max(0, at - 4), at):
        row = by_index.get(i)
        if row is None or i == at:
            continue
        if not paras or row.blank_before or paras[-1][-1].index != i - 1:
            paras.append([row])
        else:
            paras[-1].append(row)
    for para in reversed(paras):
        text = join_lines([r.text for r in para], rows.compounds).strip()
        words = len(text.split())
        if (
            len(para) <= 3
            and 3 <= words <= 30
            and not text.endswith((".", ":", ";", ","))
            and not any(
                is_label(r.text) or pt.find_emails(r.text) or parse_author_line(r.text)
                or rows.is_noise(r) or re.search(r"\d{4}", r.text)
                for r in para
            )
            and (para[0].blank_before or para[0].index == 0)
        ):
            return [Candidate("title", text, origin(para[0]), lang=pt.guess_lang(text),
                              detail="\n".join(r.text for r in para), priority=45)]
    return []


BLOCK_TITLE_PRIORITY = 40


def block_titles(seg: Segmentation) -> list[Candidate]:
    """Titles in normal case, one per language block, from the segmenter's front matter.

    Each language's block (the article's own, and a translated one before its abstract)
    is a run of front-matter paragraphs — codes, names, affiliations, contacts, the title —
    followed by the abstract (or its heading). The title is the last paragraph of the run
    that is neither a line of names nor a labelled, keyed or contact line. A page without
    abstracts (a news item) gives the headline that opens it.
    """
    blocks = seg.blocks
    out: list[Candidate] = []
    k = 0
    while k < len(blocks):
        if blocks[k].role != "front_matter":
            k += 1
            continue
        end = k
        while end < len(blocks) and blocks[end].role == "front_matter":
            end += 1
        if k == 0 and not any(_opens_abstract(b) for b in blocks):
            # A page without abstracts (a news item): the headline opens it, above its
            # dateline and byline.
            first = blocks[0]
            if _title_block(first) and not (
                seg_pt.DATELINE.match(first.text) or seg_pt.BYLINE.match(first.text)
            ):
                out.append(_block_title(first))
        elif end < len(blocks) and _opens_abstract(blocks[end]):
            for block in reversed(blocks[k:end]):
                if parse_author_line(block.text) or seg_pt.NAME_LINE.match(block.text):
                    continue
                if _title_block(block):
                    out.append(_block_title(block))
                break
        k = end
    return out


def _block_title(block: Block) -> Candidate:
    text = block.text.strip().rstrip(".")
    return Candidate("title", text, InText(Part.FRONT_MATTER, block.page),
                     lang=block.lang or pt.guess_lang(text), detail=block.text[:200],
                     priority=BLOCK_TITLE_PRIORITY)


def _opens_abstract(block: Block) -> bool:
    return block.role in ("abstract", "keywords") or (
        block.role == "heading" and seg_pt.ABSTRACT_HEADING.match(block.text) is not None
    )


def _title_block(block: Block) -> bool:
    text = block.text
    return (
        title_like(text)
        and len(text) <= 300
        and not is_label(text)
        and not seg_pt.ANNOUNCED.match(text)
        and not seg_pt.has_orcid(text)
        and not seg_pt.NOTE_MARKER.match(text)
        and not seg_pt.AUTHOR_LEAD.match(text)
        and not pt.find_emails(text)
    )


def anchor_index(candidates: list[Candidate], rows: Rows) -> int | None:
    """Where the front matter is: the first row that gave a labelled code or an author."""
    details = {c.detail for c in candidates
               if isinstance(c.origin, InText) and c.origin.part is Part.FRONT_MATTER}
    for row in rows.rows:
        if row.text in details:
            return row.index
    return None
