"""One real browser: pages served by Datasette, loaded and used in headless Chromium.

Proves what the in-process client cannot: the page is served over HTTP by ``datasette serve``
with the project's configuration and plugin, and the cite box survives a real HTML parser and
its inline script runs (it marks the box ``data-copy-ready``); and that a reader can use the
landing page: type a Kazakh word form, submit, read ranked results laid out without overflow
or words broken mid-word, and open a result's cite box. Screenshots go to
``$ARCHIVE_SCREENSHOTS`` when set. Skipped when Chromium is not installed (``apt-get install
chromium``; ``.ci/run`` installs it).
"""

from __future__ import annotations

import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from cdp import Browser
from test_datasette import KK, build_archive

from archive import search
from archive.store import ranked

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


# Words of the page's text laid out on more than one line: a word broken mid-word. A line may
# end after a hyphen of a compound (әскери-саяси), so the parts between hyphens are the words.
_BROKEN_WORDS = """(() => {
  const broken = [];
  for (const root of document.querySelectorAll('.archive-results, .archive-facets')) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.data.matchAll(/[^\\s\\-‐]+/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
        if (tops.size > 1) broken.push(m[0]);
      }
    }
  }
  return broken;
})()"""
_OVERFLOW = "document.documentElement.scrollWidth - window.innerWidth"


def _ranked(db: Path, query: str) -> list[str]:
    """The live paragraphs a query finds, best first, as the archive ranks them."""
    tiers = search.tiers(query)
    assert tiers is not None
    conn = sqlite3.connect(db)
    try:
        ids = dict(conn.execute("SELECT rowid, id FROM paragraphs WHERE status = 'live'"))
        return [ids[r] for r in ranked.best_rowids(conn, *tiers) if r in ids]
    finally:
        conn.close()


def _laid_out_well(browser: Browser, shots: Path, name: str) -> None:
    browser.screenshot(shots / f"{name}.png")
    assert browser.evaluate(_OVERFLOW) <= 0, name
    assert browser.evaluate(_BROKEN_WORDS) == [], name


def test_landing_page_search_to_cite_box(server: tuple[str, Path]) -> None:
    base, home = server
    shots = Path(os.environ.get("ARCHIVE_SCREENSHOTS") or home / "screenshots")
    shots.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "HOME": str(home)}
    browser = Browser(CHROMIUM, home / "chromium-cdp", env, BROWSER_SECONDS)
    try:
        browser.viewport(1280, 900)
        browser.navigate(base + "/")
        assert browser.evaluate("document.querySelectorAll('input[type=search]').length") == 1
        browser.screenshot(shots / "landing.png")
        browser.click("input[name=q]")
        browser.type("бітімгершілікке")  # a form no heading has: found by its stem
        browser.press_enter()
        count = browser.wait_for(
            "location.search.includes('q=') && document.readyState === 'complete'"
            " && document.querySelectorAll('.archive-result').length")
        assert count > 5
        marks = browser.evaluate(
            "[...document.querySelectorAll('.archive-result:first-child mark')]"
            ".map(m => m.textContent.toLowerCase())")
        assert marks and all(m.startswith("бітімгершілік") for m in marks)
        shown = browser.evaluate("[...document.querySelectorAll('.archive-result')]"
                                 ".map(r => r.dataset.id)")
        assert shown == _ranked(home / "archive.db", "бітімгершілікке")[: len(shown)]
        facets = browser.evaluate("[...document.querySelectorAll('.archive-facets h3')]"
                                  ".map(h => h.textContent)")
        assert {"Language", "Role", "Journal", "Year"} <= set(facets)
        _laid_out_well(browser, shots, "landing-results")
        browser.viewport(420, 900)  # a phone's width: the facets go below the results
        _laid_out_well(browser, shots, "landing-results-narrow")
        browser.viewport(1280, 900)
        first = browser.evaluate("document.querySelector('.archive-result').dataset.id")
        browser.click(".archive-result:first-child .archive-cite-link")
        box = browser.wait_for(
            "document.querySelector('#cite-this-paragraph[data-copy-ready=true]')"
            " && document.querySelector('#cite-this-paragraph').dataset.paragraphId")
        assert box == first
        assert browser.evaluate("location.hash") == "#cite-this-paragraph"
        assert f"¶ {first}" in browser.evaluate("document.body.innerText")
        browser.screenshot(shots / "cite-box.png")
    finally:
        browser.close()
