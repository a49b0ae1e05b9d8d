"""``archive import BAG``: an archive rebuilt from a bag that ``archive export`` wrote.

The bag is validated first (bagit-python: every payload file against its manifests), so
nothing damaged is imported. Each original goes back into the object store under its
SHA-256, checked again; every stored row of every source is written back as it was, in one
transaction, with the word-form index recomputed from the paragraphs (it is derived, so the
bag does not carry it). Paragraph IDs, lineage, metadata candidates and events come back
unchanged, so citations made against the first archive resolve in the second.

The archive must hold no sources yet: row numbers of events and lineage are kept as they
were, and two archives' numbers would collide.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import bagit

from ..errors import ArchiveError, InputError
from ..hashing import sha256_hex
from ..search import INDEX_VERSION, stem_text
from ..store import Store, read
from ..store.plans import RestoreWrite

# Written in this order: rows refer to the ones before them.
TABLE_ORDER = ("ingests", "sources", "files", "paragraphs", "paragraph_versions",
               "metadata_values", "artifacts", "events")


def _load(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"{path}: cannot read: {exc}") from exc


def read_bag(bag_dir: Path) -> tuple[list[str], dict[str, list[dict[str, Any]]]]:
    """The validated bag's source keys and every row it carries, table by table."""
    try:
        bagit.Bag(str(bag_dir)).validate()
    except (bagit.BagError, bagit.BagValidationError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(f"{bag_dir}: not a valid bag: {first}") from exc
    sources = bag_dir / "data" / "sources"
    keys = sorted(p.name for p in sources.iterdir() if (p / "rows.json").is_file()) if (
        sources.is_dir()) else []
    if not keys:
        raise InputError(f"{bag_dir}: the bag holds no archive sources (data/sources/*/rows.json)")
    tables: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLE_ORDER}
    seen_ingests: set[Any] = set()
    for key in keys:
        rows = _load(sources / key / "rows.json")
        for table in TABLE_ORDER:
            for row in rows.get(table, []):
                if table == "ingests":
                    # One run may have ingested several of the bag's sources.
                    if row["id"] in seen_ingests:
                        continue
                    seen_ingests.add(row["id"])
                tables[table].append(row)
    return keys, tables


def import_bag(store: Store, bag_dir: Path) -> list[str]:
    """Restore every source of the bag into *store*; the keys restored."""
    keys, tables = read_bag(bag_dir)
    if read.source_keys(store.conn):
        raise ArchiveError("the archive already holds sources",
                           hint="import a bag into a new archive home")
    for f in tables["files"]:
        digest = f["sha256"]
        path = bag_dir / "data" / "objects" / "sha256" / digest
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(f"{path}: the bag lacks the original of {f['source']}") from exc
        if sha256_hex(data) != digest:
            raise InputError(f"{path}: bytes do not match their SHA-256")
        store.objects.put(data, digest)
    stems = tuple((p["id"], stem_text(p["text"] or "", p["lang"]))
                  for p in tables["paragraphs"] if p["status"] == "live")
    plan = RestoreWrite(tuple((t, tuple(tables[t])) for t in TABLE_ORDER), stems,
                        INDEX_VERSION)
    store.restore(plan, stem_text)
    return keys
