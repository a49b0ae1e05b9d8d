"""Shapes of text the segmenter recognises, in the corpus's languages (kk, ru, en).

Kept in one place so that adding a journal's or a language's wording is a one-line change.
"""

from __future__ import annotations

import re

_UP = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
_LOW = "a-zа-яёәғқңөұүһі"
INITIALS = rf"[{_UP}]\.\s?(?:[{_UP}]\.\s?)?"
SURNAME = rf"[{_UP}][{_UP}{_LOW}'’-]+"

# A list item opens with a dash or bullet, or a number/letter with ")" or ".".
LIST_MARKER = re.compile(rf"^(?:[-–—•·▪►*]\s+|\(?\d{{1,2}}[.)]\s+|[{_LOW}]\)\s+)")
REFERENCE_MARKER = re.compile(r"^(?:\[\d{1,3}\]|\d{1,3}[.)]?\s+[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ])")
# A bracketed citation at the end of a sentence does not end the sentence.
TRAILING_CITATION = re.compile(r"\s*\[[\d\s,;–-]+(?:,\s*[^\]]{0,20})?\]\s*$")
SENTENCE_END = re.compile(r"[.!?…][»\"”’)\]]*$")
CLAUSE_END = re.compile(r"[.!?…:;][»\"”’)\]]*$")

KEYWORDS = re.compile(
    r"^(?:түйінді\s+сөздер|тірек\s+сөздер|кілт(?:ті)?\s+сөздер|ключевые\s+слова"
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
CAPTION = re.compile(
    r"^(?:(?:рис\.|рисунок|сурет|кесте|таблица|табл\.|figure|fig\.|table|диаграмма|схема)"
    r"\s*\d+|(?:фото|photo|источник\s+фото|фото\s+автора)\s*:|(?:фото|photo)\s*[-–—]\s)",
    re.I,
)

# Front matter that announces itself.
COPYRIGHT = re.compile(r"^(?:©|\(c\)\s|copyright\b)", re.I)
DOI = re.compile(r"^(?:doi\s*[:.]?\s*10\.\d{3,9}/|https?://(?:dx\.)?doi\.org/10\.)", re.I)
CLASS_CODE = re.compile(
    r"^(?:УДК|ӘОЖ|ӘӨЖ|UDC|UDK|ББК|BBK|ГРНТИ|МРНТИ|ХҒТАР|IRSTI|JEL)\b\s*[:.]?\s*[\dA-Z]"
)
EMAIL_LINE = re.compile(
    r"^(?:[eе][-‐–]?\s?mail|email|e-почта|эл(?:ектрондық)?\.?\s*пошта|электронная\s+почта)"
    r"\s*[:.]?|^\S+@\S+\.\w+$",
    re.I,
)
ORCID = re.compile(r"^orcid\b|orcid\.org/|^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$", re.I)
# A line that is only an author's name (possibly several), as on a title page.
NAME_LINE = re.compile(
    rf"^(?:(?:{INITIALS}\s*{SURNAME}|{SURNAME}\s+{INITIALS})[\s\d*¹²³,]*)"
    rf"(?:(?:,|\sи\s|\sжәне\s|\sand\s)\s*(?:{INITIALS}\s*{SURNAME}|{SURNAME}\s+{INITIALS})"
    rf"[\s\d*¹²³,]*)*$"
)
# "A.T. Kalila, «lieutenant …»: Title" — the author line that opens a translated abstract.
AUTHOR_LEAD = re.compile(rf"^(?:{INITIALS}\s*{SURNAME}|{SURNAME}\s+{INITIALS})\s*[,:]")


def strip_citation(text: str) -> str:
    return TRAILING_CITATION.sub("", text.rstrip())


def ends_sentence(text: str) -> bool:
    return SENTENCE_END.search(strip_citation(text)) is not None


def ends_clause(text: str) -> bool:
    """Ends a sentence, or a clause that lists usually end with (``;`` ``:``)."""
    return CLAUSE_END.search(strip_citation(text)) is not None


def first_letter(text: str) -> str:
    for ch in text:
        if ch.isalpha() or ch.isdigit():
            return ch
    return ""


def starts_upper(text: str) -> bool:
    ch = first_letter(text)
    return ch.isupper() or ch.isdigit()


def is_caps(text: str, min_letters: int = 6) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= min_letters and sum(ch.isupper() for ch in letters) >= 0.9 * len(
        letters
    )


def ends_with_hyphen(text: str) -> bool:
    """A word broken at the line end (``Ұй-``), as opposed to a dash (``әрі –``)."""
    s = text.rstrip()
    return len(s) >= 2 and s[-1] in "-‐‑\u00ad" and s[-2].isalnum()
