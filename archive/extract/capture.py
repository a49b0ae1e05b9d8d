"""A web page as a capture tool kept it: the page's bytes and what the capture knew of it.

WARC and MHTML files wrap the page they captured with its address, the moment of capture
and, for WARC, the HTTP status and headers the server sent. ``warc`` and ``mhtml`` return
this value; ``archive.ingest.analyse`` hands the HTML to the HTML front end and keeps the rest as
the file's capture provenance (``Document.info`` under ``capture:``).
"""

from __future__ import annotations

from dataclasses import dataclass

# The ``Document.info`` prefix of a capture's facts. Unlike a text capture's ``date`` header
# (``capture-header:date``, which the seeds show to be the day of publication) a capture
# date here is when the page was fetched: the access date of a citation, never its date.
CAPTURE = "capture:"


@dataclass(frozen=True, slots=True)
class WebCapture:
    """One captured HTML page.

    ``date`` is ISO 8601 in UTC as the container states it (``2025-10-24T06:12:09Z``);
    ``headers`` are the HTTP response headers in the order sent; ``others`` one line per
    record or part that is not the page (``response text/css https://…/site.css``), kept
    whole in the stored original and listed here so the file's record says what it holds.
    """

    container: str  # "warc" | "mhtml"
    html: bytes
    charset: str | None = None  # from the HTTP or MIME Content-Type
    url: str | None = None
    date: str | None = None
    status: int | None = None
    headers: tuple[tuple[str, str], ...] = ()
    others: tuple[str, ...] = ()

    def info(self) -> tuple[tuple[str, str], ...]:
        """The capture as ``Document.info`` pairs (``capture:url``, ``capture:date``, …)."""
        out = [(CAPTURE + "container", self.container)]
        if self.url:
            out.append((CAPTURE + "url", self.url))
        if self.date:
            out.append((CAPTURE + "date", self.date))
        if self.status is not None:
            out.append((CAPTURE + "status", str(self.status)))
        out += [(f"{CAPTURE}http:{name}", value) for name, value in self.headers]
        out += [(CAPTURE + "other", line) for line in self.others]
        return tuple(out)
