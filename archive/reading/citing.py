"""``archive cite`` and ``archive check`` against an archive: resolution plus the pure logic.

Paragraph URLs in citations point at the resolver of the published archive:
``$ARCHIVE_BASE_URL/-/p/<id>`` (default ``http://127.0.0.1:8001``, where ``archive serve``
listens), so set ``ARCHIVE_BASE_URL`` to the public address when publishing.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import get_close_matches
from pathlib import Path

from ..errors import ArchiveError, NotFoundError, UnreadablePathError
from ..models import LIVE
from ..store import read
from ..store.records import UNKNOWN, Resolution
from .check import Finding, check_citations, find_citations
from .resolution import resolve

DEFAULT_BASE_URL = "http://127.0.0.1:8001"


def paragraph_url(pid: str) -> str:
    from ..cite.stored import resolver_path

    base = os.environ.get("ARCHIVE_BASE_URL", DEFAULT_BASE_URL).rstrip("/")
    return base + resolver_path(pid)


@dataclass(frozen=True, slots=True)
class CitedParagraph:
    """What ``archive cite`` prints: the citation (with a note on a changed paragraph) on
    stdout, and the reasons it could mislead (``caveats``) on stderr."""

    text: str
    caveats: tuple[str, ...] = ()


def citation(
    conn: sqlite3.Connection, query: str, style: str, *, quote: bool = False
) -> CitedParagraph:
    """The citation of a paragraph in ``style``, with a note when it is no longer as cited."""
    from ..cite import STYLES
    from ..cite.caveats import caveats
    from ..cite.stored import citations

    if style not in STYLES:
        raise ArchiveError(f"unknown citation style {style!r}", hint="one of " + ", ".join(STYLES))
    found = resolve(conn, query)
    if found.status == UNKNOWN or found.id is None:
        near = f"; nearest: {', '.join(found.suggestions)}" if found.suggestions else ""
        raise NotFoundError(f"unknown paragraph ID {query!r}{near}")
    data = read.paragraph_view(conn, found.id)
    assert data is not None and data.source is not None  # resolved just now, in one database
    [made] = citations(data.source, data.accessed, data.texts, data.paragraph,
                       paragraph_url(found.id), styles=(style,), quote=quote)
    lines = [made.text]
    if found.status != LIVE:
        where = ", ".join(s.id for s in found.successors)
        lines.append(f"note: {found.id} was {found.status}" + (f" (now in {where})" if where
                                                              else "") + "; its last text:")
        lines.append(f"  {found.text}")
    elif found.edited:
        lines.append(f"note: {found.id} was edited since it was first issued.")
        lines.append(f"  as first cited: {found.first_text}")
        lines.append(f"  now:            {found.text}")
    return CitedParagraph("\n".join(lines),
                          tuple(caveats(data.source, data.paragraph, data.origins)))


def _resolution(conn: sqlite3.Connection, pid: str) -> Resolution | None:
    found = resolve(conn, pid)
    return None if found.status == UNKNOWN or found.id is None else found


@dataclass(frozen=True, slots=True)
class DraftFinding:
    draft: str
    finding: Finding

    def describe(self) -> str:
        f = self.finding
        text = f"{self.draft}:{f.citation.line}:{f.citation.column}: {f.severity}: {f.message}"
        if f.diff:
            text += "\n" + "\n".join("    " + line for line in f.diff.splitlines())
        return text

    def as_json(self) -> dict[str, object]:
        f = self.finding
        return {"draft": self.draft, "line": f.citation.line, "column": f.citation.column,
                "id": f.citation.id, "kind": f.kind, "severity": f.severity,
                "message": f.message, "suggestions": list(f.suggestions), "diff": f.diff}


def _candidate_ids(conn: sqlite3.Connection, keys: set[str]) -> list[str]:
    """IDs to suggest from: those of the cited sources, or of the keys closest to a mistyped one.

    Scanning every ID of a million-paragraph archive for each draft would be wasteful.
    """
    all_keys = read.source_keys(conn)
    wanted: set[str] = set()
    for key in sorted(keys):
        wanted.update([key] if key in all_keys else get_close_matches(key, all_keys, n=3))
    return [pid for key in sorted(wanted) for pid in read.paragraph_ids(conn, key)]


def check_drafts(conn: sqlite3.Connection, drafts: Sequence[Path]) -> list[DraftFinding]:
    """Every finding in every draft, in order; unreadable drafts are errors."""
    findings: list[DraftFinding] = []
    for draft in drafts:
        try:
            text = draft.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise UnreadablePathError(f"{draft}: cannot read draft: {exc}") from exc
        cited = find_citations(text)
        if not cited:
            continue
        known = _candidate_ids(conn, {c.key for c in cited})
        for finding in check_citations(cited, lambda pid: _resolution(conn, pid), known):
            findings.append(DraftFinding(str(draft), finding))
    return findings
