"""Folding: the spellings a reader does not distinguish, made one before stemming.

Applied alike to indexed text and to queries, so both sides meet:

* case, ``ё``→``е`` (Russian writing omits the diaeresis freely), stress marks and soft or
  zero-width hyphens, which would otherwise split one word into two;
* Latin letters that look like Cyrillic ones inside a Cyrillic word (``Kaзахстан``, ``OOН``,
  Kazakh ``уәкiлеттi`` typed with a Latin ``i``), and the reverse inside a Latin word: OCR and
  hurried typing mix the two alphabets, and a reader cannot see the difference.

The looser, second tier is ``keyboard_spellings``: Kazakh typed on a Russian keyboard drops the
Kazakh letters for their nearest Russian ones (``Казакстан`` for ``Қазақстан``).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from functools import lru_cache

KAZAKH_LETTERS = frozenset("әғқңөұүһі")

_DROP = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff\u0301\u0300]")
WORD = re.compile(r"[^\W_]+")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
LATIN = re.compile(r"[a-z\u00c0-\u024f]")

# Case matters for the look-alikes: a capital H is Н, a small h is Kazakh һ. Folding runs on the
# word as written, before lower-casing.
_LATIN_TO_CYRILLIC = {
    "A": "А", "B": "В", "C": "С", "E": "Е", "H": "Н", "I": "І", "K": "К", "M": "М", "O": "О",
    "P": "Р", "T": "Т", "X": "Х", "Y": "У", "a": "а", "c": "с", "e": "е", "h": "һ", "i": "і",
    "k": "к", "o": "о", "p": "р", "x": "х", "y": "у",
}
_CYRILLIC_TO_LATIN = {
    "А": "A", "В": "B", "С": "C", "Е": "E", "Н": "H", "І": "I", "К": "K", "М": "M", "О": "O",
    "Р": "P", "Т": "T", "Х": "X", "а": "a", "с": "c", "е": "e", "һ": "h", "і": "i", "к": "k",
    "о": "o", "р": "p", "х": "x", "у": "y",
}
_TO_CYRILLIC = str.maketrans(_LATIN_TO_CYRILLIC)
_TO_LATIN = str.maketrans(_CYRILLIC_TO_LATIN)
_ANY_LATIN = re.compile(r"[A-Za-z]")

# The Russian-keyboard stand-ins for Kazakh letters, and back.
_KEYBOARD = str.maketrans("әғқңөұүһі", "агкноуухи")
_KAZAKH_FOR = {
    "а": "аә", "г": "гғ", "к": "кқ", "н": "нң", "о": "оө", "у": "уұү", "х": "хһ", "и": "иі",
}
_BACK = frozenset("аоұы")
_FRONT = frozenset("әөүіе")
# A keyboard spelling of n stand-in letters has 2^n or more Kazakh readings; past this many
# the query would be slow for little gain (a longer word is found by its other words).
MAX_SPELLINGS = 256


def _script_fold(word: str) -> str:
    """One script per word: look-alike letters of the other script are read as this one's."""
    if not (CYRILLIC.search(word) and _ANY_LATIN.search(word)):
        return word
    # A letter with no look-alike in the other script decides; failing that, the majority.
    cyrillic_only = any(CYRILLIC.match(ch) and ch not in _CYRILLIC_TO_LATIN for ch in word)
    latin_only = any(_ANY_LATIN.match(ch) and ch not in _LATIN_TO_CYRILLIC for ch in word)
    if cyrillic_only and not latin_only:
        return word.translate(_TO_CYRILLIC)
    if latin_only and not cyrillic_only:
        return word.translate(_TO_LATIN)
    if cyrillic_only and latin_only:
        return word  # two real scripts in one word (a code, a name): leave it as written
    # Every letter has a twin (OOН): the archive's texts are mostly Cyrillic.
    return word.translate(_TO_CYRILLIC)


# A text repeats its words: each is folded once per process.
@lru_cache(maxsize=200_000)
def fold_word(word: str) -> str:
    """A word as the index compares it: one script, lower case, ``ё`` as ``е``."""
    return _script_fold(word).lower().replace("ё", "е")


def words(text: str) -> list[str]:
    """The folded words of a text (letters and digits; punctuation separates)."""
    clean = _DROP.sub("", unicodedata.normalize("NFC", text))
    return [fold_word(w) for w in WORD.findall(clean)]


def has_kazakh_letter(word: str) -> bool:
    return not KAZAKH_LETTERS.isdisjoint(word)


def keyboard_form(word: str) -> str:
    """A Kazakh word as typed on a Russian keyboard (``қазақстан`` → ``казакстан``)."""
    return word.translate(_KEYBOARD)


def _harmonic(word: str) -> bool:
    vowels = set(word)
    return not (vowels & _BACK and vowels & (_FRONT - {"е"}))


def keyboard_spellings(word: str) -> list[str]:
    """The Kazakh spellings a Russian-keyboard word may stand for, itself excluded.

    Every stand-in letter may be its Kazakh letter or itself; readings that mix back and front
    vowels are dropped (Kazakh words do not, and Russian words read this way are not Kazakh).
    """
    if has_kazakh_letter(word) or not CYRILLIC.search(word):
        return []
    options = [_KAZAKH_FOR.get(ch, ch) for ch in word]
    readings = ("".join(p) for p in itertools.product(*options))
    kazakh = (r for r in readings if r != word and _harmonic(r))
    return list(itertools.islice(kazakh, MAX_SPELLINGS))
