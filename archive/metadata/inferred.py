"""Fields nobody states but the text shows: the languages and the kind of source.

These carry the lowest priorities (origins ``text`` and ``inferred``): any stated value wins.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from ..models import Candidate, Document, Segmentation
from ..origins import Origin
from . import patterns as pt

TEXT = 20
INFERRED = 10
_BODY_ROLES = ("body", "list_item", "heading")
_SKIP_ROLES = ("foreign", "reference")
_MIN_SHARE = 0.03  # of the weighted text: below this a language is a quotation, not a version
_SHORT_FRONT = 100  # characters: front matter or a caption shorter than this is no version
_ISBN = re.compile(r"\bISBN(?:-1[03])?\s*:?\s*[\d\-–X ]{10,17}", re.I)
_REPORT = re.compile(r"^\s*(?:report|отч[её]т|есеп)\b", re.I)


def languages(doc: Document, seg: Segmentation) -> list[Candidate]:
    """Main language from body text; every language with a real share, main first."""
    weights: Counter[str] = Counter()
    body: Counter[str] = Counter()
    for block in seg.blocks:
        if block.role in _SKIP_ROLES or (
            block.role in ("front_matter", "caption") and len(block.text) < _SHORT_FRONT
        ):
            continue  # names, places, codes and photo credits say too little
        lang = block.lang or pt.guess_lang(block.text)
        if not lang:
            continue
        weights[lang] += len(block.text)
        if block.role in _BODY_ROLES:
            body[lang] += len(block.text)
    if not weights:
        for line in doc.lines:
            if lang := pt.guess_lang(line.text):
                weights[lang] += len(line.text)
        body = weights.copy()
    if not weights:
        return []
    main = (body or weights).most_common(1)[0][0]
    total = sum(weights.values())
    others = [lang for lang, n in weights.most_common() if lang != main and n / total >= _MIN_SHARE]
    detail = ", ".join(f"{lang} {n}" for lang, n in weights.most_common())
    return [
        Candidate("language", main, Origin.INFERRED, detail=f"body text: {detail}",
                  priority=INFERRED),
        Candidate("languages", [main, *others], Origin.INFERRED, detail=detail, priority=INFERRED),
    ]


# Languages written in Cyrillic: a short text in Latin letters is never one of them.
_CYRILLIC_LANGUAGES = frozenset({"ru", "kk", "uk", "be", "bg", "ky", "mk", "sr", "tg"})


def in_document_languages(found: list[Candidate]) -> list[Candidate]:
    """A title or journal in Latin letters whose language the identifier guessed from its
    few words ("Future Tai Heritage Pro Modifications": French) as one the document is not
    written in is in the document's main language, when that is written in Latin letters
    too. (Cyrillic ones are told apart by their letters, not guessed.)"""
    stated = next((c.value for c in found if c.field == "languages" and c.value), None)
    if not stated or stated[0] in _CYRILLIC_LANGUAGES:
        return found
    out = []
    for cand in found:
        if (cand.field in ("title", "journal") and cand.lang is not None
                and cand.lang not in stated and cand.lang not in _CYRILLIC_LANGUAGES):
            cand = replace(cand, lang=stated[0])
        out.append(cand)
    return out


def kind(doc: Document, found: list[Candidate]) -> list[Candidate]:
    fields = {c.field for c in found}
    captured = any(c.origin == Origin.CAPTURE_HEADER for c in found)
    head = " ".join(ln.text for ln in doc.lines[:80])
    if fields & {"doi", "udc", "grnti", "journal", "issue"}:
        value, why = "article-journal", "DOI, UDC, GRNTI or a journal's running line"
    elif _ISBN.search(head):
        value, why = "book", "ISBN on the first pages"
    elif any(c.field == "title" and _REPORT.match(str(c.value)) for c in found):
        value, why = "report", "title names a report"
    elif captured and "date" in fields and any(
        c.field == "publisher" and c.origin == Origin.TEXT for c in found
    ):
        value, why = "article-newspaper", "dated web capture naming its site"
    elif captured:
        value, why = "webpage", "web capture"
    else:
        return []
    return [Candidate("kind", value, Origin.INFERRED, detail=why, priority=INFERRED)]
