"""Publishing through Datasette: datasette.yaml takes effect, and the plugin's pages work.

The archive database is built directly with the real schema (``archive.store.schema``) and the
real word-form indexer (``archive.search.stem_text``) from the two seed files, so these tests
depend on neither the extractors nor the ingest pipeline.
"""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
import sqlite_utils
import yaml
from datasette.app import Datasette

from archive.search import INDEX_VERSION, stem_text
from archive.store import ranked
from archive.store.schema import migrate
from archive.store.source_forms import rebuild_sources
from archive.store.write import unindex_word_forms

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CONFIG = ROOT / "datasette.yaml"
KK = "kalila-2024"
RU = "zakon-kz-2025-10-23"
AT = "2026-01-01T00:00:00+00:00"


def _seed_paragraphs(name: str) -> list[str]:
    """Paragraphs of a seed file: blank-line separated, lines joined, photo credits dropped."""
    text = next(SEEDS.glob(f"{name}_*.txt")).read_text(encoding="utf-8")
    paragraphs = [" ".join(chunk.split()) for chunk in re.split(r"\n\s*\n", text)]
    return [p for p in paragraphs if p and not p.startswith(("Фото:", "date "))]


def _add_paragraphs(
    db: sqlite_utils.Database, key: str, sha: str, texts: list[str], lang: str
) -> None:
    for seq, text in enumerate(texts, start=1):
        pid = f"{key}-p{seq}"
        db["paragraphs"].insert(
            {
                "id": pid,
                "source": key,
                "label": str(seq),
                "seq": seq,
                "page": 1 + seq // 8,
                "role": "heading" if len(text) < 40 else "body",
                "lang": lang,
                "section": None,
                "text": text,
                "status": "live",
                "fingerprint": f"fp-{key}-{seq}",
                "file_sha256": sha,
                "first_text": text,
                "updated_at": AT,
            }
        )
        rowid = db.execute("SELECT rowid FROM paragraphs WHERE id = ?", [pid]).fetchone()[0]
        db.execute(
            "INSERT INTO paragraphs_stems(rowid, stems) VALUES (?, ?)",
            [rowid, stem_text(text, lang)],
        )
        db["paragraph_versions"].insert(
            {
                "paragraph_id": pid,
                "source": key,
                "file_sha256": sha,
                "ingest_id": 1,
                "text": None,  # the paragraph's own text, stored once (as the store writes)
                "fingerprint": f"fp-{key}-{seq}",
                "norm_version": "norm-v1",
                "match_kind": "new",
                "similarity": None,
                "review": 0,
                "related": "[]",
                "at": AT,
            }
        )


def _tombstone(db: sqlite_utils.Database, key: str, label: str, kind: str, into: list[str]) -> None:
    pid = f"{key}-p{label}"
    status = {"merged_into": "merged", "split_into": "split"}.get(kind, "deleted")
    with db.atomic():
        unindex_word_forms(db.conn, pid, stem_text)  # as the store retires a paragraph
        db.execute("UPDATE paragraphs SET status = ? WHERE id = ?", [status, pid])
    db["paragraph_versions"].insert(
        {
            "paragraph_id": pid,
            "source": key,
            "file_sha256": "b" * 64,
            "ingest_id": 2,
            "text": None,
            "match_kind": kind,
            "related": json.dumps([f"{key}-p{other}" for other in into]),
            "at": AT,
        }
    )


def build_archive(path: Path) -> Path:
    """An ``archive.db`` with both seeds as sources, lineage and two tombstones."""
    db = sqlite_utils.Database(path)
    migrate(db)
    db["ingests"].insert({"id": 1, "started_at": AT, "tool_version": "archive test"})
    db["sources"].insert(
        {
            "key": KK,
            "title": "Қазақстан Республикасы Қарулы Күштерінің БҰҰ бітімгершілік миссияларына "
            "қатысуының құқықтық аспектілері",
            "display_title": "Қазақстан Республикасы Қарулы Күштерінің БҰҰ бітімгершілік "
            "миссияларына қатысуының құқықтық аспектілері",
            "authors": json.dumps([{"family": "Қалила", "given": "Асқар"}], ensure_ascii=False),
            "author_names": json.dumps(["Қалила Асқар"], ensure_ascii=False),
            "year": 2024,
            "journal": "Құқық және мемлекет",
            "issue": "4 (105)",
            "first_page": 35,
            "last_page": 42,
            "doi": "10.51634/2307-5201_2024_4_35",
            "udc": json.dumps(["341.1"]),
            "udc_classes": json.dumps(["3 Social sciences"]),
            "grnti": json.dumps(["10.87.27"]),
            "grnti_classes": json.dumps(["10 Law"]),
            "language": "kk",
            "kind": "article-journal",
            "abstracts_text": "Бітімгершілік миссиялар туралы мақала.",
            "keywords_text": "бітімгершілік ; БҰҰ",
            "created_at": AT,
        }
    )
    db["sources"].insert(
        {
            "key": RU,
            "title": "Казахстанские миротворцы в миссиях ООН",
            "display_title": "Казахстанские миротворцы в миссиях ООН",
            "authors": "[]",
            "author_names": "[]",
            "year": 2025,
            "date": "2025-10-23",
            "journal": "Zakon.kz",
            "udc": "[]",
            "udc_classes": "[]",
            "grnti": "[]",
            "grnti_classes": "[]",
            "language": "ru",
            "kind": "webpage",
            "url": "https://www.zakon.kz/",
            "created_at": AT,
        }
    )
    for sha, key, name in (("a" * 64, KK, "000.txt"), ("c" * 64, RU, "001.txt")):
        db["files"].insert(
            {
                "sha256": sha,
                "algorithm": "sha256",
                "source": key,
                "size": 100,
                "media_type": "text/plain",
                "original_name": name,
                "extractor": "text",
                "first_seen": AT,
                "ingest_id": 1,
            }
        )
    # The seed has only the bare form of "бітімгершілік"; one sentence adds the dative.
    extra = "Қазақстан бітімгершілікке 2003 жылдан бері қатысады."
    _add_paragraphs(db, KK, "a" * 64, [*_seed_paragraphs("000"), extra], "kk")
    _add_paragraphs(db, RU, "c" * 64, _seed_paragraphs("001"), "ru")
    # A later file corrected a typo in one paragraph: same ID, new text, lineage of two.
    edited = f"{KK}-p3"
    first = db["paragraphs"].get(edited)["text"]
    db["paragraphs"].update(edited, {"text": first.replace("Зерттеудің", "Зерттеу жұмысының")})
    db["paragraph_versions"].insert(
        {
            "paragraph_id": edited,
            "source": KK,
            "file_sha256": "b" * 64,
            "ingest_id": 2,
            "text": first.replace("Зерттеудің", "Зерттеу жұмысының"),
            "match_kind": "fuzzy",
            "similarity": 0.93,
            "review": 0,
            "related": "[]",
            "at": AT,
        }
    )
    _tombstone(db, RU, "3", "merged_into", ["2"])
    _tombstone(db, RU, "5", "deleted", [])
    with db.conn:  # the sources' word forms, as an ingest indexes them
        rebuild_sources(db.conn, stem_text, INDEX_VERSION)
    db.close()
    return path


@pytest.fixture(scope="module")
def archive_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_archive(tmp_path_factory.mktemp("home") / "archive.db")


async def served(db: Path, **settings: Any) -> Datasette:
    """A Datasette on ``db`` with the project's configuration (and these settings)."""
    config = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    config.setdefault("settings", {}).update(settings)
    instance = Datasette([str(db)], config=config)
    await instance.invoke_startup()
    return instance


@pytest.fixture
async def ds(archive_db: Path) -> Any:
    instance = await served(archive_db)
    yield instance
    instance.close()


async def _json(ds: Datasette, path: str) -> Any:
    response = await ds.client.get(path)
    assert response.status_code == 200, (path, response.text[:500])
    return response.json()


# ---- configuration takes effect -----------------------------------------------------------------


async def test_home_page_shows_title_description_and_licence(ds: Datasette) -> None:
    html = (await ds.client.get("/")).text
    assert re.search(r"<title>Document archive\b", html)
    assert "stable IDs" in html
    assert "AGPL-3.0-or-later" in html
    assert "own rights" in html


async def test_deployment_metadata_wins_over_defaults(archive_db: Path) -> None:
    config = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    config["plugins"] = {"archive": {"description": "Our own corpus of court decisions."}}
    instance = Datasette([str(archive_db)], config=config, metadata={"title": "Court archive"})
    await instance.invoke_startup()
    try:
        html = (await instance.client.get("/")).text
    finally:
        instance.close()
    assert re.search(r"<title>Court archive\b", html)
    assert "Our own corpus of court decisions." in html and "stable IDs" not in html
    assert "AGPL-3.0-or-later" in html


async def test_other_databases_are_left_alone(tmp_path: Path) -> None:
    other = tmp_path / "cities.db"
    sqlite_utils.Database(other)["cities"].insert({"name": "Almaty"})
    instance = Datasette([str(other)])
    await instance.invoke_startup()
    try:
        assert await instance.get_instance_metadata() == {}
        assert (await instance.client.get("/-/p/x-p1")).status_code == 404
        assert "Cite this" not in (await instance.client.get("/cities/cities/1")).text
    finally:
        instance.close()


async def test_paragraphs_list_in_reading_order_source_by_source(ds: Datasette) -> None:
    data = (await ds.client.get("/archive/paragraphs.json?_shape=array&_size=max")).json()
    order = [(row["source"], row["seq"]) for row in data]
    assert order == sorted(order)
    assert len({source for source, _ in order}) > 1


async def test_both_tables_render(ds: Datasette) -> None:
    for table in ("sources", "paragraphs"):
        response = await ds.client.get(f"/archive/{table}")
        assert response.status_code == 200
    html = (await ds.client.get(f"/archive/paragraphs?source={RU}")).text
    # The source column is a labelled link to the source row (label column = title).
    assert f'href="/archive/sources/{RU}"' in html
    assert "Казахстанские миротворцы в миссиях ООН" in html


async def test_untitled_source_is_linked_by_its_key(archive_db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "archive.db"
    copy.write_bytes(archive_db.read_bytes())
    sqlite_utils.Database(copy).execute(
        "UPDATE sources SET title = NULL, display_title = NULL WHERE key = ?", [RU])
    config = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    instance = Datasette([str(copy)], config=config)
    await instance.invoke_startup()
    try:
        html = (await instance.client.get(f"/archive/paragraphs?source={RU}")).text
    finally:
        instance.close()
    assert f'<a href="/archive/sources/{RU}">{RU}</a>' in html
    assert ">None<" not in html


async def test_configured_facets_are_applied(ds: Datasette) -> None:
    data = await _json(ds, "/archive/paragraphs.json?_extra=facet_results")
    facets = data["facet_results"]["results"]
    assert {"source", "role", "lang", "section"} <= set(facets)
    langs = {item["value"]: item["count"] for item in facets["lang"]["results"]}
    assert langs["ru"] > 0 and langs["kk"] > 0
    data = await _json(ds, "/archive/sources.json?_extra=facet_results")
    facets = data["facet_results"]["results"]
    assert {"language", "year", "journal", "kind", "author_names", "udc_classes"} <= set(facets)
    assert facets["author_names"]["type"] == "array"
    names = [item["value"] for item in facets["author_names"]["results"]]
    assert names == ["Қалила Асқар"]


async def test_requested_facet_filters(ds: Datasette) -> None:
    data = await _json(ds, "/archive/paragraphs.json?_facet=status&_extra=facet_results")
    results = data["facet_results"]["results"]["status"]["results"]
    statuses = {item["value"]: item["count"] for item in results}
    assert statuses == {"live": statuses["live"], "merged": 1, "deleted": 1}
    data = await _json(ds, "/archive/paragraphs.json?role=heading&_extra=count")
    assert data["count"] > 0 and all(row["role"] == "heading" for row in data["rows"])


async def test_default_sort_and_column_descriptions(ds: Datasette) -> None:
    data = await _json(ds, f"/archive/paragraphs.json?source={RU}&_size=100")
    seqs = [row["seq"] for row in data["rows"]]
    assert seqs == sorted(seqs) and len(seqs) > 5
    html = (await ds.client.get("/archive/paragraphs")).text
    assert "Paragraph ID: &lt;source key&gt;-p&lt;label&gt;" in html


async def test_sources_search_covers_keywords_and_authors(ds: Datasette) -> None:
    for query in ("БҰҰ", "қалила", "миротворцы"):
        data = await _json(ds, f"/archive/sources.json?_search={query}")
        assert [row["key"] for row in data["rows"]] == [RU if query == "миротворцы" else KK]


async def test_hidden_tables_are_hidden(ds: Datasette) -> None:
    data = await _json(ds, "/archive.json")
    visible = {t["name"] for t in data["tables"] if not t["hidden"]}
    assert {"sources", "paragraphs", "paragraph_versions", "files"} <= visible
    for table in ("_migrations", "paragraphs_stems", "paragraphs_stems_data", "paragraphs_fts",
                  "paragraph_facets"):
        assert table not in visible


async def test_search_ignores_case_of_cyrillic(ds: Datasette) -> None:
    data = await _json(ds, "/archive/paragraphs.json?_search=РЕСПУБЛИКАСЫ&_size=100")
    assert data["rows"]
    assert all("республикасы" in row["text"].lower() for row in data["rows"])
    assert any("Республикасы" in row["text"] for row in data["rows"])


async def test_stored_search_ranks_and_highlights(ds: Datasette) -> None:
    data = await _json(ds, "/archive/search.json?q=казахстан+ЛИВАН&_shape=objects")
    rows = data["rows"]
    assert [row["id"] for row in rows] == [f"{RU}-p2"]
    assert "<mark>Ливан</mark>" in rows[0]["snippet"]
    assert rows[0]["source_title"] == "Казахстанские миротворцы в миссиях ООН"
    html = (await ds.client.get("/archive/search?q=Ливан")).text
    assert "<mark>Ливан</mark>" in html  # rendered as HTML, not escaped
    assert f'<a href="/-/p/{RU}-p2">{RU}-p2</a>' in html  # the ID links to its permalink
    # Ranked: the paragraph that says it twice comes before those that say it once.
    ranked = await _json(ds, "/archive/search.json?q=миротворческих&_shape=objects")
    counts = [row["snippet"].count("<mark>") for row in ranked["rows"]]
    assert len(counts) > 2 and counts[0] >= counts[-1]
    # A merged (tombstoned) paragraph is not a search result.
    assert not (await _json(ds, "/archive/search.json?q=Голанских&_shape=objects"))["rows"]
    # FTS5 syntax typed by a user is not an error.
    response = await ds.client.get('/archive/search.json?q=C%2B%2B+AND+"')
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("миротворческий", "миротворческих"),
        ("Республика", "Республики"),
        ("Республика", "Республикасы"),
        ("бітімгершілік", "бітімгершілікке"),
        ("Күштері", "Күштерінің"),
    ],
)
async def test_word_form_search_finds_other_forms(ds: Datasette, query: str, found: str) -> None:
    data = await _json(ds, f"/archive/word_forms.json?q={query}&_shape=objects")
    ids = ",".join(row["id"] for row in data["rows"])
    rows = (await _json(ds, f"/archive/paragraphs.json?id__in={ids}&_size=max"))["rows"]
    words = [set(re.findall(r"\w+", row["text"])) for row in rows]
    # Some paragraph was found only through another form of the word.
    assert any(found in w and query not in w for w in words)
    assert any("<mark>" in row["snippet"] for row in data["rows"])
    # The exact-text index does not find those paragraphs.
    exact = await _json(ds, f"/archive/paragraphs.json?_search={query}&_size=max")
    assert len(exact["rows"]) < len(rows)


async def test_paragraphs_table_offers_word_form_search(ds: Datasette) -> None:
    html = (await ds.client.get("/archive/paragraphs?_search=миссия")).text
    form = html[html.index('<form class="archive-word-forms"') :]
    assert 'action="/archive/paragraphs"' in form and 'value="миссия"' in form
    assert 'name="_q"' in form


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("миротворец", f"{RU}-p"),  # миротворцы, миротворцев
        ("Қазақстанмен", f"{KK}-p"),
        ("Казакстан", f"{KK}-p"),  # typed on a Russian keyboard
    ],
)
async def test_paragraphs_table_box_finds_word_forms(
    ds: Datasette, query: str, expected: str
) -> None:
    data = await _json(ds, f"/archive/paragraphs.json?_q={query}&_size=max&_shape=objects")
    ids = [row["id"] for row in data["rows"]]
    assert ids and all(i.startswith(expected) for i in ids)
    exact = await _json(ds, f"/archive/paragraphs.json?_search={query}&_size=max")
    assert len(data["rows"]) > len(exact["rows"])


@pytest.mark.parametrize("param", ["_q", "_search"])
async def test_table_search_keeps_the_best_hits_and_says_how_many_match(
    ds: Datasette, param: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    everything = await _json(ds, f"/archive/paragraphs.json?{param}=бітімгершілік&_size=max")
    assert len(everything["rows"]) > 3
    monkeypatch.setattr(ranked, "TOP_HITS", 3)
    data = await _json(
        ds, f"/archive/paragraphs.json?{param}=бітімгершілік&_size=max&_facet=role"
        "&_extra=count&_extra=facet_results",
    )
    assert data["count"] == 3 and len(data["rows"]) == 3
    # Facets count the rows kept, not every hit.
    role = data["facet_results"]["results"]["role"]["results"]
    assert sum(item["count"] for item in role) == 3
    html = (await ds.client.get(f"/archive/paragraphs?{param}=бітімгершілік")).text
    hits = html[html.index('<p class="archive-hits"') :]
    assert f'data-total="{len(everything["rows"])}"' in hits
    assert "The table holds the <strong>3 best</strong>" in hits


async def test_word_form_search_skips_tombstones(ds: Datasette) -> None:
    data = await _json(ds, "/archive/word_forms.json?q=Казахстан&_shape=objects")
    ids = {row["id"] for row in data["rows"]}
    assert f"{RU}-p2" in ids and f"{RU}-p3" not in ids


# ---- plugin pages -------------------------------------------------------------------------------


async def test_paragraph_page_has_cite_box(ds: Datasette) -> None:
    html = (await ds.client.get(f"/archive/paragraphs/{KK}-p2")).text
    box = html[html.index('id="cite-this-paragraph"') :]
    assert "Cite this paragraph" in box
    assert f'data-paragraph-id="{KK}-p2"' in html
    assert f"{KK} ¶2" in box
    assert f"/-/p/{KK}-p2" in box
    assert "archive-copy" in box and "navigator.clipboard" in box
    assert "Lineage (1 version)" in box
    # Every style, GOST first and open for a Kazakh source, each naming the paragraph.
    styles = re.findall(r'<details class="archive-citation" data-style="([^"]+)"', box)
    assert styles == ["gost", "apa", "chicago", "bibtex", "csl-json"]
    assert '<details class="archive-citation" data-style="gost" open>' in box
    # The reference names the work alone; the footnote form below it points at the paragraph.
    gost = box[box.index('id="archive-cite-gost"') :]
    assert f"{KK}-p2" not in gost[: gost.index("</pre>")]
    footnote = box[box.index('id="archive-cite-gost-pinpoint"') :]
    assert f"¶ {KK}-p2" in footnote[: footnote.index("</pre>")]
    csl = box[box.index('id="archive-cite-csl-json">') + len('id="archive-cite-csl-json">') :]
    cited = json.loads(unescape(csl[: csl.index("</pre>")]))
    [item] = cited["citationItems"]
    assert item["id"] == KK and item["locator"] == "2" and item["itemData"]["id"] == KK
    assert "unavailable" not in box
    assert "role 'foreign'" not in box and f"Cite with care: {KK}-p2 is a tombstone" not in box


async def test_paragraph_page_of_a_tombstone_says_so(ds: Datasette) -> None:
    html_text = (await ds.client.get(f"/archive/paragraphs/{RU}-p3")).text
    assert "This paragraph is a tombstone (merged)" in html_text
    assert "Lineage (2 versions)" in html_text
    assert f"Cite with care: {RU}-p3 is a tombstone (merged)" in html_text


async def test_source_page_lists_files_and_lineage(ds: Datasette) -> None:
    html = (await ds.client.get(f"/archive/sources/{RU}")).text
    assert "001.txt" in html
    assert "Cite this source" in html and "Zakon.kz" in html
    assert f"/archive/lineage?source={RU}" in html
    assert f"/archive/paragraphs?source={RU}&amp;_sort=seq" in html
    lineage = await _json(ds, f"/archive/lineage.json?source={RU}&_shape=objects")
    kinds = [row["match_kind"] for row in lineage["rows"]]
    assert "merged_into" in kinds and "deleted" in kinds
    # A version whose text is its paragraph's shows that text; a tombstone's entry none.
    assert all(row["text"] for row in lineage["rows"] if row["match_kind"] == "new")
    assert not any(row["text"] for row in lineage["rows"] if row["match_kind"] == "deleted")


async def test_resolver_redirects_live_id(ds: Datasette) -> None:
    response = await ds.client.get(f"/-/p/{KK}-p2")
    assert response.status_code == 302
    assert response.headers["location"] == f"/archive/paragraphs/{KK}-p2"
    prose = "kalila-2024%20%C2%B62"
    response = await ds.client.get(f"/-/p/{prose}")
    assert response.status_code == 302
    assert response.headers["location"] == f"/archive/paragraphs/{KK}-p2"


async def test_resolver_reports_an_edited_paragraph(ds: Datasette) -> None:
    data = await _json(ds, f"/-/p/{KK}-p3.json")
    assert data["status"] == "live" and data["edited"] is True
    assert data["first_text"].startswith("Зерттеудің") and "жұмысының" in data["text"]
    assert data["url"] == f"/archive/paragraphs/{KK}-p3"
    assert [v["match_kind"] for v in data["versions"]] == ["new", "fuzzy"]
    html = (await ds.client.get(f"/archive/paragraphs/{KK}-p3")).text
    assert "Lineage (2 versions)" in html and "0.93" in html


async def test_resolver_explains_tombstones(ds: Datasette) -> None:
    response = await ds.client.get(f"/-/p/{RU}-p3")
    assert response.status_code == 200
    assert "Paragraph merged" in response.text
    assert f'href="/-/p/{RU}-p2"' in response.text  # where it went
    last_text = _seed_paragraphs("001")[2]
    assert last_text[:60] in response.text
    data = await _json(ds, f"/-/p/{RU}-p3.json")
    assert data["status"] == "merged"
    assert [s["id"] for s in data["successors"]] == [f"{RU}-p2"]
    assert data["versions"][-1]["match_kind"] == "merged_into"
    deleted = await _json(ds, f"/-/p/{RU}-p5?_format=json")
    assert deleted["status"] == "deleted" and deleted["text"]


async def test_resolver_unknown_id_suggests_nearest(ds: Datasette) -> None:
    response = await ds.client.get(f"/-/p/{RU}-p999")
    assert response.status_code == 404
    assert "Unknown paragraph ID" in response.text
    data = (await ds.client.get(f"/-/p/{RU}-p7.json")).json()
    assert data["status"] == "live"
    missing = (await ds.client.get(f"/-/p/{RU}-p7c.json")).json()
    assert missing["status"] == "unknown"
    assert missing["suggestions"][0] == f"{RU}-p7"
    typo = (await ds.client.get("/-/p/kalla-2024-p4.json")).json()
    assert typo["suggestions"][0] == f"{KK}-p4"
    nonsense = await ds.client.get("/-/p/%3Cscript%3Ex")
    assert nonsense.status_code == 404
    assert "&lt;script&gt;x" in nonsense.text and "<script>x" not in nonsense.text


# ---- the real pipeline: seeds ingested, then a corrected re-issue of the news item ---------------


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from archive.ingest.run import ingest_paths
    from archive.store import Store

    home = tmp_path_factory.mktemp("ingested")
    lines = next(SEEDS.glob("001_*.txt")).read_text(encoding="utf-8").split("\n")
    # The re-issue drops the third paragraph and runs the fourth and fifth together.
    reissue = home / "reissue.txt"
    reissue.write_text(
        "\n".join(lines[:10] + lines[12:14] + [f"{lines[14]} {lines[16]}"] + lines[17:]),
        encoding="utf-8",
    )
    with Store.open(home) as store:
        assert ingest_paths(store, [SEEDS]).ok
        assert ingest_paths(store, [reissue]).ok
    return home / "archive.db"


@pytest.fixture
async def real(ingested: Path) -> Any:
    config = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    instance = Datasette([str(ingested)], config=config)
    await instance.invoke_startup()
    yield instance
    instance.close()


async def _sql(ds: Datasette, sql: str) -> list[dict[str, Any]]:
    data = await _json(ds, "/archive/-/query.json?" + urlencode({"sql": sql, "_shape": "objects"}))
    return list(data["rows"])


async def test_ingested_archive_pages(real: Datasette) -> None:
    firsts = await _sql(
        real,
        "select id, source from paragraphs where status = 'live' "
        "and seq = (select min(seq) from paragraphs p where p.source = "
        "paragraphs.source and p.status = 'live')",
    )
    assert {row["source"] for row in firsts} == {KK, RU}
    for row in firsts:
        html = (await real.client.get(f"/archive/paragraphs/{row['id']}")).text
        assert f'data-paragraph-id="{row["id"]}"' in html and "unavailable" not in html
        assert f"¶ {row['id']}" in html
        response = await real.client.get(f"/-/p/{row['id']}")
        assert response.status_code == 302
    data = await _json(real, "/archive/word_forms.json?q=бітімгершілікке&_shape=objects")
    assert any(row["source"] == KK for row in data["rows"])
    data = await _json(real, "/archive/word_forms.json?q=миротворческий&_shape=objects")
    assert any(row["source"] == RU for row in data["rows"])


async def test_ingested_tombstones_resolve(real: Datasette) -> None:
    tombstones = await _sql(real, "select id, status from paragraphs where status != 'live'")
    assert {row["status"] for row in tombstones} >= {"deleted", "merged"}
    for row in tombstones:
        data = await _json(real, f"/-/p/{row['id']}.json")
        assert data["status"] == row["status"] and data["text"]
        if row["status"] == "merged":
            assert data["successors"] and data["successors"][0]["status"] == "live"
        page = (await real.client.get(f"/-/p/{row['id']}")).text
        assert "Text as last seen" in page


# ---- pages made for reading ---------------------------------------------------------------------


def _visible(html: str) -> str:
    """The page without what a reader does not see at first: folded <details> and styles."""
    html = re.sub(
        r"<details\b(?![^>]*\bopen\b)[^>]*>\s*(<summary>.*?</summary>).*?</details>",
        r"\1", html, flags=re.S,
    )
    return re.sub(r"<style\b.*?</style>|<script\b.*?</script>", "", html, flags=re.S)


async def test_paragraph_page_shows_its_text_once_and_folds_the_hashes(ds: Datasette) -> None:
    html = (await ds.client.get(f"/archive/paragraphs/{KK}-p3")).text
    text = (await _json(ds, f"/archive/paragraphs/{KK}-p3.json?_shape=objects"))["rows"][0]
    words = text["text"][:60]
    visible = _visible(html)
    assert visible.count(words) == 1
    assert f'<blockquote class="archive-text" lang="kk">{words}' in visible
    assert text["fingerprint"] not in visible and text["file_sha256"] not in visible
    # Still there, folded: every stored field of the row.
    fields = html[html.index('<details class="archive-row-fields">') :]
    assert text["fingerprint"] in fields and "Every stored field" in fields
    # Neighbours, the source and the cite box.
    assert f'rel="prev" href="/archive/paragraphs/{KK}-p2"' in visible
    assert f'rel="next" href="/archive/paragraphs/{KK}-p4"' in visible
    assert f'href="/archive/sources/{KK}"' in visible
    assert "Cite this paragraph" in visible and f"{KK} ¶3" in visible


async def test_column_glossary_is_folded_away(ds: Datasette) -> None:
    for table, column in (("paragraphs", "fingerprint"), ("sources", "title")):
        html = (await ds.client.get(f"/archive/{table}")).text
        glossary = html[html.index('<details class="archive-glossary">') :]
        assert f"<dt>{column}</dt>" in glossary[: glossary.index("</details>")]
        # Datasette's own list, above the table, is hidden; the folded one's summary shows.
        assert "dl.column-descriptions { display: none; }" in html
        assert "What the columns mean" in _visible(html)
        shown = re.sub(r'<dl class="column-descriptions">.*?</dl>', "", _visible(html), flags=re.S)
        assert f"<dt>{column}</dt>" not in shown
