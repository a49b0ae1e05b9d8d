"""Notes in a page's margins, told from the lines of text they stand beside.

A note in the left margin (a macro's name a TeX source's documentation prints there, a
law's marginal heading) and one in the right margin (a book's marginalia, in small type
past the edge where the text's lines end) share a row with a line of text; they are no
words of it. Both are side headings, read apart from the line.

Pure functions over rows of fragments (``archive.extract.rows``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from archive.extract.columns import bare_number
from archive.extract.fragment import Fragment

_EDGE_ROWS = 3  # rows that start at one left edge for it to be the text's
_NOTE_SHARE = 4  # rows beside a margin note: at most one in this many
_NOTE_WORDS = 4  # words of a margin note
_OPTION = re.compile(r"^\[?--?[^\W\d_]")  # a command line's option: -c, --help, [-v]


def margin_notes(rows: list[list[Fragment]]) -> list[list[Fragment]]:
    """A note in the left margin beside a line of text (a macro's name that a TeX source's
    documentation prints there, a law's marginal heading) is a line of its own, before the
    line it stands beside: not the line's first words."""
    edges = Counter((row[0].column, round(min(f.x0 for f in row))) for row in rows)
    left: dict[int, int] = {}
    frequent: dict[int, set[int]] = {}  # where many rows start: the text's, a listing's
    for (column, x0), n in edges.most_common():
        if n >= _EDGE_ROWS:
            left.setdefault(column, x0)
            frequent.setdefault(column, set()).add(x0)
    # Notes are few beside the text: where many rows reach left of the edge, the edge is
    # a second column's, or the text's own is ragged.
    outside = Counter(row[0].column for row in rows if row[0].column in left and any(
        f.x1 < left[row[0].column] - f.size for f in row))
    columns = Counter(row[0].column for row in rows)
    out: list[list[Fragment]] = []
    deferred: list[list[Fragment]] = []
    for row in rows:
        column = row[0].column
        edge = left.get(column)
        if edge is not None and len(row) > 1 and outside[column] * _NOTE_SHARE <= columns[column]:
            note = [f for f in row if f.x1 < edge - f.size]
            text = [f for f in row if f.x1 >= edge - f.size]
            if bare_number(" ".join(f.text for f in text)):
                text = []  # a contents entry's page number, no line of text
            if note and text:
                # The text beside it starts at (or is indented from) the first edge where
                # many rows start right of the note, be it left of the commonest one (a
                # listing's numbered lines set in from the text).
                right = [x for x in frequent[column] if x > max(f.x1 for f in note)]
                if not right or min(f.x0 for f in text) < min(right) - 1.0:
                    text = []
            # A line's number in the margin stays with its line: a note has a few words.
            words = " ".join(f.text for f in note).split()
            worded = 0 < len(words) <= _NOTE_WORDS and any(ch.isalpha() for w in words for ch in w)
            # So does a program's option: the term its line describes (``-c`` ⏎ ``Specify …``).
            worded = worded and not _OPTION.match(words[0])
            if note and text and worded and len(note) + len(text) == len(row):
                for f in note:
                    f.kind = "heading"  # a side heading, whatever its face
                if _opens(out[-1] if out else None, text, edge):
                    out += [note, text]
                else:
                    out.append(text)  # beside a paragraph's middle: after the page's text
                    deferred.append(note)
                continue
        out.append(row)
    return out + deferred


_OUTER_TYPE = 0.9  # of the text's size: notes in the outer margin are set smaller
_FULL_LINE = 6  # words of a full line of running text
_END_SPREAD = 4.0  # points: the ends of a justified text's lines lie this close
_FLUSH = 2.0  # points: a note's lines start this close
_LEADING = 0.6  # of the type size: the most white between two lines of one note


def outer_notes(rows: list[list[Fragment]]) -> list[list[Fragment]]:
    """Notes in the right margin (a book's marginalia, in small type an em and more past
    the edge where the text's lines end) are no words of the lines beside them: side
    headings, they follow the page's text, each note in a row of its own."""
    ends = sorted(max(f.x1 for f in row) for row in rows)
    # Most pages have nothing right of where half their lines end: nothing to weigh.
    if not ends or not any(f.x0 > ends[len(ends) // 2] for row in rows for f in row):
        return rows
    sizes: Counter[tuple[int, float]] = Counter()
    for row in rows:
        for f in row:
            if f.kind is None:
                sizes[(f.column, f.size)] += len(f.text)
    text_size: dict[int, float] = {}  # the type most of each column's letters are set in
    for (column, size), _ in sizes.most_common():
        text_size.setdefault(column, size)
    # Where the lines of running text end: full lines in the text's type, a few points
    # apart at most (justified lines).
    full = Counter((row[0].column, round(last.x1 / _END_SPREAD)) for row in rows
                   if (last := max(row, key=lambda f: f.x1)).kind is None
                   and last.size == text_size.get(last.column)
                   and sum(len(f.text.split()) for f in row) >= _FULL_LINE)
    right: dict[int, float] = {}
    for (column, bucket), n in full.most_common():
        if n >= _EDGE_ROWS:
            right.setdefault(column, (bucket + 1) * _END_SPREAD)

    def outer(f: Fragment) -> bool:
        edge = right.get(f.column)
        return (edge is not None and f.kind is None and f.x0 >= edge + f.size
                and f.size <= _OUTER_TYPE * text_size[f.column]
                and 0 < len(f.text.split()) <= _NOTE_WORDS
                and any(ch.isalpha() for ch in f.text)  # no line's number in the margin
                and not bare_number(f.text))  # nor a page's roman number at its corner

    notes = [f for row in rows for f in row if outer(f)]
    noted = Counter(f.column for f in notes)
    if not notes or any(n * _NOTE_SHARE > sum(row[0].column == column for row in rows)
                        for column, n in noted.items()):
        return rows  # none, or so many that the "notes" are a column of their own
    taken = {id(f) for f in notes}
    for f in notes:
        f.kind = "heading"  # a side heading, as a note in the left margin is
    out = [kept for row in rows if (kept := [f for f in row if id(f) not in taken])]
    return out + [[note] for note in _whole_notes(notes)]


def _whole_notes(lines: list[Fragment]) -> list[Fragment]:
    """The lines of each note joined: a line flush under the one before it, at its type's
    leading, goes on with it."""
    out: list[Fragment] = []
    for f in lines:
        last = out[-1] if out else None
        if (last is not None and abs(f.x0 - last.x0) <= _FLUSH
                and -_LEADING * last.size <= f.y0 - last.y1 <= _LEADING * last.size):
            out[-1] = replace(last, text=f"{last.text} {f.text}", x1=max(last.x1, f.x1),
                              y1=f.y1, raised=(), small=())
        else:
            out.append(f)
    return out


def _opens(above: list[Fragment] | None, row: list[Fragment], edge: int) -> bool:
    """``row`` opens a paragraph by its look: first on the page, set off by a skip, indented,
    or under a line that ends a sentence."""
    if above is None:
        return True
    first = min(row, key=lambda f: f.x0)
    last = max(above, key=lambda f: f.x1)
    skip = min(f.y0 for f in row) - max(f.y1 for f in above)
    return (
        skip > 0.5 * first.size or first.x0 > edge + 1.0
        or last.text.rstrip().endswith((".", ":", "!", "?"))
    )
