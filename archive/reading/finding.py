"""``archive search``: the paragraphs (or, with ``--sources``, the sources) a query finds,
best first, as the published tables' search boxes find them (every form of the words, then
Russian-keyboard Kazakh; or the words as written), with their bounded cost: the best hits
among the newest ones are ranked, and filters by source, language or role are applied to
those. Sources are ranked by where the words stand: a title above abstracts and keywords
above authors."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Generic, TypeVar

from .. import search
from ..models import LIVE
from ..store import ranked, read
from ..store.records import ParagraphRecord, SourceRecord

Hit = TypeVar("Hit", ParagraphRecord, SourceRecord)


@dataclass(frozen=True, slots=True)
class Found(Generic[Hit]):
    total: int  # rows that match, counted up to ``ranked.COUNT_CAP``
    hits: tuple[Hit, ...]  # the best, after the filters, at most the limit asked

    @property
    def capped(self) -> bool:
        """``total`` is a floor: more match."""
        return self.total >= ranked.COUNT_CAP


def find(
    conn: sqlite3.Connection, query: str, *, exact: bool = False, source: str | None = None,
    lang: str | None = None, role: str | None = None, limit: int = 20,
) -> Found[ParagraphRecord]:
    tiers = search.tiers("" if exact else query, query if exact else "")
    if tiers is None:
        return Found(0, ())
    table, expressions = tiers
    best = ranked.best_hits(conn, table, expressions)
    hits = [
        p for p in read.paragraphs_at(conn, best.rowids)
        if p.status == LIVE
        and (source is None or p.source == source)
        and (lang is None or p.lang == lang)
        and (role is None or p.role == role)
    ]
    return Found(best.total, tuple(hits[:limit]))


def find_sources(
    conn: sqlite3.Connection, query: str, *, exact: bool = False, limit: int = 20,
) -> Found[SourceRecord]:
    tiers = search.tiers("" if exact else query, query if exact else "", "sources")
    if tiers is None:
        return Found(0, ())
    table, expressions = tiers
    best = ranked.best_hits(conn, table, expressions)
    return Found(best.total, tuple(read.sources_at(conn, best.rowids)[:limit]))
