"""Joining wrapped lines, with hyphenation repaired from the document's own evidence.

A hyphen at a line end is either the typesetter's word break (``Ұй-`` + ``ымы``) or a real
compound split at its hyphen (``әскери-`` + ``саяси``, ``Тәжік-`` + ``Ауған``). The document
usually answers the question itself: the joined word or the hyphenated compound occurs
elsewhere in it, or the left part is a known first half of other compounds (``іс-шаралар``,
``іс-қимыл``). Without evidence the shape decides: digits, a capital after the hyphen or an
abbreviation in capitals before it keep the hyphen.

A compound that occurs only once, broken exactly at its own hyphen (``оқ-`` + ``дәрілерді``,
``интернет-`` + ``ресурстарында``), keeps its hyphen when both halves are words:

* the first half is a word of its own — a productive first half shipped in
  ``PRODUCTIVE_HEADS``, or a Cyrillic word the document uses alone or with one ending
  (``интернетке`` shows ``интернет``);
* the rest starts like a word, not like an ending (``SUFFIX_OPENINGS``: ``-лар``, ``-ның``,
  ``-шы`` …; a case ending such as ``-те`` only for a short remainder) and, unless the first
  half is a shipped one, the document uses a word that starts the same way
  (``ресурстарына``), because Kazakh hyphenation often falls between a stem and a
  derivational suffix (``саясат-керлері``, ``жауап-кершілікті``).

A first half known from other compounds loses its hyphen when an ending follows
(``іс-`` + ``теді`` is ``істеді``); a doubled word keeps it (``бірте-бірте``). Anything else
is a word break.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from archive.clean.addresses import (
    ADDRESS_TOKEN,
    broken_at_dot,
    broken_at_slash,
    broken_at_underscore,
    broken_in_address,
    broken_in_doi,
)
from archive.clean.dictionary import (
    CYRILLIC_WORD,
    english_frequency,
    english_says_compound,
    russian_says_compound,
)
from archive.clean.wordparts import KNOWN_HEADS, PRODUCTIVE_HEADS, SHORT_OPENINGS, SUFFIX_OPENINGS

# A word: letters/digits/apostrophes, hyphens only between word characters.
_WORD = re.compile(r"[^\W_][\w'’]*(?:-\w[\w'’]*)*")
_HYPHEN_END = re.compile(r"([^\W_][\w'’-]*)[-‐‑]\s*$")
_SOFT_END = re.compile(r"([^\W_][\w'’-]*)\u00ad\s*$")
_HEAD = re.compile(r"^([\w'’]+(?:-[\w'’]+)*)")
_SOFT_HYPHEN = "\u00ad"
_BREAK_HYPHENS = "-‐‑"

_SHORT_TAIL = 5  # letters: the longest remainder read as such an ending plus one more
_ENDINGS = frozenset(SUFFIX_OPENINGS + SHORT_OPENINGS)
_MIN_TAIL = 4  # letters: shorter remainders are endings more often than words
_MIN_HEAD = 5  # letters: a head seen only inflected must be at least this long


@dataclass(slots=True)
class Vocabulary:
    """Word forms of one document, casefolded: the evidence for hyphenation decisions."""

    # Add words with ``add``: it keeps the sorted index behind the prefix queries current.
    words: set[str] = field(default_factory=set)
    compound_heads: set[str] = field(default_factory=set)
    compound_tails: set[str] = field(default_factory=set)
    # Words the text uses on their own, not only as a part of a hyphenated compound.
    alone: set[str] = field(default_factory=set)
    # Hyphen-free words in sorted order, built on the first prefix query: a stem is a prefix
    # of a word exactly when the first word not sorting before it starts with it.
    _sorted_parts: list[str] | None = field(default=None, repr=False, compare=False)
    # Each whitespace-separated token of the text and how often it occurs, for the rare
    # question of which of two spellings the document uses more.
    _tokens: Counter[str] = field(default_factory=Counter, repr=False, compare=False)

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> Vocabulary:
        vocab = cls()
        bodies: list[str] = []
        broken = False
        for text in texts:
            # Both halves of a word cut at a line end are fragments, not evidence.
            cut = _broken_word(text) if text.rstrip()[-1:] in _BREAK_HYPHENS else None
            body = text if cut is None else text[: cut[0]]
            if broken:
                body = _HEAD.sub("", body.lstrip(), count=1)
            bodies.append(body)
            broken = cut is not None
        # A word never spans whitespace: scanning each distinct token once finds them all.
        # Addresses are no evidence: a URL's "biblatexgost" does not make "biblatex-" +
        # "gost" one word.
        vocab._tokens = Counter(" ".join(bodies).split())
        tokens = {t for t in vocab._tokens if not ADDRESS_TOKEN.search(t)}
        for word in set(_WORD.findall(" ".join(tokens))):
            vocab.add(word)
        return vocab

    def occurrences(self, word: str) -> int:
        """How often ``word`` occurs as a word of the text (casefolded)."""
        w = word.casefold()
        return sum(n for token, n in self._tokens.items()
                   if w in token.casefold() and w in _WORD.findall(token.casefold()))

    def add(self, word: str) -> None:
        w = word.casefold()
        self.words.add(w)
        if "-" not in w:
            self.alone.add(w)
        else:
            parts = w.split("-")
            self.words.update(parts)
            # "Al-Farabi", "ад-Дин": a particle before a name is no first half of compounds.
            originals = word.split("-")[1:]
            self.compound_heads.update(
                p for p, tail in zip(parts[:-1], originals, strict=True)
                if p and not tail[:1].isupper()
            )
            if not word.split("-")[0].isupper():  # "КСРО-ның": a suffix, not a tail
                self.compound_tails.update(p for p in parts[1:] if len(p) >= 4)
        self._sorted_parts = None

    def has_prefix(self, stem: str) -> bool:
        """Some part of a word (split at hyphens) starts with ``stem`` (five letters or more).

        Prefixes of the parts, never of a compound with its hyphen removed: "іс-шаралар"
        is no evidence for a word "ісшаралар".
        """
        return len(stem) >= 5 and "-" not in stem and self.starts_a_word(stem)

    def starts_a_word(self, opening: str) -> bool:
        """Some hyphen-free word of the document starts with ``opening``."""
        parts = self._parts()
        k = bisect_left(parts, opening)
        return k < len(parts) and parts[k].startswith(opening)

    def has_inflected(self, stem: str) -> bool:
        """A hyphen-free word is ``stem`` plus one ending (``интернет`` + ``ке``)."""
        parts = self._parts()
        k = bisect_left(parts, stem)
        while k < len(parts) and parts[k].startswith(stem):
            if parts[k][len(stem) :] in _ENDINGS:
                return True
            k += 1
        return False

    def _parts(self) -> list[str]:
        parts = self._sorted_parts
        if parts is None:
            parts = self._sorted_parts = sorted(w for w in self.words if "-" not in w)
        return parts

    def knows_joined(self, word: str) -> bool:
        """The word occurs (or an inflected form of it: the same first letters) elsewhere."""
        w = word.casefold()
        if w in self.words:
            return True
        stem = w[: max(6, len(w) - 3)]
        return len(w) >= 7 and self.has_prefix(stem)

    def knows_compound(self, word: str) -> bool:
        return word.casefold() in self.words


def _broken_word(text: str) -> tuple[int, int, str] | None:
    """``_HYPHEN_END`` on ``text``: (match start, end of the word, the word) or None.

    The word before the hyphen holds no whitespace, so only the last whitespace-separated
    token is searched; scanning the whole line from every word start is what made line
    joining slow.
    """
    s = text.rstrip()
    if not s or s[-1] not in _BREAK_HYPHENS:
        return None
    tokens = s.rsplit(None, 1)
    token = tokens[-1]
    offset = len(s) - len(token)
    match = _HYPHEN_END.search(token)
    if match is None:
        return None
    return offset + match.start(), offset + match.end(1), match.group(1)


# A command line's option broken after one of its hyphens: "--set-", "-fno-".
_OPTION_BROKEN = re.compile(r"(?:^|\s)--?[A-Za-z][\w-]*-$")


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
    last = left[-1]
    if last == _SOFT_HYPHEN:
        soft = _SOFT_END.search(left)
        if soft:
            return head_text + left[: soft.end(1)] + right
        return head_text + left[:-1] + right
    if last in _BREAK_HYPHENS and ADDRESS_TOKEN.search(left.rsplit(None, 1)[-1]):
        return head_text + left + right  # a URL broken after one of its own hyphens
    if last == "-" and _OPTION_BROKEN.search(left) and right[:1].isalpha():
        return head_text + left + right  # a program's option broken at its hyphen: --set-/conf
    hyphen = _broken_word(left) if last in _BREAK_HYPHENS else None
    if hyphen and _suspended(hyphen[2], right, vocab):
        return head_text + left + " " + right  # suspended: "one-" + "or two-tailed"
    head = _HEAD.match(right) if hyphen else None
    if hyphen and head and not left[: hyphen[0]].endswith(("-", "–", "—")):
        keep = keep_hyphen(hyphen[2], head.group(1), vocab)
        return head_text + left[: hyphen[1]] + ("-" if keep else "") + right
    if left[-1] in "–—" and left[-2:-1].isdigit() and right[:1].isdigit():
        return head_text + left + right  # a range split after its dash: 2020–/2024
    if left[-1] in "–—" and left[-2:-1].isalpha() and right[:1].isalpha():
        # An unspaced dash TeX broke after: interval—/however, primal–/dual.
        return head_text + left + right
    if (broken_at_slash(left, right) or broken_at_dot(left, right) or broken_in_doi(left, right)
            or broken_in_address(left, right) or broken_at_underscore(left, right)):
        return head_text + left + right  # "GNU/" + "Linux", "https://doi." + "org/10.…"
    if left.endswith(".-") and left[-3:-2].isalpha() and right[:1].isalpha():
        return head_text + left + right  # an abbreviation in a compound: С.-/Петербург
    return head_text + left + " " + right


_ADJECTIVE_END = re.compile(
    "(?:ий|ый|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ом|ем|ым|им|ых|их|ыми|ими|ую|юю)$"
)


def _russian_compound_adjective(head: str, rest: str) -> bool:
    """``формально-`` + ``юридическом``: a long adverb-like first half in ``-но/-ко/-во``
    and an inflected adjective make a Russian compound adjective; a hyphenation program
    breaks such a word at a syllable, not after a whole first half."""
    return (
        len(head) >= 7
        and head.endswith(("но", "ко", "во"))
        and CYRILLIC_WORD.fullmatch(head + rest) is not None
        and len(rest) >= 5
        and _ADJECTIVE_END.search(rest) is not None
    )


def _compound_of_words(head: str, tail: str, vocab: Vocabulary) -> bool:
    """A compound broken at its own hyphen, with no other evidence for the whole.

    The first half must be a word of its own — a shipped productive first half, or a
    Cyrillic word the document uses alone or with one ending (``интернет`` from
    ``интернетке``) — and the rest must start like a word: for a productive first half it
    must not open like an ending; otherwise the document must use a word that starts the
    same way (``ресурстарында`` from ``ресурстарына``), because Kazakh hyphenation often
    falls between a stem and a derivational suffix (``саясат-керлері``, ``жауап-кершілік``).
    Only Cyrillic words count as evidence: English closes most compounds (``over-view``,
    ``some-thing``), so there a word and a word at a line end is the hyphenator's break.
    """
    if not _starts_like_a_word(tail):
        return False
    if head in PRODUCTIVE_HEADS:
        return True
    t = tail.casefold()
    return _complete_word(head, vocab) and vocab.starts_a_word(t[: max(_MIN_TAIL, len(t) - 3)])


def _complete_word(head: str, vocab: Vocabulary) -> bool:
    """``head`` (casefolded) is a Cyrillic word the document uses alone or with one ending."""
    if len(head) < 4 or not CYRILLIC_WORD.fullmatch(head):
        return False
    return head in vocab.words or (len(head) >= _MIN_HEAD and vocab.has_inflected(head))


def _opens_like_an_ending(rest: str) -> bool:
    """``rest`` (casefolded) begins the way the endings of ``SUFFIX_OPENINGS`` do."""
    return rest.startswith(SUFFIX_OPENINGS) or (
        len(rest) <= _SHORT_TAIL and rest.startswith(SHORT_OPENINGS)
    )


def _starts_like_a_word(tail: str) -> bool:
    """A remainder long enough to be a word that does not open like an ending."""
    t = tail.casefold()
    return len(t) >= _MIN_TAIL and t.isalpha() and not _opens_like_an_ending(t)


def _latin(word: str) -> bool:
    """The word's letters are Latin, accented ones included ("färben"), else Cyrillic or
    another script."""
    return all(ch.isascii() or "\u00c0" <= ch <= "\u024f" for ch in word if ch.isalpha())


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
    if last[-1:].isdigit() or first_tail[:1].isdigit():
        return True  # "UTF-" + "8", "x86-" + "64"; but "16bi-" + "tovou" is a word broken
    if ("-" in tail and last.isalpha() and first_tail.isalpha() and _latin(last + first_tail)
            and english_frequency(joined) == 0):
        # TeX breaks a word that has hyphens of its own only at them: a chain of words goes
        # on ("left-" + "to-right", "ubuntu-" + "dev-tools"); nroff breaks one anywhere
        # ("tin-" + "ning-kit").
        return True
    if _latin(last) != _latin(first_tail):
        return True  # "log-" + "файл", "PDF-" + "файлы": one word of each script
    if first_tail[:1].isupper() and not last[-1:].isupper():
        # Тәжік-Ауған; but ҚАЗАҚ- + СТАН in capitals is a word break, and so is a name the
        # document writes in one word elsewhere ("Histogram-" + "Tools": HistogramTools).
        return not (vocab.knows_compound(joined)  # the very word, not an inflected form
                    and not vocab.knows_compound(last + "-" + first_tail))
    if len(last) >= 2 and last.isupper() and first_tail.islower():
        return True  # КСРО-ның: a suffix after an abbreviation
    if vocab.knows_joined(joined):
        # Both spellings occur ("mark-up" in the text, "markup" in a cited title): the
        # document's commoner one decides.
        compound = last + "-" + first_tail
        return vocab.knows_compound(compound) and (
            vocab.occurrences(compound) > vocab.occurrences(joined))
    by_dictionary = russian_says_compound(last, first_tail)
    if by_dictionary is None:
        by_dictionary = english_says_compound(last, first_tail)
    if by_dictionary is not None:
        return by_dictionary
    head = last.casefold()
    rest = first_tail.casefold()
    if len(head) >= 3 and rest.startswith(head):
        return True  # a doubled word: «бірте-бірте», «жыл-жылы»
    # A known first half, unless an ending follows it (іс-теді, бақылау-шылар).
    known_head = head in vocab.compound_heads or (head in KNOWN_HEADS and len(rest) >= 3)
    if known_head and not _opens_like_an_ending(rest):
        return True
    if first_tail.casefold() in vocab.compound_tails and len(last) >= 4:
        return True
    if _russian_compound_adjective(head, rest):
        return True
    if _compound_of_words(head, first_tail, vocab):
        return True
    # Two words the document uses on their own, neither a mere syllable. (A first half
    # seen only in other compounds, "Kommandozeilen-Options-Parser", is no word alone.)
    return (
        min(len(last), len(first_tail)) >= 4
        and last.casefold() in vocab.alone
        and vocab.knows_joined(first_tail)
    )


# "аудио- және бейне", "Kazakh- and Russian-language": a suspended hyphen before a conjunction.
CONJUNCTIONS = frozenset(
    {"және", "мен", "пен", "бен", "немесе", "и", "или", "а", "and", "or", "to", "und"}
)


def _suspended(stem: str, right: str, vocab: Vocabulary) -> bool:
    """A suspended hyphen at a line end: a conjunction opens the next line (``one-`` + ``or
    two-tailed``, ``двух-`` + ``и трёхкомнатные``). Kazakh ``мен``/``пен``/``бен`` are
    also endings (``реттелмеуі-`` + ``мен``), so they never count, nor does a conjunction
    that the document knows as the rest of the word."""
    word = right.split(" ", 1)[0]
    if " " not in right or word.casefold() not in CONJUNCTIONS - _ALSO_ENDINGS:
        return False
    return not vocab.knows_joined(stem.split("-")[-1] + word)


_ALSO_ENDINGS = frozenset({"мен", "пен", "бен"})
