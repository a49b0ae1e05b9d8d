"""How the archive is published: the Datasette command line for an archive home."""

from __future__ import annotations

import sys
from pathlib import Path

# The configuration ships at the top of the repository, beside README.md.
CONFIG_NAME = "datasette.yaml"


def config_path() -> Path:
    """``./datasette.yaml`` when run from a checkout, else the one beside the package."""
    local = Path.cwd() / CONFIG_NAME
    if local.is_file():
        return local
    return Path(__file__).resolve().parent.parent / CONFIG_NAME


def datasette_command(db_path: Path, *, host: str, port: int) -> list[str]:
    command = [sys.executable, "-m", "datasette", "serve", str(db_path),
               "--host", host, "--port", str(port)]
    config = config_path()
    if config.is_file():
        command += ["--config", str(config)]
    return command
