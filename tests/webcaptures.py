"""Web captures built in the tests: WARC files written with warcio, MHTML files with Python's
``email`` package, both around the saved pages of ``tests/data/html``."""

from __future__ import annotations

import io
from email import encoders
from email.charset import QP, Charset
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

PAGES = Path(__file__).resolve().parent / "data" / "html"
ZAKON_URL = "https://www.zakon.example.kz/6440000-kak-kazakhstanskie-mirotvortsy-sluzhat.html"
CAPTURED = "2025-10-24T06:12:09Z"


def page(name: str) -> bytes:
    return (PAGES / name).read_bytes()


def _response(writer: WARCWriter, url: str, body: bytes, content_type: str,
              status: str = "200 OK", date: str = CAPTURED) -> None:
    headers = StatusAndHeaders(status, [
        ("Content-Type", content_type), ("Server", "nginx"),
        ("Last-Modified", "Thu, 23 Oct 2025 07:40:00 GMT"),
        ("Content-Length", str(len(body))),
    ], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(
        url, "response", payload=io.BytesIO(body), http_headers=headers,
        warc_headers_dict={"WARC-Date": date}))


def warc(html: bytes, url: str = ZAKON_URL, *, gz: bool = False,
         content_type: str = "text/html; charset=utf-8", redirect_first: bool = True) -> bytes:
    """A browser-made WARC in the shape Webrecorder and wget write: warcinfo, a redirect
    from http, the request and response of the page, then its stylesheet and a 404."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    writer.write_record(writer.create_warcinfo_record(
        "capture.warc", {"software": "wget/1.21.3 (linux-gnu)", "format": "WARC File Format 1.1"}))
    if redirect_first:
        moved = StatusAndHeaders("301 Moved Permanently", [("Location", url)],
                                 protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            url.replace("https://", "http://"), "response", payload=io.BytesIO(b""),
            http_headers=moved, warc_headers_dict={"WARC-Date": CAPTURED}))
    request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "www.zakon.example.kz"),
                                                  ("User-Agent", "Wget/1.21.3")],
                               is_http_request=True)
    writer.write_record(writer.create_warc_record(
        url, "request", payload=io.BytesIO(b""), http_headers=request,
        warc_headers_dict={"WARC-Date": CAPTURED}))
    _response(writer, url, html, content_type)
    _response(writer, url.rsplit("/", 1)[0] + "/main.css", b"body{margin:0}", "text/css")
    _response(writer, url.rsplit("/", 1)[0] + "/missing.html", b"<html><body><p>Not found"
              b" at all, sorry.</p></body></html>", "text/html", status="404 Not Found")
    return out.getvalue()


def warc_without_page() -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    writer.write_record(writer.create_warcinfo_record("empty.warc", {"software": "test"}))
    _response(writer, "https://www.zakon.example.kz/logo.png", b"\x89PNG\r\n\x1a\n",
              "image/png")
    return out.getvalue()


def mhtml(html: bytes, url: str = ZAKON_URL, *, with_page: bool = True,
          charset: str = "utf-8") -> bytes:
    """A page saved by Chrome as "Webpage, Single File": multipart/related, the page in
    quoted-printable (its bytes as they are, in ``charset``), an image in base64, the
    address and date in the header."""
    message = MIMEMultipart("related", type="text/html", boundary="----MultipartBoundary--x")
    message["From"] = "<Saved by Blink>"
    message["Snapshot-Content-Location"] = url
    message["Subject"] = "Zakon.kz"
    message["Date"] = "Fri, 24 Oct 2025 11:12:09 +0500"
    if with_page:
        part = _page_part(html, charset)
        part["Content-Location"] = url
        message.attach(part)
    image = MIMEBase("image", "png")
    image.set_payload(b"\x89PNG\r\n\x1a\n")
    encoders.encode_base64(image)
    image["Content-Location"] = url.rsplit("/", 1)[0] + "/logo.png"
    message.attach(image)
    return message.as_bytes()


def _page_part(html: bytes, charset: str) -> MIMEBase:
    if charset == "utf-8":
        utf8 = Charset("utf-8")
        utf8.body_encoding = QP  # Chrome writes the page quoted-printable
        return MIMEText(html.decode("utf-8"), "html", utf8)  # type: ignore[arg-type]
    part = MIMEBase("text", "html", charset=charset)  # a Windows-1251 or KOI8-R page as saved
    part.set_payload(html)
    encoders.encode_quopri(part)
    return part
