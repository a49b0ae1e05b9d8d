"""``archive search``: the paragraphs, or the sources, a query finds, printed best first
as lines or as JSON. Not on the quick path: it loads the search's analysers anyway."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..reading.finding import Found, find, find_sources
from .plain import print_json, say, with_store


def search(
    home: Path, query: str, *, exact: bool = False, source: str | None = None,
    lang: str | None = None, role: str | None = None, limit: int = 20, as_json: bool = False,
) -> int:
    found = with_store(home, lambda store: find(
        store.conn, query, exact=exact, source=source, lang=lang, role=role, limit=limit))
    return _report(found, query, exact, as_json, "paragraphs",
                   lambda p: {**p.as_json(), "source": p.source}, _paragraph_line)


def search_sources(
    home: Path, query: str, *, exact: bool = False, limit: int = 20, as_json: bool = False,
) -> int:
    found = with_store(home, lambda store: find_sources(
        store.conn, query, exact=exact, limit=limit))
    return _report(found, query, exact, as_json, "sources", lambda s: s.as_json(), _source_line)


def _report(
    found: Found[Any], query: str, exact: bool, as_json: bool, noun: str,
    as_dict: Callable[[Any], dict[str, Any]], line: Callable[[Any], str],
) -> int:
    if as_json:
        print_json({
            "query": query, "exact": exact, "matching": found.total, "capped": found.capped,
            "hits": [as_dict(hit) for hit in found.hits],
        })
        return 0
    # A count that reached its cap is a floor.
    matching = f"more than {found.total:,}" if found.capped else f"{found.total:,}"
    say(f"{matching} {noun} match; the best {len(found.hits)} shown:")
    for hit in found.hits:
        say(line(hit))
    return 0


def _paragraph_line(p: Any) -> str:
    where = f"p.{p.page}" if p.page is not None else ""
    text = p.text or ""
    return (f"  {p.id:<24} {where:<6} {p.role or '':<12} "
            f"{text[:160] + ('…' if len(text) > 160 else '')}")


def _source_line(s: Any) -> str:
    m = s.metadata
    return f"  {s.key:<24} {m.year or '':<6} {m.title or m.display_title or ''}"
