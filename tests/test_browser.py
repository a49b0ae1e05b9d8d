"""One real browser: a paragraph page served by Datasette, loaded in headless Chromium.

Proves what the in-process client cannot: the page is served over HTTP by ``datasette serve``
with the project's configuration and plugin, and the cite box survives a real HTML parser and
its inline script runs (it marks the box ``data-copy-ready``). Skipped when Chromium is not
installed (``apt-get install chromium``; ``.ci/run`` installs it).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_datasette import KK, build_archive

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parent.parent
STARTUP_SECONDS = 30
BROWSER_SECONDS = 60

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed (apt-get install chromium)"
)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_until_up(url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"datasette exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    raise AssertionError(f"datasette did not answer {url} within {STARTUP_SECONDS} s")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    home = tmp_path_factory.mktemp("browser")
    db = build_archive(home / "archive.db")
    port = _free_port()
    # Nothing may touch the real home directory: Datasette and Chromium both get a fresh one.
    env = {**os.environ, "HOME": str(home)}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "datasette",
            "serve",
            str(db),
            "--config",
            str(ROOT / "datasette.yaml"),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_until_up(base + "/-/versions.json", process)
        yield base, home
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _dump_dom(url: str, home: Path) -> str:
    profile = home / "chromium-profile"
    profile.mkdir(exist_ok=True)
    command = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        "--dump-dom",
        url,
    ]
    env = {**os.environ, "HOME": str(home)}
    try:
        result = subprocess.run(
            command, env=env, capture_output=True, timeout=BROWSER_SECONDS, check=False
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    assert result.returncode == 0, result.stderr.decode(errors="replace")[-2000:]
    return result.stdout.decode("utf-8")


def test_paragraph_page_in_headless_chromium(server: tuple[str, Path]) -> None:
    base, home = server
    dom = _dump_dom(f"{base}/archive/paragraphs/{KK}-p2", home)
    assert 'id="cite-this-paragraph"' in dom
    assert f'data-paragraph-id="{KK}-p2"' in dom
    assert 'data-copy-ready="true"' in dom  # the inline script ran without errors
    assert f"¶ {KK}-p2" in dom  # the paragraph ID in the (GOST) citation
    assert f"{base}/-/p/{KK}-p2" in dom  # absolute permalink


def test_resolver_redirect_lands_on_the_row_page(server: tuple[str, Path]) -> None:
    base, home = server
    dom = _dump_dom(f"{base}/-/p/{KK}%20%C2%B63", home)
    assert f'data-paragraph-id="{KK}-p3"' in dom
