"""What a saved web page says about itself, as origin-qualified ``Document.info`` pairs.

``html-meta:<name>`` (Highwire ``citation_*``, Dublin Core ``dc.*``/``dcterms.*``, PRISM and
the plain ``description``, with ``@lang`` when the tag has one), ``og:*`` and ``article:*``
(OpenGraph), ``json-ld:<property>``
(the page's article node in schema.org JSON-LD), ``html:title``, ``html:lang`` and
``html:canonical``; a browser's note of where and when it saved the page becomes
``capture-header:url``/``capture-header:date``, read like a text capture's header.
``archive.metadata.html`` turns the pairs into candidates.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(https?://[^\s>]+)", re.I)
_SINGLEFILE_URL = re.compile(r"<!--\s*Page saved with SingleFile\s*\n?\s*url:\s*(https?://\S+)")
_SINGLEFILE_DATE = re.compile(
    r"Page saved with SingleFile[^>]*?saved date:\s*\w{3}\s+(\w{3})\s+(\d{1,2})\s+(\d{4})"
)
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_ARTICLE_TYPES = re.compile(r"(?:\w*Article|BlogPosting|LiveBlogPosting|Report|Thesis|Chapter)$")
_META_PREFIXES = ("citation_", "dc.", "dcterms.", "prism.")
_JSON_LD_TEXT = ("headline", "name", "alternativeHeadline", "datePublished", "dateCreated",
                 "dateModified", "description", "articleSection", "inLanguage", "url",
                 "volumeNumber", "issueNumber", "pageStart", "pageEnd",
                 "pagination", "identifier", "sameAs")


def saved_from(head: str) -> Iterator[tuple[str, str]]:
    """Where and when a browser saved the page, as it noted in a comment at the top.

    Browsers write ``<!-- saved from url=(0042)https://… -->``; the SingleFile extension
    writes ``url: https://…`` and ``saved date: Thu Oct 23 2025 10:15:00 GMT+0500``. These
    are a capture's header: the address of the page and the day it was captured.
    """
    if match := _SAVED_FROM.search(head) or _SINGLEFILE_URL.search(head):
        yield "capture-header:url", match.group(1)
    if (match := _SINGLEFILE_DATE.search(head)) and match.group(1) in _MONTHS:
        month = _MONTHS.index(match.group(1)) + 1
        yield "capture-header:date", f"{match.group(3)}-{month:02d}-{int(match.group(2)):02d}"


def page_facts(tree: HtmlElement) -> Iterator[tuple[str, str]]:
    """Origin-qualified (key, value) pairs from meta tags, JSON-LD, <title> and <html lang>."""
    root = tree.getroottree().getroot()
    if lang := clean(root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")):
        yield "html:lang", lang
    for meta in root.iter("meta"):
        name = (meta.get("name") or meta.get("property") or "").strip()
        value = clean(meta.get("content"))
        if not name or not value:
            continue
        low = name.lower()
        if low.startswith(("og:", "article:")):
            yield low, value
        elif low.startswith(_META_PREFIXES) or low == "description":
            lang = meta.get("lang") or meta.get("{http://www.w3.org/XML/1998/namespace}lang")
            yield f"html-meta:{low}" + (f"@{lang.strip().lower()}" if lang else ""), value
    for link in root.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        if "canonical" in rel and (href := clean(link.get("href"))):
            yield "html:canonical", href
            break
    title = root.find(".//title")
    if title is not None and (text := clean(title.text_content())):
        yield "html:title", text
    yield from _json_ld(root)


def _json_ld(root: HtmlElement) -> Iterator[tuple[str, str]]:
    nodes: list[dict[str, Any]] = []
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        raw = (script.text or "").strip().removeprefix("<!--").removesuffix("-->")
        try:
            nodes += _flatten(json.loads(raw, strict=False))
        except (ValueError, RecursionError):
            continue  # a broken script block says nothing
    by_id = {n["@id"]: n for n in nodes if isinstance(n.get("@id"), str)}
    article = next((n for n in nodes if any(_ARTICLE_TYPES.match(t) for t in _types(n))), None)
    if article is None:
        return
    yield "json-ld:@type", next(t for t in _types(article) if _ARTICLE_TYPES.match(t))
    for prop in _JSON_LD_TEXT:
        for value in _values(article.get(prop), by_id):
            if isinstance(value, dict):  # a PropertyValue, a tagged string, a linked page
                value = value.get("value", value.get("@value", value.get("@id")))
            if isinstance(value, str | int) and not isinstance(value, bool):
                yield f"json-ld:{prop}", clean(str(value))
    for prop in ("author", "creator", "publisher"):
        for agent in _values(article.get(prop), by_id):
            if (found := _agent_name(agent)) is not None:
                organisation, name = found
                # A newsroom credited as author is the publisher speaking, not a person.
                suffix = "-organization" if organisation and prop != "publisher" else ""
                yield f"json-ld:{prop}{suffix}", name
    keywords = article.get("keywords")
    for word in _values(keywords.split(",") if isinstance(keywords, str) else keywords, by_id):
        if isinstance(word, str) and word.strip():
            yield "json-ld:keywords", word.strip()
    yield from _parts(article.get("isPartOf"), by_id, depth=0)


def _parts(node: Any, by_id: dict[str, dict[str, Any]], depth: int) -> Iterator[tuple[str, str]]:
    """Issue, volume and periodical up the ``isPartOf`` chain of a scholarly article."""
    for part in _values(node, by_id):
        if not isinstance(part, dict) or depth > 4:
            continue
        types = _types(part)
        for prop, key in (("issueNumber", "issueNumber"), ("volumeNumber", "volumeNumber")):
            if isinstance(part.get(prop), str | int):
                yield f"json-ld:{key}", str(part[prop])
        periodical = any(t in ("Periodical", "Newspaper", "CreativeWorkSeries") for t in types)
        if periodical and isinstance(part.get("name"), str):
            yield "json-ld:isPartOf", clean(part["name"])
        yield from _parts(part.get("isPartOf"), by_id, depth + 1)


def _flatten(data: Any) -> list[dict[str, Any]]:
    if isinstance(data, list):
        return [node for item in data for node in _flatten(item)]
    if not isinstance(data, dict):
        return []
    # A page's article may be the graph's member or the main entity of a WebPage node.
    return [data, *_flatten(data.get("@graph", [])), *_flatten(data.get("mainEntity", []))]


def _types(node: dict[str, Any]) -> list[str]:
    found = node.get("@type", [])
    return [t.rsplit("/", 1)[-1] for t in ([found] if isinstance(found, str) else found)
            if isinstance(t, str)]


def _values(value: Any, by_id: dict[str, dict[str, Any]]) -> list[Any]:
    """A property's values as a list, ``{"@id": …}`` references resolved inside the page."""
    items = value if isinstance(value, list) else [] if value is None else [value]
    return [by_id.get(v["@id"], v) if isinstance(v, dict) and set(v) == {"@id"} else v
            for v in items]


def _agent_name(agent: Any) -> tuple[bool, str] | None:
    """(is an organisation, name) of an author or publisher node."""
    if isinstance(agent, str):
        return (False, name) if (name := clean(agent)) else None
    if not isinstance(agent, dict):
        return None
    organisation = any(t != "Person" for t in _types(agent))
    stated = agent.get("name")
    if isinstance(stated, str):
        name = stated
    else:
        parts = [agent.get("familyName"), agent.get("givenName")]
        name = ", ".join(p for p in parts if isinstance(p, str) and p.strip())
    return (organisation, name) if (name := clean(name)) else None


def clean(value: str | None) -> str:
    """Text as a reader sees it: zero-width characters and soft hyphens out, spaces single."""
    return " ".join(_INVISIBLE.sub("", value or "").split())
