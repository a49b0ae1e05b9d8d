"""Listings in C, or in a language written like it, told by their lines' shapes where no
colon announces them: statements ending in ``;``, braces, a declaration's arguments one a
line, comments between ``/*`` and ``*/``, a preprocessor's directives.

A block of text lines is such a listing when most of its lines are so shaped and short (a
line of prose holds more words), a statement or a brace closes one of them and a
parenthesis stands somewhere; or when it is a comment from its ``/*`` on, every line after
it led by the comment's ``*`` (its ``*/`` may stand on the next page). A comment's "* "
lines count only beside its ``/*`` or ``*/``, and a block holding a list's item never is
one: bullets are no comment, nor does ";" ending an item close a statement.
"""

from __future__ import annotations

import re

from archive.extract.textshapes import BULLET, CODE, TEXT

_END = re.compile(r"(?:[;{}(,]|\*/)\s*(?:/\*.*\*/\s*)?$")
_DIRECTIVE = re.compile(
    r"^\s*#\s*(?:include|define|undef|if|ifdef|ifndef|elif|else|endif|pragma|error)\b")
_OPEN = re.compile(r"^\s*(?:[{}]|//|(?:if|while|for|switch|else\s+if)\s*\(.*\)\s*$)")
_COMMENT = re.compile(r"^\s*(?:/\*|\*/|\*(?:\s|$))")
_CLOSED = re.compile(r"[;{}]\s*(?:/\*.*\*/\s*)?$|^\s*[{}]")  # a statement's or a block's end
_SHARE = 0.6  # of a block's lines shaped so, at least
_WORDS = 6  # words of a line of code, at most, in most of them: prose holds more


def mark_c_blocks(raw: list[str], shapes: list[str], indents: list[int]) -> None:
    """Blocks of text lines set in from the margin, between blank lines, that are listings
    in C, as code, in place in ``shapes``."""
    k = 0
    while k < len(raw):
        if shapes[k] != TEXT:
            k += 1
            continue
        end = k
        while end + 1 < len(raw) and shapes[end + 1] == TEXT:
            end += 1
        block = range(k, end + 1)
        k = end + 1
        if min(indents[i] for i in block) >= 2 and c_like([raw[i] for i in block]):
            for i in block:
                shapes[i] = CODE


def c_like(lines: list[str]) -> bool:
    """The block's lines are a listing in C (see the module)."""
    if any(BULLET.match(ln.strip()) for ln in lines if not _COMMENT.match(ln)):
        return False
    if all(_DIRECTIVE.match(ln) for ln in lines):
        return True  # a preprocessor's directives, one a line
    opened = lines[0].lstrip().startswith("/*")
    comment = opened or any(ln.rstrip().endswith("*/") for ln in lines)
    if opened and all(_COMMENT.match(ln) for ln in lines[1:]):
        return True
    code = [ln for ln in lines if not (comment and _COMMENT.match(ln))]
    shaped = len(lines) - len(code) + sum(
        1 for ln in code if _END.search(ln) or _OPEN.match(ln) or _DIRECTIVE.match(ln))
    short = len(lines) - len(code) + sum(len(ln.split()) <= _WORDS for ln in code)
    return (
        shaped >= _SHARE * len(lines) and short >= _SHARE * len(lines)
        and (comment or any(_CLOSED.search(ln) for ln in lines))
        and any("(" in ln for ln in lines)
    )
