"""Letter-spaced words (``A L L C A P S``, Russian разрядка): the letters closed up again.

Type set with extra space between the letters, for emphasis or in small capitals, comes out
of a PDF's text layer as single letters with spaces between them. Only the widths of those
spaces tell letters from words: inside a spaced word every gap is the same narrow space, and
the gap between two spaced words is wider. A run of three or more single letters (or pairs,
where kerning left two letters touching) closes up when its spaces are narrower than the
line's ordinary word spaces, or when the whole line is the spaced run; its wide gaps stay.
Letters set apart with ordinary spaces (a list of variables, ``x y z``) are left as they are.

A pure function over a line's characters ``(char, x0, x1)`` as PyMuPDF's ``rawdict`` gives
them.
"""

from __future__ import annotations

import re
import statistics

Char = tuple[str, float, float]

# Three or more tokens of one or two letters, one space apart, not inside a longer word.
RUN = re.compile(r"(?<![^\W\d_])[^\W\d_]{1,2}(?: [^\W\d_]{1,2}){2,}(?![^\W\d_])")
# What every run holds from its second token on (`` x y`` and no letter after): the scan
# for it starts at spaces, which is quick, and most pages have none.
_RUN_CORE = re.compile(r" [^\W\d_]{1,2} [^\W\d_]{1,2}(?![^\W\d_])")
_UNIFORM = 1.2  # with no word space to compare: a gap this much wider than the narrowest
_ORDINARY = 0.85  # a run's spaces at least this share of the line's word spaces are words
_ALONE_TOKENS = 4  # a spaced run with no other words on its line: tokens it needs


def has_run(text: str) -> bool:
    """``text`` holds a run of one- or two-letter tokens (``RUN``) that may be letter-spaced."""
    return _RUN_CORE.search(text) is not None and RUN.search(text) is not None


def close_letterspacing(chars: list[Char]) -> str:
    """The line's text with its letter-spaced runs closed up (see the module docstring)."""
    text = "".join(c for c, _, _ in chars)
    runs = list(RUN.finditer(text))
    if not runs:
        return text
    inside = {k for m in runs for k in range(m.start(), m.end())}
    ordinary = [x1 - x0 for k, (c, x0, x1) in enumerate(chars) if c == " " and k not in inside]
    word_space = statistics.median(ordinary) if ordinary else None
    out = list(text)
    for m in runs:
        spaces = [k for k in range(m.start(), m.end()) if text[k] == " "]
        widths = [chars[k][2] - chars[k][1] for k in spaces]
        narrow = min(widths)
        if word_space is None:
            if len(spaces) + 1 < _ALONE_TOKENS:
                continue
            letter_gap = _UNIFORM * narrow
        elif narrow >= _ORDINARY * word_space:
            continue
        else:  # halfway between the letters' gap and the line's word space
            letter_gap = (narrow + word_space) / 2
        for k, width in zip(spaces, widths, strict=True):
            if width < letter_gap:
                out[k] = ""
    return "".join(out)
