"""Reading order on other page geometries: margins, A5, column bands, boxes and tables.

The article is typeset again with other options; a ``Typesetter`` that records every line it
draws gives the exact line sequence a reader follows, so the extractor's lines (running
headers and footers aside) must be that sequence: nothing lost, nothing reordered.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pdfgen
import pymupdf
import pytest

from archive.extract.frame import body_frames
from archive.extract.layout import FULL_WIDTH, LEFT, RIGHT
from archive.extract.pdf import extract_pdf
from archive.models import Document, Line

SPEC = json.loads((pdfgen.DATA / "journal_article.json").read_text(encoding="utf-8"))
ITEMS: list[dict[str, str]] = SPEC["items"]
JOURNAL, ISSUE = SPEC["journal"], SPEC["issue"]
HEADER_ODD = f"{JOURNAL}, {ISSUE}"
FOOTER = f"{JOURNAL.split(' / ')[0]}, {ISSUE}"


def letters(text: str) -> str:
    return re.sub(r"[\W_]+", "", text).casefold()


class Recorder(pdfgen.Typesetter):
    """A typesetter that remembers each line it draws: ``(page index, text)``, in order."""

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.drawn: list[tuple[int, str]] = []

    def draw(self, line: Any, x0: float, x1: float, baseline: float) -> None:
        super().draw(line, x0, x1, baseline)
        self.drawn.append((len(self.doc), " ".join(line.words)))


def typeset(ts: Recorder, body_size: float = 10.5) -> bytes:
    """The journal article with the recorder's geometry and every style scaled to the body."""
    scale = body_size / pdfgen.STYLES["body"].size
    k = 0
    while k < len(ITEMS):
        item = ITEMS[k]
        following = ITEMS[k + 1]["kind"] if k + 1 < len(ITEMS) else None
        if "columns" in (item["kind"], following):
            start = k if item["kind"] == "columns" else k + 1
            end = next(j for j in range(k, len(ITEMS)) if ITEMS[j]["kind"] == "end_columns")
            ts.columns(ITEMS[start + 1 : end], None if start == k else item)
            k = end + 1
            continue
        if item["kind"] == "figure":
            ts.figure(item["text"], item["lang"])
        else:
            base = pdfgen.STYLES[item["kind"]]
            style = pdfgen.with_style(item["kind"], size=round(base.size * scale, 2))
            ts.paragraph(item["text"], item["kind"], item["lang"], style)
        k += 1
    return ts.finish()


def journal_recorder(**options: Any) -> Recorder:
    return Recorder(
        first_page=17,
        header=lambda p: HEADER_ODD if p % 2 else SPEC["running_author"],
        footer=lambda p: (FOOTER, False),
        **options,
    )


def furniture(line: Line) -> bool:
    text = line.text
    return text in (HEADER_ODD, SPEC["running_author"], FOOTER) or text.isdigit()


def assert_same_lines(doc: Document, drawn: list[tuple[int, str]]) -> None:
    got = [(ln.page, letters(ln.text)) for ln in doc.lines if not furniture(ln)]
    want = [(page, letters(text)) for page, text in drawn]
    assert got == want


GEOMETRIES = {
    "narrow margins, 10 pt": ({"margins": (50.0, 56.0, 50.0, 56.0)}, 10.0),
    "wide margins, 9.5 pt": ({"margins": (70.0, 80.0, 60.0, 80.0)}, 9.5),
    "A5, 11.5 pt": ({"size": (420.0, 595.0)}, 11.5),
    "default": ({}, 10.5),
}


@pytest.fixture(scope="module", params=list(GEOMETRIES))
def geometry(request: pytest.FixtureRequest) -> tuple[Document, Recorder]:
    options, body = GEOMETRIES[request.param]
    ts = journal_recorder(**options)
    return extract_pdf(typeset(ts, body)), ts


def test_every_drawn_line_comes_back_in_reading_order(
    geometry: tuple[Document, Recorder],
) -> None:
    doc, ts = geometry
    assert_same_lines(doc, ts.drawn)


def test_running_furniture_stays_at_the_page_edges(geometry: tuple[Document, Recorder]) -> None:
    doc, _ = geometry
    for page in doc.pages:
        lines = [ln for ln in doc.lines if ln.page == page.number]
        assert lines[0].text in (HEADER_ODD, SPEC["running_author"])
        assert lines[-1].text == str(16 + page.number)


def test_column_band_under_full_width_text_is_read_left_then_right(
    geometry: tuple[Document, Recorder],
) -> None:
    doc, _ = geometry
    pages = {ln.page for ln in doc.lines if ln.column == RIGHT}
    assert len(pages) == 1
    page = pages.pop()
    lines = [ln for ln in doc.lines if ln.page == page]
    columns = [ln.column for ln in lines]
    first_right = columns.index(RIGHT)
    last_left = len(columns) - 1 - columns[::-1].index(LEFT)
    assert last_left < first_right  # the whole left column before the right one
    # Lines of the band are the columns' width, not both columns glued into one line.
    inside = [ln for ln in lines if ln.column in (LEFT, RIGHT)]
    width = doc.pages[0].width
    assert len(inside) >= 10 and all(ln.x1 - ln.x0 < 0.55 * width for ln in inside)
    assert any(ln.column == FULL_WIDTH and ln.x1 - ln.x0 > 0.6 * width for ln in lines)


# -- a page with a table and a page with boxed text ----------------------------------------
BODY = [it["text"] for it in ITEMS if it["kind"] == "body"]


def table_page(cells: list[list[str]]) -> tuple[bytes, list[str]]:
    """Body text, a ruled table of short cells, body text again: one page."""
    ts = Recorder(footer=None)
    ts.paragraph(BODY[0], "body", "kk")
    ts.y += 16
    assert ts.page is not None and ts.writer is not None
    xs = [ts.left, ts.left + 130, ts.left + 230, ts.left + 320]
    for row in cells:
        ts.y += 15
        for x, cell in zip(xs, row, strict=True):
            ts.writer.append((x + 3, ts.y), cell, font=ts.regular, fontsize=9)
        ts.page.draw_line((ts.left, ts.y + 4), (ts.width - ts.right, ts.y + 4), width=0.4)
    ts.y += 12
    ts.paragraph(BODY[1], "body", "kk")
    return ts.finish(), [" ".join(row) for row in cells]


def test_table_rows_are_read_cell_by_cell() -> None:
    cells = [["Облыс", "2021 ж.", "2022 ж.", "Өсім, %"]] + [
        [name, str(100 + 7 * k), str(110 + 9 * k), f"{3 + k},{k}"]
        for k, name in enumerate(["Ақмола", "Алматы", "Атырау", "Қостанай", "Павлодар", "Жамбыл"])
    ]
    data, rows = table_page(cells)
    doc = extract_pdf(data)
    texts = [ln.text for ln in doc.lines]
    at = texts.index(rows[0])
    assert texts[at : at + len(rows)] == rows  # one line per row, cells left to right
    assert {ln.column for ln in doc.lines} == {FULL_WIDTH}
    stream = letters(" ".join(texts))
    assert stream.index(letters(BODY[0])) < stream.index(letters(rows[0]))
    assert stream.index(letters(rows[-1])) < stream.index(letters(BODY[1]))


def boxed_page(side: bool) -> tuple[bytes, list[tuple[int, str]]]:
    """Body text and an unrelated blurb in a box: between paragraphs, or beside the body."""
    blurb = ("Назар аударыңыз: журналдың келесі нөміріне мақалалар қабылдау тамыз айының "
             "соңына дейін жалғасады. Талаптар редакция сайтында жарияланған.")  # fmt: skip
    ts = Recorder(footer=None)
    ts.paragraph(BODY[0], "body", "kk")
    style = pdfgen.with_style("body", size=9, indent=0, align="left")
    if side:  # body in a narrow column on the left, the box on the right beside it
        ts.set_columns(2)
        for text in BODY[1:3]:
            ts.paragraph(text, "body", "kk")
        top, ts.col = ts.frame_top, 1
        x0, x1 = ts.frame()
        y = top + 6
        for line in ts.break_lines(blurb, style, x1 - x0 - 12):
            y += 11
            ts.draw(line, x0 + 6, x1 - 6, y)
        assert ts.page is not None
        ts.page.draw_rect((x0, top, x1, y + 6), color=(0, 0, 0), width=0.6)
    else:
        ts.y += 10
        assert ts.page is not None
        x0, x1, top = ts.left + 40, ts.width - ts.right - 40, ts.y
        y = top + 4
        for line in ts.break_lines(blurb, style, x1 - x0 - 16):
            y += 11
            ts.draw(line, x0 + 8, x1 - 8, y)
        ts.page.draw_rect((x0, top, x1, y + 6), color=(0, 0, 0), width=0.6)
        ts.y = y + 16
        ts.paragraph(BODY[1], "body", "kk")
    return ts.finish(), ts.drawn


@pytest.mark.parametrize("side", [False, True], ids=["between paragraphs", "beside the body"])
def test_boxed_blurb_is_read_whole_and_apart(side: bool) -> None:
    data, drawn = boxed_page(side)
    doc = extract_pdf(data)
    assert_same_lines(doc, drawn)
    if side:
        blurb = [ln for ln in doc.lines if ln.x0 > doc.pages[0].width / 2]
        assert blurb and {ln.column for ln in blurb} == {RIGHT}


def test_narrow_columns_of_prose_are_still_columns() -> None:
    # Ragged-right (left-aligned) columns have short lines but are read column by column.
    ts = Recorder(footer=None)
    ts.set_columns(2)
    style = pdfgen.with_style("body", align="left", hyphenate=False)
    for text in BODY[:4]:
        ts.paragraph(text, "body", "kk", style)
    doc = extract_pdf(ts.finish())
    assert_same_lines(doc, ts.drawn)
    assert {ln.column for ln in doc.lines if ln.page == 1} == {LEFT, RIGHT}


def test_speed_close_to_plain_text_extraction() -> None:
    import time

    ts = journal_recorder(margins=(50.0, 56.0, 50.0, 56.0))
    data = typeset(ts, 10.0)

    def plain() -> None:
        with pymupdf.open(stream=data, filetype="pdf") as pdf:
            for page in pdf:
                page.get_text()

    def best(fn: Any) -> float:
        times = []
        for _ in range(5):
            t = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t)
        return min(times)

    # A generous bound: timing on shared machines is noisy; the benchmark reports the ratio.
    assert best(lambda: extract_pdf(data)) < 4 * best(plain)


# -- the body frame: evidence for telling running furniture from body text -----------------
def inside(line: Line, frame: tuple[float, float]) -> bool:
    assert line.y0 is not None and line.y1 is not None
    return line.y1 > frame[0] and line.y0 < frame[1]


def test_body_frame_holds_every_body_line_and_no_furniture(
    geometry: tuple[Document, Recorder],
) -> None:
    doc, _ = geometry
    frames = body_frames(doc.lines)
    assert set(frames) == {p.number for p in doc.pages}
    for ln in doc.lines:
        assert inside(ln, frames[ln.page]) != furniture(ln), ln.text


def test_body_lines_in_the_outer_tenths_are_inside_the_frame() -> None:
    # With narrow margins the first and last body lines of a page sit in its outer tenths,
    # where position alone would take them for running headers and footers.
    options, body = GEOMETRIES["narrow margins, 10 pt"]
    doc = extract_pdf(typeset(journal_recorder(**options), body))
    frames = body_frames(doc.lines)
    height = doc.pages[0].height
    edges = [ln for ln in doc.lines if not furniture(ln) and not 0.1 < ln.y0 / height < 0.9]
    assert len({ln.page for ln in edges}) >= 3
    assert all(inside(ln, frames[ln.page]) for ln in edges)


def test_body_frame_of_lines_without_neighbours() -> None:
    def line(y: float, page: int = 1) -> Line:
        return Line("Мәтін жолы", page, 50.0, y, 400.0, y + 12.0, 10.0)

    stacked = [line(100 + 13 * k) for k in range(5)]
    header, footer = line(30), line(660)
    assert body_frames([header, *stacked, footer]) == {1: (100.0, 164.0)}
    # A page of lone lines has no frame: position alone must not decide there.
    lone = [line(200, 2), line(400, 2)]
    assert body_frames([*stacked, *lone]) == {1: (100.0, 164.0)}
    assert body_frames(lone) == {}
    assert body_frames([Line("text copy")]) == {}
    # Two columns: lines of one row are side by side, not stacked.
    row = [Line("a", 1, 50, 100, 240, 112, 10), Line("b", 1, 260, 100, 450, 112, 10)]
    assert body_frames(row) == {}


def test_a_page_set_from_the_heads_row_down_brings_no_head_inside_the_frames() -> None:
    # A manual's copyright page (and its contents) are set from the row where the other
    # pages' running heads stand alone: the frame of a page with a head still starts under it.
    def line(text: str, page: int, y: float) -> Line:
        return Line(text, page, 57.0, y, 538.0, y + 11.0, 9.0 if y < 60 else 11.0)

    lines = [line(f"Copyright line {k}", 1, 57 + 13 * k) for k in range(40)]
    for page in range(2, 8):
        lines.append(line("Gpredict User Manual", page, 57))
        lines += [line(f"Body line {k}", page, 85 + 13 * k) for k in range(48)]
    frames = body_frames(lines)
    assert frames[1][0] == 57
    assert {frames[page][0] for page in range(2, 8)} == {85}
    # Where the text of most pages begins on that row, a line alone there is text: the last
    # line of a paragraph carried over.
    carried = [line(f"Text line {k}", page, 57 + 13 * k) for page in range(1, 7)
               for k in range(50)]
    carried += [line("the end of a sentence.", page, 57) for page in range(7, 10)]
    carried += [line(f"Text line {k}", page, 85 + 13 * k) for page in range(7, 10)
                for k in range(48)]
    assert {body_frames(carried)[page][0] for page in range(7, 10)} == {57}
