"""Media type from the bytes, never from the file name."""

from __future__ import annotations

import re

from ..errors import CorruptFileError, EmptyFileError, UnsupportedTypeError

PDF = "application/pdf"
HTML = "text/html"
TEXT = "text/plain"
WARC = "application/warc"
MHTML = "multipart/related"  # MHTML: a MIME message of the page and its parts (RFC 2557)

# Signatures of formats we recognise only to refuse them with a useful name.
_KNOWN_BINARY = (
    (b"PK\x03\x04", "a ZIP container (DOCX/EPUB/ODT?)"),
    (b"\xd0\xcf\x11\xe0", "an OLE2 document (DOC/XLS?)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"\x7fELF", "an executable"),
)


GZIP_MAGIC = b"\x1f\x8b"
MAX_UNPACKED = 512 * 1024 * 1024  # bytes: a gzip bomb is refused, not unpacked


def gunzip(data: bytes) -> bytes:
    """The content of a gzip-compressed file (Debian ships documents as ``.pdf.gz``)."""
    import zlib

    inflater = zlib.decompressobj(wbits=31)
    try:
        out = inflater.decompress(data, MAX_UNPACKED)
    except zlib.error as exc:
        raise CorruptFileError(f"a damaged gzip file: {exc}") from exc
    if inflater.unconsumed_tail:
        raise UnsupportedTypeError(
            f"a gzip file that unpacks to more than {MAX_UNPACKED // 2**20} MiB",
            hint="unpack it yourself if its content is meant to be kept",
        )
    if not inflater.eof:
        raise CorruptFileError("a gzip file cut short")
    return out


# A WARC starts with its version line (ISO 28500: ``WARC/1.0`` or ``WARC/1.1``); an MHTML
# file with a MIME header naming multipart/related before its first blank line.
_WARC = re.compile(rb"WARC/1\.[01]\r?\n")
_HEADER_END = re.compile(rb"\r?\n\r?\n")
_RELATED = re.compile(rb"^content-type:[ \t]*multipart/related", re.I | re.M)
_MIME = re.compile(rb"^mime-version:", re.I | re.M)


def is_warc(head: bytes) -> bool:
    return _WARC.match(head) is not None


def is_mhtml(head: bytes) -> bool:
    end = _HEADER_END.search(head)
    header = head[: end.start()] if end else head
    return bool(_MIME.search(header) and _RELATED.search(header))


def detect_media_type(data: bytes) -> str:
    """Return the media type of ``data`` or raise for empty and unsupported bytes.

    PDF readers accept a header anywhere in the first kilobyte, so do we. HTML is
    recognised by its opening tags after optional BOM and whitespace, a WARC by its version
    line, MHTML by its MIME header; everything else that
    is not a known binary format is offered to the text decoder, which rejects junk.
    """
    if not data:
        raise EmptyFileError("empty file (0 bytes)")
    if b"%PDF-" in data[:1024]:
        return PDF
    for magic, name in _KNOWN_BINARY:
        if data.startswith(magic):
            raise UnsupportedTypeError(f"unsupported file type: {name}")
    if is_warc(data[:16]):
        return WARC
    if is_mhtml(data[:8192]):
        return MHTML
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html")) or (
        head.startswith(b"<") and b"<html" in data[:4096].lower()
    ):
        return HTML
    return TEXT
