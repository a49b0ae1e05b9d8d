"""Letters a font's ligatures lost: ``Te`` for ``The``, ``ofen`` for ``often``.

Some fonts (Minion Pro, Linux Libertine, EB Garamond as TeX sets them) draw ``Th``, ``ft``
or ``tt`` as one glyph whose Unicode map names only its first letter, so the text layer
reads ``Te labyrinth package``, ``Very ofen``, ``the lef step``. The letter is gone from
every word the ligature occurs in, the same letter after the same one each time: that
regularity is the evidence. A repair of one kind (``h`` after ``T``, ``t`` after ``f``…) is
made only where the document shows it many times over, each time turning a word the English
dictionary lacks into one it has; then every such word of the document is repaired, and no
other. A document in another language, or one whose words are whole, is left as it is.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from archive.clean.dictionary import english_frequency
from archive.models import Line

# (the letter the glyph kept, the letter it lost): the ligatures that begin with a letter
# that is a word of its own's start as often as not.
_LOST = (("T", "h"), ("t", "h"), ("f", "t"), ("f", "f"), ("f", "i"), ("f", "l"), ("t", "t"))
_WORD = re.compile(r"[A-Za-z]+")
_EVIDENCE = (2, 5)  # distinct words, and times, a kind of repair must make whole to be trusted
_SHARE = 0.5  # of the words a kind could touch that it makes whole


def _broken(words: tuple[str, ...]) -> frozenset[str]:
    """The common words as a lost ligature leaves them (``The`` → ``Te``)."""
    out = set()
    for word in words:
        for kept, lost in _LOST:
            for k in range(len(word) - 1):
                if word[k] == kept and word[k + 1] == lost:
                    out.add(word[: k + 1] + word[k + 2 :])
    return frozenset(out)


# Common words with a ligature in them: a document that lost one shows these broken, and
# only then is the dictionary asked (it takes a quarter of a second to load).
_TELLTALES = _broken((
    "The", "This", "That", "There", "These", "They", "Their", "Those", "Thus",
    "often", "after", "left", "soft", "software", "shift", "draft", "different",
    "office", "effect", "first", "find", "field", "file", "flow", "follow", "better",
    "letter", "little", "setting", "bottom", "pattern", "written", "attention",
))
_TELLTALE_TIMES = 2


def restore_lost_ligatures(lines: list[Line]) -> tuple[list[Line], list[str]]:
    """``lines`` with the letters their ligatures lost put back, and a note of each kind
    of repair made (``"h" after "T" in 14 words``)."""
    counts = Counter(w for ln in lines for w in _WORD.findall(ln.text))
    if sum(counts[w] for w in _TELLTALES) < _TELLTALE_TIMES:
        return lines, []
    repairs: dict[str, str] = {}
    notes: list[str] = []
    for kept, lost in _LOST:
        found = _repairs(counts, kept, lost)
        tried = sum(1 for w in counts if kept in w and not _known(w))
        n = sum(counts[w] for w in found)
        if len(found) >= _EVIDENCE[0] and n >= _EVIDENCE[1] and len(found) >= _SHARE * tried:
            repairs.update(found)
            notes.append(f'"{lost}" after "{kept}" in {n} words')
    if not repairs:
        return lines, []
    return [_repaired(ln, repairs) for ln in lines], notes


def _known(word: str) -> bool:
    return english_frequency(word) > 0


def _repairs(counts: Counter[str], kept: str, lost: str) -> dict[str, str]:
    """Words the dictionary lacks that one lost letter after ``kept`` makes whole."""
    out: dict[str, str] = {}
    for word in counts:
        if kept not in word or _known(word):
            continue
        for k, ch in enumerate(word):
            if ch == kept:
                whole = word[: k + 1] + lost + word[k + 1 :]
                if _known(whole):
                    out[word] = whole
                    break
    return out


def _repaired(line: Line, repairs: dict[str, str]) -> Line:
    """The line with its broken words made whole, its character ranges moved with them."""
    text = line.text
    inserts: list[int] = []  # positions in the old text before which a letter went in
    pieces: list[str] = []
    last = 0
    for m in _WORD.finditer(text):
        whole = repairs.get(m.group())
        if whole is None:
            continue
        word = m.group()
        at = next((k for k, (a, b) in enumerate(zip(word, whole, strict=False)) if a != b),
                  len(word))
        pieces.append(text[last : m.start()] + whole)
        last = m.end()
        inserts.append(m.start() + at)
    if not inserts:
        return line
    pieces.append(text[last:])

    def moved(pos: int) -> int:
        return pos + sum(1 for at in inserts if at <= pos)

    def ranges(spans: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
        return tuple((moved(a), moved(b)) for a, b in spans)

    return replace(line, text="".join(pieces), raised=ranges(line.raised),
                   small=ranges(line.small), lead=moved(line.lead) if line.lead else 0)
