"""``archive publish DIR``: everything a read-only replica of the archive needs, in one folder.

The folder is built beside ``DIR`` and renamed to it when complete, so a failed publish
leaves nothing behind. It holds a consistent copy of the database (``Store.copy_to``), the
Datasette configuration and templates ``archive serve`` uses, this package as a wheel (the
plugin, registered by the wheel's entry point), the pinned requirements, a ``Dockerfile``
whose ``CMD`` serves the copy immutable, and a README on running N replicas behind a load
balancer. Nothing in it names the archive's home: the server runs in the folder, on file
names alone.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from ..distribution import pinned_requirements, write_wheel
from ..errors import ArchiveError
from ..store import Store
from .publish import CONFIG_NAME, TEMPLATES, config_path

DATABASE = "archive.db"
PORT = 8001
# The server's command, as the Dockerfile's CMD runs it (exec form, so JSON): HOST and PORT
# come from the environment, as container platforms give them.
SERVE = (f'exec datasette serve -i {DATABASE} --config {CONFIG_NAME} --template-dir templates '
         f'--host "${{HOST:-0.0.0.0}}" --port "${{PORT:-{PORT}}}"')
COMMAND = ["sh", "-c", SERVE]


def publish(store: Store, dest: Path) -> Path:
    """Write the bundle to the new folder ``dest``; returns it."""
    if dest.exists() or dest.is_symlink():
        raise ArchiveError(f"{dest}: already exists; publish writes a new folder",
                           hint="give a new path, or remove the old bundle first")
    if not dest.parent.is_dir():
        raise ArchiveError(f"{dest}: no folder {dest.parent} to write the bundle in")
    partial = dest.parent / f".{dest.name}.partial-{os.getpid()}"
    try:
        partial.mkdir()
        _fill(store, partial)
        partial.rename(dest)
    except OSError as exc:
        raise ArchiveError(f"{dest}: cannot write the bundle: {exc.strerror or exc}") from exc
    finally:
        shutil.rmtree(partial, ignore_errors=True)
    return dest


def _fill(store: Store, folder: Path) -> None:
    store.copy_to(folder / DATABASE)
    shutil.copyfile(config_path(), folder / CONFIG_NAME)
    shutil.copytree(TEMPLATES, folder / "templates")
    (folder / "wheels").mkdir()
    wheel = write_wheel(folder / "wheels")
    # The package's pins, then the package itself (whose own requirements are the same pins).
    requirements = [*pinned_requirements(), f"./wheels/{wheel.name}"]
    (folder / "requirements.txt").write_text("\n".join(requirements) + "\n", encoding="utf-8")
    (folder / "Dockerfile").write_text(dockerfile(), encoding="utf-8")
    (folder / "README.md").write_text(readme(wheel.name), encoding="utf-8")


def dockerfile() -> str:
    return f"""\
# One read-only replica of the archive: `archive publish` wrote this folder.
# Build: docker build -t archive-site .   Run: docker run -p {PORT}:{PORT} archive-site
FROM python:3.11-slim
WORKDIR /srv/archive
COPY requirements.txt ./
COPY wheels/ wheels/
RUN pip install --no-cache-dir -r requirements.txt
COPY {DATABASE} {CONFIG_NAME} ./
COPY templates/ templates/
USER nobody
EXPOSE {PORT}
CMD {json.dumps(COMMAND)}
"""


def readme(wheel: str) -> str:
    return _README.format(port=PORT, database=DATABASE, config=CONFIG_NAME, wheel=wheel,
                          serve=SERVE)


# The bundle's README.md (``str.format``: fields in braces, literal braces doubled).
_README = """\
# A published archive

Written by `archive publish`. Every file here is what one server needs; nothing here names
the archive it was published from.

- `{database}` — a consistent copy of the archive's database, made as of one moment
  (`VACUUM INTO`). It is served immutable: the servers never write to it, so any number of
  them can serve their own copy.
- `{config}` — the Datasette configuration (facets, search, sort orders, stored queries).
- `templates/` — the page templates (a paragraph's page, the cite box, the source panel).
- `wheels/{wheel}` — the archive package: its Datasette plugin adds the cite box, the
  resolver `/-/p/<paragraph ID>` and the word-form search.
- `requirements.txt` — the package's pinned dependencies (Datasette 1.0a41 among them).
- `Dockerfile` — an image that serves the copy on port {port}.

## One server

    docker build -t archive-site .
    docker run --rm -p {port}:{port} archive-site

Without Docker, in this folder (Python 3.11):

    python3.11 -m venv .venv && .venv/bin/pip install -r requirements.txt
    PATH=.venv/bin:$PATH sh -c '{serve}'

`HOST` and `PORT` in the environment choose where it listens (default `0.0.0.0:{port}`).

## N replicas behind a load balancer

The database never changes, so the replicas share nothing and need no sticky sessions:
run as many as the traffic needs and spread the requests over them. With Docker and nginx:

    for i in 1 2 3; do
        docker run -d --name archive-$i -p 127.0.0.1:$((8000 + i)):{port} archive-site
    done

and in nginx's configuration:

    upstream archive {{
        server 127.0.0.1:8001;
        server 127.0.0.1:8002;
        server 127.0.0.1:8003;
    }}
    server {{
        listen 80;
        server_name archive.example.org;
        location / {{
            proxy_pass http://archive;
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        }}
    }}

The cite box's links are made from the request's host, so nginx passes `Host` on. Behind
HTTPS, add `--setting force_https_urls 1` to the command in the Dockerfile. A health check
can ask for `/-/versions.json`.

## A new edition

Publish again into a new folder, build a new image, and replace the replicas one at a time:
each serves one whole edition, and every paragraph ID ever issued still resolves in the new
one.
"""
