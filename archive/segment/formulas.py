"""A displayed formula's pieces on lines of their own: part of the sentence around them.

A rule of ``archive.segment.breaks.RULES``: it decides the boundary or passes it on.
"""

from __future__ import annotations

import re
import unicodedata

from archive.clean import CleanLine
from archive.segment.boundary import Boundary

_FRAGMENT_CHARS = 8  # a line this short with at most two letters is a piece of a formula
_FRAGMENT_LETTERS = 2


def formula_piece(b: Boundary) -> bool | None:
    """On a page, a piece of a displayed formula on a line of its own (a sum's limits
    ``i=1``, a lone ``S``, an index, an integral's ``∫ ∞``) never opens a paragraph, nor
    ends one before the formula's main line: the formula belongs to the sentence around
    it."""
    cur = b.cur
    if cur.after_cut or b.marker or cur.line.kind is not None:
        return None
    if _piece(cur) or (_piece(b.prev) and not b.blank and _RELATION.search(cur.text)
                       and len(cur.text) <= _FORMULA_CHARS):
        return False  # a piece, or the formula's main line under its piece (∫ ∞ over E₁ =)
    return None


def _piece(c: CleanLine) -> bool:
    text = c.text
    if c.line.y0 is None or c.line.kind is not None or len(text) > _FRAGMENT_CHARS:
        return False
    if not any(ch.isalnum() or unicodedata.category(ch) == "Sm" or ch in _MATH_GLYPHS
               for ch in text):
        return False
    return sum(ch.isalpha() for ch in text) <= _FRAGMENT_LETTERS


# Glyphs of a formula that are no math symbols by their category: ∞ is one (Sm); an
# integral's sign read from a math font without its code comes out as U+FFFD.
_MATH_GLYPHS = frozenset("\ufffd∫∑∏√")
_RELATION = re.compile(r"[=<>≤≥≈≍∈≠]")
_FORMULA_CHARS = 80
