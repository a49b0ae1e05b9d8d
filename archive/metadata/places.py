"""Names of countries and territories, in the languages the archive meets: a line that
names one (``The Netherlands``, ``Norway``, ``IBM Japan``) is an affiliation's, no one's
name. The names come from the Unicode CLDR, as Babel ships it."""

from __future__ import annotations

from functools import lru_cache

_LANGUAGES = ("en", "ru", "kk", "uk", "de", "fr", "es", "it")


@lru_cache(maxsize=1)
def _territories() -> frozenset[str]:
    # Babel loads its locale data on first use: only a line that could be a name asks.
    from babel import Locale

    return frozenset(name.casefold() for lang in _LANGUAGES
                     for name in Locale.parse(lang).territories.values())


def names_a_place(text: str) -> bool:
    """``text`` is a country's name, with its article (``The Netherlands``), or an
    organisation's acronym before one (``IBM Japan``)."""
    words = text.split()
    if words and words[0].casefold() in ("the", "la", "le", "die"):
        words = words[1:]
    if len(words) >= 2 and words[0].isupper() and len(words[0]) >= 2 and (
            " ".join(words[1:]).casefold() in _territories()):
        return True
    return bool(words) and " ".join(words).casefold() in _territories()
