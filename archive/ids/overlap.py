"""Same-source detection: how much of a new file's text an existing source already has."""

from __future__ import annotations

from collections.abc import Sequence

from archive.ids.normalise import normalise_words

SAME_SOURCE_OVERLAP = 0.6


def text_overlap(old_texts: Sequence[str], new_texts: Sequence[str], *, size: int = 4) -> float:
    """Share of the new text's word shingles that also occur in the old text, 0.0–1.0.

    Both texts are read as one stream of ``normalise_words`` words (so paragraph breaks do
    not matter) and cut into overlapping *size*-word shingles. A new file whose overlap
    with an existing source is ``>= SAME_SOURCE_OVERLAP`` (0.6) is taken to be another
    manifestation of that source. Empty new text gives 0.0.
    """
    def shingles(texts: Sequence[str]) -> set[tuple[str, ...]]:
        words = " ".join(normalise_words(t) for t in texts).split()
        if len(words) < size:
            return {tuple(words)} if words else set()
        return {tuple(words[k : k + size]) for k in range(len(words) - size + 1)}

    new = shingles(new_texts)
    if not new:
        return 0.0
    return len(new & shingles(old_texts)) / len(new)
