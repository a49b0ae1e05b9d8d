"""Identity: normalisation, fingerprints, source keys, paragraph labels and label carrying.

Every format here is a promise to users (IDs are cited in papers); the details live in the
submodules' docstrings:

- ``normalise``: ``NORM_VERSION``, ``normalise``, ``normalise_words``, ``fingerprint``
- ``keys``: ``romanise``, ``mint_source_key``
- ``labels``: ``paragraph_id``, ``parse_paragraph_id``, ``label_sort_key``, ``next_label_after``
- ``match``: ``carry_labels`` and its dataclasses (``align``: its diff helpers; ``fuzzy``:
  scored pairs of similar paragraphs)
- ``overlap``: ``text_overlap`` (``shingles``, ``shingle_overlap``) for same-source detection
"""

from typing import TYPE_CHECKING

# A module named like the function it holds is imported here: importing it anywhere would
# otherwise leave the package attribute naming the module, not the function.
from archive.ids.normalise import NORM_VERSION, fingerprint, normalise, normalise_words
from archive.lazy import lazy_names

if TYPE_CHECKING:
    from archive.ids.fuzzy import CARRY, REVIEW
    from archive.ids.keys import ROMANISATION, mint_source_key, romanise
    from archive.ids.labels import (
        label_sort_key,
        next_label_after,
        paragraph_id,
        parse_paragraph_id,
    )
    from archive.ids.match import (
        Assignment,
        CarryResult,
        OldParagraph,
        Tombstone,
        carry_labels,
    )
    from archive.ids.overlap import (
        SAME_SOURCE_OVERLAP,
        Shingles,
        shingle_overlap,
        shingles,
        text_overlap,
    )

# Each name is imported from its module when first used, so that a caller needing one
# small part (a citation needs the paragraph labels) does not load the rest.
_HOMES = {
    "CARRY": "fuzzy",
    "REVIEW": "fuzzy",
    "ROMANISATION": "keys",
    "mint_source_key": "keys",
    "romanise": "keys",
    "label_sort_key": "labels",
    "next_label_after": "labels",
    "paragraph_id": "labels",
    "parse_paragraph_id": "labels",
    "Assignment": "match",
    "CarryResult": "match",
    "OldParagraph": "match",
    "Tombstone": "match",
    "carry_labels": "match",
    "SAME_SOURCE_OVERLAP": "overlap",
    "text_overlap": "overlap",
    "Shingles": "overlap",
    "shingle_overlap": "overlap",
    "shingles": "overlap",
}


__getattr__ = lazy_names(__name__, _HOMES, globals())


__all__ = [
    "CARRY",
    "NORM_VERSION",
    "REVIEW",
    "ROMANISATION",
    "SAME_SOURCE_OVERLAP",
    "Assignment",
    "CarryResult",
    "OldParagraph",
    "Shingles",
    "Tombstone",
    "carry_labels",
    "fingerprint",
    "label_sort_key",
    "mint_source_key",
    "next_label_after",
    "normalise",
    "normalise_words",
    "paragraph_id",
    "parse_paragraph_id",
    "romanise",
    "shingle_overlap",
    "shingles",
    "text_overlap",
]
