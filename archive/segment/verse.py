"""Stanzas of verse: a poem quoted in an article, a songbook's songs.

A stanza is set line by line, each line opening with a capital, and ends at a gap; a line
ending a sentence ("Что ж вы ботик потопили?") does not end the stanza, which a reader cites
whole. Prose set in ragged short lines looks alike only briefly, so a run counts as verse
when it is long enough and some of its lines end mid-clause (on a comma, or on no mark at
all) before a capital: prose never breaks so.
"""

from __future__ import annotations

import re

from archive import lineshapes as pt
from archive.clean import CleanLine
from archive.segment.shapes import FULL

_MIN_LINES = 3
_MAX_CHARS = 70  # a verse line is short, whatever the measure it is set on
# A line opening a verse line: a capital, maybe after a quotation mark or a dash.
_OPENING = re.compile(r"^[«\"“„'‘(—–-]?\s?[^\W\d_]")
# A "key: value" line (a program's fields, a form) is no verse line.
_KEYED = re.compile(r"^[^\W\d_][\w .-]{0,24}:\s")


def _verse_line(c: CleanLine) -> bool:
    text = c.text
    return (
        len(text) <= _MAX_CHARS
        and c.line.kind is None
        and _OPENING.match(text) is not None
        and pt.starts_upper(text)
        and not pt.is_caps(text)
        and not _KEYED.match(text)
        and not text[-1:].isdigit()  # a contents line's page, a table's row
    )


def _mid_clause(text: str) -> bool:
    """The line ends before the clause does: on a comma or with no mark."""
    end = text.rstrip("»\"”’)")[-1:]
    return end == "," or end.isalpha()


def stanza_joins(lines: tuple[CleanLine, ...], skip: set[int]) -> frozenset[int]:
    """Indices of the lines that go on a stanza: each is joined to the line before it."""
    joins: set[int] = set()
    run: list[int] = []

    def close() -> None:
        if len(run) >= _MIN_LINES:
            inner = [lines[k].text for k in run[:-1]]
            breaks = sum(map(_mid_clause, inner))
            sentences = sum(pt.ends_sentence(text) for text in inner)
            # Mostly lines ending mid-clause before a capital, at least two of them, one on
            # a comma; and sentences ending in it: not a table's rows, nor an address.
            if breaks >= 2 and breaks >= sentences and any(t.endswith(",") for t in inner) and (
                    sentences or pt.ends_sentence(lines[run[-1]].text)) and _ragged(
                    [lines[k] for k in run]):
                joins.update(run[1:])
        run.clear()

    last: CleanLine | None = None
    for k, c in enumerate(lines):
        if k in skip:
            close()
            last = None
            continue
        apart = last is None or c.blank_before or c.page != last.page or (
            c.line.column != last.line.column)
        if not _verse_line(c):
            close()
        else:
            if apart or (last is not None and not _aligned(last, c)):
                close()
            run.append(k)
        last = c
    close()
    return frozenset(joins)


def _ragged(run: list[CleanLine]) -> bool:
    """The lines end where their words do, not at a common right edge as justified prose
    does (all but its last line): at most half of them reach the run's longest."""
    if any(c.line.x1 is None for c in run):
        return all(c.fill < FULL for c in run)
    right = max(c.line.x1 or 0.0 for c in run)
    return 2 * sum(right - (c.line.x1 or 0.0) <= 1.5 for c in run) <= len(run)


def _aligned(a: CleanLine, b: CleanLine) -> bool:
    """Set from one left edge (or, without geometry, any)."""
    if a.line.x0 is None or b.line.x0 is None:
        return True
    return abs(a.line.x0 - b.line.x0) <= 2.0
