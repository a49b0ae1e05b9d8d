"""Word-form search: index terms for paragraphs and MATCH expressions for readers' queries.

Kazakh and Russian inflect heavily, so a reader who types ``миротворец`` must also find
``миротворца``, and ``бітімгершілік`` must find ``бітімгершілікке``. The store writes
``stem_text(paragraph)`` into the FTS5 table ``paragraphs_stems`` (rowid = paragraphs.rowid);
readers' queries become MATCH expressions over it with ``stem_query`` (word forms) and
``keyboard_query`` (Kazakh typed on a Russian keyboard, ranked below).

Modules: ``fold`` (spellings made one), ``kazakh`` (suffix stripper), ``russian`` (pymorphy3
lemmas), ``terms`` (which terms a word is indexed and asked under), ``query`` (the query
language), ``matching`` (the index and MATCH expressions of a search), ``marking`` (the
words a hit matched), ``version`` (the index's version). Changing a rule that changes
``stem_text`` changes the index: bump ``INDEX_VERSION`` so that archives re-index
(``Store.reindex_word_forms``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import lazy_names

if TYPE_CHECKING:
    from .fold import KAZAKH_LETTERS, fold_word, keyboard_form
    from .kazakh import kazakh_stem
    from .marking import highlight
    from .matching import tiers
    from .query import NOTHING, Part, keyboard_query, match_query, parse, stem_query
    from .terms import keyboard_terms, query_terms, stem_text
    from .version import INDEX_VERSION

# Each name is imported from its module when first used: asking whether an index is current
# (every ingest, even of files already kept) loads no stemmer and no query parser.
_HOMES = {
    "KAZAKH_LETTERS": "fold", "fold_word": "fold", "keyboard_form": "fold",
    "highlight": "marking", "kazakh_stem": "kazakh",
    "NOTHING": "query", "Part": "query", "keyboard_query": "query", "match_query": "query",
    "parse": "query", "stem_query": "query",
    "keyboard_terms": "terms", "query_terms": "terms", "stem_text": "terms",
    "tiers": "matching", "INDEX_VERSION": "version",
}  # fmt: skip

__getattr__ = lazy_names(__name__, _HOMES, globals())

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
