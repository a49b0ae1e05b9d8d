"""Russian words a dictionary knows: pymorphy3 with the OpenCorpora dictionary.

Used where the document itself gives no evidence whether a hyphen at a line end is a word
break or a compound's own hyphen (``черно-`` + ``белой``). The dictionary is the one the
word-form index reads lemmas from (``archive.search.russian``): loaded once per process, on
first use, and only for Cyrillic words.
"""

from __future__ import annotations

import functools
import re

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
