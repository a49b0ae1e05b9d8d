"""Front matter found at line level, wherever reading order put it.

PDF reading order often drops the title-page box (©, DOI, УДК/ГРНТИ, the author block, the
title in capitals) into the middle of the body. Those lines are taken out of the line stream
before paragraphs are built, so the body paragraph or list they interrupted is joined again,
and they come back as front-matter paragraphs of their own:

* each announced element (© line, DOI, classification codes, e-mail, ORCID) is one paragraph;
* an author block is the name line, then one paragraph for rank and affiliation (the lines up
  to the e-mail or the next blank line), then the e-mail line; when the names carry note
  markers and the affiliations open with them (``¹әл-Фараби …``, ``2 Narxoz …``), each
  affiliation is a paragraph of its own — such a block is front matter anywhere, even in
  the end matter after the references;
* a title in capitals next to such elements (or opening the document) is one paragraph,
  even when blank lines split it.
"""

from __future__ import annotations

from dataclasses import dataclass

from archive import lineshapes as pt
from archive.clean import CleanLine

_NEAR = 6  # lines: how close a name line must be to announced front matter


@dataclass(frozen=True, slots=True)
class FrontGroup:
    """Positions (in the cleaned line list) of the lines of one front-matter paragraph."""

    positions: tuple[int, ...]
    kind: str  # "element" | "name" | "affiliation" | "title"


def _announced(text: str) -> bool:
    if len(text) > 160:
        return False
    return pt.ANNOUNCED.match(text) is not None or pt.has_orcid(text)


def _starts_fresh(lines: tuple[CleanLine, ...], k: int) -> bool:
    """The line does not continue the previous one's sentence."""
    if k == 0:
        return True
    c = lines[k]
    prev = lines[k - 1].text
    return (
        c.blank_before
        or c.after_cut
        or c.font_change
        or pt.ends_clause(prev)
        or _announced(prev)
        or (not prev.endswith((",", "-"))
        and lines[k - 1].fill < 0.8)
    )


def find_front_matter(lines: tuple[CleanLine, ...]) -> list[FrontGroup]:
    """Front-matter paragraphs, as groups of line positions, in document order."""
    n = len(lines)
    taken: set[int] = set()
    groups: list[FrontGroup] = []
    refs = next((k for k in range(n) if pt.REFERENCES_HEADING.match(lines[k].text)), n)
    # A labelled line (DOI, УДК, e-mail …) is front matter wherever it is, unless it is the
    # second half of a broken word or part of a reference list.
    announced = [
        k
        for k in range(refs)
        if _announced(lines[k].text) and not (k and pt.ends_with_hyphen(lines[k - 1].text))
    ]
    for k in announced:
        run = [k, *_element_goes_on(lines, k, set(announced))]
        taken.update(run)
        groups.append(FrontGroup(tuple(run), "element"))
    # Author blocks: a bare name line near announced elements or at the very top.
    for k in range(n):
        if k in taken or not pt.NAME_LINE.match(lines[k].text) or len(lines[k].text) > 80:
            continue
        keyed = _keyed(lines, k)
        near = any(abs(k - a) <= _NEAR for a in announced) or k < 3 or keyed
        if not near or not _starts_fresh(lines, k):
            continue
        taken.add(k)
        groups.append(FrontGroup((k,), "name"))
        for run in _affiliations(lines, k + 1, taken, keyed):
            taken.update(run)
            groups.append(FrontGroup(tuple(run), "affiliation"))
    # A title in capitals next to the front matter (blank lines may split it).
    k = 0
    while k < n:
        if k in taken or not _title_line(lines[k]):
            k += 1
            continue
        run = [k]
        j = k + 1
        # A change of type ends it: the author's name in capitals under the title.
        while j < n and j not in taken and not lines[j].font_change and (
            _title_line(lines[j]) or _caps_remainder(lines[j - 1], lines[j])
        ):
            run.append(j)
            j += 1
        before = run[0] - 1
        after = run[-1] + 1
        beside_front = before in taken or after in taken or run[0] == 0
        if beside_front and sum(len(lines[r].text.split()) for r in run) >= 3:
            taken.update(run)
            groups.append(FrontGroup(tuple(run), "title"))
        k = j
    groups.sort(key=lambda g: g.positions[0])
    return groups


def _element_goes_on(lines: tuple[CleanLine, ...], k: int, announced: set[int]) -> list[int]:
    """The lines an announced element wraps onto: after a comma, in the same type, a line
    that carries on its list (``Email addresses: a@x.org (A),`` ⏎ ``b@y.org (B)``)."""
    out: list[int] = []
    j = k
    while (
        lines[j].text.rstrip().endswith(",") and j + 1 < len(lines) and j + 1 not in announced
        and not lines[j + 1].blank_before and not lines[j + 1].font_change
        and pt.EMAIL.search(lines[j + 1].text) is not None
    ):
        j += 1
        out.append(j)
    return out


def _keyed(lines: tuple[CleanLine, ...], k: int) -> bool:
    """Names carrying note markers, the next line opening with one (``¹әл-Фараби …``)."""
    text = lines[k].text
    return (
        k + 1 < len(lines)
        and any(ch in pt.SUPERSCRIPTS or ch.isdigit() for ch in text)
        and pt.NOTE_MARKER.match(lines[k + 1].text) is not None
    )


def _affiliations(
    lines: tuple[CleanLine, ...], j: int, taken: set[int], keyed: bool
) -> list[list[int]]:
    """The affiliation paragraphs under a name line.

    Unkeyed: one paragraph, the lines up to a blank line or the next announced element.
    Keyed by note markers: one paragraph per marker, ending at the first line that neither
    opens with a marker nor continues a wrapped one (the title that follows, say).
    """
    runs: list[list[int]] = []
    n = len(lines)
    while j < n and j not in taken and not lines[j].blank_before and not lines[j].after_cut:
        text = lines[j].text
        if pt.NAME_LINE.match(text) or sum(map(len, runs)) >= 8:
            break
        if keyed and pt.NOTE_MARKER.match(text):
            runs.append([j])
        elif keyed and runs and not _continues(lines[j - 1].text, text):
            break
        elif runs:
            runs[-1].append(j)
        else:
            runs.append([j])
        j += 1
    return runs


def _continues(prev: str, text: str) -> bool:
    return prev.endswith((",", "-", "–")) or not pt.starts_upper(text)


def _caps_remainder(prev: CleanLine, c: CleanLine) -> bool:
    """The rest of a word in capitals broken at the end of a title line (``АСПЕКТІ-`` +
    ``ЛЕРІ``): too short to count as a title line on its own."""
    return pt.ends_with_hyphen(prev.text) and pt.is_caps(c.text, 2) and len(c.text) <= 160


def _title_line(c: CleanLine) -> bool:
    return pt.is_caps(c.text) and not pt.LIST_MARKER.match(c.text) and len(c.text) <= 160
