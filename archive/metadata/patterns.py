"""Shapes of bibliographic identifiers: find them in running text and check them.

Every ``find_*`` function takes text as printed (labels in Kazakh, Russian or English,
Cyrillic look-alike letters in Latin labels) and returns normalised values; every ``is_*``
function checks the shape of a single, already normalised value. Labels are matched at the
start of a line so that a code quoted in running prose is not mistaken for the article's own.
"""

from __future__ import annotations

import datetime as dt
import re

from .. import lineshapes
from ..language import detect_language

# Crossref's recommended pattern for modern DOIs; matched case-insensitively.
DOI_RE = re.compile(r"\b10\.\d{4,9}/[-._;()/:A-Z0-9]+", re.IGNORECASE)
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
# A DOI may be split where the line wraps; these characters at a line end mean "continued".
_DOI_CONTINUES = ("-", "/", "_")

# "е-mail" is often typed with a Cyrillic е; accept either script and the usual separators.
EMAIL_LABEL_RE = re.compile(r"^\s*(?:[eеЕE][-‐‑–]?\s?mail|почта|эл\.\s*почта)\s*[:.]?", re.I)
EMAIL_RE = lineshapes.EMAIL

ORCID_RE = re.compile(r"\b(\d{4}-\d{4}-\d{4}-\d{3}[\dX])\b")
ISSN_RE = re.compile(r"\b(\d{4}-\d{3}[\dXx])\b")

# UDC: a main number with optional auxiliaries (place, form, language, time, relations).
_UDC_ATOM = r"\d{1,3}(?:\.\d+)*"
_UDC_AUX = (
    r"(?:'\d[\d.]*"  # special auxiliary: 81'42
    r"|\(\s*[=\d.\-–]+\s*\)"  # place or form: (574), (075.8)
    r"|\"\s*\d[\d./\-–]*\s*\""  # time: "2024"
    r"|=\s*[\d.]+|\.0\d*|-\d+(?:\.\d+)*)"  # language, point-nought, hyphen auxiliaries
)
UDC_CODE_RE = re.compile(
    rf"{_UDC_ATOM}(?:\s?{_UDC_AUX})*(?:\s?[:+/]\s?{_UDC_ATOM}(?:\s?{_UDC_AUX})*)*"
)
_UDC_FULL = re.compile(rf"^{UDC_CODE_RE.pattern}$")
UDC_LABEL_RE = re.compile(r"^\s*(?:УДК|UDC|UDK|ӘОЖ|ӘОК)\s*[:.]?\s*(?P<rest>.*)$", re.I)

GRNTI_CODE_RE = re.compile(r"\b\d{2}(?:\.\d{2}){0,2}\b")
_GRNTI_FULL = re.compile(r"^\d{2}(?:\.\d{2}(?:\.\d{2})?)?$")
GRNTI_LABEL_RE = re.compile(
    r"^\s*(?:ГРНТИ|МРНТИ|IRSTI|SRSTI|ҒТАМР|ХҒТАР|МҒТАР)\s*[:.]?\s*(?P<rest>.*)$", re.I
)
BBK_LABEL_RE = re.compile(r"^\s*(?:ББК|BBK|LBC)\s*[:.]?\s*(?P<rest>.*)$", re.I)
DOI_LABEL_RE = re.compile(r"^\s*(?:DOI|ДОИ)\s*[:.]?\s*(?P<rest>.*)$", re.I)

ISO_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

# The letters of each kind, counted by a scan: the Cyrillic block less its signs and
# combining marks (U+0482-U+0489), which are no letters.
_KAZAKH_LETTER = re.compile("[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
_CYRILLIC_LETTER = re.compile("[\u0400-\u0481\u048a-\u04ff]")
_LATIN = re.compile(r"[A-Za-z]")


def normalize_doi(text: str) -> str | None:
    """The DOI in ``text`` (bare, ``doi:`` or ``https://doi.org/`` form), or None.

    Trailing punctuation that ends the sentence is not part of the DOI; a closing
    parenthesis is kept only when the DOI itself opened one.
    """
    stripped = _DOI_PREFIX.sub("", text.strip())
    match = DOI_RE.search(stripped)
    if not match:
        return None
    doi = match.group(0)
    while doi and doi[-1] in ".,;:)":
        if doi[-1] == ")" and doi.count("(") >= doi.count(")"):
            break
        doi = doi[:-1]
    return doi if is_doi(doi) else None


# A template's stand-in for the DOI to come: ``10.1145/nnnnnnn.nnnnnnn``, ``10.xxxx/xxxxx``.
_PLACEHOLDER_SUFFIX = re.compile(r"/(?:(?i:n+|x+)[-._]?)+$")


def is_doi(value: str) -> bool:
    return (bool(DOI_RE.fullmatch(value)) and value[-1] not in ".,;:"
            and not _PLACEHOLDER_SUFFIX.search(value))


def find_dois(lines: list[str]) -> list[str]:
    """DOIs in consecutive lines, re-joining one that wraps at a line end."""
    found: list[str] = []
    for i, line in enumerate(lines):
        for match in DOI_RE.finditer(line):
            raw = match.group(0)
            at_end = match.end() >= len(line.rstrip())
            if at_end and raw.endswith(_DOI_CONTINUES) and i + 1 < len(lines):
                nxt = lines[i + 1].strip().split(" ", 1)[0]
                if nxt and re.fullmatch(r"[-._;()/:A-Za-z0-9]+", nxt):
                    raw += nxt
            doi = normalize_doi(raw)
            if doi and doi not in found:
                found.append(doi)
    return found


def find_emails(text: str) -> list[str]:
    return [m.group(0).rstrip(".") for m in EMAIL_RE.finditer(text)]


def orcid_checksum_ok(orcid: str) -> bool:
    """ISO 7064 MOD 11-2 check digit, as ORCID specifies it."""
    digits = orcid.replace("-", "")
    if not re.fullmatch(r"\d{15}[\dX]", digits):
        return False
    total = 0
    for ch in digits[:-1]:
        total = (total + int(ch)) * 2
    check = (12 - total % 11) % 11
    return digits[-1] == ("X" if check == 10 else str(check))


def is_orcid(value: str) -> bool:
    return bool(ORCID_RE.fullmatch(value)) and orcid_checksum_ok(value)


def find_orcids(text: str) -> list[str]:
    """ORCID iDs with a valid check digit; mistyped ones are dropped, not guessed."""
    return [m for m in ORCID_RE.findall(text.upper()) if orcid_checksum_ok(m)]


def is_udc(code: str) -> bool:
    """True when ``code`` has the shape of a UDC number (main number plus auxiliaries)."""
    return bool(_UDC_FULL.match(code.strip())) and code.strip() == code


def is_grnti(code: str) -> bool:
    """True for a GRNTI/МРНТИ code: two-digit groups joined by dots, one to three groups."""
    return bool(_GRNTI_FULL.match(code))


def split_codes(rest: str) -> list[str]:
    """Codes listed after a label: separated by ``;`` or ``,`` (never used inside a code)."""
    parts = [p.strip().rstrip(".").strip() for p in re.split(r"[;,]", rest)]
    return [p for p in parts if p]


def parse_udc(rest: str) -> list[str]:
    codes = []
    for part in split_codes(rest):
        match = UDC_CODE_RE.match(part)
        if match:
            code = re.sub(r"\s+(?=[(:+/=\"])|(?<=[(:+/=])\s+", "", match.group(0).strip())
            if is_udc(code):
                codes.append(code)
    return codes


def parse_grnti(rest: str) -> list[str]:
    return [code for code in GRNTI_CODE_RE.findall(rest) if is_grnti(code)]


def is_iso_date(value: str) -> bool:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` naming a real calendar date."""
    match = ISO_DATE_RE.match(value)
    if not match:
        return False
    year, month, day = (int(g) if g else 1 for g in match.groups())
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def guess_lang(text: str) -> str | None:
    """Kazakh, Russian or English by script, falling back to the language identifier.

    The corpus mixes exactly these three; Kazakh is told from Russian by its own letters,
    which statistical identifiers trained on short strings often miss.
    """
    cyr = len(_CYRILLIC_LETTER.findall(text))
    lat = len(_LATIN.findall(text))
    if cyr >= lat and cyr:
        kazakh = len(_KAZAKH_LETTER.findall(text))
        return "kk" if kazakh / cyr > 0.04 else "ru"
    if lat > cyr:
        # The paragraphs' own identifier: one model per process, not two.
        lang = detect_language(text)
        return "en" if lang not in {"de", "fr", "es", "it", "pt", "nl", "tr", "pl"} else lang
    return None
