"""Russian lemmas from pymorphy3's dictionary (OpenCorpora), for the word-form index.

Snowball's Russian stemmer keeps fleeting vowels (``миротворец`` → ``миротворец`` but
``миротворца`` → ``миротворц``) and its stems are short enough that prefix matching joins
unrelated words (``военн`` in ``военнослужащие``); a dictionary lemma does neither. A form with
several readings (``вооруженных``: вооружённый, вооружить) is indexed under every lemma, so no
reading is lost; words the dictionary lacks get pymorphy3's guesses, which are consistent
between text and query.
"""

from __future__ import annotations

from functools import lru_cache

import pymorphy3

# Past this many readings the guesses for an unknown word (a surname: Туяков → туяк,
# туяков, туяковы, …) add noise, not recall.
_MAX_LEMMAS = 3


@lru_cache(maxsize=1)
def _analyzer() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=500_000)
def lemmas(word: str) -> tuple[str, ...]:
    """The distinct lemmas of a lower-cased Russian word, likeliest first (``ё`` as ``е``)."""
    found: list[str] = []
    for parse in _analyzer().parse(word):
        lemma = str(parse.normal_form).replace("ё", "е")
        if lemma not in found:
            found.append(lemma)
    return tuple(found[:_MAX_LEMMAS]) or (word,)


@lru_cache(maxsize=100_000)
def known(word: str) -> bool:
    """Whether the dictionary has this word (rather than guessing its readings)."""
    return bool(_analyzer().word_is_known(word))
