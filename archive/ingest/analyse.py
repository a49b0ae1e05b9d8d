"""The pure half of ingestion: bytes in, everything we can know about them out.

``analyse`` runs in worker processes when ingesting with ``--jobs``; it touches no database
and no file system, so its result depends on the bytes alone.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..errors import NoTextError, TooLittleTextError, UnsupportedTypeError
from ..extract.capture import CAPTURE
from ..extract.detect import GZIP_MAGIC, HTML, MHTML, PDF, WARC, detect_media_type, gunzip
from ..hashing import sha256_hex
from ..limits import DEFAULT_LIMITS, Limits
from ..models import Candidate, Document, Segmentation, SourceMetadata


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
    # What a WARC or MHTML capture said of the page (``capture:url``, ``capture:date``, HTTP
    # status and headers, the other records), for the file's record and its capture event.
    capture: tuple[tuple[str, str], ...] = ()


def extract(data: bytes, media_type: str) -> Document:
    if media_type == PDF:
        from ..extract.pdf import extract_pdf

        return extract_pdf(data)
    if media_type == HTML:
        from ..extract.html import extract_html

        return extract_html(data)
    if media_type in (WARC, MHTML):
        return _captured(data, media_type)
    from ..extract.text import extract_text

    return extract_text(data)


def _captured(data: bytes, media_type: str) -> Document:
    """A WARC's or MHTML file's page, read as HTML, with the capture's facts in its info."""
    from ..extract.html import extract_html

    if media_type == WARC:
        from ..extract.warc import READER, read_warc

        capture, reader = read_warc(data), READER
    else:
        from ..extract.mhtml import read_mhtml

        capture, reader = read_mhtml(data), "email (MHTML)"
    page = extract_html(capture.html, capture.charset)
    return replace(page, media_type=media_type, extractor=f"{reader} + {page.extractor}",
                   info=capture.info() + page.info)


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
    from ..clean import clean
    from ..ids import fingerprint
    from ..metadata import extract_candidates, merge
    from ..search import stem_text
    from ..segment import segment_cleaned

    content = data
    if data.startswith(GZIP_MAGIC):
        # The original stays compressed in the object store; its content is what is read.
        content = gunzip(data)
        if content.startswith(GZIP_MAGIC):
            raise UnsupportedTypeError("a gzip file inside a gzip file")
    media_type = detect_media_type(content)
    if media_type == WARC and content is not data:
        # A WARC.gz is one gzip member per record: the WARC reader unpacks them all.
        document = extract(data, media_type)
    else:
        document = extract(content, media_type)
    if content is not data and media_type != WARC:
        document = replace(document, extractor=f"gzip + {document.extractor}")
    if not any(line.text.strip() for line in document.lines):
        if media_type == PDF:
            raise NoTextError("no text layer (a scan?): nothing to index")
        # The OCR hint is for scans; a page of markup alone or a blank text has nothing to run
        # it on.
        raise NoTextError("no text: nothing to index", hint=_NO_TEXT_HINT)
    _enough_letters(document, limits.min_letters)
    segmentation = segment_cleaned(clean(document))
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
        capture=tuple((k, v) for k, v in document.info if k.startswith(CAPTURE)),
    )


def opening_rules(data: bytes) -> dict[str, str]:
    """Which rule opened each paragraph of the file, as this version of the segmenter reads
    it: the paragraph's fingerprint → the rule's name (``archive.segment.breaks``)."""
    from ..ids import fingerprint

    return {
        fingerprint(b.text): b.opened_by
        for b in analyse(data).segmentation.blocks
        if b.opened_by is not None
    }
