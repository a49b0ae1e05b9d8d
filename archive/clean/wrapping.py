"""Fixed-width wraps of text copies: at what width, which stretches are wrapped narrower (two
columns copied as one), and the shortest head it breaks off a word. Whether a copy is wrapped
at all is ``archive.textcopy.is_wrapped``, which the metadata stage asks too."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import pairwise

from archive.lineshapes import closes_clause
from archive.textcopy import usual_width

_MIN_WRAPPED_LINES = 10
_NEAR_WIDTH = 6  # characters: where the lines of a fixed-width wrap end


def break_head(texts: list[str], share: float = 0.05) -> int | None:
    """The shortest word part (letters, 10th percentile) left before a line-end hyphen.

    None when fewer than ``share`` of the lines (one in twenty) end with a broken word: the
    copy does not hyphenate, so a long next word may simply not have fitted.
    """
    heads = sorted(
        len(t[:-1].rsplit(" ", 1)[-1].rsplit("-", 1)[-1])
        for t in texts
        if len(t) >= 2 and t[-1] in "-\u00ad" and t[-2].isalpha()
    )
    if len(heads) < max(3, share * len(texts)):
        return None
    return max(2, heads[len(heads) // 10])


def wrap_width(texts: list[str]) -> int | None:
    """The line width in characters, when the copy was wrapped at a fixed width.

    Wrapping at a character count leaves most lines a few characters short of one ceiling
    that almost no line passes; text copied out of a typeset page does not, because glyph
    widths differ and justified lines hold more or fewer characters.
    """
    lengths = sorted(len(t.rstrip()) for t in texts if len(t.strip()) >= 20)
    if len(lengths) < _MIN_WRAPPED_LINES:
        return None
    width = lengths[int(0.97 * (len(lengths) - 1))]
    near = sum(1 for n in lengths if width - _NEAR_WIDTH <= n <= width)
    return width if near >= 0.5 * len(lengths) else None


_MIN_RUNS = 8  # lines running on into the next that must vouch for a dominant width


def local_widths(texts: list[str], whole: int | None) -> list[int | None]:
    """Each line's wrap width: the copy's dominant width for the lines that fit in it.

    A copy re-wrapped paragraph by paragraph keeps other lines (headings, front matter,
    passages it did not reflow) at their old width, so the 97th percentile of all lines
    misses the width most of the body was wrapped at. See ``_dominant_width``; lines longer
    than that width belong to another wrap and keep the document's width (usually None).
    """
    width = _dominant_width(texts)
    if width is None:
        return [whole] * len(texts)
    return [width if len(t) <= width else whole for t in texts]


def _dominant_width(texts: list[str]) -> int | None:
    """The widest ``W`` at which the lines no longer than ``W`` look wrapped at ``W``.

    Wrapped at ``W`` means: a good share of those lines end within a few characters of
    ``W``, and (nearly) no nearly full line that runs on into the next (no clause end, no
    broken word, the next line in lower case) left room for the next line's first word —
    text copied from a justified page does that often, a copy wrapped at a character count
    never. A heading or a title stops short, so only lines of at least three quarters of
    ``W`` are asked.
    """
    sizes = sorted(n for t in texts if (n := len(t)) >= 20)
    # (line length, first word of the next line), by line length.
    pairs = sorted(
        (len(a), len(b.strip().split(" ", 1)[0]))
        for a, b in pairwise(texts)
        if b.strip()[:1].islower() and not closes_clause(a) and a[-1:] not in "-\u00ad"
    )
    pair_sizes = [n for n, _ in pairs]
    for width in sorted(set(sizes), reverse=True):
        fits = bisect_right(sizes, width)
        if fits < _MIN_WRAPPED_LINES:
            break
        if fits - bisect_left(sizes, width - _NEAR_WIDTH) < 0.4 * fits:
            continue
        runs = pairs[bisect_left(pair_sizes, 0.75 * width) : bisect_right(pair_sizes, width)]
        left_room = sum(1 for n, w in runs if n + 1 + w <= width)
        if len(runs) >= _MIN_RUNS and left_room <= 0.05 * len(runs):
            return width
    return None


_NARROW = 0.7  # a stretch wrapped this much narrower than the document has its own width
_NARROW_RUN = 5  # wrapped lines in a row that make such a stretch


def narrow_stretches(texts: list[str]) -> list[int | None]:
    """Each line's full-line length when it stands in a narrow stretch of a text copy, or None.

    A copy of a page set partly in two columns (a conclusion, a sidebar) has a stretch of
    lines about half as long as the rest, and each of them would look like a paragraph's
    last line. Lines that certainly wrapped — a broken word at the end, or an unfinished
    clause the next line goes on with in lower case — measure the width: a run of them all
    much shorter than the document's full line, and the lines between them, are a stretch.
    """
    whole = usual_width([len(t) for t in texts])
    wrapped = [
        j
        for j, (a, b) in enumerate(pairwise(texts))
        if (a[-1:] in "-\u00ad" and a[-2:-1].isalpha())
        or (b[:1].islower() and not closes_clause(a) and a[-1:] not in ",;")
    ]
    widths: list[int | None] = [None] * len(texts)
    run: list[int] = []
    for j in [*wrapped, -1]:
        if j >= 0 and len(texts[j]) < _NARROW * whole:
            run.append(j)
            continue
        if len(run) >= _NARROW_RUN:
            width = usual_width([len(texts[k]) for k in run], shortest=1)
            widths[run[0] : run[-1] + 1] = [width] * (run[-1] + 1 - run[0])
        run = []
    return widths
