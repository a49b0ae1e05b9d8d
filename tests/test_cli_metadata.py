"""Curating metadata with sidecars: init, edit, apply, reject malformed, withdraw."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from clirun import run

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "seeds" / "000_d613d50ca8d86847.txt"
KEY = "kalila-2024"


def show(home: Path) -> dict:
    return json.loads(run(home, "show", KEY, "--json")[1])


@pytest.fixture
def home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    code, out, _ = run(home, "ingest", "--json", "--metadata", str(tmp_path / "md"), str(ARTICLE))
    assert code == 0 and json.loads(out)["files"][0]["key"] == KEY
    return home


def test_init_edit_apply_and_withdraw(home, tmp_path):
    md = tmp_path / "md"
    extracted = show(home)["source"]["journal"]
    code, out, _ = run(home, "metadata", "init", KEY, "--metadata", str(md))
    assert code == 0
    sidecar = md / f"{KEY}.yaml"
    text = sidecar.read_text(encoding="utf-8")
    assert "# from " in text and f"journal: {extracted}" in text
    assert run(home, "metadata", "init", KEY, "--metadata", str(md))[0] != 0  # no overwrite

    sidecar.write_text(text.replace(f"journal: {extracted}", "journal: Құқық және мемлекет"),
                       encoding="utf-8")
    code, out, _ = run(home, "metadata", "apply", "--metadata", str(md))
    assert code == 0 and "sidecar applied" in out
    data = show(home)
    assert data["source"]["journal"] == "Құқық және мемлекет"
    chosen = [c for c in data["fields"]["journal"] if c["chosen"] and c["lang"] is None]
    assert len(chosen) == 1 and chosen[0]["origin"].startswith("sidecar ")
    assert any(not c["origin"].startswith("sidecar ") and c["value"] == extracted
               for c in data["fields"]["journal"])  # the extracted value is kept as history
    assert data["source"]["key"] == KEY  # corrections never change the key

    # Applying the same sidecar again changes nothing.
    assert "0 source(s) updated" in run(home, "metadata", "apply", "--metadata", str(md))[1]

    sidecar.unlink()
    code, out, _ = run(home, "metadata", "apply", "--metadata", str(md))
    assert code == 0 and "sidecar removed" in out
    assert show(home)["source"]["journal"] == extracted
    conn = sqlite3.connect(home / "archive.db")
    events = [r[0] for r in conn.execute(
        "SELECT outcome FROM events WHERE type = 'metadata-override' ORDER BY id")]
    assert events == ["sidecar applied", "sidecar removed"]


def test_malformed_sidecar_names_file_line_and_field_and_changes_nothing(home, tmp_path):
    md = tmp_path / "md"
    md.mkdir(exist_ok=True)
    before = show(home)
    (md / f"{KEY}.yaml").write_text("title: Жаңа тақырып\ndoi: not-a-doi\n", encoding="utf-8")
    code, _, err = run(home, "metadata", "apply", "--metadata", str(md))
    assert code == 3
    assert f"{KEY}.yaml" in err and "doi" in err and "2" in err
    assert len(err.strip().splitlines()) == 1
    assert show(home) == before


def test_sidecar_present_at_ingest_is_applied(tmp_path):
    md = tmp_path / "md"
    md.mkdir()
    (md / f"{KEY}.yaml").write_text("year: 2024\nissue: '4 (105)'\n", encoding="utf-8")
    home = tmp_path / "home"
    code, _, _ = run(home, "ingest", "--metadata", str(md), str(ARTICLE))
    assert code == 0
    data = show(home)
    assert data["source"]["issue"] == "4 (105)"
    assert any(c["origin"].startswith("sidecar ") and c["chosen"]
               for c in data["fields"]["issue"])
