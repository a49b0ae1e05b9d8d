"""The short read commands run the quick way: the standard library and what they read, not
typer, sqlite-utils, numpy or PyMuPDF; and they print what the full command line prints."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from archive.cli import app
from archive.cli.reading import quick

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT / "seeds" / "001_0956fffff0b724be.txt"
ARTICLE = ROOT / "seeds" / "000_d613d50ca8d86847.txt"
# What a short command must not load: each costs more than the command's whole work.
HEAVY = ("typer", "click", "rich", "pydantic", "sqlite_utils", "numpy", "pymupdf", "datasette",
         "rapidfuzz", "py3langid", "trafilatura", "pymorphy3")

# Runs the ``archive`` program's entry point and writes the modules it ended with to a file.
DRIVER = r"""
import atexit, json, sys
modules_out = sys.argv.pop(1)
atexit.register(lambda: open(modules_out, "w").write(json.dumps(sorted(sys.modules))))
from archive.cli import main
main()
"""


def full(home: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["--home", str(home), *args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def program(tmp_path: Path, *args: str) -> tuple[int, str, str, list[str]]:
    modules = tmp_path / "modules.json"
    done = subprocess.run([sys.executable, "-c", DRIVER, str(modules), *args],
                          capture_output=True, text=True, cwd=tmp_path)
    return done.returncode, done.stdout, done.stderr, json.loads(modules.read_text())


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("quick") / "home"
    assert full(home, "ingest", str(ARTICLE), str(NEWS))[0] == 0
    return home


@pytest.fixture(scope="module")
def draft(home: Path) -> Path:
    path = home.parent / "draft.md"
    # IDs that resolve: suggesting the nearest to a mistyped one is worth its fuzzy matcher.
    path.write_text("As argued (kalila-2024-p17), and (kalila-2024-p3).\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("args", [
    ("cite", "kalila-2024-p17"),
    ("cite", "--style", "apa", "kalila-2024-p17", "--quote"),
    ("cite", "kalila-2024-p17", "--style=bibtex"),
    ("cite", "kalila-2024-p99999"),
    ("cite", "nobody-1900-p1"),
    ("show", "kalila-2024"),
    ("show", "--json", "zakon-kz-2025-10-23"),
    ("check", "DRAFT"),
    ("check", "DRAFT", "--json"),
    ("verify",),
    ("verify", "--json"),
], ids=" ".join)
def test_a_short_command_loads_nothing_heavy_and_prints_what_the_full_one_does(
    tmp_path: Path, home: Path, draft: Path, args: tuple[str, ...]
) -> None:
    args = tuple(str(draft) if a == "DRAFT" else a for a in args)
    code, out, err, modules = program(tmp_path, "--home", str(home), *args)
    loaded = sorted({m.split(".")[0] for m in modules} & set(HEAVY))
    assert loaded == [], f"archive {' '.join(args)} imported {loaded}"
    assert (code, out, err) == full(home, *args)


def test_the_home_comes_from_the_environment_too(tmp_path: Path, home: Path) -> None:
    assert quick(["verify"], {"ARCHIVE_HOME": str(tmp_path / "none")}) == 5  # no archive
    assert quick(["--home", str(home), "verify"], {"ARCHIVE_HOME": str(tmp_path)}) == 0
    assert quick([f"--home={home}", "verify"], {}) == 0


@pytest.mark.parametrize("argv", [
    [], ["--help"], ["cite"], ["cite", "--help"], ["cite", "a-p1", "b-p2"],
    ["cite", "a-p1", "--style"], ["cite", "a-p1", "--styles=apa"], ["show"],
    ["show", "--", "a"], ["check"], ["verify", "extra"], ["verify", "-h"], ["ingest", "x"],
    ["export"], ["--version"], ["--home"], ["--home=", "verify"], ["--homes=x", "verify"],
], ids=repr)
def test_anything_else_is_left_to_the_full_command_line(argv: list[str]) -> None:
    assert quick(argv, {}) is None


def test_the_full_command_line_still_answers_what_the_quick_way_leaves(tmp_path: Path) -> None:
    code, out, _, modules = program(tmp_path, "cite", "--help")
    assert code == 0 and "--style" in out and "typer" in modules
