"""The container's names checked against the opening pages.

XMP and PDF info are written by tools, often in Latin letters whatever the document's
script (``Oleg Domanov`` for a title page that prints ``Олег Доманов``), and some tools put
every copyright holder into the author field. So each container name is looked up, by its
transliteration, in the lines of the first two pages:

* printed in another script outside a copyright notice: the document's own spelling is
  offered, just above the container's (the same person, written as the document writes);
* printed only in copyright notices (``Copyright © 2005 Ilya V. Golovko``): the people
  hold the copyright, the document does not call them authors, and an empty list is
  offered above the container's, so the reason its names lost stays on record;
* one word each that the text never prints (``Didi``): the account the file was made
  under, and an empty list is offered above the container's too.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from ..models import Author, Candidate
from ..origins import InText, Origin, Part
from .names import latin_key, normal_case
from .rows import Row, Rows

_COPYRIGHT = re.compile(r"©|\(c\)|\bcopyright\b|авторские права", re.I)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_SAME = 0.85  # how close two given names' transliterations must be (Джосип ~ Josip)
_PAGES = 2


def _alike(a: str, b: str) -> bool:
    return len(a) >= 3 and len(b) >= 3 and SequenceMatcher(None, a, b).ratio() >= _SAME


def _hits(author: Author, rows: list[Row]) -> tuple[list[tuple[Row, int]], bool]:
    """Where the author's family name is printed outside copyright notices (row, word
    position), and whether it is printed in a copyright notice. The family name must
    transliterate to the same letters: a near spelling may be another person."""
    key = latin_key(author.family or "")
    printed: list[tuple[Row, int]] = []
    in_copyright = False
    for row in rows:
        words = _WORD.findall(row.text)
        for k, word in enumerate(words):
            if latin_key(word) != key or len(key) < 2:
                continue
            if _COPYRIGHT.search(row.text):
                in_copyright = True
            else:
                printed.append((row, k))
    return printed, in_copyright


def _as_printed(author: Author, row: Row, k: int) -> Author:
    """The author as the row writes the name: its family word and the given words
    beside it that transliterate to the container's given names."""
    words = _WORD.findall(row.text)
    given_keys = [latin_key(g) for g in (author.given or "").split()]
    beside = [
        w for w in (words[k - 1 : k] + words[k + 1 : k + 2])
        if any(_alike(latin_key(w), g) for g in given_keys)
    ]
    given = " ".join(beside) or None
    family = normal_case(words[k])
    return Author(family=family, given=given, literal=f"{given or ''} {words[k]}".strip())


def _account_only(authors: list[Author], rows: Rows) -> bool:
    """Every name is one word the document never prints ("Didi", "jbrase"): the account
    the file was made under, not an author."""
    words = [(a.literal or "").strip() for a in authors]
    if not words or any(a.family or len(w.split()) != 1 for a, w in zip(authors, words,
                                                                        strict=True)):
        return False
    keys = {latin_key(w) for w in words}
    return not any(latin_key(word) in keys for row in rows.rows for word in _WORD.findall(row.text))


def checked(container: list[Candidate], rows: Rows) -> list[Candidate]:
    """Candidates that answer the container's author lists from the opening pages."""
    opening = [r for r in rows.rows if r.page <= _PAGES]
    out: list[Candidate] = []
    for cand in container:
        if cand.field != "authors" or not cand.value:
            continue
        authors = [Author(**a) for a in cand.value]
        if _account_only(authors, rows):
            out.append(Candidate(
                "authors", [], Origin.INFERRED,
                detail=f"{cand.origin} names only an account the text never prints: "
                       f"{cand.detail}"[:200],
                priority=cand.priority + 1,
            ))
            continue
        hits = [_hits(a, opening) for a in authors]
        if all(not printed and held for printed, held in hits):
            out.append(Candidate(
                "authors", [], Origin.COPYRIGHT_NOTICE,
                detail=f"{cand.origin} names only copyright holders: {cand.detail}"[:200],
                priority=cand.priority + 1,
            ))
            continue
        respelled = [
            _as_printed(a, *printed[0]) if printed else a
            for a, (printed, _) in zip(authors, hits, strict=True)
        ]
        if any((r.family or "").casefold() != (a.family or "").casefold()
               for r, a in zip(respelled, authors, strict=True)):
            row = next(p[0][0] for p, _ in hits if p)
            out.append(Candidate(
                "authors", [a.as_json() for a in respelled], InText(Part.FRONT_MATTER, row.page),
                detail=f"as printed ({cand.origin} gives {cand.detail}): {row.text}"[:200],
                priority=cand.priority + 1,
            ))
    return out
