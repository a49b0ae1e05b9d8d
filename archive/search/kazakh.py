"""Kazakh word stems: a suffix stripper for nominal inflection.

Snowball 3.1 has no Kazakh algorithm, and the Kazakh analyser on PyPI (kazstem, built on the
apertium-kaz lexicon) needs finite-state resources and ``hfst-proc`` from outside the package
registries, so it cannot be a dependency here; this stripper is measured on the word-form gold
(``tests/golden/search/word_forms.json``) instead.
"""

from __future__ import annotations

from functools import lru_cache

# ---- Kazakh ------------------------------------------------------------------------------------

# Nominal inflection: plural, possessive and case endings. Each ending has allomorphs chosen by
# the sound before it (after vowels and voiced consonants д/ғ/г/б, after voiceless ones т/қ/к/п,
# after nasals or the 3rd-person possessive н) and by vowel harmony (back а/ы, front е/і). An
# ending is stripped only where its allomorph could stand, which keeps roots that merely end
# like a suffix (қатар is not қа + тар, доктрина is not доктри + на).
_V = frozenset("аәеёиоөұүыіэюя")
_KK_VOICELESS = frozenset("птқксшфхцчщбвгд")  # loanwords' final б/в/г/д are devoiced too
_SONORANT = frozenset("рлйумнң")
_NASAL = frozenset("мнң")
_POSS3 = frozenset("ыі")  # the 3rd-person possessive, before which case endings take н
_CONSONANT = frozenset("бвгғджзйклмнңпрстуфхһцчшщқ")
_AFTER_SONORANT_OR_Z = frozenset("рлйумнңзж")

_KK_ENDINGS: tuple[tuple[tuple[str, ...], frozenset[str]], ...] = (
    # plural
    (("лар", "лер"), _V | frozenset("рйу")),
    (("дар", "дер"), frozenset("лмнңзж")),
    (("тар", "тер"), _KK_VOICELESS),
    # possessive: 3rd person, 1st plural
    (("сы", "сі"), _V),
    (("ы", "і"), _CONSONANT),
    (("ымыз", "іміз"), _CONSONANT),
    (("мыз", "міз"), _V),
    # genitive
    (("ның", "нің"), _V | _NASAL),
    (("дың", "дің"), frozenset("рлйузж")),
    (("тың", "тің"), _KK_VOICELESS),
    # accusative
    (("ны", "ні"), _V),
    (("ды", "ді"), _AFTER_SONORANT_OR_Z),
    (("ты", "ті"), _KK_VOICELESS),
    # after the 3rd-person possessive the accusative is a bare -н (контингенті-н, заңы-н)
    (("н",), _POSS3),
    # dative
    (("ға", "ге"), _V | _AFTER_SONORANT_OR_Z),
    (("қа", "ке"), _KK_VOICELESS),
    (("на", "не"), _POSS3),
    # locative and locative-attributive
    (("да", "де", "дағы", "дегі"), _V | _AFTER_SONORANT_OR_Z),
    (("та", "те", "тағы", "тегі"), _KK_VOICELESS),
    (("нда", "нде", "ндағы", "ндегі"), _POSS3),
    # ablative
    (("дан", "ден"), _V | frozenset("рлйузж")),
    (("нан", "нен"), _NASAL | _POSS3),
    (("тан", "тен"), _KK_VOICELESS),
    # instrumental
    (("мен", "менен"), _V | _SONORANT),
    (("бен", "бенен"), frozenset("зж")),
    (("пен", "пенен"), _KK_VOICELESS),
)
# Longest first, so -ның is tried before -ы and -ндағы before -да.
_KK_SUFFIXES: tuple[tuple[str, frozenset[str]], ...] = tuple(
    sorted(
        ((suffix, before) for group, before in _KK_ENDINGS for suffix in group),
        key=lambda item: (-len(item[0]), item[0]),
    )
)
_BACK = frozenset("аоұы")
_FRONT = frozenset("әеөүі")
# Shortest stem left after stripping: Kazakh roots are mostly one syllable (ел, үй, су), so two
# letters with a vowel; a shorter remainder means the "suffix" was part of the root.
_KK_MIN_STEM = 2


def _harmonic(stem: str, suffix: str) -> bool:
    """False when the suffix's vowel clashes with the stem's last vowel (loanwords pass)."""
    suffix_back = any(ch in _BACK for ch in suffix)
    suffix_front = any(ch in _FRONT for ch in suffix)
    for ch in reversed(stem):
        if ch in _BACK:
            return not suffix_front
        if ch in _FRONT:
            return not suffix_back
    return True


# The instrumental is the one ending without vowel harmony (Қазақстанмен, кітаппен, үймен).
_NO_HARMONY = frozenset({"мен", "менен", "бен", "бенен", "пен", "пенен"})
# A voiced final consonant of the root shows before a vowel-initial ending (министрлік →
# министрлігі, кітап → кітабы); the stem is written with the voiceless one, so both meet.
_DEVOICE = {"г": "к", "ғ": "қ", "б": "п"}
# Roots that drop the vowel of their last syllable before a vowel (халық → халқы, орын →
# орны): the consonants after which the dropped form occurs.
_FLEETING_AFTER = frozenset("қклрнзсмй")


def _strip_one(stem: str) -> str | None:
    for suffix, before in _KK_SUFFIXES:
        if not stem.endswith(suffix):
            continue
        rest = stem[: -len(suffix)]
        if (
            len(rest) >= _KK_MIN_STEM
            and rest[-1] in before
            and any(ch in _V or ch == "у" for ch in rest)
            and (suffix in _NO_HARMONY or _harmonic(rest, suffix))
        ):
            return rest
    return None


@lru_cache(maxsize=200_000)
def kazakh_stem(word: str) -> str:
    """The stem of one lower-cased Kazakh word: plural, possessive and case endings removed.

    Endings are stripped longest first, repeatedly, until none applies; so the result is a
    fixed point (``kazakh_stem(kazakh_stem(w)) == kazakh_stem(w)``) and a word that looks
    inflected in its bare form (``қазақстан`` ends like the ablative ``-тан``) lands on the same
    stem as its real inflected forms (``қазақстаннан``). Derivational suffixes (-лық, -шы, -ым)
    and 1st/2nd-person singular possessives are kept: the former make different words, and the
    latter look too much like the ends of roots (білім, ұйым) in the texts an archive holds.
    """
    stem = word
    while (shorter := _strip_one(stem)) is not None:
        stem = shorter
    if stem and stem[-1] in _DEVOICE:
        stem = stem[:-1] + _DEVOICE[stem[-1]]
    return stem


def fleeting_vowel_stem(stem: str) -> str | None:
    """The stem without the vowel of its last syllable (халық → халқ), or None.

    Used for queries only: the index holds whichever form the text had (халқына → халқ), and
    the reader types the dictionary form, so the query asks for both.
    """
    if (
        len(stem) >= 4
        and stem[-2] in "ыі"
        and stem[-1] in _FLEETING_AFTER
        and stem[-3] not in _V
        and any(ch in _V for ch in stem[:-2])
    ):
        return stem[:-2] + stem[-1]
    return None


