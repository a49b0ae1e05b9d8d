"""Facets of the whole paragraphs table from the counts the archive keeps.

Datasette counts a facet with ``select col, count(*) … group by col`` over the rows shown:
over a whole table of a million paragraphs that is a tenth of a second per facet, on every
view of the table's first page. The store keeps those counts (``paragraph_facets``, migration
0006, kept by triggers), so when a column facet is asked of the unfiltered paragraphs table
its query is answered from them. A filtered or searched page is counted by Datasette as
before (a search keeps at most ``store.ranked.TOP_HITS`` rows, so that stays cheap).

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

from ..store import read, source_facets

_FACET_SQL = re.compile(
    r"^\s*select (?P<col>\S+) as value, count\(\*\) as count from \(\s*(?P<inner>.*?)\s*\)"
    r"\s*where (?P=col) is not null\s*group by (?P=col) order by count desc, value "
    r"limit (?P<limit>\d+)\s*$",
    re.S,
)
_WHOLE_TABLE = re.compile(r"^select .* from (?:\[paragraphs\]|paragraphs)$", re.S)
_WHOLE_SOURCES = re.compile(r"^select .* from (?:\[sources\]|sources)$", re.S)
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


def counted_query(sql: str) -> tuple[str, int] | None:
    """(column, limit) when ``sql`` is Datasette's facet query over the whole paragraphs
    table, else None."""
    found = _FACET_SQL.match(sql)
    if found is None or not whole_table(found.group("inner")):
        return None
    return found.group("col").strip("[]"), int(found.group("limit"))


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
    """A Datasette whose facet query over the whole paragraphs table reads the kept counts."""

    def __init__(self, datasette: Any) -> None:
        self._datasette = datasette

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
        asked = counted_query(sql)
        if asked is not None:
            column, limit = asked
            db = self._datasette.get_database(database)
            counts = await db.execute_fn(lambda conn: read.facet_counts(conn, column, limit))
            if counts is not None:
                return _Results([{"value": v, "count": n} for v, n in counts])
        return await self._datasette.execute(database, sql, params, **kwargs)


def _wrap(facet_class: Any, table: str) -> None:
    original = facet_class.facet_results
    if getattr(original, "_archive_counted", False):
        return

    async def facet_results(self: Any) -> Any:
        if self.table == table and not isinstance(self.ds, _Counted):
            self.ds = _Counted(self.ds)
        return await original(self)

    facet_results._archive_counted = True  # type: ignore[attr-defined]
    facet_class.facet_results = facet_results


def apply() -> None:
    from datasette.facets import ArrayFacet, ColumnFacet

    _wrap(ColumnFacet, "paragraphs")
    _wrap(ArrayFacet, "sources")
