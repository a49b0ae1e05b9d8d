"""What the store gives back: frozen values read from the database.

Everything that reads the archive (``archive show``, ``cite``, ``check``, the Datasette
plugin) gets these values from ``archive.store.read`` and never sees a row or a cursor.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final, Literal

from ..models import (
    LIVE,
    Author,
    CitedStatus,
    LineageKind,
    MatchKind,
    ParagraphStatus,
    Role,
    SourceMetadata,
)
from ..origins import AnyOrigin

# What a query names when no paragraph was ever issued under it.
UNKNOWN: Final = "unknown"
ResolutionStatus = Literal[ParagraphStatus, "unknown"]
# What a citation of an ID is in: its resolution, or ``edited`` for a live, changed paragraph.
ResolutionState = Literal[ResolutionStatus, CitedStatus]


@dataclass(frozen=True, slots=True)
class SourceRecord:
    """A stored source: its key and its merged metadata as the database holds them."""

    key: str
    metadata: SourceMetadata

    @property
    def title(self) -> str | None:
        return self.metadata.title

    def as_json(self) -> dict[str, Any]:
        """The public shape of ``archive show --json``."""
        m = self.metadata
        return {
            "key": self.key, "title": m.title,
            "authors": [_author_json(a) for a in m.authors], "year": m.year, "date": m.date,
            "doi": m.doi, "udc": list(m.udc), "grnti": list(m.grnti), "journal": m.journal,
            "volume": m.volume, "issue": m.issue, "cumulative_issue": m.cumulative_issue,
            "first_page": m.first_page,
            "last_page": m.last_page, "language": m.language, "languages": list(m.languages),
            "kind": m.kind, "keywords": dict(m.keywords), "abstracts": dict(m.abstracts),
            "publisher": m.publisher, "url": m.url, "titles": dict(m.titles),
            "bbk": list(m.bbk), "modified": m.modified, "description": m.description,
            "section": m.section,
        }


def _author_json(author: Author) -> dict[str, str | None]:
    """Name parts always; affiliation, e-mail and ORCID only where known."""
    extra = {k: v for k, v in author.as_json().items()
             if k in ("affiliation", "email", "orcid") and v}
    return {"family": author.family, "given": author.given, "literal": author.literal,
            **extra}


@dataclass(frozen=True, slots=True)
class FileRecord:
    """One stored original of a source."""

    sha256: str
    algorithm: str | None
    size: int | None
    media_type: str | None
    original_name: str | None
    extractor: str | None
    page_count: int | None
    first_seen: str | None
    ingest_id: int | None

    def as_json(self) -> dict[str, Any]:
        return {
            "sha256": self.sha256, "algorithm": self.algorithm, "size": self.size,
            "media_type": self.media_type, "original_name": self.original_name,
            "extractor": self.extractor, "page_count": self.page_count,
            "first_seen": self.first_seen, "ingest_id": self.ingest_id,
        }


@dataclass(frozen=True, slots=True)
class ParagraphRecord:
    """A paragraph as issued: live, or a tombstone that keeps its last text."""

    id: str
    source: str
    label: str
    seq: int | None
    page: int | None
    role: Role | None
    lang: str | None
    section: str | None
    text: str | None
    status: ParagraphStatus
    first_text: str | None

    @property
    def edited(self) -> bool:
        """True when the text has changed since the ID was first issued."""
        return self.first_text is not None and self.text != self.first_text

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "label": self.label, "seq": self.seq, "page": self.page,
            "role": self.role, "lang": self.lang, "section": self.section, "text": self.text,
        }


@dataclass(frozen=True, slots=True)
class FieldValue:
    """One candidate value of a metadata field, with where it came from."""

    field: str
    lang: str | None
    value: Any
    origin: AnyOrigin
    chosen: bool
    detail: str | None


@dataclass(frozen=True, slots=True)
class Version:
    """One row of a paragraph's lineage."""

    match_kind: MatchKind | LineageKind | None  # a tombstone's entry says what became of it
    text: str | None
    similarity: float | None
    related: tuple[str, ...]
    file: str | None
    at: str | None
    review: bool = False

    def as_json(self) -> dict[str, object]:
        return {"match_kind": self.match_kind, "similarity": self.similarity,
                "review": self.review, "related": list(self.related), "file": self.file,
                "at": self.at}


@dataclass(frozen=True, slots=True)
class Related:
    """A paragraph a tombstoned one went into (or came from)."""

    id: str
    status: ResolutionStatus
    text: str | None


@dataclass(frozen=True, slots=True)
class ParagraphView:
    """What a paragraph's page shows: the paragraph, its source and its lineage."""

    paragraph: ParagraphRecord
    source: SourceRecord | None
    accessed: str | None
    texts: tuple[str, ...]
    versions: tuple[Version, ...]
    origins: tuple[FieldValue, ...] = ()  # the source's metadata candidates
    previous: str | None = None  # the live paragraphs before and after it in reading order
    next: str | None = None


@dataclass(frozen=True, slots=True)
class SourceView:
    """What a source's panel shows: the record, its files, and text to cite it from."""

    source: SourceRecord
    files: tuple[FileRecord, ...]
    accessed: str | None
    texts: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Resolution:
    """What an ID names. ``status`` is ``live``, a tombstone's status, or ``unknown``.

    ``text`` is the text now (the last text of a tombstone), ``first_text`` the text when the
    ID was issued, ``successors`` the paragraphs a split or merged one went into.
    """

    query: str
    status: ResolutionStatus
    id: str | None = None
    source: str | None = None
    text: str | None = None
    first_text: str | None = None
    successors: tuple[Related, ...] = ()
    versions: tuple[Version, ...] = ()
    suggestions: tuple[str, ...] = ()

    @property
    def edited(self) -> bool:
        """True when the text has changed since the ID was first issued."""
        return bool(self.first_text is not None and self.text != self.first_text)

    @property
    def state(self) -> ResolutionState:
        """The status a citation of this ID is in: ``edited`` for a live, changed paragraph."""
        return "edited" if self.status == LIVE and self.edited else self.status

    @property
    def into(self) -> tuple[str, ...]:
        return tuple(r.id for r in self.successors)

    def as_json(self) -> dict[str, object]:
        return {
            "query": self.query,
            "status": self.status,
            "id": self.id,
            "source": self.source,
            "edited": self.edited,
            "text": self.text,
            "first_text": self.first_text,
            "successors": [
                {"id": r.id, "status": r.status, "text": r.text} for r in self.successors
            ],
            "versions": [
                {
                    "match_kind": v.match_kind,
                    "text": v.text,
                    "similarity": v.similarity,
                    "related": list(v.related),
                    "file": v.file,
                    "at": v.at,
                }
                for v in self.versions
            ],
            "suggestions": list(self.suggestions),
        }


@dataclass(frozen=True, slots=True)
class SourceRows:
    """Every stored row that belongs to one source, as column → value mappings, table by
    table: what a faithful export (a bag) carries so that nothing is lost."""

    key: str
    tables: tuple[tuple[str, tuple[dict[str, Any], ...]], ...]

    def table(self, name: str) -> tuple[dict[str, Any], ...]:
        return dict(self.tables).get(name, ())
