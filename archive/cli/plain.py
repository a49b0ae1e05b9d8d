"""The commands run most often (``ingest``, ``cite``, ``show``, ``check``, ``verify``)
without the command line framework.

A citation looked up in a shell loop, or a folder ingested again, should cost little more
than starting Python and the work itself; typer, rich and pydantic alone cost several times
that. So these commands are plain functions that print and return their exit code:
``quick`` parses the usual spellings of them with nothing but the standard library, and the
typer commands in ``commands`` call the same functions, so both ways in print the same
bytes. What each uses is imported inside it.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from ..errors import ArchiveError, SidecarError
from ..limits import DEFAULT_LIMITS, Limits

if TYPE_CHECKING:
    from ..ingest.run import FileOutcome
    from ..ingest.workers import Workers
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


def ingest(
    home: Path, paths: Sequence[Path], *, as_json: bool = False, jobs: int = 1,
    cluster: str | None = None, source: str | None = None,
    metadata_dir: Path = Path("metadata"), limits: Limits = DEFAULT_LIMITS,
) -> int:
    from ..ingest.run import FAILED, ingest_paths
    from ..ingest.sidecars import SidecarDir

    workers = _workers(jobs, cluster)  # a cluster is reached before anything is written
    progress = _Progress()
    try:
        report = with_store(home, lambda store: ingest_paths(
            store, list(paths), sidecars=SidecarDir(metadata_dir), source_key=source,
            workers=workers, limits=limits, on_file=progress.file, on_total=progress.total,
            on_wait=lambda: progress.say(
                "archive: waiting for another ingest into this archive to finish"),
        ), create=True)
    finally:
        progress.stop()
        if workers is not None:
            workers.close()
    counts = report.counts()
    if as_json:
        print_json({"files": [f.as_json() for f in report.files],
                    "summary": {**counts, "ingest_id": report.ingest_id}})
    else:
        for f in report.files:
            if f.status != FAILED:
                detail = f"{f.paragraphs} paragraphs" if f.paragraphs else (f.reason or "")
                say(f"{f.status:<11} {f.key}  {f.path}  {detail}")
        say(f"{counts['new']} new, {counts['new_version']} new version, "
            f"{counts['duplicate']} already present, {counts['failed']} failed")
        for f in report.files:
            if f.status == FAILED:
                say(f"  failed: {f.path}: {f.error}")
    if report.ok:
        return 0
    # A malformed sidecar (3) is the user's to fix, unlike a file that would not read (2).
    sidecar = any(f.exit_code == SidecarError.exit_code for f in report.files)
    return SidecarError.exit_code if sidecar else 2


def _workers(jobs: int, cluster: str | None) -> Workers | None:
    """Where the analyses run: ``--jobs`` processes here, or the Dask cluster at
    ``--cluster``; ``None`` for this process alone."""
    if cluster is not None:
        if jobs > 1:
            raise fail(ArchiveError("--jobs and --cluster exclude each other",
                                    hint="the cluster's workers set how many files run at once"))
        from ..ingest.workers import connect

        try:
            return connect(cluster)
        except ArchiveError as exc:
            raise fail(exc) from exc
    if jobs > 1:
        from ..ingest.workers import Processes

        return Processes(jobs)
    return None


class _Progress:
    """A progress bar on a terminal (rich, imported only then); elsewhere only the lines
    about failed files and warnings, on stderr."""

    def __init__(self) -> None:
        self._bar: Any = None
        if sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            console = Console(stderr=True, soft_wrap=True, highlight=False)
            self._bar = Progress(TextColumn("{task.description}"), BarColumn(),
                                 MofNCompleteColumn(), console=console, transient=True)
            self._task = self._bar.add_task("ingesting", total=None)
            self._bar.start()

    def say(self, text: str) -> None:
        if self._bar is None:
            warn(text)
        else:
            self._bar.console.print(text, markup=False, emoji=False)

    def total(self, n: int) -> None:
        if self._bar is not None:
            self._bar.update(self._task, total=n)

    def file(self, outcome: FileOutcome) -> None:
        if self._bar is not None:
            self._bar.advance(self._task)
        if outcome.status == "failed":
            hint = f" ({outcome.hint})" if outcome.hint else ""
            self.say(f"archive: {outcome.path}: {outcome.error}{hint}")
        for warning in outcome.warnings:
            self.say(f"archive: warning: {outcome.path}: {warning}")

    def stop(self) -> None:
        if self._bar is not None:
            self._bar.stop()


def show(home: Path, key: str, *, as_json: bool = False, explain: bool = False) -> int:
    from ..reading.report import source_report, source_text

    def report(store: Store) -> dict[str, Any]:
        data = source_report(store.conn, key, explain=explain)
        if explain and data["files"]:
            from ..ingest.analyse import opening_rules
            from ..reading.report import add_opening_rules

            add_opening_rules(data, opening_rules(store.objects.read(data["files"][-1]["sha256"])))
        return data

    data = with_store(home, report)
    if as_json:
        print_json(data)
    else:
        say(source_text(data))
    return 0


def cite(home: Path, paragraph_id: str, *, style: str = "gost", quote: bool = False) -> int:
    from ..reading.citing import citation

    made = with_store(home, lambda store: citation(store.conn, paragraph_id, style, quote=quote))
    say(made.text)
    for caveat in made.caveats:
        warn(f"archive: warning: {caveat}")
    return 0


def check(home: Path, drafts: Sequence[Path], *, as_json: bool = False) -> int:
    from ..reading.citing import check_drafts

    findings = with_store(home, lambda store: check_drafts(store.conn, list(drafts)))
    if as_json:
        print_json([f.as_json() for f in findings])
    else:
        for finding in findings:
            say(finding.describe())
        say(f"{len(findings)} finding(s)")
    return 1 if findings else 0


def verify(home: Path, *, as_json: bool = False) -> int:
    from ..upkeep.fixity import verify_all

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
def _at_least(value: float, minimum: float) -> float:
    if not value >= minimum:  # also refuses nan
        raise ValueError(value)
    return value


def _path(value: str) -> Path:
    if not value:
        raise ValueError(value)
    return Path(value)


# Per command: its flags; its options that take a value, each with the environment variable
# that can give it and a check that the value is acceptable; how many positional arguments it
# takes (None: one or more).
_FLAGS = {"ingest": {"--json"}, "cite": {"--quote"}, "show": {"--json", "--explain"},
          "check": {"--json"}, "verify": {"--json"}}
_ALIASES = {"-j": "--jobs"}
_VALUED: dict[str, dict[str, tuple[str | None, Callable[[str], object]]]] = {
    "ingest": {"--jobs": (None, lambda v: _at_least(int(v), 1)),
               "--cluster": (None, str),
               "--source": (None, str),
               "--metadata": ("ARCHIVE_METADATA", _path),
               "--max-mb": ("ARCHIVE_MAX_MB", lambda v: _at_least(float(v), 0)),
               "--min-letters": ("ARCHIVE_MIN_LETTERS", lambda v: _at_least(int(v), 0))},
    "cite": {"--style": (None, str)},
}
_POSITIONAL: dict[str, int | None] = {"ingest": None, "cite": 1, "show": 1, "check": None,
                                      "verify": 0}


def quick(argv: Sequence[str], environ: dict[str, str] | None = None) -> int | None:
    """Run ``argv`` when it is one of these commands in a plain spelling, and return the
    exit code; ``None`` for everything else (help, a usage error, any other command), which
    the full command line then parses and reports."""
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
    options = _VALUED.get(command, {})
    flags: set[str] = set()
    given: dict[str, str] = {}
    positional: list[str] = []
    while rest:
        token = rest.pop(0)
        name, eq, value = token.partition("=")
        name = _ALIASES.get(name, name)
        if token in _FLAGS[command]:
            flags.add(token)
        elif name in options:
            if not eq:
                if not rest:
                    return None
                value = rest.pop(0)
            given[name] = value
        elif token.startswith("-"):
            return None  # --help, a mistyped option, "--": the full parser's to answer
        else:
            positional.append(token)
    wanted = _POSITIONAL[command]
    if (len(positional) != wanted) if wanted is not None else not positional:
        return None
    values: dict[str, Any] = {}
    for name, (variable, convert) in options.items():
        raw = given.get(name, env.get(variable) if variable else None)
        if raw is None:
            continue
        try:
            values[name] = convert(raw)
        except ValueError:
            return None  # the full parser says what is wrong with it
    try:
        return _run(command, home, positional, flags, values)
    except Failed as failed:
        return failed.exit_code


def _run(command: str, home: Path, positional: list[str], flags: set[str],
         values: dict[str, Any]) -> int:
    if command == "ingest":
        limits = Limits.of(values.get("--max-mb", DEFAULT_LIMITS.max_mb),
                           int(values.get("--min-letters", DEFAULT_LIMITS.min_letters)))
        return ingest(home, [Path(p) for p in positional], as_json="--json" in flags,
                      jobs=int(values.get("--jobs", 1)), cluster=values.get("--cluster"),
                      source=values.get("--source"),
                      metadata_dir=values.get("--metadata", Path("metadata")), limits=limits)
    if command == "cite":
        return cite(home, positional[0], style=values.get("--style", "gost"),
                    quote="--quote" in flags)
    if command == "show":
        return show(home, positional[0], as_json="--json" in flags,
                    explain="--explain" in flags)
    if command == "check":
        return check(home, [Path(p) for p in positional], as_json="--json" in flags)
    return verify(home, as_json="--json" in flags)
