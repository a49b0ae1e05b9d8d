"""The version of ``stem_text``'s output an archive's word-form index was built with.

A module of its own, so that asking whether an archive's index is current (every ingest
does) loads no stemmer and no dictionary.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version


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
