"""Fuzzy pairing of paragraphs: scored candidate pairs, then a greedy one-to-one choice.

Used by label carrying (``match``) for edited paragraphs and for retired texts coming back.
Similarity is ``rapidfuzz``'s ratio of the ``normalise_words`` texts; pairs between
``REVIEW`` and ``CARRY`` also need ``MIN_WORD_RATIO`` over words (see ``match``'s docstring
for why). Large gaps are not compared pair by pair: a score matrix up to
``_FULL_MATRIX_LIMIT`` pairs, beyond it candidates nominated by shared rare words.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Sequence

from rapidfuzz import fuzz, process

CARRY = 0.75
REVIEW = 0.5
MIN_WORD_RATIO = 0.5
_PAIRWISE_LIMIT = 400
_FULL_MATRIX_LIMIT = 20_000
_CANDIDATES = 8
_RARE_WORDS = 12


def _word_ratio(a: str, b: str) -> float:
    """Indel similarity of the two texts as sequences of words (not characters)."""
    return fuzz.ratio(a.split(), b.split()) / 100


def scored_pairs(
    old_words: Sequence[str], new_words: Sequence[str], olds: list[int], news: list[int]
) -> list[tuple[float, int, int]]:
    """Scored candidate pairs (similarity, old, new) at or above ``REVIEW``."""
    if not olds or not news:
        return []
    pairs: list[tuple[int, int]] = []
    if len(olds) * len(news) <= _PAIRWISE_LIMIT:  # small gaps: no need for a matrix
        pairs = [(i, j) for i in olds for j in news]
    elif len(olds) * len(news) <= _FULL_MATRIX_LIMIT:
        matrix = process.cdist(
            [old_words[i] for i in olds],
            [new_words[j] for j in news],
            scorer=fuzz.ratio,
            score_cutoff=REVIEW * 100,
            workers=1,
        )
        rows, cols = matrix.nonzero()
        pairs = [(olds[r], news[c]) for r, c in zip(rows.tolist(), cols.tolist(), strict=True)]
    else:
        index: dict[str, list[int]] = defaultdict(list)
        for j in news:
            for word in set(new_words[j].split()):
                index[word].append(j)
        for i in olds:
            # The rarest words of the old paragraph nominate its candidates: cheap, and
            # robust to edits elsewhere in the paragraph.
            postings = sorted(
                (len(index[w]), w) for w in set(old_words[i].split()) if w in index
            )[:_RARE_WORDS]
            hits: Counter[int] = Counter()
            for _, word in postings:
                hits.update(index[word])
            # Paragraphs of several words must share at least two of their rare ones.
            need = 2 if len(postings) >= 4 else 1
            strong = [kv for kv in hits.items() if kv[1] >= need]
            best = heapq.nsmallest(_CANDIDATES, strong, key=lambda kv: (-kv[1], kv[0]))
            pairs.extend((i, j) for j, _ in best)
    edges = []
    for i, j in pairs:
        sim = fuzz.ratio(old_words[i], new_words[j]) / 100
        if sim < REVIEW:
            continue
        if sim < CARRY and _word_ratio(old_words[i], new_words[j]) < MIN_WORD_RATIO:
            continue
        edges.append((sim, i, j))
    return edges


def assign(
    edges: list[tuple[float, int, int]], old_of: list[int | None], old_free: list[bool]
) -> dict[int, float]:
    taken: dict[int, float] = {}
    for sim, i, j in sorted(edges, key=lambda e: (-e[0], e[1], e[2])):
        if old_free[i] and old_of[j] is None:
            old_free[i] = False
            old_of[j] = i
            taken[j] = sim
    return taken
