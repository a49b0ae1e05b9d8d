"""Scoring extracted metadata against a gold ``*.meta.json`` (shared by tests and bench)."""

from __future__ import annotations

from typing import Any

from archive.models import SourceMetadata


def _norm(value: Any) -> Any:
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, (list, tuple)):
        return [_norm(v) for v in value]
    if isinstance(value, dict):
        return {k: _norm(v) for k, v in value.items()}
    return value


def _actual(md: SourceMetadata, field: str) -> Any:
    value = getattr(md, field)
    if field == "authors":
        return [a.as_json() for a in value]
    return list(value) if isinstance(value, tuple) else value


def score(gold: dict[str, Any], md: SourceMetadata) -> list[tuple[str, bool, Any, Any]]:
    """``(item, ok, expected, got)`` for every scored item of one gold file."""
    rows = []
    for field, expected in gold.items():
        got = _actual(md, field)
        if field == "languages":
            rows.append((field, set(expected) == set(got or []), expected, got))
        elif isinstance(expected, dict):
            for lang, value in expected.items():
                other = (got or {}).get(lang)
                rows.append((f"{field}[{lang}]", _norm(value) == _norm(other), value, other))
            for lang in set(got or {}) - set(expected):
                rows.append((f"{field}[{lang}]", False, None, got[lang]))
        elif field == "authors" and expected:
            for i, author in enumerate(expected):
                other = got[i] if i < len(got) else None
                rows.append((f"authors[{i}]", _norm(author) == _norm(other), author, other))
            if len(got) > len(expected):
                rows.append(("authors[extra]", False, None, got[len(expected):]))
        else:
            rows.append((field, _norm(expected) == _norm(got), expected, got))
    return rows
