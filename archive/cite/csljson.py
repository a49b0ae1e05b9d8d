"""CSL-JSON item (Citation Style Language 1.0.2 data schema).

One JSON object: ``id`` (the source key), ``type`` (the source's CSL kind, else
``article-journal`` when there is a journal, else ``webpage`` with a URL, else
``document``), ``title``, ``author`` (``{family, given}`` or ``{literal}``), ``issued``
(``date-parts``), ``container-title``, ``volume``, ``issue``, ``page`` (``35-42``), ``DOI``,
``URL``, ``language``, ``publisher`` and ``accessed``. For a paragraph it adds the
citation-item fields ``locator`` (the label) and ``label: "paragraph"``, and a ``custom``
object with ``paragraph-id``, ``paragraph-url`` and ``paragraph-page`` (``quote`` with
``quote=True``). Keys are written in this order, UTF-8, two-space indent.
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
    pinpoint,
    site_name,
    split_author,
    title_of,
)


def _date(iso: str | None) -> dict[str, Any] | None:
    if not iso:
        return None
    parts = [int(p) for p in iso[:10].split("-") if p.isdigit()]
    return {"date-parts": [parts]} if parts else None


def item(
    source: CiteSource, paragraph: CiteParagraph | None = None, *, quote: bool = False
) -> dict[str, Any]:
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
        "accessed": _date(source.accessed),
    }
    out.update({k: v for k, v in optional.items() if v})
    if paragraph:
        out["locator"] = paragraph.label
        out["label"] = "paragraph"
        custom: dict[str, Any] = {"paragraph-id": paragraph.id}
        if paragraph.url:
            custom["paragraph-url"] = paragraph.url
        if page := pinpoint(source, paragraph):
            custom["paragraph-page"] = page
        if quote and paragraph.text:
            custom["quote"] = " ".join(paragraph.text.split())
        out["custom"] = custom
    return out


def render(source: CiteSource, paragraph: CiteParagraph | None, *, quote: bool = False) -> str:
    return json.dumps(item(source, paragraph, quote=quote), ensure_ascii=False, indent=2)
