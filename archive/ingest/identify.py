"""Which source a new file belongs to, and which labels its paragraphs carry.

A new file joins an existing source when ``--source KEY`` says so, when its DOI matches,
when its URL (a page's canonical address, else the address it was captured from) is the
source's or one of its captures', or when its normalised text overlaps an existing source's strongly
(``archive.ids.SAME_SOURCE_OVERLAP``); the
reason and score are recorded as an event. Otherwise it founds a new source with a freshly
minted key. Database reads go through the ``Store``; the decisions are pure functions in
``archive.ids``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence, Set
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..ids import (
    SAME_SOURCE_OVERLAP,
    OldParagraph,
    Shingles,
    carry_labels,
    mint_source_key,
    paragraph_id,
    shingle_overlap,
    shingles,
)
from ..models import Block, TombstoneStatus
from ..origins import Origin
from ..store import Store
from ..store.plans import ParagraphWrite, TombstoneWrite
from .analyse import Analysis

# How many sources sharing paragraph fingerprints are compared in full.
MAX_CANDIDATES = 5
# What a paragraph is once its lineage ends in a tombstone of this kind.
_TOMBSTONE_STATUS: dict[str, TombstoneStatus] = {"merged_into": "merged", "split_into": "split"}


@dataclass(frozen=True, slots=True)
class Identity:
    key: str
    new_source: bool
    reason: str
    score: float | None = None


class SourceShingles:
    """The shingles of sources' live text, kept for one ingest run: a candidate source is
    read and normalised once, however many new files are compared with it. ``forget`` a
    source when a file joins it, as its live text may have changed."""

    def __init__(self) -> None:
        self._by_key: dict[str, Shingles] = {}

    def of(self, store: Store, key: str) -> Shingles:
        found = self._by_key.get(key)
        if found is None:
            found = shingles([p.text for p in store.live_paragraphs(key)])
            self._by_key[key] = found
        return found

    def forget(self, key: str) -> None:
        self._by_key.pop(key, None)


def _mint(store: Store, analysis: Analysis, taken: Callable[[str], bool]) -> str:
    meta = analysis.metadata
    first = meta.authors[0] if meta.authors else None
    family = (first.family or first.literal) if first else None
    return mint_source_key(
        family, meta.year, meta.publisher, meta.date, taken, sha256=analysis.sha256
    )


def identify(
    store: Store, analysis: Analysis, source_key: str | None,
    known: SourceShingles | None = None,
) -> Identity:
    if source_key is not None:
        return Identity(source_key, False, "named with --source", None)
    doi = analysis.metadata.doi
    if doi and (key := store.source_by_doi(doi)):
        return Identity(key, False, f"same DOI {doi}", 1.0)
    url = _page_address(analysis)
    if url and (key := store.source_by_url(url_spellings(url))):
        return Identity(key, False, f"same URL {url}", 1.0)
    sharing = [key for key, _ in store.sources_sharing_fingerprints(analysis.fingerprints)]
    # A copy whose every paragraph differs a little (OCR noise, another extractor) shares no
    # fingerprint; the key it would be minted under, or its title, still names the candidates.
    base_key = _mint(store, analysis, taken=lambda _key: False)
    named = store.keys_like(base_key) + store.sources_by_title(analysis.metadata.title)
    candidates = list(dict.fromkeys(sharing[:MAX_CANDIDATES] + named[:MAX_CANDIDATES]))
    known = SourceShingles() if known is None else known
    new = shingles([block.text for block in analysis.segmentation.blocks]) if candidates else None
    best: tuple[float, str] | None = None
    for key in candidates:
        assert new is not None
        score = shingle_overlap(known.of(store, key), new)
        if best is None or score > best[0]:
            best = (score, key)
    if best is not None and best[0] >= SAME_SOURCE_OVERLAP:
        return Identity(best[1], False, "text overlap", round(best[0], 4))
    key = _mint(store, analysis, taken=store.source_exists)
    reason = "new source" if best is None else f"new source (best overlap {best[0]:.2f})"
    return Identity(key, True, reason, None if best is None else round(best[0], 4))


# Where a URL that names the page itself comes from: a capture, the page's own markup.
_PAGE_ADDRESS_ORIGINS = frozenset(
    (Origin.CAPTURE_HEADER, Origin.CAPTURE, Origin.HTML_META, Origin.JSON_LD, Origin.OPENGRAPH)
)


def _page_address(analysis: Analysis) -> str | None:
    """The file's own address, when a capture or the page's markup states it. An address
    printed in a document's text (an author's home page under the affiliation, a journal's
    site in the masthead) says where someone or something is, not which document this is:
    two papers by one author share it."""
    url = analysis.metadata.url
    if url and any(c.field == "url" and c.value == url and c.origin in _PAGE_ADDRESS_ORIGINS
                   for c in analysis.candidates):
        return url
    return None


def url_spellings(url: str) -> list[str]:
    """The spellings of one page's address that sites and capture tools mix: ``http`` or
    ``https``, with or without ``www.``, with or without a trailing slash; the fragment is
    never part of the page. Query strings are kept: on many sites they name the article."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return [url]
    host = parts.netloc.lower().removeprefix("www.")
    path = parts.path.rstrip("/")
    query = f"?{parts.query}" if parts.query else ""
    return [f"{scheme}://{www}{host}{path}{slash}{query}"
            for scheme in ("https", "http") for www in ("", "www.") for slash in ("", "/")]


def label_paragraphs(
    store: Store, identity: Identity, analysis: Analysis
) -> tuple[tuple[ParagraphWrite, ...], tuple[TombstoneWrite, ...]]:
    blocks = analysis.segmentation.blocks
    if identity.new_source:
        return paragraph_writes(identity.key, blocks, analysis.fingerprints, analysis.stems)
    old = [OldParagraph(p.label, p.text) for p in store.live_paragraphs(identity.key)]
    retired = [OldParagraph(p.label, p.text) for p in store.retired_paragraphs(identity.key)]
    return paragraph_writes(
        identity.key, blocks, analysis.fingerprints, analysis.stems,
        (old, retired, store.labels_ever_issued(identity.key)),
    )


# What a source already holds when a file joins it: its live paragraphs in reading order,
# its tombstoned ones with their last text, and every label ever issued.
Known = tuple[Sequence[OldParagraph], Sequence[OldParagraph], Set[str]]


def paragraph_writes(
    key: str,
    blocks: Sequence[Block],
    fingerprints: Sequence[str],
    stems: Sequence[str],
    known: Known | None = None,
) -> tuple[tuple[ParagraphWrite, ...], tuple[TombstoneWrite, ...]]:
    """The paragraph rows and tombstones of one file of source ``key``: labels numbered in
    reading order for a new source (``known`` None), else carried from what it holds."""
    if known is None:
        return tuple(
            ParagraphWrite(
                id=paragraph_id(key, str(seq)), label=str(seq), seq=seq, page=b.page,
                role=b.role, lang=b.lang, section=b.section, text=b.text, fingerprint=fp,
                stems=terms, match_kind="new",
            )
            for seq, (b, fp, terms) in enumerate(zip(blocks, fingerprints, stems, strict=True), 1)
        ), ()
    old, retired, taken = known
    result = carry_labels(old, [b.text for b in blocks], taken, retired)
    paragraphs = tuple(
        ParagraphWrite(
            id=paragraph_id(key, a.label), label=a.label, seq=seq, page=b.page,
            role=b.role, lang=b.lang, section=b.section, text=b.text, fingerprint=fp,
            stems=terms, match_kind=a.kind, similarity=a.similarity, review=a.review,
            related=tuple(paragraph_id(key, label) for label in a.from_labels),
        )
        for seq, (a, b, fp, terms) in enumerate(
            zip(result.assignments, blocks, fingerprints, stems, strict=True), 1
        )
    )
    tombstones = tuple(
        TombstoneWrite(
            id=paragraph_id(key, t.label),
            status=_TOMBSTONE_STATUS.get(t.kind, "deleted"),
            kind=t.kind,
            into=tuple(paragraph_id(key, label) for label in t.into),
        )
        for t in result.tombstones
    )
    return paragraphs, tombstones
