"""The paragraphs table searched at scale, over a small synthetic archive of the benchmark's
kind (bench/synthetic_archive.py): a searched page's facets are counted from one read of its
kept hits and say what Datasette's own facet queries over those hits would say; its hits are
found and counted once, ranked by role weights sought in the index of roles as the rows'
roles would rank them, and a phrase's are phrases."""

from __future__ import annotations

import json
import sqlite3
import sys
from itertools import pairwise
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from datasette.app import Datasette
from test_datasette import _json, served

from archive import search
from archive.store import page_facets, ranked, source_facets
from archive.web import source_facets as web_source_facets

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import synthetic_archive

_LABELS = {c: web_source_facets.LABELS[c] for c in source_facets.COLUMNS}


@pytest.fixture(scope="module")
def archive_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("synthetic")
    synthetic_archive.build(home, 1_500, pooled=400, jobs=1)
    return home / "archive.db"


@pytest.fixture
async def ds(archive_db: Path) -> Any:
    instance = await served(archive_db, trace_debug=True)
    yield instance
    instance.close()


def _expected(
    db: Path, query: str, where: str, params: dict[str, str], size: int
) -> dict[str, list[tuple[str, int]]]:
    """Each facet of a searched page as Datasette's own queries count it over the kept hits:
    the table's columns by ``group by``, the sources' by ``store.source_facets.facet_sql``."""
    conn = sqlite3.connect(db)
    table, expressions = search.tiers(query)  # type: ignore[misc]
    hits = ranked.best_rowids(conn, table, expressions, ranked.TOP_HITS)
    rows = f"select * from paragraphs where rowid in (select value from json_each(:hits)){where}"
    values = {"hits": json.dumps(hits), **params}
    found = {}
    for column in page_facets.COLUMNS:
        if column in source_facets.COLUMNS:
            sql = source_facets.facet_sql(column, rows, size + 1)
            name = _LABELS[column]
        else:
            sql = (f"select {column} as value, count(*) as count from ({rows}) where {column} "
                   f"is not null group by {column} order by count desc, value limit {size + 1}")
            name = column
        found[name] = [(str(v), n) for v, n in conn.execute(sql, values)]
    conn.close()
    return found


def _facets(data: Any) -> dict[str, list[tuple[str, int]]]:
    return {
        name: [(str(v["value"]), v["count"]) for v in facet["results"]]
        for name, facet in data["facet_results"]["results"].items()
    }


@pytest.mark.parametrize(
    ("query", "args", "where", "params"),
    [
        ("Республика", "", "", {}),  # a word in most paragraphs
        ('"миротворческих миссиях"', "", "", {}),  # a phrase
        ("Республика", "&role=body", " and role = :role", {"role": "body"}),
        ("Республика", "&_source_year=2018",
         " and source in (select key from sources where sources.year = :year)",
         {"year": "2018"}),
    ],
)
async def test_searched_page_facets_count_its_hits(
    ds: Datasette, archive_db: Path, query: str, args: str, where: str, params: dict[str, str]
) -> None:
    size = 5  # small enough that many facets are truncated, and ties cut
    data = await _json(ds, f"/archive/paragraphs.json?_q={quote(query)}{args}"
                           f"&_facet_size={size}&_extra=facet_results")
    expected = _expected(archive_db, query, where, params, size)
    got = _facets(data)
    assert data["rows"] and len(expected["journal"]) > 1
    for name, values in expected.items():
        assert got[name] == values[:size], name
        assert data["facet_results"]["results"][name]["truncated"] == (len(values) > size)


async def test_searched_page_reads_its_facet_rows_once(ds: Datasette) -> None:
    # Nine facets (and the same three asked again) cost one read of the kept hits.
    data = await _json(ds, "/archive/paragraphs.json?_q=Республика&_facet=role&_facet=lang"
                           "&_facet=source&_extra=facet_results&_trace=1")
    statements = [" ".join(t["sql"].split()) for t in data["_trace"]["traces"] if "sql" in t]
    read = page_facets.rows_sql("", 0).split(" where ")[0]
    assert sum(s.startswith(read) for s in statements) == 1
    assert not [s for s in statements if "count(*) as count" in s]
    assert len(data["facet_results"]["results"]) == 12


async def test_page_wider_than_a_search_keeps_is_counted_by_sql(
    ds: Datasette, archive_db: Path
) -> None:
    # ``_where`` may OR the kept hits with every row: the read sees more rows than a search
    # keeps, and Datasette's own queries count the whole table.
    data = await _json(ds, "/archive/paragraphs.json?_q=KAZCENT&_where=1%20or%201"
                           "&_extra=facet_results&_extra=count")
    conn = sqlite3.connect(archive_db)
    total = conn.execute("select count(*) from paragraphs").fetchone()[0]
    whole = conn.execute("select role, count(*) from paragraphs group by role "
                         "order by 2 desc, 1 limit 30").fetchall()
    conn.close()
    assert data["count"] == total > ranked.TOP_HITS
    assert _facets(data)["role"] == [(str(v), n) for v, n in whole]


def _sqlite_counts(values: list[Any], listed: bool) -> list[tuple[Any, int]]:
    conn = sqlite3.connect(":memory:")
    conn.execute("create table t (v)")
    conn.executemany("insert into t values (?)", [(v,) for v in values])
    rows = "select j.value as v from t join json_each(t.v) j" if listed else "select v from t"
    found = conn.execute(f"select v, count(*) as n from ({rows}) where v is not null "
                         "group by v order by n desc, v").fetchall()
    conn.close()
    return found


@pytest.mark.parametrize(
    ("column", "values"),
    [
        # Ties by value: SQLite's numbers before text, text by its bytes.
        ("year", [2020, 1999, None, 2020, 1999.5, "2001"]),
        ("role", ["б", "a", "Z", "a", "ä", "Б", None]),
        # A list column counts each element, a JSON null none.
        ("udc_classes", ['["3 Social", "3 Social", "5 Maths"]', None, "[null, 7]", "[true]",
                         '["5 Maths", [1, 2]]', '{"a": "5 Maths"}', '"3 Social"']),
    ],
)
def test_counts_order_as_sqlite_does(column: str, values: list[Any]) -> None:
    listed = column in source_facets.ARRAYS
    assert page_facets.counts(values, column, 10) == _sqlite_counts(values, listed)


def test_malformed_list_counts_nothing() -> None:
    # SQLite's json_each fails the whole query on it; one bad source must not.
    values = ["not json", '["10 Law"]', '["10 Law"]']
    assert page_facets.counts(values, "grnti_classes", 10) == [("10 Law", 2)]


async def test_searched_page_finds_and_counts_its_hits_once(
    ds: Datasette, archive_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The filter's ranking counts the hits as it finds the window; the count above the
    # table reads that instead of searching again.
    calls = []
    best_hits = ranked.best_hits

    def counted(*args: Any, **kwargs: Any) -> ranked.Hits:
        calls.append(args[1:])
        return best_hits(*args, **kwargs)

    monkeypatch.setattr(ranked, "best_hits", counted)
    query = "Казакстан"  # two tiers: the word's forms, and its Kazakh reading
    html = (await ds.client.get(f"/archive/paragraphs?_q={quote(query)}")).text
    table, expressions = search.tiers(query)  # type: ignore[misc]
    assert len(expressions) == 2 and len(calls) == 1
    conn = sqlite3.connect(archive_db)
    total = sum(conn.execute(f"select count(*) from {table} where {table} match ?",
                             [e]).fetchone()[0] for e in expressions)
    conn.close()
    assert 0 < total < ranked.COUNT_CAP
    assert f'data-total="{total:,}"' in html


@pytest.mark.parametrize("query", ["Республика", '"миротворческих миссиях"', "KAZCENT"])
def test_role_weights_sought_in_the_index_rank_as_the_rows_say(
    archive_db: Path, query: str
) -> None:
    conn = sqlite3.connect(archive_db)
    table, (expression, *_) = search.tiers(query)  # type: ignore[misc]
    # Each hit's score weighted by the role its row holds.
    cases = " ".join(f"when '{r}' then {w}" for r, w in ranked.ROLE_WEIGHTS.items())
    weight = f"(case p.role {cases} else 1.0 end)"
    rows = conn.execute(
        f"select t.rowid, t.rank * {weight}, {weight} from {table} t "
        f"join paragraphs p on p.rowid = t.rowid where {table} match ?", [expression]).fetchall()
    score = {rowid: s for rowid, s, _ in rows}
    assert {w for _, _, w in rows} >= {1.0, 1.5}  # hits in the body, abstracts or keywords
    found = ranked.best_rowids(conn, table, [expression], len(score))
    conn.close()
    assert sorted(found) == sorted(score)
    assert [score[r] for r in found] == sorted(score.values())


async def test_phrase_page_holds_phrases_only(ds: Datasette) -> None:
    # Both words in any order find more paragraphs than the phrase; every row the phrase
    # finds has some form of the one word right before some form of the other.
    words = await _json(ds, "/archive/paragraphs.json?_q=" + quote("миротворческих миссиях")
                        + "&_size=max&_extra=count")
    phrase = await _json(ds, "/archive/paragraphs.json?_q=" + quote('"миротворческих миссиях"')
                         + "&_size=max&_extra=count")
    assert 0 < phrase["count"] < words["count"]
    first, second = (set(search.query_terms(w)) for w in ("миротворческих", "миссиях"))
    for row in phrase["rows"]:
        terms = search.stem_text(row["text"], row["lang"]).split()
        assert any(a in first and b in second for a, b in pairwise(terms)), row["id"]
