"""``archive serve``: a read-only Datasette that shows no paths, answers bad requests with a
4xx and one log line, and stops (freeing its port) on SIGTERM."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "001_0956fffff0b724be.txt"
STARTUP_SECONDS = 30


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str, data: bytes | None = None) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, data=data, timeout=5) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def _wait_until_up(url: str, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"archive serve exited with {process.returncode}")
        try:
            if _get(url)[0] == 200:
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    raise AssertionError(f"archive serve did not answer {url} within {STARTUP_SECONDS} s")


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory):
    home = tmp_path_factory.mktemp("served") / "home"
    archive = shutil.which("archive", path=str(Path(sys.executable).parent))
    assert archive is not None
    env = {**os.environ, "ARCHIVE_HOME": str(home)}
    subprocess.run([archive, "ingest", str(SEED)], env=env, check=True, capture_output=True)
    port = _free_port()
    log = home.parent / "serve.log"
    with log.open("w") as sink:
        process = subprocess.Popen([archive, "serve", "--port", str(port)], env=env,
                                   stdout=sink, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base + "/-/versions.json", process)
        yield base, home, process, port, log
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_served_read_only_without_paths(served) -> None:
    base, home, *_ = served
    _, body = _get(base + "/-/databases.json")
    [database] = json.loads(body)["databases"]
    assert database["is_mutable"] is False
    assert database["path"] == "archive.db" and str(home) not in body
    code, body = _get(base + "/archive/-/query.json?sql=select+file+from+pragma_database_list")
    assert code == 400 and str(home) not in body
    code, body = _get(base + "/archive/-/query.json?sql=select+count(*)+as+n+from+paragraphs")
    assert code == 200 and json.loads(body)["rows"][0]["n"] > 0


def test_bad_requests_get_a_4xx_and_one_log_line(served) -> None:
    base, _, _, _, log = served
    assert _get(base + "/archive/-/query", data=b"sql=select+1")[0] == 405
    assert _get(base + "/archive/no_such_table")[0] == 404
    time.sleep(0.3)
    lines = log.read_text().splitlines()
    assert any('"POST /archive/-/query HTTP/1.1" 405' in line for line in lines)
    assert any('"GET /archive/no_such_table HTTP/1.1" 404' in line for line in lines)
    assert not any("Traceback" in line or "locals" in line for line in lines), lines


def test_sigterm_stops_the_server_and_frees_the_port(served) -> None:
    _, _, process, port, _ = served
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=15)
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        # Connections the tests made may linger in TIME_WAIT; a listener may not.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", port))
        sock.listen()
