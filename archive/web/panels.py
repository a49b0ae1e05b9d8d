"""The panels the plugin adds to row pages: a paragraph's cite box, a source's files and
citations."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from datasette.database import Database
from datasette.utils import tilde_encode

from ..cite.caveats import caveats
from ..cite.stored import RESOLVER_PREFIX, Citation, citations, prose_form, resolver_path
from ..store import read
from ..store.records import ParagraphRecord, SourceRecord


async def render(datasette: Any, request: Any, template: str, context: dict[str, Any]) -> str:
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


async def paragraph_box(datasette: Any, request: Any, db: Database, pid: str) -> str | None:
    data = await db.execute_fn(lambda conn: read.paragraph_view(conn, pid))
    if data is None:
        return None
    paragraph = data.paragraph
    permalink = datasette.absolute_url(request, resolver_path(pid))
    made, error = _citations(data.source, data.accessed, data.texts, paragraph, permalink)
    warnings = caveats(data.source, paragraph, data.origins) if data.source else []
    return await render(
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


async def source_panel(datasette: Any, request: Any, db: Database, key: str) -> str | None:
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
    return await render(
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
