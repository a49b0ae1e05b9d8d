"""Facets of the whole paragraphs and sources tables from the counts the archive keeps.

Datasette counts a facet with ``select col, count(*) … group by col`` over the rows shown:
over a whole table of a million paragraphs that is a tenth of a second per facet, on every
view of the table's first page; an array facet (the sources' authors, UDC and GRNTI codes)
copies every row once per value, and ran out of time past a few thousand sources. The store
keeps those counts (``paragraph_facets``, migration 0008; ``source_facets``, 0013; kept by
triggers), so when a kept facet is asked of the unfiltered table its query is answered
from them. A filtered or searched page is counted by Datasette as before (a search keeps at
most ``store.ranked.TOP_HITS`` rows, so that stays cheap).

Datasette has no hook for this: ``apply()`` wraps ``ColumnFacet.facet_results`` and
``ArrayFacet.facet_results`` so that they see a ``Datasette`` whose ``execute`` recognises
those queries; everything else passes through. It is idempotent and called from the
plugin's ``startup`` hook.
"""

from __future__ import annotations

import re
from typing import Any

from ..store import read
from ..store.records import KEPT_FACETS

_FACET_SQL = re.compile(
    r"^\s*select (?P<col>\S+) as value, count\(\*\) as count from \(\s*(?P<inner>.*?)\s*\)"
    r"\s*where (?P=col) is not null\s*group by (?P=col) order by count desc, value "
    r"limit (?P<limit>\d+)\s*$",
    re.S,
)
_ARRAY_SQL = re.compile(
    r"^\s*with inner as \((?P<inner>.*?)\),\s*deduped_array_items as \(\s*select\s+"
    r"distinct j\.value,\s*inner\.\*\s+from\s+json_each\(\[inner\]\.(?P<col>\S+)\) j\s+"
    r"join inner\s*\)\s*select\s+value as value,\s*count\(\*\) as count\s+from\s+"
    r"deduped_array_items\s+group by\s+value\s+order by\s+count\(\*\) desc, value "
    r"limit (?P<limit>\d+)\s*$",
    re.S,
)
_WHOLE_TABLE = re.compile(r"^select .* from \[?(?P<table>paragraphs|sources)\]?$", re.S)


def counted_query(sql: str) -> tuple[str, str, int] | None:
    """(table, facet, limit) when ``sql`` is Datasette's facet query over the whole
    paragraphs or sources table (the facet an array one's column with ``[]``), else None."""
    for pattern, suffix in ((_FACET_SQL, ""), (_ARRAY_SQL, "[]")):
        found = pattern.match(sql)
        if found is None:
            continue
        whole = _WHOLE_TABLE.match(found.group("inner").strip())
        if whole is None:
            return None
        column = found.group("col").strip("[]") + suffix
        return whole.group("table"), column, int(found.group("limit"))
    return None


class _Results:
    """The part of Datasette's ``Results`` a facet reads."""

    def __init__(self, rows: list[dict[str, Any]]) -> None:
        self.rows = rows

    def __len__(self) -> int:
        return len(self.rows)


class _Counted:
    """A Datasette whose facet queries over a whole table read the kept counts."""

    def __init__(self, datasette: Any) -> None:
        self._datasette = datasette

    def __getattr__(self, name: str) -> Any:
        return getattr(self._datasette, name)

    async def execute(self, database: str, sql: str, params: Any = None, **kwargs: Any) -> Any:
        asked = counted_query(sql)
        if asked is not None:
            table, column, limit = asked
            db = self._datasette.get_database(database)
            counts = await db.execute_fn(
                lambda conn: read.facet_counts(conn, column, limit, table))
            if counts is not None:
                return _Results([{"value": v, "count": n} for v, n in counts])
        return await self._datasette.execute(database, sql, params, **kwargs)


def _wrap(facet_class: Any) -> None:
    original = facet_class.facet_results
    if getattr(original, "_archive_counted", False):
        return

    async def facet_results(self: Any) -> Any:
        if self.table in KEPT_FACETS and not isinstance(self.ds, _Counted):
            self.ds = _Counted(self.ds)
        return await original(self)

    facet_results._archive_counted = True  # type: ignore[attr-defined]
    facet_class.facet_results = facet_results


def apply() -> None:
    from datasette.facets import ArrayFacet, ColumnFacet

    _wrap(ColumnFacet)
    _wrap(ArrayFacet)
