"""A BagIt bag (RFC 8493) of selected sources, for preservation systems.

Layout of the payload (``data/``)::

    objects/sha256/<hex>                 each original, byte for byte, named by its SHA-256
    sources/<key>/metadata.json          the merged record, every candidate with its origin,
                                         the files, and the CSL-JSON item
    sources/<key>/paragraphs.json        every paragraph ever issued (tombstones too), each with
                                         its ID, label, page, role, text and lineage
    sources/<key>/events.json            provenance events in PREMIS 3 terms (JSON)
    sources/<key>/rows.json              every stored row of the source, table by table, as
                                         the database holds it: what a re-import reads

The bag is made and its manifests written by bagit-python (payload and tag manifests in
SHA-256 and SHA-512, ``bag-info.txt`` with ``Payload-Oxum``), so that the result is what the
Library of Congress's own tool produces and validates.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import bagit

from .. import __version__
from ..errors import ArchiveError
from ..hashing import sha256_hex
from ..store import read
from ..store.records import SourceRows
from . import cite_sources

CHECKSUMS = ["sha256", "sha512"]


def _json(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n",
                    encoding="utf-8")


def premis_event(row: dict[str, Any]) -> dict[str, Any]:
    """One stored event in PREMIS 3 semantic units (JSON names as in the PREMIS XML)."""
    detail = row.get("detail")
    try:
        detail_value = json.loads(detail) if detail else None
    except ValueError:
        detail_value = detail
    event: dict[str, Any] = {
        "eventIdentifier": {"eventIdentifierType": "archive-event",
                            "eventIdentifierValue": str(row["id"])},
        "eventType": row.get("type"),
        "eventDateTime": row.get("at"),
        "eventOutcomeInformation": {"eventOutcome": row.get("outcome"),
                                    "eventOutcomeDetail": detail_value},
        "linkingAgentIdentifier": {"linkingAgentIdentifierType": "software",
                                   "linkingAgentIdentifierValue": "archive",
                                   "linkingAgentRole": "executing program"},
    }
    if row.get("file_sha256"):
        event["linkingObjectIdentifier"] = {"linkingObjectIdentifierType": "sha256",
                                            "linkingObjectIdentifierValue": row["file_sha256"]}
    return event


def paragraphs_with_lineage(rows: SourceRows) -> list[dict[str, Any]]:
    lineage: dict[str, list[dict[str, Any]]] = {}
    texts = {p["id"]: p["text"] for p in rows.table("paragraphs")}
    for version in rows.table("paragraph_versions"):
        related = json.loads(version["related"]) if version.get("related") else []
        text = version["text"]
        if text is None and version["fingerprint"] is not None:
            text = texts.get(version["paragraph_id"])  # stored once, with the paragraph
        lineage.setdefault(version["paragraph_id"], []).append({
            "match_kind": version["match_kind"], "file_sha256": version["file_sha256"],
            "text": text, "similarity": version["similarity"],
            "review": bool(version["review"]), "related": related, "at": version["at"],
        })
    keep = ("id", "label", "seq", "page", "role", "lang", "section", "status", "text",
            "first_text")
    return [{**{k: p.get(k) for k in keep}, "lineage": lineage.get(p["id"], [])}
            for p in rows.table("paragraphs")]


def write_bag(
    conn: sqlite3.Connection, keys: Sequence[str], target: Path, load: Callable[[str], bytes]
) -> Path:
    """Write a bag of *keys* into the new directory *target*; *load* gives an original's bytes
    by its SHA-256 (checked here: a damaged original is never bagged as if it were whole)."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise ArchiveError(f"{target}: already exists and is not empty",
                           hint="give a new directory for the bag")
    from .. import cite
    from ..cite.csljson import item

    target.mkdir(parents=True, exist_ok=True)
    for key, facts in zip(keys, cite_sources(conn, keys), strict=True):
        rows = read.source_rows(conn, key)
        here = target / "sources" / key
        for f in rows.table("files"):
            data = load(f["sha256"])
            if sha256_hex(data) != f["sha256"]:
                raise ArchiveError(f"object {f['sha256']} of {key} fails its fixity check",
                                   hint="run archive verify")
            path = target / "objects" / "sha256" / f["sha256"]
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        record = read.source(conn, key)
        assert record is not None  # the rows above were read in the same database
        _json(here / "metadata.json", {
            "key": key, "record": record.as_json(),
            "candidates": [{k: v for k, v in r.items() if k not in ("id", "source")}
                           for r in rows.table("metadata_values")],
            "files": [{**f, "path": f"data/objects/sha256/{f['sha256']}"}
                      for f in rows.table("files")],
            "csl": item(facts), "citation": cite.render("gost", facts),
        })
        _json(here / "paragraphs.json", paragraphs_with_lineage(rows))
        _json(here / "events.json", {"premis:version": "3.0",
                                     "events": [premis_event(e) for e in rows.table("events")]})
        _json(here / "rows.json", dict(rows.tables))
    try:
        bagit.make_bag(str(target), {
            "Bag-Software-Agent": f"archive {__version__} (bagit-python {bagit.VERSION})",
            "External-Description": f"{len(keys)} source(s): " + ", ".join(keys),
            "External-Identifier": " ".join(keys),
        }, checksums=CHECKSUMS)
    except (bagit.BagError, OSError) as exc:
        raise ArchiveError(f"{target}: cannot make the bag: {exc}") from exc
    return target
