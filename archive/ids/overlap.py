"""Same-source detection: how much of a new file's text an existing source already has."""

from __future__ import annotations

from collections.abc import Sequence

from archive.ids.normalise import normalise_words

SAME_SOURCE_OVERLAP = 0.6

Shingles = frozenset[tuple[str, ...]]


def shingles(texts: Sequence[str], *, size: int = 4) -> Shingles:
    """The overlapping *size*-word shingles of ``texts`` read as one stream of
    ``normalise_words`` words (so paragraph breaks do not matter).

    Computed once per text and kept by the caller: a new file is compared with several
    candidate sources, and a source with several files in one run.
    """
    words = " ".join(normalise_words(t) for t in texts).split()
    if len(words) < size:
        return frozenset({tuple(words)} if words else ())
    return frozenset(tuple(words[k : k + size]) for k in range(len(words) - size + 1))


def shingle_overlap(old: Shingles, new: Shingles) -> float:
    """Share of ``new``'s shingles that also occur in ``old``, 0.0–1.0; 0.0 when ``new`` is
    empty."""
    if not new:
        return 0.0
    return len(new & old) / len(new)


def text_overlap(old_texts: Sequence[str], new_texts: Sequence[str], *, size: int = 4) -> float:
    """Share of the new text's word shingles that also occur in the old text, 0.0–1.0.

    A new file whose overlap with an existing source is ``>= SAME_SOURCE_OVERLAP`` (0.6) is
    taken to be another manifestation of that source. Empty new text gives 0.0.
    """
    new = shingles(new_texts, size=size)
    if not new:
        return 0.0
    return shingle_overlap(shingles(old_texts, size=size), new)
