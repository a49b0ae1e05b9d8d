"""RIS records, as Zotero and EndNote import them.

One record per source, from ``TY`` to ``ER``, tags as the RIS specification and Zotero's
importer read them: ``AU`` one per author (``Family, Given``), ``TI``, ``T2`` (the journal
or site), ``PY``, ``DA`` (``2025/10/23/``), ``VL``, ``IS``, ``SP``/``EP``, ``DO``, ``UR``,
``Y2`` (access date), ``PB``, ``CY``, ``LA`` and ``ID`` (the source key, so a re-import can
tell the records apart). Lines end with CRLF, as EndNote writes them.
"""

from __future__ import annotations

from archive.cite import (
    CiteSource,
    date_parts,
    devised_title,
    is_web,
    site_name,
    split_author,
    title_of,
)

TYPES = {"article-journal": "JOUR", "article-newspaper": "NEWS", "webpage": "ELEC",
         "book": "BOOK", "chapter": "CHAP", "report": "RPRT", "thesis": "THES"}


def _line(tag: str, value: object) -> str:
    # One line per tag: a line break inside a value would start a bogus record line.
    return f"{tag}  - {' '.join(str(value).split())}\r\n"


def entry(source: CiteSource) -> str:
    web = is_web(source)
    kind = source.kind or ("article-journal" if source.journal else "webpage" if web else "")
    lines = [_line("TY", TYPES.get(kind, "GEN")), _line("ID", source.key)]
    for author in source.authors:
        family, given, literal = split_author(author)
        name = f"{family}, {given}" if family and given else family or literal
        if name:
            lines.append(_line("AU", name))
    lines.append(_line("TI", title_of(source) or devised_title(source, "Untitled")))
    container = site_name(source) if web else source.journal
    if container:
        # T2 is what Zotero's own RIS export writes for a journal or site name (JO would be
        # read as its abbreviation).
        lines.append(_line("T2", container))
    parts = date_parts(source)
    if parts:
        lines.append(_line("PY", parts[0]))
    if len(parts) > 1:
        # DA is YYYY/MM/DD/ with empty parts allowed; a bare year is already in PY.
        lines.append(_line("DA", "/".join(f"{p:02d}" if k else str(p)
                                          for k, p in enumerate(parts)) + "/" * (4 - len(parts))))
    for tag, value in (("VL", source.volume), ("IS", source.issue), ("SP", source.first_page),
                       ("EP", source.last_page), ("DO", source.doi), ("UR", source.url),
                       ("PB", source.publisher), ("CY", source.place), ("LA", source.language)):
        if value:
            lines.append(_line(tag, value))
    if source.accessed:
        lines.append(_line("Y2", source.accessed[:10].replace("-", "/")))
    lines.append("ER  - \r\n")
    return "".join(lines)
