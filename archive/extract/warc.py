"""WARC and WARC.gz (ISO 28500) captures: the page's response record and its provenance.

warcio reads the records; it forgives a file cut short (the last record simply ends early),
so the record framing is checked here first: every record's ``Content-Length`` bytes must be
present, followed by its blank line. A ``.warc.gz`` is one gzip member per record (what
every crawler writes) or, after a plain ``gzip file.warc``, one member for the whole file:
both are unpacked here, members checked to the end, and warcio reads the plain records.

Which record is the source: the first ``response`` (or ``resource``) record whose content is
HTML and whose HTTP status is 2xx — a capture tool fetches the page it was pointed at before
the page's styles, scripts and images, and a crawl of several pages writes them in the order
visited. The file stays one source: its bytes are stored once, whole, and every other
record (more pages, redirects, styles, images, ``request``/``metadata`` records) is listed
in the file's capture event, not split into paragraphs. A crawl of several articles is
split into one WARC per page first (``warcio extract`` or the crawler's per-page output).
"""

from __future__ import annotations

import io
import re
import zlib
from dataclasses import replace
from importlib.metadata import version

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from archive.errors import CorruptFileError, NoTextError, UnsupportedTypeError
from archive.extract.detect import GZIP_MAGIC, MAX_UNPACKED, is_warc
from archive.extract.detect import WARC as MEDIA_TYPE

from .capture import WebCapture

__all__ = ["MEDIA_TYPE", "READER", "read_warc"]

READER = f"warcio {version('warcio')}"
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_LENGTH = re.compile(rb"^content-length:[ \t]*(\d+)[ \t]*\r?$", re.I | re.M)
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)
_NOT_A_PAGE = "the WARC holds no HTML page"


def read_warc(data: bytes) -> WebCapture:
    """The WARC's main HTML capture; a damaged or page-less WARC is refused with its reason."""
    plain = _gunzip_members(data) if data.startswith(GZIP_MAGIC) else data
    _check_framing(plain)
    page: WebCapture | None = None
    others: list[str] = []
    try:
        for record in ArchiveIterator(io.BytesIO(plain)):
            kind = record.rec_type
            uri = record.rec_headers.get_header("WARC-Target-URI") or ""
            date = record.rec_headers.get_header("WARC-Date")
            http = record.http_headers if kind == "response" else None
            content_type = (http.get_header("Content-Type") if http is not None else
                            record.rec_headers.get_header("Content-Type")) or ""
            status = _status(http.get_statuscode() if http is not None else None)
            is_html = content_type.split(";")[0].strip().lower() in _HTML_TYPES
            ok = status is None or 200 <= status < 300
            if page is None and kind in ("response", "resource") and is_html and ok:
                charset = _CHARSET.search(content_type)
                page = WebCapture(
                    container="warc",
                    html=record.content_stream().read(),
                    charset=charset.group(1) if charset else None,
                    url=uri or None,
                    date=date,
                    status=status,
                    headers=tuple((str(k), str(v)) for k, v in http.headers) if http else (),
                )
                continue
            detail = " ".join(p for p in (kind, str(status or ""), content_type.split(";")[0],
                                          uri) if p)
            others.append(detail)
    except (ArchiveLoadFailed, ValueError, EOFError, zlib.error) as exc:
        raise CorruptFileError(f"a damaged WARC file: {_first_line(exc)}") from exc
    if page is None:
        raise NoTextError(_NOT_A_PAGE, hint="archive reads the HTML response records of a "
                          "WARC; this one holds only other records")
    return replace(page, others=tuple(others))


def _status(code: str | None) -> int | None:
    return int(code) if code and code.isdecimal() else None


def _gunzip_members(data: bytes) -> bytes:
    """Every gzip member's content, in order; a member cut short is a damaged file."""
    out: list[bytes] = []
    size = 0
    rest = data
    while rest:
        inflater = zlib.decompressobj(wbits=31)
        try:
            chunk = inflater.decompress(rest, MAX_UNPACKED - size + 1)
        except zlib.error as exc:
            raise CorruptFileError(f"a damaged WARC.gz file: {exc}") from exc
        size += len(chunk)
        if size > MAX_UNPACKED or inflater.unconsumed_tail:
            raise UnsupportedTypeError(
                f"a WARC.gz that unpacks to more than {MAX_UNPACKED // 2**20} MiB",
                hint="split the crawl into smaller WARC files")
        if not inflater.eof:
            raise CorruptFileError("a WARC.gz file cut short")
        out.append(chunk)
        rest = inflater.unused_data
        if rest and not rest.startswith(GZIP_MAGIC):
            raise CorruptFileError("a WARC.gz file with bytes after its last gzip member")
    return b"".join(out)


def _check_framing(plain: bytes) -> None:
    """Every record whole: its header, ``Content-Length`` bytes of block, and CRLF CRLF."""
    at = 0
    count = 0
    while at < len(plain):
        if not is_warc(plain[at:at + 16]):
            if not plain[at:].strip():
                break  # trailing blank lines
            raise CorruptFileError(f"a damaged WARC file: record {count + 1} does not start "
                                   "with a WARC version line")
        end = plain.find(b"\r\n\r\n", at)
        if end < 0:
            raise CorruptFileError(f"a WARC file cut short in the header of record {count + 1}")
        length = _LENGTH.search(plain, at, end + 2)
        if length is None:
            raise CorruptFileError(f"a damaged WARC file: record {count + 1} has no "
                                   "Content-Length")
        at = end + 4 + int(length.group(1))
        if at > len(plain):
            raise CorruptFileError(f"a WARC file cut short in record {count + 1}")
        at += 4 if plain.startswith(b"\r\n\r\n", at) else 0
        count += 1


def _first_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text[:160] or type(exc).__name__
