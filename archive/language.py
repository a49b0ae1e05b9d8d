"""Language identification (ISO 639-1 codes): of each paragraph for the segmenter, of a title
or a keyword for the metadata stage (``metadata.patterns.guess_lang``), one model for both.

Kazakh is the corpus's main language and the one general-purpose identifiers confuse most
often (with Kyrgyz, Russian, Tatar), so its own letters decide first; everything else goes to
py3langid restricted to the languages the archive expects. The model is loaded once, on the
first call that needs it, because ``detect_language`` runs on every paragraph of the corpus
and importing this module must stay cheap: a short command that merges metadata never loads it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

# Languages py3langid may answer with. A small set keeps short paragraphs from being
# labelled with look-alike languages nobody in the corpus writes (e.g. Macedonian for Russian).
LANGUAGES = ("kk", "ru", "en", "uk", "ky", "uz", "tr", "de", "fr", "es", "it", "pl", "zh", "ar")

# Letters of the Kazakh alphabet that Russian lacks. "і" is shared with Ukrainian and
# Belarusian, so it only counts when no letter specific to those languages is present.
_KK_STRONG = frozenset("әғқңөұүһӘҒҚҢӨҰҮҺ")
_KK_WEAK = frozenset("іІ")
_UK_BE = frozenset("їєґўЇЄҐЎ")
# Kyrgyz uses ң ө ү but never ә ғ қ ұ һ і.
_KK_ONLY = frozenset("әғқұһӘҒҚҰҺ")

_URL_OR_MAIL = re.compile(r"\S+@\S+|https?://\S+|www\.\S+|doi\.org/\S+", re.IGNORECASE)
# Cyrillic letters: the block minus its signs and combining marks (U+0482-U+0489).
_NOT_CYRILLIC_LETTER = re.compile("[^\u0400-\u0481\u048a-\u04ff]+")
_UK_BE_ANY = re.compile("[" + "".join(sorted(_UK_BE)) + "]")
_KK_ONLY_ANY = re.compile("[" + "".join(sorted(_KK_ONLY)) + "]")
# Languages the model is only trusted with when their own letters appear.
_NEEDS_LETTERS = {
    "tr": re.compile("[çğışöüÇĞİŞÖÜ]"),
    "uz": re.compile("[oOgG][ʻʼ'‘’`]|[ʻʼ]"),
    "pl": re.compile("[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]"),
    "de": re.compile("[äöüßÄÖÜ]"),
    # Cyrillic look-alikes of Russian: Kazakh and Kyrgyz have letters of their own,
    # Ukrainian і ї є ґ.
    "kk": re.compile("[әғқңөұүһіӘҒҚҢӨҰҮҺІ]"),
    "ky": re.compile("[ңөүҢӨҮ]"),
    "uk": re.compile("[іїєґІЇЄҐ]"),
}
_MIN_LETTERS = 4
# Below this many letters py3langid is guesswork; Cyrillic without any language-specific
# letter is then most likely Russian, Latin most likely English.
_SHORT = 16


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE)
    ident.set_languages(list(LANGUAGES))
    return ident


def detect_language(text: str) -> str | None:
    """Return the ISO 639-1 code of ``text``'s language, or None when there is too little to tell.

    Text with fewer than four letters (page numbers, codes, a DOI) has no language. Kazakh is
    recognised by its own letters: when they make up a noticeable share of the Cyrillic
    letters the answer is ``kk`` without consulting the statistical model.
    """
    cleaned = _URL_OR_MAIL.sub(" ", text) if _may_have_address(text) else text
    # Only "fewer than _SHORT letters?" matters, and then the letters themselves.
    letters = _first_letters(cleaned, _SHORT)
    if len(letters) < _MIN_LETTERS or (len(letters) < 8 and len(cleaned) != len(text)):
        return None  # nothing but a code, or a label next to an address
    cyrillic = _NOT_CYRILLIC_LETTER.sub("", cleaned)
    if cyrillic:
        strong = sum(map(cyrillic.count, _KK_STRONG))
        weak = 0 if _UK_BE_ANY.search(cyrillic) else sum(map(cyrillic.count, _KK_WEAK))
        kk_only = _KK_ONLY_ANY.search(cyrillic) is not None
        # Kazakh prose has 8-25 % of these letters; a Russian paragraph quoting a Kazakh
        # name has a percent or two.
        if (kk_only or weak) and (strong + weak) >= max(1.0, 0.04 * len(cyrillic)):
            return "kk"
    if len(letters) < _SHORT:
        if all(map(str.isupper, letters)):
            return None  # an acronym with a code: УДК, ГРНТИ, DOI
        if len(cyrillic) * 2 >= len(letters):
            return _short_cyrillic(cyrillic)
        if letters.isascii():
            return "en"
    lang, _score = _identifier().classify(cleaned)
    if lang in _NEEDS_LETTERS and not _NEEDS_LETTERS[lang].search(cleaned):
        # Names and places ("Narxoz University, Almaty", "Ерлан Жумабаев") pull the model to
        # a look-alike language; real text in those shows its own letters.
        ranked = _identifier().rank(cleaned)
        lang = next(code for code, _ in ranked if code not in _NEEDS_LETTERS)
    return str(lang)


def _may_have_address(text: str) -> bool:
    """Every match of ``_URL_OR_MAIL`` needs "@", "/" or "www."; most paragraphs have none."""
    return "@" in text or "/" in text or "w." in text or "W." in text


def _first_letters(text: str, limit: int) -> str:
    """The first ``limit`` characters of ``text`` for which ``str.isalpha`` holds."""
    found: list[str] = []
    for ch in text:
        if ch.isalpha():
            found.append(ch)
            if len(found) == limit:
                break
    return "".join(found)


def _short_cyrillic(cyrillic: str) -> str:
    chars = set(cyrillic)
    if chars & _UK_BE:
        return "uk"
    if chars & frozenset("ңөүҢӨҮ"):
        # Shared by Kazakh and Kyrgyz; in a few letters ("Аңдатпа") the corpus's own
        # language is far likelier. Longer Kyrgyz text is told apart by the model.
        return "kk"
    return "ru"
