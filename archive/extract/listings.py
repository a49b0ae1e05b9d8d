"""Which lines of a page are code, decided from their neighbours.

A line's own spans say whether it is set in typewriter type (``spans.monospaced``); its
neighbours correct that: an address broken at a line's end goes on in typewriter type as
text, a sentence may end on a name in typewriter type, and a listing holds lines that are
not typewriter (an unclosed call's continuation, an italic placeholder, a numbered empty
line, a TeX source's guard) or are numbered as the lines around them.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from archive.extract.fragment import Fragment
from archive.lineshapes import ADDRESS_HEAD


def line_kinds(frags: list[Fragment]) -> list[Fragment]:
    """The page's lines (in reading order) with their ``code`` kinds set by their
    neighbours."""
    return _displayed_results(_code_continued(_inline_names(_item_continued(
        _sentence_continued(_url_continued(frags))))))


_DISPLAY = 1.3  # times the text's size: type for titles and headings, never a listing's


def display_type_is_text(per_page: list[list[Fragment]]) -> None:
    """Lines set in display type are titles and headings, typewriter words and all (``The
    xtableList Gallery``, ``\\foo``'s section): no document sets its listings larger than
    its text. Marks them text, page by page, in place."""
    sizes = Counter(round(f.size * 2) for frags in per_page for f in frags
                    if f.kind is None and f.size)
    if not sizes:
        return
    ceiling = _DISPLAY * sizes.most_common(1)[0][0] / 2
    for frags in per_page:
        for f in frags:
            if f.kind == "code" and f.size and f.size >= ceiling:
                f.kind = None


# An address, or a DOI, at a line's end (``doi:10.1016/j.`` then ``csda.2008.11.033.``).
_URL_END = re.compile(ADDRESS_HEAD + r"\S*[/\-_.~=&?#%\w]$", re.IGNORECASE)
_URL_PART = re.compile(r"[\w/\-.~=&?#%:+@]+")


def _url_continued(frags: list[Fragment]) -> list[Fragment]:
    """A URL broken at the end of a line of text goes on in typewriter type on the lines
    under it (``… URL http://www.cambridge.org/us/academic/`` then ``subjects/…``): those
    lines are the rest of the address, not code."""
    in_url = False
    for prev, f in pairwise(frags):
        if prev.kind == "code":
            in_url = False
            continue
        # Only a code line can go on with an address: the others need no search.
        in_url = in_url or (f.kind == "code" and _URL_END.search(prev.text) is not None)
        # Under the line, or left of it by a first line's indent (a footnote's).
        if in_url and f.kind == "code" and _URL_PART.fullmatch(f.text) and (
                f.x0 >= prev.x0 - _INDENT * prev.size):
            f.kind = None
        else:
            in_url = False
    return frags


_INDENT = 1.5  # ems: a paragraph's first-line indent, at most


# How a wrapped sentence's last line ends; code lines end so seldom (``)``, ``;`` and ``:``
# end code as often as prose, so they prove nothing).
_SENTENCE_END = (".", ",", "?", "!")


def _sentence_continued(frags: list[Fragment]) -> list[Fragment]:
    """A sentence wrapped just before a name in typewriter type ends on a line of that name
    alone (``… before the normal \\shipout and`` then ``\\@EveryShipout@EveryHook.``): the
    line is the sentence's end, not code."""
    for prev, f in pairwise(frags):
        if (
            prev.kind is None and f.kind == "code"
            and not prev.text.rstrip().endswith((*_SENTENCE_END, ";", ":"))
            and f.text.rstrip().endswith(_SENTENCE_END) and len(f.text.split()) <= 2
            and abs(f.x0 - prev.x0) <= 1.0 and f.block == prev.block
            and f.y0 - prev.y1 < _CODE_SKIP * prev.size
        ):
            f.kind = None
    return frags


_BULLET = ("•", "◦", "▪", "‣", "–", "-", "*")


def _item_continued(frags: list[Fragment]) -> list[Fragment]:
    """A list item broken after a comma goes on in typewriter type under its text, set in
    from its bullet (``• Locale: LC_CTYPE=en_US.UTF-8, …,`` then ``LC_MONETARY=…``, as
    R's session info is printed): the item's lines, not a listing."""
    for k, item in enumerate(frags):
        if item.kind is not None or not item.text.startswith(_BULLET):
            continue
        above = item
        for f in frags[k + 1:]:
            if not (above.text.rstrip().endswith(",") and f.kind == "code"
                    and 0 < f.x0 - item.x0 <= 3 * item.size
                    and f.y0 - above.y1 < _CODE_SKIP * above.size):
                break
            f.kind = None
            above = f
    return frags


def _inline_names(frags: list[Fragment]) -> list[Fragment]:
    """A line of names in typewriter type between two lines of one paragraph, set close
    above and below in the paragraph's own text block, from its left edge to the measure
    (``gslSetErrorHandlerOff() and gslResetErrorHandler()`` in a justified sentence): the
    paragraph's line, not a listing's, which is set off or ends short."""
    for prev, f, nxt in zip(frags, frags[1:], frags[2:], strict=False):
        if (
            f.kind == "code" and prev.kind is None and nxt.kind is None
            and prev.block == f.block == nxt.block
            and abs(f.x0 - nxt.x0) <= 1.0 and f.x0 <= prev.x0 + 1.0
            and abs(f.x1 - prev.x1) <= 1.0  # justified to the measure: no displayed line
            and f.y0 - prev.y1 < _CODE_SKIP * prev.size and nxt.y0 - f.y1 < _CODE_SKIP * f.size
            and len(prev.text.split()) >= _PROSE_WORDS and len(nxt.text.split()) >= _PROSE_WORDS
        ):
            f.kind = None
    return frags


_PROSE_WORDS = 6  # words of a line of running text, at least
_CODE_SKIP = 0.6  # ems between a code line and the next: more is a blank line's skip
_PLACEHOLDER_WORDS = 4  # words of a placeholder line in a listing (``draw commands``)


def _code_continued(frags: list[Fragment]) -> list[Fragment]:
    """Lines that go on with the code line above them are code too: an unclosed call
    (``plot(fit,`` then ``lty = 2)``), a continuation prompt ``+``, or output printed
    right under the call in the same font; not text set off by a skip (after ``*/``)."""
    for prev, f in pairwise(frags):
        if prev.kind != "code" or f.kind is not None or f.y0 - prev.y1 >= _CODE_SKIP * prev.size:
            continue
        if (f.x0 >= prev.x0 - 1.0 and (
            prev.text.rstrip().endswith((",", "(", "+", "-", "*", "/", "|", "&", "=", "~", "<-"))
            or prev.text.count("(") > prev.text.count(")")
            or f.text.startswith("+ ")
            or (f.text.isdigit() and abs(f.x0 - prev.x0) <= 1.0)  # a blank line's number
        )) or _numbered_next(prev, f):
            f.kind = "code"
    # A line set close between two code lines, indented within the listing, is the
    # listing's: a placeholder in italic type (``draw commands`` between ``beginfig(1);``
    # and ``endfig;``).
    for prev, f, nxt in zip(frags, frags[1:], frags[2:], strict=False):
        if (
            prev.kind == "code" and nxt.kind == "code" and f.kind is None
            and len(f.text.split()) <= _PLACEHOLDER_WORDS and not f.text.endswith(_SENTENCE_END)
            and f.x0 >= min(prev.x0, nxt.x0) - 1.0
            and f.y0 - prev.y1 < _CODE_SKIP * prev.size and nxt.y0 - f.y1 < _CODE_SKIP * f.size
        ):
            f.kind = "code"
    # An empty line's number under a note in the margin (a documented TeX source names the
    # macro defined next beside its first line): it counts on from the code line above.
    for k, f in enumerate(frags):
        if f.kind is None and f.text.isdecimal() and k >= 2:
            above = frags[k - 2]
            first = above.text.split(maxsplit=1)
            if (above.kind == "code" and frags[k - 1].kind == "code" and first
                    and first[0].isdecimal() and int(first[0]) + 1 == int(f.text)
                    and abs(above.x0 - f.x0) <= 1.0 and frags[k - 1].x1 < f.x0):
                f.kind = "code"
    # A listing's first line, numbered one before the code line under it (``1 ⟨*package⟩``
    # in a TeX source's italic guard before ``2 \providecommand…``).
    for f, nxt in reversed(list(pairwise(frags))):
        if nxt.kind == "code" and f.kind is None and nxt.y0 - f.y1 < _CODE_SKIP * f.size and (
            _numbered_next(f, nxt)
        ):
            f.kind = "code"
    return frags


# A session's output label standing alone on its line: ``(%o4)``, ``Out[4]=``; a bare
# number is a listing's line number, no label.
_OUTPUT_LABEL = re.compile(r"(?=\D)[(\[]?%?[A-Za-z]{0,3}\[?\d{1,4}[)\]]?\s*[:=]?")
_RESULT_LINES = 3  # lines of a displayed result (a fraction: numerator, bar, denominator)
_RESULT_CHARS = 40


def _displayed_results(frags: list[Fragment]) -> list[Fragment]:
    """A computer algebra session's results are typeset as displayed maths, centred under
    the output label they belong to (Maxima's ``(%o4)`` then ``384``): short lines that
    are no sentence, right of the label and close under it, are the listing's."""
    for k, label in enumerate(frags):
        if label.kind != "code" or not _OUTPUT_LABEL.fullmatch(label.text.strip()):
            continue
        above = label
        for f in frags[k + 1:k + 1 + _RESULT_LINES]:
            text = f.text.strip()
            if (f.kind is not None or not text or len(text) > _RESULT_CHARS
                    or text.endswith(_SENTENCE_END) or len(text.split()) >= _PROSE_WORDS
                    or f.x0 < label.x1 + label.size or f.y0 - above.y1 > 3 * label.size):
                break
            f.kind = "code"
            above = f
    return frags


def _numbered_next(prev: Fragment, f: Fragment) -> bool:
    """``f`` is numbered as the line after ``prev`` (a listing's numbered lines): ``9 }``
    then ``10``, an empty line's number, or ``7 ⟨/package⟩``. Right-aligned, the number may
    start a figure's width left of the one above. An empty line's number is set in the
    numbers' type, which may be smaller than the code's."""
    above, below = prev.text.split(maxsplit=1), f.text.split(maxsplit=1)
    return (
        bool(above) and bool(below) and above[0].isdecimal() and below[0].isdecimal()
        and int(below[0]) == int(above[0]) + 1 and abs(f.x0 - prev.x0) <= prev.size
        and (len(below) == 1 or abs(f.size - prev.size) <= 0.5
             or (len(above) == 1 and prev.size < f.size))
    )
