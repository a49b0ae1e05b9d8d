"""Overlong paragraphs cut into citable pieces.

A text that never breaks its lines (a whole book saved as one line, a log dumped into a
file) would otherwise become one paragraph of megabytes: no one can cite, show or match
that. A paragraph longer than ``MAX_PARAGRAPH`` characters — ten times the longest
paragraph of any document in the test corpus — is cut into pieces of at most that length,
each ending at the last sentence end inside the limit; without one, at the last line
break, then the last space, and only then in the middle of a word. The cut depends on the
text alone, so the pieces, and the paragraph IDs given to them, are the same on every
ingest. Each piece is scanned once: the cost is linear in the text's length.
"""

from __future__ import annotations

import re

MAX_PARAGRAPH = 10_000  # characters
# A piece is never cut shorter than this share of the limit while a later cut exists in
# the window: a sentence end near the start would leave a sliver.
_MIN_SHARE = 0.5
_SENTENCE_END = re.compile(r"[.!?…][»\"”’)\]]*\s+")
_LINE_BREAK = re.compile(r"\n\s*")
_SPACE = re.compile(r"\s+")


def split_overlong(text: str, limit: int = MAX_PARAGRAPH) -> list[str]:
    """``text`` as one piece when it fits in ``limit`` characters, else its pieces in order,
    each stripped of the whitespace it was cut at."""
    if len(text) <= limit:
        return [text]
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        cut, resume = _cut(text, start, limit)
        pieces.append(text[start:cut].strip())
        start = resume
    pieces.append(text[start:].strip())
    return [piece for piece in pieces if piece]


def _cut(text: str, start: int, limit: int) -> tuple[int, int]:
    """Where the piece that starts at ``start`` ends, and where the next one starts."""
    end = start + limit
    earliest = start + int(limit * _MIN_SHARE)
    for boundary in (_SENTENCE_END, _LINE_BREAK, _SPACE):
        last: re.Match[str] | None = None
        for last in boundary.finditer(text, earliest, end + 1):  # noqa: B007 (the last one)
            pass
        if last is not None:
            # Sentence-final marks stay with their sentence; the whitespace goes.
            return last.start() + len(last.group().rstrip()), last.end()
    return end, end
