"""Candidates from what a web page says about itself (``Document.info`` of an HTML page).

Four origins, in this order of trust:

    html-meta 70  Highwire ``citation_*`` tags, Dublin Core ``dc.*``/``dcterms.*`` and PRISM:
                  written for indexers (Google Scholar) by the journal's own system, trusted
                  like XMP; also the page's ``<link rel=canonical>``
    json-ld   65  the page's schema.org article node (``NewsArticle``, ``ScholarlyArticle``…)
    opengraph 45  ``og:*`` and ``article:*``: written for link previews, so titles are
                  often shortened or reworded and ``article:author`` is often a profile URL
    html-title 35 ``<title>``, with the site's name cut off

Dates: the publication date (``date``) and the last modification (``modified``) are read in
this order, the first origin stating one deciding: Highwire/Dublin Core tags
(``citation_publication_date``, ``dcterms.modified``), JSON-LD (``datePublished``,
``dateModified``), OpenGraph (``article:published_time``, ``article:modified_time``), a
``<time datetime>`` element that says which date it is (40; the article's first ``<time>``
saying neither is its dateline, 38), then htmldate's reading of the markup (25; see
``webdates``). ``description`` (``dc.description``, the plain ``description`` tag, JSON-LD,
``og:description``) and ``section`` (JSON-LD ``articleSection``, ``article:section``) follow
the same order of origins.

A language a page declares (``<html lang>``, ``citation_language``, ``og:locale``) is offered
below the language of the body text (priority 5): templates often declare the site's
language, not the article's. A news page without a person as author gets its key from the
site and the date, like a web capture: the site is ``og:site_name``, the JSON-LD or Dublin
Core publisher, or else the host name of the page's address.
"""

from __future__ import annotations

import re
from collections import defaultdict
from urllib.parse import urlsplit

from ..models import Author, Candidate, Document
from ..origins import Origin
from . import patterns as pt
from .labels import split_keywords
from .names import parse_author_line, parse_name
from .webdates import iso_date, web_dates

HTML_META = 70
JSON_LD = 65
OPENGRAPH = 45
HTML_TITLE = 35
HOST = 25  # a site named only by the host name of the page's address
DECLARED_LANGUAGE = 5

# Which tag gives which field, per origin; the first tag stating a field is read.
_META_FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("citation_title", "dc.title", "dcterms.title"),
    "doi": ("citation_doi", "dc.identifier.doi", "prism.doi", "dc.identifier",
            "dcterms.identifier"),
    "journal": ("citation_journal_title", "prism.publicationname", "citation_conference_title"),
    "volume": ("citation_volume", "prism.volume"),
    "issue": ("citation_issue", "prism.number", "prism.issueidentifier"),
    "first_page": ("citation_firstpage", "prism.startingpage"),
    "last_page": ("citation_lastpage", "prism.endingpage"),
    "date": ("citation_publication_date", "citation_date", "dc.date.issued", "dcterms.issued",
             "prism.publicationdate", "dc.date", "dcterms.date", "citation_online_date"),
    "publisher": ("citation_publisher", "dc.publisher", "dcterms.publisher"),
    "url": ("citation_abstract_html_url", "citation_public_url"),
    "language": ("citation_language", "dc.language", "dcterms.language"),
    "abstract": ("citation_abstract",),
    "modified": ("dcterms.modified", "dc.date.modified"),
    "description": ("dc.description", "dcterms.description", "description"),
}
_JSON_LD_FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("headline", "name"),
    "date": ("datePublished", "dateCreated"),
    "publisher": ("publisher",),
    "url": ("url",),
    "journal": ("isPartOf",),
    "volume": ("volumeNumber",),
    "issue": ("issueNumber",),
    "first_page": ("pageStart",),
    "last_page": ("pageEnd",),
    "doi": ("identifier", "sameAs"),
    "language": ("inLanguage",),
    "modified": ("dateModified",),
    "description": ("description",),
    "section": ("articleSection",),
}
_OG_FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("og:title",),
    "publisher": ("og:site_name",),
    "url": ("og:url",),
    "date": ("article:published_time",),
    "language": ("og:locale",),
    "modified": ("article:modified_time", "og:updated_time"),
    "description": ("og:description",),
    "section": ("article:section",),
}
_NEWS_TYPES = re.compile(r"^\w*NewsArticle$")
_KINDS = {"ScholarlyArticle": "article-journal", "MedicalScholarlyArticle": "article-journal",
          "BlogPosting": "post-weblog", "LiveBlogPosting": "post-weblog", "Report": "report",
          "Thesis": "thesis", "Chapter": "chapter"}
_LANG = re.compile(r"^([a-z]{2,3})(?:[-_][A-Za-z0-9]+)*$")
_TITLE_SEPARATORS = re.compile(r"(\s+(?:\||—|–|-|::|·|»)\s+)")
_PATRONYMIC = re.compile(r"(?:ович|евич|ич|овна|евна|ична|ұлы|улы|қызы|кызы)$", re.I)
_PAGES = re.compile(r"^\s*(\d+)\s*[-–—]\s*(\d+)\s*$")


def html_candidates(doc: Document) -> list[Candidate]:
    """Every field the page's meta tags, JSON-LD, OpenGraph and ``<title>`` state."""
    facts: dict[str, list[str]] = defaultdict(list)
    for key, value in doc.info:
        facts[key].append(value)
    out: list[Candidate] = []
    out += _fields(facts, Origin.HTML_META, "html-meta:", _META_FIELDS, HTML_META)
    # Translated titles (OJS: DC.Title.Alternative xml:lang="ru") are titles in their language.
    out += [c for key, value in _stated(facts, "html-meta:dc.title.alternative")
            for c in _read("title", value, key, Origin.HTML_META, HTML_META)]
    out += _fields(facts, Origin.JSON_LD, "json-ld:", _JSON_LD_FIELDS, JSON_LD)
    out += _fields(facts, Origin.OPENGRAPH, "", _OG_FIELDS, OPENGRAPH)
    out += _authors(facts, out)
    out += _keywords(facts)
    out += _page(facts, out)
    out += _kind(facts)
    out += web_dates(doc)
    return out


def _fields(
    facts: dict[str, list[str]],
    origin: Origin,
    prefix: str,
    table: dict[str, tuple[str, ...]],
    priority: int,
) -> list[Candidate]:
    out: list[Candidate] = []
    for field, names in table.items():
        for name in names:
            found = [c for key, value in _stated(facts, prefix + name)
                     for c in _read(field, value, key, origin, priority)]
            if found:
                out += found
                break
    return out


def _stated(facts: dict[str, list[str]], key: str) -> list[tuple[str, str]]:
    """Values of ``key`` and of its language-tagged forms (``dc.title@ru``), in order."""
    return [(k, v) for k, values in facts.items()
            if k == key or k.startswith(key + "@") for v in values]


def _read(field: str, value: str, key: str, origin: Origin, priority: int) -> list[Candidate]:
    name, _, tagged = key.partition("@")
    name = name.partition(":")[2] or name
    detail = f"{name}: {value}"[:300]

    def cand(v: object, lang: str | None = None, p: int = priority) -> list[Candidate]:
        return [Candidate(field, v, origin, lang=lang, detail=detail, priority=p)]

    if field in ("title", "journal", "abstract"):
        lang = _language(tagged) if tagged else pt.guess_lang(value)
        return cand(value, lang) if len(value) > 3 else []
    if field == "doi":
        doi = pt.normalize_doi(value)
        return cand(doi) if doi else []
    if field in ("first_page", "last_page"):
        pages = _PAGES.match(value)
        value = pages.group(1 if field == "first_page" else 2) if pages else value
        return cand(int(value)) if value.isdecimal() else []
    if field == "modified":
        iso = iso_date(value)
        return cand(iso) if iso else []
    if field == "date":
        iso = iso_date(value)
        if iso is None:
            return []
        return [Candidate("date", iso, origin, detail=detail, priority=priority),
                Candidate("year", int(iso[:4]), origin, detail=detail, priority=priority)]
    if field == "url":
        return cand(value) if urlsplit(value).scheme in ("http", "https") else []
    if field == "language":
        lang = _language(value)
        return cand(lang, p=DECLARED_LANGUAGE) if lang else []
    if field == "publisher" and _looks_like_link(value):
        return []
    return cand(value)


def _language(value: str) -> str | None:
    match = _LANG.match(value.strip().lower())
    if not match:
        return None
    lang = match.group(1).lower()
    return "kk" if lang == "kz" else lang  # "kz" is the country; Kazakh is "kk"


def _looks_like_link(value: str) -> bool:
    return "://" in value or value.startswith("www.") or "@" in value


def _authors(facts: dict[str, list[str]], found: list[Candidate]) -> list[Candidate]:
    """Persons only: a newsroom or a profile link in an author tag is not an author."""
    sites = {str(c.value).casefold() for c in found if c.field == "publisher"}
    out: list[Candidate] = []
    for origin, priority, keys in (
        (Origin.HTML_META, HTML_META, ("html-meta:citation_author", "html-meta:dc.creator",
                                  "html-meta:dc.creator.personalname",
                                  "html-meta:dcterms.creator")),
        (Origin.JSON_LD, JSON_LD, ("json-ld:author", "json-ld:creator")),
        (Origin.OPENGRAPH, OPENGRAPH, ("article:author",)),
    ):
        for key in keys:
            names = [v for _, v in _stated(facts, key)
                     if not _looks_like_link(v) and v.casefold() not in sites
                     and not re.fullmatch(r"[\w.-]+\.[a-z]{2,6}", v, re.I)]
            if names:
                # Highwire and Dublin Core write names as catalogues do ("Family, Given");
                # JSON-LD and OpenGraph as bylines print them, given name first.
                authors = [_person(n, display=origin != Origin.HTML_META) for n in names]
                out.append(Candidate("authors", authors, origin, detail="; ".join(names)[:300],
                                     priority=priority))
                break
    return out


def _person(name: str, display: bool) -> dict[str, str | None]:
    """A name split into family and given; a byline's "Әлия Серікқызы Нұрланова" is
    given-first, "Иванов Иван Иванович" (ending in a patronymic) family-first."""
    words = name.split()
    if not display or "," in name or len(words) < 2 or parse_author_line(name) or (
        _PATRONYMIC.search(words[-1])
    ):
        return parse_name(name).as_json()
    return Author(family=words[-1], given=" ".join(words[:-1]), literal=name).as_json()


def _keywords(facts: dict[str, list[str]]) -> list[Candidate]:
    out: list[Candidate] = []
    for origin, priority, keys in (
        (Origin.HTML_META, HTML_META, ("html-meta:citation_keywords", "html-meta:dc.subject")),
        (Origin.JSON_LD, JSON_LD, ("json-ld:keywords",)),
        (Origin.OPENGRAPH, OPENGRAPH, ("article:tag",)),
    ):
        for key in keys:
            by_lang: dict[str | None, list[str]] = defaultdict(list)
            for stated, value in _stated(facts, key):
                words = split_keywords(value) if ";" in value or key.endswith(
                    ("keywords", "subject")) else [value.strip()]
                tagged = _language(stated.partition("@")[2])
                for word in words:
                    by_lang[tagged or pt.guess_lang(word)].append(word)
            for lang, words in by_lang.items():
                words = list(dict.fromkeys(words))
                out.append(Candidate("keywords", words, origin, lang=lang,
                                     detail="; ".join(words)[:300], priority=priority))
            if by_lang:
                break
    return out


def _page(facts: dict[str, list[str]], found: list[Candidate]) -> list[Candidate]:
    """``<title>`` without the site's name, the canonical address, ``<html lang>``, the host."""
    out: list[Candidate] = []
    sites = [str(c.value) for c in found if c.field == "publisher"]
    urls = [str(c.value) for c in found if c.field == "url"]
    for canonical in facts.get("html:canonical", [])[:1]:
        if urlsplit(canonical).scheme in ("http", "https"):
            out.append(Candidate("url", canonical, Origin.HTML_META, detail="link rel=canonical",
                                 priority=HTML_META))
            urls.insert(0, canonical)
    for lang in facts.get("html:lang", [])[:1]:
        if code := _language(lang):
            out.append(Candidate("language", code, Origin.HTML_META, detail=f'html lang="{lang}"',
                                 priority=DECLARED_LANGUAGE))
    hosts = [h.removeprefix("www.") for u in urls if (h := urlsplit(u).hostname or "")]
    headlines = facts.get("html:headline", [])[:1]
    for raw in facts.get("html:title", [])[:1]:
        title = _strip_site(raw, sites + hosts)
        if headlines and title.casefold().startswith(headlines[0].casefold()):
            title = headlines[0]  # "Headline - Site": the page's own headline ends it
        if len(title) > 3:
            out.append(Candidate("title", title, Origin.HTML_TITLE, lang=pt.guess_lang(title),
                                 detail=raw[:300], priority=HTML_TITLE))
    if hosts and not sites:
        out.append(Candidate("publisher", hosts[0], Origin.HTML_META, detail=f"host of {urls[0]}",
                             priority=HOST))
    return out


def _strip_site(title: str, sites: list[str]) -> str:
    """``Headline | Site`` and ``Site — Headline`` → ``Headline``; the rest stays as written
    (a dash inside a headline and a section name look alike)."""
    parts = _TITLE_SEPARATORS.split(title)  # text, separator, text, …
    names = {_site_words(s) for s in sites} - {""}
    while len(parts) > 2 and _site_words(parts[-1]) in names:
        parts = parts[:-2]
    while len(parts) > 2 and _site_words(parts[0]) in names:
        parts = parts[2:]
    return "".join(parts)


def _site_words(text: str) -> str:
    """A site's name for comparison: ``Степь.kz``, ``www.step.kz`` and ``STEP.KZ`` agree."""
    text = text.casefold().removeprefix("www.")
    return re.sub(r"\W+", "", re.sub(r"\.[a-z]{2,6}$", "", text))


def _kind(facts: dict[str, list[str]]) -> list[Candidate]:
    """Journal article, news article, blog post or plain web page, from the strongest sign."""
    scholarly = [k for k in ("html-meta:citation_journal_title", "html-meta:citation_doi",
                             "html-meta:prism.publicationname") if k in facts]
    types = facts.get("json-ld:@type", [])
    if scholarly:
        return [Candidate("kind", "article-journal", Origin.HTML_META, detail=scholarly[0],
                          priority=HTML_META)]
    for t in types:
        kind = "article-newspaper" if _NEWS_TYPES.match(t) else _KINDS.get(t)
        if kind:
            return [Candidate("kind", kind, Origin.JSON_LD, detail=f"@type {t}", priority=JSON_LD)]
    dated = "article:published_time" in facts or "json-ld:datePublished" in facts
    if dated and ("Article" in types or "article" in facts.get("og:type", [])):
        origin, priority = (Origin.JSON_LD, JSON_LD) if types else (Origin.OPENGRAPH, OPENGRAPH)
        return [Candidate("kind", "article-newspaper", origin,
                          detail="a dated article on a web site", priority=priority)]
    # Below what the text implies (a DOI, a journal's running line: ``inferred.kind``).
    return [Candidate("kind", "webpage", Origin.INFERRED, detail="an HTML page", priority=5)]
