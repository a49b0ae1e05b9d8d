"""Where a citation would mislead a reader, said in words: it is still printed, with these.

A paragraph whose role is ``foreign`` is text the file carries but the work does not own (a
publisher's blurb for another book, bound in after the article); a tombstone is no longer in
the text; a page outside the source's page range cannot be the work's own; a web page
without a URL cannot be cited with its address and access date; and a field the archive
inferred (from the text, the DOI's suffix, the kind of document) rather than read as
stated may be wrong.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..models import LIVE
from ..origins import AnyOrigin, Origin
from ..store.records import FieldValue, ParagraphRecord, SourceRecord

# The fields a citation prints; ``language`` and ``kind`` only shape it.
CITED_FIELDS = (
    "title", "authors", "year", "date", "journal", "volume", "issue", "cumulative_issue",
    "first_page",
    "last_page", "doi", "url", "publisher",
)
# Origins that guess rather than read a statement of the field.
INFERRED_ORIGINS: dict[AnyOrigin, str] = {
    Origin.INFERRED: "inferred", Origin.TEXT: "guessed from the text",
    Origin.DOI: "derived from the DOI",
}


def caveats(
    source: SourceRecord, paragraph: ParagraphRecord | None, origins: Iterable[FieldValue] = ()
) -> list[str]:
    """Plain sentences, one per reason to distrust the citation; empty when there is none."""
    out: list[str] = []
    if paragraph is not None:
        pid = paragraph.id
        if paragraph.role == "foreign":
            out.append(f"{pid} is not the work's own text (role 'foreign'): it is attributed "
                       f"to {source.key} only because the file carries it")
        if paragraph.status != LIVE:
            out.append(f"{pid} is a tombstone ({paragraph.status}): it is no longer in the "
                       "current text")
        m = source.metadata
        page = paragraph.page
        if page is not None and m.first_page is not None and m.last_page is not None and not (
            m.first_page <= page <= m.last_page
        ):
            out.append(f"{pid} is on page {page}, outside the source's pages "
                       f"{m.first_page}–{m.last_page}")
    m = source.metadata
    if m.kind in ("webpage", "article-newspaper", "post-weblog", "post") and not m.url and (
        m.first_page is None
    ):
        out.append(f"no URL is recorded for {source.key}: the citation cannot say where the "
                   "page was read, nor when (give one in a metadata sidecar)")
    for value in origins:
        if value.chosen and value.field in CITED_FIELDS and value.origin in INFERRED_ORIGINS:
            out.append(f"{value.field} {INFERRED_ORIGINS[value.origin]}, not stated in the "
                       f"source: {value.value}")
    return out
