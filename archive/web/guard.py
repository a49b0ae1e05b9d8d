"""What a published archive must not do, where Datasette 1.0a41 does it by default.

- Every 4xx (a mistyped URL, a bad query) printed a full traceback with local variables on
  the server's console: the request's one access-log line is enough, and real defects (5xx)
  still print their traceback.
- ``POST /<db>/-/query`` raised ``KeyError`` inside Datasette (HTTP 500): it is answered 405.
- ``select * from pragma_database_list`` showed the absolute path of the database file: the
  pragma is refused like the other disallowed ones.

``apply()`` is idempotent and called from the plugin's ``startup`` hook; ``asgi`` wraps the
application from the ``asgi_wrapper`` hook.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]

_FILE_PATH_PRAGMA = (
    re.compile(r"database_list"),
    "pragma_database_list() is not available here: it would show where the archive is stored",
)
_QUERY_PATH = re.compile(r"^/[^/]+/-/query(?:\.\w+)?$")


def apply() -> None:
    import datasette.handle_exception as handler
    from datasette.utils import disallawed_sql_res

    # The default handler prints through rich (with locals) when rich is importable; rich is
    # here for the command line, not for the server's console.
    handler.rich = None
    if _FILE_PATH_PRAGMA not in disallawed_sql_res:
        disallawed_sql_res.append(_FILE_PATH_PRAGMA)


def asgi(app: App) -> App:
    async def guarded(scope: Scope, receive: Receive, send: Send) -> None:
        if (scope.get("type") == "http" and scope.get("method") == "POST"
                and _QUERY_PATH.match(scope.get("path", ""))):
            await _respond(send, 405, b"POST is not accepted here: the archive is read-only\n")
            return
        await app(scope, receive, send)

    return guarded


async def _respond(send: Send, status: int, body: bytes) -> None:
    await send({
        "type": "http.response.start",
        "status": status,
        "headers": [(b"content-type", b"text/plain; charset=utf-8"), (b"allow", b"GET")],
    })
    await send({"type": "http.response.body", "body": body})
