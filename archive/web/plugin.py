"""The archive's Datasette plugin (entry point ``archive`` in the ``datasette`` group).

What it adds to a Datasette serving ``<home>/archive.db``:

* site title, description, licence and column descriptions (``startup``; 1.0a41 no longer
  reads them from ``datasette.yaml``);
* SQL functions for search (``prepare_connection``): ``archive_stem(text)``,
  ``archive_stem_query(q)`` (MATCH expression over the word-form index ``paragraphs_stems``),
  ``archive_match_query(q)`` (safe MATCH expression over ``paragraphs_fts``) and
  ``archive_highlight(text, q)`` (marks every form of the query's words);
* a "Cite this paragraph" box on each paragraph's row page, and the files, lineage links and
  citation on each source's row page (``top_row``); a word-form search box above the
  paragraphs table (``top_table``);
* the landing page ``/``: one word-form search box over the paragraphs, ranked results with
  facets (``web.landing``);
* the resolver ``/-/p/<paragraph ID>`` (``.json`` or ``?_format=json`` for tools): a live ID
  redirects to its row, a tombstone shows what became of it, an unknown ID gets a 404 with
  the nearest IDs (``register_routes``).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from typing import Any

import markupsafe
from datasette import hookimpl
from datasette.database import Database
from datasette.filters import FilterArguments
from datasette.utils import tilde_encode
from jinja2 import Environment, FileSystemLoader

from .. import search
from ..cite.stored import resolver_path
from ..reading.resolution import split_id
from ..store import ranked
from . import facets, guard, params, site, source_facets
from .database import archive_database, is_archive
from .landing import landing_view
from .panels import paragraph_box, render, source_panel
from .publish import TEMPLATES
from .resolver import resolve_view

PLUGIN = "archive"


# ---- startup ----------------------------------------------------------------------------------


@hookimpl
def startup(datasette: Any) -> Any:
    async def inner() -> None:
        if await archive_database(datasette) is None:
            return  # some other Datasette in the same environment: leave it as it is
        guard.apply()
        facets.apply()
        present = await datasette.get_instance_metadata()
        if "description" in present:
            # --metadata gave its own description: ours (HTML) would take precedence over it.
            present["description_html"] = present["description"]
        config = datasette.plugin_config(PLUGIN) or {}
        for key, value in site.instance_metadata(config).items():
            if key not in present:
                await datasette.set_instance_metadata(key, value)
        for db in list(datasette.databases.values()):
            if db.name == "_internal" or not await is_archive(db):
                continue
            tables = set(await db.table_names())
            for table, description in site.TABLES.items():
                if table in tables:
                    resource = await datasette.get_resource_metadata(db.name, table)
                    if "description" not in resource:
                        await datasette.set_resource_metadata(
                            db.name, table, "description", description
                        )
            for table, columns in site.COLUMNS.items():
                if table not in tables:
                    continue
                existing = set(await db.table_columns(table))
                for column, description in columns.items():
                    given = await datasette.get_column_metadata(db.name, table, column)
                    if column in existing and "description" not in given:
                        await datasette.set_column_metadata(
                            db.name, table, column, "description", description
                        )

    return inner


@hookimpl
def prepare_jinja2_environment(env: Environment, datasette: Any) -> None:
    # Datasette finds a plugin's templates only when the plugin is a package; this one is a
    # module, so its templates directory goes on the search path just before the defaults
    # (a deployment's --template-dir still wins).
    ours = str(TEMPLATES)
    loaders = getattr(env.loader, "loaders", [])
    first = loaders[0] if loaders else None
    if isinstance(first, FileSystemLoader):
        if ours not in first.searchpath:
            first.searchpath.insert(max(len(first.searchpath) - 1, 0), ours)
    elif isinstance(loaders, list):
        loaders.append(FileSystemLoader(ours))


# ---- SQL functions ----------------------------------------------------------------------------


@hookimpl
def asgi_wrapper(datasette: Any) -> Callable[[guard.App], guard.App]:
    return lambda app: guard.asgi(params.asgi(app))


@hookimpl
def prepare_connection(conn: sqlite3.Connection) -> None:
    conn.create_function("archive_stem", 1, _none_safe(search.stem_text), deterministic=True)
    conn.create_function(
        "archive_stem_query", 1, _none_safe(search.stem_query), deterministic=True
    )
    conn.create_function(
        "archive_match_query", 1, _none_safe(search.match_query), deterministic=True
    )
    conn.create_function(
        "archive_keyboard_query",
        1,
        _none_safe(lambda q: search.keyboard_query(q) or search.NOTHING),
        deterministic=True,
    )
    conn.create_function("archive_highlight", 2, _highlight, deterministic=True)


# The table's own word-form search: every form of the words, then (unioned) their readings as
# Kazakh typed on a Russian keyboard; and the words as written (``_search``, renamed ``_exact``
# by ``web.params``). Each keeps only its best hits (``store.ranked``), so that sorting,
# counting and faceting the page never touch every hit of a common word.
# Underscored: Datasette reads any other parameter as a column filter.
WORD_FORMS_PARAM = "_q"
EXACT_PARAM = params.EXACT
# Where a request keeps the hits its filter found, which its page's count reads.
_HITS_KEY = "archive.hits"


@hookimpl
def filters_from_request(request: Any, database: str, table: str, datasette: Any) -> Any:
    if table not in ("paragraphs", "sources"):
        return None
    query = request.args.get(WORD_FORMS_PARAM, "").strip()
    exact = "" if query or table != "paragraphs" else request.args.get(EXACT_PARAM, "").strip()
    tiers = search.tiers(query, exact, table)
    clauses, values, described = (
        source_facets.filters(request.args) if table == "paragraphs" else ([], {}, [])
    )
    if tiers is None:
        return FilterArguments(clauses, values, described) if clauses else None
    fts_table, expressions = tiers

    async def inner() -> FilterArguments:
        db = datasette.get_database(database)
        best = await db.execute_fn(
            lambda conn: ranked.best_hits(conn, fts_table, expressions, ranked.TOP_HITS)
        )
        request.scope[_HITS_KEY] = (fts_table, expressions, best)  # for the count (``_hits``)
        if query:
            said = f'any form of "{query}"'
            # The sources' own box asks for word forms: it shows the query again.
            context = {"archive_word_forms": query, **({"search": query} if table == "sources"
                                                       else {})}
        else:  # Datasette's own search box shows it again
            said, context = f'the words "{exact}" as written', {"search": exact}
        return FilterArguments(
            [ranked.ROWIDS_WHERE.format(param=facets.HITS_PARAM), *clauses],
            {facets.HITS_PARAM: json.dumps(best.rowids), **values},
            [said, *described],
            context,
        )

    return inner


@hookimpl
def register_facet_classes() -> list[type]:
    return [source_facets.SourceFacet]


def _none_safe(function: Callable[[str], str]) -> Callable[[str | None], str]:
    def wrapper(value: str | None) -> str:
        return function("" if value is None else str(value))

    return wrapper


def _highlight(text: str | None, query: str | None) -> str | None:
    if text is None:
        return None
    return search.highlight(str(text), "" if query is None else str(query))


# Foreign keys of the archive's tables, for links whose label is missing.
_REFERENCES = {
    "source": "sources",
    "paragraph_id": "paragraphs",
    "file_sha256": "files",
    "ingest_id": "ingests",
}


@hookimpl
def render_cell(
    value: Any, column: str, table: str | None, database: str, datasette: Any
) -> Any:
    if table is not None:
        return _untitled_reference(value, column, database, datasette)
    if not isinstance(value, str):
        return None
    # The search queries return snippets with <mark> around matches; show those as HTML and
    # everything else in the snippet as text.
    if column == "snippet" and "<mark>" in value:
        escaped = str(markupsafe.escape(value))
        html = escaped.replace("&lt;mark&gt;", "<mark>").replace("&lt;/mark&gt;", "</mark>")
        return markupsafe.Markup(html)
    # A paragraph ID in a query result links to its permalink (which leads to the row).
    if column in ("id", "paragraph_id") and split_id(value) is not None:
        return markupsafe.Markup('<a href="{}">{}</a>').format(resolver_path(value), value)
    return None


def _untitled_reference(value: Any, column: str, database: str, datasette: Any) -> Any:
    # Datasette labels a foreign key with the other row's label column (a source's title) and
    # prints "None" when that is empty, as it is for an untitled news item: show the key.
    if not (isinstance(value, dict) and value.get("label") is None and column in _REFERENCES):
        return None
    key = value.get("value")
    if key is None:
        return None
    url = datasette.urls.row(database, _REFERENCES[column], tilde_encode(str(key)))
    return markupsafe.Markup('<a href="{}">{}</a>').format(url, key)


# ---- row pages --------------------------------------------------------------------------------


@hookimpl
def top_row(datasette: Any, request: Any, database: str, table: str, row: Any) -> Any:
    if table not in ("paragraphs", "sources"):
        return None

    async def inner() -> str | None:
        db = datasette.get_database(database)
        if not await is_archive(db):
            return None
        if table == "paragraphs":
            return await paragraph_box(datasette, request, db, row["id"])
        return await source_panel(datasette, request, db, row["key"])

    return inner


@hookimpl
def top_table(datasette: Any, request: Any, database: str, table: str) -> Any:
    if table not in site.COLUMNS:
        return None

    async def inner() -> str | None:
        db = datasette.get_database(database)
        if not await is_archive(db):
            return None
        existing = set(await db.table_columns(table))
        glossary = await render(
            datasette,
            request,
            "archive_glossary.html",
            {"columns": {c: d for c, d in site.COLUMNS[table].items() if c in existing}},
        )
        if table != "paragraphs":
            return glossary
        query = request.args.get(WORD_FORMS_PARAM, "").strip()
        exact = request.args.get(EXACT_PARAM, "").strip()
        context = {
            "action": datasette.urls.table(db.name, "paragraphs"),
            "q": query or exact,
            "ranked": datasette.urls.query(db.name, "word_forms"),
            "hits": await _hits(db, request, query, exact),
        }
        box = await render(datasette, request, "archive_word_forms_link.html", context)
        return box + glossary

    return inner


async def _hits(
    db: Database, request: Any, query: str, exact: str
) -> dict[str, str] | None:
    """What the page says about the number of hits, when it is searched: the table itself
    counts only the best ``TOP_HITS``. The page's filter found them and counted the hits
    (``filters_from_request``); a page it did not filter finds them again."""
    tiers = search.tiers(query, "" if query else exact)
    if tiers is None:
        return None
    table, expressions = tiers
    found = request.scope.get(_HITS_KEY)
    if found is not None and found[:2] == (table, expressions):
        best = found[2]
    else:
        best = await db.execute_fn(lambda conn: ranked.best_hits(conn, table, expressions))
    return {
        "total": f"{best.total:,}",
        "more": "more than " if best.capped else "",
        "kept": f"{ranked.TOP_HITS:,}" if best.total > ranked.TOP_HITS else "",
        "window": f"{ranked.RANK_WINDOW:,}",
    }


@hookimpl
def register_routes() -> list[tuple[str, Any]]:
    return [
        (r"^/-/p/(?P<pid>[^/]+?)(?:\.(?P<format>json))?$", resolve_view),
        (r"^/$", landing_view),
    ]

