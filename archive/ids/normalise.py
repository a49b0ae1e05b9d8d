"""Text normalisation for matching, and the paragraph fingerprint.

This is a promise to users: fingerprints are stored with every paragraph version, so the
rules below are frozen under the name ``norm-v1``. Any change to them is a new
``NORM_VERSION`` (and a re-fingerprinting migration), never an edit in place.

``norm-v1``, applied in this order:

1. Unicode NFKC (compatibility forms: ligatures, full-width letters, NBSP and the other
   space characters become plain spaces, superscript digits become digits).
2. Drop invisible characters: soft hyphen U+00AD, zero-width space/joiners U+200B–U+200D,
   word joiner U+2060, BOM U+FEFF.
3. Repair hyphenation: a hyphen or dash (``- ‐ ‑ ‒ – — ―`` or ``−``) between two letters or
   digits, possibly followed by white space containing a line break, is removed, so
   ``Ұй-\\nымы``, ``Ұйымы`` and ``әскери-\\nсаяси`` / ``әскери-саяси`` / ``әскерисаяси``
   agree. A hyphen followed by spaces and a lowercase letter (``Ұй- ымы``, line-join residue)
   is removed too. Apostrophes between letters (``' ’ ʼ ʻ```) are removed the same way.
4. Case folding: NFKC(casefold(text)).
5. Combining marks that survive NFKC (stress accents, stray diacritics in the blocks
   U+0300–036F, U+0483–0489, U+1AB0–1AFF, U+1DC0–1DFF, U+20D0–20FF, U+FE20–FE2F) are dropped.
6. Look-alike folding, context-free: every Latin letter with a Cyrillic twin in either case
   is mapped to the Cyrillic letter (``a b c e h i k m o p t x y`` → ``а в с е н і к м о р т х
   у``; ``b``/``h``/``k``/``m``/``t`` join ``в``/``н``/``к``/``м``/``т`` because their capitals
   are twins), Latin schwa ``ə``/``ǝ`` → ``ә`` and barred ``ɵ`` → ``ө`` (legacy Kazakh fonts),
   and ``ё`` → ``е``. Kazakh ``һ`` stays distinct from ``н``. The folded text is a matching key,
   not something to show: English words come out in mixed script, consistently.
7. Everything that is not a letter or digit (``str.isalnum``) separates words.

``normalise_words`` returns the words joined by single spaces (used for fuzzy similarity);
``normalise`` returns them joined with nothing, i.e. letters and digits only (used for the
fingerprint and for containment), which makes it blind to re-wrapping, hyphenation and
paragraph-internal spacing.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

NORM_VERSION = "norm-v1"

_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_DASHES = "\\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_APOSTROPHES = "'\u2019\u02bc\u02bb`"
_ALNUM = r"[^\W_]"
# The patterns start with the dash so the scanner looks for dashes, not for letters.
# A dash glued to a letter/digit on the left and right (possibly across a line break).
_JOIN_DASH = re.compile(
    rf"[{_DASHES}](?<={_ALNUM}[{_DASHES}])(?:[ \t]*\n\s*)?(?={_ALNUM})"
)
# "Ұй- ымы": the line join already happened and left a space behind the hyphen.
_RESIDUE_DASH = re.compile(rf"[-\u2010\u2011](?<={_ALNUM}[-\u2010\u2011])[ \t]+(?=[^\W\d_])")
_JOIN_APOSTROPHE = re.compile(
    rf"[{_APOSTROPHES}](?<={_ALNUM}[{_APOSTROPHES}])(?={_ALNUM})"
)
_COMBINING = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
)
_WORD = re.compile(r"[^\W_]+")

_LOOKALIKES = {
    "a": "а",
    "b": "в",
    "c": "с",
    "e": "е",
    "h": "н",
    "i": "і",
    "k": "к",
    "m": "м",
    "o": "о",
    "p": "р",
    "t": "т",
    "x": "х",
    "y": "у",
    "ə": "ә",
    "ǝ": "ә",
    "ɵ": "ө",
    "ё": "е",
}
_LOOKALIKE_RE = re.compile("[" + "".join(_LOOKALIKES) + "]")


def _fold(match: re.Match[str]) -> str:
    return _LOOKALIKES[match.group()]


def _residue(match: re.Match[str]) -> str:
    nxt = match.string[match.end()]
    return "" if nxt.islower() else match.group(0)


def normalise_words(text: str) -> str:
    """``norm-v1`` words of *text*, lowercase and look-alike folded, joined by single spaces.

    Used for fuzzy similarity, where word boundaries carry information. See the module
    docstring for the exact rules.
    """
    text = _INVISIBLE.sub("", unicodedata.normalize("NFKC", text))
    text = _RESIDUE_DASH.sub(_residue, text)
    text = _JOIN_DASH.sub("", text)
    text = _JOIN_APOSTROPHE.sub("", text)
    text = unicodedata.normalize("NFKC", text.casefold())
    text = _COMBINING.sub("", text)
    text = _LOOKALIKE_RE.sub(_fold, text)
    return " ".join(_WORD.findall(text))


def normalise(text: str) -> str:
    """``norm-v1`` normal form of *text*: letters and digits only, no spaces.

    ``normalise(t) == normalise_words(t).replace(" ", "")``. Idempotent. Identical for text
    that differs only in Unicode normal form, case, NBSP vs space, soft hyphens, line-end
    hyphenation, line wrapping, quote and dash styles, or Latin/Cyrillic look-alikes.
    """
    return normalise_words(text).replace(" ", "")


def fingerprint(text: str) -> str:
    """Paragraph fingerprint: lowercase hex SHA-256 of ``"norm-v1:" + normalise(text)``.

    Exactly the UTF-8 bytes of ``NORM_VERSION + ":" + normalise(text)`` are hashed, so the
    fingerprint of an empty or punctuation-only paragraph is the hash of ``b"norm-v1:"``.
    """
    return normal_fingerprint(normalise(text))


def normal_fingerprint(normal: str) -> str:
    """The fingerprint of a text whose ``normalise`` form is ``normal`` (worked out already)."""
    return hashlib.sha256(f"{NORM_VERSION}:{normal}".encode()).hexdigest()
