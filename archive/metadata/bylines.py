"""The authors of the front matter: the first cluster of name lines, each with the
affiliation, e-mail and ORCID lines under it, note marks tying names to their notes.

A byline is read line by line (``Rows``): names the author-line parser knows (initials,
note marks), a name with its description after a dash, plain names set beside or over a
marked one in its type; then the block under them up to the next names, a label or the
title page's date.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, replace
from statistics import median

from ..models import Author, Candidate
from . import patterns as pt
from . import titleblock
from .dates import date_year
from .frontmatter import ORCID_LABEL, candidate, is_label
from .labels import SECTION_NAMES, SECTION_NUMBER
from .names import author_markers, latin_key, parse_author_line
from .rows import Row, Rows, is_caps, join_lines

_MAX_AUTHOR_BLOCK = 10
_CONTACT = re.compile(
    r"(?:\b(?:[eеЕE][-‐‑–]?\s?mail|ORCID(?:\s+iD)?)\s*[:.]?\s*)?"
    r"(?:https?://orcid\.org/)?(?:\S+@\S+|\d{4}-\d{4}-\d{4}-\d{3}[\dX])",
    re.I,
)
_CORRESPONDING = re.compile(r"corresponding|корреспонденц|хат-хабар", re.I)
_DESCRIBED = re.compile(r"^(?P<name>[^–—]{3,60}?)\s+[–—-]\s+(?P<desc>\S.*)$")


def _names_on(text: str) -> tuple[list[Author], str | None]:
    """The names on a line, and the description after a dash when the line is
    ``Қалила А.Т. – заң ғылымдарының кандидаты, …`` (the style of author notes). A
    section's numbered heading is no initial and a name (``I. Introduction``)."""
    if _SECTION_HEADING.match(text):
        return [], None
    names = parse_author_line(text)
    if names:
        return names, None
    match = _DESCRIBED.match(text)
    if match and len(one := parse_author_line(match.group("name"))) == 1:
        return one, match.group("desc")
    return [], None


_SECTION_HEADING = re.compile(rf"^{SECTION_NUMBER}(?:{SECTION_NAMES})\b", re.IGNORECASE)
_OPENS_SECTION = re.compile(r"^(?:1|I)\.?\s+[^\W\d_][^.!?]{0,60}$")  # "1 Introduction"
_RELEASED = re.compile(r"(?i)^(?:released|version of|dated?|as of)\s+")


def _display_size(rows: Rows) -> float | None:
    """The size of page 1's largest type where it stands far above the text's, or well
    above any other type on the page: the title's (``LATEX News`` in 25 pt over a 10 pt
    text; ``JAGS Developers Manual`` in 17 pt over the author's name in 12 pt), which no
    byline is set in."""
    sizes = [r.size for r in rows.rows if r.page == 1 and r.size]
    if not sizes:
        return None  # a text copy
    top = max(sizes)
    below = max((size for size in sizes if size < top - 0.5), default=None)
    if top >= 1.8 * median(r.size for r in rows.rows if r.size) or (
        below is not None and top >= _ABOVE_THE_REST * below
    ):
        return top
    return None


_ABOVE_THE_REST = 1.3  # times the next size down on page 1: a title's type


def authors(rows: Rows, zone: frozenset[int]) -> list[Candidate]:
    """The first cluster of author blocks: names, then affiliation, e-mail and ORCID lines."""
    all_rows = rows.rows
    found: list[Author] = []
    first_row: Row | None = None
    last_end = -1
    display = _display_size(rows)
    i = 0
    while i < len(all_rows):
        row = all_rows[i]
        if not found and _OPENS_SECTION.match(row.text):
            break  # the text has begun: names below it are no byline ("LICR Unicode")
        usable = row.index in zone and not rows.is_noise(row) and (
            display is None or row.size != display
        )
        names, description = _names_on(row.text) if usable else ([], None)
        if not names or (found and row.index - last_end > 12):
            if found and row.index - last_end > 12:
                break
            i += 1
            continue
        if not found:
            # A name without a note mark over one with it: each author on a line of their
            # own, in one type ("Jason Alexander" over "Ethan Deneault†").
            names = _plain_names_above(all_rows, i, zone) + names
        block = [replace(row, text=description)] if description else []
        j = i + 1
        # A co-author's name without a mark beside or under the marked one, in its type
        # and weight ("Donald Arseneau†", "Stephen Bellantoni"), is no affiliation.
        while j < len(all_rows) and (plain := _plain_name(all_rows[j], row)):
            names = names + plain
            j += 1
        while j < len(all_rows) and j - i <= _MAX_AUTHOR_BLOCK:
            nxt = all_rows[j]
            if (
                _names_on(nxt.text)[0]
                or is_label(nxt.text)
                or rows.is_noise(nxt)
                or date_year(_RELEASED.sub("", nxt.text)) is not None  # the title page's date
                or (is_caps(nxt.text) and not pt.find_emails(nxt.text)
                    and not pt.find_orcids(nxt.text))
                or (nxt.blank_before and any(pt.find_emails(r.text) for r in block))
            ):
                break
            block.append(nxt)
            j += 1
        found.extend(_attach(names, author_markers(row.text), block, rows))
        first_row = first_row or row
        last_end = all_rows[j - 1].index
        i = j
    if not found or first_row is None:
        return []
    value = [a.as_json() for a in found]
    return [candidate("authors", value, first_row)]


def _plain_name(row: Row, byline: Row) -> list[Author]:
    """The names on ``row`` when it is set as the ``byline`` row is and holds only names."""
    if row.page != byline.page or row.size is None or row.size != byline.size or (
        row.bold != byline.bold or is_caps(row.text)
    ):
        return []
    return titleblock.names_on(row.text)


def _plain_names_above(all_rows: tuple[Row, ...], at: int, zone: frozenset[int]) -> list[Author]:
    """The names on the lines right above row ``at``, set in its type on its page."""
    row = all_rows[at]
    out: list[Author] = []
    k = at - 1
    while k >= 0 and all_rows[k].index in zone and all_rows[k].page == row.page and (
        all_rows[k].size == row.size
    ) and not all_rows[k + 1].blank_before and not all_rows[k].bold and not is_caps(
        all_rows[k].text
    ) and (names := titleblock.names_on(all_rows[k].text)):
        out = names + out
        k -= 1
    return out


_LEADING_MARK = re.compile(r"^(?P<mark>[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\d{1,2}(?=\s*\D)|[*†‡§]+)\s*")
_SUPERSCRIPT = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")


def _symbols(mark: str) -> set[str]:
    """``²*`` → {"2", "*"}: each digit and each sign is one footnote."""
    return {ch for ch in mark.translate(_SUPERSCRIPT) if not ch.isspace()}


def _attach(
    names: list[Author], markers: list[str], block: list[Row], rows: Rows
) -> list[Author]:
    """Give each name its affiliation, e-mail and ORCID from the lines under the names.

    Lines opening with a footnote marker (``¹University…``, ``*Corresponding author: …``)
    go to the names carrying that marker; unmarked e-mails and ORCID iDs are matched by
    position only when there is one per name, and unmarked affiliations go to everyone.
    """
    notes = _notes(block, several=len(names) > 1)
    common = join_lines(notes.affiliation, rows.compounds).strip(" ,;.") or None
    owners = _email_owners(names, notes.emails)
    out = []
    for k, name in enumerate(names):
        mine = sorted(_symbols(markers[k] if k < len(markers) else ""))
        affs = [
            join_lines(notes.marked["aff"][m], rows.compounds).strip(" ,;.")
            for m in mine
            if m in notes.marked["aff"]
        ]
        email = next((e for m in mine for e in notes.marked["email"].get(m, [])), None)
        orcid = next((o for m in mine for o in notes.marked["orcid"].get(m, [])), None)
        emails, orcids = notes.emails, notes.orcids
        out.append(
            replace(
                name,
                affiliation="; ".join(affs) if affs else common,
                email=email or (emails[k] if len(emails) == len(names) else owners.get(k)),
                orcid=orcid or (orcids[k] if len(orcids) == len(names) else None),
            )
        )
    return out


@dataclass
class _Notes:
    """What the lines under the names say: unmarked e-mails, ORCID iDs and affiliation
    lines, and the marked ones by marker (``aff``, ``email``, ``orcid`` → marker → values)."""

    emails: list[str] = dataclasses.field(default_factory=list)
    orcids: list[str] = dataclasses.field(default_factory=list)
    affiliation: list[str] = dataclasses.field(default_factory=list)
    marked: dict[str, dict[str, list[str]]] = dataclasses.field(
        default_factory=lambda: {"aff": {}, "email": {}, "orcid": {}})


def _notes(block: list[Row], several: bool) -> _Notes:
    notes = _Notes()
    last_symbols: set[str] = set()
    last_contact = False
    for row in block:
        row_emails = pt.find_emails(row.text)
        row_orcids = pt.find_orcids(row.text)
        lead = _LEADING_MARK.match(row.text)
        symbols = _symbols(lead.group("mark")) if lead and several else set()
        contact = bool(row_emails or row_orcids)
        if not lead and last_symbols and (
            (contact and last_contact) or (not contact and _wrapped(row.text))
        ):
            # The rest of a marked affiliation wrapped to the next line, or the ORCID
            # printed under the starred author's e-mail: the same note.
            symbols = last_symbols
        last_symbols, last_contact = symbols, contact
        for symbol in symbols:
            notes.marked["email"].setdefault(symbol, []).extend(row_emails)
            notes.marked["orcid"].setdefault(symbol, []).extend(row_orcids)
        if not symbols:
            notes.emails += row_emails
            notes.orcids += row_orcids
        text = row.text[lead.end() :] if lead else row.text
        if row_emails or row_orcids or ORCID_LABEL.search(text):
            # "Астана, Қазақстан, e-mail: x@y.kz": the place stays, the contact goes.
            text = _CONTACT.sub(" ", text).strip(" ,;.:")
            if sum(ch.isalpha() for ch in text) < 3 or _CORRESPONDING.search(text):
                continue
        for symbol in symbols:
            notes.marked["aff"].setdefault(symbol, []).append(text)
        if not symbols:
            notes.affiliation.append(text)
    return notes


def _wrapped(text: str) -> bool:
    """A line that continues the one before: lower case, or a last word of a place."""
    words = text.split()
    return bool(words) and (not text[:1].isupper() or len(words) <= 2)


def _email_owners(names: list[Author], emails: list[str]) -> dict[int, str]:
    """Unmarked e-mails, fewer than the names, go to the author the address names
    (``akhmetov.es@…`` is Е.С. Ахметов's), when exactly one author fits."""
    if not emails or len(emails) == len(names):
        return {}
    owners: dict[int, str] = {}
    for email in emails:
        local = latin_key(email.split("@", 1)[0])
        fits = [
            k for k, name in enumerate(names)
            if name.family and len(key := latin_key(name.family)) >= 4 and key[:5] in local
        ]
        if len(fits) == 1 and fits[0] not in owners:
            owners[fits[0]] = email
    return owners
