"""Shapes of real pages read as a reader reads them: a back-of-book index in two columns,
one entry a paragraph; running text beside a table in the other column; a justified line
reported a piece at a time; a list of citations in brackets over a line end."""

from __future__ import annotations

import pymupdf
from pdfgen import pick_fonts
from test_pdf_extract import frag

from archive.extract.columns import find_gutter
from archive.ingest.analyse import analyse

# Groups of different lengths in each column, so that the white before a letter on one side
# faces entries on the other, as in any index set in columns.
LEFT_GROUPS = [
    ("А", ["Абай, 3, 5", "ағылшын тілі, 12", "анықтама, 7–9"]),
    ("Б", ["баспа, 4", "библиография, 21, 30"]),
    ("Д", ["дереккөз, 2, 14", "дерекқор", "  іздеу, 15", "  көшірме, 16", "диссертация, 8"]),
    ("Ж", ["журнал, 1, 19"]),
]
RIGHT_GROUPS = [
    ("К", ["кесте, 6", "кітап, 3–4", "кілт сөздер, 11", "көрсеткіш, 40", "құжат, 2"]),
    ("М", ["мақала, 1, 10", "мәтін, 5"]),
    ("Т", ["тақырып, 9", "түйіндеме, 13, 17", "тіл, 22"]),
]


CLOSING = "Кітаптың соңғы сөйлемі осында аяқталады."


def _index_pdf() -> bytes:
    regular, _ = pick_fonts()
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)  # the end of the text, then the index
    page.insert_font(fontname="F0", fontbuffer=regular.buffer)
    page.insert_text((72, 80), CLOSING, fontname="F0", fontsize=10)
    page = doc.new_page(width=595, height=842)
    page.insert_font(fontname="F0", fontbuffer=regular.buffer)
    page.insert_text((72, 80), "Көрсеткіш", fontname="F0", fontsize=16)
    for x, groups in ((72, LEFT_GROUPS), (320, RIGHT_GROUPS)):
        y = 120.0
        for letter, entries in groups:
            page.insert_text((x + 6, y), letter, fontname="F0", fontsize=10)
            y += 16
            for entry in entries:
                indent = 16 if entry.startswith("  ") else 0
                page.insert_text((x + indent, y), entry.strip(), fontname="F0", fontsize=10)
                y += 13
            y += 10
    return doc.tobytes()


def test_an_index_is_read_column_by_column_one_entry_a_paragraph() -> None:
    blocks = analyse(_index_pdf()).segmentation.blocks
    want = [(CLOSING, "body"), ("Көрсеткіш", "heading")]
    for letter, entries in LEFT_GROUPS + RIGHT_GROUPS:
        want.append((letter, "heading"))
        want += [(entry.strip(), "list_item") for entry in entries]
    assert [(b.text, b.role) for b in blocks] == want


def test_entries_in_columns_are_columns_and_a_table_with_wrapped_cells_is_not() -> None:
    index = []
    y = 100.0
    for k in range(12):  # left: a letter's white every fourth line; right: every fifth
        if k % 4 == 3:
            y += 13
        index.append(frag(f"entry {k}, {k + 2}", 72, y, 200 + 10 * (k % 3)))
        y += 13
    y = 100.0
    for k in range(12):
        if k % 5 == 4:
            y += 13
        index.append(frag(f"term {k}, {k + 3}", 320, y, 420 + 10 * (k % 3)))
        y += 13
    assert find_gutter(index) == (220, 320)

    table = []  # a term, and its description wrapped over two lines beside it
    for k in range(6):
        y = 100 + 30 * k
        table += [frag(f"option{k}", 72, y, 130),
                  frag("sets how the entry is printed", 320, y, 470),
                  frag("and where", 320, y + 13, 370)]
    assert find_gutter(table) is None


def test_dot_leaders_that_run_to_marks_at_the_right_are_not_a_column() -> None:
    # An exam's solutions: each step's formula, then leaders to its marks at the right
    # edge; the leaders start wherever the formula ends.
    frags = []
    for k in range(12):
        y = 100 + 16 * k
        end = 180 + 23 * (k % 6)
        frags += [frag(f"f(x{k}) = {k}", 72, y, end - 20),
                  frag("· · · · · · · · · (1 mark)" if k % 3 else "· · · · · · · ·", end, y, 520)]
    assert find_gutter(frags) is None


def test_running_text_beside_a_table_in_the_other_column_is_two_columns() -> None:
    # A pinp vignette's first page: the left column's paragraphs, the right column a table
    # of package names and marks whose cells fill no width; the columns are as wide.
    frags = []
    for k in range(24):
        frags.append(frag(f"Line {k} of the running text of the introduction, justified", 52,
                          100 + 11 * k, 297))
        frags.append(frag(f"pkg{k}", 318, 100 + 11 * k, 345))
        frags += [frag("•", 400 + 60 * m, 100 + 11 * k, 404 + 60 * m) for m in range(k % 3 + 1)]
    assert find_gutter(frags) == (297, 318)
    # A definition list (narrow terms beside their descriptions) stays rows.
    terms = []
    for k in range(12):
        terms.append(frag(f"option{k}", 52, 100 + 22 * k, 110))
        terms.append(frag(f"Line {k} describes the option at length, as prose does", 140,
                          100 + 22 * k, 540))
        terms.append(frag("and goes on to a second line of words", 140, 111 + 22 * k, 400))
    assert find_gutter(terms) is None


def test_a_listing_beside_a_reference_list_in_the_other_column_is_two_columns() -> None:
    # An R News page: the left column R code and its printed output, lines of any length;
    # the right column a short section and the bibliography, whose lines fill the column
    # but are not all prose (URLs, "2006. URL").
    frags = []
    for k in range(30):
        code = frag(["> tmp <- list(.default=0,", "+", "col1 col2 col3 col4",
                     "> df2 <- unknownToNA(x=df[, cols],"][k % 4], 55, 83 + 12 * k,
                    [186, 60, 165, 274][k % 4])
        code.kind = "code"
        frags.append(code)
    right = ["Functions isUnknown, unknownToNA and NAToUnknown", "http://cran.r-project.org/",
             "G. R. Warnes. gdata: Various R program-", "2006. URL http://cran.r-project.org/",
             "ming tools for data manipulation, 2006. URL", "Descriptions/gdata.html."]
    frags += [frag(right[k % 6], 306, 83 + 12 * k, 537) for k in range(30)]
    assert find_gutter(frags) == (274, 306)


def test_a_justified_line_reported_a_piece_at_a_time_with_names_in_typewriter_is_text() -> None:
    from archive.extract.layout import merge_rows

    pieces = [frag("RcppGSL::vector<T>", 52, 100, 130), frag("to manipulate", 136, 100, 190),
              frag("gsl_vector", 196, 100, 240), frag("pointers", 246, 100, 297)]
    for piece in pieces[0::2]:
        piece.kind = "code"
    (row,) = merge_rows(pieces)
    assert row.text == "RcppGSL::vector<T> to manipulate gsl_vector pointers"
    assert row.kind is None
    # A listing's line reported in pieces stays code.
    listing = [frag("x <- c(1,", 52, 120, 100), frag("2)", 106, 120, 118)]
    listing[0].kind = listing[1].kind = "code"
    assert merge_rows(listing)[0].kind == "code"


def test_a_list_of_citations_in_brackets_goes_on_over_a_semicolon() -> None:
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    lines = ["The package eases the work, and RcppGSL relies on Rcpp (Eddelbuettel, 2011;",
             "Eddelbuettel and Balamuta, 2018), which is itself a package for the interfaces.",
             "A second paragraph opens here, after a gap, and says something else entirely."]
    for k, line in enumerate(lines):
        page.insert_text((72, 100 + 13 * k + (10 if k == 2 else 0)), line, fontsize=10)
    texts = [b.text for b in analyse(doc.tobytes()).segmentation.blocks]
    assert texts[0] == " ".join(lines[:2])


def test_a_justified_line_of_names_in_typewriter_type_inside_a_paragraph_is_text() -> None:
    from archive.extract.listings import line_kinds

    def paragraph(middle: str, x1: float) -> list:
        lines = [frag("Starting with release 0.2.4, two new functions are available:", 52,
                      100, 298, block=7),
                 frag(middle, 52, 111, x1, block=7),
                 frag("which allow to turn off the error handler (as discussed above),", 52,
                      122, 298, block=7)]
        lines[1].kind = "code"
        return line_kinds(lines)

    assert paragraph("gslSetErrorHandlerOff() and gslResetErrorHandler()", 298)[1].kind is None
    # A command displayed on a line of its own ends short of the measure: code.
    assert paragraph("\\renewcommand{\\bdorientation}{\\bdhor}", 210)[1].kind == "code"


def test_a_margin_name_beside_text_that_starts_left_of_a_numbered_listing() -> None:
    # akshar's documented source (l3doc): the text at 198 pt, the implementation's numbered
    # lines at 204 pt (more of them), a function's name in the margin beside a line of text.
    from archive.extract.layout import merge_rows

    frags = [frag(f"Line {k} of the text that documents the functions, set in full.", 198,
                  40 + 12 * k, 567, size=9.0) for k in range(6)]
    frags += [frag(f"{k + 40} \\tl_set:Nn \\l__akshar_tl {{ #{k} }}", 204, 120 + 11 * k, 420,
                   size=7.6) for k in range(12)]
    frags += [frag("\\msg_error:nnx", 124.6, 341.5, 188.9, size=7.6),
              frag("Some variants of l3msg functions that we will need when issuing", 198.4,
                   336.2, 566.9, size=9.0)]
    texts = [f.text for f in merge_rows(frags)]
    assert "\\msg_error:nnx" in texts
    assert "Some variants of l3msg functions that we will need when issuing" in texts


def test_a_sessions_results_displayed_under_their_output_labels_are_the_listings() -> None:
    # Maxima's results typeset as centred maths: "(%o1)" in the listing, "4" under it.
    from archive.extract.listings import line_kinds

    lines = [frag("(%i1) 2+2;", 87, 531, 144), frag("(%o1)", 87, 540, 113),
             frag("4", 301, 565, 306),
             frag("(%i2) 9/4;", 87, 590, 144), frag("(%o2)", 87, 599, 113),
             frag("9", 301, 616, 306, size=8.0), frag("4", 301, 628, 306, size=8.0),
             frag("The quotient of two integers stays a fraction, as exact as they are.",
                  72, 660, 540)]
    for k in (0, 1, 3, 4):
        lines[k].kind = "code"
    kinds = [f.kind for f in line_kinds(lines)]
    assert kinds == ["code"] * 7 + [None]
    # A number under a listing whose last line is no output label (a page's number at its
    # foot) is not the listing's.
    lines = [frag("(%i3) ratsimp(%);", 87, 700, 170), frag("12", 301, 740, 311)]
    lines[0].kind = "code"
    assert [f.kind for f in line_kinds(lines)] == ["code", None]
    # A numbered listing's empty line is its bare number, no output label: the label
    # right of it, at the page's foot, is the page's.
    lines = [frag("3 --", 60, 700, 80), frag("4", 60, 712, 66),
             frag("(continues on next page)", 420, 724, 530)]
    lines[0].kind = lines[1].kind = "code"
    assert [f.kind for f in line_kinds(lines)] == ["code", "code", None]


def test_a_list_item_broken_after_a_comma_goes_on_in_typewriter_type() -> None:
    # R's toLatex(sessionInfo()): "• Locale: LC_CTYPE=…," then the rest in typewriter type,
    # set in under the item's text.
    from archive.extract.listings import line_kinds

    lines = [frag("• R version 4.2.1 (2022-06-23), x86_64-pc-linux-gnu", 79, 300, 330),
             frag("• Locale: LC_CTYPE=en_US.UTF-8, LC_NUMERIC=C, LC_TIME=en_GB,", 79, 313, 480),
             frag("LC_MONETARY=en_US.UTF-8, LC_MESSAGES=en_US.UTF-8,", 89, 326, 420),
             frag("LC_IDENTIFICATION=C", 89, 339, 190),
             frag("• Running under: Ubuntu 20.04.5 LTS", 79, 352, 260),
             frag("x <- c(1,", 89, 400, 150), frag("2)", 89, 413, 110)]
    for k in (2, 3, 5, 6):
        lines[k].kind = "code"
    assert [f.kind for f in line_kinds(lines)] == [None] * 5 + ["code", "code"]


def test_circled_numbers_beside_a_listing_are_counted_without_failing() -> None:
    # A manual's callouts (dblatex): "③" opening a code line, "④" right of the next one.
    # They are digits to str.isdigit() but no number to int().
    from archive.extract.listings import line_kinds

    lines = [frag("③ sudo chown user:user ~/.msmtprc", 60, 700, 240),
             frag("chmod 0600 ~/.msmtprc", 60, 712, 180), frag("④", 250, 724, 256)]
    lines[0].kind = lines[1].kind = "code"
    assert [f.kind for f in line_kinds(lines)] == ["code", "code", None]
    # Decimal digits of any script count as before.
    lines = [frag("3 --", 60, 700, 80), frag("x = 1", 60, 712, 100), frag("4", 60, 724, 66)]
    lines[0].kind = lines[1].kind = "code"
    assert [f.kind for f in line_kinds(lines)] == ["code", "code", "code"]


def test_an_empty_listing_line_s_number_in_smaller_type_opens_the_listing_on_its_page() -> None:
    # dblatex sets a listing's numbers in 5 pt before 9 pt code; a page breaks the listing
    # after line 9, so the next page opens on line 10's bare number.
    from archive.extract.listings import line_kinds

    lines = [frag("10", 40, 86, 47, size=5.0),
             frag("11 \\setdefaultgroupmode{withoutreplacement}", 40, 94, 272, size=9.0),
             frag("12", 40, 108, 47, size=5.0),
             frag("13 \\element{geographie}{", 40, 116, 170, size=9.0)]
    lines[1].kind = lines[3].kind = "code"
    assert [f.kind for f in line_kinds(lines)] == ["code"] * 4
