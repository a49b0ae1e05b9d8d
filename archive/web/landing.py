"""The landing page (``/``): one search box over the paragraphs, by word form.

The query goes through the same tiers and bounded ranking as the paragraphs table
(``search.tiers``, ``store.ranked``): the best ``TOP_HITS`` hits, best first. The facets
(language, role, journal, year, UDC and GRNTI class) count those hits, and a value chosen
filters them; the page lists the first ``PAGE`` with source, page, the words found marked,
and a link to the paragraph's cite box.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import markupsafe
from datasette.utils import tilde_encode
from datasette.utils.asgi import Response

from .. import search
from ..store import ranked
from ..store.hits import Hit, live_hits
from .database import archive_database

PAGE = 50
QUERY = "q"


def _one(value: object) -> tuple[str, ...]:
    return () if value is None else (str(value),)


# Each facet: its URL parameter, its heading, and the values a hit has for it.
FACETS: tuple[tuple[str, str, Callable[[Hit], tuple[str, ...]]], ...] = (
    ("lang", "Language", lambda h: _one(h.lang)),
    ("role", "Role", lambda h: _one(h.role)),
    ("journal", "Journal", lambda h: _one(h.journal)),
    ("year", "Year", lambda h: _one(h.year)),
    ("udc", "UDC class", lambda h: h.udc),
    ("grnti", "GRNTI class", lambda h: h.grnti),
)


@dataclass(frozen=True, slots=True)
class FacetValue:
    value: str
    count: int
    selected: bool
    url: str


def chosen(args: Any) -> dict[str, str]:
    """The facet values a request filters by."""
    return {name: args.get(name, "").strip() for name, _, _ in FACETS if args.get(name, "")}


def filtered(hits: Iterable[Hit], choice: dict[str, str]) -> list[Hit]:
    values = {name: of for name, _, of in FACETS}
    return [h for h in hits if all(v in values[name](h) for name, v in choice.items())]


def facets(
    hits: list[Hit], query: str, choice: dict[str, str], limit: int = 10
) -> list[tuple[str, list[FacetValue]]]:
    """Each facet's most frequent values among ``hits``, with links that add or remove it."""
    found = []
    for name, heading, of in FACETS:
        counts = Counter(v for h in hits for v in of(h))
        values = []
        for value, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]:
            selected = choice.get(name) == value
            params = {k: v for k, v in choice.items() if k != name}
            if not selected:
                params[name] = value
            values.append(FacetValue(value, count, selected, _url(query, params)))
        if values:
            found.append((heading, values))
    return found


def _url(query: str, params: dict[str, str]) -> str:
    return "/?" + urlencode({QUERY: query, **params})


async def landing_view(datasette: Any, request: Any) -> Response:
    db = await archive_database(datasette)
    if db is None:  # some other Datasette in the same environment: its own index page
        from datasette.views.index import IndexView

        request.scope["url_route"] = {"kwargs": {"format": None}}
        return await IndexView(datasette).get(request)
    query = request.args.get(QUERY, "").strip()
    choice = chosen(request.args)
    context: dict[str, Any] = {"q": query, "choice": choice, "database": db.name}
    tiers = search.tiers(query)
    if tiers is not None:
        table, expressions = tiers

        def run(conn: Any) -> tuple[int, list[Hit]]:
            best = ranked.best_hits(conn, table, expressions)
            return best.total, live_hits(conn, best.rowids)

        total, hits = await db.execute_fn(run)
        shown = filtered(hits, choice)
        context.update(
            total=f"{total:,}", more=total >= ranked.COUNT_CAP, kept=f"{len(hits):,}",
            some=total > len(hits), window=f"{ranked.RANK_WINDOW:,}",
            found=len(shown), facets=facets(shown, query, choice),
            results=[_result(datasette, db.name, h, query) for h in shown[:PAGE]],
            cleared=_url(query, {}),
        )
    metadata = await datasette.get_instance_metadata()
    context["metadata"] = metadata
    html = await datasette.render_template("archive_landing.html", context, request=request)
    return Response.html(html)


def _result(datasette: Any, database: str, hit: Hit, query: str) -> dict[str, Any]:
    row = datasette.urls.row(database, "paragraphs", tilde_encode(hit.id))
    marked = search.highlight(hit.text, query, before="\x01", after="\x02")
    snippet = str(markupsafe.escape(marked)).replace("\x01", "<mark>").replace("\x02", "</mark>")
    return {
        "hit": hit,
        "snippet": markupsafe.Markup(snippet),
        "url": row,
        "cite": row + "#cite-this-paragraph",
        "source_url": datasette.urls.row(database, "sources", tilde_encode(hit.source)),
    }
