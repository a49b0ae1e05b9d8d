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
