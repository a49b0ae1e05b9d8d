"""``/-/p/<ID>``: the resolver of paragraph IDs, old and new."""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote

from datasette.resources import TableResource
from datasette.utils import tilde_encode
from datasette.utils.asgi import Response

from ..cite.stored import RESOLVER_PREFIX, resolver_path
from ..models import LIVE
from ..reading.resolution import resolve
from ..store import read
from ..store.records import UNKNOWN, Resolution, ResolutionStatus
from .database import archive_database

_HEADINGS: dict[ResolutionStatus, str] = {
    UNKNOWN: "Unknown paragraph ID",
    "deleted": "Paragraph deleted",
    "merged": "Paragraph merged",
    "split": "Paragraph split",
}
_EXPLANATIONS: dict[ResolutionStatus, str] = {
    "deleted": "no longer appears in the latest file of its source.",
    "merged": "was merged into another paragraph in a later file of its source.",
    "split": "was split into several paragraphs in a later file of its source.",
}


async def resolve_view(datasette: Any, request: Any) -> Response:
    """``/-/p/<ID>``: where a paragraph ID, old or new, leads now."""
    query = unquote(request.url_vars["pid"]).strip()
    as_json = request.url_vars.get("format") == "json" or request.args.get("_format") == "json"
    db = await archive_database(datasette)
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
