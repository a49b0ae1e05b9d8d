"""The commands run most often go the quick way: the standard library and what they use,
not typer, sqlite-utils, numpy or PyMuPDF; and they print what the full command line
prints."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from archive.cli import app
from archive.cli.plain import quick

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


def test_ingest_the_quick_way_reports_what_the_full_one_does(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    for seed in (ARTICLE, NEWS):
        (tmp_path / "in" / seed.name).write_bytes(seed.read_bytes())
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    quick_home, full_home = tmp_path / "quick", tmp_path / "full"
    args = ("ingest", "-j", "2", "--min-letters=20", str(tmp_path / "in"))
    code, out, err, _ = program(tmp_path, "--home", str(quick_home), *args)
    assert (code, out, err) == full(full_home, *args)
    assert code == 2 and "empty.txt" in err and "2 new," in out
    json_args = ("ingest", str(tmp_path / "in"), "--json")
    code, out, err, _ = program(tmp_path, "--home", str(quick_home), *json_args)
    full_code, full_out, full_err = full(full_home, *json_args)
    ids = {f["path"]: (f["status"], f["key"]) for f in json.loads(out)["files"]}
    assert ids == {f["path"]: (f["status"], f["key"]) for f in json.loads(full_out)["files"]}
    assert (code, err) == (full_code, full_err)


def test_ingest_of_files_already_present_costs_a_hash_and_a_lookup(
    tmp_path: Path, home: Path
) -> None:
    code, out, _, modules = program(tmp_path, "--home", str(home), "ingest", str(ARTICLE))
    assert code == 0 and "1 already present" in out
    # The search rules' version is checked first (an archive indexed by older rules is
    # re-indexed), and ``archive.search`` imports its stemmers' modules, not their data.
    loaded = sorted({m.split(".")[0] for m in modules} & set(HEAVY) - {"pymorphy3"})
    assert loaded == []
    assert not [m for m in modules if m.startswith((
        "archive.extract.pdf", "archive.extract.html", "archive.ingest.identify",
        "archive.metadata", "archive.segment", "archive.clean", "archive.store.write"))]


# What a file the archive already has never needs: the analysis pipeline and the records it
# passes along, the write plans, and the standard library's heavier modules (importlib.metadata
# and the email package it reads metadata with; dataclasses and the inspect module it loads).
PIPELINE = ("archive.ingest.analyse", "archive.ingest.planning", "archive.ingest.workers",
            "archive.ingest.identify", "archive.extract", "archive.models", "archive.origins",
            "archive.ids", "archive.store.plans", "archive.store.write", "archive.store.ranked",
            "importlib.metadata", "email", "zipfile", "dataclasses", "inspect", "tempfile")


def _within(module: str, names: tuple[str, ...]) -> bool:
    return any(module == name or module.startswith(name + ".") for name in names)


def test_ingest_of_files_already_present_loads_no_analysis(tmp_path: Path, home: Path) -> None:
    # What Python itself starts with does not count: only what the command adds to it.
    start = subprocess.run([sys.executable, "-c", "import json, sys; print(json.dumps("
                            "sorted(sys.modules)))"], capture_output=True, text=True, check=True)
    args = ("ingest", str(ARTICLE), str(NEWS), "--json")
    code, out, _, modules = program(tmp_path, "--home", str(home), *args)
    assert code == 0
    assert {f["status"] for f in json.loads(out)["files"]} == {"duplicate"}
    added = set(modules) - set(json.loads(start.stdout))
    assert sorted(m for m in added if _within(m, PIPELINE)) == []


def test_the_home_comes_from_the_environment_too(tmp_path: Path, home: Path) -> None:
    assert quick(["verify"], {"ARCHIVE_HOME": str(tmp_path / "none")}) == 5  # no archive
    assert quick(["--home", str(home), "verify"], {"ARCHIVE_HOME": str(tmp_path)}) == 0
    assert quick([f"--home={home}", "verify"], {}) == 0


@pytest.mark.parametrize("argv", [
    [], ["--help"], ["cite"], ["cite", "--help"], ["cite", "a-p1", "b-p2"],
    ["cite", "a-p1", "--style"], ["cite", "a-p1", "--styles=apa"], ["show"],
    ["show", "--", "a"], ["check"], ["verify", "extra"], ["verify", "-h"],
    ["export"], ["--version"], ["--home"], ["--home=", "verify"], ["--homes=x", "verify"],
    ["ingest"], ["ingest", "-j", "0", "x"], ["ingest", "--jobs=two", "x"], ["ingest", "x", "-j"],
    ["ingest", "--max-mb", "-1", "x"], ["ingest", "--max-mb", "nan", "x"],
    ["ingest", "--metadata=", "x"], ["ingest", "-x", "x"], ["ingest", "--min-letters", "1.5", "x"],
], ids=repr)
def test_anything_else_is_left_to_the_full_command_line(argv: list[str]) -> None:
    assert quick(argv, {}) is None


def test_a_bad_value_from_the_environment_is_left_to_the_full_command_line() -> None:
    assert quick(["ingest", "x"], {"ARCHIVE_MAX_MB": "lots"}) is None


def test_the_full_command_line_still_answers_what_the_quick_way_leaves(tmp_path: Path) -> None:
    code, out, _, modules = program(tmp_path, "cite", "--help")
    assert code == 0 and "--style" in out and "typer" in modules
