"""What the ingest orchestration asks the store to write: plain values, no SQL. The events
a plan records are ``events.EventWrite``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..models import (
    Artifact,
    Candidate,
    LineageKind,
    MatchKind,
    Role,
    SourceFacets,
    SourceMetadata,
    TombstoneStatus,
)
from .events import EventWrite


@dataclass(frozen=True, slots=True)
class ParagraphWrite:
    id: str  # ``archive.ids.paragraph_id`` of the source key and the label
    label: str
    seq: int
    page: int | None
    role: Role
    lang: str | None
    section: str | None
    text: str
    fingerprint: str
    stems: str  # the word-form index entry (``archive.search.stem_text``)
    match_kind: MatchKind
    similarity: float | None = None
    review: bool = False
    related: tuple[str, ...] = ()  # IDs of the other paragraphs in a split or merge


@dataclass(frozen=True, slots=True)
class TombstoneWrite:
    id: str
    status: TombstoneStatus  # what the paragraph is now
    kind: LineageKind  # the lineage entry
    into: tuple[str, ...] = ()  # IDs its text went to


@dataclass(frozen=True, slots=True)
class FileWrite:
    """Everything one new file contributes, written in a single transaction."""

    sha256: str
    size: int
    media_type: str
    original_name: str
    extractor: str
    page_count: int
    source_key: str
    new_source: bool
    metadata: SourceMetadata
    facets: SourceFacets
    norm_version: str  # the normalisation the paragraphs' fingerprints were made with
    candidates: tuple[Candidate, ...]  # this file's candidates, inserted
    chosen: tuple[bool, ...]  # aligned with candidates
    existing_chosen: tuple[tuple[int, bool], ...]  # (metadata_values.id, chosen) re-merged
    paragraphs: tuple[ParagraphWrite, ...]
    tombstones: tuple[TombstoneWrite, ...]
    artifacts: tuple[Artifact, ...]
    events: tuple[EventWrite, ...]
    # A web capture's address, moment of capture (ISO 8601, UTC) and HTTP status, as the
    # WARC or MHTML file states them; None for other files.
    url: str | None = None
    captured_at: str | None = None
    http_status: int | None = None


@dataclass(frozen=True, slots=True)
class MetadataWrite:
    """A re-merge of one source's metadata, e.g. after a sidecar was added, edited or removed."""

    source_key: str
    metadata: SourceMetadata
    facets: SourceFacets
    candidates: tuple[Candidate, ...]  # new candidates to insert (the sidecar's)
    chosen: tuple[bool, ...]
    existing_chosen: tuple[tuple[int, bool], ...]
    deactivate: tuple[int, ...]  # metadata_values ids no longer in force (an old sidecar's)
    event: EventWrite


@dataclass(frozen=True, slots=True)
class RestoreWrite:
    """Rows exported in a bag, to be written back exactly as they were.

    ``tables`` are (table, rows) in the order they may be written (a row's references come
    first); ``stems`` are the word-form index entries of the live paragraphs, by ID, which the
    bag does not carry because they are derived (``archive.search.stem_text``).
    """

    tables: tuple[tuple[str, tuple[dict[str, Any], ...]], ...]
    stems: tuple[tuple[str, str], ...] = ()
    stems_version: str | None = None  # the search rules' version the stems were made with
