"""Words a dictionary knows: Russian from pymorphy3 with the OpenCorpora dictionary,
English from pyspellchecker's word-frequency list.

Used where the document itself gives no evidence whether a hyphen at a line end is a word
break or a compound's own hyphen (``черно-`` + ``белой``, ``product-`` + ``moment``). The
Russian dictionary is the one the word-form index reads lemmas from
(``archive.search.russian``). Each is loaded once per process, on first use, and only for
words of its script.
"""

from __future__ import annotations

import functools
import re
from typing import Any

_RUSSIAN_WORD = re.compile("[а-яё]+(?:-[а-яё]+)?")


@functools.lru_cache(maxsize=65536)
def is_russian_word(word: str) -> bool:
    """The dictionary has ``word`` (any form of any lemma; case does not matter)."""
    word = word.casefold().replace("ё", "е")
    if not _RUSSIAN_WORD.fullmatch(word):
        return False
    # Deferred: pymorphy3 is imported by the first Cyrillic word asked about.
    from archive.search.russian import known

    return known(word)


_ENGLISH_WORD = re.compile("[a-z]+(?:'[a-z]+)?")


@functools.cache
def _english() -> Any:  # spellchecker.WordFrequency; the import is deferred on purpose
    from spellchecker import SpellChecker

    return SpellChecker(language="en", distance=1).word_frequency


@functools.lru_cache(maxsize=65536)
def english_frequency(word: str) -> int:
    """How often the English list's corpus has ``word`` (case does not matter); 0 for a
    word it lacks. The list holds no proper names (``European`` is not in it)."""
    word = word.casefold()
    if not _ENGLISH_WORD.fullmatch(word):
        return 0
    return int(_english()[word])


# A word in Cyrillic letters only.
CYRILLIC_WORD = re.compile("[\u0400-\u04ff]+")
_LATIN_WORD = re.compile("[A-Za-z]+")
# Occurrences in the English list's corpus of a word common enough to stand in a compound
# (the list also holds rare words and fragments: ``pean``, ``tion``-like scraps).
_COMMON_ENGLISH = 500


def english_says_compound(last: str, tail: str) -> bool | None:
    """Whether ``last-`` + ``tail`` at a line end is a compound by the English list, or
    None when it has no answer: the joined word as one joins (``prod-`` + ``uct``); two
    common words of their own that together are none keep their hyphen (``product-`` +
    ``moment``, ``well-`` + ``known``). The list has no proper names, so a capitalised word
    (``Euro-`` + ``pean``) gets no answer."""
    if not (_LATIN_WORD.fullmatch(last) and _LATIN_WORD.fullmatch(tail)) or last[0].isupper():
        return None
    if english_frequency(last + tail):
        return False
    if min(len(last), len(tail)) >= 3 and min(
        english_frequency(last), english_frequency(tail)
    ) >= _COMMON_ENGLISH:
        return True
    return None


def russian_says_compound(last: str, tail: str) -> bool | None:
    """Whether ``last-`` + ``tail`` at a line end is a compound by the Russian dictionary,
    or None when it has no answer.

    The hyphenated compound as a dictionary word keeps its hyphen (``черно-белой``); the
    joined word as one joins (``красно-`` + ``ватый``); two dictionary words joined by a
    connecting vowel, which together are no word, are a compound (``темно-`` + ``синего``).
    """
    if not (CYRILLIC_WORD.fullmatch(last) and CYRILLIC_WORD.fullmatch(tail)):
        return None
    if is_russian_word(f"{last}-{tail}"):
        return True
    if is_russian_word(last + tail):
        return False
    if (
        len(last) >= 3 and len(tail) >= 3 and last[-1:].casefold() in "ое"
        and is_russian_word(last) and is_russian_word(tail)
    ):
        return True
    return None
