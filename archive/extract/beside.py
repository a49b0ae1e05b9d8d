"""Blocks set side by side on the same rows: authors on a journal's title page.

A Journal of Statistical Software title page sets its authors in a row, each with an
affiliation under the name::

    Christian Kleiber          Achim Zeileis
    Universität Basel          Universität Innsbruck

Read row by row, that gives "Christian Kleiber Achim Zeileis" as one name. Rows that all
fall into the same number of pieces, an empty gutter an em and a half or more wide between them at
the same place on every row, are such blocks: each is read top to bottom, the left one
first, and its lines carry the kind ``"beside"`` and a block number of their own, so that
the block is one paragraph. A table's rows look much the same, so only blocks whose lines
are centred, as a title page's are, whose first line (the name) is set apart from the
next, in runs no longer than an author block, of pieces with words, are read so.
"""

from __future__ import annotations

import re
from itertools import pairwise

from archive.extract.fragment import Fragment

_GUTTER = 1.5  # ems between blocks set side by side (LaTeX's \and: 1 em and two column gaps)
_MAX_ROWS = 6  # name, affiliation, address, e-mail …: more rows are a table's
_CLOSE = 1.0  # ems of space between rows of one block
_AXIS = 2.0  # points: how far the middles of a centred block's lines may stray
_MAX_NAMES = 4  # names set in one row
_TITLE_WORDS = 12  # words of a row of a title over a byline
_NOTE_MARKS = "∗*†‡§¹²³⁴⁵⁶⁷⁸⁹⁰"
# An initial with its dot (``J.-P.``) or a word of letters (``O'Brien``, ``Jean-Luc``).
_NAME_WORD = re.compile(r"(?:[^\W\d_]\.-?)+|[^\W\d_]{2,}(?:[-'’][^\W\d_]{2,})*")


def read_beside(
    rows: list[list[Fragment]], fresh_block: int, title_page: bool = False
) -> list[list[Fragment]]:
    """``rows`` (the pieces of each visual line, in reading order) with every run of side-by-
    side blocks reordered block by block; new block numbers start at ``fresh_block``. On a
    ``title_page``, a row of names alone is read as one line a name, in its own block still:
    the byline is one paragraph, and each of its lines one name to the title page's reader."""
    out: list[list[Fragment]] = []
    i = 0
    while i < len(rows):
        run = _run(rows, i)
        if title_page and len(run) == 1 and _heading_rows(rows[:i]) and _names_only(run[0]):
            for cell in run[0]:
                for f in cell:
                    f.kind, f.block = "beside", fresh_block
                out.append(cell)
            fresh_block += 1
            i += 1
        elif 2 <= len(run) <= _MAX_ROWS and _worded(run) and _centred(run) and _named(run):
            for column in range(len(run[0])):
                for cells in run:
                    for f in cells[column]:
                        f.kind, f.block = "beside", fresh_block
                    out.append(cells[column])
                fresh_block += 1
            i += len(run)
        else:
            out.append(rows[i])
            i += 1
    return out


def _run(rows: list[list[Fragment]], start: int) -> list[list[list[Fragment]]]:
    """The rows from ``start`` on that split into the same blocks, each split in pieces."""
    if len(rows[start]) < 2:
        return []  # one fragment is one piece (most rows): no blocks side by side
    first = _pieces(rows[start])
    if len(first) < 2:
        return []
    run = [first]
    for row in rows[start + 1 :]:
        cells = _pieces(row)
        if len(cells) != len(first) or not _under(run[-1], cells):
            break
        run.append(cells)
    return run


def _pieces(row: list[Fragment]) -> list[list[Fragment]]:
    ordered = sorted(row, key=lambda f: f.x0)
    if any(f.kind is not None for f in ordered):
        return [ordered]  # code, a table's cells, a figure: not an author's lines
    pieces = [[ordered[0]]]
    for a, b in pairwise(ordered):
        if b.x0 - a.x1 >= _GUTTER * max(a.size, b.size):
            pieces.append([b])
        else:
            pieces[-1].append(b)
    return pieces


def _under(above: list[list[Fragment]], below: list[list[Fragment]]) -> bool:
    """Each piece of ``below`` sits under the same block as the piece of ``above``, close
    under it, and the gutters between the blocks stay empty on both rows."""
    top = max(f.y1 for cell in above for f in cell)
    bottom = min(f.y0 for cell in below for f in cell)
    size = max(f.size for cell in above + below for f in cell)
    if bottom - top > _CLOSE * size:
        return False
    spans = [
        (min(f.x0 for f in a + b), max(f.x1 for f in a + b), min(f.x0 for f in a),
         max(f.x1 for f in a), min(f.x0 for f in b), max(f.x1 for f in b))
        for a, b in zip(above, below, strict=True)
    ]
    if any(min(a1, b1) <= max(a0, b0) for _, _, a0, a1, b0, b1 in spans):
        return False  # a piece beside, not under, the one above
    return all(left[1] < right[0] for left, right in pairwise(spans))


def _centred(run: list[list[list[Fragment]]]) -> bool:
    """Each block's lines are centred on one axis, as a title page sets them; a table's
    columns are set flush left or right (a centred table column of names aside)."""
    ragged = False
    for column in range(len(run[0])):
        edges = [(min(f.x0 for f in cells[column]), max(f.x1 for f in cells[column]))
                 for cells in run]
        middles = [(x0 + x1) / 2 for x0, x1 in edges]
        if max(middles) - min(middles) > _AXIS:
            return False
        lefts = [x0 for x0, _ in edges]
        ragged = ragged or max(lefts) - min(lefts) > _AXIS
    return ragged


def _named(run: list[list[list[Fragment]]]) -> bool:
    """The first row, the names, is set apart from the row under it (larger or bold), as
    a table's cells, all in one face, are not."""
    names, under = run[0][0][0], run[1][0][0]
    return names.size >= under.size + 0.5 or names.bold != under.bold


def _heading_rows(above: list[list[Fragment]]) -> bool:
    """Only a title's (or a masthead's) few short rows are above: a byline opens a page,
    and a row of two capitalised pairs under the text is a table's head."""
    return len(above) <= _MAX_ROWS and all(
        len(" ".join(f.text for f in row).split()) <= _TITLE_WORDS for row in above
    )


def _names_only(cells: list[list[Fragment]]) -> bool:
    """A row of names alone, as LaTeX's ``\\author{A \\and B}`` sets them: a few pieces in
    one type, each of two to four capitalised words and nothing else."""
    if len(cells) > _MAX_NAMES:
        return False
    sizes = [f.size for cell in cells for f in cell]
    if max(sizes) - min(sizes) > 0.5:
        return False
    for cell in cells:
        words = [w.rstrip(_NOTE_MARKS) for w in " ".join(f.text for f in cell).split()]
        if not 2 <= len(words) <= 4 or not all(
            (w[:1].isupper() or _particle(words, k)) and _NAME_WORD.fullmatch(w)
            for k, w in enumerate(words)
        ):
            return False
    return True


_PARTICLE = 3  # letters of a particle inside a name (``van``, ``de``, ``von``)


def _particle(words: list[str], k: int) -> bool:
    """A short word in small letters between a name's first and last (Ton van Deursen)."""
    return 0 < k < len(words) - 1 and len(words[k]) <= _PARTICLE and words[k].islower()


def _worded(run: list[list[list[Fragment]]]) -> bool:
    """Every block of every row has words: names and places, not a table's numbers."""
    return all(
        sum(ch.isalpha() for f in cell for ch in f.text) >= 3 for cells in run for cell in cells
    )
