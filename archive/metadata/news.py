"""What a news page says about itself in its text: the site, a byline, a dateline.

Web captures carry no front matter. Sites name themselves ("в материале Zakon.kz"),
credit their own photos ("Фото: Zakon.kz", repeated), sign articles ("Автор: …") and
print a dateline ("23 октября 2025, 10:15"). These are read only when the source shows no
sign of being a journal article, and carry the low priority of the origin ``text``.
"""

from __future__ import annotations

import re
from collections import Counter

from ..models import Author, Candidate, Document
from ..origins import Origin
from . import patterns as pt

TEXT = 20
_DOMAIN = r"[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,6}"
# The site naming itself ("в материале Zakon.kz": "in this Zakon.kz piece").
_SELF_NAMED = re.compile(
    rf"(?:в\s+материале|материалында|in\s+this\s+story\s+by)\s+(?P<site>{_DOMAIN})", re.I
)
_CREDIT = re.compile(
    r"^\s*(?:Фото|Photo|Видео|Video|Сурет|Фотосурет|Источник|Source|Дереккөз)\s*:\s*"
    rf"(?P<site>{_DOMAIN})\s*\.?$",
    re.I,
)
_BYLINE = re.compile(
    r"^\s*(?:Автор(?:ы)?|Author|By|Текст|Авторы материала)\s*[:—–-]?\s*"
    r"(?P<names>[^\d:@()]{3,80}?)\s*\.?$",
    re.I,
)
_MONTHS = {
    **dict.fromkeys(("января", "january", "jan", "қаңтар"), 1),
    **dict.fromkeys(("февраля", "february", "feb", "ақпан"), 2),
    **dict.fromkeys(("марта", "march", "mar", "наурыз"), 3),
    **dict.fromkeys(("апреля", "april", "apr", "сәуір"), 4),
    **dict.fromkeys(("мая", "may", "мамыр"), 5),
    **dict.fromkeys(("июня", "june", "jun", "маусым"), 6),
    **dict.fromkeys(("июля", "july", "jul", "шілде"), 7),
    **dict.fromkeys(("августа", "august", "aug", "тамыз"), 8),
    **dict.fromkeys(("сентября", "september", "sep", "sept", "қыркүйек"), 9),
    **dict.fromkeys(("октября", "october", "oct", "қазан"), 10),
    **dict.fromkeys(("ноября", "november", "nov", "қараша"), 11),
    **dict.fromkeys(("декабря", "december", "dec", "желтоқсан"), 12),
}
_WORD_DATE = re.compile(
    r"(?<!\d)(?P<day>\d{1,2})\s+(?P<month>[^\W\d_]+)\.?,?\s+(?P<year>(?:19|20)\d{2})(?!\d)"
)
_DOTTED_DATE = re.compile(
    r"(?<![\d.])(?P<day>\d{2})\.(?P<month>\d{2})\.(?P<year>(?:19|20)\d{2})(?![\d.])"
)
_DATELINE_ROWS = 5
_DATELINE_WORDS = 4  # a label and a time beside a dateline's date


def news_candidates(doc: Document) -> list[Candidate]:
    return _site(doc) + _byline(doc) + _dateline(doc)


def _site(doc: Document) -> list[Candidate]:
    named: list[tuple[str, str]] = []
    credits: Counter[str] = Counter()
    for line in doc.lines:
        for match in _SELF_NAMED.finditer(line.text):
            named.append((match.group("site"), match.group(0)))
        if credit := _CREDIT.match(line.text):
            credits[credit.group("site")] += 1
    out = [
        Candidate("publisher", site, Origin.TEXT, detail=detail, priority=TEXT)
        for site, detail in named
    ]
    out += [
        Candidate("publisher", site, Origin.TEXT, detail=f"credited {n} times", priority=TEXT - 5)
        for site, n in credits.items()
        if n >= 2
    ]
    return out


def _byline(doc: Document) -> list[Candidate]:
    """A signed article: ``Автор: Айгерим Калиева`` (given name first, as bylines print it)."""
    for line in doc.lines:
        match = _BYLINE.match(line.text)
        # "by Washington State University.)" ends a sentence wrapped over lines: a byline
        # opens with its label capitalised.
        if not match or not line.text.lstrip()[:1].isupper():
            continue
        authors = []
        for name in re.split(r"\s*,\s*|\s+(?:и|and|және)\s+", match.group("names")):
            words = name.split()
            if not 2 <= len(words) <= 3 or not all(w[:1].isupper() for w in words):
                break
            authors.append(Author(family=words[-1], given=" ".join(words[:-1]), literal=name))
        else:
            if authors:
                value = [a.as_json() for a in authors]
                return [Candidate("authors", value, Origin.TEXT, detail=line.text.strip(),
                                  priority=TEXT)]
    return []


def _dateline(doc: Document) -> list[Candidate]:
    """A date printed in the first lines, as a line of its own with at most a label and a
    time (``23 октября 2025, 10:15``, ``Опубликовано 01.02.2023 в 12:00``): a date inside
    a sentence (``скончался 28 декабря 2015 года в своем``) is an event's, not the page's."""
    rows = [ln.text for ln in doc.lines if ln.text.strip()][:_DATELINE_ROWS]
    for text in rows:
        for match in [*_WORD_DATE.finditer(text), *_DOTTED_DATE.finditer(text)]:
            if len((text[: match.start()] + text[match.end() :]).split()) > _DATELINE_WORDS:
                continue
            month_text = match.group("month")
            month = int(month_text) if month_text.isdecimal() else _MONTHS.get(month_text.lower())
            if not month:
                continue
            iso = f"{match.group('year')}-{month:02d}-{int(match.group('day')):02d}"
            if pt.is_iso_date(iso):
                return [
                    Candidate("date", iso, Origin.TEXT, detail=match.group(0), priority=TEXT),
                    Candidate("year", int(iso[:4]), Origin.TEXT, detail=match.group(0),
                              priority=TEXT),
                ]
    return []
