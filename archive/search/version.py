"""The version of ``stem_text``'s output an archive's word-form index was built with.

A module of its own, so that asking whether an archive's index is current (every ingest
does) loads no stemmer and no dictionary.
"""

from __future__ import annotations

from ..installed import versions

# The version of ``stem_text``'s output that an archive's word-form index was built with: the
# rules', and the dictionaries' and stemmer's they use. The index keeps no copy of its terms
# (the store removes a paragraph's terms by computing them again from its text), so any change
# that could change a term must change this. A package run from a source tree, without its
# metadata, is ``unknown``.
_PYMORPHY, _DICTIONARIES, _SNOWBALL = versions(
    ("pymorphy3", "pymorphy3-dicts-ru", "snowballstemmer"), "unknown")
INDEX_VERSION = f"terms-v2+pymorphy3-{_PYMORPHY}+dicts-ru-{_DICTIONARIES}+snowball-{_SNOWBALL}"
