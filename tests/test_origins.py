"""Origins are stored as the text existing archives hold, and read back as what they were."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from clirun import run
from hypothesis import given
from hypothesis import strategies as st

from archive.origins import AnyOrigin, InText, Origin, Part, Sidecar, Unrecognised, parse

ROOT = Path(__file__).resolve().parent.parent
# Every spelling an archive may hold. Changing one orphans the values stored under it, so a
# new origin is added here with the text it is stored as, and none is ever respelt.
STORED: dict[AnyOrigin, str] = {
    Origin.XMP: "xmp",
    Origin.PDF_INFO: "pdf-info",
    Origin.CAPTURE_HEADER: "capture-header",
    Origin.CAPTURE: "capture",
    Origin.HTML_META: "html-meta",
    Origin.JSON_LD: "json-ld",
    Origin.OPENGRAPH: "opengraph",
    Origin.HTML_TITLE: "html-title",
    Origin.HTML_TIME: "html-time",
    Origin.HTMLDATE: "htmldate",
    Origin.RUNNING_HEADER: "running-header",
    Origin.RUNNING_FOOTER: "running-footer",
    Origin.COPYRIGHT_NOTICE: "front-matter (copyright notice)",
    Origin.TEXT_EXTENT: "text-extent",
    Origin.DOI: "doi",
    Origin.TEXT: "text",
    Origin.INFERRED: "inferred",
    InText(Part.FRONT_MATTER, 1): "front-matter p.1",
    InText(Part.ABSTRACT, 6): "abstract p.6",
    InText(Part.KEYWORDS, 2): "keywords p.2",
    InText(Part.TITLE_PAGE, 1): "title page p.1",
    InText(Part.TITLE_BLOCK, 1): "title block p.1",
    InText(Part.TITLE_LINES, 1): "title lines p.1",
    InText(Part.DATE_LINE, 12): "date line p.12",
    InText(Part.MANUAL_PAGE, 1): "manual page p.1",
    InText(Part.ABSTRACT): "abstract",
    Sidecar("metadata/kalila-2024.yaml"): "sidecar metadata/kalila-2024.yaml",
}


def test_every_origin_is_stored_as_archives_hold_it_and_read_back_as_itself() -> None:
    named = {o for o in STORED if isinstance(o, Origin)}
    parts = {o.part for o in STORED if isinstance(o, InText)}
    assert named == set(Origin) and parts == set(Part)
    for origin, text in STORED.items():
        assert str(origin) == text
        assert parse(text) == origin


def test_text_no_origin_spells_is_kept_as_it_was() -> None:
    for text in ("front-matter p.01", "date line p.", "abstract p.x", "Title page p.1", ""):
        assert parse(text) == Unrecognised(text)
        assert str(parse(text)) == text


@given(st.text())
def test_any_stored_text_is_written_back_unchanged(text: str) -> None:
    assert str(parse(text)) == text


@given(st.sampled_from(list(Part)), st.integers(min_value=0), st.text())
def test_pages_and_sidecar_names_come_back_as_they_went(part: Part, page: int, name: str) -> None:
    assert parse(str(InText(part, page))) == InText(part, page)
    assert parse(str(Sidecar(name))) == Sidecar(name)


def test_an_ingest_stores_only_origins_it_reads_back(tmp_path: Path) -> None:
    home = tmp_path / "home"
    pages = ROOT / "tests" / "data" / "html"
    inputs = [*sorted((ROOT / "seeds").glob("*.txt")), pages / "en_blog_jsonld.html",
              pages / "journal_landing.html"]
    assert run(home, "ingest", *map(str, inputs))[0] == 0
    conn = sqlite3.connect(home / "archive.db")
    stored = {text for (text,) in conn.execute("SELECT DISTINCT origin FROM metadata_values")}
    conn.close()
    read = {text: parse(text) for text in stored}
    assert not [t for t, o in read.items() if isinstance(o, Unrecognised)]
    assert {Origin.RUNNING_FOOTER, Origin.INFERRED, Origin.JSON_LD, Origin.HTML_META,
            InText(Part.FRONT_MATTER, 1)} <= set(read.values())
