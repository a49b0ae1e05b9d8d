"""The command line run in-process, as the tests call it."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from archive.cli import app


def run(home: Path, *args: str) -> tuple[int, str, str]:
    """``archive --home HOME ARGS…``: exit code, stdout, stderr; a defect (an exception that
    is no exit) is raised, not hidden in the result."""
    result = CliRunner().invoke(app, ["--home", str(home), *args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr
