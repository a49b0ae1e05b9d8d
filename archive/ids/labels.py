"""Paragraph labels and paragraph IDs.

A **label** is ``<number><letters>``: ``17``, ``6b``, ``6zb``. Labels ``1..N`` are given in
reading order when a source is first ingested. A paragraph that appears later between two
known ones takes its predecessor's label plus the next free letter (``6`` → ``6b`` → ``6c``
… ``6z`` → ``6zb``); one inserted before the first paragraph counts from ``0`` (``0b``). The
letter ``a`` is never issued as a last letter, because ``6`` already is "6a". Labels are never
reused, not even after their paragraph is deleted.

Labels sort by number, then letters (``6 < 6b < 6c < 6zb < 7``). That order is only a
display order: the stored reading position (``seq``) is authoritative.

A **paragraph ID** is ``<source key>-p<label>`` (``kalila-2024-p17``): lowercase ASCII,
digits and hyphens, safe in URLs. In prose it may be written ``kalila-2024 ¶17`` or
``kalila-2024 ¶ 17``; both parse back to the same ID.
"""

from __future__ import annotations

import re
from collections.abc import Set

LABEL_RE = re.compile(r"^(\d+)([a-z]*)$")
_KEY = r"[a-z0-9]+(?:-[a-z0-9]+)*"
_LABEL = r"\d+(?:[a-z]*[b-z])?"
_ID_RE = re.compile(rf"^(?P<key>{_KEY})(?:-p|\s*¶\s*)(?P<label>{_LABEL})$")


def _check_label(label: str) -> re.Match[str]:
    m = LABEL_RE.match(label)
    if not m or (label.endswith("a") and m.group(2)):
        raise ValueError(f"not a paragraph label: {label!r}")
    return m


def label_sort_key(label: str) -> tuple[int, str]:
    """Sort key for labels: ``(number, letters)``, so 6 < 6b < 6c < 7 < 10."""
    m = _check_label(label)
    return int(m.group(1)), m.group(2)


def _increment(letters: str) -> str:
    """Next letter string after *letters* that sorts after it and does not end in ``a``."""
    if not letters:
        return "b"
    if letters[-1] == "z":
        return letters + "b"
    return letters[:-1] + chr(ord(letters[-1]) + 1)


def next_label_after(prev: str | None, taken: Set[str]) -> str:
    """Label for a paragraph that newly appears right after the one labelled *prev*.

    *prev* is ``None`` when the new paragraph comes first; labels then count from ``0``
    (``0b``, ``0c``, …). *taken* is every label ever issued for the source (live or
    tombstoned); the result is never in it and always sorts after *prev* and before the
    next whole number.
    """
    number, letters = (0, "") if prev is None else label_sort_key(prev)
    letters = _increment(letters)
    while f"{number}{letters}" in taken:
        letters = _increment(letters)
    return f"{number}{letters}"


def paragraph_id(key: str, label: str) -> str:
    """``<key>-p<label>``, e.g. ``paragraph_id("kalila-2024", "17") == "kalila-2024-p17"``."""
    if not re.fullmatch(_KEY, key):
        raise ValueError(f"not a source key: {key!r}")
    _check_label(label)
    return f"{key}-p{label}"


def parse_paragraph_id(text: str) -> tuple[str, str] | None:
    """Split a paragraph ID into ``(key, label)``, or ``None`` if *text* is not one.

    Accepts ``kalila-2024-p17``, ``kalila-2024 ¶17`` and ``kalila-2024 ¶ 17`` (any case,
    surrounding white space ignored). The key is greedy: the label is what follows the last
    ``-p``.
    """
    m = _ID_RE.match(text.strip().lower())
    if not m:
        return None
    return m.group("key"), m.group("label")
