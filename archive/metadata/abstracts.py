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
from ..origins import InText, Part
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


def _origin(para: list[Row]) -> InText:
    return InText(Part.ABSTRACT, para[0].page)


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
    reader = _Reader(rows)
    for i in range(len(reader.paras)):
        if i not in reader.used and not reader.labelled(i):
            reader.introduced(i)
    for i in range(len(reader.paras)):
        reader.before_keywords(i)
    return reader.out


class _Reader:
    """The page's paragraphs, read once for abstracts: those under a label, those after a
    stated title ("The article … is devoted to"), and those before a keywords line."""

    def __init__(self, rows: Rows) -> None:
        self.rows = rows
        body = [r for r in rows.rows if not rows.is_noise(r)]
        self.paras = paragraphs(body, lambda t: keyword_label(t) or abstract_label(t))
        self.texts = [_text(p, rows) for p in self.paras]
        self.used: set[int] = set()
        self.out: list[Candidate] = []

    def until_keywords(self, start: int) -> tuple[list[int], str | None]:
        """The paragraphs from ``start`` up to a keywords line, and that line's language."""
        taken: list[int] = []
        for k in range(start, min(start + _MAX_PARAS, len(self.paras))):
            found = keyword_label(self.paras[k][0].text)
            if found:
                return taken, found[0]
            if k > start and _stops(self.texts[k], self.paras[k]):
                break
            taken.append(k)
        return taken, None

    def emit(self, idx: list[int], lang: str | None, detail: str) -> None:
        text = "\n\n".join(self.texts[k] for k in idx).strip()
        if not text:
            return
        self.used.update(idx)
        lang = lang or pt.guess_lang(text)
        self.out.append(Candidate("abstract", text, _origin(self.paras[idx[0]]), lang=lang,
                                  detail=detail, priority=PRIORITY))

    def labelled(self, i: int) -> bool:
        """An abstract under its label ("Аннотация. …", "Abstract"): up to the keywords."""
        para = self.paras[i]
        label = abstract_label(para[0].text)
        if not label:
            return False
        if i > 0 and (title := _caps_title_above(self.paras[i - 1], self.rows)):
            self.out.append(title)
        lang, rest = label
        taken, kw_lang = self.until_keywords(i + 1)
        idx = [i, *taken] if kw_lang else [i]
        first = join_lines([rest] + [r.text for r in para[1:]], self.rows.compounds)
        text = "\n\n".join([first] + [self.texts[k] for k in idx[1:]]).strip()
        if text:
            self.used.update(idx)
            # Kazakh journals also write "Аннотация" over a Kazakh abstract: the text's own
            # script decides, the label only when the text cannot.
            lang = pt.guess_lang(text) or lang
            self.out.append(Candidate("abstract", text, _origin(para), lang=lang,
                                      detail=para[0].text, priority=PRIORITY))
        return True

    def introduced(self, i: int) -> None:
        """A paragraph that states the title ("The article … is devoted to"): the title, and
        the paragraphs after it as the abstract."""
        intro = is_intro(self.texts[i])
        if not intro:
            return
        stated = " ".join(intro.group("title").split()).rstrip(".").strip()
        tlang = pt.guess_lang(stated)
        self.out.append(Candidate("title", stated, _origin(self.paras[i]), lang=tlang,
                                  detail=self.texts[i], priority=PRIORITY))
        self.used.add(i)
        taken, kw_lang = self.until_keywords(i + 1)
        if taken:
            # Without a keywords line to end it, only the next paragraph is surely its.
            self.emit(taken if kw_lang else taken[:1], kw_lang or tlang, self.texts[i])

    def before_keywords(self, i: int) -> None:
        """Unlabelled paragraphs in the keywords' language right above a keywords line."""
        found = keyword_label(self.paras[i][0].text)
        if not found or (i - 1) in self.used:
            return
        lang = found[0]
        idx: list[int] = []
        k = i - 1
        while k >= 0 and len(idx) < _MAX_PARAS and k not in self.used:
            if _stops(self.texts[k], self.paras[k]) or pt.guess_lang(self.texts[k]) != lang:
                break
            idx.insert(0, k)
            k -= 1
        if idx:
            self.emit(idx, lang, self.paras[i][0].text)
