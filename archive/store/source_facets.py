"""Paragraphs counted and filtered by what their source says: journal, year, classes.

Facets of the paragraphs table by a column of ``sources``. Over a searched or filtered page
the rows shown are joined to their sources; over the whole table, the counts are those the
store keeps by triggers (``paragraph_source_facets``, migration 0014), so a million
paragraphs cost nothing to count.
"""

from __future__ import annotations

import sqlite3

# The sources' columns paragraphs are faceted and filtered by; the array columns hold a JSON
# list of values, each counted.
COLUMNS = ("journal", "year", "udc_classes", "grnti_classes")
ARRAYS = ("udc_classes", "grnti_classes")
# The sources' own lists whose values the store counts (migration 0015).
LISTS = ("author_names", "udc_classes", "grnti_classes", "udc", "grnti")


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
    """Every paragraph's count by its source's ``column``, as the store keeps them
    (``paragraph_source_facets``, migration 0014)."""
    rows = conn.execute(
        "SELECT value, count FROM paragraph_source_facets WHERE name = ? "
        "ORDER BY count DESC, value LIMIT ?",
        (_column(column), limit),
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


def listed_values_sql(rows: str, column: str, limit: int) -> str:
    """Counts of the sources selected by the SQL ``rows`` by each value of their JSON list
    ``column`` (a source listing a value twice counts once), most first. Datasette's own
    array facet keeps every column of every row to tell the rows apart, which reads a
    source's long abstracts too; this reads only the key and the list."""
    if not column.isidentifier():
        raise ValueError(f"not a column: {column}")
    return (
        f"select j.value as value, count(distinct i.key) as count from ({rows}) i, "
        f"json_each(i.[{column}]) j group by j.value order by count desc, value limit {limit}"
    )


def source_list_counts(
    conn: sqlite3.Connection, column: str, limit: int
) -> list[tuple[object, int]] | None:
    """Every source's count by each value of its list ``column``, as the store keeps them
    (``source_list_facets``, migration 0015); None for a list it does not count."""
    if column not in LISTS:
        return None
    rows = conn.execute(
        "SELECT value, count FROM source_list_facets WHERE name = ? "
        "ORDER BY count DESC, value LIMIT ?",
        (column, limit),
    )
    return [(v, int(n)) for v, n in rows]
