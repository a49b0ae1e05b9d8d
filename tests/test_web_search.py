"""The published archive's search beyond the paragraphs' box: the sources table searched by
word form, and paragraphs faceted and filtered by their source's journal, year and classes."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import pytest
from datasette.app import Datasette
from test_datasette import KK, RU, _json, build_archive, served

from archive import search
from archive.store import ranked
from archive.web import landing


@pytest.fixture(scope="module")
def archive_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_archive(tmp_path_factory.mktemp("home") / "archive.db")


@pytest.fixture
async def ds(archive_db: Path) -> Any:
    instance = await served(archive_db)
    yield instance
    instance.close()


@pytest.mark.parametrize(
    ("query", "key"),
    [
        ("бітімгершілікке", KK),  # a form the title does not have
        ("миротворец", RU),  # the singular of the title's миротворцы
        ("Казакстан", KK),  # Kazakh typed on a Russian keyboard
        ("миссия", RU),
    ],
)
async def test_sources_box_finds_every_form(ds: Datasette, query: str, key: str) -> None:
    for param in ("_q", "_search"):  # the table's own box is renamed to the word forms
        data = await _json(ds, f"/archive/sources.json?{param}={quote(query)}")
        assert key in [row["key"] for row in data["rows"]], (param, query)
    html = (await ds.client.get(f"/archive/sources?_search={quote(query)}")).text
    assert f'value="{query}"' in html  # the box shows what was asked


async def test_sources_search_keeps_datasette_filters(ds: Datasette) -> None:
    data = await _json(ds, "/archive/sources.json?_q=миссия&language=kk")
    assert [row["key"] for row in data["rows"]] == [KK]


def _joined_counts(db: Path, column: str) -> dict[str, int]:
    conn = sqlite3.connect(db)
    value = "j.value" if column.endswith("_classes") else f"s.{column}"
    tail = f"join json_each(s.{column}) j" if column.endswith("_classes") else ""
    rows = conn.execute(f"select {value}, count(*) from paragraphs p join sources s "
                        f"on s.key = p.source {tail} group by {value}").fetchall()
    conn.close()
    return {str(v): n for v, n in rows if v is not None}


@pytest.mark.parametrize(
    ("column", "name"),
    [("journal", "journal"), ("year", "year"), ("udc_classes", "UDC class"),
     ("grnti_classes", "GRNTI class")],
)
async def test_paragraphs_facet_by_their_sources(
    ds: Datasette, archive_db: Path, column: str, name: str
) -> None:
    # The whole table's counts come from the kept per-source counts: the same as a join.
    data = await _json(ds, "/archive/paragraphs.json?_extra=facet_results")
    facet = data["facet_results"]["results"][name]
    assert {v["value"]: v["count"] for v in facet["results"]} == _joined_counts(archive_db, column)
    # Choosing a value filters the table to that source's paragraphs.
    chosen = facet["results"][0]
    url = urlsplit(chosen["toggle_url"])
    filtered = await _json(ds, f"{url.path}?{url.query}&_extra=count")
    assert filtered["count"] == chosen["count"]
    again = filtered["facet_results"]["results"][name]["results"]
    assert [(v["value"], v["selected"]) for v in again] == [(chosen["value"], True)]


async def test_source_facets_of_a_search_count_its_hits(ds: Datasette) -> None:
    data = await _json(ds, "/archive/paragraphs.json?_q=миротворец&_extra=facet_results"
                       "&_extra=count&_size=100")
    journals = data["facet_results"]["results"]["journal"]["results"]
    assert sum(v["count"] for v in journals) == data["count"] > 0
    assert {v["value"] for v in journals} == {"Zakon.kz"}
    assert all(row["source"] == RU for row in data["rows"])


# ---- the landing page -----------------------------------------------------------------------


def _results(html: str) -> list[str]:
    return re.findall(r'<li class="archive-result" data-id="([^"]+)"', html)


async def test_landing_page_opens_on_one_search_box(ds: Datasette) -> None:
    html = (await ds.client.get("/")).text
    assert len(re.findall(r'<input type="search" name="q"', html)) == 1
    assert "stable IDs" in html and "AGPL-3.0-or-later" in html
    assert 'href="/archive/paragraphs"' in html


async def test_landing_page_ranks_word_forms_with_marks_and_cite_links(
    ds: Datasette, archive_db: Path
) -> None:
    html = (await ds.client.get("/?q=" + quote("бітімгершілікке"))).text
    found = _results(html)
    conn = sqlite3.connect(archive_db)
    tiers = search.tiers("бітімгершілікке")
    assert tiers is not None
    best = ranked.best_rowids(conn, *tiers)
    ids = {r: i for r, i in conn.execute("select rowid, id from paragraphs where status='live'")}
    assert found == [ids[r] for r in best if r in ids][:landing.PAGE]  # the table's ranking
    assert "<mark>бітімгершілік</mark>" in html and "<mark>бітімгершілікке</mark>" in html
    assert f'href="/archive/paragraphs/{found[0]}#cite-this-paragraph"' in html
    for heading in ("Language", "Role", "Journal", "Year", "UDC class", "GRNTI class"):
        assert f"<h3>{heading}</h3>" in html


async def test_landing_page_facets_filter_the_hits(ds: Datasette) -> None:
    everything = _results((await ds.client.get("/?q=" + quote("миссия"))).text)
    html = (await ds.client.get("/?q=" + quote("миссия") + "&lang=ru")).text
    russian = _results(html)
    assert '<li class="selected">' in html  # the chosen value, with a link that removes it
    kazakh = _results((await ds.client.get("/?q=" + quote("миссия") + "&lang=kk")).text)
    assert russian and all(pid.startswith(RU) for pid in russian)
    assert kazakh and all(pid.startswith(KK) for pid in kazakh)
    assert sorted(russian + kazakh) == sorted(everything)
    html = (await ds.client.get("/?q=" + quote("миссия") + "&journal=nowhere")).text
    assert _results(html) == []


async def test_landing_page_escapes_the_text_it_marks(ds: Datasette) -> None:
    html = (await ds.client.get("/?q=" + quote('<b>"'))).text
    assert "<b>" not in html.split("<body", 1)[1].replace("<b>\"", "")
