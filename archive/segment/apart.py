"""Lines that stand apart from the reading flow: code blocks, footnotes and captions.

All stand outside the running text. A footnote or a float interrupts it without ending its
sentence: the paragraph goes on after the note at the foot of its page (or after a figure at
the next page's top), so the lines around it are joined as if they were adjacent. A code
block is a block of its own on the page: the text after it starts a new paragraph, even in
lower case ("where x is …"), as readers cite it. Each becomes a paragraph of its own (roles
``code``, ``footnote`` and ``caption``).

* Code: consecutive lines the extractor marked ``code`` (a monospaced font; a PDF's line
  opening with an interpreter prompt ``R>`` / ``>>>``), or the lines between Markdown
  fences in a text copy. A code block keeps its line breaks.
* Ruled tables (with geometry): the lines the extractor found in a table's cells (``cell``),
  a row a line, its cells' lines joined as prose (role ``table``). Tables without rules:
  ``archive.segment.tables``.
* Footnotes and side notes (with geometry): ``archive.segment.notes``.
* Captions and the floats' bodies around them (with geometry): ``archive.segment.floats``.
* Text turned up a margin: a block at a time, front matter beside page 1's text, a label
  elsewhere.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable

from archive import lineshapes as pt
from archive.clean import CleanLine
from archive.clean.addresses import ADDRESS_PART
from archive.models import TURNED, Line, Role
from archive.segment.floats import float_groups
from archive.segment.grouped import Apart
from archive.segment.items import index_entry
from archive.segment.notes import footnotes, margin_notes, marked_notes
from archive.segment.tables import table_piece, unruled_tables

_FENCE = re.compile(r"^\s*(```|~~~)")
# An address, or the rest of one broken after its scheme ("http:" ⏎ "//www.…").
_ADDRESS = re.compile(
    r"^(?:(?:doi|url|e-?mail)\s*:?\s*)?(?:https?://|//\w|www\.|10\.\d{4,9}/|[\w.+-]+@[\w-]+\.)"
    r"\S*$",
    re.IGNORECASE,
)


def apart_groups(
    lines: tuple[CleanLine, ...], taken: set[int], body_size: float | None
) -> list[Apart]:
    """Code blocks, footnotes and captions, as groups of line positions, in document order."""
    groups = (_code(lines, taken) + _ruled_tables(lines, taken) + _turned(lines, taken)
              + marked_notes(lines, taken))
    used = taken | {k for g in groups for k in g.positions}
    if body_size is not None:
        groups += footnotes(lines, used, body_size)
        used |= {k for g in groups for k in g.positions}
        groups += margin_notes(lines, used, body_size)
        used |= {k for g in groups for k in g.positions}
        groups += float_groups(lines, used, body_size)
        used |= {k for g in groups for k in g.positions}
        groups += unruled_tables(lines, used)
    return _code_over_floats(sorted(groups, key=lambda g: g.positions[0]), lines, taken)


_CODE_EDGE = 3.0  # points between the left edges of a listing's two parts, at most


def _code_over_floats(
    groups: list[Apart], lines: tuple[CleanLine, ...], taken: set[int]
) -> list[Apart]:
    """A listing broken over a page, with only notes and floats between its two parts (a
    footnote at the page's foot, a figure and its caption at the next page's top), is one
    listing: the reader reads on past them, as a sentence goes on past them."""
    # What may stand between a listing's parts: notes, floats, lines taken out before.
    between = taken | {k for g in groups if g.role != "code" for k in g.positions}
    out: list[Apart] = []
    listing = -1  # where the last listing is in ``out``
    for g in groups:
        last = out[listing] if listing >= 0 else None
        if (g.role == "code" and last is not None
                and lines[g.positions[0]].page == lines[last.positions[-1]].page + 1
                and all(k in between for k in range(last.positions[-1] + 1, g.positions[0]))
                and abs(_left(lines, last) - _left(lines, g)) <= _CODE_EDGE):
            out[listing] = Apart(last.positions + g.positions, "code")
            continue
        if g.role == "code":
            listing = len(out)
        out.append(g)
    return out


def _left(lines: tuple[CleanLine, ...], group: Apart) -> float:
    return min(lines[k].line.x0 or 0.0 for k in group.positions)


def code_text(lines: list[CleanLine], blank_lines: bool = True) -> str:
    """A code block's or a table's text: its lines as printed, fences dropped, line breaks
    kept, and the indentation the whole block shares (its place on the page) taken off.
    Blank lines are kept in code, where they are part of the listing, and dropped in a
    table, where the space between rows is only the ruling."""
    kept: list[str] = []
    page = None
    for c in lines:
        if not _FENCE.match(c.line.text):
            # A page break is no blank line of the listing, nor are the floats over the
            # part that goes on at the next page's top.
            gap = blank_lines and kept and c.line.blank_before and c.page == page
            kept += ["", c.line.text.rstrip()] if gap else [c.line.text.rstrip()]
            page = c.page
    while kept and not kept[0].strip():
        kept.pop(0)
    return textwrap.dedent("\n".join(map(_leading_tabs_expanded, kept))).strip("\n")


def _ruled_tables(lines: tuple[CleanLine, ...], taken: set[int]) -> list[Apart]:
    """Runs of the lines the extractor found in a ruled table's cells: one table each."""
    groups: list[Apart] = []
    run: list[int] = []
    for k, c in enumerate(lines):
        if k not in taken and c.line.kind == "cell":
            if run and _next_table(lines[run[-1]].line, c.line):
                groups.append(Apart(tuple(run), "table"))
                run = []
            run.append(k)
            continue
        if run:
            groups.append(Apart(tuple(run), "table"))
            run = []
    if run:
        groups.append(Apart(tuple(run), "table"))
    return groups


def _next_table(before: Line, line: Line) -> bool:
    """In table order a line left of the one before it and above it opens another table
    (the next row of one table starts below the row before)."""
    if before.page != line.page:
        return True
    return (line.y0 or 0.0) < (before.y0 or 0.0) - 1.0 and (line.x0 or 0.0) <= (before.x0 or 0.0)


def cells_text(lines: list[CleanLine], prose: Callable[[list[CleanLine]], str]) -> str:
    """A ruled table's text, a row a line: each cell's lines joined as prose (``prose``),
    the cells of a row set apart by `` | ``. The lines come in table order, and a cell
    left of the one before it opens a new row."""
    rows: list[list[str]] = []
    cells: list[list[CleanLine]] = []
    for c in lines:
        if cells and cells[-1][0].line.block == c.line.block:
            cells[-1].append(c)
        else:
            cells.append([c])
    left = None
    for cell in cells:
        x0 = min(c.line.x0 or 0.0 for c in cell)
        if left is None or x0 <= left:
            rows.append([])
        rows[-1].append(prose(cell))
        left = x0
    return "\n".join(" | ".join(row) for row in rows)


def _leading_tabs_expanded(text: str) -> str:
    body = text.lstrip()
    return text[: len(text) - len(body)].expandtabs(8) + body


def _code(lines: tuple[CleanLine, ...], taken: set[int]) -> list[Apart]:
    groups: list[Apart] = []
    run: list[int] = []
    fenced = False
    for k, c in enumerate(lines):
        fence = c.line.y0 is None and _FENCE.match(c.line.text) is not None
        inside = k not in taken and (
            (c.line.kind == "code" and not table_piece(lines, k)) or fenced or fence
            or _between_code(lines, k, run, taken)
            or (not run and _numbered_opening(lines, k, taken))
        )
        if fence:
            fenced = not fenced
        if inside:
            run.append(k)
            continue
        if run:
            groups.append(Apart(tuple(run), "code"))
            run = []
    if run:
        groups.append(Apart(tuple(run), "code"))
    # Addresses are set in typewriter type too: a DOI, URL or e-mail alone is not code, nor
    # is an address broken over lines ("http://CRAN.R-project.org/doc/Rnews/Rnews_" ⏎
    # "2007-1.pdf."), words of the text after it or not.
    return [
        g for g in groups
        if not all(_ADDRESS.match(lines[k].text) for k in g.positions)
        and not _broken_address(lines, g)
        and not (len(g.positions) == 1 and (_prose_tail(lines, g.positions[0], taken)
                                            or _in_index(lines, g.positions[0])
                                            or _in_caption(lines, g.positions[0])))
    ]


def _broken_address(lines: tuple[CleanLine, ...], group: Apart) -> bool:
    """An address broken over the group's lines: its first line one, each next line opening
    with the rest of one (the text's words may follow it: "… gdata.html. R package")."""
    first, *rest = (lines[k].text for k in group.positions)
    return _ADDRESS.match(first) is not None and all(
        ADDRESS_PART.fullmatch(text.split(" ", 1)[0]) for text in rest)


def _in_caption(lines: tuple[CleanLine, ...], k: int) -> bool:
    """A line opening with an address in typewriter type inside a caption's text block
    (``Table 1: … see`` ⏎ ``http://arma.sf.net/docs.html for more complete …``): the
    caption goes on."""
    line = lines[k].line
    j = k
    while j > 0 and not lines[j].blank_before:
        above = lines[j - 1].line
        if above.block != line.block or above.page != line.page:
            return False
        if pt.is_caption(lines[j - 1].text):
            return True
        j -= 1
    return False


def _in_index(lines: tuple[CleanLine, ...], k: int) -> bool:
    """A command's name in typewriter type with its page numbers, among an index's entries
    (``\\labyrinthsolution, 5``): an entry, not code."""
    return index_entry(lines[k].text) and any(
        0 <= j < len(lines) and index_entry(lines[j].text) for j in (k - 1, k + 1))


def _between_code(
    lines: tuple[CleanLine, ...], k: int, run: list[int], taken: set[int]
) -> bool:
    """A word or two in the text face between two code lines, at their indent and without
    a gap (``…/gastex.sty`` / ``or`` / ``…/gastex.sty``), belongs to the code block; so
    does an elision (``. . .``) indented as the block's body."""
    if not run or run[-1] != k - 1 or k + 1 >= len(lines) or k + 1 in taken:
        return False
    above, line, below = lines[k - 1].line, lines[k].line, lines[k + 1].line
    if below.kind != "code":
        return False
    if _line_number(line, above, below):
        return True
    if line.blank_before or below.blank_before:
        return False
    if line.x0 is None or above.x0 is None:
        return False
    # At the code's indent, or indented deeper as a block's body is (``. . .`` elided).
    if not -2.0 <= line.x0 - above.x0 <= 4 * (line.size or 10.0):
        return False
    if not any(ch.isalnum() for ch in line.text):
        return True
    return (abs(line.x0 - above.x0) <= 2.0 and len(line.text.split()) <= 2
            and not pt.ends_clause(line.text))


def _numbered_opening(lines: tuple[CleanLine, ...], k: int, taken: set[int]) -> bool:
    """A numbered listing's first line number alone (its line is empty), over the code line
    numbered next: ``19`` ⏎ ``20 dif_id <- covariate > median(covariate)``."""
    text = lines[k].text.strip()
    if not (text.isdigit() and len(text) <= 4) or k + 1 >= len(lines) or k + 1 in taken:
        return False
    below = lines[k + 1]
    return (below.line.kind == "code" and below.page == lines[k].page
            and below.text.startswith(f"{int(text) + 1} "))


def _line_number(line: Line, above: Line, below: Line) -> bool:
    """A listing's line number alone in its margin, in smaller type (the number of an empty
    line of code): it stays in the listing, which goes on under it."""
    if not (line.text.strip().isdigit() and len(line.text.strip()) <= 4):
        return False
    if line.x1 is None or line.size is None or below.x0 is None or below.size is None:
        return False
    return line.x1 <= below.x0 and line.size < below.size and line.page == below.page == (
        above.page)


def _prose_tail(lines: tuple[CleanLine, ...], k: int, taken: set[int]) -> bool:
    """A typewriter line that ends the prose line above it: the rest of a URL broken at a
    slash or hyphen, or a file name or address that closes the sentence (``(www.…ps).``).
    Code does not end with a full stop."""
    if k == 0 or k - 1 in taken or lines[k - 1].line.kind == "code":
        return False
    above, line = lines[k - 1], lines[k]
    if above.page != line.page or line.blank_before:
        return False
    return above.text.rstrip().endswith(("-", "/")) or pt.ends_sentence(line.text)


def _turned(lines: tuple[CleanLine, ...], taken: set[int]) -> list[Apart]:
    """Text set turned up a margin (a journal's name up its first page's side, a
    repository's stamp, a plot's axis title), a block at a time: it stands beside the
    page's text, which goes on past it, as past a footnote. On the first page it belongs to
    the front matter; elsewhere a few words are a drawing's label. Letters set one by one
    along a curve are one label."""
    groups: list[Apart] = []
    run: list[int] = []

    def close() -> None:
        words = sum(len(lines[k].text.split()) for k in run)
        label = words <= _LABEL_WORDS or all(_glyph(lines[k]) for k in run)
        role: Role = ("front_matter" if lines[run[0]].page == 1 and _in_margin(lines, run)
                      else "figure" if label else "body")
        groups.append(Apart(tuple(run), role))
        run.clear()

    for k, c in enumerate(lines):
        turned = k not in taken and c.line.kind == TURNED
        if run and not (turned and c.page == lines[run[-1]].page and (
                c.line.block == lines[run[-1]].line.block
                or (_glyph(c) and _glyph(lines[run[-1]])))):
            close()
        if turned:
            run.append(k)
    if run:
        close()
    return groups


_LABEL_WORDS = 8  # words of a turned label, at most


_GLYPHS = 3  # characters of a piece of lettering set along a curve ("G", "TEX")


def _glyph(line: CleanLine) -> bool:
    """A few letters alone: lettering set along a curve (a seal's, a logo's ring of words)
    comes a glyph or a logo's piece at a time, each turned its own way."""
    return len(line.text.strip()) <= _GLYPHS


def _in_margin(lines: tuple[CleanLine, ...], run: list[int]) -> bool:
    """The turned lines stand left or right of all the page's other lines."""
    page = lines[run[0]].page
    text = [c.line for c in lines if c.page == page and c.line.kind != TURNED
            and c.line.x0 is not None and c.line.x1 is not None]
    turned = [lines[k].line for k in run]
    if not text or any(t.x0 is None or t.x1 is None for t in turned):
        return False
    left = min(t.x0 for t in text if t.x0 is not None)
    right = max(t.x1 for t in text if t.x1 is not None)
    return all(t.x1 is not None and t.x1 <= left for t in turned) or all(
        t.x0 is not None and t.x0 >= right for t in turned)
