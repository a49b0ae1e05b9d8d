"""Web captures as sources: WARC, WARC.gz and MHTML files around a news page, a later
capture joining a plain-text copy of the same article, and what the archive records of
each capture (address, capture time, HTTP status and headers, the other records)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
import webcaptures as wc
from test_cli import run

from archive.extract.detect import MHTML, WARC, detect_media_type
from archive.extract.warc import read_warc
from archive.ingest.analyse import analyse

ROOT = Path(__file__).resolve().parent.parent
SEED_NEWS = ROOT / "seeds" / "001_0956fffff0b724be.txt"
SEED_KEY = "zakon-kz-2025-10-23"
TITLE = "Как казахстанские миротворцы служат в миссиях ООН"


def _rows(home: Path, sql: str, *args: object) -> list[tuple]:
    conn = sqlite3.connect(home / "archive.db")
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def _ingest(home: Path, *paths: Path) -> dict:
    code, out, err = run(home, "ingest", "--json", *map(str, paths))
    assert code == 0, err
    return json.loads(out)


@pytest.fixture(scope="module")
def seed_paragraphs() -> list[tuple[str, str]]:
    return [(b.role, b.text) for b in analyse(SEED_NEWS.read_bytes()).segmentation.blocks]


def test_capture_formats_are_told_by_their_bytes() -> None:
    html = wc.page("zakon_article.html")
    assert detect_media_type(wc.warc(html)) == WARC
    assert detect_media_type(wc.mhtml(html)) == MHTML
    # A text that merely talks about MIME is text.
    assert detect_media_type(b"MIME-Version: 1.0 is a header.\n\nContent-Type: multipart/"
                             b"related appears in e-mail.\n") == "text/plain"


@pytest.mark.parametrize("make", [
    lambda html: wc.warc(html), lambda html: wc.warc(html, gz=True), wc.mhtml,
], ids=["warc", "warc.gz", "mhtml"])
def test_a_capture_reads_like_the_page(make, seed_paragraphs) -> None:
    analysis = analyse(make(wc.page("zakon_article.html")))
    # The article alone, in the seed's paragraphs: no menu, cookie notice, "read also",
    # sidebar, comments or footer; photo credits are captions.
    assert [(b.role, b.text) for b in analysis.segmentation.blocks] == seed_paragraphs
    facts = dict(analysis.capture)
    assert facts["capture:url"] == wc.ZAKON_URL
    assert facts["capture:date"] == wc.CAPTURED
    md = analysis.metadata
    assert (md.title, md.date, md.publisher, md.url) == (TITLE, "2025-10-23", "Zakon.kz",
                                                         wc.ZAKON_URL)
    assert [a.literal for a in md.authors] == ["Асель Нурланова"]
    assert md.kind == "article-newspaper"


def test_warc_keeps_status_headers_and_other_records() -> None:
    capture = read_warc(wc.warc(wc.page("zakon_article.html")))
    # The redirect and the 404 page are HTML too, but not the page captured.
    assert capture.status == 200 and capture.url == wc.ZAKON_URL
    assert ("Server", "nginx") in capture.headers
    assert capture.others == (
        "warcinfo application/warc-fields",
        "response 301 " + wc.ZAKON_URL.replace("https://", "http://"),
        "request application/http " + wc.ZAKON_URL,
        "response 200 text/css https://www.zakon.example.kz/main.css",
        "response 404 text/html https://www.zakon.example.kz/missing.html",
    )


def test_charset_from_the_http_header_alone() -> None:
    """A CP1251 page that declares nothing in its markup: the WARC's HTTP header says it."""
    text = wc.page("ru_news.html").decode("utf-8").replace('<meta charset="utf-8">', "")
    data = wc.warc(text.encode("cp1251"), "https://step.example.kz/news/2025/03/14/most-almaty",
                   content_type="text/html; charset=windows-1251")
    blocks = analyse(data).segmentation.blocks
    assert blocks[0].text.startswith("В Алматы после двух лет строительства открыли")


def test_warc_capture_is_a_source_with_its_provenance(tmp_path: Path) -> None:
    home = tmp_path / "home"
    path = tmp_path / "zakon.warc.gz"
    path.write_bytes(wc.warc(wc.page("zakon_article.html"), gz=True))
    [outcome] = _ingest(home, path)["files"]
    assert outcome["status"] == "new"
    key = outcome["key"]
    [(url, captured_at, status, media_type)] = _rows(
        home, "SELECT url, captured_at, http_status, media_type FROM files")
    assert (url, captured_at, status, media_type) == (wc.ZAKON_URL, wc.CAPTURED, 200, WARC)
    [(title, shown, captured)] = _rows(
        home, "SELECT title, display_title, captured FROM sources WHERE key = ?", key)
    assert (title, shown, captured) == (TITLE, TITLE, "2025-10-24")
    [(outcome_text, detail)] = _rows(
        home, "SELECT outcome, detail FROM events WHERE type = 'capture'")
    assert outcome_text == f"captured {wc.ZAKON_URL} at {wc.CAPTURED}"
    detail = json.loads(detail)
    assert detail["status"] == "200" and detail["headers"]["Server"] == "nginx"
    assert len(detail["other_records"]) == 5
    # The access date of the citation is the capture's, not the day of ingest.
    code, out, _ = run(home, "cite", f"{key}-p1", "--style", "gost")
    assert code == 0
    assert f"URL: {wc.ZAKON_URL} (дата обращения: 24.10.2025)" in out
    code, out, _ = run(home, "cite", f"{key}-p1", "--style", "bibtex")
    assert "urldate = {2025-10-24}" in out


def test_later_captures_join_the_text_copy_and_keep_its_labels(tmp_path: Path) -> None:
    """Seed 001 is a text copy of the article; its HTML page joins it by text overlap, and a
    WARC of a revised page joins by the canonical address the page gave the source."""
    home = tmp_path / "home"
    _ingest(home, SEED_NEWS)
    before = _rows(home, "SELECT id, text FROM paragraphs ORDER BY seq")
    [(shown,)] = _rows(home, "SELECT display_title FROM sources")
    assert shown == "[Казахстанские военнослужащие продолжают нести службу в составе сил ООН]"
    [(origin,)] = _rows(home, "SELECT origin FROM metadata_values WHERE field = 'display_title'")
    assert origin == "inferred"

    page = tmp_path / "zakon_article.html"
    page.write_bytes(wc.page("zakon_article.html"))
    [joined] = _ingest(home, page)["files"]
    assert (joined["status"], joined["key"]) == ("new_version", SEED_KEY)
    assert _rows(home, "SELECT id, text FROM paragraphs ORDER BY seq") == before
    [(title, shown, url)] = _rows(home, "SELECT title, display_title, url FROM sources")
    assert (title, shown, url) == (TITLE, TITLE, wc.ZAKON_URL)

    # The page revised (a word changed, a paragraph added): its canonical address is the
    # source's, which decides before any text is compared; the labels carry over.
    html = wc.page("zakon_article.html").decode("utf-8")
    revised = html.replace("Добавим, что", "Уточним, что").replace(
        "</div>\n  <div class=\"article__tags\">",
        "<p>Материал дополнен комментарием Министерства обороны.</p></div>\n"
        "  <div class=\"article__tags\">")
    capture = tmp_path / "revised.warc"
    capture.write_bytes(wc.warc(revised.encode("utf-8")))
    [again] = _ingest(home, capture)["files"]
    assert (again["status"], again["key"]) == ("new_version", SEED_KEY)
    assert again["reason"] == f"same URL {wc.ZAKON_URL}"
    ids = [pid for (pid,) in _rows(home, "SELECT id FROM paragraphs WHERE status = 'live' "
                                         "ORDER BY seq")]
    assert ids[:14] == [pid for pid, _ in before] and ids[14] == f"{SEED_KEY}-p14b"
    [(captured,)] = _rows(home, "SELECT captured FROM sources")
    assert captured == "2025-10-24"


def test_mhtml_capture_records_address_and_date(tmp_path: Path) -> None:
    home = tmp_path / "home"
    path = tmp_path / "zakon.mht"
    path.write_bytes(wc.mhtml(wc.page("zakon_article.html")))
    [outcome] = _ingest(home, path)["files"]
    assert outcome["status"] == "new"
    [(url, captured_at, status)] = _rows(home, "SELECT url, captured_at, http_status FROM files")
    assert (url, captured_at, status) == (wc.ZAKON_URL, wc.CAPTURED, None)
    [(detail,)] = _rows(home, "SELECT detail FROM events WHERE type = 'capture'")
    assert json.loads(detail)["other_records"] == ["image/png https://www.zakon.example.kz/logo.png"]


@pytest.mark.parametrize(("name", "charset"), [("ru_cp1251_news.html", "windows-1251"),
                                               ("ru_koi8r_time_only.html", "koi8-r")])
def test_mhtml_of_a_page_in_a_legacy_charset_reads_as_the_page(name: str, charset: str) -> None:
    # The part's bytes are the page's, quoted-printable; its header names the charset.
    html = wc.page(name)
    saved = wc.mhtml(html, charset=charset)
    assert b"charset=\"" + charset.encode() + b"\"" in saved
    page, capture = analyse(html), analyse(saved)
    assert [b.text for b in capture.segmentation.blocks] == [
        b.text for b in page.segmentation.blocks]
    assert any("а" in b.text for b in capture.segmentation.blocks)  # Cyrillic, not mojibake
    assert capture.metadata.title == page.metadata.title
