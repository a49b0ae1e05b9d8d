"""Media type from the bytes, never from the file name."""

from __future__ import annotations

from .errors import CorruptFileError, EmptyFileError, UnsupportedTypeError

PDF = "application/pdf"
HTML = "text/html"
TEXT = "text/plain"

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


def detect_media_type(data: bytes) -> str:
    """Return the media type of ``data`` or raise for empty and unsupported bytes.

    PDF readers accept a header anywhere in the first kilobyte, so do we. HTML is
    recognised by its opening tags after optional BOM and whitespace; everything else that
    is not a known binary format is offered to the text decoder, which rejects junk.
    """
    if not data:
        raise EmptyFileError("empty file (0 bytes)")
    if b"%PDF-" in data[:1024]:
        return PDF
    for magic, name in _KNOWN_BINARY:
        if data.startswith(magic):
            raise UnsupportedTypeError(f"unsupported file type: {name}")
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html")) or (
        head.startswith(b"<") and b"<html" in data[:4096].lower()
    ):
        return HTML
    return TEXT
