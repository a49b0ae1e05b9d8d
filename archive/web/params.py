"""The paragraphs table's ``_search`` parameter, handed to the archive's own search.

Datasette answers ``?_search=`` on a table with an FTS index by keeping every row whose rowid
is among *all* the hits, then sorting, counting and faceting all of them: seconds for a common
word in a million paragraphs, and no plugin hook can take that clause away. So on the
paragraphs table (any database name, any format) the parameter is renamed ``_exact`` before
Datasette sees the request, and the plugin's filter answers it with the best hits only
(``store.ranked``). Every other table keeps Datasette's own search.
"""

from __future__ import annotations

import re
from urllib.parse import unquote_plus

from .guard import App, Receive, Scope, Send

SEARCH = "_search"
EXACT = "_exact"
_PARAGRAPHS_PATH = re.compile(r"^/[^/]+/paragraphs(?:\.\w+)?$")


def renamed_query(query_string: bytes) -> bytes:
    """The query string with each ``_search`` key renamed ``_exact``, values left as sent."""
    pieces = query_string.split(b"&")
    renamed = []
    for piece in pieces:
        key, sep, value = piece.partition(b"=")
        if unquote_plus(key.decode("latin-1")) == SEARCH:
            key = EXACT.encode()
        renamed.append(key + sep + value)
    return b"&".join(renamed)


def asgi(app: App) -> App:
    async def renaming(scope: Scope, receive: Receive, send: Send) -> None:
        if scope.get("type") == "http" and _PARAGRAPHS_PATH.match(scope.get("path", "")):
            scope = dict(scope)
            scope["query_string"] = renamed_query(scope.get("query_string", b""))
        await app(scope, receive, send)

    return renaming
