"""What ``archive show`` prints: one source with its files, paragraphs and field origins."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from ..errors import NotFoundError
from ..ids import fingerprint
from ..store import read
from ..store.records import ParagraphRecord, Version


def source_report(conn: sqlite3.Connection, key: str, *, explain: bool = False
                  ) -> dict[str, Any]:
    """The public JSON shape of a source; field origins under ``fields``. With ``explain``,
    each paragraph also says how its label was decided (``label``: the matching pass, its
    similarity, whether a person should review it, the IDs it continues); the rules that
    opened the paragraphs are added by ``add_opening_rules``."""
    src = read.source(conn, key)
    if src is None:
        raise NotFoundError(f"no source with key {key!r}")
    decided = read.latest_versions(conn, key) if explain else {}
    origins: dict[str, list[dict[str, Any]]] = {}
    for row in read.field_origins(conn, key):
        origins.setdefault(row.field, []).append(
            {"value": row.value, "lang": row.lang, "origin": str(row.origin),
             "chosen": row.chosen}
        )
    return {
        "source": src.as_json(),
        "fields": origins,
        "files": [f.as_json() for f in read.files(conn, key)],
        "paragraphs": [_paragraph(p, decided, explain) for p in read.paragraphs(conn, key)],
    }


def _paragraph(paragraph: ParagraphRecord, decided: dict[str, Version], explain: bool
               ) -> dict[str, Any]:
    shown = paragraph.as_json()
    if explain and (version := decided.get(paragraph.id)) is not None:
        shown["label_decided_by"] = {
            **version.as_json(), "related": [r for r in version.related if r != paragraph.id]
        }
    return shown


def add_opening_rules(data: dict[str, Any], rules: dict[str, str]) -> None:
    """Say beside each paragraph which rule opened it (``opened_by``), where the file read
    again gives a paragraph of the same text."""
    for p in data["paragraphs"]:
        if p["text"] is not None and (rule := rules.get(fingerprint(p["text"]))) is not None:
            p["opened_by"] = rule


def _value(value: Any) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def _decision(decided: dict[str, Any]) -> str:
    """``fuzzy 0.82, to review, continues kalila-2024-p6``: which pass gave the label."""
    parts = [str(decided["match_kind"])]
    if decided["similarity"] is not None and decided["match_kind"] != "new":
        parts[0] += f" {decided['similarity']:.2f}"
    if decided["review"]:
        parts.append("to review")
    if decided["related"]:
        parts.append("continues " + ", ".join(decided["related"]))
    return ", ".join(parts)


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
        if (decided := p.get("label_decided_by")) is not None:
            lines.append("         label: " + _decision(decided))
        if (rule := p.get("opened_by")) is not None:
            lines.append("         opened by: " + rule)
    return "\n".join(lines)
