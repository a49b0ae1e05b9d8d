"""Sequence alignment helpers for label carrying: patience diff and verbatim containment.

All functions are deterministic: they iterate over lists in index order and break ties by
position.
"""

from __future__ import annotations

import difflib
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Sequence


def lis(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest subsequence of (new, old) pairs, sorted by new, that increases in old."""
    tails: list[int] = []
    tail_idx: list[int] = []
    back: list[int] = [-1] * len(pairs)
    for k, (_, i) in enumerate(pairs):
        pos = bisect_left(tails, i)
        if pos == len(tails):
            tails.append(i)
            tail_idx.append(k)
        else:
            tails[pos] = i
            tail_idx[pos] = k
        back[k] = tail_idx[pos - 1] if pos else -1
    out: list[tuple[int, int]] = []
    k = tail_idx[-1] if tail_idx else -1
    while k >= 0:
        out.append(pairs[k])
        k = back[k]
    return out[::-1]


def exact_in_order(a: Sequence[str], b: Sequence[str]) -> list[tuple[int, int]]:
    """Patience diff of two string sequences: sorted list of matched (old, new) indices."""
    result: list[tuple[int, int]] = []
    stack = [(0, len(a), 0, len(b))]
    while stack:
        alo, ahi, blo, bhi = stack.pop()
        while alo < ahi and blo < bhi and a[alo] == b[blo]:
            result.append((alo, blo))
            alo, blo = alo + 1, blo + 1
        while alo < ahi and blo < bhi and a[ahi - 1] == b[bhi - 1]:
            result.append((ahi - 1, bhi - 1))
            ahi, bhi = ahi - 1, bhi - 1
        if alo >= ahi or blo >= bhi:
            continue
        ca = Counter(a[alo:ahi])
        cb = Counter(b[blo:bhi])
        where = {a[i]: i for i in range(alo, ahi) if ca[a[i]] == 1}
        cand = [(j, where[b[j]]) for j in range(blo, bhi) if cb[b[j]] == 1 and b[j] in where]
        anchors = lis(cand)
        if not anchors:
            sm = difflib.SequenceMatcher(None, a[alo:ahi], b[blo:bhi], autojunk=False)
            for blk in sm.get_matching_blocks():
                result.extend((alo + blk.a + t, blo + blk.b + t) for t in range(blk.size))
            continue
        pi, pj = alo, blo
        for j, i in anchors:
            result.append((i, j))
            stack.append((pi, i, pj, j))
            pi, pj = i + 1, j + 1
        stack.append((pi, ahi, pj, bhi))
    return sorted(result)


def find_concats(
    whole: Sequence[str], whole_free: list[bool], parts: Sequence[str], part_free: list[bool]
) -> list[tuple[int, list[int]]]:
    """Free ``whole[w]`` equal to the concatenation of 2+ consecutive free ``parts``."""
    key_len = 12
    by_prefix: dict[str, list[int]] = defaultdict(list)
    short: list[int] = []
    for p, text in enumerate(parts):
        if part_free[p] and text:
            (by_prefix[text[:key_len]] if len(text) >= key_len else short).append(p)
    found: list[tuple[int, list[int]]] = []
    for w, target in enumerate(whole):
        if not whole_free[w] or not target:
            continue
        starts = by_prefix.get(target[:key_len], []) + [
            p for p in short if target.startswith(parts[p])
        ]
        for start in sorted(starts):
            if not part_free[start] or len(parts[start]) >= len(target):
                continue
            run, size = [start], len(parts[start])
            k = start + 1
            while size < len(target) and k < len(parts) and part_free[k] and parts[k]:
                if not target.startswith(parts[k], size):
                    break
                run.append(k)
                size += len(parts[k])
                k += 1
            if size == len(target) and len(run) >= 2:
                found.append((w, run))
                whole_free[w] = False
                for p in run:
                    part_free[p] = False
                break
    return found


def word_starts(words: str) -> list[int]:
    """Offsets in the space-free text at which each word of *words* starts."""
    starts, at = [], 0
    for word in words.split():
        starts.append(at)
        at += len(word)
    return starts


def find_contained(
    whole: Sequence[str],
    whole_words: Sequence[str],
    whole_free: list[bool],
    parts: Sequence[str],
    part_free: list[bool],
    min_cover: float,
) -> list[tuple[int, list[int], float]]:
    """Free ``whole[w]`` that contain free ``parts`` verbatim, covering >= *min_cover* of it.

    A part must start at a word boundary of the whole; parts of 8+ characters may sit
    anywhere in it, parts of 4–7 characters (not all digits) only at its start or end.
    Returns (whole, parts in the order they occur in it, share of the whole covered).
    """
    key_len = 8
    index: dict[str, list[int]] = defaultdict(list)
    short: list[int] = []
    for p, text in enumerate(parts):
        if part_free[p] and text:
            if len(text) >= key_len:
                index[text[:key_len]].append(p)
            elif len(text) >= 4 and not text.isdigit():  # not a stray page number
                short.append(p)
    found: list[tuple[int, list[int], float]] = []
    if not index and not short:
        return found
    for w, target in enumerate(whole):
        if not whole_free[w] or not target:
            continue
        hits: list[tuple[int, int]] = []
        for pos in word_starts(whole_words[w]):
            for p in index.get(target[pos : pos + key_len], ()):
                if part_free[p] and target.startswith(parts[p], pos):
                    hits.append((pos, p))
        for p in short:
            if part_free[p] and target.startswith(parts[p]):
                hits.append((0, p))
            elif part_free[p] and target.endswith(parts[p]):
                hits.append((len(target) - len(parts[p]), p))
        hits.sort(key=lambda h: (h[0], -len(parts[h[1]]), h[1]))
        chosen: list[int] = []
        end = covered = 0
        for pos, p in hits:
            if pos >= end and p not in chosen:
                chosen.append(p)
                end = pos + len(parts[p])
                covered += len(parts[p])
        cover = covered / len(target)
        if chosen and cover >= min_cover:
            found.append((w, chosen, cover))
            whole_free[w] = False
            for p in chosen:
                part_free[p] = False
    return found
