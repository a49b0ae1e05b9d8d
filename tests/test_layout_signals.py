"""Layout signals measured on the page rather than read from a font's name or a blank line:
a fixed-pitch font that does not say so, the small skip between unindented paragraphs, and
a table of contents in a text copy."""

from __future__ import annotations

import pymupdf
from pdfgen import Placed, placed_pages
from pdftypeset import pick_fonts

from archive.extract.pdf import extract_pdf
from archive.extract.spans import (
    FONT_MONOSPACED,
    dominant_style,
    fixed_pitch_fonts,
    join_circled_numbers,
    monospaced,
)
from archive.ingest.analyse import analyse

WIDTH, HEIGHT, LEFT = 420.0, 595.0, 50.0
MEASURE = WIDTH - 2 * LEFT

OUTPUT = ["Homo Pongo Macaca Ateles Galago", "Homo Inf 2.3809524 1.0204082 0.8064516 0.5",
          "Pongo 2.3809524 Inf 1.0204082 0.8064516 0.5", "Macaca 1.0204082 Inf 0.8064516",
          "Ateles 0.8064516 0.8064516 Inf 0.5", "Galago 0.5000000 0.5000000 Inf",
          "$observed", "[1] -0.07312179", "$expected", "[1] -0.25"]  # fmt: skip
PROSE = [
    "We choose the weights as the inverse of the distances measured on the tree, and",
    "then the analysis proceeds with the function that computes the coefficient for",
    "each trait in turn, so that the results can be compared with earlier studies.",
    "Of course, we must set the diagonal to zero before anything else is done here.",
    "The same analysis with longevity gives a rather different picture altogether.",
]


def _spans(data: bytes) -> list[list[dict]]:
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        blocks = doc[0].get_text("dict")["blocks"]
    return [ln["spans"] for b in blocks if b["type"] == 0 for ln in b["lines"]]


def test_a_fixed_pitch_font_is_found_by_its_widths_when_its_name_says_nothing() -> None:
    # Type 3 fonts (bitmaps from dvips) are named F29, F45 and set no flags: measured, the
    # typewriter face sets "Inf" and "Macaca" at one advance a letter, the text face not.
    placed: list[Placed] = [(LEFT, 60 + 12 * k, text, 10.0, "mono")
                            for k, text in enumerate(OUTPUT)]
    placed += [(LEFT, 200 + 12 * k, text, 10.0, "serif") for k, text in enumerate(PROSE)]
    lines = _spans(placed_pages([placed], size=(WIDTH, HEIGHT)))
    for spans in lines:
        for s in spans:
            mono = s["flags"] & FONT_MONOSPACED
            s["font"], s["flags"] = ("F45" if mono else "F29"), 0
    assert fixed_pitch_fonts(lines) == {"F45"}
    # Too few spans to tell say nothing.
    assert fixed_pitch_fonts([spans for spans in lines if spans[0]["font"] == "F45"][:3]) == set()


def _filled(
    words: list[str], font: pymupdf.Font, size: float, measure: float = MEASURE
) -> list[str]:
    """The words set in lines that each fill the measure, as a justified page would."""
    lines: list[str] = []
    line: list[str] = []
    for word in words:
        if line and font.text_length(" ".join([*line, word]), fontsize=size) > measure:
            lines.append(" ".join(line))
            line = []
        line.append(word)
    lines.append(" ".join(line))
    return lines


PARAGRAPHS = [
    "The full code from the book is provided in the demos for the package. The source "
    "scripts can be found in the demo directory of the package and executed by calling "
    "the demo function with the name of the chapter and the package as arguments, so that "
    "every example can be run again exactly as printed in the book and in its errata.",
    "The same scripts are contained in the tests directory of the package so that they "
    "are automatically checked and compared with the desired output provided in the saved "
    "files, and any change in the results is noticed before a new version of it is out.",
    "To make the code fully reproducible and to avoid some lengthy computations in the "
    "daily checks, a few selected code chunks are commented out in the scripts, and some "
    "graphics code chunks are repeated, once commented out and once without comments.",
]


def test_unindented_paragraphs_set_apart_by_a_small_skip_stay_apart() -> None:
    # No indent, the last line of each paragraph as full as the others: only the skip of a
    # third of an em between them (as journals set) shows where one ends. Measured between
    # baselines, it is clear; between the lines' boxes it is lost among their heights.
    regular, _ = pick_fonts()
    size, leading, skip = 10.9, 13.6, 3.3
    placed: list[Placed] = []
    y = 80.0
    for paragraph in PARAGRAPHS * 2:
        for line in _filled(paragraph.split(), regular, size):
            placed.append((LEFT, y, line, size, "serif"))
            y += leading
        y += skip
    blocks = analyse(placed_pages([placed], size=(WIDTH, HEIGHT))).segmentation.blocks
    assert [b.text for b in blocks] == PARAGRAPHS * 2


def test_a_text_copys_contents_list_with_leaders_is_kept_out_of_the_text() -> None:
    text = (
        "Содержание\n\n"
        "1 Введение ................................ 3\n"
        "2 Установка ............................... 5\n"
        "   2.1 Требования к системе ................ 5\n"
        "   2.2 Загрузка пакета ..................... 7\n"
        "3 Настройка ............................... 9\n\n"
        "1 Введение\n\n"
        "Этот документ описывает установку и настройку пакета. Он написан для тех, кто\n"
        "впервые ставит систему.\n"
    )
    analysis = analyse(text.encode("utf-8"))
    blocks = [b.text for b in analysis.segmentation.blocks]
    contents = [a.text for a in analysis.segmentation.artifacts if a.kind == "contents"]
    assert len(contents) == 5 and contents[2].strip().startswith("2.1 Требования")
    assert blocks == ["Содержание", "1 Введение", "Этот документ описывает установку и "
                      "настройку пакета. Он написан для тех, кто впервые ставит систему."]


def test_numbered_lines_that_are_no_contents_stay_text() -> None:
    # Lines ending in numbers that go up, with no contents heading and no leaders: a list.
    text = (
        "Results by year\n\n"
        "The survey counted the following totals in each of the three rounds of 2021\n"
        "and again in the rounds of 2022, with the same method in all of them, in 2023\n"
        "as well; the counts are given below by region and by round, with a note 2024\n"
    )
    analysis = analyse(text.encode("utf-8"))
    assert not [a for a in analysis.segmentation.artifacts if a.kind == "contents"]


def test_a_display_title_over_two_lines_and_a_formula_s_pieces_stay_in_place() -> None:
    # The title's first line ends with a colon; the sum's limits stand on lines of their own
    # in a smaller size. Neither opens a paragraph.
    regular, _ = pick_fonts()
    body = _filled(PARAGRAPHS[0].split(), regular, 10.0)
    placed: list[Placed] = [
        (LEFT, 70, "Applied Econometrics with R:", 17.0, "serif"),
        (LEFT, 92, "Package Vignette and Errata", 17.0, "serif"),
    ]
    placed += [(LEFT, 130 + 12 * k, line, 10.0, "serif") for k, line in enumerate(body)]
    y = 130 + 12 * len(body)
    placed += [(200, y + 6, "n", 7.0, "serif"), (190, y + 16, "H = − p log p,", 10.0, "serif"),
               (196, y + 26, "i=1", 7.0, "serif")]
    tail = _filled(PARAGRAPHS[1].split(), regular, 10.0)
    placed += [(LEFT, y + 44 + 12 * k, line, 10.0, "serif") for k, line in enumerate(tail)]
    blocks = analyse(placed_pages([placed], size=(WIDTH, HEIGHT))).segmentation.blocks
    texts = [b.text for b in blocks]
    assert texts[0] == "Applied Econometrics with R: Package Vignette and Errata"
    assert not [t for t in texts if sum(ch.isalpha() for ch in t) <= 2]
    assert texts[-1] == PARAGRAPHS[1]


def test_a_run_in_heading_stays_with_its_paragraph() -> None:
    # "2.7.3. Including Additional Code." in bold, then the text in the body face on the
    # same line and the lines under it: one paragraph, though most of the first line (a
    # narrow column's) is bold.
    regular, bold = pick_fonts()
    heading = "2.7.3. Including Additional Code."
    first = "You might use"
    rest_text = ("Rcpp interfaces to generate a header file for other packages, so that "
                 "they can call the exported functions directly, as the next section shows.")
    text = f"{first} {rest_text}"
    measure = 230.0
    indent = bold.text_length(heading + " ", fontsize=10.0)
    # The next line opens with a capital, and the bold heading is most of the first line.
    assert regular.text_length(f"{first} Rcpp", fontsize=10.0) > measure - indent
    placed: list[Placed] = [
        (LEFT, 80, heading, 10.0, "bold"), (LEFT + indent, 80, first, 10.0, "serif"),
    ]
    rest = _filled(rest_text.split(), regular, 10.0, measure)
    placed += [(LEFT, 92 + 12 * k, line, 10.0, "serif") for k, line in enumerate(rest)]
    after = _filled(PARAGRAPHS[2].split(), regular, 10.0, measure)
    placed += [(LEFT + (10 if k == 0 else 0), 92 + 12 * (len(rest) + k), line, 10.0, "serif")
               for k, line in enumerate(after)]
    blocks = analyse(placed_pages([placed], size=(WIDTH, HEIGHT))).segmentation.blocks
    assert [b.text for b in blocks] == [f"{heading} {text}", PARAGRAPHS[2]]


def test_title_notes_with_markers_of_several_widths_and_an_address_among_them() -> None:
    # An article's first page: notes whose markers are set flush right in one box ("∗",
    # "∗∗", "1"), with the authors' e-mail line among them.
    regular, _ = pick_fonts()
    body = _filled((PARAGRAPHS[0] + " " + PARAGRAPHS[1]).split(), regular, 10.0)
    placed: list[Placed] = [(LEFT, 80 + 12 * k, line, 10.0, "serif")
                            for k, line in enumerate(body)]
    y = 80 + 12 * len(body) + 20
    notes = [(9, "∗This document is the result of a project funded by the Foundation."),
             (4, "∗∗The second title note, which is a longer text."),
             (9, "Email addresses: j.author@example.org (J. Author)"),
             (8, "1This is the first author note.")]
    for dx, text in notes:
        placed.append((LEFT + dx, y, text, 8.0, "serif"))
        y += 10
    seg = analyse(placed_pages([placed], size=(WIDTH, HEIGHT))).segmentation
    roles = {b.text: b.role for b in seg.blocks}
    assert roles[notes[0][1]] == roles[notes[1][1]] == roles[notes[3][1]] == "footnote"


def test_a_line_ending_in_a_letter_like_a_roman_number_is_no_entry() -> None:
    # "İ" lower-cases to two characters; it is no page number either.
    text = "Bölüm İ\nGiriş İ\nYöntem İ\n\nBu belge bir örnektir.\n"
    analysis = analyse(text.encode("utf-8"))
    assert not [a for a in analysis.segmentation.artifacts if a.kind == "contents"]


def test_a_numbered_heading_in_its_own_face_over_text_that_opens_with_a_name() -> None:
    # "deSolve (…) is a package …": the text under the heading opens in lower case.
    regular, _ = pick_fonts()
    text = ("deSolve, the successor of the package odesolve, is a package to solve ordinary "
            "differential equations, differential algebraic equations and partial "
            "differential equations, and it is used here throughout.")
    placed: list[Placed] = [(LEFT, 80, "1. Introduction", 12.0, "bold")]
    placed += [(LEFT, 100 + 12 * k, line, 10.0, "serif")
               for k, line in enumerate(_filled(text.split(), regular, 10.0))]
    blocks = analyse(placed_pages([placed], size=(WIDTH, HEIGHT))).segmentation.blocks
    assert [(b.role, b.text) for b in blocks] == [("heading", "1. Introduction"), ("body", text)]


def test_references_with_typewriter_addresses_over_a_page_break() -> None:
    # A JSS-style list: hanging indents, addresses in typewriter type (one broken over two
    # lines, one nearly all of its line), the last entry of page 1 one full line, the first
    # entry of page 2 flush under it.
    regular, _ = pick_fonts()
    mono = pymupdf.Font("cour")
    hang = LEFT + 11
    full = "Juselius K (2006). The Cointegrated VAR Model. Oxford University Press, Oxford."
    entries: list[list[tuple[float, list[tuple[str, str]]]]] = [
        [(LEFT, [("Franses PH (1998). Time Series Models for Business and Economic", "serif")]),
         (hang, [("Forecasting. Cambridge University Press. URL ", "serif"),
                 ("http://www.example.org/", "mono")]),
         (hang, [("academic/subjects/economics/econometrics-and-statistics/", "mono")]),
         (hang, [("time-series-models-for-business.", "mono")])],
        [(LEFT, [("Greene WH (2003). Econometric Analysis. Prentice Hall, Saddle River,",
                  "serif")]),
         (hang, [("NJ, ", "serif"), ("http://pages.example.edu/~wgreene/Text/ea.htm.", "mono")])],
        [(LEFT, [(full, "serif")])],
    ]  # fmt: skip
    second: list[list[tuple[float, list[tuple[str, str]]]]] = [
        [(LEFT, [("Kleiber C, Zeileis A (2008). Applied Econometrics with R. Springer,", "serif")]),
         (hang, [("New York. ISBN 978-0-387-77316-2.", "serif")])],
        [(LEFT, [("Verbeek M (2004). A Guide to Econometrics. Wiley. doi:10.1016/j.",
                  "serif")]),
         (hang, [("csda.2008.11.033.", "mono")])],
    ]  # fmt: skip
    fonts = {"serif": regular, "mono": mono}
    widths = [x + sum(fonts[f].text_length(t, fontsize=9.0) for t, f in runs) - LEFT
              for entry in entries + second for x, runs in entry]
    assert max(widths) == widths[6]  # the full line is the measure

    def page(entries: list[list[tuple[float, list[tuple[str, str]]]]], y: float) -> list[Placed]:
        out: list[Placed] = []
        for entry in entries:
            for x, runs in entry:
                for text, font in runs:
                    out.append((x, y, text, 9.0, font))
                    x += fonts[font].text_length(text, fontsize=9.0)
                y += 11
            y += 4
        return out

    first = [(LEFT, 80, "References", 12.0, "bold"), *page(entries, 100)]
    seg = analyse(placed_pages([first, page(second, 80)], size=(520, HEIGHT))).segmentation
    refs = [b for b in seg.blocks if b.role == "reference"]
    assert [b.text.split(" (")[0] for b in refs] == [
        "Franses PH", "Greene WH", "Juselius K", "Kleiber C, Zeileis A", "Verbeek M"
    ]
    assert refs[0].text.endswith(
        "URL http://www.example.org/academic/subjects/economics/econometrics-and-statistics/"
        "time-series-models-for-business."
    )
    assert refs[1].text.endswith("NJ, http://pages.example.edu/~wgreene/Text/ea.htm.")
    assert refs[4].text.endswith("Wiley. doi:10.1016/j.csda.2008.11.033.")
    assert not any(b.role == "code" for b in seg.blocks)


def test_an_address_block_is_one_paragraph_and_a_centred_title_block_is_not() -> None:
    # Short lines close under one another from one left edge (an address at an article's
    # end) are one paragraph, not a run of headings; centred lines (a title page's author
    # and institute) stay apart. A blank inside a sentence (around a display) tells that
    # blank lines are no paragraph ends in this document.
    regular, bold = pick_fonts()
    body = _filled(PARAGRAPHS[0].split(), regular, 10.0)
    placed: list[Placed] = [(LEFT, 80 + 12 * k + (20 if k >= 3 else 0), line, 10.0, "serif")
                            for k, line in enumerate(body)]
    y = 100 + 12 * len(body) + 24
    placed.append((LEFT, y, "Affiliation:", 12.0, "bold"))
    address = ["Christian Kleiber", "Faculty of Business and Economics", "Universität Basel",
               "Peter Merian-Weg 6", "4002 Basel, Switzerland"]
    placed += [(LEFT, y + 16 + 12 * k, line, 10.0, "serif") for k, line in enumerate(address)]
    title = ["Douglas Bates", "R Core Development Group"]
    centred: list[Placed] = [
        ((WIDTH - regular.text_length(line, fontsize=10.0)) / 2, 120 + 12 * k, line, 10.0,
         "serif") for k, line in enumerate(title)
    ]
    centred.insert(0, ((WIDTH - bold.text_length("Sparse Matrices", fontsize=16.0)) / 2, 90,
                       "Sparse Matrices", 16.0, "bold"))
    centred += [(LEFT, 170 + 12 * k, line, 10.0, "serif") for k, line in enumerate(body)]
    blocks = analyse(placed_pages([centred, placed], size=(WIDTH, HEIGHT))).segmentation.blocks
    texts = [b.text for b in blocks]
    assert " ".join(address) in texts
    assert "Affiliation:" in texts
    assert title[0] in texts  # the two centred lines are one MuPDF block


def test_authors_set_side_by_side_are_read_one_block_after_the_other() -> None:
    # A JSS title page: names in bold over their affiliations, each block centred in its
    # half of the page; a two-column table in one face, set flush left, stays row by row.
    regular, bold = pick_fonts()
    width = 560.0
    title = "Applied Econometrics with R: Package Vignette"
    placed: list[Placed] = [
        ((width - bold.text_length(title, fontsize=16.0)) / 2, 90, title, 16.0, "bold")
    ]
    authors = [("Christian Kleiber", "Universität Basel", 170.0),
               ("Achim Zeileis", "Universität Innsbruck", 390.0)]
    for name, place, middle in authors:
        placed.append((middle - bold.text_length(name, fontsize=12.0) / 2, 130, name, 12.0,
                       "bold"))
        placed.append((middle - regular.text_length(place, fontsize=10.0) / 2, 145, place,
                       10.0, "serif"))
    body = _filled(PARAGRAPHS[0].split(), regular, 10.0, width - 2 * LEFT)
    placed += [(LEFT, 190 + 12 * k, line, 10.0, "serif") for k, line in enumerate(body)]
    y = 190 + 12 * len(body) + 30
    table = [("Paper width", "8.5 inches"), ("Paper height", "11 inches"),
             ("Textblock width", "6.5 inches")]
    for k, (name, value) in enumerate(table):
        placed += [(150, y + 14 * k, name, 10.0, "serif"), (300, y + 14 * k, value, 10.0,
                                                              "serif")]
    analysis = analyse(placed_pages([placed], size=(width, HEIGHT)))
    texts = [b.text for b in analysis.segmentation.blocks]
    assert "Christian Kleiber Universität Basel" in texts
    assert "Achim Zeileis Universität Innsbruck" in texts
    assert not any("Kleiber Achim" in t or "Basel Universität" in t for t in texts)
    assert not any(t.startswith("Paper width Paper height") for t in texts)
    assert [a.family for a in analysis.metadata.authors] == ["Kleiber", "Zeileis"]


def test_full_bullet_items_a_list_then_an_indented_paragraph_and_text_after_code() -> None:
    # Bullet items without a full stop that fill the measure each open an item; a numbered
    # list's last item, a gap and a first-line indent open a paragraph; a comment's close
    # "*/" ends its listing: the text set off under it is no code.
    regular, _ = pick_fonts()
    body = _filled(PARAGRAPHS[0].split(), regular, 10.0)
    placed: list[Placed] = [(LEFT, 80 + 12 * k, line, 10.0, "serif")
                            for k, line in enumerate(body)]
    y = 80 + 12 * len(body)
    items = ["• Rcpp::export attribute to export a C++ function to R as it is",
             "• sourceCpp function to source exported functions from one file",
             "• cppFunction and evalCpp functions for inline declarations here"]
    assert all(regular.text_length(t, fontsize=10.0) > 0.9 * MEASURE for t in items)
    placed += [(LEFT, y + 4 + 12 * k, t, 10.0, "serif") for k, t in enumerate(items)]
    y += 4 + 12 * len(items) + 4
    numbered = ["1. Reduce the learning curve of using C++ and R together now",
                "2. Unified syntax for interactive work and package development"]
    assert all(regular.text_length(t, fontsize=10.0) > 0.9 * MEASURE for t in numbered)
    placed += [(LEFT, y + 12 * k, t, 10.0, "serif") for k, t in enumerate(numbered)]
    y += 12 * len(numbered) + 8
    after = _filled(PARAGRAPHS[1].split(), regular, 10.0, MEASURE - 12)
    placed += [(LEFT + (12 if k == 0 else 0), y + 12 * k, t, 10.0, "serif")
               for k, t in enumerate(after)]
    y += 12 * len(after) + 10
    code = ["/*** R", "# Call the function defined in C++", "fibonacci(10)", "*/"]
    placed += [(LEFT + 10, y + 11 * k, t, 9.0, "mono") for k, t in enumerate(code)]
    y += 11 * len(code) + 12
    rest = _filled(PARAGRAPHS[2].split(), regular, 10.0, MEASURE - 12)
    placed += [(LEFT + (12 if k == 0 else 0), y + 12 * k, t, 10.0, "serif")
               for k, t in enumerate(rest)]
    blocks = analyse(placed_pages([placed], size=(WIDTH, HEIGHT))).segmentation.blocks
    texts = [b.text for b in blocks]
    assert [t for t in texts if t.startswith(("Rcpp::", "sourceCpp", "cppFunction"))] == [
        t[2:] for t in items
    ]
    assert numbered[1] in texts
    assert PARAGRAPHS[1] in texts
    assert PARAGRAPHS[2] in texts
    assert [b.role for b in blocks if b.text.startswith("/*** R")] == ["code"]


def _first_paragraph() -> tuple[list[Placed], float]:
    """The first paragraph set from the top of a page, and the baseline of its last line."""
    regular, _ = pick_fonts()
    lines = _filled(PARAGRAPHS[0].split(), regular, 10.0)
    placed: list[Placed] = [(LEFT, 80 + 12 * k, line, 10.0, "serif")
                            for k, line in enumerate(lines)]
    return placed, 80 + 12 * (len(lines) - 1)


def _numbered_listing(code: list[str], first: int, right_aligned: bool,
                      number_size: float = 7.0, code_size: float = 9.0, pitch: float = 11.0,
                      ) -> None:
    """A listing whose lines carry small numbers from ``first`` on, between two paragraphs,
    is one code paragraph with its numbers, and the paragraphs stay whole."""
    regular, _ = pick_fonts()
    body = _filled(PARAGRAPHS[0].split(), regular, 10.0)
    placed: list[Placed] = [(LEFT, 80 + 12 * k, line, 10.0, "serif")
                            for k, line in enumerate(body)]
    y = 80 + 12 * len(body) + 10
    for k, line in enumerate(code):
        number = str(first + k)
        width = regular.text_length(number, fontsize=number_size)
        x = LEFT + 30 - width if right_aligned else LEFT + 20
        placed.append((x, y + pitch * k, number, number_size, "serif"))
        if line:
            gap = 4 if right_aligned else regular.text_length(" ", fontsize=number_size)
            placed.append((x + width + gap, y + pitch * k, line, code_size, "mono"))
    y += pitch * len(code) + 14
    placed += [(LEFT, y + 12 * k, line, 10.0, "serif")
               for k, line in enumerate(_filled(PARAGRAPHS[1].split(), regular, 10.0))]
    blocks = analyse(placed_pages([placed], size=(WIDTH, HEIGHT))).segmentation.blocks
    listings = [b.text for b in blocks if b.role == "code"]
    assert len(listings) == 1 and listings[0].split("\n") == [
        f"{first + k} {line}".rstrip() for k, line in enumerate(code)
    ]
    assert [b.text for b in blocks if b.role != "code"] == PARAGRAPHS[:2]


def test_numbered_code_lines_and_their_blank_lines_stay_one_listing() -> None:
    # A documented TeX source prints its code with small line numbers; an empty code line
    # keeps its number alone.
    _numbered_listing(["\\RequirePackage{fancyhdr}", "\\fancyfoot[L]{ }",
                       "\\fancyfoot[C]{\\thepage}", "", "\\makeatletter",
                       "\\let\\ps@plain\\ps@fancy"], 27, right_aligned=False)


def test_an_empty_code_lines_tiny_number_stays_in_its_listing() -> None:
    # Numbers set in tiny type: the empty line's number alone stands low on its line.
    _numbered_listing(["@r0@", "@@", "", "-c();"], 1, right_aligned=False, number_size=5.0,
                      code_size=10.0, pitch=14.0)


def test_right_aligned_code_line_numbers_and_short_code_stay_one_listing() -> None:
    # Right-aligned numbers move left as they gain a digit (``9 }`` then ``10``), and a
    # short code line (``\\fi``) is no longer than its number: neither makes a line text.
    _numbered_listing(["\\ifx\\x\\y", "}", "\\fi", "", "\\tikzset{", "}", "\\fi"], 7,
                      right_aligned=True)


def test_a_title_in_capitals_and_its_author_in_smaller_capitals_stay_apart() -> None:
    regular, bold = pick_fonts()
    title, author = "QUANTILE REGRESSION IN R: A VIGNETTE", "ROGER KOENKER"
    placed: list[Placed] = [
        ((WIDTH - bold.text_length(title, fontsize=10.0)) / 2, 80, title, 10.0, "bold"),
        ((WIDTH - regular.text_length(author, fontsize=8.0)) / 2, 110, author, 8.0, "serif"),
    ]
    body = _filled(PARAGRAPHS[0].split(), regular, 10.0)
    placed += [(LEFT, 150 + 12 * k, line, 10.0, "serif") for k, line in enumerate(body)]
    texts = [b.text for b in analyse(placed_pages([placed], size=(WIDTH, HEIGHT)))
             .segmentation.blocks]
    assert texts[:3] == [title, author, PARAGRAPHS[0]]


def test_a_centred_date_and_a_drop_cap_over_the_opening_text() -> None:
    # A title page's centred date over a gap, then the opening paragraph, its first letter
    # set large over two lines: the date stands alone and the word goes on ("The").
    regular, _ = pick_fonts()
    date = "April 12, 2014"
    placed: list[Placed] = [((WIDTH - regular.text_length(date, fontsize=10.0)) / 2, 60, date,
                             10.0, "serif")]
    words = PARAGRAPHS[0].split()
    first, rest = words[0][0], [words[0][1:], *words[1:]]
    cap = regular.text_length(first, fontsize=24.0) + 1.5
    lines = _filled(rest, regular, 10.0, MEASURE - cap)
    placed.append((LEFT, 106, first, 24.0, "serif"))
    placed += [(LEFT + (cap if k < 2 else 0), 94 + 12 * k, line, 10.0, "serif")
               for k, line in enumerate(lines)]
    blocks = analyse(placed_pages([placed], size=(WIDTH, HEIGHT))).segmentation.blocks
    assert [b.text for b in blocks] == [date, " ".join([words[0], *words[1:]])]


def test_a_note_in_the_left_margin_is_no_part_of_the_line_beside_it() -> None:
    # A TeX source's documentation prints a macro's name in the margin beside the paragraph
    # that describes it; a number in the margin (a listing's line) stays with its line.
    regular, _ = pick_fonts()
    text_left, measure = LEFT + 100, MEASURE - 100
    placed: list[Placed] = []
    y = 60.0
    for k, paragraph in enumerate(PARAGRAPHS[:3]):
        lines = _filled(paragraph.split(), regular, 10.0, measure)
        if k == 1:
            placed.append((LEFT, y, "\\AtNextShipout", 9.0, "mono"))
        placed += [(text_left + (10 if j == 0 else 0), y + 12 * j, line, 10.0, "serif")
                   for j, line in enumerate(lines)]
        y += 12 * len(lines)
    placed += [(LEFT + 40, y + 12, "27", 6.0, "serif"),
               (text_left, y + 12, "\\def\\x{1}", 9.0, "mono")]
    blocks = analyse(placed_pages([placed], size=(WIDTH, HEIGHT))).segmentation.blocks
    texts = [b.text for b in blocks]
    assert texts[:4] == [PARAGRAPHS[0], "\\AtNextShipout", PARAGRAPHS[1], PARAGRAPHS[2]]
    assert texts[4:] == ["27 \\def\\x{1}"]


def test_a_program_s_options_left_of_their_descriptions_stay_on_their_lines() -> None:
    # A manual's options, each beside its description: the option is the term its line
    # describes, no note in the margin (a paragraph of prose sets the text's edge).
    regular, _ = pick_fonts()
    text_left, measure = LEFT + 40, MEASURE - 40
    prose = " ".join(PARAGRAPHS[:3])  # options are few beside the text
    lines = _filled(prose.split(), regular, 10.0, measure)
    placed: list[Placed] = [(text_left, 60 + 12 * k, line, 10.0, "serif")
                            for k, line in enumerate(lines)]
    y = 60 + 12 * len(lines) + 14
    options = [("-a", "use the median for the discrete approximation"),
               ("-B", "specify the number of best trees to save"),
               ("-c", "specify the number of distinct rate categories")]
    for k, (option, description) in enumerate(options):
        placed += [(LEFT, y + 26 * k, option, 10.0, "mono"),
                   (text_left, y + 26 * k, description, 10.0, "mono")]
    blocks = analyse(placed_pages([placed], size=(WIDTH, HEIGHT))).segmentation.blocks
    texts = [b.text for b in blocks]
    assert texts[0] == prose
    lines = [line for t in texts[1:] for line in t.split("\n") if line]
    assert lines == [f"{option} {description}" for option, description in options]


def test_soft_hyphens_drawn_inside_a_line_are_hyphens_and_one_at_its_end_breaks_a_word() -> None:
    # A word processor that typed a command line's hyphens as soft ones draws them all;
    # the text layer says U+00AD.
    lines = ["Build it with make \u00adf Makefile.AVX.gcc and run parse\u00adexaml on",
             "the alignment; its output is a binary file that the search reads in\u00ad",
             "stead of the text."]
    placed: list[Placed] = [(LEFT, 80 + 12 * k, line, 10.0, "serif")
                            for k, line in enumerate(lines)]
    blocks = analyse(placed_pages([placed], size=(WIDTH, HEIGHT))).segmentation.blocks
    assert [b.text for b in blocks] == [
        "Build it with make -f Makefile.AVX.gcc and run parse-examl on the alignment; its "
        "output is a binary file that the search reads instead of the text."
    ]


def test_a_sentence_that_ends_on_a_name_in_typewriter_type_is_no_code() -> None:
    regular, _ = pick_fonts()
    lines = _filled(PARAGRAPHS[0].split()[:-1], regular, 10.0)
    placed: list[Placed] = [(LEFT, 80 + 12 * k, line, 10.0, "serif")
                            for k, line in enumerate(lines)]
    placed.append((LEFT, 80 + 12 * len(lines), "\\@EveryShipout@EveryHook.", 10.0, "mono"))
    code = "12 \\newcommand{\\@EveryShipout@AtNextHook}{}"
    placed.append((LEFT, 96 + 12 * len(lines), code, 9.0, "mono"))
    blocks = analyse(placed_pages([placed], size=(WIDTH, HEIGHT))).segmentation.blocks
    words = PARAGRAPHS[0].split()[:-1]
    assert [(b.role, b.text) for b in blocks] == [
        ("body", " ".join([*words, "\\@EveryShipout@EveryHook."])), ("code", code)
    ]


def test_a_placeholder_in_italic_type_between_code_lines_is_in_the_listing() -> None:
    placed, last = _first_paragraph()
    y = last + 20
    listing = [("beginfig(1);", "mono", 0), ("draw commands", "italic", 14),
               ("endfig;", "mono", 0), ("end;", "mono", 0)]
    placed += [(LEFT + 20 + dx, y + 12 * k, text, 10.0, face)
               for k, (text, face, dx) in enumerate(listing)]
    y += 12 * len(listing) + 8
    placed += [(LEFT, y + 12 * k, line, 10.0, "serif")
               for k, line in enumerate(_filled(PARAGRAPHS[1].split(), pick_fonts()[0], 10.0))]
    blocks = analyse(placed_pages([placed], size=(WIDTH, HEIGHT))).segmentation.blocks
    assert [(b.role, b.text) for b in blocks] == [
        ("body", PARAGRAPHS[0]), ("code", "\n".join(text for text, _, _ in listing)),
        ("body", PARAGRAPHS[1]),
    ]


def test_a_display_with_an_integral_s_limits_stays_in_its_sentence() -> None:
    # The integral's sign and its upper limit on a line of their own in smaller type, the
    # formula's main line under them, its lower limit under that.
    placed: list[Placed] = [
        (LEFT, 80, "The exponential integral", 10.0, "serif"),
        (LEFT + 140, 98, "∫ ∞ e−t", 9.0, "serif"),
        (LEFT + 100, 106, "E1(x) = dt, x ∈ R", 10.0, "serif"),
        (LEFT + 145, 114, "x t", 7.6, "serif"),
        (LEFT, 134, "and the incomplete gamma function are two closely related functions.",
         10.0, "serif"),
    ]
    blocks = analyse(placed_pages([placed], size=(WIDTH, HEIGHT))).segmentation.blocks
    assert len(blocks) == 1 and blocks[0].text.startswith("The exponential integral")
    assert blocks[0].text.endswith("closely related functions.")


def test_a_footnote_that_is_an_address_in_typewriter_type_is_a_footnote() -> None:
    placed, _ = _first_paragraph()
    for k, url in enumerate(("https://cran.r-project.org", "http://www.netlib.org")):
        placed.append((LEFT, HEIGHT - 60 + 10 * k, str(k + 1), 5.5, "serif"))
        placed.append((LEFT + 4, HEIGHT - 60 + 10 * k, url, 8.0, "mono"))
    blocks = analyse(placed_pages([placed], size=(WIDTH, HEIGHT))).segmentation.blocks
    notes = [(b.role, b.text) for b in blocks if "http" in b.text]
    assert notes == [("footnote", "1https://cran.r-project.org"),
                     ("footnote", "2http://www.netlib.org")]


def test_terms_and_descriptions_after_dashes_are_items() -> None:
    # A list whose bullets the text layer lost: each item a term, a dash, its description.
    placed, last = _first_paragraph()
    y = last + 16
    items = ["numeric — numbers", "pair — ordered pairs of numerics",
             "path — Bézier curves (and lines)", "picture — pictures"]
    placed += [(LEFT + 20, y + 14 * k, item, 10.0, "serif") for k, item in enumerate(items)]
    blocks = analyse(placed_pages([placed], size=(WIDTH, HEIGHT))).segmentation.blocks
    assert [(b.role, b.text) for b in blocks] == [
        ("body", PARAGRAPHS[0]), *(("list_item", item) for item in items)
    ]


def test_the_authors_addresses_at_an_article_s_end_are_front_matter() -> None:
    placed, last = _first_paragraph()
    y = last + 32
    placed.append((LEFT, y, "Affiliation:", 10.0, "serif"))
    blocks_ = [["Christian Kleiber", "Faculty of Business and Economics", "Universität Basel",
                "E-mail: Christian.Kleiber@example.ch"],
               ["Achim Zeileis", "Department of Statistics", "Universität Innsbruck",
                "E-mail: Achim.Zeileis@example.org"]]
    y += 18
    for block in blocks_:
        placed += [(LEFT, y + 12 * k, line, 10.0, "serif") for k, line in enumerate(block)]
        y += 12 * len(block) + 14
    out = analyse(placed_pages([placed], size=(WIDTH, HEIGHT))).segmentation.blocks
    assert (out[1].role, out[1].text) == ("heading", "Affiliation:")
    assert {b.role for b in out[2:]} == {"front_matter"}
    assert " ".join(b.text for b in out[2:]).startswith("Christian Kleiber Faculty")


def test_a_plain_lead_in_line_is_no_heading_where_headings_are_bold() -> None:
    # groff's mom: headings in bold; a sentence that goes on in the command under it ends
    # a line of the text face without punctuation ("The colour of links is set with").
    placed: list[Placed] = []
    y = 60.0
    sections = (("1.", "Introduction", None),
                ("2.", "Creating links", "Internal links are created with the macro"),
                ("3.", "Assigning a colour", "The colour of links is set with"))
    for number, title, lead in sections:
        placed.append((LEFT, y, f"{number} {title}", 11.0, "bold"))
        y += 18
        for line in PROSE[:3]:
            placed.append((LEFT, y, line, 10.0, "serif"))
            y += 12
        if lead:
            y += 6
            placed.append((LEFT, y, lead, 10.0, "serif"))
            y += 18
            placed.append((LEFT + 20, y, ".PDF_LINK_COLOR <colour>", 10.0, "mono"))
            y += 18
        y += 12
    roles = {b.text: b.role for b in analyse(placed_pages([placed])).segmentation.blocks}
    assert roles["2. Creating links"] == "heading"
    assert roles["Internal links are created with the macro"] == "body"
    assert roles["The colour of links is set with"] == "body"


def _span(text: str, font: str, flags: int = 0) -> dict:
    return {"text": text, "font": font, "flags": flags, "size": 10.0}


def test_bold_keywords_round_typewriter_words_make_code_and_a_heading_s_words_do_not() -> None:
    # A listing that highlights its keywords in bold.
    assert monospaced([_span("return", "LMMono10-Bold", 16), _span(" List::create(x);", "CMTT10")])
    # A heading that names a command in typewriter type: its own words are capitalised.
    assert not monospaced([_span("The", "CMBX12"), _span(" \\interval", "CMTT12"),
                           _span(" command", "CMBX12")])
    assert not monospaced([_span("The", "CMBX12"), _span(" new", "CMBX12"),
                           _span(" summary.scanone", "CMTT12")])


def test_a_listing_s_small_line_number_never_decides_the_line_s_size() -> None:
    # codebox: "11" in 5 pt before "}" in 9 pt typewriter; by characters the number would
    # win, the line would read as small type, and the blank line numbered "12" under it as
    # set apart from the listing. Small digits before a formula's letters still count.
    number = {"text": "11", "font": "TeXGyrePagella-Regular", "flags": 4, "size": 5.0}
    brace = {"text": " }", "font": "CMUTypewriter-Light", "flags": 8, "size": 9.0}
    assert dominant_style([number, brace]) == (9.0, False)
    index = {"text": "12", "font": "CMR7", "flags": 4, "size": 7.0}
    letter = {"text": " b", "font": "CMMI10", "flags": 4, "size": 10.0}
    assert dominant_style([index, letter])[0] == 7.0


def test_line_numbers_down_a_draft_s_margin_are_no_words_of_its_lines() -> None:
    # A word processor numbers a specification's lines in the left margin, the blank ones
    # too, counting on over the pages; the numbers are set in a typewriter face.
    regular, _ = pick_fonts()
    text_left, measure = LEFT + 30, MEASURE - 30
    pages: list[list[Placed]] = []
    number = 1
    for paragraphs in (PARAGRAPHS[:2], PARAGRAPHS[2:4]):
        placed: list[Placed] = []
        y = 60.0
        for paragraph in paragraphs:
            for line in _filled(paragraph.split(), regular, 10.0, measure):
                placed += [(LEFT - 14 if number >= 10 else LEFT - 8, y, str(number), 8.0,
                            "mono"), (text_left, y, line, 10.0, "serif")]
                y, number = y + 12, number + 1
            placed.append((LEFT - 14 if number >= 10 else LEFT - 8, y, str(number), 8.0, "mono"))
            y, number = y + 12, number + 1  # the blank line between paragraphs, numbered
        pages.append(placed)
    # A title page of few lines, numbered one by one: its title keeps no number.
    title = [(LEFT - 8, 60.0, "1", 8.0, "mono"), (text_left, 60.0, "Requirement Specification",
                                                  22.0, "serif"),
             (LEFT - 8, 90.0, "2", 8.0, "mono"), (LEFT - 8, 102.0, "3", 8.0, "mono")]
    pages.insert(0, title)
    seg = analyse(placed_pages(pages, size=(WIDTH, HEIGHT))).segmentation
    assert [b.text for b in seg.blocks] == ["Requirement Specification", *PARAGRAPHS[:4]]
    numbers = [a.text for a in seg.artifacts if a.kind == "line-number"]
    assert numbers == ["1", "2", "3"] + [str(n) for n in range(1, number)]


def test_a_draft_s_line_numbers_beside_its_example_listing_are_the_page_s() -> None:
    # A page of a specification that is mostly an example in typewriter type: the count
    # down the margin numbers its sentence too, so it is the page's, not the listing's.
    text_left = LEFT + 30
    listing = ["<digipeater>", "  transmit OH2XYZ-2  # to interface with callsign",
               "  ratelimit 20       # 20 posts per minute", "  <trace>",
               "    keys RELAY,TRACE,WIDE", "    maxreq 4  # of requested", "  </trace>",
               "</digipeater>"]
    lines = [("Possible way to construct these groups is as follows:", "serif"),
             *[(code, "mono") for code in listing]]
    placed: list[Placed] = []
    for k, (text, face) in enumerate(lines):
        y = 60.0 + 14 * k
        placed += [(LEFT - 14, y, str(537 + k), 8.0, "mono"), (text_left, y, text, 10.0, face)]
    seg = analyse(placed_pages([placed], size=(WIDTH, HEIGHT))).segmentation
    assert [a.text for a in seg.artifacts if a.kind == "line-number"] == [
        str(537 + k) for k in range(len(lines))]
    assert [b.role for b in seg.blocks] == ["body", "code"]
    assert seg.blocks[1].text.split("\n")[0] == "<digipeater>"


def test_a_page_shown_turned_is_read_as_it_is_shown() -> None:
    # A landscape page made by turning a portrait one (/Rotate 90, as Word's landscape
    # sections are printed to PDF): its text runs across the page as the reader sees it.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.set_rotation(90)
    lines = _filled(PARAGRAPHS[0].split(), pick_fonts()[0], 11.0, 560)
    for k, line in enumerate(lines):
        page.insert_text(pymupdf.Point(72, 100 + 14 * k) * page.derotation_matrix, line,
                         fontsize=11, rotate=90)
    data = doc.tobytes()
    assert [(b.role, b.text) for b in analyse(data).segmentation.blocks] == [
        ("body", PARAGRAPHS[0])]
    shown = extract_pdf(data).pages[0]
    assert (shown.width, shown.height) == (792, 612)


def test_a_table_turned_under_the_document_s_own_heads_stays_in_the_page_s_frame() -> None:
    # pdflscape: the page is shown turned so that its table reads across, but its running
    # head and foot stand in the document's own frame; read that way, they stay furniture.
    doc = pymupdf.open()
    for number in range(1, 4):
        page = doc.new_page(width=595, height=842)
        page.insert_text((66, 40), "K. T. Smith et al.", fontsize=9)
        page.insert_text((42, 756), "MNRAS 000, 1-10 (2020)", fontsize=8)
        if number == 2:
            page.set_rotation(90)
            for k in range(6):
                page.insert_text(pymupdf.Point(72, 100 + 14 * k) * page.derotation_matrix,
                                 f"Header {k} Unit value and another value for row {k}",
                                 fontsize=10, rotate=90)
        else:
            for k, line in enumerate(_filled(PARAGRAPHS[number - 1].split(), pick_fonts()[0], 10.0,
                                             480)):
                page.insert_text((60, 100 + 13 * k), line, fontsize=10)
    lines = extract_pdf(doc.tobytes()).lines
    heads = [ln for ln in lines if ln.page == 2 and ln.text in ("K. T. Smith et al.",
                                                                "MNRAS 000, 1-10 (2020)")]
    assert [ln.kind for ln in heads] == [None, None]


def test_a_note_mark_after_a_sentence_then_an_indent_opens_a_paragraph() -> None:
    # "… an up-to-date version of flex. ¹" then an indented line: a new paragraph, the mark
    # raised after the full stop notwithstanding; a line opening with "copyright notice"
    # in the middle of a sentence is no copyright statement of the front matter.
    regular, _ = pick_fonts()
    first = "before you build it, you must have an up-to-date version of flex."
    lines: list[Placed] = [
        (LEFT, 100.0, "The repository leaves out some of the files that the tarball holds:", 10.0,
         "serif"),
        (LEFT, 113.0, "they are made again in the build tree by tools, so you must install", 10.0,
         "serif"),
        (LEFT, 126.0, "the tools and keep them at hand, and you must publish with each copy a",
         10.0, "serif"),
        (LEFT, 139.0, "copyright notice and disclaimer of warranty that refer to the licence;",
         10.0, "serif"),
        (LEFT, 152.0, first, 10.0, "serif"),
        (LEFT + regular.text_length(first, fontsize=10.0) + 1.0, 148.0, "1", 7.0, "serif"),
        (LEFT + 15.0, 165.0, "Once you have checked out a tree, you can keep it up to date with",
         10.0, "serif"),
        (LEFT, 178.0, "one command that fetches what changed since the last time you did.", 10.0,
         "serif"),
    ]
    blocks = analyse(placed_pages([lines], size=(WIDTH, HEIGHT))).segmentation.blocks
    assert [b.text.split()[0] for b in blocks] == ["The", "Once"]
    assert {b.role for b in blocks} == {"body"}


def test_entries_without_full_stops_keep_apart_over_a_page_break() -> None:
    # An astronomy journal's list: hanging indents, no full stop after an entry, no gap
    # between entries; the entry at the foot of page 1 ends on its hanging line, and the
    # first line of page 2 opens the next entry, its own second line hanging under it.
    hang = LEFT + 8

    def entries(rows: list[tuple[bool, str]], y: float) -> list[Placed]:
        return [(hang if hanging else LEFT, y + 9 * k, text, 8.0, "serif")
                for k, (hanging, text) in enumerate(rows)]

    first = [(LEFT, 80, "REFERENCES", 9.0, "serif"), *entries([
        (False, "Djorgovski, S., & King, I. R. 1984, ApJ, 277, L49"),
        (False, "King, I. R. 1975, Dynamics of Stellar Systems, A. Hayli, Dordrecht:"),
        (True, "Reidel, 1975, 99"),
        (False, "King, I. R., Hedemann, E., Hodge, S. M., & White, R. E. 1968,"),
        (True, "AJ, 73, 456"),
    ], 95)]
    second = entries([
        (False, "Kron, G. E., Hewitt, A. V., & Wasserman, L. H. 1984, PASP, 96,"),
        (True, "198"),
        (False, "Lynden-Bell, D., & Wood, R. 1968, MNRAS, 138, 495"),
        (False, "Spitzer, L. 1985, Dynamics of Star Clusters, J. Goodman & P. Hut,"),
        (True, "Dordrecht: Reidel, 109"),
    ], 60)
    blocks = analyse(placed_pages([first, second], size=(WIDTH, HEIGHT))).segmentation.blocks
    refs = [b.text for b in blocks if b.role == "reference"]
    assert [r.split(",")[0] for r in refs] == [
        "Djorgovski", "King", "King", "Kron", "Lynden-Bell", "Spitzer"]
    assert refs[2].endswith("1968, AJ, 73, 456") and refs[3].endswith("PASP, 96, 198")


def test_a_bold_option_and_its_description_under_it_are_one_item() -> None:
    # A program's options as a bulleted list: the option in bold after the bullet, its
    # description on the next line under the option (a hanging indent), a gap after each.
    regular, _ = pick_fonts()
    text_x = LEFT + 14 + regular.text_length("• ", fontsize=10.0)
    placed: list[Placed] = [(LEFT, 60, "4 Command Line Arguments", 14.0, "bold")]
    options = [("-a", "Estimate model-averaged phylogeny for each active criterion."),
               ("-AIC", "Calculate the Akaike Information Criterion for the models."),
               ("-BIC", "Calculate the Bayesian Information Criterion for the models.")]
    y = 90.0
    for option, description in options:
        placed += [(LEFT + 14, y, "•", 10.0, "serif"),
                   (text_x, y, option, 10.0, "bold"),
                   (text_x, y + 16, description, 10.0, "serif")]
        y += 36
    blocks = analyse(placed_pages([placed], size=(WIDTH, HEIGHT))).segmentation.blocks
    items = [(b.role, b.text) for b in blocks if b.role != "heading"]
    assert items == [("list_item", f"{option} {description}") for option, description in options]


def test_a_callout_s_circle_and_the_small_number_over_it_are_one_circled_number() -> None:
    # dblatex's callouts (Graphite's manual): a circle of LaTeX's circle font, reported as
    # "v", and its number in 4.5 pt over it, each on a line of its own in the text layer.
    def line(text: str, font: str, size: float, bbox: tuple) -> dict:
        return {"spans": [{"text": text, "font": font, "size": size, "flags": 0,
                           "bbox": bbox}]}

    lines = [line("v", "LCIRCLE10", 10.0, (60.3, 540.8, 67.3, 550.8)),
             line("1", "NimbusSanL-Bold", 4.5, (59.1, 546.9, 61.6, 551.4)),
             line("Create a segment as per the example", "NimbusRomNo9L-Regu", 10.0,
                  (85.0, 544.8, 306.4, 554.8))]
    join_circled_numbers(lines)
    assert [ln["spans"][0]["text"] for ln in lines] == [
        "①", "", "Create a segment as per the example"]
    # A "v" in a text face, and a number in the circle's own size beside it, stay.
    lines = [line("v", "CMR10", 10.0, (60.3, 540.8, 67.3, 550.8)),
             line("1", "NimbusSanL-Bold", 4.5, (59.1, 546.9, 61.6, 551.4))]
    join_circled_numbers(lines)
    assert [ln["spans"][0]["text"] for ln in lines] == ["v", "1"]
    lines = [line("v", "LCIRCLE10", 10.0, (60.3, 540.8, 67.3, 550.8)),
             line("12", "CMR10", 10.0, (70.0, 540.8, 80.0, 550.8))]
    join_circled_numbers(lines)
    assert [ln["spans"][0]["text"] for ln in lines] == ["v", "12"]


def test_a_note_in_the_right_margin_is_a_side_heading_of_its_own() -> None:
    # A book's marginalia (ArsClassica): two lines in small italics past the edge of the
    # justified text, beside its first lines. They are no words of those lines.
    text = ("The package changes some typographical aspects of the style by its author and "
            "lets one imitate the look of the handbook on the art of writing with the system, "
            "in Italian, and of this document too. The hint for the original reworking of the "
            "style came from a friend, who also tested it on many documents of his own.")
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    for k in range(3):
        page.insert_textbox(pymupdf.Rect(104, 100 + 90 * k, 415, 190 + 90 * k), text,
                            fontsize=10, align=pymupdf.TEXT_ALIGN_JUSTIFY)
    page.insert_text((435, 108), "The art of", fontsize=8, fontname="heit")
    page.insert_text((435, 118), "writing", fontsize=8, fontname="heit")
    texts = [b.text for b in analyse(doc.tobytes()).segmentation.blocks]
    assert texts == [text] * 3 + ["The art of writing"]
    # A number there counts a quotation's lines (a school worksheet): no note.
    page.insert_text((435, 218), "10", fontsize=8)
    assert "10" not in [b.text for b in analyse(doc.tobytes()).segmentation.blocks]
    # Nor is a front matter's roman page number at the page's corner (Texinfo's contents):
    # "i", "ii" and "iii" on its pages, each over lines that end short of it.
    doc = pymupdf.open()
    for number in ("i", "ii", "iii"):
        page = doc.new_page(width=595, height=842)
        page.insert_text((440, 60), number, fontsize=8)
        for k in range(3):
            page.insert_textbox(pymupdf.Rect(104, 100 + 90 * k, 415, 190 + 90 * k), text,
                                fontsize=10, align=pymupdf.TEXT_ALIGN_JUSTIFY)
    texts = [b.text for b in analyse(doc.tobytes()).segmentation.blocks]
    assert texts == [text] * 9


def test_a_manual_page_s_headings_in_bold_capitals_over_lines_in_lower_case() -> None:
    # groff's man pages: a section's name in bold capitals at the margin, its text set in
    # under it, opening with the program's name or an option.
    rows = [("NAME", "bold", 40.0),
            ("argtable2 − an ANSI C library for parsing GNU style command line options",
             "serif", 60.0),
            ("DESCRIPTION", "bold", 40.0),
            ("Argtable is an ANSI C library for parsing GNU style command line arguments.",
             "serif", 60.0),
            ("It enables the programmer to define the program's argument syntax in C.",
             "serif", 60.0),
            ("LITERAL COMMAND LINE OPTIONS", "bold", 40.0),
            ("−x, −y, −z, −−help, −−verbose", "serif", 60.0),
            ("Literal options take no argument values. The count is kept in the table.",
             "serif", 60.0)]
    placed: list[Placed] = [(x, 80.0 + 14 * k, text, 10.0, font)
                            for k, (text, font, x) in enumerate(rows)]
    blocks = analyse(placed_pages([placed], size=(WIDTH, HEIGHT))).segmentation.blocks
    out = [(b.role, b.text) for b in blocks]
    assert ("heading", "NAME") in out
    assert ("heading", "LITERAL COMMAND LINE OPTIONS") in out
    assert out[out.index(("heading", "NAME")) + 1][1].startswith("argtable2 −")


def test_a_paragraph_indented_less_than_the_list_s_markers_is_out_of_the_list() -> None:
    # SPIE's template: items set in by 15 pt, each without a full stop, then a paragraph
    # whose first line is set in by 10 pt only, after the list's gap. A sentence broken by
    # a gap above (round a display) makes gaps weak evidence.
    placed: list[Placed] = [
        (42.5, 40.0, "Equations should fit into one column, as the", 10.0, "serif"),
        (42.5, 60.0, "one above does in this page of the template.", 10.0, "serif"),
        (42.5, 80.0, "The opteng style requires the following packages to be installed:",
         10.0, "serif"),
        (57.5, 100.0, "• amsmath is useful for displaying maths", 10.0, "serif"),
        (57.5, 118.0, "• graphicx is used for inserting eps figures", 10.0, "serif"),
        (52.4, 138.0, "Note SPIE journals are set in times font, thus the package", 10.0, "serif"),
        (42.5, 150.0, "times should be loaded in the preamble of the tex file.", 10.0, "serif"),
    ]
    texts = [b.text for b in analyse(placed_pages([placed], size=(330.0, HEIGHT))
                                     ).segmentation.blocks]
    assert "graphicx is used for inserting eps figures" in texts
    assert texts[-1].startswith("Note SPIE journals")


def test_a_contents_entry_left_of_the_deeper_entries_keeps_its_page_number() -> None:
    # Doxygen's contents: most entries are subsections set far in, so their edge is the
    # page's commonest; a chapter's entry left of it is no note in the margin, and the
    # number at the right is its page, not a line of text.
    placed: list[Placed] = []
    y = 60.0
    for chapter in range(1, 4):
        placed += [(LEFT, y, f"{chapter} Class Index", 9.0, "bold"),
                   (WIDTH - LEFT - 6, y, str(2 * chapter + 1), 9.0, "bold")]
        y += 16
        for section in range(1, 4):
            entry = f"{chapter}.{section}.1 Member Function Documentation"
            placed += [(LEFT + 90, y, entry, 9.0, "serif"),
                       (WIDTH - LEFT - 6, y, str(2 * chapter + 1), 9.0, "serif")]
            y += 12
        y += 8
    lines = [ln.text for ln in extract_pdf(placed_pages([placed], size=(WIDTH, HEIGHT))).lines]
    assert lines[0] == "1 Class Index 3"
    assert "2 Class Index 5" in lines and "3 Class Index 7" in lines


def _card_page(rows: tuple[int, ...], starts: tuple[float, ...]) -> list[Placed]:
    """A landscape reference card: three columns of sections, each a heading over rows of
    a command and its description; sections of their own lengths, so that the columns'
    lines keep their own rhythm."""
    placed: list[Placed] = []
    for column, start in enumerate(starts):
        x, y = 30.0 + 270.0 * column, start
        for section in range(4):
            placed.append((x, y, f"Section {column + 1}.{section + 1}", 10.0, "bold"))
            y += 14.0
            for row in range(rows[(column + section) % len(rows)]):
                placed += [(x, y, f"cmd{column + 1}{section + 1}{row}", 7.0, "mono"),
                           (x + 70.0, y, f"describe the command number {row} here", 7.0,
                            "serif")]
                y += 8.8
            y += 7.0
    return placed


def test_the_columns_of_a_reference_card_are_read_one_after_the_other() -> None:
    # Each column holds its own sections of two-cell rows; no row fills its column's width,
    # yet the columns' baselines are out of step: columns, not one wide table.
    placed = _card_page((5, 3, 6, 4), (40.0, 44.5, 47.0))
    lines = [ln.text for ln in extract_pdf(placed_pages([placed], size=(842.0, 595.0))).lines]
    headings = [t for t in lines if t.startswith("Section")]
    assert headings == [f"Section {c}.{s}" for c in (1, 2, 3) for s in (1, 2, 3, 4)]
    assert "cmd110 describe the command number 0 here" in lines


def test_a_wide_table_whose_rows_are_level_is_read_row_by_row() -> None:
    # The same cells set as one table across the page: every row's cells on one baseline.
    placed: list[Placed] = []
    for row in range(16):
        y = 40.0 + 10.0 * row
        for column in range(3):
            x = 30.0 + 270.0 * column
            placed += [(x, y, f"cmd{column + 1}{row}", 7.0, "mono"),
                       (x + 70.0, y, f"describe the command number {row} here", 7.0, "serif")]
    lines = [ln.text for ln in extract_pdf(placed_pages([placed], size=(842.0, 595.0))).lines]
    assert lines[0].startswith("cmd10") and "cmd20" in lines[0] and "cmd30" in lines[0]
