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
* the resolver ``/-/p/<paragraph ID>`` (``.json`` or ``?_format=json`` for tools): a live ID
  redirects to its row, a tombstone shows what became of it, an unknown ID gets a 404 with
  the nearest IDs (``register_routes``).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

import markupsafe
from datasette import hookimpl
from datasette.database import Database
from datasette.filters import FilterArguments
from datasette.resources import TableResource
from datasette.utils import tilde_encode
from datasette.utils.asgi import Response
from jinja2 import Environment, FileSystemLoader

from . import search
from .cite.caveats import caveats
from .cite.stored import RESOLVER_PREFIX, Citation, citations, prose_form, resolver_path
from .resolution import resolve, split_id
from .store import ranked, read
from .store.records import LIVE, UNKNOWN, ParagraphRecord, Resolution, SourceRecord
from .web import facets, guard, params, site

PLUGIN = "archive"
TEMPLATES = Path(__file__).resolve().parent / "templates"
DEFAULT_DATABASE = "archive"


async def _archive_database(datasette: Any) -> Database | None:
    """The database holding the archive: ``archive`` when attached, else the first with
    ``paragraphs`` and ``sources`` tables (so a renamed copy of ``archive.db`` still works)."""
    named = datasette.databases.get(DEFAULT_DATABASE)
    candidates = [named] if named is not None else []
    candidates += [db for db in datasette.databases.values() if db is not named]
    for db in candidates:
        if db.name != "_internal" and await _is_archive(db):
            return db
    return None


async def _is_archive(db: Database) -> bool:
    tables = await db.table_names()
    return "paragraphs" in tables and "sources" in tables


# ---- startup ----------------------------------------------------------------------------------


@hookimpl
def startup(datasette: Any) -> Any:
    async def inner() -> None:
        if await _archive_database(datasette) is None:
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
            if db.name == "_internal" or not await _is_archive(db):
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


def _tiers(query: str, exact: str) -> tuple[str, list[str]] | None:
    """The index and MATCH expressions (best tier first) of a paragraphs search, if any."""
    if query:
        keyboard = search.keyboard_query(query)
        return "paragraphs_stems", [search.stem_query(query), *([keyboard] if keyboard else [])]
    if exact:
        return "paragraphs_fts", [search.match_query(exact)]
    return None


@hookimpl
def filters_from_request(request: Any, database: str, table: str, datasette: Any) -> Any:
    if table != "paragraphs":
        return None
    query = request.args.get(WORD_FORMS_PARAM, "").strip()
    exact = "" if query else request.args.get(EXACT_PARAM, "").strip()
    tiers = _tiers(query, exact)
    if tiers is None:
        return None
    fts_table, expressions = tiers

    async def inner() -> FilterArguments:
        db = datasette.get_database(database)
        rowids = await db.execute_fn(
            lambda conn: ranked.best_rowids(conn, fts_table, expressions, ranked.TOP_HITS)
        )
        if query:
            described, context = f'any form of "{query}"', {"archive_word_forms": query}
        else:  # Datasette's own search box shows it again
            described, context = f'the words "{exact}" as written', {"search": exact}
        return FilterArguments(
            [ranked.ROWIDS_WHERE.format(param="archive_hits")],
            {"archive_hits": json.dumps(rowids)},
            [described],
            context,
        )

    return inner


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


async def _render(datasette: Any, request: Any, template: str, context: dict[str, Any]) -> str:
    env = datasette.get_jinja_environment(request)
    return str(await env.get_template(template).render_async(**context))


def _citations(
    source: SourceRecord | None,
    accessed: str | None,
    texts: tuple[str, ...],
    paragraph: ParagraphRecord | None,
    url: str | None,
) -> tuple[list[Citation], str | None]:
    if source is None:
        return [], "the source row is missing"
    try:
        return citations(source, accessed, texts, paragraph, url), None
    except (ValueError, KeyError, TypeError) as exc:
        # One malformed metadata value must not take the whole page down with it.
        return [], f"{type(exc).__name__}: {exc}"


@hookimpl
def top_row(datasette: Any, request: Any, database: str, table: str, row: Any) -> Any:
    if table not in ("paragraphs", "sources"):
        return None

    async def inner() -> str | None:
        db = datasette.get_database(database)
        if not await _is_archive(db):
            return None
        if table == "paragraphs":
            return await _paragraph_box(datasette, request, db, row["id"])
        return await _source_panel(datasette, request, db, row["key"])

    return inner


async def _paragraph_box(datasette: Any, request: Any, db: Database, pid: str) -> str | None:
    data = await db.execute_fn(lambda conn: read.paragraph_view(conn, pid))
    if data is None:
        return None
    paragraph = data.paragraph
    permalink = datasette.absolute_url(request, resolver_path(pid))
    made, error = _citations(data.source, data.accessed, data.texts, paragraph, permalink)
    warnings = caveats(data.source, paragraph, data.origins) if data.source else []
    return await _render(
        datasette,
        request,
        "archive_cite.html",
        {
            "paragraph": paragraph,
            "prose": prose_form(paragraph.source, paragraph.label),
            "permalink": permalink,
            "resolver": RESOLVER_PREFIX,
            "citations": made,
            "citation_error": error,
            "caveats": warnings,
            "versions": data.versions,
            "source_title": data.source.metadata.title if data.source else None,
            "source_url": datasette.urls.row(db.name, "sources", tilde_encode(paragraph.source)),
            "previous": _row_link(datasette, db, data.previous),
            "next": _row_link(datasette, db, data.next),
        },
    )


def _row_link(datasette: Any, db: Database, pid: str | None) -> dict[str, str] | None:
    if pid is None:
        return None
    return {"id": pid, "url": datasette.urls.row(db.name, "paragraphs", tilde_encode(pid))}


async def _source_panel(datasette: Any, request: Any, db: Database, key: str) -> str | None:
    data = await db.execute_fn(lambda conn: read.source_view(conn, key))
    if data is None:
        return None
    made, _ = _citations(data.source, data.accessed, data.texts, None, None)
    files = [
        {**f.as_json(), "url": datasette.urls.row(db.name, "files", tilde_encode(f.sha256))}
        for f in data.files
    ]
    encoded = quote(key, safe="")
    paragraphs_url = datasette.urls.table(db.name, "paragraphs")
    return await _render(
        datasette,
        request,
        "archive_source.html",
        {
            "files": files,
            "citations": made,
            "paragraphs_url": f"{paragraphs_url}?source={encoded}&_sort=seq",
            "lineage_url": datasette.urls.query(db.name, "lineage") + f"?source={encoded}",
            "versions_url": datasette.urls.table(db.name, "paragraph_versions")
            + f"?source={encoded}",
        },
    )


@hookimpl
def top_table(datasette: Any, request: Any, database: str, table: str) -> Any:
    if table not in site.COLUMNS:
        return None

    async def inner() -> str | None:
        db = datasette.get_database(database)
        if not await _is_archive(db):
            return None
        existing = set(await db.table_columns(table))
        glossary = await _render(
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
            "hits": await _hits(db, query, exact),
        }
        box = await _render(datasette, request, "archive_word_forms_link.html", context)
        return box + glossary

    return inner


async def _hits(db: Database, query: str, exact: str) -> dict[str, str] | None:
    """What the page says about the number of hits, when it is searched: the table itself
    counts only the best ``TOP_HITS``."""
    tiers = _tiers(query, "" if query else exact)
    if tiers is None:
        return None
    table, expressions = tiers
    cap = ranked.COUNT_CAP
    total = await db.execute_fn(lambda conn: ranked.hit_count(conn, table, expressions, cap))
    return {
        "total": f"{total:,}",
        "more": "more than " if total >= cap else "",
        "kept": f"{ranked.TOP_HITS:,}" if total > ranked.TOP_HITS else "",
        "window": f"{ranked.RANK_WINDOW:,}",
    }


# ---- resolver ---------------------------------------------------------------------------------

_HEADINGS = {
    UNKNOWN: "Unknown paragraph ID",
    "deleted": "Paragraph deleted",
    "merged": "Paragraph merged",
    "split": "Paragraph split",
}
_EXPLANATIONS = {
    "deleted": "no longer appears in the latest file of its source.",
    "merged": "was merged into another paragraph in a later file of its source.",
    "split": "was split into several paragraphs in a later file of its source.",
}


async def resolve_view(datasette: Any, request: Any) -> Response:
    """``/-/p/<ID>``: where a paragraph ID, old or new, leads now."""
    query = unquote(request.url_vars["pid"]).strip()
    as_json = request.url_vars.get("format") == "json" or request.args.get("_format") == "json"
    db = await _archive_database(datasette)
    if db is None:
        return Response.text("No archive database is attached.", status=404)
    allowed = await datasette.allowed(
        action="view-table",
        resource=TableResource(database=db.name, table="paragraphs"),
        actor=request.actor,
    )
    if not allowed:
        return Response.text("Forbidden", status=403)
    resolution: Resolution = await db.execute_fn(lambda conn: resolve(conn, query))
    status = 404 if resolution.status == UNKNOWN else 200
    row_url = (
        datasette.urls.row(db.name, "paragraphs", tilde_encode(resolution.id))
        if resolution.id
        else None
    )
    if as_json:
        body = {**resolution.as_json(), "url": row_url, "permalink": None}
        if resolution.id:
            body["permalink"] = datasette.absolute_url(
                request, resolver_path(resolution.id)
            )
        return Response.json(body, status=status)
    if resolution.status == LIVE and row_url:
        return Response.redirect(row_url)
    title = None
    if resolution.source:
        source = resolution.source
        title = await db.execute_fn(lambda conn: read.source_title(conn, source))
    html = await datasette.render_template(
        "archive_resolve.html",
        {
            "resolution": resolution,
            "heading": _HEADINGS.get(resolution.status, resolution.status),
            "explanation": _EXPLANATIONS.get(resolution.status, ""),
            "database": db.name,
            "source_title": title,
            "source_url": datasette.urls.row(db.name, "sources", tilde_encode(resolution.source))
            if resolution.source
            else None,
            "row_url": row_url,
            "sources_url": datasette.urls.table(db.name, "sources"),
            "resolver": RESOLVER_PREFIX,
            "json_url": resolver_path(resolution.id or query) + ".json",
        },
        request=request,
    )
    return Response.html(html, status=status)


@hookimpl
def register_routes() -> list[tuple[str, Any]]:
    return [(r"^/-/p/(?P<pid>[^/]+?)(?:\.(?P<format>json))?$", resolve_view)]

