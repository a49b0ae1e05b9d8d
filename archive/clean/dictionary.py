"""Russian words a dictionary knows: pymorphy3 with the OpenCorpora dictionary.

Used where the document itself gives no evidence whether a hyphen at a line end is a word
break or a compound's own hyphen (``черно-`` + ``белой``). The analyser is loaded once per
process, on first use (about 0.15 s), and only for Cyrillic words.
"""

from __future__ import annotations

import functools
import re
from typing import Any

_RUSSIAN_WORD = re.compile("[а-яё]+(?:-[а-яё]+)?")


@functools.cache
def _analyser() -> Any:  # pymorphy3.MorphAnalyzer; the import is deferred on purpose
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


@functools.lru_cache(maxsize=65536)
def is_russian_word(word: str) -> bool:
    """The dictionary has ``word`` (any form of any lemma; case does not matter)."""
    word = word.casefold().replace("ё", "е")
    if not _RUSSIAN_WORD.fullmatch(word):
        return False
    return bool(_analyser().word_is_known(word))
