"""Read models: what ``archive show``, ``cite`` and ``check`` need, as plain dicts and lists."""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils

from ..errors import NotFoundError

# The public JSON shape of a source (``archive show --json``); other columns stay internal.
SOURCE_FIELDS = (
    "key", "title", "authors", "year", "date", "doi", "udc", "grnti", "journal", "volume",
    "issue", "first_page", "last_page", "language", "languages", "kind", "keywords",
    "abstracts", "publisher", "url", "titles", "bbk",
)
_JSON_COLUMNS = {"authors", "udc", "grnti", "keywords", "abstracts", "languages", "titles", "bbk"}
_EMPTY: dict[str, Any] = {"authors": [], "udc": [], "grnti": [], "keywords": {}, "abstracts": {},
          "languages": [], "titles": {}, "bbk": []}


def source(db: sqlite_utils.Database, key: str) -> dict[str, Any]:
    rows = list(db.query("SELECT * FROM sources WHERE key = ?", [key]))
    if not rows:
        raise NotFoundError(f"no source with key {key!r}")
    row = rows[0]
    out: dict[str, Any] = {}
    for name in SOURCE_FIELDS:
        value = row.get(name)
        if name in _JSON_COLUMNS:
            value = json.loads(value) if value else _EMPTY[name]
        out[name] = value
    out["authors"] = [
        {"family": a.get("family"), "given": a.get("given"), "literal": a.get("literal"),
         **{k: a[k] for k in ("affiliation", "email", "orcid") if a.get(k)}}
        for a in out["authors"]
    ]
    return out


def files(db: sqlite_utils.Database, key: str) -> list[dict[str, Any]]:
    return list(db.query(
        "SELECT sha256, algorithm, size, media_type, original_name, extractor, page_count, "
        "first_seen, ingest_id FROM files WHERE source = ? ORDER BY first_seen, sha256", [key]
    ))


def paragraphs(db: sqlite_utils.Database, key: str, *, all_statuses: bool = False
               ) -> list[dict[str, Any]]:
    where = "" if all_statuses else "AND status = 'live'"
    return list(db.query(
        "SELECT id, label, seq, page, role, lang, section, text, status FROM paragraphs "
        f"WHERE source = ? {where} ORDER BY seq", [key]
    ))


def field_origins(db: sqlite_utils.Database, key: str) -> list[dict[str, Any]]:
    rows = db.query(
        "SELECT field, lang, value, origin, chosen, detail FROM metadata_values "
        "WHERE source = ? AND active = 1 ORDER BY field, chosen DESC, priority DESC, id", [key]
    )
    return [{**row, "value": json.loads(row["value"]), "chosen": bool(row["chosen"])}
            for row in rows]


def paragraph_ids(db: sqlite_utils.Database, key: str | None = None) -> list[str]:
    if key is None:
        return [r[0] for r in db.execute("SELECT id FROM paragraphs ORDER BY source, seq")]
    return [r[0] for r in db.execute(
        "SELECT id FROM paragraphs WHERE source = ? ORDER BY seq", [key])]


def source_keys(db: sqlite_utils.Database) -> list[str]:
    return [r[0] for r in db.execute("SELECT key FROM sources ORDER BY key")]


def file_digests(db: sqlite_utils.Database) -> list[tuple[str, str]]:
    return [(r[0], r[1]) for r in db.execute(
        "SELECT sha256, source FROM files ORDER BY source, sha256")]
