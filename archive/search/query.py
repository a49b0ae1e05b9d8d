"""Readers' queries as FTS5 MATCH expressions: never raw user syntax, so any input is valid.

The query language: words (all of them, in any form), ``"phrases"`` and ``«phrases»``,
``prefix*``, ``-excluded`` words and ``OR`` between two words. ``stem_query`` asks the
word-form index; ``keyboard_query`` its looser tier (Kazakh typed on a Russian keyboard);
``match_query`` the words as written.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

from .fold import words
from .terms import keyboard_terms, query_terms

# Matches no row: FTS5 refuses an empty expression, and a query of only punctuation should
# find nothing rather than fail.
NOTHING = '""'

_TOKEN = re.compile(
    r"\"(?P<q1>[^\"]*)\"?|“(?P<q2>[^”]*)”?|«(?P<q3>[^»]*)»?|„(?P<q4>[^“”]*)[“”]?"
    r"|(?P<neg>(?<![^\s(])-)?(?P<word>[^\s\"“«„]+)"
)


@dataclass(frozen=True, slots=True)
class Part:
    """One element of a query: a word or a phrase (its folded words), and how it is used."""

    words: tuple[str, ...]
    phrase: bool = False
    prefix: bool = False
    exclude: bool = False
    either: bool = False  # joined with OR to the part before it


def parse(query: str) -> list[Part]:
    """The parts of a reader's query, in order."""
    parts: list[Part] = []
    pending_or = False
    for match in _TOKEN.finditer(query):
        quoted = next((match.group(g) for g in ("q1", "q2", "q3", "q4") if match.group(g)), None)
        if quoted is not None:
            found = tuple(words(quoted))
            if found:
                parts.append(Part(found, phrase=True, either=pending_or and bool(parts)))
                pending_or = False
            continue
        raw = match.group("word")
        if raw is None:
            continue
        if raw == "OR":
            pending_or = True
            continue
        found = tuple(words(raw))
        if not found:
            continue
        exclude = match.group("neg") is not None
        prefix = raw.endswith("*") and len(found) == 1
        either = pending_or and bool(parts) and not exclude
        pending_or = False
        if len(found) > 1:  # a hyphenated word or C++: its pieces in order
            parts.append(Part(found, phrase=True, exclude=exclude, either=either))
        else:
            parts.append(Part(found, prefix=prefix, exclude=exclude, either=either))
    return parts


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _either(options: list[str]) -> str:
    unique = list(dict.fromkeys(options))
    return unique[0] if len(unique) == 1 else "(" + " OR ".join(unique) + ")"


def _join(parts: list[Part], expression: Callable[[Part], str | None]) -> str:
    groups: list[list[str]] = []
    excluded: list[str] = []
    for part in parts:
        text = expression(part)
        if text is None:
            continue
        if part.exclude:
            excluded.append(text)
        elif part.either and groups:
            groups[-1].append(text)
        else:
            groups.append([text])
    if not groups:
        return NOTHING
    body = " AND ".join(_either(group) for group in groups)
    for text in excluded:
        body = f"({body}) NOT {text}"
    return body


def _word_terms(word: str, prefix: bool, loose: bool) -> list[str]:
    if prefix:
        return [_quote(word) + "*"]
    terms = keyboard_terms(word) if loose else query_terms(word)
    return [_quote(t) for t in terms]


# An ambiguous word makes a phrase one FTS5 phrase per combination of readings: past this many
# the phrase is asked as its words in any order instead.
_MAX_PHRASES = 32


def _forms(part: Part, loose: bool) -> str | None:
    if not part.phrase:
        terms = _word_terms(part.words[0], part.prefix, loose)
        return _either(terms) if terms else None
    options = [(keyboard_terms(w) if loose else ()) or query_terms(w) for w in part.words]
    count = 1
    for readings in options:
        count *= len(readings)
    if count > _MAX_PHRASES:
        return " AND ".join(_either([_quote(t) for t in readings]) for readings in options)
    # The index writes the lemmas of an ambiguous form one after the other, so the phrase
    # matches where the last lemma of one word meets the first of the next.
    return _either([_quote(" ".join(c)) for c in itertools.product(*options)])


def stem_query(query: str) -> str:
    """A reader's query as a MATCH expression over the word-form index.

    Each word becomes the OR of the terms its forms are indexed under (``миротворческих`` →
    ``"миротворческий"``); quoted phrases are their words near each other; ``prefix*`` is a
    prefix of the folded word; ``-word`` excludes; ``OR`` joins two words; the rest is ANDed.
    """
    return _join(parse(query), lambda part: _forms(part, loose=False))


def keyboard_query(query: str) -> str | None:
    """The looser tier: the query's words read as Kazakh typed on a Russian keyboard
    (``Казакстан`` → ``Қазақстан``). None when no word of the query has such a reading."""
    parts = parse(query)
    if not any(keyboard_terms(w) for p in parts if not p.exclude for w in p.words):
        return None
    return _join(parts, lambda part: _forms(part, loose=True))


def match_query(query: str) -> str:
    """A reader's query as a MATCH expression over the words as written (``paragraphs_fts``):
    words quoted, phrases kept as phrases, the same ``*``, ``-`` and ``OR``."""

    def exact(part: Part) -> str:
        text = _quote(" ".join(part.words))
        return text + "*" if part.prefix else text

    return _join(parse(query), exact)
