"""The pure half of ingestion: bytes in, everything we can know about them out.

``analyse`` runs in worker processes when ingesting with ``--jobs``; it touches no database
and no file system, so its result depends on the bytes alone.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .detect import GZIP_MAGIC, HTML, PDF, detect_media_type, gunzip
from .errors import NoTextError, TooLittleTextError, UnsupportedTypeError
from .hashing import sha256_hex
from .models import DEFAULT_LIMITS, Candidate, Document, Limits, Segmentation, SourceMetadata


@dataclass(frozen=True, slots=True)
class Analysis:
    sha256: str
    size: int
    media_type: str
    extractor: str
    page_count: int
    segmentation: Segmentation
    fingerprints: tuple[str, ...]  # per block, ``archive.ids.fingerprint``
    stems: tuple[str, ...]  # per block, for the word-form index
    candidates: tuple[Candidate, ...]
    metadata: SourceMetadata  # merged from this file's candidates alone
    warnings: tuple[str, ...] = ()  # the extractor's and the cleaner's, for the file's record


def extract(data: bytes, media_type: str) -> Document:
    if media_type == PDF:
        from .extract.pdf import extract_pdf

        return extract_pdf(data)
    if media_type == HTML:
        from .extract.html import extract_html

        return extract_html(data)
    from .extract.text import extract_text

    return extract_text(data)


_NO_TEXT_HINT = "the file holds no readable text: only markup and scripts, or nothing"


def _enough_letters(document: Document, minimum: int) -> None:
    """Refuse a text too small to cite; counting stops at ``minimum``, so a big file costs
    no more than its first lines."""
    letters = 0
    for line in document.lines:
        for ch in line.text:
            letters += ch.isalpha()
            if letters >= minimum:
                return
    if letters >= minimum:  # a minimum of 0
        return
    noun = "letter" if letters == 1 else "letters"
    raise TooLittleTextError(
        f"too little text to cite: {letters} {noun}, fewer than the minimum of {minimum}")


def analyse(data: bytes, limits: Limits = DEFAULT_LIMITS) -> Analysis:
    """Detect, extract, clean, segment and read metadata candidates from one file's bytes.

    Text with fewer letters than ``limits.min_letters`` is refused before it is segmented.
    """
    from .ids import fingerprint
    from .metadata import extract_candidates, merge
    from .search import stem_text
    from .segment import segment

    content = data
    if data.startswith(GZIP_MAGIC):
        # The original stays compressed in the object store; its content is what is read.
        content = gunzip(data)
        if content.startswith(GZIP_MAGIC):
            raise UnsupportedTypeError("a gzip file inside a gzip file")
    media_type = detect_media_type(content)
    document = extract(content, media_type)
    if content is not data:
        document = replace(document, extractor=f"gzip + {document.extractor}")
    if not any(line.text.strip() for line in document.lines):
        if media_type == PDF:
            raise NoTextError("no text layer (a scan?): nothing to index")
        # The OCR hint is for scans; a page of markup alone or a blank text has nothing to run
        # it on.
        raise NoTextError("no text: nothing to index", hint=_NO_TEXT_HINT)
    _enough_letters(document, limits.min_letters)
    segmentation = segment(document)
    candidates = extract_candidates(document, segmentation)
    metadata, _ = merge(candidates)
    return Analysis(
        sha256=sha256_hex(data),
        size=len(data),
        media_type=media_type,
        extractor=document.extractor,
        page_count=document.page_count,
        segmentation=segmentation,
        # Computed here, in the worker processes, so the single writer only writes.
        fingerprints=tuple(fingerprint(b.text) for b in segmentation.blocks),
        stems=tuple(stem_text(b.text, b.lang) for b in segmentation.blocks),
        candidates=tuple(candidates),
        metadata=metadata,
        warnings=document.warnings + segmentation.warnings,
    )


def opening_rules(data: bytes) -> dict[str, str]:
    """Which rule opened each paragraph of the file, as this version of the segmenter reads
    it: the paragraph's fingerprint → the rule's name (``archive.segment.breaks``)."""
    from .ids import fingerprint

    return {
        fingerprint(b.text): b.opened_by
        for b in analyse(data).segmentation.blocks
        if b.opened_by is not None
    }
