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

from collections import defaultdict, deque
from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass, field
from itertools import pairwise

from rapidfuzz import fuzz

from archive.ids.align import exact_in_order, find_concats, find_contained
from archive.ids.fuzzy import CARRY, assign, scored_pairs
from archive.ids.labels import label_sort_key, next_label_after
from archive.ids.normalise import normalise_words
from archive.models import LineageKind, MatchKind

CONTAINED = 0.6

TombstoneKind = LineageKind  # the lineage entry of a label no longer issued


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
    edges = [e for e in scored_pairs(gone_words, new_words, olds, rest) if e[0] >= CARRY]
    old_of: list[int | None] = [None] * len(new_words)
    for j, score in assign(edges, old_of, free).items():
        old = old_of[j]
        assert old is not None
        out[j] = (gone[old].label, score)
    return out


@dataclass(slots=True)
class _Matching:
    """What the passes share: which old paragraph each new one continues, and how.

    Each pass reads what the earlier ones decided and claims only what is still free.
    """

    labels: list[str]
    old_words: list[str]
    new_words: list[str]
    old_flat: list[str]
    new_flat: list[str]
    old_of: list[int | None]
    kind: list[MatchKind]
    sim: list[float | None]
    old_free: list[bool]
    new_free: list[bool] = field(default_factory=list)
    anchors: list[tuple[int, int]] = field(default_factory=list)
    split_parts: dict[int, int] = field(default_factory=dict)  # later part -> old index
    merged_from: dict[int, list[int]] = field(default_factory=dict)  # new -> old run
    review_at: set[int] = field(default_factory=set)
    restored: dict[int, tuple[str, float]] = field(default_factory=dict)
    absorbed: dict[int, int] = field(default_factory=dict)  # old -> new holding its text

    @classmethod
    def start(cls, old: Sequence[OldParagraph], new_texts: Sequence[str]) -> _Matching:
        old_words = [normalise_words(p.text) for p in old]
        new_words = [normalise_words(t) for t in new_texts]
        n_new = len(new_texts)
        return cls(
            labels=[p.label for p in old],
            old_words=old_words,
            new_words=new_words,
            old_flat=[w.replace(" ", "") for w in old_words],
            new_flat=[w.replace(" ", "") for w in new_words],
            old_of=[None] * n_new,
            kind=["new"] * n_new,
            sim=[None] * n_new,
            old_free=[True] * len(old),
        )

    def claim(self, j: int, i: int, kind: MatchKind, sim: float | None) -> None:
        self.old_of[j], self.kind[j], self.sim[j], self.old_free[i] = i, kind, sim, False

    def ratio(self, i: int, j: int) -> float:
        return fuzz.ratio(self.old_words[i], self.new_words[j]) / 100

    def unlabelled(self, news: Iterable[int]) -> list[int]:
        """New paragraphs that neither carry an old label nor continue a split."""
        return [j for j in news if self.old_of[j] is None and j not in self.split_parts]


def _pass_exact(m: _Matching) -> None:
    """1. Equal text, in order."""
    m.anchors = exact_in_order(m.old_flat, m.new_flat)
    for i, j in m.anchors:
        m.claim(j, i, "exact", 1.0)


def _pass_moved(m: _Matching) -> None:
    """2. Equal text elsewhere, paired in reading order."""
    waiting: dict[str, deque[int]] = defaultdict(deque)
    for i, free in enumerate(m.old_free):
        if free:
            waiting[m.old_flat[i]].append(i)
    for j, flat in enumerate(m.new_flat):
        queue = waiting.get(flat)
        if m.old_of[j] is None and queue:
            m.claim(j, queue.popleft(), "moved", 1.0)


def _pass_concatenations(m: _Matching) -> None:
    """3. An old paragraph is several consecutive new ones (split), or the reverse (merged)."""
    m.new_free = [o is None for o in m.old_of]
    for i, run in find_concats(m.old_flat, m.old_free, m.new_flat, m.new_free):
        m.old_of[run[0]], m.kind[run[0]], m.sim[run[0]] = i, "split", 1.0
        for j in run[1:]:
            m.split_parts[j] = i
            m.kind[j], m.sim[j] = "split", 1.0
    for j, run in find_concats(m.new_flat, m.new_free, m.old_flat, m.old_free):
        m.old_of[j], m.kind[j], m.sim[j] = run[0], "merged", 1.0
        m.merged_from[j] = run


def _pass_containment(m: _Matching) -> None:
    """4. Re-segmentation: old paragraphs found verbatim inside a new one (or new ones inside
    an old one) that together make up most of it."""
    found = find_contained(
        m.new_flat, m.new_words, m.new_free, m.old_flat, m.old_free, CONTAINED
    )
    for j, run, cover in found:
        m.old_of[j] = run[0]
        if len(run) > 1:
            m.kind[j], m.sim[j] = "merged", round(cover, 4)
            m.merged_from[j] = run
        else:
            m.kind[j], m.sim[j] = "fuzzy", m.ratio(run[0], j)
        if cover < CARRY:
            m.review_at.add(j)
    found = find_contained(
        m.old_flat, m.old_words, m.old_free, m.new_flat, m.new_free, CONTAINED
    )
    for i, run, cover in found:
        first = run[0]
        m.old_of[first] = i
        if len(run) > 1:
            m.kind[first], m.sim[first] = "split", round(cover, 4)
            for j in run[1:]:
                m.split_parts[j] = i
                m.kind[j], m.sim[j] = "split", 1.0
        else:
            m.kind[first], m.sim[first] = "fuzzy", m.ratio(i, first)
        if cover < CARRY:
            m.review_at.add(first)


def _pass_fuzzy(m: _Matching) -> None:
    """5. Similar text, one to one: within each gap between anchors, then across gaps."""
    n_old, n_new = len(m.old_flat), len(m.new_flat)
    taken: dict[int, float] = {}
    bounds = [(-1, -1), *m.anchors, (n_old, n_new)]
    for (ai, aj), (bi, bj) in pairwise(bounds):
        olds = [i for i in range(ai + 1, bi) if m.old_free[i]]
        news = m.unlabelled(range(aj + 1, bj))
        taken |= assign(scored_pairs(m.old_words, m.new_words, olds, news), m.old_of, m.old_free)
    if len(bounds) > 2:  # with a single gap the pass above already saw every pair
        olds = [i for i in range(n_old) if m.old_free[i]]
        news = m.unlabelled(range(n_new))
        taken |= assign(scored_pairs(m.old_words, m.new_words, olds, news), m.old_of, m.old_free)
    for j, score in taken.items():
        m.kind[j], m.sim[j] = "fuzzy", score


def _pass_restored(m: _Matching, retired: Sequence[OldParagraph]) -> None:
    """7. A retired paragraph's text back again takes its label back. It runs before pass 6:
    a retired paragraph's own text coming back is stronger evidence than a live one's text
    found inside it. Candidates: unlabelled paragraphs and later parts of splits."""
    unlabelled = [j for j in range(len(m.new_flat)) if m.old_of[j] is None]
    m.restored = _restore(retired, set(m.labels), m.new_words, unlabelled)


def _pass_absorbed(m: _Matching) -> None:
    """6. An old paragraph still unmatched whose text is verbatim inside a new one."""
    holders = [True] * len(m.new_flat)
    for j, run, _ in find_contained(
        m.new_flat, m.new_words, holders, m.old_flat, m.old_free, 0.0
    ):
        if m.old_of[j] is None and j not in m.split_parts and j not in m.restored:
            m.old_of[j], m.kind[j], m.sim[j] = run[0], "fuzzy", m.ratio(run[0], j)
            m.review_at.add(j)
            run = run[1:]
        for i in run:
            m.absorbed[i] = j


def _assignments(m: _Matching, taken_labels: Set[str]) -> list[Assignment]:
    """One label per new paragraph: carried, restored, or the next free one after the
    previous paragraph's label."""
    issued = set(taken_labels) | set(m.labels)
    assignments: list[Assignment] = []
    prev: str | None = None
    for j in range(len(m.new_flat)):
        was = m.old_of[j]
        if was is not None:
            froms = tuple(m.labels[k] for k in m.merged_from.get(j, [was]))
            review = j in m.review_at or (m.kind[j] == "fuzzy" and (m.sim[j] or 0.0) < CARRY)
            made = Assignment(m.labels[was], m.kind[j], m.sim[j], review, froms)
        elif j in m.restored:
            label, score = m.restored[j]
            made = Assignment(label, "restored", score, False, (label,))
        else:
            label = next_label_after(prev, issued)
            issued.add(label)
            if j in m.split_parts:
                made = Assignment(label, "split", 1.0, False, (m.labels[m.split_parts[j]],))
            else:
                made = Assignment(label, "new", None)
        assignments.append(made)
        prev = made.label
    return assignments


def _tombstones(m: _Matching, assignments: Sequence[Assignment]) -> list[Tombstone]:
    """Old labels no new paragraph carries: merged into a paragraph, or deleted."""
    merged_into = {k: m.labels[run[0]] for run in m.merged_from.values() for k in run[1:]}
    merged_into |= {i: assignments[j].label for i, j in m.absorbed.items()}
    tombstones = []
    for i, label in enumerate(m.labels):
        if i in merged_into:
            tombstones.append(Tombstone(label, "merged_into", (merged_into[i],)))
        elif m.old_free[i]:
            tombstones.append(Tombstone(label, "deleted"))
    return tombstones


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
    docstring for the passes and thresholds; each ``Assignment.kind`` names the pass that
    decided it.
    """
    labels = [p.label for p in old]
    if len(set(labels)) != len(labels):
        raise ValueError("old paragraphs have duplicate labels")
    for label in labels:
        label_sort_key(label)
    m = _Matching.start(old, new_texts)
    _pass_exact(m)
    _pass_moved(m)
    _pass_concatenations(m)
    _pass_containment(m)
    _pass_fuzzy(m)
    _pass_restored(m, retired)
    _pass_absorbed(m)
    assignments = _assignments(m, taken_labels)
    return CarryResult(tuple(assignments), tuple(_tombstones(m, assignments)))
