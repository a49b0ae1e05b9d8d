"""Marking the words that made a paragraph match: every form of every query word."""

from __future__ import annotations

from functools import lru_cache

from .fold import WORD, fold_word
from .query import parse
from .terms import index_terms, keyboard_terms, query_terms


@lru_cache(maxsize=200_000)
def _forms(raw: str) -> tuple[str, frozenset[str]]:
    """A word of a text folded, and every term it may be indexed under. A result page marks
    the same few thousand words in every paragraph, so each is analysed once."""
    word = fold_word(raw)
    terms = {t for kazakh in (False, True) for t in index_terms(word, kazakh, "english")}
    return word, frozenset(terms)


def highlight(
    text: str, query: str, *, before: str = "<mark>", after: str = "</mark>", window: int = 60
) -> str:
    """``text`` with every form of the query's words wrapped in ``before``/``after``.

    The index holds terms, which FTS5's ``snippet()`` cannot point back into the text. A long
    text is cut to about ``window`` words around the first match, with ``…`` where it was cut.
    The text is not escaped.
    """
    wanted: set[str] = set()
    prefixes: list[str] = []
    for part in parse(query):
        if part.exclude:
            continue
        for word in part.words:
            if part.prefix:
                prefixes.append(word)
            wanted.update(query_terms(word))
            wanted.update(keyboard_terms(word))
    spans = list(WORD.finditer(text))

    def hit(raw: str) -> bool:
        word, terms = _forms(raw)
        if any(word.startswith(p) for p in prefixes):
            return True
        return not wanted.isdisjoint(terms)

    hits = [i for i, match in enumerate(spans) if hit(match.group())]
    first = hits[0] if hits else 0
    start = max(0, first - window // 3)
    end = min(len(spans), start + window)
    if end == len(spans):
        start = max(0, end - window)
    pieces: list[str] = []
    cursor = spans[start].start() if spans and start > 0 else 0
    if start > 0:
        pieces.append("…")
    chosen = set(hits)
    for i in range(start, end):
        match = spans[i]
        pieces.append(text[cursor : match.start()])
        pieces.append(before + match.group() + after if i in chosen else match.group())
        cursor = match.end()
    if end < len(spans):
        pieces.append("…")
    else:
        pieces.append(text[cursor:])
    return "".join(pieces)
