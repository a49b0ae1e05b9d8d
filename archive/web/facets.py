"""Facets of the whole paragraphs table from the counts the archive keeps.

Datasette counts a facet with ``select col, count(*) … group by col`` over the rows shown:
over a whole table of a million paragraphs that is a tenth of a second per facet, on every
view of the table's first page. The store keeps those counts (``paragraph_facets``, migration
0006, kept by triggers), so when a column facet is asked of the unfiltered paragraphs table
its query is answered from them. A filtered or searched page is counted by Datasette as
before, except on a searched page: it keeps at most ``store.ranked.TOP_HITS`` rows, read
once per request with every facet's column (``store.page_facets``) and counted from that
read, instead of once a facet (``page_counts``; ``web.source_facets`` counts its facets so too).

The sources table's list facets (authors, classes) over the whole table are read from the
counts the store keeps of them (``source_list_facets``, migration 0015); over a filtered
page they are counted as Datasette counts them, but without carrying every column of every
row through the query (a source's abstracts made the sources page take seconds at twenty
thousand sources).

Datasette has no hook for this: ``apply()`` wraps ``ColumnFacet.facet_results`` (paragraphs)
and ``ArrayFacet.facet_results`` (sources) so that they see a ``Datasette`` whose ``execute``
recognises those queries; everything else passes through. It is idempotent and called from
the plugin's ``startup`` hook.
"""

from __future__ import annotations

import re
from typing import Any

from ..store import page_facets, ranked, read, source_facets

# The parameter holding a searched page's kept hits (``store.ranked.ROWIDS_WHERE``).
HITS_PARAM = "archive_hits"

_FACET_SQL = re.compile(
    r"^\s*select (?P<col>\S+) as value, count\(\*\) as count from \(\s*(?P<inner>.*?)\s*\)"
    r"\s*where (?P=col) is not null\s*group by (?P=col) order by count desc, value "
    r"limit (?P<limit>\d+)\s*$",
    re.S,
)
_WHOLE_TABLE = re.compile(r"^select .* from (?:\[paragraphs\]|paragraphs)$", re.S)
_WHOLE_SOURCES = re.compile(r"^select .* from (?:\[sources\]|sources)$", re.S)
# A searched page of paragraphs: the kept hits, maybe narrowed by other filters (a
# ``_where`` could widen it again: ``page_counts`` reads one row more than a search keeps).
_SEARCHED = re.compile(
    r"^select .*? from (?:\[paragraphs\]|paragraphs) where (?P<where>(?:.* and )?"
    + re.escape(ranked.ROWIDS_WHERE.format(param=HITS_PARAM)) + r"(?: and .*)?)$",
    re.S,
)
# Where a request keeps its searched page's facet rows (``page_counts``).
_SCOPE_KEY = "archive.page_facets"
# Datasette's array facet (``ArrayFacet.facet_results``), whatever the rows.
_ARRAY_SQL = re.compile(
    r"^\s*with inner as \((?P<inner>.*)\),\s*deduped_array_items as \(\s*select\s+distinct "
    r"j\.value,\s*inner\.\*\s+from\s+json_each\(\[inner\]\.\[?(?P<col>\w+)\]?\) j\s+join inner"
    r"\s*\)\s*select\s+value as value,\s*count\(\*\) as count\s+from\s+deduped_array_items"
    r"\s+group by\s+value\s+order by\s+count\(\*\) desc, value limit (?P<limit>\d+)\s*$",
    re.S,
)


def whole_table(sql: str, table: str | None = "paragraphs") -> bool:
    """Is ``sql`` (a facet's rows) the whole paragraphs table, unfiltered?"""
    return table == "paragraphs" and _WHOLE_TABLE.match(sql.strip()) is not None


def facet_query(sql: str) -> tuple[str, str, int] | None:
    """(column, rows, limit) when ``sql`` is Datasette's column facet query over the rows
    ``rows``, else None."""
    found = _FACET_SQL.match(sql)
    if found is None:
        return None
    return found.group("col").strip("[]"), found.group("inner"), int(found.group("limit"))


def searched_where(sql: str) -> str | None:
    """The WHERE clause of ``sql`` (a facet's rows) when it is a searched page of paragraphs,
    which keeps at most ``store.ranked.TOP_HITS`` rows; else None."""
    found = _SEARCHED.match(sql.strip())
    return found.group("where") if found else None


async def page_counts(
    datasette: Any, request: Any, database: str, sql: str, params: Any, column: str,
    limit: int,
) -> list[tuple[Any, int]] | None:
    """A facet's (value, count)s over a searched page's rows ``sql``, read once per request
    for all its facets; None when ``sql`` is not a searched page or ``column`` not one of
    its facet columns. The read has the facets' time limit."""
    where = searched_where(sql)
    if where is None or column not in page_facets.COLUMNS or request is None:
        return None
    kept = request.scope.setdefault(_SCOPE_KEY, {})
    key = (database, where, tuple(sorted((params or {}).items())))
    if key not in kept:
        found = await datasette.execute(
            database, page_facets.rows_sql(where, ranked.TOP_HITS), params, truncate=False,
            custom_time_limit=datasette.setting("facet_time_limit_ms"),
        )
        rows = found.rows
        # More rows than a search keeps: another filter widened it; Datasette counts it.
        kept[key] = ({c: [row[i] for row in rows] for i, c in enumerate(page_facets.COLUMNS)}
                     if len(rows) <= ranked.TOP_HITS else None)
    values = kept[key]
    return None if values is None else page_facets.counts(values[column], column, limit)


def listed_query(sql: str) -> tuple[str, str, int] | None:
    """(rows, column, limit) when ``sql`` is Datasette's array facet query, else None."""
    found = _ARRAY_SQL.match(sql)
    if found is None:
        return None
    return found.group("inner"), found.group("col"), int(found.group("limit"))


class _Results:
    """The part of Datasette's ``Results`` a facet reads."""

    def __init__(self, rows: list[dict[str, Any]]) -> None:
        self.rows = rows

    def __len__(self) -> int:
        return len(self.rows)


class _Counted:
    """A Datasette whose facet query over the whole paragraphs table reads the kept counts,
    and over a searched page counts the page's rows read once."""

    def __init__(self, datasette: Any, request: Any) -> None:
        self._datasette = datasette
        self._request = request

    def __getattr__(self, name: str) -> Any:
        return getattr(self._datasette, name)

    async def execute(self, database: str, sql: str, params: Any = None, **kwargs: Any) -> Any:
        listed = listed_query(sql)
        if listed is not None:
            rows, column, limit = listed
            if _WHOLE_SOURCES.match(rows.strip()):
                db = self._datasette.get_database(database)
                kept = await db.execute_fn(
                    lambda conn: source_facets.source_list_counts(conn, column, limit))
                if kept is not None:
                    return _Results([{"value": v, "count": n} for v, n in kept])
            sql = source_facets.listed_values_sql(rows, column, limit)
        asked = facet_query(sql)
        if asked is not None:
            counts = await self._column_counts(database, *asked, params)
            if counts is not None:
                return _Results([{"value": v, "count": n} for v, n in counts])
        return await self._datasette.execute(database, sql, params, **kwargs)

    async def _column_counts(
        self, database: str, column: str, rows: str, limit: int, params: Any
    ) -> list[tuple[Any, int]] | None:
        if whole_table(rows):
            db = self._datasette.get_database(database)
            kept: list[tuple[Any, int]] | None = await db.execute_fn(
                lambda conn: read.facet_counts(conn, column, limit))
            return kept
        return await page_counts(self._datasette, self._request, database, rows, params,
                                 column, limit)


def _wrap(facet_class: Any, table: str) -> None:
    original = facet_class.facet_results
    if getattr(original, "_archive_counted", False):
        return

    async def facet_results(self: Any) -> Any:
        if self.table == table and not isinstance(self.ds, _Counted):
            self.ds = _Counted(self.ds, self.request)
        return await original(self)

    facet_results._archive_counted = True  # type: ignore[attr-defined]
    facet_class.facet_results = facet_results


def apply() -> None:
    from datasette.facets import ArrayFacet, ColumnFacet

    _wrap(ColumnFacet, "paragraphs")
    _wrap(ArrayFacet, "sources")
