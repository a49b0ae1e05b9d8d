"""XMP metadata packets: the Dublin Core and PRISM fields a PDF states about itself."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator

_NS_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_NS_XML = "http://www.w3.org/XML/1998/namespace"
# XMP namespaces by URI prefix (PRISM has had several versions), and the fields we keep.
_XMP_FIELDS = {
    "http://purl.org/dc/elements/1.1/": ("dc", ("title", "creator", "date", "identifier")),
    "http://prismstandard.org/namespaces/": (
        "prism",
        ("doi", "publicationName", "volume", "number", "startingPage", "endingPage", "issn"),
    ),
}


def xmp_fields(xml: str) -> Iterator[tuple[str, str]]:
    """Selected XMP fields as ``("xmp:dc:title", value)`` pairs.

    Lists (``dc:creator``, ``dc:identifier``) give one pair per item, in order. For
    language alternatives the default (``x-default``, else the first) is keyed plainly and
    the others get their language appended: ``xmp:dc:title@ru``.
    """
    if not xml.strip():
        return
    try:
        root = ET.fromstring(xml.strip().encode("utf-8"))
    except ET.ParseError:
        return
    seen: set[tuple[str, str]] = set()
    for key, value in _xmp_pairs(root):
        if value and (key, value) not in seen:
            seen.add((key, value))
            yield key, value


def _xmp_pairs(root: ET.Element) -> Iterator[tuple[str, str]]:
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        # Simple properties may be written as attributes of rdf:Description.
        for name, value in el.attrib.items():
            uri, _, local = name[1:].partition("}")
            prefix = _xmp_prefix(uri, local) if name.startswith("{") else None
            if prefix is not None:
                yield f"xmp:{prefix}:{local}", value.strip()
        uri, _, local = el.tag[1:].partition("}")
        prefix = _xmp_prefix(uri, local) if el.tag.startswith("{") else None
        if prefix is not None:
            yield from _xmp_values(el, f"xmp:{prefix}:{local}")


def _xmp_prefix(uri: str, local: str) -> str | None:
    for base, (prefix, fields) in _XMP_FIELDS.items():
        if uri.startswith(base) and local in fields:
            return prefix
    return None


def _xmp_values(el: ET.Element, key: str) -> Iterator[tuple[str, str]]:
    items = list(el.iter(f"{{{_NS_RDF}}}li"))
    if not items:
        yield key, (el.text or "").strip()
        return
    default = next((li for li in items if li.get(f"{{{_NS_XML}}}lang") == "x-default"), items[0])
    for li in items:
        lang = li.get(f"{{{_NS_XML}}}lang")
        plain = li is default or lang is None
        yield (key if plain else f"{key}@{lang}"), (li.text or "").strip()
