"""``archive search``: the paragraphs a query finds, best first, as the published table's
search box finds them (every form of the words, then Russian-keyboard Kazakh; or the words
as written), with its bounded cost: the best hits among the newest ones are ranked, and
filters by source, language or role are applied to those."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from .. import search
from ..store import ranked, read
from ..store.records import ParagraphRecord


@dataclass(frozen=True, slots=True)
class Found:
    total: int  # paragraphs that match, counted up to ``ranked.COUNT_CAP``
    hits: tuple[ParagraphRecord, ...]  # the best, after the filters, at most the limit asked

    @property
    def capped(self) -> bool:
        """``total`` is a floor: more match."""
        return self.total >= ranked.COUNT_CAP


def find(
    conn: sqlite3.Connection, query: str, *, exact: bool = False, source: str | None = None,
    lang: str | None = None, role: str | None = None, limit: int = 20,
) -> Found:
    tiers = search.tiers("" if exact else query, query if exact else "")
    if tiers is None:
        return Found(0, ())
    table, expressions = tiers
    rowids = ranked.best_rowids(conn, table, expressions)
    hits = [
        p for p in read.paragraphs_at(conn, rowids)
        if p.status == "live"
        and (source is None or p.source == source)
        and (lang is None or p.lang == lang)
        and (role is None or p.role == role)
    ]
    total = ranked.hit_count(conn, table, expressions)
    return Found(total, tuple(hits[:limit]))
