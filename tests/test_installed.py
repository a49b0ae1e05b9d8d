"""An installed distribution's version is read as ``importlib.metadata.version`` reads it,
without importing it where the metadata is plain."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from importlib import metadata
from importlib.machinery import PathFinder
from pathlib import Path

import pytest

from archive import installed


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch) -> None:
    """Distributions found as in a fresh interpreter: the ``importlib_metadata`` backport, once
    another test has imported it, takes the standard library's path finder's part."""
    kept = [f for f in sys.meta_path if f is PathFinder or not hasattr(f, "find_distributions")]
    monkeypatch.setattr(sys, "meta_path", kept)
    monkeypatch.setattr(PathFinder, "find_distributions",
                        metadata.MetadataPathFinder.find_distributions, raising=False)


def _version(name: str) -> str:
    [found] = installed.versions([name], "unknown")
    return found


def _plain(name: str) -> str | None:
    """The version read without importlib.metadata, or None."""
    return installed._read([name]).get(name)


def _expected(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "unknown"


def _dist(folder: Path, directory: str, text: str, file: str = "METADATA") -> None:
    (folder / directory).mkdir(parents=True)
    (folder / directory / file).write_text(text, encoding="utf-8")


def test_the_word_form_index_version_is_read_without_importlib_metadata() -> None:
    done = subprocess.run([sys.executable, "-c", (
        "import json, sys\n"
        "from archive.search.version import INDEX_VERSION\n"
        "print(json.dumps([INDEX_VERSION, 'importlib.metadata' in sys.modules]))")],
        capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == [
        f"terms-v2+pymorphy3-{metadata.version('pymorphy3')}"
        f"+dicts-ru-{metadata.version('pymorphy3-dicts-ru')}"
        f"+snowball-{metadata.version('snowballstemmer')}", False]


def test_every_installed_distribution_reads_as_importlib_metadata_reads_it(fresh: None) -> None:
    names = {dist.metadata["Name"] for dist in metadata.distributions()}
    assert {"pymorphy3", "pymorphy3-dicts-ru", "snowballstemmer"} <= names
    assert installed.versions(sorted(names), "unknown") == [_expected(n) for n in sorted(names)]
    assert {name: _version(name) for name in names} == {name: _expected(name) for name in names}
    assert _plain("pymorphy3-dicts-ru") == metadata.version("pymorphy3-dicts-ru")


@pytest.mark.parametrize(("text", "plain"), [
    ("Metadata-Version: 2.1\nName: demo\nVersion: 1.2.3\n\nbody\nVersion: 9\n", True),
    ("Metadata-Version: 2.1\nName: demo\nVersion:1.2.3\n", True),
    ("Metadata-Version: 2.1\nName: demo\nversion: \t1.2 \nVersion: 2\n", True),
    ("Metadata-Version: 2.1\nSummary: two\n  lines\nVersion: 1.2.3\n", True),
    ("Metadata-Version: 2.1\r\nName: demo\r\nVersion: 1.2.3\r\n", True),
    ("Metadata-Version: 2.1\nName: demo\nVersion: 1.2\n  .3\n", False),
    ("Metadata-Version: 2.1\nName: demo\nno header here\nVersion: 1.2.3\n", False),
    ("Metadata-Version: 2.1\nVersion : 1.2.3\n", False),
    ("Metadata-Version: 2.1\nName: demo\n", False),
    ("Name: demo\n\nVersion: 1.2.3\n", False),
], ids=repr)
def test_a_version_field_reads_as_the_email_parser_reads_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh: None, text: str, plain: bool
) -> None:
    _dist(tmp_path, "demo-1.dist-info", "")
    (tmp_path / "demo-1.dist-info" / "METADATA").write_bytes(text.encode())
    monkeypatch.setattr(sys, "path", [str(tmp_path)])
    assert (_plain("demo") is not None) == plain
    # None where the field is missing: importlib.metadata's answer too.
    assert _version("demo") == metadata.version("demo")


def test_the_distribution_importlib_metadata_would_find(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh: None
) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    second.mkdir()
    _dist(first, "Zope.Interface_X-1.0.dist-info", "Name: zope.interface-x\nVersion: 1.0\n")
    _dist(second, "zope_interface_x-2.0.dist-info", "Name: zope.interface-x\nVersion: 2.0\n")
    _dist(second, "legacy-3.0.egg-info", "Name: legacy\nVersion: 3.0\n", file="PKG-INFO")
    with zipfile.ZipFile(tmp_path / "zipped.zip", "w") as archive:
        archive.writestr("zipped-4.0.dist-info/METADATA", "Name: zipped\nVersion: 4.0\n")
    monkeypatch.setattr(sys, "path", ["", str(tmp_path / "missing"), str(first), str(second),
                                      str(tmp_path / "zipped.zip")])
    monkeypatch.chdir(tmp_path)
    cases = {"zope-interface-x": True, "ZOPE.interface_x": True, "legacy": False,
             "zipped": False, "absent": False}
    for name, plain in cases.items():
        assert (_plain(name) is not None) == plain, name
        assert _version(name) == _expected(name), name
    assert _version("zope.interface-x") == "1.0"
    assert installed.versions(list(cases), "unknown") == [_expected(name) for name in cases]


def test_another_finder_of_distributions_first_is_left_to_importlib_metadata(
    monkeypatch: pytest.MonkeyPatch, fresh: None
) -> None:
    class Finder:
        @staticmethod
        def find_distributions(context: object = None) -> list[object]:
            return []

    meta_path = list(sys.meta_path)
    monkeypatch.setattr(sys, "meta_path", [*meta_path, Finder()])
    assert _plain("pymorphy3") == metadata.version("pymorphy3")
    monkeypatch.setattr(sys, "meta_path", [Finder(), *meta_path])
    assert _plain("pymorphy3") is None
    assert _version("pymorphy3") == metadata.version("pymorphy3")
    monkeypatch.setattr(sys, "meta_path", meta_path)
    monkeypatch.delattr(PathFinder, "find_distributions")  # as the backport leaves it
    assert _plain("pymorphy3") is None
