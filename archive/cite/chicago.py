"""Chicago Manual of Style, 17th edition, author-date reference list entry.

Journal article: ``Family, Given. 2024. "Title." Journal 12 (4): 35–42. https://doi.org/…``;
without a volume ``Journal, no. 4 (105): 35–42``. The first author is inverted, the others
are not, joined by ``and``; more than ten authors give the first seven and ``et al.`` Web
pages: ``Site. 2025. "Title." October 23, 2025. URL.``, the site standing in for a missing
author; newspaper articles, printed or online: ``"Title." Paper, October 23, 2025.``
Untitled sources get a bracketed description from their first words (unquoted).
Books: ``Family, Given. 2019. Title. Place: Publisher.``; a chapter or conference paper:
``"Title." In Collection, 10–15. Place: Publisher.`` Plain text, no italics. The
reference never names a paragraph; the in-text form carries the pinpoint as its locator:
``(Family 2024, 36, ¶ kalila-2024-p17)``, after the quotation if any.
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
    is_web,
    pinpoint_page,
    quoted,
    site_name,
    split_author,
    title_of,
)
from archive.cite.apa import MONTHS

# Words Chicago's headline style leaves lowercase inside an English title (CMOS 8.159):
# articles, coordinating conjunctions, prepositions, and "to" and "as".
_MINOR = frozenset({
    "a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by", "in",
    "of", "on", "to", "up", "via", "with", "from", "into", "onto", "over", "per", "than", "upon",
    "off", "out", "vs",
})


def headline_case(title: str) -> str:
    """An English title in headline style: major words capitalised, minor ones lowercase,
    the first and last word and the first after a colon capitalised; words with capitals
    of their own (``UN``, ``iPhone``) are kept as written."""
    words = title.split(" ")
    out = []
    for k, word in enumerate(words):
        bare = word.strip("“”\"'‘’()[]")
        first = k == 0 or words[k - 1].endswith((":", "?", "!", "—"))
        last = k == len(words) - 1
        if not bare or any(ch.isupper() for ch in bare) or not bare[0].isalpha():
            out.append(word)
        elif bare.lower() in _MINOR and not (first or last):
            out.append(word.lower())
        else:
            out.append(re.sub(r"[^\W\d_]", lambda m: m.group(0).upper(), word, count=1))
    return " ".join(out)


def page_range(source: CiteSource) -> str | None:
    """Inclusive pages abbreviated as CMOS 9.61 does: ``35–40``, ``101–8``, ``321–28``,
    ``1496–1504``."""
    first, last = source.first_page, source.last_page
    if first is None:
        return None
    if last is None or last == first:
        return first
    if not (first.isdecimal() and last.isdecimal()) or int(last) <= int(first):
        return f"{first}–{last}"
    a = int(first)
    if a < 100 or a % 100 == 0 or len(first) != len(last):
        return f"{first}–{last}"
    same = next((i for i, (x, y) in enumerate(zip(first, last, strict=True)) if x != y), 0)
    changed = len(last) - same
    if len(first) == 4 and changed >= 3:
        return f"{first}–{last}"
    keep = max(changed, 1 if a % 100 < 10 else 2)
    return f"{first}–{last[-keep:]}"


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
    if title and (source.language or "").lower().startswith("en"):
        title = headline_case(title)
    if title and source.kind == "book":
        shown = end(title)  # a book's title stands alone (italic in print), unquoted
    else:
        shown = f"“{end(title)}”" if title else end(devised_title(source, "Untitled"))
    out = f"{end(authors)} {year}. {shown}" if authors else f"{shown} {year}."
    if source.kind == "article-newspaper":
        # CMOS 15.49: the paper and the day, no page numbers (articles move between editions).
        paper = site_name(source) if web else source.journal
        day = f"{MONTHS[parts[1] - 1]} {parts[2]}, {parts[0]}" if len(parts) == 3 else ""
        named = paper if paper and paper != authors else ""
        out += " " + end(", ".join(p for p in (named, day) if p)) if named or day else ""
    elif web:
        site = site_name(source)
        if site and site != authors:
            out += f" {end(site)}"
        if len(parts) == 3:
            out += f" {MONTHS[parts[1] - 1]} {parts[2]}, {parts[0]}."
    elif source.kind == "book":
        imprint = ": ".join(p for p in (source.place, source.publisher) if p)
        if imprint:
            out += f" {end(imprint)}"
    elif source.kind in ("chapter", "paper-conference"):
        pages = page_range(source)
        if source.journal:
            out += f" In {source.journal}" + (f", {pages}." if pages else ".")
        imprint = ": ".join(p for p in (source.place, source.publisher) if p)
        if imprint:
            out += f" {end(imprint)}"
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


def _cited_name(source: CiteSource) -> str:
    names = cited_names(source)
    if not names:
        site = site_name(source) if is_web(source) else None
        title = title_of(source)
        return site or (f"“{title}”" if title else devised_title(source, "Untitled"))
    if len(names) <= 2:
        return " and ".join(names)
    if len(names) == 3:
        return f"{names[0]}, {names[1]}, and {names[2]}"
    return f"{names[0]} et al."


def pinpoint(source: CiteSource, paragraph: CiteParagraph, *, quote: bool = False) -> str:
    parts = date_parts(source)
    where = [page] if (page := pinpoint_page(source, paragraph)) else []
    year = str(parts[0]) if parts else "n.d."
    cited = f"({_cited_name(source)} {year}, {', '.join([*where, f'¶ {paragraph.id}'])})"
    text = quoted(paragraph, ("“", "”")) if quote else None
    return f"{text} {cited}" if text else cited
