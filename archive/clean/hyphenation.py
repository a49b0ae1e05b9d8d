"""Joining wrapped lines, with hyphenation repaired from the document's own evidence.

A hyphen at a line end is either the typesetter's word break (``Ұй-`` + ``ымы``) or a real
compound split at its hyphen (``әскери-`` + ``саяси``, ``Тәжік-`` + ``Ауған``). The document
usually answers the question itself: the joined word or the hyphenated compound occurs
elsewhere in it, or the left part is a known first half of other compounds (``іс-шаралар``,
``іс-қимыл``). Without evidence the shape decides: digits, a capital after the hyphen or an
abbreviation in capitals before it keep the hyphen; anything else is a word break.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

_WORD = re.compile(r"[^\W_](?:[\w'’]|-(?=\w))*")
_HYPHEN_END = re.compile(r"([^\W_][\w'’-]*)[-‐‑]\s*$")
_SOFT_END = re.compile(r"([^\W_][\w'’-]*)\u00ad\s*$")
_HEAD = re.compile(r"^([\w'’]+(?:-[\w'’]+)*)")
_SOFT_HYPHEN = "\u00ad"

# First halves of compounds common enough in the corpus's languages to decide when the
# document itself has no other evidence (Kazakh paired words, Russian compound adjectives).
KNOWN_HEADS = frozenset(
    (
        "іс", "жай", "жан", "өзін", "әскери", "саяси", "қоғамдық", "әлеуметтік",
        "экономикалық", "құқықтық", "ұйымдық", "ғылыми", "техникалық", "ақпараттық", "мәдени",
        "тарихи", "халықаралық", "военно", "социально", "научно", "политико", "экономико",
        "историко", "финансово", "административно", "уголовно", "гражданско", "общественно",
        "культурно", "нормативно", "организационно", "self", "non", "well", "cross",
    )
)  # fmt: skip


@dataclass(slots=True)
class Vocabulary:
    """Word forms of one document, casefolded: the evidence for hyphenation decisions."""

    words: set[str] = field(default_factory=set)
    prefixes: set[str] = field(default_factory=set)
    compound_heads: set[str] = field(default_factory=set)
    compound_tails: set[str] = field(default_factory=set)

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> Vocabulary:
        vocab = cls()
        broken = False
        for text in texts:
            # Both halves of a word cut at a line end are fragments, not evidence.
            body = _HYPHEN_END.sub("", text)
            if broken:
                body = _HEAD.sub("", body.lstrip(), count=1)
            for match in _WORD.finditer(body):
                vocab.add(match.group(0))
            broken = _HYPHEN_END.search(text) is not None
        return vocab

    def add(self, word: str) -> None:
        w = word.casefold()
        self.words.add(w)
        for part in w.split("-"):
            self.words.add(part)
        if "-" in w:
            parts = w.split("-")
            self.compound_heads.update(p for p in parts[:-1] if p)
            if not word.split("-")[0].isupper():  # "КСРО-ның": a suffix, not a tail
                self.compound_tails.update(p for p in parts[1:] if len(p) >= 4)
        # Prefixes of the parts, never of a compound with its hyphen removed: "іс-шаралар"
        # is no evidence for a word "ісшаралар".
        for part in w.split("-"):
            for k in range(5, len(part) + 1):
                self.prefixes.add(part[:k])

    def knows_joined(self, word: str) -> bool:
        """The word occurs (or an inflected form of it: the same first letters) elsewhere."""
        w = word.casefold()
        if w in self.words:
            return True
        stem = w[: max(6, len(w) - 3)]
        return len(w) >= 7 and stem in self.prefixes

    def knows_compound(self, word: str) -> bool:
        return word.casefold() in self.words


def join_lines(left: str, right: str, vocab: Vocabulary) -> str:
    """Join the text of a line and the next one into one line of a paragraph."""
    left = left.rstrip()
    right = right.lstrip()
    if not left:
        return right
    if not right:
        return left
    # Only the end of a long paragraph matters; searching all of it would be quadratic.
    head_text, left = left[:-120], left[-120:]
    soft = _SOFT_END.search(left)
    if soft:
        return head_text + left[: soft.end(1)] + right
    if left.endswith(_SOFT_HYPHEN):
        return head_text + left[:-1] + right
    hyphen = _HYPHEN_END.search(left)
    head = _HEAD.match(right)
    if hyphen and head and not left[: hyphen.start()].endswith(("-", "–", "—")):
        keep = keep_hyphen(hyphen.group(1), head.group(1), vocab)
        return head_text + left[: hyphen.end(1)] + ("-" if keep else "") + right
    if left[-1] in "–—" and left[-2:-1].isdigit() and right[:1].isdigit():
        return head_text + left + right  # a range split after its dash: 2020–/2024
    return head_text + left + " " + right


def keep_hyphen(stem: str, tail: str, vocab: Vocabulary) -> bool:
    """Decide whether ``stem-`` at a line end followed by ``tail`` is a real compound.

    ``stem`` may itself contain hyphens (``әскери-са`` + ``яси``): only its last part joins.
    """
    last = stem.split("-")[-1]
    first_tail = tail.split("-")[0]
    joined = last + first_tail
    if not last or not first_tail:
        return True
    if vocab.knows_compound(last + "-" + first_tail) and not vocab.knows_compound(joined):
        return True
    if any(ch.isdigit() for ch in last) or first_tail[:1].isdigit():
        return True
    if first_tail[:1].isupper() and not last[-1:].isupper():
        return True  # Тәжік-Ауған; but ҚАЗАҚ- + СТАН in capitals is a word break
    if len(last) >= 2 and last.isupper() and first_tail.islower():
        return True  # КСРО-ның: a suffix after an abbreviation
    if vocab.knows_joined(joined):
        return False
    head = last.casefold()
    if head in vocab.compound_heads or (head in KNOWN_HEADS and len(first_tail) >= 3):
        return True
    if first_tail.casefold() in vocab.compound_tails and len(last) >= 4:
        return True
    # Two words the document uses on their own, neither a mere syllable.
    return (
        min(len(last), len(first_tail)) >= 4
        and vocab.knows_compound(last)
        and vocab.knows_joined(first_tail)
    )
