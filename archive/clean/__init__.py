"""The cleaner: page furniture out (kept as artifacts), pages assigned, line features measured.

One code path for every front end. Each kept line gets the features the paragraph builder
needs, from geometry when the extractor had it and from the text alone otherwise:

* ``fill`` — how far the line reaches towards the column's usual right edge (text: its
  length against the document's usual full line length);
* ``indent`` — a first-line indent (text: leading whitespace kept by the text extractor);
* ``blank_before`` — an empty line or a large vertical gap before it;
* ``after_cut`` — furniture or a page break was removed just before it, so a blank line there
  says nothing about paragraphs;
* ``wrap`` — in a text copy wrapped at a fixed number of characters, that number for the
  lines of the copy's dominant wrap (a copy re-wrapped paragraph by paragraph keeps other
  lines at their old width).

For the whole document it also tells whether lines are hard-wrapped at all (``wrapped``),
whether its blank lines can be trusted as paragraph ends (``blanks_reliable``) and, for a
copy wrapped at a fixed number of characters, that number (``wrap_width``).

Hyphenation is repaired later, when lines are joined (``archive.clean.hyphenation``).
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass, replace
from itertools import pairwise

from archive.clean.contents import contents_lines
from archive.clean.furniture import Furniture, find_furniture
from archive.clean.hyphenation import Vocabulary, join_lines, keep_hyphen
from archive.clean.pages import assign_pages
from archive.clean.spaced import mend_spaced_breaks
from archive.clean.wrapping import break_head, local_widths, narrow_stretches, wrap_width
from archive.lineshapes import LIST_MARKER, closes_clause, opens_on_sign
from archive.models import LINE_NUMBER, Artifact, Document, Line
from archive.textcopy import double_spaced, is_wrapped, usual_width

__all__ = [
    "CleanLine", "Cleaned", "Vocabulary", "changes_font", "clean", "join_lines", "keep_hyphen",
    "mend_spaced_breaks",
]

@dataclass(frozen=True, slots=True)
class CleanLine:
    """A line that survived cleaning, with the evidence about its place in a paragraph."""

    index: int  # position in Document.lines
    text: str  # whitespace collapsed, stripped
    line: Line
    page: int  # physical page (inferred for text copies)
    printed_page: int | None
    fill: float  # 1.0 = reaches the usual right edge
    indent: bool
    blank_before: bool
    after_cut: bool
    font_change: bool = False
    # Characters per line where this line sits, in a text copy wrapped at a fixed width
    # (measured on the neighbouring lines: a copy may mix widths). None when unknown.
    wrap: int | None = None


@dataclass(frozen=True, slots=True)
class Cleaned:
    lines: tuple[CleanLine, ...]
    artifacts: tuple[Artifact, ...]
    vocabulary: Vocabulary
    geometry: bool
    wrapped: bool  # lines are hard-wrapped (PDF lines, text copies of PDFs)
    blanks_reliable: bool = False  # no blank line falls inside a sentence anywhere
    # Characters per line of a copy wrapped at a fixed width (plain text, no geometry):
    # a line that left room for the next word was ended on purpose. None otherwise.
    wrap_width: int | None = None
    # When such a copy also breaks words at line ends: the fewest letters it leaves before a
    # break hyphen. A line with room for that many and a hyphen was not wrapped either.
    wrap_head: int | None = None
    warnings: tuple[str, ...] = ()
    # A text copy not wrapped at a width whose reliable blank lines part it every few lines:
    # a line that ends a sentence short inside a block (one sentence a line) ends no paragraph.
    blank_separated: bool = False


def _plain(text: str) -> str:
    """A line's words as a reader sees them: composed letters (an NFD copy's "й" is one
    letter), single spaces, and no soft hyphen except a break at the line end — one inside
    a word is invisible and would hide the word from every pattern."""
    text = " ".join(unicodedata.normalize("NFC", text).split())
    if "\u00ad" in text[:-1]:
        text = text[:-1].replace("\u00ad", "") + text[-1]
    return text


def clean(doc: Document) -> Cleaned:
    """Remove running headers/footers/page numbers and describe every remaining line."""
    if double_spaced(doc):
        # A blank line after every line is the copy's line spacing, not a paragraph gap.
        doc = replace(doc, lines=tuple(replace(ln, blank_before=False) for ln in doc.lines))
    furniture, pages, warnings = _furniture(doc)
    removed = {f.index: f for f in furniture}
    artifacts = tuple(_artifact(doc, f, pages, removed) for f in furniture)
    geometry = any(ln.y0 is not None for ln in doc.lines)
    kept = [i for i, ln in enumerate(doc.lines) if i not in removed and ln.text.strip()]
    texts = {i: _plain(doc.lines[i].text) for i in kept}
    vocabulary = Vocabulary.from_texts(texts.values())
    # Lines in a narrow stretch of a text copy (two columns copied as one) have their own width.
    narrow: list[int | None] = (
        [None] * len(kept) if geometry else narrow_stretches([texts[i] for i in kept])
    )
    out = _described(doc, kept, texts, pages, geometry, narrow)
    wrapped = geometry or is_wrapped([c.text for c in out])
    width, head = None, None
    if wrapped and not geometry:
        out, width, head = _wraps(out, narrow)
    reliable = _blanks_reliable(out)
    return Cleaned(
        tuple(out), artifacts, vocabulary, geometry, wrapped, reliable, width, head,
        tuple(warnings),
        blank_separated=reliable and not geometry and width is None and _blank_every(out),
    )


def _furniture(doc: Document) -> tuple[list[Furniture], list[tuple[int, int | None]], list[str]]:
    """The lines to take out of the text (running heads and feet, page numbers, the text of
    figures, contents lists), each line's pages, and a warning when the evidence would take
    every line."""
    furniture = find_furniture(doc)
    pages = assign_pages(doc, furniture)
    # Text inside figures (ticks, legends, labels in drawings) is kept as an artifact too,
    # and so are the line numbers down a draft's margin.
    furniture += [
        Furniture(i, "figure-text", None) for i, ln in enumerate(doc.lines) if ln.kind == "figure"
    ]
    furniture += [Furniture(i, "line-number", None) for i, ln in enumerate(doc.lines)
                  if ln.kind == LINE_NUMBER]
    furniture += contents_lines(doc.lines, {f.index for f in furniture})
    # A web page's headline over its text repeats the title its metadata states.
    furniture += [Furniture(i, "headline", None) for i, ln in enumerate(doc.lines)
                  if ln.kind == "headline"]
    furniture.sort(key=lambda f: f.index)
    warnings: list[str] = []
    marked = {f.index for f in furniture}
    texts_at = [i for i, ln in enumerate(doc.lines) if ln.text.strip()]
    if texts_at and all(i in marked for i in texts_at) and any(
        f.kind != "figure-text" for f in furniture
    ):
        # Every line looks like a running head: the evidence is wrong, not the document.
        furniture = [f for f in furniture if f.kind == "figure-text"]
        warnings.append("every line looked like a running header or footer; "
                        "all were kept as text")
    return furniture, pages, warnings


def changes_font(before: Line, ln: Line) -> bool:
    """``ln`` is set in another weight or size than the line before it. A line that opens
    with a term or a run-in heading set apart goes on in the text's own face: the next
    line is compared with that."""
    return ln.bold != (before.bold and not before.lead) or (
        abs((ln.size or 0) - (before.size or 0)) > 0.9 and not before.lead)


def _described(
    doc: Document, kept: list[int], texts: dict[int, str], pages: list[tuple[int, int | None]],
    geometry: bool, narrow: list[int | None],
) -> list[CleanLine]:
    """The kept lines with what the segmenter asks of them: fill, indent, pages, cuts."""
    fills = _fills(doc, kept, texts, geometry, narrow)
    indents = _indents(doc, kept, geometry)
    out: list[CleanLine] = []
    previous = -1
    before: Line | None = None
    for i in kept:
        ln = doc.lines[i]
        cut = before is not None and (i - previous > 1 or before.page != ln.page)
        font_change = geometry and before is not None and changes_font(before, ln)
        page, printed = pages[i]
        # Positional arguments: this runs once per line of every document.
        out.append(
            CleanLine(
                i, texts[i], ln, page, printed, fills[i], indents[i],
                ln.blank_before and not cut, cut, font_change,
            )
        )  # fmt: skip
        previous, before = i, ln
    return out


def _wraps(
    out: list[CleanLine], narrow: list[int | None]
) -> tuple[list[CleanLine], int | None, int | None]:
    """A wrapped text copy's fixed width, each line's local width, and the shortest head it
    breaks off a word."""
    width = wrap_width([c.line.text for c in out])
    head = None if width is None else break_head([c.text for c in out])
    local = local_widths([c.line.text.rstrip() for c in out], width)
    # A narrow stretch is not wrapped at the copy's fixed width, whatever its lines' lengths.
    local = [None if n is not None else w for w, n in zip(local, narrow, strict=True)]
    out = [replace(c, wrap=w) if w is not None else c for c, w in zip(out, local, strict=True)]
    if head is None and any(w is not None for w in local):
        # Only the lines of that wrap say whether it breaks words.
        # A tenth of them, not a twentieth: stray lines of another wrap may fit in it.
        head = break_head([c.text for c in out if c.wrap is not None], 0.1)
    return out, width, head


def text_indent(c: CleanLine) -> int:
    """Columns a text copy's line is indented by (0 with geometry)."""
    if c.line.x0 is not None:
        return 0
    raw = c.line.text.expandtabs(8)
    return len(raw) - len(raw.lstrip())


_BLOCK_LINES = 8  # lines between blank lines, on average, at most, in a blank-separated copy


def _blank_every(lines: list[CleanLine]) -> bool:
    """Blank lines part the text every few lines: its paragraphs are the blocks they part."""
    return sum(c.blank_before for c in lines) * _BLOCK_LINES >= len(lines)


def _blanks_reliable(lines: list[CleanLine]) -> bool:
    """Blank lines mark paragraphs here, unless one of them plainly splits a sentence.

    A blank line after a word broken at the line end, or before a line that goes on in lower
    case after an unfinished one (not a list item's marker, ``b)``), shows that the copy puts
    blank lines inside paragraphs; then every blank line is only weak evidence.
    """
    blanks = 0
    # A literal block's lines are set as printed: the blank lines around them say nothing.
    lines = [c for c in lines if c.line.kind != "code"]
    for prev, cur in pairwise(lines):
        if not cur.blank_before:
            continue
        blanks += 1
        tail = prev.text.rstrip()
        broken = tail[-1:] in "-\u00ad" and tail[-2:-1].isalnum()
        first = next((ch for ch in cur.text if ch.isalnum()), "")
        # "…; and" ⏎⏎ "b) cause …": the next item of a list, not the sentence going on; and
        # after a line indented deeper (a command set off in the text), the text resumes.
        # A line opening on a sign ("%summary% - …", "$HOME", "/etc") names a variable, a
        # path: no word of a sentence.
        continues = (
            first.islower() and not closes_clause(tail) and tail[-1:] not in ",;:"
            and not opens_on_sign(cur.text)
            and not LIST_MARKER.match(cur.text) and text_indent(prev) <= text_indent(cur)
        )
        if broken or continues:
            return False
    return blanks >= 2


def _artifact(
    doc: Document,
    f: Furniture,
    pages: list[tuple[int, int | None]],
    removed: dict[int, Furniture],
) -> Artifact:
    page = pages[f.index][0]
    if f.printed_page is None:
        # A rubric next to the line with the number is on that line's page.
        for j in (f.index + 1, f.index + 2, f.index - 1, f.index - 2):
            other = removed.get(j)
            same_sheet = 0 <= j < len(doc.lines) and doc.lines[j].page == doc.lines[f.index].page
            if other is not None and other.printed_page is not None and same_sheet:
                page = pages[j][0]
                break
    return Artifact(
        kind=f.kind,
        text=doc.lines[f.index].text.strip(),
        page=page,
        printed_page=f.printed_page,
    )


def _columns(doc: Document, kept: list[int]) -> list[list[int]]:
    """The kept lines of each page's column: a line's fill and indent are measured against
    its own column's edges."""
    groups: dict[tuple[int, int | None], list[int]] = defaultdict(list)
    for i in kept:
        groups[(doc.lines[i].page, doc.lines[i].column)].append(i)
    return list(groups.values())


def _fills(
    doc: Document,
    kept: list[int],
    texts: dict[int, str],
    geometry: bool,
    narrow: list[int | None],
) -> dict[int, float]:
    if not geometry:
        whole = usual_width([len(texts[i]) for i in kept])
        return {i: len(texts[i]) / (w or whole) for i, w in zip(kept, narrow, strict=True)}
    fills: dict[int, float] = {}
    for members in _columns(doc, kept):
        lefts = sorted(doc.lines[i].x0 or 0.0 for i in members)
        rights = sorted(doc.lines[i].x1 or 0.0 for i in members)
        left = lefts[int(0.1 * (len(lefts) - 1))]
        right = rights[int(0.8 * (len(rights) - 1))]
        width = max(right - left, 1.0)
        for i in members:
            fills[i] = ((doc.lines[i].x1 or right) - left) / width
    return fills


def _indents(doc: Document, kept: list[int], geometry: bool) -> dict[int, bool]:
    if not geometry:
        return {i: doc.lines[i].text[:1].isspace() for i in kept}
    indents: dict[int, bool] = {}
    for members in _columns(doc, kept):
        lefts = sorted(doc.lines[i].x0 or 0.0 for i in members)
        left = lefts[int(0.2 * (len(lefts) - 1))]
        for i in members:
            ln = doc.lines[i]
            size = ln.size or 10.0
            # A first-line indent is about one to three ems; more is centring.
            shift = (ln.x0 or left) - left
            indents[i] = 0.6 * size <= shift <= 4 * size
    return indents
