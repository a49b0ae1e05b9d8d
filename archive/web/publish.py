"""How the archive is published: the Datasette command line for an archive home.

Datasette runs in the archive home on the file name alone, so that no page shows where the
archive is stored. By default the database is served immutable (``-i``): Datasette then
never writes to it and can cache what it counts. An archive that is being ingested into
while it is served must be served ``live`` (a mutable connection that sees new rows).
"""

from __future__ import annotations

import sys
from pathlib import Path

# The configuration ships at the top of the repository, beside README.md.
CONFIG_NAME = "datasette.yaml"
# The plugin's page templates, inside the package.
TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def config_path() -> Path:
    """``./datasette.yaml`` when run from a checkout, else the one beside the package."""
    local = Path.cwd() / CONFIG_NAME
    if local.is_file():
        return local.resolve()
    return Path(__file__).resolve().parent.parent.parent / CONFIG_NAME


def datasette_command(
    db_name: str, *, host: str, port: int, live: bool = False
) -> list[str]:
    """The command that serves ``db_name`` (a file in the working directory)."""
    database = [db_name] if live else ["-i", db_name]
    command = [sys.executable, "-m", "datasette", "serve", *database,
               "--host", host, "--port", str(port)]
    config = config_path()
    if config.is_file():
        command += ["--config", str(config)]
    return command
