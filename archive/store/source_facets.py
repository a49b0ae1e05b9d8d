"""Paragraphs counted and filtered by what their source says: journal, year, classes.

Facets of the paragraphs table by a column of ``sources``. Over a searched or filtered page
the rows shown are joined to their sources; over the whole table, the per-source counts the
store keeps (``paragraph_facets``, migration 0008) are summed by the sources' values, so a
million paragraphs cost a pass over their sources (one per fifty paragraphs or so), not over
the paragraphs.
"""

from __future__ import annotations

import sqlite3

# The sources' columns paragraphs are faceted and filtered by; the array columns hold a JSON
# list of values, each counted.
COLUMNS = ("journal", "year", "udc_classes", "grnti_classes")
ARRAYS = ("udc_classes", "grnti_classes")


def _column(column: str) -> str:
    if column not in COLUMNS:
        raise ValueError(f"not a facet of the paragraphs' sources: {column}")
    return column


def _values(column: str) -> tuple[str, str]:
    """The FROM tail and the value expression of one source's values of ``column``."""
    if column in ARRAYS:
        return f"join json_each(s.{column}) j", "j.value"
    return "", f"s.{column}"


def facet_sql(column: str, rows: str, limit: int) -> str:
    """Counts of the paragraphs selected by the SQL ``rows`` (with a ``source`` column) by
    their source's ``column``: (value, count), most first."""
    tail, value = _values(_column(column))
    return (
        f"select {value} as value, count(*) as count from ({rows}) p "
        f"join sources s on s.key = p.source {tail} where {value} is not null "
        f"group by {value} order by count desc, value limit {limit}"
    )


def whole_table_counts(
    conn: sqlite3.Connection, column: str, limit: int
) -> list[tuple[object, int]]:
    """Every paragraph's count by its source's ``column``, from the kept per-source counts."""
    tail, value = _values(_column(column))
    rows = conn.execute(
        f"select {value} as value, sum(f.count) as count from paragraph_facets f "
        f"join sources s on s.key = f.value {tail} "
        f"where f.name = 'source' and {value} is not null "
        f"group by {value} order by count desc, value limit ?",
        (limit,),
    )
    return [(v, int(n)) for v, n in rows]


def where(column: str, param: str) -> str:
    """A paragraphs WHERE clause: its source's ``column`` is (or, for a list, holds) the
    value of the named parameter."""
    column = _column(column)
    if column in ARRAYS:
        test = f"exists (select 1 from json_each(sources.{column}) where value = :{param})"
    else:
        test = f"sources.{column} = :{param}"
    return f"source in (select key from sources where {test})"
