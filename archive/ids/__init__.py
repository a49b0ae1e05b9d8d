"""Identity: normalisation, fingerprints, source keys, paragraph labels and label carrying.

Every format here is a promise to users (IDs are cited in papers); the details live in the
submodules' docstrings:

- ``normalise``: ``NORM_VERSION``, ``normalise``, ``normalise_words``, ``fingerprint``
- ``keys``: ``romanise``, ``mint_source_key``
- ``labels``: ``paragraph_id``, ``parse_paragraph_id``, ``label_sort_key``, ``next_label_after``
- ``match``: ``carry_labels`` and its dataclasses (``align``: its diff helpers; ``fuzzy``:
  scored pairs of similar paragraphs)
- ``overlap``: ``text_overlap`` for same-source detection
"""

from archive.ids.fuzzy import CARRY, REVIEW
from archive.ids.keys import ROMANISATION, mint_source_key, romanise
from archive.ids.labels import label_sort_key, next_label_after, paragraph_id, parse_paragraph_id
from archive.ids.match import (
    Assignment,
    CarryResult,
    OldParagraph,
    Tombstone,
    carry_labels,
)
from archive.ids.normalise import NORM_VERSION, fingerprint, normalise, normalise_words
from archive.ids.overlap import SAME_SOURCE_OVERLAP, text_overlap

__all__ = [
    "CARRY",
    "NORM_VERSION",
    "REVIEW",
    "ROMANISATION",
    "SAME_SOURCE_OVERLAP",
    "Assignment",
    "CarryResult",
    "OldParagraph",
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
    "text_overlap",
]
