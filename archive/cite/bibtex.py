"""BibTeX entry (biblatex-friendly, UTF-8).

The entry key is the source key, so a source has one entry however many of its paragraphs
are cited. Journal articles are ``@article``, books ``@book``, web pages and online news
``@online`` (biblatex: ``organization`` names the site), chapters ``@incollection`` and
conference papers ``@inproceedings`` (the collection in ``booktitle``), everything else
``@misc``.
Text fields escape TeX specials (``\\ { } & % $ # _ ~ ^``); the
title is wrapped in a second pair of braces so styles do not recase it; ``doi`` and ``url``
are verbatim fields and are written as given. Names: ``Family, Given and Family, Given``; an
organisation is braced whole. ``langid`` names the language for biblatex hyphenation.
The entry never names a paragraph: the pinpoint form is biblatex's citation command with
the page and paragraph ID as its postnote, ``\\autocite[36, ¶~kalila-2024-p17]{kalila-2024}``,
after the quotation in ``\\enquote{…}`` with ``quote=True``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from archive.cite import (
    CiteParagraph,
    CiteSource,
    date_parts,
    devised_title,
    initials,
    is_web,
    page_range,
    pinpoint_page,
    site_name,
    split_author,
    title_of,
)

LANGIDS = {"kk": "kazakh", "ru": "russian", "en": "english", "de": "german", "fr": "french"}
_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_SPECIAL_RE = re.compile(r"[\\{}&%$#_~^]")


def escape(text: str) -> str:
    """Escape TeX specials so the value typesets literally."""
    return _SPECIAL_RE.sub(lambda m: _SPECIAL[m.group()], " ".join(text.split()))


def _verbatim(text: str) -> str:
    # Verbatim fields cannot escape braces; drop unbalanced ones rather than break the file.
    return text.strip().replace("{", "%7B").replace("}", "%7D")


def _name(author: Mapping[str, str | None]) -> str:
    family, given, literal = split_author(author)
    if literal or not family:
        return "{" + escape(literal or "") + "}"
    if given and "." in given:
        given = initials(given)
    return escape(family) + (f", {escape(given)}" if given else "")


def entry_type(source: CiteSource) -> str:
    if is_web(source):
        return "online"
    kind = source.kind or ("article-journal" if source.journal else "")
    return {"article-journal": "article", "book": "book", "chapter": "incollection",
            "paper-conference": "inproceedings"}.get(kind, "misc")


def fields(source: CiteSource) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    names = [a for a in source.authors if any(a.values())]
    if names:
        out.append(("author", " and ".join(_name(a) for a in names)))
    title = title_of(source) or devised_title(source, "Untitled")
    out.append(("title", "{" + escape(title) + "}"))
    if source.journal and entry_type(source) in ("incollection", "inproceedings"):
        out.append(("booktitle", escape(source.journal)))
    elif source.journal and not is_web(source):
        out.append(("journal", escape(source.journal)))
    elif is_web(source) and site_name(source):
        out.append(("organization", escape(site_name(source) or "")))
    parts = date_parts(source)
    if parts:
        out.append(("year", str(parts[0])))
    if len(parts) > 1:
        out.append(("date", "-".join(f"{p:02d}" if k else str(p) for k, p in enumerate(parts))))
    for name, value in (("volume", source.volume), ("number", source.issue)):
        if value:
            out.append((name, escape(value)))
    pages = page_range(source, dash="--")
    if pages:
        out.append(("pages", pages))
    if source.publisher and not is_web(source):
        out.append(("publisher", escape(source.publisher)))
    if source.place and not is_web(source):
        out.append(("location", escape(source.place)))
    if source.doi:
        out.append(("doi", _verbatim(source.doi)))
    if source.url:
        out.append(("url", _verbatim(source.url)))
    if source.accessed:
        out.append(("urldate", source.accessed[:10]))
    lang = (source.language or "")[:2].lower()
    if lang in LANGIDS:
        out.append(("langid", LANGIDS[lang]))
    return out


def reference(source: CiteSource) -> str:
    body = "".join(f"  {k} = {{{v}}},\n" for k, v in fields(source))
    return f"@{entry_type(source)}{{{source.key},\n{body}}}"


def pinpoint(source: CiteSource, paragraph: CiteParagraph, *, quote: bool = False) -> str:
    where = [escape(page)] if (page := pinpoint_page(source, paragraph)) else []
    postnote = ", ".join([*where, f"¶~{escape(paragraph.id)}"])
    command = f"\\autocite[{postnote}]{{{source.key}}}"
    if quote and paragraph.text:
        return f"\\enquote{{{escape(paragraph.text)}}}~{command}"
    return command


def combine(reference: str, pinpoint: str) -> str:
    # A line outside an entry is a comment to BibTeX: the file still reads as one entry.
    return f"{reference}\n% {pinpoint}"
