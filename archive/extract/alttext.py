"""A picture's alternative text in a browser's text dump of a page: its words in brackets
on a line or two of their own ("[Заставка]", "[IMG]"), the picture's words, not the
text's. A note's number in brackets ("[1]") is no picture."""

from __future__ import annotations

import re

from archive.extract.textshapes import BLANK, PICTURE, TEXT

_PICTURE = re.compile(r"\[[^\[\]]*[^\W\d_][^\[\]]*\]")
_PICTURE_LENGTH = 60  # characters of such a line, at most
_PICTURE_LINES = 2  # lines its words may be wrapped over, at most


def mark_pictures(raw: list[str], shapes: list[str]) -> None:
    """Lines alone between blank lines that are nothing but bracketed words (wrapped over
    a line or two) are a picture's, in place in ``shapes``."""
    for k in range(len(raw)):
        if shapes[k] != TEXT or (k and shapes[k - 1] != BLANK):
            continue
        end = k
        while end + 1 < len(raw) and shapes[end + 1] == TEXT and end + 1 - k < _PICTURE_LINES:
            end += 1
        if end + 1 < len(raw) and shapes[end + 1] != BLANK:
            continue
        text = " ".join(r.strip() for r in raw[k:end + 1])
        if len(text) <= _PICTURE_LENGTH and _PICTURE.fullmatch(text):
            for i in range(k, end + 1):
                shapes[i] = PICTURE
