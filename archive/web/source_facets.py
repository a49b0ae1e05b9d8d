"""Facets of the paragraphs table by their source's journal, year and classes.

A Datasette facet type, ``via_source`` (``_facet_via_source=journal`` in a URL, or
``{via_source: journal}`` in ``datasette.yaml``): Datasette's own facets count a column of
the table itself, and these values are the sources'. Choosing a value adds
``_source_<column>=<value>``, which the plugin's filter turns into a WHERE clause
(``filters``). The SQL is the store's (``store.source_facets``); a searched page's rows are
read once for all its facets (``web.facets.page_counts``).
"""

from __future__ import annotations

from typing import Any

from datasette.database import QueryInterrupted
from datasette.facets import Facet
from datasette.utils import path_with_added_args, path_with_removed_args

from ..store import source_facets
from .facets import page_counts, whole_table

TYPE = "via_source"
# What a facet is called on the page.
LABELS = {
    "journal": "journal",
    "year": "year",
    "udc_classes": "UDC class",
    "grnti_classes": "GRNTI class",
}


def param(column: str) -> str:
    return f"_source_{column}"


def filters(args: Any) -> tuple[list[str], dict[str, str], list[str]]:
    """WHERE clauses, their parameters and their descriptions for the ``_source_*`` values of
    a request's arguments."""
    clauses, params, described = [], {}, []
    for column in source_facets.COLUMNS:
        value = args.get(param(column), "").strip()
        if not value:
            continue
        name = f"archive_source_{column}"
        clauses.append(source_facets.where(column, name))
        params[name] = value
        described.append(f'{LABELS[column]} is "{value}"')
    return clauses, params, described


class SourceFacet(Facet):  # type: ignore[misc]  # Datasette ships no types
    type = TYPE

    async def suggest(self) -> list[Any]:
        return []

    async def facet_results(self) -> tuple[list[dict[str, Any]], list[str]]:
        results: list[dict[str, Any]] = []
        timed_out: list[str] = []
        size = self.get_facet_size()
        for item in self.get_configs():
            config = item["config"]
            column = config.get("column") or config.get("simple")
            if column not in source_facets.COLUMNS:
                continue
            try:
                rows = await self._counts(column, size + 1)
            except QueryInterrupted:
                timed_out.append(column)
                continue
            results.append(self._facet(column, rows, size, item["source"]))
        return results, timed_out

    async def _counts(self, column: str, limit: int) -> list[tuple[Any, int]]:
        if whole_table(self.sql, self.table):
            db = self.ds.get_database(self.database)
            return list(await db.execute_fn(
                lambda conn: source_facets.whole_table_counts(conn, column, limit)))
        counted = await page_counts(self.ds, self.request, self.database, self.sql,
                                    self.params, column, limit)
        if counted is not None:
            return counted
        found = await self.ds.execute(
            self.database, source_facets.facet_sql(column, self.sql, limit), self.params,
            truncate=False, custom_time_limit=self.ds.setting("facet_time_limit_ms"),
        )
        return [(row["value"], row["count"]) for row in found.rows]

    def _facet(
        self, column: str, rows: list[tuple[Any, int]], size: int, source: str
    ) -> dict[str, Any]:
        key = param(column)
        chosen = self.request.args.get(key)
        values = []
        for value, count in rows[:size]:
            text = str(value)
            selected = text == chosen
            path = (path_with_removed_args(self.request, {key: text}) if selected
                    else path_with_added_args(self.request, {key: text}))
            values.append({
                "value": text, "label": text, "count": count, "selected": selected,
                "toggle_url": self.ds.absolute_url(self.request, path),
            })
        return {
            "name": LABELS[column],
            "type": TYPE,
            "results": values,
            "hideable": source != "metadata",
            "toggle_url": self.ds.urls.path(
                path_with_removed_args(self.request, {f"_facet_{TYPE}": column})),
            "truncated": len(rows) > size,
        }
