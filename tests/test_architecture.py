"""The import rules of ``docs/architecture.md``, read from the source.

Every ``import`` and ``from … import`` in ``archive/`` counts, including those inside functions
(lazy imports are still dependencies). A failure names the module and what it must not import.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "archive"

# The pure stages: bytes in, dataclasses out. They never touch the archive's home.
PURE = (
    "archive.models", "archive.limits", "archive.origins", "archive.errors",
    "archive.extract.detect", "archive.hashing",
    "archive.language", "archive.search", "archive.extract", "archive.clean",
    "archive.segment", "archive.metadata", "archive.ids", "archive.ingest.analyse",
    "archive.textcopy", "archive.lineshapes", "archive.lazy", "archive.devised",
)
# Shared vocabulary every layer may use: the records, the limits, the origins of metadata
# values, the errors, the devised-title rule.
_BASE = ("archive.models", "archive.limits", "archive.origins", "archive.errors",
         "archive.devised", "archive.hashing")
_STAGES = tuple(m for m in PURE if m not in _BASE)
READ_SIDE = (
    "archive.reading.resolution", "archive.cite", "archive.reading.check", "archive.reading.citing",
    "archive.reading.report", "archive.export", "archive.reading.finding",
)
PUBLISHING = ("archive.web.plugin", "archive.web", "archive.web.publish", "archive.web.bundle")
WRITE_SIDE = (
    "archive.ingest.run", "archive.ingest.identify", "archive.upkeep.curation",
    "archive.upkeep.fixity", "archive.store.objects", "archive.store.write", "archive.store.plans",
    "archive.store.events",
    "archive.store.schema", "archive.store.tables",
    "archive.upkeep.restore", "archive.ingest.inputs", "archive.ingest.planning",
)

RULES: list[tuple[tuple[str, ...], tuple[str, ...], str]] = [
    (PURE, ("archive.store", "archive.ingest.run", "archive.ingest.identify", "archive.cli",
            *READ_SIDE, *PUBLISHING, "archive.upkeep.curation", "archive.upkeep.fixity",
            "archive.store.objects", "archive.ingest.sidecars"),
     "a pure stage reads bytes and returns values; it never reaches the archive"),
    (("archive.store",), ("archive.cli", *PUBLISHING, *READ_SIDE, "archive.ingest.run",
                          "archive.ingest.identify", "archive.upkeep.curation",
                          "archive.upkeep.fixity", *_STAGES),
     "the store only writes what the plan says and reads what it has: it derives nothing"),
    (PUBLISHING, WRITE_SIDE, "publishing reads the archive and never writes it"),
    (READ_SIDE, WRITE_SIDE, "citing and checking read the archive and never write it"),
    (("archive",), ("archive.cli",), "nothing imports the command line; it is the top"),
    (("archive.metadata",), ("archive.segment", "archive.clean"),
     "the metadata stage reads the segmenter's output, never its code or the cleaner's"),
]
# Heavy or storage libraries, each behind one door.
LIBRARIES = {
    "sqlite_utils": ("archive.store",),
    "pymupdf": ("archive.extract.pdf",),
    "fitz": (),
    "trafilatura": ("archive.extract.html",),
    "htmldate": ("archive.extract.html",),
    "warcio": ("archive.extract.warc",),
    "justext": (),  # measured against trafilatura (docs/web.md), not used
    "datasette": ("archive.web.plugin", "archive.web"),
    "typer": ("archive.cli",),
    "distributed": ("archive.ingest.workers",),  # Dask, for ``ingest --cluster``
    "dask": ("archive.ingest.workers",),
    "babel": ("archive.metadata.places",),  # CLDR's names of countries
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> Iterator[str]:
    """Absolute names of everything ``path`` imports (the modules and the names from them)."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            yield module
            yield from (f"{module}.{alias.name}" for alias in node.names)


def _within(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


GRAPH = {_module_name(p): set(_imports(p)) for p in sorted(PACKAGE.rglob("*.py"))}


def test_the_graph_is_read() -> None:
    assert "archive.cli" in GRAPH and "archive.store.read" in GRAPH
    assert "archive.store.records" in GRAPH["archive.store.read"]


@pytest.mark.parametrize(("importers", "forbidden", "why"), RULES, ids=[r[2] for r in RULES])
def test_import_rules(importers: tuple[str, ...], forbidden: tuple[str, ...], why: str) -> None:
    broken = sorted(
        f"{module} imports {target}"
        for module, targets in GRAPH.items()
        if _within(module, importers) and not _within(module, forbidden)
        for target in targets
        if _within(target, forbidden)
    )
    assert not broken, f"{why}:\n" + "\n".join(broken)


@pytest.mark.parametrize("library", sorted(LIBRARIES))
def test_libraries_behind_one_door(library: str) -> None:
    allowed = LIBRARIES[library]
    users = sorted(
        module for module, targets in GRAPH.items()
        if any(_within(t, (library,)) for t in targets) and not _within(module, allowed)
    )
    assert not users, f"only {allowed or 'nothing'} may import {library}: {users}"


def test_pure_stages_never_import_sqlite() -> None:
    users = sorted(m for m, ts in GRAPH.items() if _within(m, PURE) and "sqlite3" in ts)
    assert not users
