"""What ``archive show`` prints: one source with its files, paragraphs and field origins."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from .errors import NotFoundError
from .store import read


def source_report(conn: sqlite3.Connection, key: str) -> dict[str, Any]:
    """The public JSON shape of a source; field origins under ``fields``."""
    src = read.source(conn, key)
    if src is None:
        raise NotFoundError(f"no source with key {key!r}")
    origins: dict[str, list[dict[str, Any]]] = {}
    for row in read.field_origins(conn, key):
        origins.setdefault(row.field, []).append(
            {"value": row.value, "lang": row.lang, "origin": row.origin, "chosen": row.chosen}
        )
    return {
        "source": src.as_json(),
        "fields": origins,
        "files": [f.as_json() for f in read.files(conn, key)],
        "paragraphs": [p.as_json() for p in read.paragraphs(conn, key)],
    }


def _value(value: Any) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def source_text(data: dict[str, Any]) -> str:
    src = data["source"]
    lines = [f"{src['key']}: {src['title'] or '(untitled)'}", ""]
    chosen_origin = {
        field: next((c["origin"] for c in cands if c["chosen"]), None)
        for field, cands in data["fields"].items()
    }
    for field, value in src.items():
        if field == "key" or value in (None, [], {}, ""):
            continue
        origin = chosen_origin.get(field) or chosen_origin.get(field.rstrip("s"))
        suffix = f"   [{origin}]" if origin else ""
        lines.append(f"  {field:<11} {_value(value)}{suffix}")
    lines += ["", "files:"]
    for f in data["files"]:
        lines.append(
            f"  {f['sha256']}  {f['size']:>9} B  {f['media_type']:<16} {f['original_name']}"
        )
    lines += ["", "paragraphs:"]
    for p in data["paragraphs"]:
        where = f"p.{p['page']}" if p["page"] is not None else ""
        lines.append(f"  ¶{p['label']:<5} {where:<6} {p['role']:<12} {p['lang'] or '':<3} "
                     f"{p['text']}")
    return "\n".join(lines)
