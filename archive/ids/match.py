"""Carrying paragraph labels from a source's current paragraphs to a new file of it.

Passes, each only over what the previous ones left unmatched:

1. **exact**: equal ``normalise`` text, in order — a patience diff (unique texts anchor a
   longest increasing subsequence; the gaps between anchors are diffed recursively, with
   ``difflib`` for runs of repeated texts).
2. **moved**: equal text elsewhere, paired in reading order.
3. **split** / **merged**: an old paragraph whose normalised text is exactly the
   concatenation of 2+ consecutive new ones (the first part keeps the label, the others get
   new labels), and 2+ consecutive old ones concatenated into one new paragraph (it takes
   the first old label; the others become ``merged_into`` tombstones).
4. **containment** (re-segmentation): old paragraphs found verbatim, at word boundaries,
   inside one new paragraph and together covering ``>= CONTAINED`` (0.6) of it: the first
   one (in text order) gives its label (``merged`` when several, else ``fuzzy``); then the
   same with new paragraphs inside an old one (``split``, or ``fuzzy`` for one). Coverage
   below ``CARRY`` sets ``review``.
5. **fuzzy**, one-to-one: ``rapidfuzz`` ratio of the ``normalise_words`` texts, first within
   each gap between exact anchors, then across gaps (a paragraph both moved and edited),
   where candidates are pairs sharing rare words. Pairs at ``>= CARRY`` (0.75) carry the
   label; ``REVIEW``..``CARRY`` (0.5–0.75) carry it with ``review=True``, but only when the
   same ratio over *words* is also ``>= MIN_WORD_RATIO`` (0.5): paragraphs of one article
   share letters and vocabulary, so character similarity alone reaches 0.6–0.7 for
   unrelated ones, while a real heavy edit keeps runs of words in order. Best pairs are taken
   first; ties go to the earlier old, then the earlier new paragraph.
6. **absorbed**: an old paragraph still unmatched whose text is verbatim inside some new
   paragraph (a boundary moved: "heading + first sentence"). A new paragraph without a
   label takes it (``fuzzy``, ``review=True``); otherwise the old label becomes a
   ``merged_into`` tombstone pointing at the paragraph that now holds its text.
7. **restored** (run just before pass 6, which defers to it): a new paragraph still
   without an old label (or a later part of a split) whose text is a *retired* paragraph's
   last text (a tombstone's: deleted, merged or absorbed by an earlier file) takes that
   label back: equal ``normalise`` text first (in order), then ``rapidfuzz`` similarity
   ``>= CARRY``, best pairs first. A passage that a poorer file lost or glued to a
   neighbour thus gets its own ID again when a better file brings it back, instead of a
   new label while the old ID points at a neighbour that no longer holds its words.

Everything iterates over lists in index order, so equal inputs give equal outputs.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict, deque
from collections.abc import Sequence, Set
from dataclasses import dataclass
from itertools import pairwise
from typing import Literal

from rapidfuzz import fuzz, process

from archive.ids.align import exact_in_order, find_concats, find_contained
from archive.ids.labels import label_sort_key, next_label_after
from archive.ids.normalise import normalise_words

CARRY = 0.75
REVIEW = 0.5
MIN_WORD_RATIO = 0.5
CONTAINED = 0.6
_PAIRWISE_LIMIT = 400
_FULL_MATRIX_LIMIT = 20_000
_CANDIDATES = 8
_RARE_WORDS = 12

MatchKind = Literal["exact", "moved", "split", "merged", "fuzzy", "restored", "new"]
TombstoneKind = Literal["deleted", "merged_into", "split_into"]


@dataclass(frozen=True, slots=True)
class OldParagraph:
    """A live paragraph of the source, in reading order."""

    label: str
    text: str


@dataclass(frozen=True, slots=True)
class Assignment:
    """The label given to one new paragraph.

    ``similarity`` is 1.0 for exact, moved and exact-concatenation split/merged; the share
    of the text covered for a containment split/merged; the character ratio for ``fuzzy``;
    ``None`` for ``new``. ``review`` asks a person to confirm the carry. ``from_labels`` are
    the old labels whose text this paragraph continues (several for ``merged``).
    """

    label: str
    kind: MatchKind
    similarity: float | None
    review: bool = False
    from_labels: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Tombstone:
    """An old label that no new paragraph carries. It still resolves, to its last text.

    ``merged_into``: its text is now part of the paragraph labelled ``into[0]`` (merged, or
    found verbatim inside it).
    ``deleted``: its text is gone. ``split_into`` is part of the stored vocabulary but is
    never produced by ``norm-v1`` matching, because the first part of a split keeps the
    label (the parts are ``Assignment(kind="split")``).
    """

    label: str
    kind: TombstoneKind
    into: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CarryResult:
    assignments: tuple[Assignment, ...]  # one per new paragraph, in order
    tombstones: tuple[Tombstone, ...]  # in old reading order


def _word_ratio(a: str, b: str) -> float:
    """Indel similarity of the two texts as sequences of words (not characters)."""
    return fuzz.ratio(a.split(), b.split()) / 100


def _edges(
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


def _assign(
    edges: list[tuple[float, int, int]], old_of: list[int | None], old_free: list[bool]
) -> dict[int, float]:
    taken: dict[int, float] = {}
    for sim, i, j in sorted(edges, key=lambda e: (-e[0], e[1], e[2])):
        if old_free[i] and old_of[j] is None:
            old_free[i] = False
            old_of[j] = i
            taken[j] = sim
    return taken


def _restore(
    retired: Sequence[OldParagraph], live: Set[str], new_words: Sequence[str], news: list[int]
) -> dict[int, tuple[str, float]]:
    """Pass 7: new index -> (retired label, similarity) for the retired texts that came back."""
    gone = [p for p in retired if p.label not in live]
    if not gone or not news:
        return {}
    gone_words = [normalise_words(p.text) for p in gone]
    waiting: dict[str, deque[int]] = defaultdict(deque)
    for i, words in enumerate(gone_words):
        if words:
            waiting[words.replace(" ", "")].append(i)
    out: dict[int, tuple[str, float]] = {}
    free = [True] * len(gone)
    for j in news:
        queue = waiting.get(new_words[j].replace(" ", ""))
        if queue:
            i = queue.popleft()
            free[i] = False
            out[j] = (gone[i].label, 1.0)
    olds = [i for i in range(len(gone)) if free[i]]
    rest = [j for j in news if j not in out]
    edges = [e for e in _edges(gone_words, new_words, olds, rest) if e[0] >= CARRY]
    old_of: list[int | None] = [None] * len(new_words)
    for j, score in _assign(edges, old_of, free).items():
        old = old_of[j]
        assert old is not None
        out[j] = (gone[old].label, score)
    return out


def carry_labels(
    old: Sequence[OldParagraph],
    new_texts: Sequence[str],
    taken_labels: Set[str],
    retired: Sequence[OldParagraph] = (),
) -> CarryResult:
    """Give every paragraph of a new file a label, carrying old labels where text matches.

    *old* are the source's live paragraphs in reading order; *taken_labels* every label
    ever issued for the source (tombstones included; the old labels are added anyway);
    *retired* the source's tombstoned paragraphs with their last text, in reading order,
    which a new paragraph bringing that text back takes again (``restored``). See the module
    docstring for the passes and thresholds.
    """
    labels = [p.label for p in old]
    if len(set(labels)) != len(labels):
        raise ValueError("old paragraphs have duplicate labels")
    for label in labels:
        label_sort_key(label)
    old_words = [normalise_words(p.text) for p in old]
    new_words = [normalise_words(t) for t in new_texts]
    old_flat = [w.replace(" ", "") for w in old_words]
    new_flat = [w.replace(" ", "") for w in new_words]
    n_old, n_new = len(old), len(new_texts)

    old_of: list[int | None] = [None] * n_new
    kind: list[MatchKind] = ["new"] * n_new
    sim: list[float | None] = [None] * n_new
    old_free = [True] * n_old

    anchors = exact_in_order(old_flat, new_flat)
    for i, j in anchors:
        old_of[j], kind[j], sim[j], old_free[i] = i, "exact", 1.0, False

    waiting: dict[str, deque[int]] = defaultdict(deque)
    for i in range(n_old):
        if old_free[i]:
            waiting[old_flat[i]].append(i)
    for j in range(n_new):
        queue = waiting.get(new_flat[j])
        if old_of[j] is None and queue:
            i = queue.popleft()
            old_of[j], kind[j], sim[j], old_free[i] = i, "moved", 1.0, False

    new_free = [o is None for o in old_of]
    split_parts: dict[int, int] = {}  # new index of a later part -> old index
    for i, run in find_concats(old_flat, old_free, new_flat, new_free):
        old_of[run[0]], kind[run[0]], sim[run[0]] = i, "split", 1.0
        for j in run[1:]:
            split_parts[j] = i
            kind[j], sim[j] = "split", 1.0
    merged_from: dict[int, list[int]] = {}
    for j, run in find_concats(new_flat, new_free, old_flat, old_free):
        old_of[j], kind[j], sim[j] = run[0], "merged", 1.0
        merged_from[j] = run

    # Re-segmentation: old paragraphs found verbatim inside a new one (or new ones inside
    # an old one) that together make up most of it.
    review_at: set[int] = set()
    found = find_contained(new_flat, new_words, new_free, old_flat, old_free, CONTAINED)
    for j, run, cover in found:
        old_of[j] = run[0]
        if len(run) > 1:
            kind[j], sim[j] = "merged", round(cover, 4)
            merged_from[j] = run
        else:
            kind[j], sim[j] = "fuzzy", fuzz.ratio(old_words[run[0]], new_words[j]) / 100
        if cover < CARRY:
            review_at.add(j)
    found = find_contained(old_flat, old_words, old_free, new_flat, new_free, CONTAINED)
    for i, run, cover in found:
        first = run[0]
        old_of[first] = i
        if len(run) > 1:
            kind[first], sim[first] = "split", round(cover, 4)
            for j in run[1:]:
                split_parts[j] = i
                kind[j], sim[j] = "split", 1.0
        else:
            kind[first] = "fuzzy"
            sim[first] = fuzz.ratio(old_words[i], new_words[first]) / 100
        if cover < CARRY:
            review_at.add(first)

    fuzzy: dict[int, float] = {}
    bounds = [(-1, -1), *anchors, (n_old, n_new)]
    for (ai, aj), (bi, bj) in pairwise(bounds):
        olds = [i for i in range(ai + 1, bi) if old_free[i]]
        news = [j for j in range(aj + 1, bj) if old_of[j] is None and j not in split_parts]
        fuzzy |= _assign(_edges(old_words, new_words, olds, news), old_of, old_free)
    if len(bounds) > 2:  # with a single gap the pass above already saw every pair
        olds = [i for i in range(n_old) if old_free[i]]
        news = [j for j in range(n_new) if old_of[j] is None and j not in split_parts]
        fuzzy |= _assign(_edges(old_words, new_words, olds, news), old_of, old_free)
    for j, score in fuzzy.items():
        kind[j], sim[j] = "fuzzy", score

    # Pass 7 (restored) runs before pass 6: a retired paragraph's own text coming back is
    # stronger evidence than a live one's text found inside it. Candidates: unlabelled
    # paragraphs and later parts of splits (old_of is None for both).
    unlabelled = [j for j in range(n_new) if old_of[j] is None]
    restored = _restore(retired, set(labels), new_words, unlabelled)

    # Pass 6 (absorbed): see the module docstring.
    absorbed: dict[int, int] = {}  # old index -> new index holding its text
    holders = [True] * n_new
    for j, run, _ in find_contained(new_flat, new_words, holders, old_flat, old_free, 0.0):
        if old_of[j] is None and j not in split_parts and j not in restored:
            old_of[j], kind[j] = run[0], "fuzzy"
            sim[j] = fuzz.ratio(old_words[run[0]], new_words[j]) / 100
            review_at.add(j)
            run = run[1:]
        for i in run:
            absorbed[i] = j

    issued = set(taken_labels) | set(labels)
    assignments: list[Assignment] = []
    label_of: list[str] = []
    prev: str | None = None
    for j in range(n_new):
        was = old_of[j]
        if was is not None:
            froms = tuple(labels[k] for k in merged_from.get(j, [was]))
            review = j in review_at or (kind[j] == "fuzzy" and (sim[j] or 0.0) < CARRY)
            assignments.append(Assignment(labels[was], kind[j], sim[j], review, froms))
            prev = labels[was]
            label_of.append(prev)
            continue
        if j in restored:
            label, score = restored[j]
            assignments.append(Assignment(label, "restored", score, False, (label,)))
            prev = label
            label_of.append(label)
            continue
        label = next_label_after(prev, issued)
        issued.add(label)
        if j in split_parts:
            froms = (labels[split_parts[j]],)
            assignments.append(Assignment(label, "split", 1.0, False, froms))
        else:
            assignments.append(Assignment(label, "new", None))
        prev = label
        label_of.append(label)

    merged_into = {k: labels[run[0]] for run in merged_from.values() for k in run[1:]}
    merged_into |= {i: label_of[j] for i, j in absorbed.items()}
    tombstones = []
    for i in range(n_old):
        if i in merged_into:
            tombstones.append(Tombstone(labels[i], "merged_into", (merged_into[i],)))
        elif old_free[i]:
            tombstones.append(Tombstone(labels[i], "deleted"))
    return CarryResult(tuple(assignments), tuple(tombstones))
