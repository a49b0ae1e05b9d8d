"""``archive publish DIR``: a bundle that serves the archive read-only, as its Dockerfile says.

No container engine runs here, so the bundle is served by running exactly the Dockerfile's
``CMD`` with this environment's Datasette, from inside the bundle, as the image would."""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from clirun import run

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
PARAGRAPH = "kalila-2024-p17"


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("published") / "home"
    assert run(home, "ingest", str(SEEDS))[0] == 0
    return home


@pytest.fixture(scope="module")
def bundle(home: Path) -> Path:
    bundle = home.parent / "site"
    code, _, err = run(home, "publish", str(bundle))
    assert code == 0, err
    return bundle


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def get(url: str) -> tuple[int, str, str]:
    """Status, final address (redirects followed) and body."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.url, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, url, exc.read().decode()


def dockerfile_command(bundle: Path) -> list[str]:
    [line] = [line for line in (bundle / "Dockerfile").read_text().splitlines()
              if line.startswith("CMD ")]
    command: list[str] = json.loads(line.removeprefix("CMD "))
    return command


@pytest.fixture(scope="module")
def served(bundle: Path) -> Iterator[str]:
    port = free_port()
    # The image's PATH finds the datasette that requirements.txt installed; here, this one's.
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}",
           "HOST": "127.0.0.1", "PORT": str(port)}
    log = (bundle.parent / "serve.log").open("w")
    process = subprocess.Popen(dockerfile_command(bundle), cwd=bundle, env=env,
                               stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, (bundle.parent / "serve.log").read_text()
            try:
                if get(base + "/-/versions.json")[0] == 200:
                    break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                assert time.monotonic() < deadline, "the bundle's server did not start"
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def test_the_bundle_holds_what_a_replica_needs(bundle: Path, home: Path) -> None:
    names = {p.relative_to(bundle).as_posix() for p in bundle.rglob("*") if p.is_file()}
    assert {"archive.db", "datasette.yaml", "Dockerfile", "README.md", "requirements.txt",
            "templates/row-archive-paragraphs.html", "wheels/archive-0.1.0-py3-none-any.whl",
            } <= names
    dockerfile = (bundle / "Dockerfile").read_text()
    assert "FROM python:3.11" in dockerfile
    assert "RUN pip install --no-cache-dir -r requirements.txt" in dockerfile
    assert "datasette serve -i archive.db --config datasette.yaml" in " ".join(
        dockerfile_command(bundle))
    requirements = (bundle / "requirements.txt").read_text().splitlines()
    assert "datasette==1.0a41" in requirements
    assert all("==" in r for r in requirements if not r.startswith("./wheels/"))
    with zipfile.ZipFile(bundle / "wheels" / "archive-0.1.0-py3-none-any.whl") as wheel:
        entries = wheel.namelist()
        assert "archive/web/plugin.py" in entries
        assert "archive/templates/archive_cite.html" in entries
        assert "[datasette]\narchive = archive.web.plugin" in wheel.read(
            "archive-0.1.0.dist-info/entry_points.txt").decode()
    # A copy of the whole database as of one moment, in a file of its own (no WAL).
    copy, original = sqlite3.connect(bundle / "archive.db"), sqlite3.connect(home / "archive.db")
    assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    for table in ("sources", "files", "paragraphs", "events"):
        count = f"SELECT count(*) FROM {table}"
        assert copy.execute(count).fetchone() == original.execute(count).fetchone()


def test_nothing_in_the_bundle_names_the_archive_home(bundle: Path, home: Path) -> None:
    spellings = {str(home).encode(), str(home.resolve()).encode()}
    contents = [(p.name, p.read_bytes()) for p in bundle.rglob("*") if p.is_file()]
    with zipfile.ZipFile(bundle / "wheels" / "archive-0.1.0-py3-none-any.whl") as wheel:
        contents += [(name, wheel.read(name)) for name in wheel.namelist()]
    dump = "\n".join(sqlite3.connect(bundle / "archive.db").iterdump())
    contents.append(("archive.db (dumped)", dump.encode()))
    assert len(contents) > 100
    named = [name for name, data in contents if any(s in data for s in spellings)]
    assert named == []


def test_the_dockerfile_command_serves_paragraphs_and_the_resolver(served: str) -> None:
    status, _, page = get(f"{served}/archive/paragraphs/{PARAGRAPH}")
    assert status == 200 and "Cite this paragraph" in page
    status, where, resolved = get(f"{served}/-/p/{PARAGRAPH}")
    assert status == 200 and where == f"{served}/archive/paragraphs/{PARAGRAPH}"
    assert 'id="cite-this-paragraph"' in resolved
    status, _, body = get(f"{served}/-/p/{PARAGRAPH}.json")
    assert status == 200 and json.loads(body)["id"] == PARAGRAPH
    status, _, body = get(f"{served}/-/databases.json")
    assert [d["is_mutable"] for d in json.loads(body)["databases"]] == [False]


def test_a_publish_that_cannot_be_made_writes_nothing(home: Path, bundle: Path) -> None:
    before = sorted(p.name for p in bundle.iterdir())
    code, _, err = run(home, "publish", str(bundle))
    assert code == 1 and err.startswith(f"archive: error: {bundle}: already exists")
    assert sorted(p.name for p in bundle.iterdir()) == before
    elsewhere = home.parent / "nowhere" / "site"
    code, _, err = run(home, "publish", str(elsewhere))
    assert code == 1 and str(elsewhere) in err and not elsewhere.parent.exists()
    code, _, err = run(home.parent / "no-archive", "publish", str(home.parent / "other"))
    assert code == 5 and not (home.parent / "other").exists()
    assert not [p for p in home.parent.iterdir() if ".partial-" in p.name]
