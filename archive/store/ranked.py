"""Ranked full-text search whose cost does not grow with the archive.

FTS5 finds the rows holding a term cheaply (a count of 600,000 hits takes milliseconds), but
ranking them computes BM25 for every hit, and a table page that lists, counts and facets "every
row whose rowid is in the hits" touches every one of them. Both grow with the archive: a word
in a third of a million paragraphs took seconds.

So a search keeps a bounded set of hits: the ``TOP_HITS`` best by BM25 among the newest
``RANK_WINDOW`` hits (highest rowids, i.e. the latest ingested). Everything after that (the
table's sort, its row count, its facets) works on at most ``TOP_HITS`` rows. A query with
fewer than ``RANK_WINDOW`` hits is ranked over all of them. Finding the window counts its
hits, so the total is known up to ``COUNT_CAP`` without another pass (``best_hits``).

The SQL is built here, where all of the archive's SQL lives; ``match`` is an SQL expression
for the MATCH string (a parameter, or one of the plugin's SQL functions of a parameter).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

# Hits ranked by BM25: ranking costs a few microseconds a hit (more for a phrase), so 10,000
# stay well inside a page's budget of 200 ms whatever the archive's size.
RANK_WINDOW = 10_000
# Hits a table page keeps: Datasette's largest page (``max_returned_rows``).
TOP_HITS = 1_000
# Hits are counted as the window is found, so no further than it: past this many the page
# says "more than" (counting on cost more: 100,000 hits of a phrase took 30 ms).
COUNT_CAP = RANK_WINDOW

FTS_TABLES = ("paragraphs_fts", "paragraphs_stems", "sources_fts", "sources_stems")

# BM25 scores a hit by how often and how rarely the word occurs, not by where: a word in a
# heading, an abstract or the keywords says more about the paragraph than the same word in
# the body, so a paragraph's score is multiplied by its role's weight (every other role 1,
# so that hits of those keep BM25's order among themselves).
ROLE_WEIGHTS = {"heading": 2.0, "abstract": 1.5, "keywords": 1.5}
# A source's index columns and their BM25 weights (the index's own ``rank``, migration 0013).
SOURCE_COLUMN_WEIGHTS = {"title": 4.0, "abstracts": 2.0, "keywords": 2.0, "authors": 1.0}


def _table(fts_table: str) -> str:
    if fts_table not in FTS_TABLES:
        raise ValueError(f"not a full-text index of the archive: {fts_table}")
    return fts_table


def role_weight_at(rowid: str) -> str:
    """SQL for the weight of the role of the paragraph whose rowid is ``rowid``, sought in the
    index of roles (also spelt out in ``datasette.yaml``): a paragraph's row holds its text,
    and reading the rows of a window's ten thousand hits cost more than their weights are
    worth; the index's few weighted roles stay in the page cache."""
    by_weight: dict[float, list[str]] = {}
    for role, weight in ROLE_WEIGHTS.items():
        by_weight.setdefault(weight, []).append(f"'{role}'")
    seeks = ", ".join(
        f"(select {weight} from paragraphs indexed by idx_paragraphs_role "
        f"where role in ({', '.join(roles)}) and rowid = {rowid})"
        for weight, roles in by_weight.items()
    )
    return f"coalesce({seeks}, 1.0)"


def _window(table: str, match: str, window: int) -> str:
    return (
        f"select rowid from {table} where {table} match {match} "
        f"order by rowid desc limit {window}"
    )


def window_floor(fts_table: str, match: str, window: int = RANK_WINDOW) -> str:
    """SQL for the lowest rowid among the newest ``window`` hits (0 when there are none)."""
    return f"(select coalesce(min(rowid), 0) from ({_window(_table(fts_table), match, window)}))"


def top_hits(
    fts_table: str, match: str, limit: int = TOP_HITS, window: int = RANK_WINDOW,
    floor: str | None = None,
) -> str:
    """SQL for the rowids of the best ``limit`` hits of ``match`` among the newest ``window``
    (or, given ``floor``, an SQL expression for the window's lowest rowid, among those).

    FTS5 takes the rowid bound itself, so only the window's hits are ranked.
    """
    table = _table(fts_table)
    floor = floor or window_floor(table, match, window)
    if table.startswith("sources"):  # weighted by column inside the index
        return (
            f"select rowid from {table} where {table} match {match} "
            f"and rowid >= {floor} order by rank limit {limit}"
        )
    # BM25's rank is negative, best first: a weight above 1 moves a hit up.
    return (
        f"select rowid from {table} where {table} match {match} and rowid >= {floor} "
        f"order by rank * {role_weight_at(f'{table}.rowid')} limit {limit}"
    )


@dataclass(frozen=True, slots=True)
class Hits:
    """A search's kept hits, best first, and how many rows it matches."""

    rowids: list[int]
    total: int  # counted up to ``COUNT_CAP``: that many means "at least"

    @property
    def capped(self) -> bool:
        return self.total >= COUNT_CAP


def best_hits(
    conn: sqlite3.Connection,
    fts_table: str,
    expressions: Sequence[str],
    limit: int = TOP_HITS,
) -> Hits:
    """The rowids of the top hits of each MATCH expression (a search's tiers, best first),
    the first tier's before the next's, without repeats, at most ``limit`` in all; and the
    number of hits of all tiers, from the windows found to rank them (a row found by two
    tiers counts twice)."""
    table = _table(fts_table)
    found: dict[int, None] = {}
    total = 0
    for expression in expressions:
        if len(found) >= limit and total >= COUNT_CAP:
            break
        counted, floor = conn.execute(
            f"select count(*), coalesce(min(rowid), 0) from ({_window(table, '?', RANK_WINDOW)})",
            [expression],
        ).fetchone()
        total += int(counted)
        if not counted or len(found) >= limit:
            continue
        sql = top_hits(table, ":match", limit, floor=":floor")
        for (rowid,) in conn.execute(sql, {"match": expression, "floor": floor}):
            found.setdefault(int(rowid), None)
    return Hits(list(found)[:limit], min(total, COUNT_CAP))


def best_rowids(
    conn: sqlite3.Connection,
    fts_table: str,
    expressions: Sequence[str],
    limit: int = TOP_HITS,
) -> list[int]:
    """``best_hits``' rowids."""
    return best_hits(conn, fts_table, expressions, limit).rowids


# The rows of a page whose best hits were found once (``best_rowids``) and passed as a JSON
# list: every query of the page (rows, count, each facet) reads them instead of ranking again.
ROWIDS_WHERE = "rowid in (select value from json_each(:{param}))"
