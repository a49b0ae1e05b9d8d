"""Lines that stand apart from the reading flow: code blocks and footnotes.

Both stand outside the running text. A footnote interrupts it without ending its sentence:
the paragraph goes on after the note at the foot of its page, so the lines around a note are
joined as if they were adjacent. A code block is a block of its own on the page: the text
after it starts a new paragraph, even in lower case ("where x is …"), as readers cite it.
Both become paragraphs of their own (roles ``code`` and ``footnote``).

* Code: consecutive lines the extractor marked ``code`` (a monospaced font; a PDF's line
  opening with an interpreter prompt ``R>`` / ``>>>``), or the lines between Markdown
  fences in a text copy. A code block keeps its line breaks.
* Footnotes (with geometry): the run of lines at the foot of a page set smaller than the
  body text, below a gap, opening with a note marker (``1``, ``*``, ``†``); each marker
  opens a note.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass

from archive.clean import CleanLine

_FENCE = re.compile(r"^\s*(```|~~~)")
_ADDRESS = re.compile(
    r"^(?:(?:doi|url|e-?mail)\s*:?\s*)?(?:https?://|www\.|10\.\d{4,9}/|[\w.+-]+@[\w-]+\.)\S*$",
    re.IGNORECASE,
)
_NOTE_MARK = re.compile(r"^(?:\d{1,2}|[*†‡§¶])(?=\s*\S)")


@dataclass(frozen=True, slots=True)
class Apart:
    positions: tuple[int, ...]  # in the cleaned line list
    role: str  # "code" | "footnote"


def apart_groups(
    lines: tuple[CleanLine, ...], taken: set[int], body_size: float | None
) -> list[Apart]:
    """Code blocks and footnotes, as groups of line positions, in document order."""
    groups = _code(lines, taken)
    used = taken | {k for g in groups for k in g.positions}
    if body_size is not None:
        groups += _footnotes(lines, used, body_size)
    return sorted(groups, key=lambda g: g.positions[0])


def code_text(lines: list[CleanLine]) -> str:
    """A code block's text: its lines as printed, fences dropped, line breaks and blank lines
    kept, and the indentation the whole block shares (its place on the page) taken off."""
    kept: list[str] = []
    for c in lines:
        if not _FENCE.match(c.line.text):
            kept += ["", c.line.text.rstrip()] if kept and c.line.blank_before else [
                c.line.text.rstrip()]
    while kept and not kept[0].strip():
        kept.pop(0)
    return textwrap.dedent("\n".join(map(_leading_tabs_expanded, kept))).strip("\n")


def _leading_tabs_expanded(text: str) -> str:
    body = text.lstrip()
    return text[: len(text) - len(body)].expandtabs(8) + body


def _code(lines: tuple[CleanLine, ...], taken: set[int]) -> list[Apart]:
    groups: list[Apart] = []
    run: list[int] = []
    fenced = False
    for k, c in enumerate(lines):
        fence = c.line.y0 is None and _FENCE.match(c.line.text) is not None
        inside = k not in taken and (c.line.kind == "code" or fenced or fence)
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
    # Addresses are set in typewriter type too: a DOI, URL or e-mail alone is not code.
    return [g for g in groups if not all(_ADDRESS.match(lines[k].text) for k in g.positions)]


def _footnotes(lines: tuple[CleanLine, ...], used: set[int], body_size: float) -> list[Apart]:
    by_page: dict[int, list[int]] = {}
    for k, c in enumerate(lines):
        if c.line.y0 is not None and c.line.size is not None:
            by_page.setdefault(c.page, []).append(k)
    groups: list[Apart] = []
    for members in by_page.values():
        run: list[int] = []
        for k in sorted(members, key=lambda k: lines[k].line.y0 or 0.0, reverse=True):
            c = lines[k]
            if k in used or (c.line.size or body_size) > body_size - 0.8:
                break
            run.append(k)
        run.reverse()
        # The run starts with a note marker, below a gap that parts it from the text above.
        while run and not _NOTE_MARK.match(lines[run[0]].text):
            run.pop(0)
        if not run or not _below_gap(lines, members, run[0]):
            continue
        note: list[int] = []
        for k in run:
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
    gap = (line.y0 or 0) - max(a.y1 or 0 for a in above)
    return gap >= 0.5 * (line.size or 8.0)


def _starts_note(lines: tuple[CleanLine, ...], first: int, k: int) -> bool:
    """A marker at the left edge where the first note began opens another note."""
    return abs((lines[k].line.x0 or 0) - (lines[first].line.x0 or 0)) <= 3.0
