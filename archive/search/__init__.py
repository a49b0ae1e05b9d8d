"""Word-form search: index terms for paragraphs and MATCH expressions for readers' queries.

Kazakh and Russian inflect heavily, so a reader who types ``миротворец`` must also find
``миротворца``, and ``бітімгершілік`` must find ``бітімгершілікке``. The store writes
``stem_text(paragraph)`` into the FTS5 table ``paragraphs_stems`` (rowid = paragraphs.rowid);
readers' queries become MATCH expressions over it with ``stem_query`` (word forms) and
``keyboard_query`` (Kazakh typed on a Russian keyboard, ranked below).

Modules: ``fold`` (spellings made one), ``kazakh`` (suffix stripper), ``russian`` (pymorphy3
lemmas), ``terms`` (which terms a word is indexed and asked under), ``query`` (the query
language), ``highlight``. Changing a rule that changes ``stem_text`` changes the index: bump
``INDEX_VERSION`` so that archives re-index (``Store.reindex_word_forms``).
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from .fold import KAZAKH_LETTERS, fold_word, keyboard_form
from .highlight import highlight
from .kazakh import kazakh_stem
from .query import NOTHING, Part, keyboard_query, match_query, parse, stem_query
from .terms import keyboard_terms, query_terms, stem_text


def _installed(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:  # run from a source tree without the package's metadata
        return "unknown"


# The version of ``stem_text``'s output that an archive's word-form index was built with: the
# rules', and the dictionaries' and stemmer's they use. The index keeps no copy of its terms
# (the store removes a paragraph's terms by computing them again from its text), so any change
# that could change a term must change this.
INDEX_VERSION = (
    "terms-v2"
    f"+pymorphy3-{_installed('pymorphy3')}"
    f"+dicts-ru-{_installed('pymorphy3-dicts-ru')}"
    f"+snowball-{_installed('snowballstemmer')}"
)



def tiers(
    query: str, exact: str = "", table: str = "paragraphs"
) -> tuple[str, list[str]] | None:
    """The full-text index and the MATCH expressions (best tier first) of a search of
    ``table`` (``paragraphs`` or ``sources``): every form of the words, then their
    Russian-keyboard spellings of Kazakh; or, with ``exact``, the words as written. None
    when there is nothing to search for."""
    if query:
        keyboard = keyboard_query(query)
        return f"{table}_stems", [stem_query(query), *([keyboard] if keyboard else [])]
    if exact:
        return f"{table}_fts", [match_query(exact)]
    return None


__all__ = [
    "INDEX_VERSION",
    "KAZAKH_LETTERS",
    "NOTHING",
    "Part",
    "fold_word",
    "highlight",
    "kazakh_stem",
    "keyboard_form",
    "keyboard_query",
    "keyboard_terms",
    "match_query",
    "parse",
    "query_terms",
    "stem_query",
    "stem_text",
    "tiers",
]
