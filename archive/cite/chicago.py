"""Chicago Manual of Style, 17th edition, author-date reference list entry.

Journal article: ``Family, Given. 2024. "Title." Journal 12 (4): 35–42. https://doi.org/…``;
without a volume ``Journal, no. 4 (105): 35–42``. The first author is inverted, the others
are not, joined by ``and``; more than ten authors give the first seven and ``et al.`` Web
pages: ``Site. 2025. "Title." October 23, 2025. URL.``, the site standing in for a missing
author. Untitled sources get a bracketed description from their first words (unquoted).
Plain text, no italics. A paragraph citation appends ``¶ <paragraph ID>`` and the page.
"""

from __future__ import annotations

from collections.abc import Mapping

from archive.cite import (
    CiteParagraph,
    CiteSource,
    date_parts,
    devised_title,
    end,
    is_web,
    page_range,
    pinpoint,
    site_name,
    split_author,
    title_of,
)
from archive.cite.apa import MONTHS


def _name(author: Mapping[str, str | None], *, first: bool) -> str:
    family, given, literal = split_author(author)
    if literal or not family:
        return literal or ""
    if not given:
        return family
    given = " ".join(given.replace(".", ". ").split())
    return f"{family}, {given}" if first else f"{given} {family}"


def _authors(source: CiteSource) -> str:
    names = [n for k, a in enumerate(source.authors) if (n := _name(a, first=k == 0))]
    if len(names) > 10:
        return ", ".join(names[:7]) + ", et al"
    if len(names) <= 1:
        return "".join(names)
    if len(names) == 2:
        return f"{names[0]}, and {names[1]}"
    return ", ".join(names[:-1]) + f", and {names[-1]}"


def reference(source: CiteSource) -> str:
    web = is_web(source)
    parts = date_parts(source)
    year = str(parts[0]) if parts else "n.d."
    authors = _authors(source) or (site_name(source) if web else "") or ""
    title = title_of(source)
    shown = f"“{end(title)}”" if title else end(devised_title(source, "Untitled"))
    out = f"{end(authors)} {year}. {shown}" if authors else f"{shown} {year}."
    if web:
        site = site_name(source)
        if site and site != authors:
            out += f" {end(site)}"
        if len(parts) == 3:
            out += f" {MONTHS[parts[1] - 1]} {parts[2]}, {parts[0]}."
    elif source.journal:
        container = source.journal
        if source.volume:
            container += f" {source.volume}" + (f" ({source.issue})" if source.issue else "")
        elif source.issue:
            container += f", no. {source.issue}"
        pages = page_range(source)
        out += f" {container}" + (f": {pages}." if pages else ".")
    if source.doi:
        out += f" https://doi.org/{source.doi}."
    elif source.url:
        out += f" {source.url}."
    return out


def render(source: CiteSource, paragraph: CiteParagraph | None, *, quote: bool = False) -> str:
    text = reference(source)
    if paragraph:
        where = f", p. {page}" if (page := pinpoint(source, paragraph)) else ""
        text += f" ¶ {paragraph.id}{where}."
    if quote and paragraph and paragraph.text:
        return f"“{' '.join(paragraph.text.split())}”\n{text}"
    return text
