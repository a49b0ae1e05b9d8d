"""Words broken at a line end whose break became a space (``бітімгер- шілік``): a copy that
glued lines, or blank-separated halves, without mending the break. Mended as the halves would
be at a line end and the next line's start (``archive.clean.hyphenation``); a suspended
hyphen and its partner (``control- и meta- сочетания``) stay as typed."""

from __future__ import annotations

import re

from archive.clean.hyphenation import CONJUNCTIONS, Vocabulary, keep_hyphen

# A word broken at a line end whose line break became a space ("бітімгер- шілік"): a copy
# that glued lines (or blank-separated halves) without mending the break.
_SPACED_BREAK = re.compile(r"(?<![\w-])([^\W\d_]{2,})[-\u2010] ([^\W\d_]{2,})(?![\w-])")


# "control- и " right before a word: the word is the second half of a suspended pair.
_SUSPENDED_BEFORE = re.compile(r"[^\W\d_]-\s+(?:и|или|and|or|және|немесе|und|oder)\s+$",
                               re.IGNORECASE)


def mend_spaced_breaks(text: str, vocab: Vocabulary) -> str:
    """Mend ``бітімгер- шілік`` as if the halves were at a line end and the next line start.

    A suspended hyphen (``аудио- және бейне``, ``Kazakh- and Russian-language``) stays.
    """
    if "- " not in text and "\u2010 " not in text:
        return text

    def mend(m: re.Match[str]) -> str:
        head, tail = m.group(1), m.group(2)
        if not tail[:1].islower() or tail.casefold() in CONJUNCTIONS:
            return m.group(0)
        if _SUSPENDED_BEFORE.search(text, 0, m.start(1)):
            return m.group(0)  # the partner of a suspended hyphen: "control- и meta- сочетания"
        # Nobody types a space inside a compound: keep its hyphen only on good evidence.
        keep = keep_hyphen(head, tail, vocab) and (
            vocab.knows_compound(f"{head}-{tail}") or head.casefold() in vocab.compound_heads
        )
        return head + ("-" if keep else "") + tail

    return _SPACED_BREAK.sub(mend, text)
