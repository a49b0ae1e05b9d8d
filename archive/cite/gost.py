"""GOST R 7.0.100-2018 bibliographic description, as used in Kazakh and Russian papers.

Journal article (1–3 authors: the first author heads the description, inverted with a comma;
all of them follow the slash)::

    Қалила, А. Т. Title / А. Т. Қалила // Journal. – 2024. – Т. 3, № 4 (105). – Б. 35–42. –
    DOI 10.51634/2307-5201_2024_4_35.

Four or more authors: no heading; the title comes first and the first three authors follow
the slash with ``[и др.]``. Areas are separated by ``. – `` (full stop, en dash). Web pages
add ``– Текст : электронный``, the site ``// Zakon.kz : [сайт]``, the date and ``URL: …
(дата обращения: 23.10.2025)``. Without a title the description starts with a title built
from the first words of the text in square brackets, as the standard asks of a cataloguer.

Language: the style's own words follow the source's language — Kazakh sources use ``Б.``
(бет), ``[және т.б.]``, ``қаралған күні``, ``сайт``; English ones ``P.``, ``[et al.]``,
``accessed``, ``website``; everything else the Russian ``С.``, ``[и др.]``, ``дата обращения``.
The optional content-type area (``Текст : непосредственный``) is left out for printed
articles. Books: ``Place : Publisher, 2019. – 256 с.`` (``[Б. м.]``/``[S. l.]`` when the place
is unknown); an article in a collection (``chapter``, ``paper-conference``) names the
collection after ``//`` and then its imprint. Printed newspaper articles give the day after
the year and the number in brackets: ``– 2019. – 12 марта (№ 47). – С. 3.``

The reference never names a paragraph. The footnote form (``pinpoint``) is the same
description with the cited page in place of the range, and ``¶ <paragraph ID>`` as a note
after it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypedDict

from archive.cite import (
    CiteParagraph,
    CiteSource,
    date_parts,
    devised_title,
    end,
    initials,
    is_web,
    lang_of,
    page_range,
    pinpoint_page,
    quoted,
    site_name,
    split_author,
    title_of,
)

SEP = ". – "
# An article in a collection (proceedings, an edited book): ``// Collection. – Place :
# Publisher, Year. – С. 10–15.``
COLLECTION_KINDS = ("chapter", "paper-conference")


class Words(TypedDict):
    """The words a description uses, in the source's language."""

    page: str
    etal: str
    accessed: str
    site: str
    text: str
    untitled: str
    no_place: str
    pages: str
    volume: str
    months: tuple[str, ...]


WORDS: dict[str, Words] = {
    "kk": {
        "page": "Б.", "etal": "[және т.б.]", "accessed": "қаралған күні", "site": "сайт",
        "text": "Мәтін : электрондық", "untitled": "Тақырыпсыз", "no_place": "[Б. м.]",
        "pages": "б.", "volume": "Т.",
        "months": ("қаң.", "ақп.", "нау.", "сәу.", "мам.", "мау.", "шіл.", "там.", "қыр.",
                   "қаз.", "қар.", "жел."),
    },
    "ru": {
        "page": "С.", "etal": "[и др.]", "accessed": "дата обращения", "site": "сайт",
        "text": "Текст : электронный", "untitled": "Без заглавия", "no_place": "[Б. м.]",
        "pages": "с.", "volume": "Т.",
        "months": ("янв.", "февр.", "марта", "апр.", "мая", "июня", "июля", "авг.",
                   "сент.", "окт.", "нояб.", "дек."),
    },
    "en": {
        "page": "P.", "etal": "[et al.]", "accessed": "accessed", "site": "website",
        "text": "Text : electronic", "untitled": "Untitled", "no_place": "[S. l.]",
        "pages": "p.", "volume": "Vol.",
        "months": ("Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.",
                   "Oct.", "Nov.", "Dec."),
    },
}  # fmt: skip


def _name(author: Mapping[str, str | None], *, inverted: bool) -> str:
    family, given, literal = split_author(author)
    if literal or not family:
        return literal or ""
    ini = initials(given)
    if not ini:
        return family
    return f"{family}, {ini}" if inverted else f"{ini} {family}"


def _dmy(iso: str) -> str:
    parts = iso[:10].split("-")
    return ".".join(reversed(parts)) if len(parts) == 3 else iso


def _numbering(source: CiteSource, words: Words) -> str | None:
    parts = []
    if source.volume:
        parts.append(f"{words['volume']} {source.volume}")
    if source.issue:
        # ``4 (105)``: the issue and the journal's running number, kept whole as printed.
        parts.append(f"№ {source.issue}")
    return ", ".join(parts) or None


def describe(source: CiteSource, pages: str | None) -> str:
    """The bibliographic description with *pages* in the extent area, ending with a full stop.

    The reference gives the whole page range; a footnote gives the page it points at.
    """
    words = WORDS[lang_of(source)]
    authors = [a for a in source.authors if _name(a, inverted=False)]
    web = is_web(source)
    book = source.kind == "book" and not web
    collection = source.kind in COLLECTION_KINDS and not web
    title = title_of(source) or devised_title(source, words["untitled"])
    head = ""
    if 1 <= len(authors) <= 3:
        head = end(_name(authors[0], inverted=True)) + " "
    body = head + title
    if authors:
        shown = ", ".join(_name(a, inverted=False) for a in authors[:3])
        if len(authors) > 3:
            shown += f" {words['etal']}"
        body += f" / {shown}"
    areas = [body]
    if web:
        areas.append(words["text"])
    parts = date_parts(source)
    if book or collection:
        if collection and source.journal:
            areas[-1] += f" // {source.journal}"  # the collection the article is in
        place = source.place or words["no_place"]
        publisher = f" : {source.publisher}" if source.publisher else ""
        year = f", {parts[0]}" if parts else ""
        areas.append(f"{place}{publisher}{year}")
        if book and source.extent:
            areas.append(f"{source.extent} {words['pages']}")
        if collection and pages:
            areas.append(f"{words['page']} {pages}")
    else:
        container = site_name(source) if web else source.journal
        if container:
            areas[-1] += f" // {container}" + (f" : [{words['site']}]" if web else "")
        if parts:
            areas.append(str(parts[0]))
        newspaper = source.kind == "article-newspaper"
        day = (f"{parts[2]} {words['months'][parts[1] - 1]}"
               if (web or newspaper) and len(parts) == 3 else None)
        numbering = _numbering(source, words)
        if newspaper and day and numbering and not web:
            areas.append(f"{day} ({numbering})")  # a newspaper: the day, its number in brackets
        else:
            areas.extend(a for a in (numbering, day) if a)
        if pages:
            areas.append(f"{words['page']} {pages}")
    if source.doi:
        areas.append(f"DOI {source.doi}")
    if source.url and (web or not source.doi):
        note = f" ({words['accessed']}: {_dmy(source.accessed)})" if source.accessed else ""
        areas.append(f"URL: {source.url}{note}")
    return end(join_areas(areas))


def reference(source: CiteSource) -> str:
    """The reference-list entry: the work with its whole page range."""
    return describe(source, page_range(source))


def pinpoint(source: CiteSource, paragraph: CiteParagraph, *, quote: bool = False) -> str:
    """A footnote (GOST R 7.0.5): the page cited in the extent area, the paragraph ID as a
    note after the description, and the quotation above it."""
    page = pinpoint_page(source, paragraph)
    note = join_areas([describe(source, page if page else page_range(source)),
                       f"¶ {paragraph.id}."])
    text = quoted(paragraph, ("«", "»")) if quote else None
    return f"{text}\n{note}" if text else note


def join_areas(areas: list[str]) -> str:
    """Areas joined by ``. – ``, without doubling a full stop an area already ends with."""
    out = areas[0]
    for area in areas[1:]:
        out += (" – " if out.endswith((".", "!", "?")) else SEP) + area
    return out
