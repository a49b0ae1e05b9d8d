"""Index terms of words: what the word-form index holds for a text, and what a query asks for.

Chosen per word, after folding (``fold``):

* Latin script — Snowball for the paragraph's language when Snowball has one, else English.
* Cyrillic with a Kazakh-only letter (ә ғ қ ң ө ұ ү һ і) — the Kazakh suffix stripper.
* Other Cyrillic — Kazakh when the paragraph is Kazakh (its ``lang``, or when unknown, enough of
  its words carry Kazakh letters), else every pymorphy3 lemma of the word.

Terms are matched whole: a lemma or a stripped stem is the word itself, so prefix matching would
only join different words (``военн*`` would find ``военнослужащие``).
"""

from __future__ import annotations

from functools import lru_cache

import snowballstemmer

from .fold import CYRILLIC, LATIN, has_kazakh_letter, keyboard_spellings, words
from .kazakh import fleeting_vowel_stem, kazakh_stem
from .russian import known, lemmas

# A paragraph whose Cyrillic words carry Kazakh letters at least this often is Kazakh: Russian
# text meets those letters only in the odd Kazakh name, Kazakh text in roughly every third word.
_KAZAKH_SHARE = 0.1

# ISO 639-1 codes → Snowball algorithm names, for the Latin-script words of a paragraph.
_SNOWBALL = {
    "en": "english", "de": "german", "fr": "french", "es": "spanish", "it": "italian",
    "pt": "portuguese", "nl": "dutch", "tr": "turkish", "pl": "polish", "cs": "czech",
    "ro": "romanian", "hu": "hungarian", "fi": "finnish", "sv": "swedish", "da": "danish",
    "no": "norwegian", "et": "estonian", "lt": "lithuanian", "id": "indonesian",
}


@lru_cache(maxsize=64)
def _snowball(algorithm: str) -> snowballstemmer.Stemmer:
    return snowballstemmer.stemmer(algorithm)


@lru_cache(maxsize=500_000)
def _snowball_stem(word: str, algorithm: str) -> str:
    return str(_snowball(algorithm).stemWord(word))


def _latin_algorithm(lang: str | None) -> str:
    return _SNOWBALL.get((lang or "").lower()[:2], "english")


def _is_kazakh_text(folded: list[str], lang: str | None) -> bool:
    code = (lang or "").lower()[:2]
    if code == "kk":
        return True
    if code in {"ru", "uk", "be", "bg", "sr"}:
        return False
    cyrillic = [w for w in folded if CYRILLIC.search(w)]
    if not cyrillic:
        return False
    marked = sum(1 for w in cyrillic if has_kazakh_letter(w))
    return marked >= _KAZAKH_SHARE * len(cyrillic)


@lru_cache(maxsize=200_000)
def index_terms(word: str, kazakh_default: bool, latin: str) -> tuple[str, ...]:
    """The terms one folded word of a text is indexed under (usually one)."""
    if has_kazakh_letter(word) or (kazakh_default and CYRILLIC.search(word)):
        return (kazakh_stem(word),)
    if CYRILLIC.search(word):
        return lemmas(word)
    if LATIN.search(word):
        return (_snowball_stem(word, latin),)
    return (word,)  # numbers and other scripts are indexed as they are


def stem_text(text: str, lang: str | None = None) -> str:
    """The text as space-separated index terms, for the word-form index.

    ``lang`` is the paragraph's language code (``kk``, ``ru``, ``en``, …) or None; it decides
    only the words whose letters do not (a Cyrillic word without Kazakh letters, a Latin word).
    An ambiguous Russian form contributes each of its lemmas, one after the other.
    """
    folded = words(text)
    kazakh_default = _is_kazakh_text(folded, lang)
    latin = _latin_algorithm(lang)
    return " ".join(t for word in folded for t in index_terms(word, kazakh_default, latin))


@lru_cache(maxsize=50_000)
def query_terms(word: str) -> tuple[str, ...]:
    """Every term the index may hold for a folded query word: a query has no language, so a
    Cyrillic word without Kazakh letters asks for its Russian lemmas and its Kazakh stem."""
    found: list[str] = []
    if has_kazakh_letter(word):
        found.append(kazakh_stem(word))
    elif CYRILLIC.search(word):
        found.extend(lemmas(word))
        stem = kazakh_stem(word)
        found.append(stem)
        # A Kazakh form of a shared loanword (республикасы → республика) also reaches the
        # Russian forms of it (республики) through the lemmas of its Kazakh stem.
        if stem != word and known(stem):
            found.extend(lemmas(stem))
    elif LATIN.search(word):
        found.append(_snowball_stem(word, "english"))
    else:
        found.append(word)
    fleeting = fleeting_vowel_stem(found[0]) if has_kazakh_letter(word) else None
    if fleeting:
        found.append(fleeting)
    return tuple(dict.fromkeys(found))


@lru_cache(maxsize=50_000)
def keyboard_terms(word: str) -> tuple[str, ...]:
    """Terms of the Kazakh words a Russian-keyboard query word may stand for (``казакстан`` →
    the stem of ``қазақстан``), less those ``query_terms`` already asks for."""
    strict = set(query_terms(word))
    found: dict[str, None] = {}
    for spelling in keyboard_spellings(word):
        stem = kazakh_stem(spelling)
        if has_kazakh_letter(stem) and stem not in strict:
            found[stem] = None
    return tuple(found)
