"""The ``_search`` parameter of the paragraphs and sources tables, handed to the archive's
own search.

Datasette answers ``?_search=`` on a table with an FTS index by keeping every row whose rowid
is among *all* the hits, then sorting, counting and faceting all of them: seconds for a common
word in a million paragraphs, and no plugin hook can take that clause away. So on the
paragraphs table (any database name, any format) the parameter is renamed ``_exact`` before
Datasette sees the request, and the plugin's filter answers it with the best hits only
(``store.ranked``). On the sources table it is renamed ``_q``: its box finds every form of
the words, as the paragraphs' main box does. Every other table keeps Datasette's own search.
"""

from __future__ import annotations

import re
from urllib.parse import unquote_plus

from .guard import App, Receive, Scope, Send

SEARCH = "_search"
EXACT = "_exact"
WORD_FORMS = "_q"
# The table's own search box: the words as written on paragraphs (whose main box, above the
# table, finds word forms), every form of the words on sources.
_RENAMED = {
    re.compile(r"^/[^/]+/paragraphs(?:\.\w+)?$"): EXACT,
    re.compile(r"^/[^/]+/sources(?:\.\w+)?$"): WORD_FORMS,
}


def renamed_query(query_string: bytes, to: str = EXACT) -> bytes:
    """The query string with each ``_search`` key renamed ``to``, values left as sent."""
    pieces = query_string.split(b"&")
    renamed = []
    for piece in pieces:
        key, sep, value = piece.partition(b"=")
        if unquote_plus(key.decode("latin-1")) == SEARCH:
            key = to.encode()
        renamed.append(key + sep + value)
    return b"&".join(renamed)


def asgi(app: App) -> App:
    async def renaming(scope: Scope, receive: Receive, send: Send) -> None:
        if scope.get("type") == "http":
            path = scope.get("path", "")
            to = next((name for pattern, name in _RENAMED.items() if pattern.match(path)), None)
            if to is not None:
                scope = dict(scope)
                scope["query_string"] = renamed_query(scope.get("query_string", b""), to)
        await app(scope, receive, send)

    return renaming
