"""The reasons a citation could mislead, each from the records alone."""

from __future__ import annotations

from dataclasses import replace

from archive.cite.caveats import caveats
from archive.models import SourceMetadata
from archive.origins import Origin
from archive.store.records import FieldValue, ParagraphRecord, SourceRecord

ARTICLE = SourceRecord("kalila-2024", SourceMetadata(
    title="T", kind="article-journal", first_page=35, last_page=40, journal="J"))
BODY = ParagraphRecord(id="kalila-2024-p30", source="kalila-2024", label="30", seq=30,
                       page=36, role="body", lang="kk", section=None, text="x", status="live",
                       first_text="x")


def test_a_live_body_paragraph_inside_the_pages_has_none() -> None:
    assert caveats(ARTICLE, BODY) == []


def test_foreign_tombstone_and_page_outside() -> None:
    odd = replace(BODY, role="foreign", status="deleted", page=41)
    found = caveats(ARTICLE, odd)
    assert len(found) == 3
    assert "role 'foreign'" in found[0]
    assert "tombstone (deleted)" in found[1]
    assert "page 41, outside the source's pages 35–40" in found[2]


def test_inferred_printed_fields_but_not_the_ones_that_only_shape_it() -> None:
    origins = [
        FieldValue("first_page", None, 35, Origin.DOI, True, "10.1/x"),
        FieldValue("publisher", None, "Zakon.kz", Origin.TEXT, True, None),
        FieldValue("language", None, "kk", Origin.INFERRED, True, None),
        FieldValue("journal", "kk", "J", Origin.RUNNING_FOOTER, True, None),
        FieldValue("year", None, 2023, Origin.INFERRED, False, None),  # not chosen
    ]
    found = caveats(ARTICLE, None, origins)
    assert found == [
        "first_page derived from the DOI, not stated in the source: 35",
        "publisher guessed from the text, not stated in the source: Zakon.kz",
    ]


def test_a_web_page_without_a_url() -> None:
    news = SourceRecord("zakon-kz-2025-10-23", SourceMetadata(kind="article-newspaper"))
    assert any("no URL is recorded" in c for c in caveats(news, None))
    online = SourceRecord("x", SourceMetadata(kind="webpage", url="https://example.org/a"))
    assert caveats(online, None) == []
