"""The command line: a thin shell over the library, and the only place that prints or exits.

stdout carries data (``--json`` output is a tested public interface); stderr carries
progress, warnings and errors for people. Every ``ArchiveError`` becomes a one-line message
and its class's exit code in one place, ``plain.fail``.

``main`` is the ``archive`` program. The short read commands go the quick way
(``plain.quick``: the standard library only); everything else, help included, goes to the
typer application in ``commands``, which is imported only then.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .commands import app as app


def main() -> None:
    from .plain import quick

    code = quick(sys.argv[1:])
    if code is not None:
        sys.exit(code)
    from .commands import app

    app()


def __getattr__(name: str) -> Any:
    # ``from archive.cli import app`` keeps working without importing typer for ``main``.
    if name == "app":
        from .commands import app

        return app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
