"""Word forms for search: stems for the hidden index and for users' queries.

Kazakh and Russian inflect heavily, so a reader who types ``миротворческий`` must also find
``миротворческих``, and ``бітімгершілік`` must find ``бітімгершілікке``. The store writes
``stem_text(paragraph)`` into the FTS5 table ``paragraphs_stems`` (rowid = paragraphs.rowid);
the Datasette plugin turns a query into a MATCH expression over it with ``stem_query``.

Stemmers, chosen per word:

* Latin script — Snowball for the paragraph's language when Snowball has one, else English.
* Cyrillic with a Kazakh-only letter (ә ғ қ ң ө ұ ү һ і) — the Kazakh suffix stripper below
  (Snowball 3.1 has no Kazakh algorithm).
* Other Cyrillic — Kazakh when the paragraph is Kazakh (its ``lang``, or when unknown, enough of
  its words carry Kazakh letters), else Snowball Russian.

A query has no language, so an ambiguous Cyrillic query word is matched by both its Russian and
its Kazakh stem. Stems of four letters or more are prefix-matched, which forgives a stem that
came out a little longer on the query side than in the index; shorter ones must match whole.

Changing any rule here changes the index: re-ingest (or rebuild ``paragraphs_stems``) after it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

KAZAKH_LETTERS = frozenset("әғқңөұүһі")

# Text is folded before stemming: case, ё→е (Russian writing omits the diaeresis freely), stress
# marks and soft or zero-width hyphens, which would otherwise split one word into two.
# A character class, not a translate table: ``str.translate`` looks up every character of a
# Cyrillic text in the table, a regex only finds the few there are.
_DROP = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff\u0301\u0300]")
_WORD = re.compile(r"[^\W_]+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[a-z\u00c0-\u024f]")
# Quoted phrases in a query: straight, typographic and guillemet quotes.
_PHRASE = re.compile(r"\"([^\"]*)\"|“([^”]*)”|«([^»]*)»|„([^“”]*)[“”]")

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


def _strip_one(stem: str) -> str | None:
    for suffix, before in _KK_SUFFIXES:
        if not stem.endswith(suffix):
            continue
        rest = stem[: -len(suffix)]
        if (
            len(rest) >= _KK_MIN_STEM
            and rest[-1] in before
            and any(ch in _V or ch == "у" for ch in rest)
            and _harmonic(rest, suffix)
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
    return stem


# ---- word stems --------------------------------------------------------------------------------


@lru_cache(maxsize=64)
def _snowball(algorithm: str) -> snowballstemmer.Stemmer:
    return snowballstemmer.stemmer(algorithm)


@lru_cache(maxsize=500_000)
def _stem(word: str, algorithm: str) -> str:
    if algorithm == "kazakh":
        return kazakh_stem(word)
    return str(_snowball(algorithm).stemWord(word))


def _fold(text: str) -> str:
    return _DROP.sub("", unicodedata.normalize("NFC", text)).lower().replace("ё", "е")


def _words(text: str) -> list[str]:
    return _WORD.findall(_fold(text))


def _has_kazakh_letter(word: str) -> bool:
    return not KAZAKH_LETTERS.isdisjoint(word)


def _latin_algorithm(lang: str | None) -> str:
    return _SNOWBALL.get((lang or "").lower()[:2], "english")


def _is_kazakh_text(words: list[str], lang: str | None) -> bool:
    code = (lang or "").lower()[:2]
    if code == "kk":
        return True
    if code in {"ru", "uk", "be", "bg", "sr"}:
        return False
    cyrillic = [w for w in words if _CYRILLIC.search(w)]
    if not cyrillic:
        return False
    marked = sum(1 for w in cyrillic if _has_kazakh_letter(w))
    return marked >= _KAZAKH_SHARE * len(cyrillic)


def _algorithm(word: str, kazakh_default: bool, latin: str) -> str | None:
    if _has_kazakh_letter(word):
        return "kazakh"
    if _CYRILLIC.search(word):
        return "kazakh" if kazakh_default else "russian"
    if _LATIN.search(word):
        return latin
    return None  # numbers and other scripts are indexed as they are


def stem_text(text: str, lang: str | None = None) -> str:
    """The text as space-separated, lower-cased stems, for the word-form index.

    ``lang`` is the paragraph's language code (``kk``, ``ru``, ``en``, …) or None; it decides
    only the words whose letters do not (a Cyrillic word without Kazakh letters, a Latin
    word). Numbers and words of other scripts are kept unchanged.
    """
    words = _words(text)
    kazakh_default = _is_kazakh_text(words, lang)
    latin = _latin_algorithm(lang)
    stems = []
    for word in words:
        algorithm = _algorithm(word, kazakh_default, latin)
        stems.append(_stem(word, algorithm) if algorithm else word)
    return " ".join(stems)


def _query_stems(word: str) -> list[str]:
    """Every stem the index may hold for this query word: one, or more where scripts are shared."""
    if _has_kazakh_letter(word):
        algorithms = ["kazakh"]
    elif _CYRILLIC.search(word):
        algorithms = ["russian", "kazakh"]
    elif _LATIN.search(word):
        algorithms = ["english"]
    else:
        return [word]
    candidates = [_stem(word, algorithm) for algorithm in algorithms]
    if len(algorithms) > 1:
        # A Kazakh form of a shared loanword (республикасы → республика) also reaches the
        # Russian forms of it (республики) through the Russian stem of its Kazakh stem.
        candidates.append(_stem(_stem(word, "kazakh"), "russian"))
    stems: list[str] = []
    for stem in candidates:
        # A prefix query for "республик" already covers "республика": keep the shortest.
        if any(_covers(s, stem) for s in stems):
            continue
        stems = [s for s in stems if not _covers(stem, s)] + [stem]
    return stems


def _covers(term: str, stem: str) -> bool:
    """Whether the query term for ``term`` also matches the indexed stem ``stem``."""
    return stem.startswith(term) if len(term) >= _PREFIX_FROM else stem == term


# Stems this short are matched whole: as prefixes they would match unrelated words (ел* would
# find елші "ambassador"); both sides are stemmed alike, so the whole stem is what is indexed.
_PREFIX_FROM = 4


def _stem_term(stem: str) -> str:
    return _quote(stem) + ("*" if len(stem) >= _PREFIX_FROM else "")


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _either(options: list[str]) -> str:
    return options[0] if len(options) == 1 else "(" + " OR ".join(options) + ")"


def _phrase(words: list[str]) -> str:
    # A phrase is one stretch of one language: a Kazakh letter anywhere decides for all its
    # Cyrillic words, otherwise both readings are tried.
    latin = _latin_algorithm(None)
    kazakh = any(_has_kazakh_letter(w) for w in words)
    variants: list[str] = []
    for kazakh_default in (True,) if kazakh else (False, True):
        stems = []
        for word in words:
            algorithm = _algorithm(word, kazakh_default, latin)
            stems.append(_stem(word, algorithm) if algorithm else word)
        phrase = _quote(" ".join(stems))
        if phrase not in variants:
            variants.append(phrase)
    return _either(variants)


# Matches no row: FTS5 refuses an empty expression, and a query of only punctuation should
# find nothing rather than fail.
NOTHING = '""'


def _split_query(query: str) -> tuple[list[list[str]], list[str]]:
    """The words of each quoted phrase («…», "…", “…”), and the words outside any phrase."""
    phrases: list[list[str]] = []
    rest: list[str] = []
    position = 0
    for match in _PHRASE.finditer(query):
        rest.append(query[position : match.start()])
        position = match.end()
        words = _words(next(g for g in match.groups() if g is not None))
        if words:
            phrases.append(words)
    rest.append(query[position:])
    return phrases, _words(" ".join(rest))


def stem_query(query: str) -> str:
    """A user's search words as an FTS5 MATCH expression over the word-form index.

    Each word becomes the prefix query of its stem (``миротворческих`` → ``"миротворческ"*``;
    stems under four letters must match whole),
    ORed with its other possible stem when Russian and Kazakh share its letters; quoted
    phrases («…», "…", “…”) stay phrases of stems; everything is ANDed. Operators and
    punctuation typed by the user are never passed to FTS5, so any input is a valid query.
    """
    phrases, loose = _split_query(query)
    parts = [_phrase(words) for words in phrases]
    parts += [_either([_stem_term(stem) for stem in _query_stems(word)]) for word in loose]
    return " AND ".join(parts) if parts else NOTHING


def match_query(query: str) -> str:
    """A user's search words as a safe FTS5 MATCH expression over the exact-text index.

    Words are quoted and ANDed, quoted phrases stay phrases; no user text reaches FTS5 as
    syntax, so ``C++``, ``"`` or ``AND`` alone do not raise errors.
    """
    phrases, loose = _split_query(query)
    parts = [_quote(" ".join(words)) for words in phrases] + [_quote(word) for word in loose]
    return " AND ".join(parts) if parts else NOTHING


def _word_stems(word: str) -> list[str]:
    if _has_kazakh_letter(word):
        return [_stem(word, "kazakh")]
    if _CYRILLIC.search(word):
        return [_stem(word, "russian"), _stem(word, "kazakh")]
    if _LATIN.search(word):
        return [_stem(word, "english")]
    return [word]


def highlight(
    text: str, query: str, *, before: str = "<mark>", after: str = "</mark>", window: int = 60
) -> str:
    """``text`` with every form of the query's words wrapped in ``before``/``after``.

    Used to show why a word-form search matched: the index holds stems, which FTS5's
    ``snippet()`` cannot point back into the text. A long text is cut to about ``window``
    words around the first match, with ``…`` where it was cut. The text is not escaped.
    """
    wanted: list[str] = []
    for word in _words(query):
        wanted.extend(_query_stems(word))
    spans = list(_WORD.finditer(text))
    hits = [
        i
        for i, match in enumerate(spans)
        if any(_covers(w, s) for s in _word_stems(_fold(match.group())) for w in wanted)
    ]
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
