"""Exports of selected sources in the formats other tools read as they are.

``csl-json`` (an array of CSL items: citeproc processors, Pandoc, Zotero), ``bibtex``
(biblatex-friendly, one entry per source), ``ris`` (Zotero, EndNote, Mendeley) and ``bagit``
(an RFC 8493 bag with the original bytes, metadata, paragraphs, lineage and events, for
preservation systems). The reference formats are built from the same ``CiteSource`` as
``archive cite``, so an export and a citation never disagree. Reading only: an export never
changes the archive.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from difflib import get_close_matches

from ..cite import CiteSource
from ..cite.stored import cite_source
from ..errors import ArchiveError, NotFoundError
from ..search import match_query
from ..store import read

FORMATS = ("csl-json", "bibtex", "ris", "bagit")
REFERENCE_FORMATS = FORMATS[:3]


def check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise ArchiveError(f"unknown export format {fmt!r}", hint="one of " + ", ".join(FORMATS))


def select(conn: sqlite3.Connection, keys: Sequence[str], query: str | None) -> list[str]:
    """The source keys to export: *keys* as given (each must exist), else those matching
    *query*, else every source. An empty selection is an error, not an empty file."""
    if keys and query:
        raise ArchiveError("give source keys or --query, not both")
    known = read.source_keys(conn)
    if keys:
        missing = [k for k in keys if k not in known]
        if missing:
            near = get_close_matches(missing[0], known, n=3)
            hint = f"nearest: {', '.join(near)}" if near else None
            raise NotFoundError(f"unknown source key {missing[0]!r}", hint=hint)
        return list(dict.fromkeys(keys))
    chosen = read.sources_matching(conn, match_query(query)) if query else known
    if not chosen:
        raise NotFoundError("no source to export" + (f" matches {query!r}" if query else ""))
    return chosen


def cite_sources(conn: sqlite3.Connection, keys: Sequence[str]) -> list[CiteSource]:
    out = []
    for key in keys:
        view = read.source_view(conn, key)
        if view is None:
            raise NotFoundError(f"unknown source key {key!r}")
        out.append(cite_source(view.source, view.accessed, view.texts))
    return out


def references(conn: sqlite3.Connection, keys: Sequence[str], fmt: str) -> str:
    """The selected sources as one CSL-JSON, BibTeX or RIS document."""
    check_format(fmt)
    if fmt not in REFERENCE_FORMATS:
        raise ArchiveError(f"{fmt} is written to a directory", hint="give --out DIR")
    sources = cite_sources(conn, keys)
    if fmt == "csl-json":
        import json

        from ..cite.csljson import item

        return json.dumps([item(s) for s in sources], ensure_ascii=False, indent=2) + "\n"
    if fmt == "bibtex":
        from ..cite.bibtex import reference

        return "\n\n".join(reference(s) for s in sources) + "\n"
    from .ris import entry

    return "".join(entry(s) for s in sources)
