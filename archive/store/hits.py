"""A search's best hits with what their sources say: the landing page's results and facets.

At most ``ranked.TOP_HITS`` rows, read by rowid in one query; filtering and counting them is
the caller's (``web.landing``).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from ..models import Role


@dataclass(frozen=True, slots=True)
class Hit:
    id: str
    source: str
    source_title: str | None
    page: int | None
    role: Role | None
    lang: str | None
    text: str
    journal: str | None
    year: int | None
    udc: tuple[str, ...]  # the sources' top classes, as the sources' facets show them
    grnti: tuple[str, ...]


def _classes(value: str | None) -> tuple[str, ...]:
    try:
        found = json.loads(value) if value else []
    except ValueError:
        return ()
    return tuple(str(v) for v in found) if isinstance(found, list) else ()


def live_hits(conn: sqlite3.Connection, rowids: Sequence[int]) -> list[Hit]:
    """The live paragraphs of ``rowids`` with their sources' facets, in the order given."""
    if not rowids:
        return []
    rows = conn.execute(
        "SELECT p.rowid, p.id, p.source, coalesce(s.display_title, s.title), p.page, p.role, "
        "p.lang, p.text, s.journal, s.year, s.udc_classes, s.grnti_classes "
        "FROM paragraphs p LEFT JOIN sources s ON s.key = p.source "
        "WHERE p.rowid IN (SELECT value FROM json_each(?)) AND p.status = 'live'",
        (json.dumps(list(rowids)),),
    )
    found = {
        rowid: Hit(pid, source, title, page, role, lang, text or "", journal, year,
                   _classes(udc), _classes(grnti))
        for rowid, pid, source, title, page, role, lang, text, journal, year, udc, grnti in rows
    }
    return [found[r] for r in rowids if r in found]
