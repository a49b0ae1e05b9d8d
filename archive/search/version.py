"""The version of ``stem_text``'s output an archive's word-form index was built with.

A module of its own, so that asking whether an archive's index is current (every ingest
does) loads no stemmer and no dictionary.
"""

from __future__ import annotations

from ..installed import version

# The version of ``stem_text``'s output that an archive's word-form index was built with: the
# rules', and the dictionaries' and stemmer's they use. The index keeps no copy of its terms
# (the store removes a paragraph's terms by computing them again from its text), so any change
# that could change a term must change this. A package run from a source tree, without its
# metadata, is ``unknown``.
INDEX_VERSION = (
    "terms-v2"
    f"+pymorphy3-{version('pymorphy3', 'unknown')}"
    f"+dicts-ru-{version('pymorphy3-dicts-ru', 'unknown')}"
    f"+snowball-{version('snowballstemmer', 'unknown')}"
)
