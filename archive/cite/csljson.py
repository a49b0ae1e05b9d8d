"""CSL-JSON item (Citation Style Language 1.0.2 data schema).

One JSON object: ``id`` (the source key), ``type`` (the source's CSL kind, else
``article-journal`` when there is a journal, else ``webpage`` with a URL, else
``document``), ``title``, ``author`` (``{family, given}`` or ``{literal}``), ``issued``
(``date-parts``), ``container-title``, ``volume``, ``issue``, ``page`` (``35-42``), ``DOI``,
``URL``, ``language``, ``publisher``, ``publisher-place``, ``number-of-pages`` and
``accessed``. The reference is a CSL-JSON array holding the item, as citeproc processors
and Zotero read it. A paragraph is cited with a CSL citation object (``csl-citation.json``):
the item goes in ``itemData`` unchanged, the pinpoint beside it as the citation item's
``locator`` (the paragraph label, ``label: "paragraph"``), its ID as ``citationID`` and the
quotation, with ``quote=True``, as ``prefix``. Keys are written in this order, UTF-8,
two-space indent.
"""

from __future__ import annotations

import json
from typing import Any

from archive.cite import (
    CiteParagraph,
    CiteSource,
    date_parts,
    devised_title,
    is_web,
    page_range,
    site_name,
    split_author,
    title_of,
)


def _date(iso: str | None) -> dict[str, Any] | None:
    if not iso:
        return None
    parts = [int(p) for p in iso[:10].split("-") if p.isdecimal()]
    return {"date-parts": [parts]} if parts else None


CITATION_SCHEMA = "https://resource.citationstyles.org/schema/latest/input/json/csl-citation.json"


def item(source: CiteSource) -> dict[str, Any]:
    """The CSL-JSON item as a dict (``render`` serialises it)."""
    web = is_web(source)
    kind = source.kind or (
        "article-journal" if source.journal else "webpage" if source.url else "document"
    )
    out: dict[str, Any] = {"id": source.key, "type": kind}
    out["title"] = title_of(source) or devised_title(source, "Untitled")
    authors = []
    for a in source.authors:
        family, given, literal = split_author(a)
        if family:
            authors.append({"family": family, **({"given": given} if given else {})})
        elif literal:
            authors.append({"literal": literal})
    if authors:
        out["author"] = authors
    parts = date_parts(source)
    if parts:
        out["issued"] = {"date-parts": [list(parts)]}
    container = site_name(source) if web else source.journal
    optional = {
        "container-title": container,
        "volume": source.volume,
        "issue": source.issue,
        "page": page_range(source, dash="-"),
        "DOI": source.doi,
        "URL": source.url,
        "language": source.language,
        "publisher": source.publisher,
        "publisher-place": source.place,
        "number-of-pages": source.extent,
        "accessed": _date(source.accessed),
    }
    out.update({k: v for k, v in optional.items() if v})
    return out


def citation(
    source: CiteSource, paragraph: CiteParagraph, *, quote: bool = False
) -> dict[str, Any]:
    """The CSL citation object pointing at *paragraph* of *source*."""
    cited: dict[str, Any] = {"id": source.key, "itemData": item(source),
                             "locator": paragraph.label, "label": "paragraph"}
    if quote and paragraph.text:
        cited["prefix"] = "“" + " ".join(paragraph.text.split()) + "”"
    return {"schema": CITATION_SCHEMA, "citationID": paragraph.id, "citationItems": [cited],
            "properties": {"noteIndex": 0}}


def reference(source: CiteSource) -> str:
    return json.dumps([item(source)], ensure_ascii=False, indent=2)


def pinpoint(source: CiteSource, paragraph: CiteParagraph, *, quote: bool = False) -> str:
    return json.dumps(citation(source, paragraph, quote=quote), ensure_ascii=False, indent=2)


def combine(reference: str, pinpoint: str) -> str:
    return pinpoint
