"""The facets of a searched page of paragraphs, counted from one read of its rows.

A searched page keeps at most ``ranked.TOP_HITS`` paragraphs, and Datasette counts each facet
with a query of its own over them: nine facets (the paragraphs' source, role, language,
section and status, their sources' journal, year and classes) read the same thousand rows
nine times, which at a million paragraphs cost a search page more than its ranking. Here
they are read once, with their sources' values, and every facet is counted from that read
in the order Datasette's query would give (``counts``).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from . import source_facets
from .search_schema import FACET_COLUMNS

# A page's facet columns: the paragraphs' own, then their source's.
COLUMNS = (*FACET_COLUMNS, *source_facets.COLUMNS)


def rows_sql(where: str, limit: int) -> str:
    """SQL for the ``COLUMNS`` of at most ``limit + 1`` paragraphs that ``where`` (a WHERE
    clause over ``paragraphs``) selects; one more than ``limit`` says the page is larger."""
    own = ", ".join(f"p.{c}" for c in FACET_COLUMNS)
    theirs = ", ".join(f"s.{c}" for c in source_facets.COLUMNS)
    # The sources' values come from their covering index (0014), not their long rows.
    return (
        f"select {own}, {theirs} from (select {', '.join(FACET_COLUMNS)} from paragraphs "
        f"where {where} limit {limit + 1}) p "
        "left join sources s indexed by idx_sources_facets on s.key = p.source"
    )


def _each(value: Any, listed: bool) -> Iterable[Any]:
    """The values one row counts for a column: a list column's elements, as SQLite's
    ``json_each`` gives them (a malformed list gives none), else the value itself."""
    if not listed:
        return () if value is None else (value,)
    try:
        found = json.loads(value) if isinstance(value, str) else None
    except ValueError:
        return ()
    items = found.values() if isinstance(found, dict) else (
        found if isinstance(found, list) else [found])
    return [
        int(v) if isinstance(v, bool)
        else json.dumps(v, ensure_ascii=False, separators=(",", ":"))
        if isinstance(v, (list, dict)) else v
        for v in items if v is not None
    ]


def _sqlite_order(value: Any) -> tuple[int, Any]:
    # SQLite sorts numbers before text, and text by its bytes (code points, for UTF-8).
    if isinstance(value, (int, float)):
        return (0, value)
    return (1, value) if isinstance(value, str) else (2, bytes(value))


def counts(values: Sequence[Any], column: str, limit: int) -> list[tuple[Any, int]]:
    """The ``limit`` most frequent of ``values`` (a page's ``column``, one of ``COLUMNS``),
    most first, ties by value: what ``select col, count(*) … group by col order by count
    desc, value`` gives, a list column counted by each of its elements."""
    if column not in COLUMNS:
        raise ValueError(f"not a facet of a page of paragraphs: {column}")
    found: Counter[Any] = Counter()
    # Many rows share a source, so a list column is parsed once per distinct value.
    listed = column in source_facets.ARRAYS
    for value, times in Counter(values).items():
        for each in _each(value, listed):
            found[each] += times
    ordered = sorted(found.items(), key=lambda kv: (-kv[1], _sqlite_order(kv[0])))
    return ordered[:limit]
