"""MHTML (``.mht``, a browser's "save as single file"): the page's HTML part and its address.

MHTML is a MIME ``multipart/related`` message (RFC 2557); Python's ``email`` package reads
it. The page is the part the message's ``start`` parameter names, else the first HTML part.
Chrome writes ``Snapshot-Content-Location`` (the page's address) and ``Date`` (when it was
saved) in the message's header; other parts (styles, images, frames) stay in the stored
original and are listed in the file's capture event.
"""

from __future__ import annotations

import email
import email.policy
from email.message import Message
from email.utils import parsedate_to_datetime

from archive.errors import CorruptFileError, NoTextError
from archive.extract.detect import MHTML as MEDIA_TYPE

from .capture import WebCapture

__all__ = ["MEDIA_TYPE", "read_mhtml"]

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_mhtml(data: bytes) -> WebCapture:
    """The message's HTML part with the address and date the browser noted."""
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    if message.defects and not message.is_multipart():
        raise CorruptFileError(f"a damaged MHTML file: {type(message.defects[0]).__name__}")
    if not message.is_multipart():
        raise CorruptFileError("a damaged MHTML file: no parts after the header")
    parts = [p for p in message.walk() if not p.is_multipart()]
    start = (message.get_param("start") or "")
    start = start if isinstance(start, str) else ""
    page = next((p for p in parts if start and p.get("Content-ID") == start), None)
    page = page or next((p for p in parts if p.get_content_type() in _HTML_TYPES), None)
    if page is None:
        raise NoTextError("the MHTML file holds no HTML part",
                          hint="save the page again as 'Webpage, Single File' or as HTML")
    payload = page.get_payload(decode=True)
    if not isinstance(payload, bytes) or not payload.strip():
        raise NoTextError("the MHTML file's HTML part is empty")
    url = message.get("Snapshot-Content-Location") or page.get("Content-Location")
    others = tuple(
        " ".join(x for x in (p.get_content_type(), str(p.get("Content-Location") or "")) if x)
        for p in parts if p is not page
    )
    return WebCapture(
        container="mhtml",
        html=payload,
        charset=page.get_content_charset(),
        url=str(url).strip() if url else None,
        date=_date(message),
        others=others,
    )


def _date(message: Message) -> str | None:
    raw = message.get("Date")
    if not raw:
        return None
    try:
        when = parsedate_to_datetime(str(raw))
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is not None:
        from datetime import UTC

        when = when.astimezone(UTC)
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")
