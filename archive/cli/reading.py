"""The short read commands (``cite``, ``show``, ``check``, ``verify``) without the command
line framework.

A citation looked up in a shell loop should cost little more than starting Python, and
typer, rich and pydantic alone cost several times that. So these commands are plain
functions that print and return their exit code: ``quick`` parses the usual spellings of
them with nothing but the standard library, and the typer commands in ``commands`` call the same
functions, so both ways in print the same bytes. What each reads is imported inside it.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from ..errors import ArchiveError

if TYPE_CHECKING:
    from ..store import Store

T = TypeVar("T")
HOME_ENV = "ARCHIVE_HOME"
DEFAULT_HOME = Path("data")


class Failed(Exception):
    """A command ended with an error already reported on stderr; carries its exit code."""

    def __init__(self, exit_code: int) -> None:
        super().__init__(exit_code)
        self.exit_code = exit_code


def say(text: str) -> None:
    sys.stdout.write(text + "\n")


def warn(text: str) -> None:
    sys.stderr.write(text + "\n")


def fail(exc: ArchiveError) -> Failed:
    """Report ``exc`` on stderr as the one-line message every command gives."""
    message = str(exc)
    if exc.hint:
        message += f" ({exc.hint})"
    warn(f"archive: error: {message}")
    return Failed(exc.exit_code)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def with_store(home: Path, action: Callable[[Store], T], *, create: bool = False) -> T:
    """Run ``action`` on the open archive; its ``ArchiveError`` becomes ``Failed``.

    Only ``ingest`` creates an archive: any other command on a home without one says so.
    """
    from ..store import Store

    try:
        store = Store.open(home, create=create)
    except ArchiveError as exc:
        raise fail(exc) from exc
    try:
        return action(store)
    except ArchiveError as exc:
        raise fail(exc) from exc
    finally:
        store.close()


def show(home: Path, key: str, *, as_json: bool = False, explain: bool = False) -> int:
    from ..report import source_report, source_text

    def report(store: Store) -> dict[str, Any]:
        data = source_report(store.conn, key, explain=explain)
        if explain and data["files"]:
            from ..analyse import opening_rules
            from ..report import add_opening_rules

            add_opening_rules(data, opening_rules(store.objects.read(data["files"][-1]["sha256"])))
        return data

    data = with_store(home, report)
    if as_json:
        print_json(data)
    else:
        say(source_text(data))
    return 0


def cite(home: Path, paragraph_id: str, *, style: str = "gost", quote: bool = False) -> int:
    from ..citing import citation

    made = with_store(home, lambda store: citation(store.conn, paragraph_id, style, quote=quote))
    say(made.text)
    for caveat in made.caveats:
        warn(f"archive: warning: {caveat}")
    return 0


def check(home: Path, drafts: Sequence[Path], *, as_json: bool = False) -> int:
    from ..citing import check_drafts

    findings = with_store(home, lambda store: check_drafts(store.conn, list(drafts)))
    if as_json:
        print_json([f.as_json() for f in findings])
    else:
        for finding in findings:
            say(finding.describe())
        say(f"{len(findings)} finding(s)")
    return 1 if findings else 0


def verify(home: Path, *, as_json: bool = False) -> int:
    from ..fixity import verify_all

    report = with_store(home, verify_all)
    if as_json:
        print_json(report.as_json())
    else:
        for r in report.files:
            if not r.ok:
                say(f"FAILED {r.sha256} ({r.source}): {r.problem}")
        for problem in report.integrity:
            say(f"DATABASE {problem}")
        for digest in report.unreferenced:
            say(f"UNREFERENCED {digest}: an object no file or failed ingest refers to")
        counts = report.summary()
        say(f"{counts['ok']} ok, {counts['failed']} failed, "
            f"{counts['integrity_problems']} database problems, "
            f"{counts['unreferenced_objects']} unreferenced objects")
    return 0 if report.ok else 1


# -- the quick way in ------------------------------------------------------------------------
# Per command: the flags it takes, the options that take a value (with their defaults), and
# how many positional arguments (None: one or more).
_FLAGS = {"cite": {"--quote"}, "show": {"--json", "--explain"}, "check": {"--json"},
          "verify": {"--json"}}
_VALUED: dict[str, dict[str, str]] = {"cite": {"--style": "gost"}}
_POSITIONAL: dict[str, int | None] = {"cite": 1, "show": 1, "check": None, "verify": 0}


def quick(argv: Sequence[str], environ: dict[str, str] | None = None) -> int | None:
    """Run ``argv`` when it is one of the short read commands in a plain spelling, and
    return the exit code; ``None`` for everything else (help, a usage error, any other
    command), which the full command line then parses and reports."""
    env = os.environ if environ is None else environ
    home = Path(env[HOME_ENV]) if env.get(HOME_ENV) else DEFAULT_HOME
    args = list(argv)
    while args and args[0].startswith("--home"):
        name, eq, value = args[0].partition("=")
        if name != "--home":
            return None
        if not eq:
            if len(args) < 2:
                return None
            value = args.pop(1)
        if not value:
            return None
        home = Path(value)
        args.pop(0)
    if not args or args[0] not in _FLAGS:
        return None
    command, rest = args[0], args[1:]
    flags: set[str] = set()
    values = dict(_VALUED.get(command, {}))
    positional: list[str] = []
    while rest:
        token = rest.pop(0)
        name, eq, value = token.partition("=")
        if token in _FLAGS[command]:
            flags.add(token)
        elif name in values:
            if not eq:
                if not rest:
                    return None
                value = rest.pop(0)
            values[name] = value
        elif token.startswith("-"):
            return None  # --help, a mistyped option, "--": the full parser's to answer
        else:
            positional.append(token)
    wanted = _POSITIONAL[command]
    if (len(positional) != wanted) if wanted is not None else not positional:
        return None
    try:
        if command == "cite":
            return cite(home, positional[0], style=values["--style"], quote="--quote" in flags)
        if command == "show":
            return show(home, positional[0], as_json="--json" in flags,
                        explain="--explain" in flags)
        if command == "check":
            return check(home, [Path(p) for p in positional], as_json="--json" in flags)
        return verify(home, as_json="--json" in flags)
    except Failed as failed:
        return failed.exit_code
