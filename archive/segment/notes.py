"""Notes set apart from the running text: with geometry, or as a text copy's extractor marked them.

* Footnotes: the run of lines at the foot of a page (or of a column) set smaller than the
  text above them, below a gap, opening with a note marker (``1``, ``*``, ``†``); each
  marker opens a note, and a line far below the notes (a licence at the foot) is none.
* Side notes: a narrow column set smaller than the body beside it (a wide margin for
  notes); each marker or gap opens a note.
* Notes a text copy's extractor found under a short rule at a page's foot (``kind``
  ``footnote``): each marker opens a note.
"""

from __future__ import annotations

import re
from statistics import median

from archive.clean import CleanLine
from archive.models import Line
from archive.segment.grouped import Apart

_PROSE_WORDS = 6  # words of a line of running text
_PROSE_LINES = 3  # lines of running text that give a page's own text size (not a title's)
_NOTE_MARK = re.compile(r"^(?:\d{1,2}(?!\d)|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,2}|[*∗⋆†‡§¶])(?=\s*\S)")


def margin_notes(
    lines: tuple[CleanLine, ...], used: set[int], body_size: float
) -> list[Apart]:
    """Side notes: a narrow column beside the text, all of it set smaller than the body
    (a Tufte-style margin). Each note opens with a marker or after a gap."""
    columns: dict[tuple[int, int], list[int]] = {}
    for k, c in enumerate(lines):
        if c.line.x0 is not None and c.line.x1 is not None and c.line.column:
            columns.setdefault((c.page, c.line.column), []).append(k)
    widths = {key: _extent(lines, members) for key, members in columns.items()}
    groups: list[Apart] = []
    for (page, column), members in columns.items():
        widest = max(w for (p, _), w in widths.items() if p == page)
        small = all((lines[k].line.size or body_size) <= body_size - 0.8 for k in members)
        if not small or widths[(page, column)] > 0.6 * widest or any(k in used for k in members):
            continue
        note: list[int] = []
        for k in members:
            c = lines[k]
            if note and (c.blank_before or _NOTE_MARK.match(c.text)):
                groups.append(Apart(tuple(note), "footnote"))
                note = []
            note.append(k)
        groups.append(Apart(tuple(note), "footnote"))
    return groups


def _extent(lines: tuple[CleanLine, ...], members: list[int]) -> float:
    return max(lines[k].line.x1 or 0.0 for k in members) - min(
        lines[k].line.x0 or 0.0 for k in members
    )


def footnotes(lines: tuple[CleanLine, ...], used: set[int], body_size: float) -> list[Apart]:
    # Notes stand at the foot of their column (of the page, when they span the columns).
    by_column: dict[tuple[int, int], list[int]] = {}
    for k, c in enumerate(lines):
        if c.line.y0 is not None and c.line.size is not None:
            by_column.setdefault((c.page, c.line.column or 0), []).append(k)
    groups: list[Apart] = []
    for members in by_column.values():
        # The notes are set smaller than the text above them: than the document's text, or
        # than this page's where most of the document is a table in small type.
        own = [lines[k].line.size or body_size for k in members
               if lines[k].line.kind is None and len(lines[k].text.split()) >= _PROSE_WORDS]
        text_size = max(body_size, median(own)) if len(own) >= _PROSE_LINES else body_size
        run: list[int] = []
        for k in sorted(members, key=lambda k: lines[k].line.y0 or 0.0, reverse=True):
            c = lines[k]
            if (c.line.size or body_size) > text_size - 0.8:
                break
            if k not in used:  # an author's e-mail among the notes is front matter
                run.append(k)
        run.reverse()
        # The run starts with a note marker, below a gap that parts it from the text above.
        while run and not _NOTE_MARK.match(lines[run[0]].text):
            run.pop(0)
        if not run or not _below_gap(lines, members, run[0]):
            continue
        note: list[int] = []
        for k in run:
            if note and _far_below(lines[note[-1]].line, lines[k].line):
                break  # a line at the foot below the notes (a licence) is none of them
            if note and _NOTE_MARK.match(lines[k].text) and _starts_note(lines, note[0], k):
                groups.append(Apart(tuple(note), "footnote"))
                note = []
            note.append(k)
        groups.append(Apart(tuple(note), "footnote"))
    return groups


def _below_gap(lines: tuple[CleanLine, ...], members: list[int], k: int) -> bool:
    line = lines[k].line
    above = [lines[j].line for j in members
             if (lines[j].line.y1 or 0) <= (line.y0 or 0) + 1 and j != k]
    if not above:
        return False
    size = line.size or 8.0
    gap = (line.y0 or 0) - max(a.y1 or 0 for a in above)
    if gap >= 0.5 * size:
        return True
    # A font's boxes may be far taller than its size (Charis SIL: 1.66 em) and close the gap
    # between boxes: the baselines then say it, a line's pitch and half a size more apart.
    last = max(above, key=lambda a: a.y1 or 0)
    if line.baseline is None or last.baseline is None:
        return False
    pitch = _PITCH * max(last.size or size, size)
    return line.baseline - last.baseline - pitch >= 0.5 * size


_PITCH = 1.2  # a line's pitch, in sizes of its type
_NOTES_APART = 3.0  # lines' pitches between a note and a line that is none of them


def _far_below(above: Line, line: Line) -> bool:
    if above.y1 is None or line.y0 is None:
        return False
    return line.y0 - above.y1 > _NOTES_APART * _PITCH * (line.size or 8.0)


_MARK_BOX = 6.0  # points: markers are set flush right in a box, "⋆" and "⋆⋆" start apart


def _starts_note(lines: tuple[CleanLine, ...], first: int, k: int) -> bool:
    """A marker at the left edge where the first note began opens another note."""
    return abs((lines[k].line.x0 or 0) - (lines[first].line.x0 or 0)) <= _MARK_BOX


def marked_notes(lines: tuple[CleanLine, ...], taken: set[int]) -> list[Apart]:
    """Notes a text copy's extractor found under a short rule at a page's foot: each
    opening line (its mark first) opens a note."""
    groups: list[Apart] = []
    note: list[int] = []
    for k, c in enumerate(lines):
        inside = k not in taken and c.line.kind == "footnote"
        if note and (not inside or k != note[-1] + 1 or _NOTE_MARK.match(c.text)):
            groups.append(Apart(tuple(note), "footnote"))
            note = []
        if inside:
            note.append(k)
    if note:
        groups.append(Apart(tuple(note), "footnote"))
    return groups
