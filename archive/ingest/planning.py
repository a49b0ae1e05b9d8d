"""The write plan of one ingested file: everything the store writes for it, derived here."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..extract.capture import CAPTURE
from ..models import Candidate, SourceMetadata
from ..origins import Sidecar
from ..store import Store
from ..store.events import EventWrite
from ..store.plans import FileWrite
from .analyse import Analysis
from .inputs import recorded_name
from .sidecars import SidecarDir

if TYPE_CHECKING:
    from .identify import Identity


def file_plan(
    store: Store, path: Path, analysis: Analysis, identity: Identity,
    sidecars: SidecarDir | None,
) -> FileWrite:
    """What to write for one file: its paragraphs labelled, its metadata merged with what
    the source already has (and its sidecar's), and the events of its provenance."""
    from ..ids import NORM_VERSION
    from ..metadata import facets
    from .identify import label_paragraphs

    existing = [] if identity.new_source else store.active_candidates(identity.key)
    sidecar_candidates: tuple[Candidate, ...] = ()
    if sidecars is not None and not any(c.from_sidecar for _, c in existing):
        sidecar_candidates = sidecars.candidates_for(identity.key)
    new_candidates = tuple(analysis.candidates) + tuple(sidecar_candidates)
    merged, existing_chosen, chosen_new = merged_metadata(existing, new_candidates)
    paragraphs, tombstones = label_paragraphs(store, identity, analysis)
    events = [EventWrite(
        "ingestion" if identity.new_source else "new-manifestation",
        "new source" if identity.new_source else "joined existing source",
        {"name": recorded_name(path), "media_type": analysis.media_type,
         "reason": identity.reason, "score": identity.score},
    )]
    # What was wrong with the file's text (a repaired text layer) stays on its record.
    events += [EventWrite("warning", warning, {"name": recorded_name(path)})
               for warning in analysis.warnings]
    capture = dict(analysis.capture)
    if capture:
        events.append(_capture_event(analysis.capture))
    sidecar = sidecar_candidates[0].origin if sidecar_candidates else None
    if isinstance(sidecar, Sidecar):
        events.append(EventWrite("metadata-override", "sidecar applied",
                                 {"sidecar": sidecar.name}))
    return FileWrite(
        sha256=analysis.sha256,
        size=analysis.size,
        media_type=analysis.media_type,
        original_name=recorded_name(path),
        extractor=analysis.extractor,
        page_count=analysis.page_count,
        source_key=identity.key,
        new_source=identity.new_source,
        metadata=merged,
        facets=facets(merged),
        norm_version=NORM_VERSION,
        candidates=new_candidates,
        chosen=chosen_new,
        existing_chosen=existing_chosen,
        paragraphs=paragraphs,
        tombstones=tombstones,
        artifacts=analysis.segmentation.artifacts,
        events=tuple(events),
        url=capture.get(CAPTURE + "url"),
        captured_at=capture.get(CAPTURE + "date"),
        http_status=int(status) if (status := capture.get(CAPTURE + "status", "")).isdecimal()
        else None,
    )


def merged_metadata(
    existing: Sequence[tuple[int, Candidate]], new: Sequence[Candidate]
) -> tuple[SourceMetadata, tuple[tuple[int, bool], ...], tuple[bool, ...]]:
    """A source's metadata merged from the candidates in force (with their row ids) and a new
    file's: the merged values, which stored candidates are now chosen, which new ones are."""
    from ..metadata import merge

    merged, chosen_all = merge([c for _, c in existing] + list(new))
    existing_chosen = tuple(
        (row_id, flag) for (row_id, _), flag in zip(existing, chosen_all, strict=False)
    )
    return merged, existing_chosen, tuple(chosen_all[len(existing):])


def _capture_event(facts: tuple[tuple[str, str], ...]) -> EventWrite:
    """A WARC's or MHTML's capture as a provenance event: where and when the page was
    fetched, the server's answer, and what else the file holds beside the page."""
    detail: dict[str, object] = {}
    headers: dict[str, str] = {}
    others: list[str] = []
    for key, value in facts:
        name = key.removeprefix(CAPTURE)
        if name.startswith("http:"):
            headers[name.removeprefix("http:")] = value
        elif name == "other":
            others.append(value)
        else:
            detail[name] = value
    detail |= {"headers": headers, "other_records": others}
    where = detail.get("url") or "an unnamed page"
    when = detail.get("date") or "an unstated time"
    return EventWrite("capture", f"captured {where} at {when}", detail)
