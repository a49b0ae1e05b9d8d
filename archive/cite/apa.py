"""APA 7th edition reference list entry.

Journal article: ``Family, A. T., & Other, B. (2024). Title. Journal, 12(4), 35–42.
https://doi.org/…``; a journal without volumes prints only ``(issue)``, dropping a cumulative
number in parentheses (``4 (105)`` → ``(4)``). Up to 20 authors, then the first 19, ``…`` and
the last. Newspaper articles and web pages are dated to the day. Without an author the title takes
the author's place (web pages:
``Title. (2025, October 23). Site. URL``); without a title a description from the first words
of the text is given in square brackets. The reference keeps the source's own script (APA
§9.38 would transliterate non-Latin references; transliterated Kazakh is not searchable).
Books: ``Family, A. (2019). Title. Publisher.``; a chapter or conference paper: ``Title. In
Collection (pp. 10–15). Publisher.`` Italics are not marked up: the output is plain
text. The reference never names a paragraph; the in-text form carries the pinpoint in APA's
locator place: ``(Family, 2024, p. 36, ¶ kalila-2024-p17)``, after the quotation if any.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from archive.cite import (
    CiteParagraph,
    CiteSource,
    cited_names,
    date_parts,
    devised_title,
    end,
    initials,
    is_web,
    page_range,
    pinpoint_page,
    quoted,
    site_name,
    split_author,
    title_of,
)

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip


def _name(author: Mapping[str, str | None]) -> str:
    family, given, literal = split_author(author)
    if literal or not family:
        return literal or ""
    ini = initials(given)
    return f"{family}, {ini}" if ini else family


def _authors(source: CiteSource) -> str:
    names = [n for n in (_name(a) for a in source.authors) if n]
    if len(names) > 20:
        return ", ".join(names[:19]) + ", … " + names[-1]
    if len(names) <= 1:
        return "".join(names)
    if len(names) == 2:
        return f"{names[0]}, & {names[1]}"
    return ", ".join(names[:-1]) + f", & {names[-1]}"


def _date(source: CiteSource, web: bool) -> str:
    parts = date_parts(source)
    if not parts:
        return "(n.d.)"
    if web and len(parts) == 3:
        return f"({parts[0]}, {MONTHS[parts[1] - 1]} {parts[2]})"
    return f"({parts[0]})"


def reference(source: CiteSource) -> str:
    web = is_web(source)
    authors = _authors(source)
    title = title_of(source) or devised_title(source, "Untitled")
    # Newspapers, printed or online, are dated to the day (APA 7 §10.1, example 15).
    date = _date(source, web or source.kind == "article-newspaper")
    out = f"{end(authors)} {date}. {end(title)}" if authors else f"{end(title)} {date}."
    if web:
        site = site_name(source)
        if site and site != authors:
            out += f" {end(site)}"
    elif source.kind == "book":
        if source.publisher:
            out += f" {end(source.publisher)}"
    elif source.kind in ("chapter", "paper-conference"):
        pages = page_range(source)
        where = f" (pp. {pages})" if pages else ""
        if source.journal:
            out += f" In {source.journal}{where}."
        if source.publisher:
            out += f" {end(source.publisher)}"
    elif source.journal:
        issue = re.sub(r"\s*\(\d+\)\s*$", "", source.issue or "")
        container = source.journal
        if source.volume:
            container += f", {source.volume}" + (f"({issue})" if issue else "")
        elif issue:
            container += f", ({issue})"
        pages = page_range(source)
        out += f" {container}" + (f", {pages}." if pages else ".")
    if source.doi:
        out += f" https://doi.org/{source.doi}"
    elif source.url:
        out += f" {source.url}"
    return out


def _cited_name(source: CiteSource) -> str:
    """Who the in-text citation names: one or two family names, or the first and et al."""
    names = cited_names(source)
    if not names:
        title = title_of(source)
        return f"“{title}”" if title else devised_title(source, "Untitled")
    if len(names) == 1:
        return names[0]
    return f"{names[0]} & {names[1]}" if len(names) == 2 else f"{names[0]} et al."


def pinpoint(source: CiteSource, paragraph: CiteParagraph, *, quote: bool = False) -> str:
    parts = date_parts(source)
    where = [f"p. {page}"] if (page := pinpoint_page(source, paragraph)) else []
    locator = ", ".join([*where, f"¶ {paragraph.id}"])
    year = str(parts[0]) if parts else "n.d."
    cited = f"({_cited_name(source)}, {year}, {locator})"
    text = quoted(paragraph, ("“", "”")) if quote else None
    return f"{text} {cited}" if text else cited
