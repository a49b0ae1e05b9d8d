"""The PDF front end on PDFs generated in the test (see ``pdfgen``) and on broken inputs."""

from __future__ import annotations

import itertools
import re
from typing import Any

import pdfgen
import pymupdf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archive.errors import CorruptFileError, EncryptedFileError, InputError
from archive.extract.layout import (
    FULL_WIDTH,
    LEFT,
    RIGHT,
    Fragment,
    find_gutter,
    merge_rows,
    order_page,
)
from archive.extract.pdf import extract_pdf
from archive.models import Document, Line

Gold = list[dict[str, Any]]


def letters(text: str) -> str:
    """Letters and digits only: hyphenation, spacing and punctuation cannot hide order."""
    return re.sub(r"[\W_]+", "", text).casefold()


def assert_in_order(stream: str, paragraphs: list[str]) -> None:
    pos = 0
    for para in paragraphs:
        found = stream.find(letters(para), pos)
        assert found >= 0, f"not found in order: {para[:60]!r}"
        pos = found + len(letters(para))


def page_lines(doc: Document, page: int) -> list[Line]:
    return [ln for ln in doc.lines if ln.page == page]


def single_page_pdf(draw: list[tuple[float, float, str, float]]) -> bytes:
    """A page with ``(x, baseline, text, size)`` runs written in exactly the given order."""
    regular, _ = pdfgen.pick_fonts()
    doc = pymupdf.open()
    page = doc.new_page(width=500, height=700)
    writer = pymupdf.TextWriter(page.rect)
    for x, y, text, size in draw:
        writer.append((x, y), text, font=regular, fontsize=size)
    writer.write_text(page)
    return doc.tobytes()


# -- the journal article -------------------------------------------------------------------
def test_document_envelope(journal_doc: Document) -> None:
    assert journal_doc.media_type == "application/pdf"
    assert journal_doc.extractor == f"pymupdf {pymupdf.VersionBind}"
    assert [p.number for p in journal_doc.pages] == [1, 2, 3, 4, 5]
    assert all((p.width, p.height) == (499.0, 709.0) for p in journal_doc.pages)
    assert {ln.page for ln in journal_doc.lines} == {1, 2, 3, 4, 5}


def test_info_and_xmp_read_back(journal_doc: Document) -> None:
    info = journal_doc.info_dict()
    title = "Қазақстан Республикасындағы жергілікті өзін-өзі басқарудың құқықтық негіздері"
    assert info["pdf-info:title"] == title
    assert info["pdf-info:author"] == "Омарова Б.С."
    assert info["pdf-info:keywords"].startswith("жергілікті өзін-өзі басқару")
    assert info["pdf-info:creationDate"] == "D:20230630120000+06'00'"
    assert info["pdf-info:producer"] == "pdfTeX-1.40.25"
    assert info["xmp:dc:title"] == title
    assert info["xmp:dc:title@ru"].startswith("Правовые основы")
    assert info["xmp:dc:creator"] == "Омарова Б.С."
    assert info["xmp:dc:date"] == "2023-06-30"
    assert info["xmp:dc:identifier"] == "doi:10.51634/2307-5201_2023_2_17"
    assert info["xmp:prism:doi"] == "10.51634/2307-5201_2023_2_17"
    assert info["xmp:prism:publicationName"] == "Заң және қоғам"
    assert (info["xmp:prism:volume"], info["xmp:prism:number"]) == ("58", "2")
    assert info["xmp:prism:startingPage"] == "17"
    # Empty values (the generator writes an empty dc:description) are skipped, not kept.
    assert all(value for _, value in journal_doc.info)
    assert not any(key.startswith("xmp:dc:description") for key, _ in journal_doc.info)


def test_no_metadata_gives_no_info() -> None:
    data, _ = pdfgen.journal_article(with_metadata=False)
    keys = {key for key, _ in extract_pdf(data).info}
    assert not any(key.startswith("xmp:") for key in keys)
    assert "pdf-info:title" not in keys


def test_whole_article_in_reading_order(
    journal_pdf: tuple[bytes, Gold], journal_doc: Document
) -> None:
    height = journal_doc.pages[0].height
    # Leave out the running headers and footers, which interrupt paragraphs at page breaks.
    body = [ln for ln in journal_doc.lines if 0.08 * height < ln.y0 < 0.92 * height]
    stream = letters(" ".join(ln.text for ln in body))
    assert_in_order(stream, [p["text"] for p in journal_pdf[1]])


def test_two_column_page_is_read_column_by_column(journal_doc: Document) -> None:
    pages = {ln.page for ln in journal_doc.lines if ln.column == RIGHT}
    assert len(pages) == 1
    lines = page_lines(journal_doc, pages.pop())
    columns = [ln.column for ln in lines]
    first_left, first_right = columns.index(LEFT), columns.index(RIGHT)
    # Left column fully, then the right one; full-width text above and below stays put.
    assert set(columns[first_left:first_right]) == {LEFT}
    assert LEFT not in columns[first_right:]
    last_right = len(columns) - 1 - columns[::-1].index(RIGHT)
    assert set(columns[last_right + 1 :]) == {FULL_WIDTH}
    after = [ln.text for ln in lines[last_right + 1 :]]
    assert after[0] == "Әдебиеттер тізімі"  # a short heading under balanced columns
    left_x = {round(ln.x0) for ln in lines if ln.column == LEFT}
    right_x = {round(ln.x0) for ln in lines if ln.column == RIGHT}
    assert max(left_x) < min(right_x)


def test_paragraph_crossing_columns_continues_at_top_of_right_column(journal_doc: Document) -> None:
    right = [ln for ln in journal_doc.lines if ln.column == RIGHT]
    last_left = [ln for ln in journal_doc.lines if ln.column == LEFT][-1]
    # The balanced split falls inside a paragraph: the right column starts mid-sentence.
    assert last_left.text.endswith("-") or right[0].text[0].islower()
    assert not right[0].blank_before


def test_headings_are_bold_and_larger(
    journal_pdf: tuple[bytes, Gold], journal_doc: Document
) -> None:
    headings = {p["text"] for p in journal_pdf[1] if p["role"] == "heading"}
    by_text = {ln.text: ln for ln in journal_doc.lines}
    assert headings and headings <= by_text.keys()
    body_size = max(
        {ln.size for ln in journal_doc.lines}, key=[ln.size for ln in journal_doc.lines].count
    )
    assert body_size == 10.5
    for text in headings:
        assert by_text[text].bold and by_text[text].size == 11.5 > body_size
    assert not any(ln.bold for ln in journal_doc.lines if ln.size == body_size)


def test_line_end_hyphens_are_kept_for_the_cleaner(journal_doc: Document) -> None:
    ends = [ln.text for ln in journal_doc.lines if ln.text.endswith("-")]
    assert len(ends) > 20  # MuPDF's dehyphenation is off: nothing was glued
    assert "тік-" in " ".join(ends) or any(e.endswith("әскери-") for e in ends)
    assert "әскерисаяси" not in " ".join(ln.text for ln in journal_doc.lines)


def test_page_numbers_in_footer_and_glued_variant(journal_glued_pdf: tuple[bytes, Gold]) -> None:
    doc = extract_pdf(journal_glued_pdf[0])
    for page in (1, 2, 5):
        last = page_lines(doc, page)[-1]
        # Two touching runs read as one line, the number glued to the year.
        assert last.text == f"Заң және қоғам, № 2 (58), 2023{16 + page}"
        assert last.blank_before


def test_running_headers_alternate(journal_doc: Document) -> None:
    firsts = [page_lines(journal_doc, p)[0].text for p in (1, 2, 3, 4)]
    assert firsts[0] == firsts[2] == "Заң және қоғам / Право и общество, № 2 (58), 2023"
    assert firsts[1] == firsts[3] and firsts[1].startswith("Омарова Б.С.")


# -- smaller generated inputs --------------------------------------------------------------
def test_lines_carry_their_physical_page() -> None:
    data, gold = pdfgen.multi_page_kazakh(6)
    doc = extract_pdf(data)
    assert doc.page_count == 6
    for n in range(1, 7):
        lines = page_lines(doc, n)
        assert lines[0].text.startswith(f"Бұл құжаттың {n}-бетіндегі")
        assert lines[-1].text == str(100 + n)  # printed page number in the footer
    assert [g["page"] for g in gold] == [101, 102, 103, 104, 105, 106]


def spaced_and_indented(space: float) -> tuple[Document, list[str]]:
    ts = pdfgen.Typesetter(footer=None)
    texts = [
        f"Абзац {k}: бұл мәтін бірнеше жолға созылады, себебі онда жеткілікті сөздер бар және "
        "олардың әрқайсысы беттің енін толтыруға көмектеседі, сондықтан жол бөлінеді."
        for k in range(1, 5)
    ]
    for text in texts:
        ts.paragraph(text, "body", "kk", pdfgen.with_style("body", space_before=space))
    return extract_pdf(ts.finish()), texts


def test_blank_before_marks_paragraph_gaps_only() -> None:
    doc, texts = spaced_and_indented(8.0)
    starts = [ln.text.startswith("Абзац") for ln in doc.lines]
    assert sum(starts) == len(texts) and len(doc.lines) > 2 * len(texts)
    assert [ln.blank_before for ln in doc.lines] == [s and k > 0 for k, s in enumerate(starts)]


def test_indent_only_paragraphs_have_no_blank_before() -> None:
    doc, _ = spaced_and_indented(0.0)
    assert not any(ln.blank_before for ln in doc.lines)
    indents = [ln.x0 for ln in doc.lines if ln.text.startswith("Абзац")]
    others = [ln.x0 for ln in doc.lines if not ln.text.startswith("Абзац")]
    assert min(indents) > max(others) + 15  # the first-line indent is there to use


def test_stream_order_is_not_trusted() -> None:
    runs = [(50, 300 - 20 * k, f"Жол {5 - k}: мәтіннің осы жолы", 10.0) for k in range(5)]
    doc = extract_pdf(single_page_pdf(runs))  # written bottom line first
    assert [ln.text.split(":")[0] for ln in doc.lines] == [f"Жол {n}" for n in range(1, 6)]


def test_superscript_and_split_runs_join_one_line() -> None:
    text = "Сілтеме белгісі бар сөйлем"
    end = 50 + pdfgen.pick_fonts()[0].text_length(text, fontsize=10.0)
    doc = extract_pdf(single_page_pdf([
        (50, 100, text, 10.0),
        (end + 0.5, 96, "12", 6.0),
        (50, 114, "Келесі жол", 10.0),
    ]))  # fmt: skip
    assert [ln.text for ln in doc.lines] == ["Сілтеме белгісі бар сөйлем12", "Келесі жол"]
    assert doc.lines[0].size == 10.0


def test_ligatures_are_expanded() -> None:
    doc = extract_pdf(single_page_pdf([(50, 100, "The \ufb01le and the \ufb02ow", 10.0)]))
    assert doc.lines[0].text == "The file and the flow"


# -- broken and unusual inputs -------------------------------------------------------------
def test_encrypted_pdf_is_refused(journal_pdf: tuple[bytes, Gold]) -> None:
    with pytest.raises(EncryptedFileError):
        extract_pdf(pdfgen.encrypted(journal_pdf[0]))


def test_owner_password_only_pdf_is_read() -> None:
    data, _ = pdfgen.multi_page_kazakh(1)
    doc = pymupdf.open(stream=data, filetype="pdf")
    locked = doc.tobytes(encryption=pymupdf.PDF_ENCRYPT_AES_256, owner_pw="owner", user_pw="")
    assert extract_pdf(locked).lines[0].text.startswith("Бұл құжаттың 1-бетіндегі")


@pytest.mark.parametrize("fraction", [0.1, 0.5, 0.9])
def test_truncated_pdf_is_corrupt(journal_pdf: tuple[bytes, Gold], fraction: float) -> None:
    data = journal_pdf[0]
    with pytest.raises(CorruptFileError, match="truncated"):
        extract_pdf(data[: int(len(data) * fraction)])
    with pytest.raises(CorruptFileError):
        extract_pdf(pdfgen.truncated(data))


@pytest.mark.parametrize("data", [b"%PDF-1.7\n\x00\x01 not really", b"<html>no pdf</html>", b"x"])
def test_damaged_or_foreign_bytes_are_corrupt(data: bytes) -> None:
    with pytest.raises(CorruptFileError) as info:
        extract_pdf(data)
    assert str(info.value)


def test_pymupdf_errors_are_translated_with_cause() -> None:
    with pytest.raises(CorruptFileError) as info:
        extract_pdf(b"%PDF-1.7\n garbage")
    assert info.value.__cause__ is not None


def test_image_only_page_has_no_lines() -> None:
    doc = extract_pdf(pdfgen.scanned_like())
    assert doc.lines == () and doc.page_count == 1


# -- the geometry rules on their own -------------------------------------------------------
_BLOCKS = itertools.count()


def frag(
    text: str, x0: float, y0: float, x1: float, size: float = 10.0, block: int | None = None
) -> Fragment:
    """A fragment in a text block of its own unless ``block`` is given (MuPDF keeps the
    lines of one paragraph, or of one table, in a block)."""
    block = next(_BLOCKS) if block is None else block
    return Fragment(text, x0, y0, x1, y0 + 1.2 * size, size, False, block)


def test_displayed_formula_pieces_read_left_to_right() -> None:
    # A formula as MuPDF reports it, in reading order (by bottom edge): "i β + ui" sits
    # lower than the rest and starts under the superscript of "x⊤"; the row reads by left
    # edges.
    pieces = [
        Fragment("yi", 222, 293, 230, 303, 10.0, False, 0),
        Fragment("x⊤", 264, 290, 275, 303, 10.0, False, 0),
        Fragment("=", 243, 294, 251, 304, 10.0, False, 0),
        Fragment("(i = 1, . . . , n)", 323, 294, 381, 304, 10.0, False, 0),
        Fragment("(1)", 500, 294, 513, 304, 10.0, False, 0),
        Fragment("i β + ui", 269, 293, 303, 306, 10.0, False, 0),
    ]
    assert [f.text for f in merge_rows(pieces)] == ["yi = x⊤ i β + ui (i = 1, . . . , n) (1)"]


def test_a_symbol_with_both_scripts_stays_in_its_line() -> None:
    # "Here A_ml^{1,39} and B_ml^{1,39} are …" as MuPDF reports it (elsarticle's sample): each
    # superscript starts a new piece printed over the end of the subscript before it.
    pieces = [
        Fragment("Here Aml", 306.6, 558.4, 341.8, 570.4, 10.0, False, 0, small=((6, 8),)),
        Fragment("1,39 and Bml", 334.8, 558.2, 380.4, 573.0, 7.0, False, 0),
        Fragment("1,39 are the translational", 373.4, 559.0, 557.7, 573.0, 10.0, False, 0,
                 small=((0, 4),)),
    ]  # fmt: skip
    assert [f.text for f in merge_rows(pieces)] == [
        "Here Aml 1,39 and Bml 1,39 are the translational"
    ]


def test_body_text_over_a_script_is_not_one_row() -> None:
    pieces = [
        Fragment("Here Aml", 306.6, 558.4, 341.8, 570.4, 10.0, False, 0, small=((6, 8),)),
        Fragment("and more words", 331.0, 558.2, 420.0, 573.0, 10.0, False, 0),
    ]
    assert len(merge_rows(pieces)) == 2


def test_a_justified_line_reported_a_word_at_a_time_is_no_table_row() -> None:
    # Wide, equal spaces between words (wider after punctuation, as TeX sets them).
    words = [("Franses", 81, 116), ("PH,", 129, 147), ("van", 160, 176), ("Dijk", 189, 209),
             ("D,", 221, 233), ("(2014).", 323, 356), ("Time", 387, 412), ("Series", 424, 452),
             ("Models", 464, 497), ("for", 509, 522)]  # fmt: skip
    row = merge_rows([frag(w, x0, 100, x1, block=7) for w, x0, x1 in words])
    assert [(f.text, f.kind) for f in row] == [
        ("Franses PH, van Dijk D, (2014). Time Series Models for", None)
    ]
    numbers = merge_rows([frag(n, 81 + 60 * k, 100, 111 + 60 * k, block=8)
                          for k, n in enumerate(["1.25", "0.75", "2.50", "3.00"])])
    assert [f.kind for f in numbers] == ["cells"]


def test_text_printed_over_text_is_not_one_row() -> None:
    pieces = [frag("Word over word", 50, 100, 150), frag("Word over word", 51, 100, 151)]
    assert len(merge_rows(pieces)) == 2


def test_short_last_lines_do_not_make_columns() -> None:
    frags = []
    for k in range(12):  # full-width lines, every fourth one short like a paragraph end
        frags.append(frag(f"line {k}", 50, 100 + 13 * k, 200 if k % 4 == 3 else 450))
    assert find_gutter(frags) is None


def test_one_sided_header_stays_above_the_columns() -> None:
    frags = [frag("Journal, 2024", 300, 30, 450)]  # header on the right only
    frags += [frag(f"L{k}", 50, 100 + 13 * k, 240) for k in range(8)]
    frags += [frag(f"R{k}", 260, 100 + 13 * k, 450) for k in range(8)]
    order = [f.text for f in order_page(frags)]
    assert order == ["Journal, 2024"] + [f"L{k}" for k in range(8)] + [f"R{k}" for k in range(8)]


def test_column_band_between_full_width_text_is_found() -> None:
    # More full-width lines than column lines: the gutter is judged on the band alone.
    frags = [frag(f"Top {k}", 50, 60 + 13 * k, 450) for k in range(14)]
    frags += [frag(f"L{k}", 50, 260 + 13 * k, 240) for k in range(6)]
    frags += [frag(f"R{k}", 260, 260 + 13 * k, 450) for k in range(6)]
    frags += [frag(f"Bottom {k}", 50, 360 + 13 * k, 450) for k in range(14)]
    frags.append(frag("19", 244, 660, 256))  # a page number inside the gutter
    assert find_gutter(frags) == (240, 260)
    order = [f.text for f in order_page(frags)]
    assert order[14:26] == [f"L{k}" for k in range(6)] + [f"R{k}" for k in range(6)]
    assert order[26] == "Bottom 0" and order[-1] == "19"


def test_wide_word_gaps_of_justified_lines_are_not_a_gutter() -> None:
    # Reference entries justified over lines with few, long words: MuPDF splits each line
    # at its wide gaps, and the pieces sit side by side for five rows, but it keeps each
    # entry in one text block, while the lines of two columns are blocks apart.
    frags = [
        frag("Sivan Toledo. Taucs: A library of", 134, 408, 356, block=1),
        frag("sparse", 369, 408, 396, block=1), frag("linear", 409, 408, 433, block=1),
        frag("solvers.", 446, 408, 477, block=1),
        frag("http://www.tau.ac.il/ stoledo/taucs/, 2003.", 144, 420, 334, block=1),
        frag("R. Clint Whaley, Antoine Petitet, and Jack J.", 134, 440, 378, block=2),
        frag("Dongarra.", 387, 440, 431, block=2), frag("Auto-", 452, 440, 478, block=2),
        frag("mated empirical optimization of software and", 144, 452, 370, block=2),
        frag("the ATLAS", 379, 452, 435, block=2), frag("project.", 444, 452, 477, block=2),
        frag("Parallel Computing, 27(1–2):3–35, 2001. Also", 144, 464, 374, block=2),
        frag("available as", 382, 464, 437, block=2), frag("Univer-", 445, 464, 478, block=2),
    ]
    assert find_gutter(frags) is None


def test_table_cells_are_not_columns() -> None:
    frags = []
    for k in range(8):  # label, two figures and a share per row, far apart
        y = 100 + 15 * k
        frags += [frag(f"Облыс {k}", 53, y, 100), frag(str(100 + k), 183, y, 200),
                  frag(str(200 + k), 283, y, 300), frag(f"{k},5", 373, y, 390)]  # fmt: skip
    assert find_gutter(frags) is None
    assert [f.text for f in order_page(frags)][:4] == ["Облыс 0", "100", "200", "0,5"]


def test_glyphs_without_unicode_are_not_text() -> None:
    from archive.extract.pdf import _fragments

    def line(text: str, y: float) -> dict[str, Any]:
        span = {"text": text, "size": 10.0, "flags": 0, "font": "F1",
                "origin": (50, y + 10)}
        return {"bbox": (50, y, 300, y + 12), "dir": (1.0, 0.0), "spans": [span]}

    raw = {
        "blocks": [
            {
                "type": 0,
                "number": 0,
                "lines": [line("\ufffd\ufffd \ufffd\ufffd", 100), line("Оқылатын мәтін", 114)],
            }
        ]
    }
    kept, rotated = _fragments(raw, 0, {}, [])
    assert [f.text for f in kept] == ["Оқылатын мәтін"] and rotated == []


def test_rotated_margin_text_comes_after_the_page_text() -> None:
    doc = pymupdf.open()
    page = doc.new_page(width=500, height=700)
    page.insert_font(fontname="F0", fontbuffer=pdfgen.pick_fonts()[0].buffer)
    page.insert_text((20, 400), "Жүктелген күні: 2024-05-01", fontname="F0", rotate=90)
    for k in range(3):
        page.insert_text((60, 100 + 14 * k), f"Негізгі мәтіннің {k + 1}-жолы", fontname="F0")
    lines = extract_pdf(doc.tobytes()).lines
    assert [ln.text for ln in lines] == [
        "Негізгі мәтіннің 1-жолы",
        "Негізгі мәтіннің 2-жолы",
        "Негізгі мәтіннің 3-жолы",
        "Жүктелген күні: 2024-05-01",
    ]


def test_a_strip_of_labels_is_not_a_column() -> None:
    frags = []
    for k in range(8):  # signatures with a right-aligned "[Function]" tag on the same line
        frags.append(frag(f"int function_{k} (unsigned int etype)", 50, 100 + 30 * k, 330))
        frags.append(frag("[Function]", 420, 100 + 30 * k, 470))
    assert find_gutter(frags) is None
    order = [f.text for f in order_page(frags)]
    assert order[:2] == ["int function_0 (unsigned int etype)", "[Function]"]


def test_xmp_properties_written_as_attributes() -> None:
    doc = pymupdf.open(stream=pdfgen.multi_page_kazakh(1)[0], filetype="pdf")
    doc.set_xml_metadata(
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" '
        'xmlns:prism="http://prismstandard.org/namespaces/basic/3.0/" '
        'prism:doi="10.1000/xyz" prism:volume="" prism:startingPage="35"/></rdf:RDF></x:xmpmeta>'
    )
    info = [(k, v) for k, v in extract_pdf(doc.tobytes()).info if k.startswith("xmp:")]
    assert info == [("xmp:prism:doi", "10.1000/xyz"), ("xmp:prism:startingPage", "35")]


def test_broken_xmp_does_not_lose_the_text() -> None:
    doc = pymupdf.open(stream=pdfgen.multi_page_kazakh(1)[0], filetype="pdf")
    doc.set_xml_metadata("<x:xmpmeta><unclosed>")
    result = extract_pdf(doc.tobytes())
    assert result.lines and not any(k.startswith("xmp:") for k, _ in result.info)


def test_columns_flowing_over_pages_are_read_in_order() -> None:
    data, gold = pdfgen.two_column_paper()
    doc = extract_pdf(data)
    height = doc.pages[0].height
    body = [ln for ln in doc.lines if 0.08 * height < ln.y0 < 0.92 * height]
    assert_in_order(letters(" ".join(ln.text for ln in body)), [g["text"] for g in gold])
    for page in (2, 3):  # full pages of columns: every left line before every right line
        columns = [ln.column for ln in page_lines(doc, page) if ln in body]
        assert columns == sorted(columns) and set(columns) == {LEFT, RIGHT}
    # The last page holds a few lines in the left column only: no columns to order there.
    assert {ln.column for ln in page_lines(doc, 4)} == {FULL_WIDTH}


def test_three_columns_are_read_left_to_right() -> None:
    ts = pdfgen.Typesetter(footer=lambda p: ("", False), size=(700.0, 600.0))
    ts.paragraph("Үш бағанды бет: газет беті сияқты", "heading", "kk")
    ts.set_columns(3)
    texts = [p["text"] for p in pdfgen.journal_article()[1] if p["role"] == "body"][:7]
    for text in texts:
        ts.paragraph(text, "body", "kk")
    doc = extract_pdf(ts.finish())
    first = page_lines(doc, 1)
    assert first[0].text.startswith("Үш бағанды бет")
    columns = [ln.column for ln in first[1:-1]]  # between the heading and the page number
    assert columns == sorted(columns) and set(columns) == {1, 2, 3}
    x0 = {c: min(ln.x0 for ln in first[1:-1] if ln.column == c) for c in (1, 2, 3)}
    assert x0[1] < x0[2] < x0[3]
    body = [ln for ln in doc.lines if not ln.text.isdigit()]
    assert_in_order(letters(" ".join(ln.text for ln in body)), texts)


def test_page_geometry_matches_line_coordinates_on_rotated_pages() -> None:
    doc = pymupdf.open(stream=pdfgen.multi_page_kazakh(1)[0], filetype="pdf")
    doc[0].set_rotation(90)
    result = extract_pdf(doc.tobytes())
    page = result.pages[0]
    assert (page.width, page.height) == (499.0, 709.0)  # the frame the lines are measured in
    assert all(0 <= ln.y0 < ln.y1 <= page.height for ln in result.lines)
    assert result.lines[-1].text == "101"  # the footer is still the bottom line


_SMALL_PDF = pdfgen.multi_page_kazakh(2)[0]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, len(_SMALL_PDF) - 1), st.integers(0, 255)), max_size=30),
    st.integers(16, len(_SMALL_PDF)),
)
def test_damaged_bytes_give_a_document_or_an_input_error(
    flips: list[tuple[int, int]], keep: int
) -> None:
    damaged = bytearray(_SMALL_PDF[:keep])
    for at, value in flips:
        if at < len(damaged):
            damaged[at] = value
    try:
        doc = extract_pdf(bytes(damaged))
    except InputError:
        return
    assert all(ln.text.strip() and 1 <= ln.page <= doc.page_count for ln in doc.lines)


def _span(text: str, font: str, flags: int = 0) -> dict[str, Any]:
    return {"text": text, "font": font, "flags": flags}


def test_a_term_in_another_face_is_the_lines_lead() -> None:
    from archive.extract.spans import lead_length

    term = [_span("dgeMatrix", "SFBX1000"), _span(" ", "SFRM1000")]
    rest = [_span("Real matrices in general storage mode", "SFRM1000")]
    assert lead_length(term + rest) == len("dgeMatrix")
    assert lead_length([_span("gastex.sty", "SFTT1200"), *rest]) == len("gastex.sty")
    assert lead_length(rest) == 0  # one face throughout
    assert lead_length([_span("A whole heading in bold", "CMBX12"), _span("1", "CMR12")]) == 0
    # An opening bracket taken from another font leads no term.
    assert lead_length([_span("(", "CMBX12"), _span("AND OTHER COMPLICATIONS)", "CMR12")]) == 0


def test_a_word_gap_between_spans_is_a_space() -> None:
    from archive.extract.spans import spans_text

    spans = [
        {"text": "Both the ⟨number", "bbox": (84.0, 0, 159.6, 10), "size": 10.0},
        {"text": "⟩", "bbox": (159.7, 0, 163.8, 10), "size": 10.4},
        {"text": "and", "bbox": (166.8, 0, 183.7, 10), "size": 10.0},
        {"text": "s", "bbox": (183.8, 0, 188.0, 10), "size": 10.0},
    ]
    assert spans_text(spans) == ("Both the ⟨number⟩ ands", [0, 16, 18, 21])


def test_a_row_of_cells_an_em_apart_is_marked() -> None:
    row = [frag("Top", 326, 185, 341), frag("37 mm (1.46 in)", 370, 185, 433),
           frag("0.75 in (19 mm)", 448, 185, 512)]
    (line,) = merge_rows(row)
    assert line.text == "Top 37 mm (1.46 in) 0.75 in (19 mm)" and line.kind == "cells"
    (prose,) = merge_rows([frag("An ordinary line", 50, 100, 150), frag("of text", 153, 100, 190)])
    assert prose.kind is None


def test_a_syntax_line_with_italic_placeholders_is_code() -> None:
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    y = 100.0
    for pieces in (
        [("cour", r"\begin{table}["), ("tiit", "offset"), ("cour", "]")],
        [("cour", "ls ["), ("tiit", "options"), ("cour", "] "), ("tiit", "file")],
        [("tiro", "Prose that names "), ("tiit", "offset"), ("tiro", " and the"),
         ("cour", " table"), ("tiro", " environment.")],
    ):
        x = 72.0
        for font, text in pieces:
            page.insert_text((x, y), text, fontname=font, fontsize=10)
            x += pymupdf.get_text_length(text, fontname=font, fontsize=10)
        y += 14
    data = doc.tobytes()
    kinds = {ln.text: ln.kind for ln in extract_pdf(data).lines}
    assert kinds == {
        r"\begin{table}[offset]": "code",
        "ls [options] file": "code",
        "Prose that names offset and the table environment.": None,
    }


def test_an_underscore_drawn_as_a_rule_on_the_baseline_is_an_underscore() -> None:
    # TeX draws ``\_`` as a rule where its font has no underscore; the text layer has only a
    # gap there. A word underlined is no underscore.
    doc = pymupdf.open()
    page = doc.new_page(width=400, height=300)
    size, base = 10.0, 100.0
    x = 40.0
    for k, word in enumerate(("It does the first half of dd", "boolean dd", "MatrixCanonicalize,")):
        if k:
            page.draw_line((x + 1.0, base - 0.2), (x + 4.2, base - 0.2), width=0.4)
            x += 5.0
        page.insert_text((x, base), word, fontname="cour", fontsize=size)
        x += pymupdf.get_text_length(word, fontname="cour", fontsize=size)
    page.insert_text((40, 140), "An underlined word stays as it is.", fontname="helv",
                     fontsize=size)
    start = 40 + pymupdf.get_text_length("An ", fontname="helv", fontsize=size)
    end = start + pymupdf.get_text_length("underlined", fontname="helv", fontsize=size)
    page.draw_line((start, 141.5), (end, 141.5), width=0.4)
    lines = extract_pdf(doc.tobytes()).lines
    assert [ln.text for ln in lines] == [
        "It does the first half of dd_boolean dd_MatrixCanonicalize,",
        "An underlined word stays as it is.",
    ]


def test_an_underscore_is_found_among_a_plot_s_many_short_rules_drawn_before_and_after() -> None:
    # A plot's dashes are short rules too, drawn in any order: the one on the baseline
    # between two words is the underscore, wherever the plot's lie.
    doc = pymupdf.open()
    page = doc.new_page(width=400, height=400)
    for k in range(300):
        y = 390 - k  # below the text first, then above it: not in the order of height
        page.draw_line((250 + k % 7, y), (253 + k % 7, y), width=0.3)
    page.insert_text((40, 100), "dd", fontname="cour", fontsize=10)
    x = 40 + pymupdf.get_text_length("dd", fontname="cour", fontsize=10)
    page.draw_line((x + 1.0, 99.8), (x + 4.2, 99.8), width=0.4)
    page.insert_text((x + 5.0, 100), "boolean", fontname="cour", fontsize=10)
    lines = [ln.text for ln in extract_pdf(doc.tobytes()).lines]
    assert lines == ["dd_boolean"]


def test_the_table_finder_is_not_asked_on_a_page_of_a_dense_plot(monkeypatch) -> None:
    # PyMuPDF's table finder weighs every letter against every drawing: on a page of a
    # plot's many thousand drawings it runs for minutes, so there the grid is not searched.
    import archive.extract.pdf as pdf

    asked: list[int] = []
    found = pymupdf.Page.find_tables

    def counting(page: pymupdf.Page, *args: Any, **kwargs: Any) -> Any:
        asked.append(page.number)
        return found(page, *args, **kwargs)

    monkeypatch.setattr(pymupdf.Page, "find_tables", counting)
    doc = pymupdf.open()
    for dots in (0, 60):
        page = doc.new_page(width=400, height=400)
        for row in range(4):  # a ruled grid of 3 x 2 cells with a word in each
            page.draw_line((50, 50 + 20 * row), (250, 50 + 20 * row), width=0.5)
        for x in (50, 150, 250):
            page.draw_line((x, 50), (x, 110), width=0.5)
        for row in range(3):
            for x in (60, 160):
                page.insert_text((x, 64 + 20 * row), f"cell{row}{x}", fontsize=9)
        for k in range(dots):
            page.draw_circle((300 + k % 10 * 8, 200 + k // 10 * 8), 1.0, fill=(0, 0, 0))
    monkeypatch.setattr(pdf, "_TABLE_PATHS", 40)
    lines = extract_pdf(doc.tobytes()).lines
    assert asked == [0]
    # Found, the grid's cells are read apart; beside the plot, its rows are read as lines.
    cells = [f"cell{row}{x}" for row in range(3) for x in (60, 160)]
    assert [ln.text for ln in lines if ln.page == 1] == cells
    assert [ln.text for ln in lines if ln.page == 2] == [
        f"cell{row}60 cell{row}160" for row in range(3)]


def test_the_labels_beside_a_picture_are_its_text_and_the_lines_round_it_are_not() -> None:
    # A tool palette's screenshot with the name of each button beside it: the names are the
    # figure's; the paragraph over it, whose last line is short, and the caption stay text.
    doc = pymupdf.open()
    page = doc.new_page(width=420, height=595)
    pixels = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 60, 160), False)
    pixels.clear_with(200)
    page.insert_text((60, 80), "Most of the drawing tools are straightforward; here are",
                     fontname="helv", fontsize=10)
    page.insert_text((60, 93), "the tools.", fontname="helv", fontsize=10)
    page.insert_image(pymupdf.Rect(180, 100, 240, 260), pixmap=pixels)
    for k, (left, right) in enumerate((("Irregular Polygon", "Straight Line"),
                                       ("Rectangle", "Arc-Box"), ("Library Tool", "Text"))):
        y = 130 + 40 * k
        width = pymupdf.get_text_length(left, fontname="helv", fontsize=10)
        page.insert_text((176 - width, y), left, fontname="helv", fontsize=10)
        page.insert_text((246, y), right, fontname="helv", fontsize=10)
    page.insert_text((150, 280), "Figure 1: XFig Drawing Tools", fontname="helv", fontsize=10)
    lines = extract_pdf(doc.tobytes()).lines
    labels = {"Irregular Polygon", "Straight Line", "Rectangle", "Arc-Box", "Library Tool",
              "Text"}
    assert {ln.text for ln in lines if ln.kind == "figure"} == labels
    assert [ln.text for ln in lines if ln.kind != "figure"] == [
        "Most of the drawing tools are straightforward; here are", "the tools.",
        "Figure 1: XFig Drawing Tools",
    ]


def test_labels_beside_their_descriptions_over_an_index_in_columns_are_read_by_rows() -> None:
    # A version history (dates on the left, what changed on the right, one text block of
    # the PDF library's) under its heading, over an index set in three columns: the index's
    # gutters are no gutters of the history, and the heading stays over it.
    frags = [frag("4", 125, 91, 130), frag("HISTORY OF CHANGES", 140, 91, 256),
             frag("8", 464, 93, 469)]
    frags += [frag("4", 125, 125, 133, 14.3), frag("History of Changes", 149, 125, 285, 14.3)]
    history = next(_BLOCKS)
    for k in range(12):
        y = 150 + 12 * k
        if k % 3 == 0:
            frags.append(frag(f"V {k // 3}.0 (02.03.1990)", 125, y, 217, block=history))
        frags.append(frag(f"what changed in line {k} of the history", 245, y, 469,
                          block=history))
    frags += [frag("Index", 125, 442, 165, 14.3),
              frag("Numbers written in italic refer to the page where the entry is", 125, 468,
                   469)]
    for column, (x0, x1) in enumerate(((125, 233), (243, 351), (361, 468))):
        block = next(_BLOCKS)
        frags += [frag(f"\\entry{column}{k} . . . {k + 10}", x0, 516 + 11 * k, x1, 9.0,
                       block=block) for k in range(16)]
    assert find_gutter(frags) == (233, 243)
    order = [f.text for f in order_page(frags)]
    assert order.index("History of Changes") < order.index("V 0.0 (02.03.1990)")
    assert order.index("V 0.0 (02.03.1990)") < order.index(
        "what changed in line 0 of the history") < order.index("V 1.0 (02.03.1990)")
    assert order.index("\\entry00 . . . 10") < order.index("\\entry10 . . . 10")


def test_a_bullet_reported_apart_from_its_item_is_followed_by_a_space() -> None:
    # A bullet the PDF library reports apart from its item, its box touching the text's.
    row = [Fragment("The fonts now support TypeTuner.", 110.0, 176, 380, 186, 9.0, False, 1),
           Fragment("•", 105.0, 176, 109.5, 186, 9.0, False, 2)]
    assert [f.text for f in merge_rows(row)] == ["• The fonts now support TypeTuner."]


def test_an_empty_lines_number_under_a_note_in_the_margin_counts_on() -> None:
    # A documented TeX source: the macro defined next named in the margin beside the line
    # that defines it, the empty line's number alone in the listing.
    from archive.extract.listings import line_kinds

    frags = [Fragment("149 \\newlength{\\flx@linewidth}", 154, 605.4, 291, 614.4, 9.0, False, 1,
                      kind="code"),
             Fragment("\\flx@setpage", 92, 626.3, 149, 635.3, 9.0, False, 2, kind="code"),
             Fragment("150", 154, 641.4, 166, 648.4, 7.0, False, 3),
             Fragment("151 \\NewDocumentCommand \\flx@setpage {} {", 154, 651.2, 342, 660.2, 9.0,
                      False, 4, kind="code")]
    assert [f.kind for f in line_kinds(frags)] == ["code"] * 4


def test_the_xetex_logo_s_mirrored_e_stays_in_its_word() -> None:
    # XeTeX's logo: an X, an E drawn mirrored and set a little lower, then TeX, each kerned
    # into the one before. MuPDF reports the E as a line running right to left.
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    before = "The engines in use today are pdfTeX, X"
    page.insert_text((72, 100), before, fontsize=11)
    x = 72 + pymupdf.get_text_length(before, fontsize=11) - 1.4
    page.insert_text((x, 102), "E", fontsize=11,
                     morph=(pymupdf.Point(x + 3.5, 102), pymupdf.Matrix(-1, 0, 0, 1, 0, 0)))
    page.insert_text((x + 5.0, 100), "TeX and LuaTeX, each with its own fonts.", fontsize=11)
    text = " ".join(ln.text for ln in extract_pdf(doc.tobytes()).lines)
    assert "pdfTeX, XETeX and LuaTeX, each" in text


def test_a_grid_of_author_blocks_over_two_columns_is_read_block_by_block() -> None:
    # A conference paper's five authors: three centred blocks in a row (the middle one over
    # the gutter), two under them, then the two columns of the text.
    def block(name: str, middle: float, top: float, widths: tuple[float, ...]) -> list:
        return [frag(f"{name}{k}", middle - w / 2, top + 12 * k, middle + w / 2)
                for k, w in enumerate(widths)]

    frags = [frag("Title of the paper", 150, 60, 450)]
    frags += block("A", 110, 100, (60, 100, 70)) + block("B", 310, 100, (50, 120, 70))
    frags += block("C", 480, 100, (60, 120, 70))
    frags += block("D", 200, 160, (60, 130, 60)) + block("E", 390, 160, (70, 130, 60))
    frags += [frag(f"L{k}", 50, 220 + 12 * k, 295) for k in range(10)]
    frags += [frag(f"R{k}", 315, 220 + 12 * k, 560) for k in range(10)]
    order = [f.text for f in order_page(frags)]
    assert order == ["Title of the paper", *[f"{b}{k}" for b in "ABCDE" for k in range(3)],
                     *[f"L{k}" for k in range(10)], *[f"R{k}" for k in range(10)]]


def test_a_page_mupdf_cannot_spell_out_is_read_with_its_ligatures_kept() -> None:
    # MuPDF fails to build some pages' text when it expands ligature glyphs (seen on a DTK
    # reprint's Arabic font tables): the page is read with the glyphs kept, then spelled out,
    # and its characters one by one are done without.
    from archive.extract.textpage import page_chars, page_dict

    doc = pymupdf.open()
    page = doc.new_page()
    writer = pymupdf.TextWriter(page.rect)
    writer.append((72, 72), "Die \ufb01rma o\ufb00eriert", font=pdfgen.pick_fonts()[0],
                  fontsize=12)
    writer.write_text(page)

    class Failing:
        """The page, as MuPDF gives it when the expansion fails."""

        def __init__(self) -> None:
            self.kept: set[int] = set()  # text pages that keep their ligature glyphs

        def get_textpage(self, flags: int) -> pymupdf.TextPage:
            textpage = page.get_textpage(flags=flags)
            if flags & pymupdf.TEXT_PRESERVE_LIGATURES:
                self.kept.add(id(textpage))
            return textpage

        def get_text(self, kind: str, textpage: pymupdf.TextPage) -> dict:
            if kind == "rawdict" or id(textpage) not in self.kept:
                raise SystemError("returned a result with an exception set")
            return page.get_text(kind, textpage=textpage)

    failing = Failing()
    raw, textpage, glyphs = page_dict(failing, pymupdf.TEXT_PRESERVE_WHITESPACE,
                                      pymupdf.TEXT_PRESERVE_LIGATURES)
    spans = [s["text"] for b in raw["blocks"] for ln in b.get("lines", ()) for s in ln["spans"]]
    assert glyphs and "".join(spans) == "Die firma offeriert"
    assert page_chars(failing, textpage) is None
    assert page_dict(page, pymupdf.TEXT_PRESERVE_WHITESPACE,
                     pymupdf.TEXT_PRESERVE_LIGATURES)[2] is False
