"""Abstracts per language, and the titles that introduce other-language abstracts.

Three shapes are read, in this order of trust:

1. a labelled abstract (``Аңдатпа``, ``Аннотация``, ``Abstract``…);
2. an end-of-article abstract introduced by a paragraph ``<author>, <affiliation>
   (<city>, <country>): <title>.`` — that paragraph also gives the title in that language;
3. unlabelled paragraphs right before a keywords line, in the keywords' language.

An abstract runs until the keywords line of its language; paragraphs are joined with a
blank line, lines within a paragraph with wraps repaired.
"""

from __future__ import annotations

import re

from ..models import Candidate
from . import patterns as pt
from .labels import abstract_label, keyword_label
from .names import INITIALS, parse_author_line
from .rows import Row, Rows, is_caps, join_lines, paragraphs, title_like

PRIORITY = 75
_MAX_PARAS = 6
_INTRO = re.compile(
    r"^(?P<who>.{2,400}?)\((?P<place>[^()]{2,80}?,[^()]{2,80}?)\)\s*:\s*(?P<title>\S.{5,}?)\s*$",
    re.S,
)
_STARTS_WITH_NAME = re.compile(rf"^(?:{INITIALS}\s?\w+|\w+,?\s{INITIALS})")


def _text(para: list[Row], rows: Rows) -> str:
    return join_lines([r.text for r in para], rows.compounds)


def _origin(para: list[Row]) -> str:
    return f"abstract p.{para[0].page}"


def is_intro(text: str) -> re.Match[str] | None:
    if not _STARTS_WITH_NAME.match(text):
        return None
    return _INTRO.match(text)


def _stops(text: str, para: list[Row]) -> bool:
    """A paragraph that cannot belong to an abstract."""
    first = para[0].text
    return bool(
        keyword_label(first)
        or abstract_label(first)
        or is_intro(text)
        or pt.find_emails(text)
        or parse_author_line(first)
        or pt.DOI_LABEL_RE.match(first)
        or pt.UDC_LABEL_RE.match(first)
        or pt.GRNTI_LABEL_RE.match(first)
        or is_caps(text)
    )


def _caps_title_above(para: list[Row], rows: Rows) -> Candidate | None:
    """A title in capitals right above a labelled abstract (as in an end-of-article summary)."""
    run: list[Row] = []
    for row in reversed(para):
        if not is_caps(row.text) or parse_author_line(row.text):
            break
        run.insert(0, row)
    text = join_lines([r.text for r in run], rows.compounds).strip().rstrip(".")
    if not run or not title_like(text):
        return None
    return Candidate("title", text, _origin(run), lang=pt.guess_lang(text),
                     detail="\n".join(r.text for r in run), priority=PRIORITY)


def abstracts(rows: Rows) -> list[Candidate]:
    body = [r for r in rows.rows if not rows.is_noise(r)]
    paras = paragraphs(body, lambda t: keyword_label(t) or abstract_label(t))
    texts = [_text(p, rows) for p in paras]
    used: set[int] = set()
    out: list[Candidate] = []

    def until_keywords(start: int) -> tuple[list[int], str | None]:
        taken: list[int] = []
        for k in range(start, min(start + _MAX_PARAS, len(paras))):
            found = keyword_label(paras[k][0].text)
            if found:
                return taken, found[0]
            if k > start and _stops(texts[k], paras[k]):
                break
            taken.append(k)
        return taken, None

    def emit(idx: list[int], lang: str | None, detail: str) -> None:
        text = "\n\n".join(texts[k] for k in idx).strip()
        if not text:
            return
        used.update(idx)
        lang = lang or pt.guess_lang(text)
        out.append(Candidate("abstract", text, _origin(paras[idx[0]]), lang=lang,
                             detail=detail, priority=PRIORITY))

    for i, para in enumerate(paras):
        if i in used:
            continue
        label = abstract_label(para[0].text)
        if label:
            if i > 0 and (title := _caps_title_above(paras[i - 1], rows)):
                out.append(title)
            lang, rest = label
            taken, kw_lang = until_keywords(i + 1)
            idx = [i, *taken] if kw_lang else [i]
            first = join_lines([rest] + [r.text for r in para[1:]], rows.compounds)
            text = "\n\n".join([first] + [texts[k] for k in idx[1:]]).strip()
            if text:
                used.update(idx)
                # Kazakh journals also write "Аннотация" over a Kazakh abstract: the
                # text's own script decides, the label only when the text cannot.
                lang = pt.guess_lang(text) or lang
                out.append(Candidate("abstract", text, _origin(para), lang=lang,
                                     detail=para[0].text, priority=PRIORITY))
            continue
        intro = is_intro(texts[i])
        if intro:
            stated = " ".join(intro.group("title").split()).rstrip(".").strip()
            tlang = pt.guess_lang(stated)
            out.append(Candidate("title", stated, _origin(para), lang=tlang,
                                 detail=texts[i], priority=PRIORITY))
            used.add(i)
            taken, kw_lang = until_keywords(i + 1)
            if taken:
                # Without a keywords line to end it, only the next paragraph is surely its.
                emit(taken if kw_lang else taken[:1], kw_lang or tlang, texts[i])
    for i, para in enumerate(paras):
        found = keyword_label(para[0].text)
        if not found or (i - 1) in used:
            continue
        lang = found[0]
        idx = []
        k = i - 1
        while k >= 0 and len(idx) < _MAX_PARAS and k not in used:
            if _stops(texts[k], paras[k]) or pt.guess_lang(texts[k]) != lang:
                break
            idx.insert(0, k)
            k -= 1
        if idx:
            emit(idx, lang, para[0].text)
    return out
