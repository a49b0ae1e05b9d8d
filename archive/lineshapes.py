"""Shapes of a document's lines, in the corpus's languages (kk, ru, en): list markers,
labels (``Аннотация``, ``Keywords:``), captions, bylines, datelines, names, months.

The segmenter reads them to find paragraphs and roles, and the metadata stage to find a
title page's parts; both import them from here, where neither reaches into the other. Kept
in one place so that adding a journal's or a language's wording is a one-line change.
"""

from __future__ import annotations

import re
from functools import lru_cache

_UP = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
_LOW = "a-zа-яёәғқңөұүһі"
# Transliterated initials may take two letters: "Ye.S.", "Zh.K.".
INITIALS = rf"[{_UP}](?:[hu]|(?<=Y)e)?\.\s?(?:[{_UP}](?:[hu]|(?<=Y)e)?\.\s?)?"
SURNAME = rf"[{_UP}][{_UP}{_LOW}'’-]+"

# Bullet glyphs of lists other than the dash: dots, squares, triangles, arrows, checks.
BULLETS = "◦‣∙●○■□▸▹▶➢➤⇒⇓⇨→✓✔❖⁃"
# Numbers in circles, open and filled (a listing's callouts, a procedure's steps): ① … ⑳,
# ❶ … ❿, ➀ … ➉, ➊ … ➓.
CIRCLED = "".join(map(chr, [*range(0x2460, 0x2474), *range(0x2776, 0x2794)]))
# Every glyph that marks a list's item, the typed ones (a dash, an asterisk) too.
ITEM_MARKS = "•·▪▫►" + BULLETS + CIRCLED + "*–-"
# A list item opens with a dash or bullet, or a number/letter with ")" or ".".
LIST_MARKER = re.compile(rf"^(?:[-–—•·▪►*{BULLETS}{CIRCLED}]\s+|\(?\d{{1,2}}[.)]\s+|[{_LOW}]\)\s+)")
REFERENCE_MARKER = re.compile(r"^(?:\[\d{1,3}\]|\d{1,3}[.)]?\s+[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ])")
# A bracketed citation at the end of a sentence does not end the sentence.
TRAILING_CITATION = re.compile(r"\s*\[[\d\s,;–-]+(?:,\s*[^\]]{0,20})?\]\s*$")
SENTENCE_END = re.compile(r"[.!?…][»\"”’)\]]*$")
CLAUSE_END = re.compile(r"[.!?…:;][»\"”’)\]]*$")
_SENTENCE_MARKS = frozenset(".!?…")
_CLAUSE_MARKS = frozenset(".!?…:;")

KEYWORDS = re.compile(
    r"^(?:түйін(?:ді)?\s+сөздер|тірек\s+сөздер|кілт(?:ті)?\s+сөздер|ключевые\s+слова"
    r"|key\s*-?\s*words|keywords)\s*[:.—–-]",
    re.I,
)
ABSTRACT_LABEL = re.compile(
    r"^(?:аңдатпа|аннотация|abstract|summary|резюме|түйін(?:деме)?)\s*[:.—–-]", re.I
)
# A heading that announces the summary: the paragraphs under it are the abstract.
ABSTRACT_HEADING = re.compile(
    r"^(?:аңдатпа|аннотация|abstract|summary|резюме|түйін(?:деме)?)\s*[.:]?$", re.I
)
REFERENCES_HEADING = re.compile(
    r"^(?:\d+\.?\s*)?(?:пайдаланылған\s+)?(?:әдебиеттер(?:\s+тізімі)?|әдебиет"
    r"|список\s+(?:использованной\s+|использованных\s+)?(?:литературы|источников)|литература"
    r"|references|bibliography|источники)\s*:?$",
    re.I,
)
# The words that label a float, in the languages the archive meets.
TABLE_WORDS = (r"table|tableau|tabelle|tabla|cuadro|tabella|tabela|quadro|tabulka|tab\."
               r"|таблица|табл\.|таблиця|кесте")
FIGURE_WORDS = (r"figure|figura|fig\.?|abbildung|abb\.|rysunek|rys\.|obrázek|obr\.|chart"
                r"|diagram|рисунок|рис\.|малюнок|сурет|диаграмма|схема")
# Hungarian sets a float's number before its label: "1. ábra.", "2. táblázat".
_NUMBER_FIRST = r"\d+\.\s*(?:ábra|táblázat)(?![^\W\d_])"
# A float's number: "2", an appendix's or a supplement's "A1", "S3", a roman "IV" (IEEE's
# tables).
_FLOAT_NUMBER = r"(?:(?-i:[A-Z])?\d+|(?-i:[IVXL]{1,6})(?![\w]))"
# A float's label and number: "Figure 2", "Табл. 3", "TABLE A1", "1. ábra".
FLOAT_LABEL = re.compile(
    rf"^\s*(?:(?:{FIGURE_WORDS}|{TABLE_WORDS})\s*{_FLOAT_NUMBER}|{_NUMBER_FIRST})", re.I)
TABLE_LABEL = re.compile(rf"^\s*(?:(?:{TABLE_WORDS})\s*{_FLOAT_NUMBER}|\d+\.\s*táblázat)", re.I)
CAPTION = re.compile(
    rf"^(?:(?:{FIGURE_WORDS}|{TABLE_WORDS})\s*{_FLOAT_NUMBER}|{_NUMBER_FIRST}"
    r"|(?:фото|photo|источник\s+фото|фото\s+автора)\s*:|(?:фото|photo)\s*[-–—]\s)",
    re.I,
)

# A chapter's (part's, appendix's) label alone on its line, over the chapter's title:
# "Chapter 1", "APPENDIX A", "Глава 2", "Тарау III".
CHAPTER_LABEL = re.compile(
    r"^(?:chapter|part|appendix|lecture|kapitel|teil|anhang|chapitre|partie|annexe|capítulo"
    r"|capitulo|parte|apéndice|capitolo|appendice|rozdział|część|kapitola|část|fejezet"
    r"|глава|часть|приложение|раздел|розділ|частина|додаток|тарау|бөлім|қосымша)"
    r"\s+(?:\d{1,3}|[IVXLC]{1,7}|[A-Z])\.?$",
    re.I,
)

# After a caption's label and number comes punctuation ("Figure 2.", "Table 1:", "Сурет 1 –"),
# unlike a sentence that names a float ("Table 1 shows …").
_CAPTION_CLOSE = re.compile(r"\s*(?:[.:|–—-]|\([a-z]\)|$)")


@lru_cache(maxsize=8192)
def is_caption(text: str) -> bool:
    """(Cached: a line is asked as the line before a boundary, after it, and after that.)"""
    match = CAPTION.match(text)
    return match is not None and (
        not match.group(0)[-1:].isalnum() or _CAPTION_CLOSE.match(text, match.end()) is not None
    )


# Front matter that announces itself.
# Capitalised: a line that opens with "copyright notice and …" goes on with a sentence.
COPYRIGHT = re.compile(r"^(?:©|\([cC]\)\s|Copyright\b|COPYRIGHT\b)")
DOI = re.compile(r"^(?:doi\s*[:.]?\s*10\.\d{3,9}/|https?://(?:dx\.)?doi\.org/10\.)", re.I)
CLASS_CODE = re.compile(
    r"^(?:УДК|ӘОЖ|ӘӨЖ|UDC|UDK|ББК|BBK|ГРНТИ|МРНТИ|ХҒТАР|IRSTI|JEL)\b\s*[:.]?\s*[\dA-Z]"
)
# The head of a web address: a scheme and "//", or "www.".
URL_HEAD = r"(?:[a-z][a-z0-9+.-]*://|www\.)"
# An address's head or a DOI's, where the rest may go on past a line's end.
ADDRESS_HEAD = rf"(?:{URL_HEAD}|doi:\s?10\.)"
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
# A note marker (``*``, ``¹``, a digit) may key the e-mail to its author (``*e-mail: …``).
EMAIL_LINE = re.compile(
    r"^[*¹²³⁴⁵⁶⁷⁸⁹\d]{0,2}\s?"
    r"(?:[eе][-‐–]?\s?mail|email|e-почта|эл(?:ектрондық)?\.?\s*пошта|электронная\s+почта"
    r"|corresponding\s+author|автор\s+для\s+(?:переписки|корреспонденции))"
    r"\s*[:.]?|^\S+@\S+\.\w+$",
    re.I,
)
ORCID = re.compile(r"^orcid\b|orcid\.org/|^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$", re.I)


# The four labels above in one pass (each keeps its own case rule). Every branch is anchored
# at the start, so ``ANNOUNCED.match`` is their ``search``; a search would try every position.
ANNOUNCED = re.compile(
    "|".join(
        f"(?{'i' if p.flags & re.I else ''}:{p.pattern})"
        for p in (COPYRIGHT, DOI, CLASS_CODE, EMAIL_LINE)
    )
)


def has_orcid(text: str) -> bool:
    """``ORCID.search(text)``: away from the line start only "orcid.org/" can match."""
    return ORCID.match(text) is not None or ("/" in text and ORCID.search(text) is not None)

# A news page's byline and dateline, each alone on its line ("Автор: Айгүл Сәрсенова",
# "15 наурыз 2024, 10:30", "23.10.2025 14:05").
_NAMEWORD = rf"[{_UP}][{_LOW}'’.-]*"
BYLINE = re.compile(
    r"^(?:(?:автор(?:ы)?|author|текст|авторы\s+материала)\s*[:—–-]\s*|by\s+)"
    rf"{_NAMEWORD}(?:(?:\s|,\s*|\s(?:и|and|және)\s){_NAMEWORD}){{1,7}}\.?$",
    re.I,
)
# Month names (Russian, Kazakh, English), any ending: "марта", "November", "Nov.".
MONTH = (
    r"(?:январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр"
    r"|қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан"
    r"|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[^\W\d_]*"
)
DATELINE = re.compile(
    rf"^(?:[^\W\d_]+,\s*)?\d{{1,2}}(?:\s+{MONTH}\.?,?\s+|\.\d{{2}}\.)(?:19|20)\d{{2}}"
    r"(?:\s*(?:ж\.|г\.|жыл|года)?)?(?:[,\s|]+\d{1,2}:\d{2})?\.?$",
    re.I,
)

# A marker that keys an affiliation or a footnote to its anchor: superscripts or ``*`` glued
# to the text (``¹әл-Фараби …``), or a plain number and a space (``1 Al-Farabi …``).
SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹⁰"
NOTE_MARKER = re.compile(rf"^(?:[{SUPERSCRIPTS}*]+\s?|\d\s)(?=\S)")
FOOTNOTE = re.compile(rf"^[{SUPERSCRIPTS}]+\s\S")

# A line that is only an author's name (possibly several), as on a title page.
_NAME = rf"(?:{INITIALS}\s*{SURNAME}|{SURNAME}\s+{INITIALS})"
_KEY = r"[\d*¹²³⁴⁵⁶⁷⁸⁹,]"
# Full names ("Aigerim Nurlanovna Bekova") count only with a note marker on every name:
# unmarked, two or three capitalised words are as likely a heading.
_FULL_NAME = rf"{SURNAME}(?:\s{SURNAME}){{1,2}}{_KEY}*[\d*¹²³⁴⁵⁶⁷⁸⁹]"
NAME_LINE = re.compile(
    rf"^(?:{_NAME}[\s{_KEY[1:-1]}]*)"
    rf"(?:(?:,|\sи\s|\sжәне\s|\sand\s)\s*{_NAME}[\s{_KEY[1:-1]}]*)*$"
    rf"|^{_FULL_NAME}(?:(?:,\s*|\sand\s){_FULL_NAME})*,?$"
)
# A reference entry opening with its first author: "Beck, T.", "Омарова Н.Қ.", "Smith J.".
ENTRY_AUTHOR = re.compile(rf"^{SURNAME},?\s+{INITIALS}")
# "A.T. Kalila, «lieutenant …»: Title" — the author line that opens a translated abstract.
AUTHOR_LEAD = re.compile(
    rf"^(?:{INITIALS}\s*{SURNAME}|{SURNAME}\s+{INITIALS})[*¹²³⁴⁵⁶⁷⁸⁹]*\s*[,:]"
)


_CLOSERS = "»\"”’)]"


# "… the following space. (Figure 3)": a pointer to a float after the sentence it ends.
TRAILING_FLOAT = re.compile(
    r"\s*\((?:see\s+|см\.\s*)?(?:Fig(?:ure)?s?\.?|Tables?|Рис(?:унок|\.)?|Табл(?:ица|\.)?"
    r"|Сурет|Кесте)\s*[\w.,–-]{0,8}\)\s*$", re.IGNORECASE)


def strip_citation(text: str) -> str:
    s = text.rstrip()
    # The patterns end with "]" or ")": most lines are spared the regex scans.
    if s.endswith("]"):
        return TRAILING_CITATION.sub("", s)
    return TRAILING_FLOAT.sub("", s) if s.endswith(")") else s


def ends_sentence(text: str) -> bool:
    # Same as SENTENCE_END on the stripped text, without scanning the whole line.
    return strip_citation(text).rstrip(_CLOSERS)[-1:] in _SENTENCE_MARKS


# Words no sentence ends with (articles, conjunctions, prepositions), in lower case (a capital
# "А" or "A" ends "Приложение А"), and the conjunctions that open a clause capitalised: a
# line ending in one goes on, whatever the space after it.
_OPEN_WORD = re.compile(
    r"(?:^|\s)(?:a|an|the|of|and|or|if|than|whether|because|If|Because|Whether"
    r"|и|а|но|или|в|во|на|с|со|к|по|о|об|от|до|из|за|для|при|без|если|чтобы|Если|Чтобы"
    r"|және|немесе|бірақ|егер|Егер|und|oder)$"
)


def open_ended(text: str) -> bool:
    """The line stops on a word no sentence ends with ("… at start up. If")."""
    return _OPEN_WORD.search(text) is not None


def ends_clause(text: str) -> bool:
    """Ends a sentence, or a clause that lists usually end with (``;`` ``:``)."""
    return closes_clause(strip_citation(text))


def closes_clause(text: str) -> bool:
    """``ends_clause`` of the text as it stands (no trailing space): ``.!?…:;`` before closing
    quotes or brackets, a citation at the end not taken off. A wrapped line's end is read so."""
    return text.rstrip(_CLOSERS)[-1:] in _CLAUSE_MARKS


def first_letter(text: str) -> str:
    for ch in text:
        if ch.isalpha() or ch.isdigit():
            return ch
    return ""


_SIGNS = frozenset("%$#@/\\<~&")  # a variable's, a path's, a directive's first sign


def opens_on_sign(text: str) -> bool:
    """The line opens on a variable, a path or a directive (``%home%``, ``$HOME``,
    ``/etc``, ``#include``): on a sign set against the word after it, no word of prose."""
    s = text.lstrip()
    return s[:1] in _SIGNS and s[1:2].strip() != ""


def starts_upper(text: str) -> bool:
    ch = first_letter(text)
    return ch.isupper() or ch.isdigit()


@lru_cache(maxsize=8192)
def is_caps(text: str, min_letters: int = 6) -> bool:
    """At least ``min_letters`` letters, nine in ten of them capitals (cached: every rule asks)."""
    if text.islower():
        return False  # the common case: not a single capital
    # Body text is rejected after a few letters: more small letters than a tenth of the
    # whole line can hold already rules it out.
    limit = 0.1 * len(text)
    small = 0
    for ch in text:
        if ch.isalpha() and not ch.isupper():
            small += 1
            if small > limit:
                return False
    letters = "".join(filter(str.isalpha, text))
    return len(letters) >= min_letters and len(letters) - small >= 0.9 * len(letters)


def ends_with_hyphen(text: str) -> bool:
    """A word broken at the line end (``Ұй-``), as opposed to a dash (``әрі –``)."""
    s = text.rstrip()
    return len(s) >= 2 and s[-1] in "-‐‑\u00ad" and s[-2].isalnum()


# A manual page set as text (``man | col -b``): its head names the page and its section at
# both ends ("BASH(1)  General Commands Manual  BASH(1)"), its foot ends on the same name
# after the source and the date, set apart by runs of spaces. As a PDF's line (groff -man)
# the same head has its runs of spaces read as one (``MAN_HEAD_SET``).
_MAN_NAME = r"(?P<name>\S+\(\d\w*\))"
_MAN_HEAD = _MAN_NAME + r"{gap}(?:{lead}.*\S{gap})?(?P=name)"
MAN_HEAD = re.compile(_MAN_HEAD.format(gap=r"\s{2,}", lead=r"\S"))
MAN_HEAD_SET = re.compile(_MAN_HEAD.format(gap=r"\s", lead=""))
MAN_FOOT = re.compile(r"\S.*\s{2,}" + _MAN_NAME)
