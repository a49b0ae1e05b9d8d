"""Tables set without rules: rows of cells that stand in columns are one table, a row a
line, a cell's wrapped lines in their row; prose read together with a table beside it is
no table."""

from __future__ import annotations

import pymupdf
from pdftypeset import pick_fonts
from test_ruled_tables import blocks, table_page

from archive.extract.pdf import extract_pdf

COLUMNS = (60.0, 170.0, 225.0, 290.0)
ROWS = [
    ("", "Osty", "Jérus.", "Segond"),
    ("Genèse", "Gn", "Gn", "Ge."),
    ("Exode", "Ex", "Ex", "Ex."),
    ("Ecclésiaste\n(Qohéleth)", "Qo", "Qo", "Ec."),
    ("Lévitique", "Lev", "Lv", "Lé."),
    ("Nombres", "Nomb", "Nb", "No."),
]


def unruled_table_pdf(rows: list[tuple[str, ...]]) -> bytes:
    doc, page, writer, regular = table_page()
    writer.append((60, 60), "Les abréviations employées dans quatre éditions récentes de",
                  font=regular, fontsize=10)
    writer.append((60, 73), "la Bible sont données dans le tableau suivant.", font=regular,
                  fontsize=10)
    y = 100.0
    for row in rows:
        first = row[0].split("\n")
        for k, text in enumerate(first[:-1]):  # a first cell wrapped over its row
            writer.append((COLUMNS[0] + 4 * k, y), text, font=regular, fontsize=9)
            y += 11
        cells = (first[-1], *row[1:])
        for x, text in zip(COLUMNS, cells, strict=True):
            if text:
                writer.append((x + (4 if len(first) > 1 else 0) * (x == COLUMNS[0]), y), text,
                              font=regular, fontsize=9)
        y += 11
    writer.append((60, y + 20), "Après le tableau, le texte reprend son cours normal.",
                  font=regular, fontsize=10)
    writer.write_text(page)
    return doc.tobytes()


def test_rows_whose_cells_line_up_are_one_table_a_row_a_line() -> None:
    out = blocks(unruled_table_pdf(ROWS))
    assert [b.role for b in out] == ["body", "table", "body"]
    assert out[1].text.split("\n") == [
        "Osty Jérus. Segond",
        "Genèse Gn Gn Ge.",
        "Exode Ex Ex Ex.",
        "Ecclésiaste (Qohéleth) Qo Qo Ec.",  # the first cell's wrapped line joins its row
        "Lévitique Lev Lv Lé.",
        "Nombres Nomb Nb No.",
    ]
    assert out[2].text == "Après le tableau, le texte reprend son cours normal."


def test_pieces_far_apart_that_do_not_line_up_are_no_table() -> None:
    # Three lines with wide gaps at places that differ from line to line: formulas or a
    # list set at tab stops, not a table's columns.
    doc, page, writer, regular = table_page()
    for y, pieces in ((100, ((60, "а) x + y"), (140, "б) 2x = 9"), (250, "в) z = 4"))),
                      (112, ((60, "г) u = v"), (180, "д) 5x = 3"), (300, "е) w = 1"))),
                      (124, ((60, "ж) p = q"), (120, "з) 7y = 2"), (210, "и) t = 8")))):
        for x, text in pieces:
            writer.append((x, y), text, font=regular, fontsize=10)
    writer.write_text(page)
    assert "table" not in [b.role for b in blocks(doc.tobytes())]


def _justified(writer: pymupdf.TextWriter, font: pymupdf.Font, text: str, y: float,
               left: float, right: float) -> None:
    """A line set flush left and right: its word spaces stretched to the measure."""
    words = text.split()
    widths = [font.text_length(w, fontsize=10) for w in words]
    space = (right - left - sum(widths)) / (len(words) - 1)
    x = left
    for word, width in zip(words, widths, strict=True):
        writer.append((x, y), word, font=font, fontsize=10)
        x += width + space


def test_a_column_of_prose_beside_a_table_is_no_table() -> None:
    # Justified lines of a paragraph read together with the cells of a table beside them
    # (a wrapped table the layout could not set apart): the prose is no table's cells.
    regular, _ = pick_fonts()
    doc = pymupdf.open()
    page = doc.new_page(width=520, height=595)
    writer = pymupdf.TextWriter(page.rect)
    prose = ["Издание может разделяться на физиче-", "ски отдельные части, которые могут на-",
             "зываться по-разному. Пакет поддержи-", "вает деление на тома, книги, части"]
    cells = [("Части", "Поле"), ("тома", "volume"), ("книги", "book"), ("части", "part")]
    for k, (text, (a, b)) in enumerate(zip(prose, cells, strict=True)):
        y = 100 + 12 * k
        _justified(writer, regular, text, y, 40.0, 250.0)
        writer.append((330, y), a, font=regular, fontsize=10)
        writer.append((420, y), b, font=regular, fontsize=10)
    writer.write_text(page)
    lines = extract_pdf(doc.tobytes()).lines
    assert [ln.kind for ln in lines] == ["cells"] * 4  # read together with the cells
    assert "table" not in [b.role for b in blocks(doc.tobytes())]


def test_a_row_that_leaves_its_text_cell_empty_is_the_table_s_not_a_listing() -> None:
    # A command overview: a feature in roman, then its two notations in typewriter type; the
    # closing tags stand on a row of their own under the notations' columns.
    doc, page, writer, regular = table_page()
    mono = pymupdf.Font("cour")
    rows = [("Document bounds", "<body>text</body>", "\\begin{document}"),
            ("Itemized list", "<list>", "\\begin{itemize}"),
            ("", "</list>", "\\end{itemize}"),
            ("Enumerated list", "<list>", "\\begin{enumerate}"),
            ("", "</list>", "\\end{enumerate}")]
    for k, row in enumerate(rows):
        y = 100.0 + 12 * k
        for x, text, font in zip((40.0, 150.0, 280.0), row, (regular, mono, mono), strict=True):
            if text:
                writer.append((x, y), text, font=font, fontsize=9)
    writer.write_text(page)
    out = blocks(doc.tobytes())
    assert [b.role for b in out] == ["table"]
    assert out[0].text.split("\n") == [" ".join(t for t in row if t) for row in rows]


def test_a_number_alone_at_a_table_s_foot_is_its_last_row() -> None:
    # Pascal's triangle set as a table: its last row holds one number, in a cell's place.
    doc, page, writer, regular = table_page()
    rows = ["1 4 6 4 1", "1 3 3 1", "1 2 1", "1 1", "1"]
    for k, row in enumerate(rows):
        for j, number in enumerate(row.split()):
            writer.append((100.0 + 37 * j, 100.0 + 14 * k), number, font=regular, fontsize=10)
    writer.append((60, 200), "The triangle above is turned upside down.", font=regular,
                  fontsize=10)
    writer.write_text(page)
    out = blocks(doc.tobytes())
    assert [(b.role, b.text) for b in out] == [
        ("table", "\n".join(rows)), ("body", "The triangle above is turned upside down.")]
