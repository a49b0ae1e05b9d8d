"""Metadata curation: write sidecars for people to correct, and apply them to ingested sources.

Applying is reversible: a sidecar's values are stored as candidates with the origin
``sidecar <file>``; re-applying deactivates the previous sidecar's candidates (kept as history)
and re-merges. Deleting the sidecar and applying again restores the extracted values.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import ArchiveError, NotFoundError
from ..ingest.sidecars import SidecarDir
from ..models import Candidate
from ..store import Store
from ..store.events import EventWrite
from ..store.plans import MetadataWrite
from ..store.read import has_source, source_keys


def _known(store: Store, key: str) -> None:
    if not has_source(store.conn, key):
        raise NotFoundError(f"no source with key {key!r}")


def init_sidecar(store: Store, key: str, directory: Path, *, force: bool = False) -> Path:
    from ..metadata import merge, render_sidecar

    _known(store, key)
    target = SidecarDir(directory).file_for(key)
    if target.exists() and not force:
        raise ArchiveError(f"{target} already exists", hint="edit it, or pass --force")
    candidates = [c for _, c in store.active_candidates(key)]
    metadata, chosen = merge(candidates)
    text = render_sidecar(key, metadata, candidates, chosen)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise ArchiveError(f"{target}: cannot write: {exc.strerror or exc}") from exc
    return target


def _same(a: list[Candidate], b: list[Candidate]) -> bool:
    def shape(cs: list[Candidate]) -> list[tuple[str, str, str, str]]:
        # Compared as stored: JSON turns tuples into lists.
        return sorted(
            (c.field, json.dumps(c.value, ensure_ascii=False, sort_keys=True), c.lang or "",
             str(c.origin))
            for c in cs
        )

    return shape(a) == shape(b)


def apply_sidecars(
    store: Store, directory: Path, keys: list[str] | None = None
) -> list[tuple[str, str]]:
    """Apply (or withdraw) sidecars; returns (key, what happened) for each changed source."""
    from ..metadata import facets, merge
    from ..search import stem_text

    sidecars = SidecarDir(directory)
    targets = keys if keys is not None else source_keys(store.conn)
    for key in targets:
        _known(store, key)
    # Parse every sidecar before writing anything: one bad file changes nothing.
    parsed = {key: list(sidecars.candidates_for(key)) for key in targets}
    changed = []
    for key in targets:
        existing = store.active_candidates(key)
        old = [(row_id, c) for row_id, c in existing if c.from_sidecar]
        kept = [(row_id, c) for row_id, c in existing if not c.from_sidecar]
        new = parsed[key]
        if _same([c for _, c in old], new):
            continue
        metadata, chosen = merge([c for _, c in kept] + new)
        what = "sidecar removed" if not new else ("sidecar applied" if not old
                                                   else "sidecar re-applied")
        store.write_metadata(MetadataWrite(
            source_key=key,
            metadata=metadata,
            facets=facets(metadata),
            candidates=tuple(new),
            chosen=tuple(chosen[len(kept):]),
            existing_chosen=tuple(
                (row_id, flag) for (row_id, _), flag in zip(kept, chosen, strict=False)
            ),
            deactivate=tuple(row_id for row_id, _ in old),
            event=EventWrite("metadata-override", what, {
                "sidecar": sidecars.display_name(key),
                "fields": sorted({c.field for c in new} | {c.field for _, c in old}),
            }),
        ), stem_text)
        changed.append((key, what))
    return changed
