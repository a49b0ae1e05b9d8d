"""Take the real-world corpus's documents out of Debian's packages (see README.md here).

Each package of ``manifest.tsv`` is downloaded once with ``apt-get download`` and unpacked
with ``dpkg -x`` into the cache; each document is checked against its SHA-256. Prints one line
a document: fetched, cached, or why not.

Run: ``python bench/realworld/fetch.py``; ``paths()`` gives the benchmark the files.
"""

from __future__ import annotations

import csv
import hashlib
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
MANIFEST = HERE / "manifest.tsv"


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    package: str
    version: str
    path: str
    sha256: str
    licence: str
    split: str


def cache_dir() -> Path:
    default = Path.home() / ".cache" / "archive-realworld"
    return Path(os.environ.get("ARCHIVE_REALWORLD_CACHE", default))


def manifest() -> list[Entry]:
    with MANIFEST.open(encoding="utf-8", newline="") as f:
        return [Entry(**row) for row in csv.DictReader(f, delimiter="\t")]


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _unpacked(package: str, version: str, log: list[str]) -> Path:
    """The package's tree in the cache, downloading and unpacking it on first use."""
    root = cache_dir() / "root" / package
    if root.is_dir() and any(root.iterdir()):
        return root
    debs = cache_dir() / "deb"
    debs.mkdir(parents=True, exist_ok=True)
    found = sorted(debs.glob(f"{package}_*.deb"))
    if not found:
        # The pinned version first; Debian may have moved on, and the hash then decides.
        for spec in (f"{package}={version}", package):
            done = subprocess.run(["apt-get", "download", spec], cwd=debs,
                                  capture_output=True, text=True)
            if done.returncode == 0:
                break
        else:
            raise RuntimeError(f"apt-get download {package}: {done.stderr.strip()[-200:]}")
        found = sorted(debs.glob(f"{package}_*.deb"))
        log.append(f"downloaded {found[-1].name}")
    root.mkdir(parents=True, exist_ok=True)
    subprocess.run(["dpkg", "-x", str(found[-1]), str(root)], check=True)
    return root


def fetch(entry: Entry, log: list[str]) -> Path:
    """The document's file in the cache, its SHA-256 checked."""
    path = _unpacked(entry.package, entry.version, log) / entry.path.lstrip("/")
    if not path.is_file():
        raise FileNotFoundError(f"{entry.path} is not in {entry.package}")
    got = _sha256(path)
    if got != entry.sha256:
        raise ValueError(f"SHA-256 {got[:12]}… differs from the manifest's {entry.sha256[:12]}…")
    return path


def paths(split: str | None = None, quiet: bool = False) -> dict[str, Path]:
    """Every document of the manifest (of one split) that could be fetched, by id."""
    out: dict[str, Path] = {}
    for entry in manifest():
        if split and entry.split != split:
            continue
        log: list[str] = []
        try:
            out[entry.id] = fetch(entry, log)
            status = "; ".join(log) or "cached"
        except (OSError, RuntimeError, ValueError, subprocess.CalledProcessError) as exc:
            status = f"NOT FETCHED: {exc}"
        if not quiet or status.startswith("NOT"):
            print(f"{entry.id:28} {entry.package:28} {status}", file=sys.stderr)
    return out


if __name__ == "__main__":
    got = paths()
    print(f"{len(got)} of {len(manifest())} documents in {cache_dir()}")
