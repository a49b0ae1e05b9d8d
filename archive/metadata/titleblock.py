"""Authors and date from the title block of a paper set without a journal's front matter.

Package vignettes, reports and preprints open with a title, a line of names (with note
marks, ``Achim Zeileis† Torsten Hothorn‡``, or in capitals, ``ROGER KOENKER``), perhaps an
affiliation and a date line (``November 10, 2022``), then the abstract or the first section.
The segmenter marks that block as front matter (``archive.segment``); this reads the names
and the date from it, below the XMP and the labelled front matter of journals.
"""

from __future__ import annotations

import re

from .. import lineshapes as seg_pt
from ..models import Author, Block, Candidate
from ..origins import InText, Part
from .dates import year_of
from .labels import SECTION_LINE
from .names import (
    GARBLED,
    ORGANISATION,
    PARTICLES,
    collective,
    family_first,
    is_collective,
    normal_case,
    written_family_first,
)
from .places import names_a_place

PRIORITY = 50
_MARKS = "†‡∗*§¶¹²³⁴⁵⁶⁷⁸⁹⁰"
_SEPARATORS = re.compile(rf"\s*(?:[,;&{_MARKS}]|\band\b|\bund\b|\bи\b)\s*")
_MARK_DIGITS = re.compile(r"(?<=[^\W\d_])\d{1,2}\b")
_INITIAL = re.compile(r"^(?:[A-ZА-ЯЁ]\.){1,3}$|^[A-ZА-ЯЁ]\.-[A-ZА-ЯЁ]\.$")
# A name's word, its hyphenated parts capitalised too ("Delignette-Muller", "Marie-Laure").
# Latin Extended-A (Ā to ž: "Ražem", "Łukasz") holds capitals and small letters in turn.
# An apostrophe or a Scottish prefix may come before a capital inside ("D’Aurizio",
# "O'Brien", "McAndrew").
_WORD = re.compile(
    r"^(?:[DO]['’]|Ma?c)?[A-ZА-ЯЁÀ-ÞĀ-ž][a-zа-яёß-ÿĀ-ž'’-]+"
    r"(?:-[A-ZА-ЯЁÀ-ÞĀ-ž][a-zа-яёß-ÿĀ-ž'’]+)*$"
    r"|^[A-ZА-ЯЁÀ-Þ'’-]{2,}$")
_NOT_NAMES = re.compile(
    ORGANISATION + r"|abstract|summary"
    r"|introduction|version|vignette|package|draft|manual|http|www\.|@"
    # Words of headings and rubrics, no one's names ("Printed References", "Easy Problems").
    r"|\b(?:references|bibliography|contents|citations?|problems|exercises|examples?"
    r"|solutions?|chapter|section|appendix|index|notes|preface|overview|usage|literature"
    r"|copyright|licen[cs]e|notice|acknowledge?ments|inhalt|sommaire|conteúdo|índice"
    r"|литература|содержание|введение|глава|раздел"
    # and of addresses ("County Limerick")
    r"|county|province|district|street|avenue|oblast|область|район|улица)\b",
    re.IGNORECASE,
)
# A society's grade after a name: "MEMBER SPIE", "Senior Member, IEEE", "Fellow, IEEE".
_MEMBERSHIP = re.compile(
    r",?\s*\b(?:(?:senior|life)\s+)?(?:member|fellow)\b,?\s*(?:[A-Z]{2,6}\b)?",
    re.IGNORECASE)
# "November 10, 2022", "10 November 2022", "Feb. 2005", "2022-11-10".
_DATE = re.compile(
    rf"\b(?:{seg_pt.MONTH}\.?\s+\d{{1,2}},?\s+(?P<y1>(?:19|20)\d\d)"
    rf"|\d{{1,2}}\.?\s+{seg_pt.MONTH}\.?,?\s+(?P<y2>(?:19|20)\d\d)"
    rf"|{seg_pt.MONTH}\.?\s+(?P<y3>(?:19|20)\d\d)"
    r"|(?P<y4>(?:19|20)\d\d)-\d\d-\d\d)\b",
    re.IGNORECASE,
)


def title_block(blocks: tuple[Block, ...]) -> list[Block]:
    """The front-matter paragraphs of page 1 that open the document, after its title."""
    out: list[Block] = []
    for k, block in enumerate(blocks):
        if block.role != "front_matter" or block.page != blocks[0].page:
            break
        if k:
            out.append(block)
    return out


def candidates(blocks: tuple[Block, ...]) -> list[Candidate]:
    found: list[Candidate] = []
    authors: list[Author] = []
    detail = ""
    for block in title_block(blocks):
        names = names_on(block.text)
        if names and not authors:
            authors, detail = names, block.text
        elif (match := _DATE.search(block.text)) and len(block.text) <= 60:
            year = year_of(match)
            found.append(Candidate("year", year, InText(Part.TITLE_BLOCK, block.page),
                                   detail=block.text, priority=PRIORITY))
    if authors:
        found.insert(0, Candidate("authors", [a.as_json() for a in authors],
                                  InText(Part.TITLE_BLOCK, blocks[0].page), detail=detail[:200],
                                  priority=PRIORITY))
    return found


def names_on(text: str) -> list[Author]:
    """The people named on a line of names, or ``[]`` when it is anything else."""
    text = _MARK_DIGITS.sub("", text)  # "Hothorn1, Kurt Hornik2": note marks
    text = _MEMBERSHIP.sub("", text)  # "A. N. Other, MEMBER SPIE": a grade, no name
    if (_NOT_NAMES.search(text) or SECTION_LINE.match(text) or len(text) > 200
            or any(ch.isdigit() for ch in text) or GARBLED.search(text)):
        return []
    if is_collective(text) and all(w[:1].isupper() for w in text.split()):
        return [collective(text.strip().rstrip("*∗†‡§¶").strip())]  # its note mark aside
    parts = [p for p in _SEPARATORS.split(text) if p.strip()]
    out: list[Author] = []
    for part in parts:
        words = part.split()
        if len(words) > 4 and all(_WORD.match(w) for w in words) and len(words) % 2 == 0:
            # "Christian Kleiber Achim Zeileis": given and family names in pairs.
            out += [_author(words[i : i + 2]) for i in range(0, len(words), 2)]
            continue
        if not 2 <= len(words) <= 5:
            return []
        if not all(_WORD.match(w) or _INITIAL.match(w) or w in PARTICLES for w in words):
            return []
        if not _WORD.match(words[-1]) or names_a_place(part):
            return []
        out.append(_author(words))
    return out


def _author(words: list[str]) -> Author:
    if written_family_first(words):
        return Author(family=normal_case(words[0]), given=" ".join(words[1:]),
                      literal=" ".join(words))
    if family_first(words):
        words = words[::-1]  # "Иванов Дмитрий": read in natural order
    family_at = len(words) - 1
    while family_at > 1 and words[family_at - 1] in PARTICLES:
        family_at -= 1
    given = " ".join(normal_case(w) if w.isupper() and len(w) > 2 else w
                     for w in words[:family_at])
    family = " ".join(normal_case(w) if w.isupper() else w for w in words[family_at:])
    return Author(family=family, given=given or None, literal=f"{given} {family}".strip())
