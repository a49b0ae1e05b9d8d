"""The raw lines the metadata readers scan, and how wrapped lines are put back together.

Front matter may land anywhere in reading order and the segmenter may misjudge it, so the
readers look at the extractor's lines directly. ``Rows`` holds the non-empty lines of the
pages that carry front matter (the first two and the last two) plus what is needed to
read them: which lines are running headers/footers, and the document's own vocabulary of
hyphenated words, used to decide whether a hyphen at a line end is a compound's or a break's.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from ..models import Document, Line, Segmentation
from ..textcopy import double_spaced

# From a word's start, without giving letters back: the same words as ``\w+(?:-\w+)+``,
# which tried every letter of every word and took each one back before failing.
_HYPHENATED = re.compile(r"(?<!\w)\w++(?:-\w++)+")
_BREAK = re.compile(r"(\w+)-$")
_FIRST_WORD = re.compile(r"^(\w+)")


@dataclass(frozen=True, slots=True)
class Row:
    text: str  # stripped
    page: int
    blank_before: bool
    index: int  # position among all rows, for distances
    size: float | None = None
    key: str = ""  # ``noise_key(text)``, computed once: every reader asks ``is_noise``
    raised: tuple[tuple[int, int], ...] = ()  # superscript ranges of ``text`` (Line.raised)
    small: tuple[tuple[int, int], ...] = ()  # ranges in smaller type (Line.small)
    bold: bool = False


@dataclass(frozen=True, slots=True)
class Rows:
    rows: tuple[Row, ...]
    # Normalised texts of running headers/footers, with the smallest type size they were
    # seen in: a title repeated as a running head is still the title where set larger.
    noise: dict[str, float | None]
    compounds: frozenset[str]  # hyphenated words seen inside lines, lower case
    last_page: int
    # The text of the paragraphs the segmenter found to be reference entries or footnotes,
    # spaces removed and lower-cased: a DOI or page range found there is someone else's.
    cited: str = ""

    def in_references(self, text: str) -> bool:
        key = "".join(text.split()).casefold()
        return bool(key) and key in self.cited

    def is_noise(self, row: Row) -> bool:
        if row.key not in self.noise:
            return False
        smallest = self.noise[row.key]
        return not (row.size and smallest and row.size > smallest * 1.15)


_DIGITS_AND_SPACES = re.compile(r"[\d\s]+")
_DIGIT = re.compile(r"\d")


def noise_key(text: str) -> str:
    """Running heads repeat with a changing page number: compare them without digits."""
    if _DIGIT.search(text) is None:  # most lines: only the spaces to collapse
        return " ".join(text.split()).casefold()
    return _DIGITS_AND_SPACES.sub(" ", text).strip().casefold()


_BOOKENDED_PAGES = 4  # pages a document needs for its first and last to bracket the rest


def build_rows(doc: Document, seg: Segmentation) -> Rows:
    all_lines = [ln for ln in doc.lines if ln.text.strip()]
    last = max((ln.page for ln in all_lines), default=1)
    keys_of = [noise_key(ln.text) for ln in all_lines]
    counts = Counter(
        key for key, ln in zip(keys_of, all_lines, strict=True) if len(ln.text.strip()) > 3
    )
    # Lines the segmenter kept as front matter repeat on purpose (an affiliation under the
    # names of each language's block): repetition alone does not make them running heads.
    front = {noise_key(b.text) for b in seg.blocks if b.role == "front_matter"}
    # Nor do a title page's names met again in the address block closing the paper (JSS's
    # "Affiliation:"): a running line stands on the pages between.
    pages: dict[str, set[int]] = {}
    for key, ln in zip(keys_of, all_lines, strict=True):
        pages.setdefault(key, set()).add(ln.page)
    ends = {1, last} if last >= _BOOKENDED_PAGES else set()
    keys = {key for key, n in counts.items()
            if n >= 2 and re.search(r"\w", key) and not pages[key] <= ends} - front
    keys |= {noise_key(a.text) for a in seg.artifacts}
    noise: dict[str, float | None] = dict.fromkeys(keys)
    for ln, key in zip(all_lines, keys_of, strict=True):
        if key in noise and ln.size:
            seen = noise[key]
            noise[key] = ln.size if seen is None else min(seen, ln.size)
    compounds = {
        w.casefold()
        for ln in all_lines
        if "-" in ln.text
        for w in _HYPHENATED.findall(ln.text.rstrip("-"))
    }
    rows: list[Row] = []
    # A skipped blank line or skipped middle page both end a paragraph; in a double-spaced
    # copy a blank line is only the spacing.
    spaced = double_spaced(doc)
    blank = False
    above: Line | None = None
    keys_left = iter(keys_of)  # the keys of the non-empty lines, in order
    for ln in doc.lines:
        if not ln.text.strip():
            blank = True
            continue
        key = next(keys_left)
        if not (ln.page <= 2 or ln.page >= last - 1):
            blank = True
            continue
        # A block set beside another (an author's name over an affiliation) opens apart.
        beside = ln.kind == "beside" and (above is None or above.block != ln.block)
        gap = (ln.blank_before and not spaced) or blank or beside
        above = ln
        whole = ln.text == ln.text.strip()  # else the ranges would be off
        rows.append(Row(ln.text.strip(), ln.page, gap, len(rows), ln.size, key,
                        ln.raised if whole else (), ln.small if whole else (), ln.bold))
        blank = False
    cited = "\n".join(
        "".join(b.text.split()).casefold()
        for b in seg.blocks if b.role in ("reference", "footnote")
    )
    return Rows(tuple(rows), noise, frozenset(compounds), last, cited)


def note_marks(row: Row) -> list[tuple[int, int]]:
    """The superscripts of ``row`` that are note marks: glued to the end of a word
    (``Style¹``, ``Allaire^a``, ``title⋆,⋆⋆``), not a raised letter inside one (``LᴬTeX``)."""
    text = row.text
    return [
        (a, b) for a, b in row.raised
        if a > 0 and not text[a - 1].isspace() and (b >= len(text) or not text[b].isalnum())
    ]


def marked_text(row: Row, mark: str = "") -> str:
    """``row.text`` with each note mark replaced by ``mark`` (dropped by default)."""
    text = row.text
    for a, b in reversed(note_marks(row)):
        text = text[:a] + mark + text[b:]
    return text


def own_type_text(row: Row) -> str:
    """``row.text`` without its note marks and without the smaller type at either end: a
    title is set in one size, and words of another size on its baseline (a neighbouring
    column's cell, ``< файл Памятка по Debian``) are not part of it."""
    text = row.text
    start, end = 0, len(text)
    for a, b in row.small:  # ranges come in order: eat them from the left while they touch
        if not text[start:a].strip():
            start = max(start, b)
    for a, b in reversed(row.small):
        if not text[b:end].strip():
            end = min(end, a)
    if start >= end:
        start, end = 0, len(text)  # all of it small: the line is in one size after all
    kept = text[start:end]
    for a, b in reversed(note_marks(row)):
        if start <= a and b <= end:
            kept = kept[: a - start] + kept[b - start :]
    return kept.strip()


def join_lines(lines: list[str], compounds: frozenset[str] = frozenset()) -> str:
    """Join wrapped lines into one string, repairing words broken at a line end.

    A hyphen at a line end is dropped (``Ұй-`` + ``ымы`` → ``Ұйымы``) unless the hyphenated
    form occurs unbroken elsewhere in the document (``іс-`` + ``шаралар`` → ``іс-шаралар``).
    """
    out = ""
    for raw in lines:
        line = " ".join(raw.split())
        if not line:
            continue
        if not out:
            out = line
            continue
        # Only the last word can be broken: searching all of ``out`` would be quadratic.
        broken = _BREAK.search(out, out.rfind(" ") + 1) if out.endswith("-") else None
        first = _FIRST_WORD.match(line)
        if broken and first and not out.endswith(" -"):
            compound = f"{broken.group(1)}-{first.group(1)}".casefold()
            tail = out.rsplit(" ", 1)[-1].rstrip("-")
            whole = f"{tail}-{first.group(1)}".casefold()
            keep = compound in compounds or whole in compounds
            out = out + line if keep else out[:-1] + line
        else:
            out = f"{out} {line}"
    return out


def paragraphs(
    rows: list[Row], starts: Callable[[str], object] = lambda _: False
) -> list[list[Row]]:
    """Group rows into paragraphs at blank lines and before rows for which ``starts`` holds.

    Blank lines are evidence only; a label (``Keywords:``) always opens a paragraph.
    """
    groups: list[list[Row]] = []
    for row in rows:
        if not groups or row.blank_before or starts(row.text):
            groups.append([row])
        else:
            groups[-1].append(row)
    return groups


def title_like(text: str) -> bool:
    """Long enough to be a title rather than a rubric or a label, and made of words more
    than of numbers (not a row of a program's output, ``FALSE FALSE 3.314286 …``)."""
    letters = sum(ch.isalpha() for ch in text)
    solid = len(text) - text.count(" ")
    return letters >= 15 and len(text.split()) >= 2 and 2 * letters >= solid


def is_caps(text: str) -> bool:
    """Mostly capital letters: a title or rubric set in capitals."""
    if text.islower():
        return False  # most lines: not one capital
    # More small letters than 15 % of the whole line already rule it out (in integers, so
    # the verdict is the full count's to the last letter).
    small = 0
    for ch in text:
        if ch.isalpha() and not ch.isupper():
            small += 1
            if 20 * small > 3 * len(text):
                return False
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) < 4:
        return False
    upper = sum(1 for ch in letters if ch.isupper())
    return upper / len(letters) >= 0.85
