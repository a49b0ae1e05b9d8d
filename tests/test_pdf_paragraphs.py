"""Paragraph boundaries and roles on page geometry: lines as a PDF's text layer gives them
(position, size, font), segmented as a reader would cite them."""

from __future__ import annotations

from archive.models import Block, Document, Line, PageInfo
from archive.segment import segment

WIDTH, HEIGHT = 612.0, 792.0


def line(text: str, x0: float, y0: float, x1: float = 480.0, size: float = 10.0,
         page: int = 1, **kw: object) -> Line:
    return Line(text, page, x0, y0, x1, y0 + size, size, **kw)  # type: ignore[arg-type]


def blocks(lines: list[Line]) -> list[Block]:
    pages = tuple(PageInfo(n, WIDTH, HEIGHT) for n in sorted({ln.page for ln in lines}))
    return list(segment(Document("application/pdf", "test", tuple(lines), pages)).blocks)


def test_footnote_keyed_by_an_asterisk_operator_leaves_the_sentence_whole() -> None:
    # TeX sets the first footnote's mark as U+2217; the sentence runs on under the note.
    lines = [
        line("1 Introduction", 134, 100, 244, size=14.3, bold=True),
        *[line(f"Body line {k} of a paragraph that runs on over the whole width of the",
               134, 130 + 12 * k) for k in range(8)],
        line("text and ends its page with the clause, such as", 134, 226),
        line("∗There is an unfinished second introduction which contains partly", 145, 250,
             size=8.0),
        line("newer information. Eventually that will replace this one.", 134, 259, 400,
             size=8.0),
        line("those from the Atlas project, and goes on here to its end.", 134, 60, 400,
             page=2),
    ]
    out = blocks(lines)
    notes = [b for b in out if b.role == "footnote"]
    assert [b.text[:24] for b in notes] == ["∗There is an unfinished "]
    body = [b.text for b in out if b.role == "body"]
    assert len(body) == 1 and body[0].endswith("such as those from the Atlas project, and goes "
                                               "on here to its end.")


def test_entries_led_by_an_arrow_with_a_range_broken_at_a_line_end() -> None:
    # biblatex-gost's examples: each entry opens with "⇓" and hangs its later lines; a page
    # range broken after its dash goes on with "77. — URL", which is no numbered item.
    lines = [
        line("⇓ Джеймисон Ф. Теории постмодерна : пер. с англ. // Искусствознание. — 2001. —"
             " С. 111—122.", 34, 100, 530),
        line("⇓ Джеймисон Ф. Постмодернизм и общество потребления : пер. с англ. // Логос. —"
             " 2000. — С. 63—", 34, 115, 539),
        line("77. — URL: http://www.ruthenia.ru/logos/number/2000_4/10.htm.", 72, 127, 387,
             kind="code"),
        line("⇓ Делёз Ж. Логика смысла. — М. : Академия, 1995. — 298 с.", 34, 142, 400),
    ]
    out = blocks(lines)
    assert [b.role for b in out] == ["list_item"] * 3
    assert out[1].text.endswith("С. 63—77. — URL: http://www.ruthenia.ru/logos/number/2000_4/10.htm.")


def test_a_typewriter_line_that_closes_a_sentence_is_not_code() -> None:
    lines = [
        line("R. Clint Whaley and Jack J. Dongarra. Automated empirical optimization of", 134,
             100, 477),
        line("software. Also available as LAPACK Working Note #147, UT-CS-00-448, 2000", 144, 112,
             477),
        line("(www.netlib.org/lapack/lawns/lawn147.ps).", 144, 124, 353, kind="code"),
    ]
    out = blocks(lines)
    assert len(out) == 1 and out[0].text.endswith("2000 (www.netlib.org/lapack/lawns/lawn147.ps).")


def test_terms_set_in_bold_open_the_items_of_a_definition_list() -> None:
    lines = [
        line("The Matrix package will provide classes for real and complex dense matrices. At",
             134, 100, 477),
        line("present only the real classes have been implemented. These classes are", 134, 112,
             407),
        line("dgeMatrix Real matrices in general storage mode", 134, 132, 358, lead=9,
             blank_before=True),
        line("dsyMatrix Symmetric real matrices in non-packed storage", 134, 152, 395, lead=9,
             blank_before=True),
        line("dpoMatrix Positive semi-definite symmetric real matrices in non-packed stor-", 134,
             172, 477, lead=9, blank_before=True),
        line("age", 159, 184, 173),
        line("Methods for these classes include coercion between these classes.", 134, 204, 477,
             blank_before=True),
    ]
    out = blocks(lines)
    assert [(b.role, b.text[:9]) for b in out] == [
        ("body", "The Matri"), ("list_item", "dgeMatrix"), ("list_item", "dsyMatrix"),
        ("list_item", "dpoMatrix"), ("body", "Methods f"),
    ]
    assert out[3].text.endswith("non-packed storage")


def test_one_run_in_heading_in_bold_is_no_list() -> None:
    lines = [
        line("Proof. The claim follows from the lemma, since every matrix of this class is", 134,
             100, 477, lead=6),
        line("symmetric and positive definite, which ends the proof.", 134, 112, 400),
        line("Remark. The converse does not hold in general, as the example shows below.",
             134, 132, 477, lead=7, blank_before=True),
    ]
    assert [b.role for b in blocks(lines)] == ["body", "body"]


def test_bullet_items_lose_their_glyph_and_keep_their_code_whole() -> None:
    # An item that names files, then the paths in typewriter joined by "or" in the text
    # face: the item is a list item, the paths with their "or" one code block.
    lines = [
        line("The package consists of two files gastex.sty and gastex.pro.", 71, 100, 393),
        line("• gastex.sty contains the definition of all GasTeX macros. This file could be in",
             88, 130, 524, blank_before=True),
        line("your working folder but it is best placed where .sty files are, e.g.,", 100, 145,
             413),
        line(".../texmf-dist/tex/latex/gastex/gastex.sty", 100, 165, 359, kind="code",
             blank_before=True),
        line("or", 100, 178, 111),
        line(".../texmf-local/tex/latex/gastex/gastex.sty", 100, 193, 365, kind="code"),
    ]
    out = blocks(lines)
    assert [b.role for b in out] == ["body", "list_item", "code"]
    assert out[1].text.startswith("gastex.sty contains")
    assert out[2].text == (".../texmf-dist/tex/latex/gastex/gastex.sty\nor\n"
                           ".../texmf-local/tex/latex/gastex/gastex.sty")


def test_an_abstract_set_smaller_ends_where_the_body_size_begins() -> None:
    lines = [
        line("Abstract", 274, 100, 322, size=10.9, bold=True),
        line("This is a very minimal startup guide including some examples.", 116, 125, 416,
             size=10.9, blank_before=True),
        line("For the documentation, please see the manual of the package.", 71, 170, 420,
             size=12.0, blank_before=True),
        line("It has more examples and every option explained at length.", 71, 200, 420,
             size=12.0, blank_before=True),
    ]
    assert [b.role for b in blocks(lines)] == ["heading", "abstract", "body", "body"]


def test_a_note_at_the_foot_of_the_left_column_is_a_footnote() -> None:
    left = [line(f"Left column line {k} of running text that fills the column width", 57,
                 100 + 12 * k, 291, column=1) for k in range(10)]
    right = [line(f"Right column line {k} of running text that fills the column width", 305,
                  100 + 12 * k, 539, column=2) for k in range(14)]
    note = [line("∗Work supported by the agency.", 57, 235, 131, size=8.0, column=1,
                 blank_before=True)]
    out = blocks([*left, *note, *right])
    assert [b.text for b in out if b.role == "footnote"] == ["∗Work supported by the agency."]


def test_a_figure_at_the_next_page_top_does_not_cut_the_sentence() -> None:
    lines = [
        *[line(f"Body line {k} of the last paragraph on the page, running over its width", 127,
               600 + 12 * k, 485) for k in range(5)],
        line("users can", 127, 660, 180),
        line("Figure 2. Engel Coefficient Plots: the slope and intercept of the", 163, 324, 449,
             page=2, block=7),
        line("estimated quantile regression lines are plotted as a function of τ.", 163, 338,
             449, page=2, block=7),
        line("Table 1. Engel’s Law", 256, 407, 356, page=2, block=8, blank_before=True),
        line("always modify the available functions to achieve special effects.", 127, 440,
             485, page=2, block=9, blank_before=True),
    ]
    out = blocks(lines)
    assert [b.role for b in out] == ["body", "caption", "caption"]
    assert out[0].text.endswith("users can always modify the available functions to achieve "
                                "special effects.")


def test_a_sentence_that_names_a_table_is_no_caption() -> None:
    lines = [
        line("Table 1 shows a table created with the booktabs package. Notice the lack of", 72,
             100, 400, blank_before=True),
        line("vertical rules: they serve only to clutter the table's data.", 72, 112, 300),
    ]
    assert [b.role for b in blocks(lines)] == ["body"]


def test_captions_labelled_in_other_languages_are_captions() -> None:
    # Hungarian sets the number first ("1. ábra."); a numbered list item is no caption.
    texts = ["1. ábra. Az OpenOffice.org ablakában immár a helyes elválasztás.",
             "Figura 2: Il riquadro di delimitazione della figura.",
             "Rys. 3. Schemat blokowy programu.",
             "Tabela 4 – Wyniki pomiarów dla trzech próbek.",
             "1. Az első lépés a minták letöltése a honlapról."]
    assert _roles_apart(texts) == ["caption"] * 4 + ["list_item"]


def _roles_apart(texts: list[str]) -> list[str]:
    """The roles of lines each set apart in a block of its own."""
    lines = [line(text, 72, 100 + 40 * k, 400, block=k, blank_before=True)
             for k, text in enumerate(texts)]
    return [b.role for b in blocks(lines)]


def test_an_address_broken_after_its_scheme_over_a_page_is_no_listing() -> None:
    # A reference's address in typewriter type, "http:" at one page's foot and the rest at
    # the next page's top: the rest is the entry's, not a line of code.
    lines = [
        line("• Davidson, R., 2008. Reading topographic maps. Free e-book from: http:", 72, 700,
             480, block=1),
        line("//www.map-reading.com/", 82, 72, 200, page=2, block=2, kind="code"),
        line("• Heuvelink, G.B.M., and E.J. Pebesma, 1999. Spatial aggregation and soil", 72,
             86, 480, page=2, block=3),
    ]
    out = blocks(lines)
    assert "code" not in [b.role for b in out]
    assert out[0].text.endswith("Free e-book from: http://www.map-reading.com/")


def test_a_numbered_listing_that_opens_with_an_empty_line_keeps_its_number() -> None:
    lines = [
        line("The simulation draws the responses anew for each group:", 81, 250, 400, size=10.9,
             block=1),
        line("19", 64, 272, 71, size=6.0, block=2, blank_before=True),
        line("20 dif_id <- covariate > median(covariate)", 64, 281, 289, size=8.0, block=3,
             kind="code"),
        line("21 d$resp <- matrix(NA, N, length(model$items))", 64, 291, 314, size=8.0,
             block=4, kind="code"),
    ]
    out = blocks(lines)
    assert [(b.role, b.text.split("\n")[0]) for b in out] == [
        ("body", "The simulation draws the responses anew for each group:"), ("code", "19")]


def test_an_address_broken_over_typewriter_lines_in_an_entry_is_the_entry_s() -> None:
    # R News sets a reference's address in typewriter type over two lines, broken after an
    # underscore or a slash, the entry going on after it in roman; a line all in typewriter
    # that has more than an address on it stays a listing.
    lines = [
        line("Bibliography", 306, 197, 393, size=14.3, block=1),
        line("G. Gorjanc. Working with unknown values: the", 306, 223, 537, block=2,
             blank_before=True),
        line("gdata package. R News, 7(1):24–26, 2007. URL", 316, 235, 537, block=2),
        line("http://CRAN.R-project.org/doc/Rnews/Rnews_", 316, 247, 536, block=2, kind="code"),
        line("2007-1.pdf.", 316, 259, 371, block=2, kind="code"),
        line("G. R. Warnes. gdata: Various R programming", 306, 279, 537, block=3),
        line("tools for data manipulation, 2006. URL", 316, 291, 537, block=3),
        line("http://cran.r-project.org/src/contrib/", 316, 303, 515, block=3, kind="code"),
        line("Descriptions/gdata.html. R package version", 316, 315, 537, block=3, kind="code"),
        line("2.3.1.", 316, 327, 350, block=3),
        line("doi:10.18637/jss.v087.i07 Accepted: 2017-10-23", 81, 400, 522, block=4,
             kind="code", blank_before=True),
    ]
    out = blocks(lines)
    assert [(b.role, b.text) for b in out[1:3]] == [
        ("reference", "G. Gorjanc. Working with unknown values: the gdata package. R News, "
                      "7(1):24–26, 2007. URL http://CRAN.R-project.org/doc/Rnews/Rnews_2007-1.pdf."),
        ("reference", "G. R. Warnes. gdata: Various R programming tools for data manipulation, "
                      "2006. URL http://cran.r-project.org/src/contrib/Descriptions/gdata.html. "
                      "R package version 2.3.1."),
    ]
    assert out[-1].role == "code"


def test_a_block_set_in_from_the_margin_ends_at_a_gap_and_a_line_back_at_the_margin() -> None:
    # A paper to cite, set in as a block and ending in its address, then the text going on
    # at the margin after a gap.
    lines = [
        # A gap inside a sentence elsewhere: gaps alone end no paragraph in this document.
        line("The program reads its alignment in a binary format, which the parser program", 57,
             440, 555),
        line("writes from a PHYLIP file.", 57, 462, 220, blank_before=True),
        line("ExaML uses a radically new MPI parallelization approach that yields improved", 57,
             485, 555, blank_before=True),
        line("parallel efficiency, in particular on partitioned multi-gene or whole-genome", 57,
             499, 555),
        line("datasets. It is up to four times faster than its predecessor and scales to a", 57,
             513, 555),
        line("larger number of processors.", 57, 528, 234),
        line("Please cite the following paper when using the program:", 57, 556, 364,
             blank_before=True),
        line("A. Kozlov, A.J. Aberer, A. Stamatakis: \u201cExaML Version 3: A Tool for", 92,
             584, 491, blank_before=True),
        line("Phylogenomic Analyses on Supercomputers\u201d. Bioinformatics (2015), online at", 92,
             598, 508),
        line("http://bioinformatics.oxfordjournals.org/content/early/btv184", 92, 612, 456),
        line("Similar to its predecessor whose development has been discontinued, it also", 57,
             640, 555, blank_before=True),
        line("implements checkpointing and memory saving techniques.", 57, 654, 400),
    ]
    texts = [b.text for b in blocks(lines)]
    assert texts[3].endswith("online at http://bioinformatics.oxfordjournals.org/content/early/"
                             "btv184")
    assert texts[4] == ("Similar to its predecessor whose development has been discontinued, it "
                        "also implements checkpointing and memory saving techniques.")


def test_a_section_about_references_is_not_a_reference_list() -> None:
    # A manual's section titled "References" explains citations; the next section heading,
    # set in its own font, ends it, and prose there is body text, not entries.
    lines = [
        line("References", 72, 100, 160, size=14.0, bold=True),
        line("References are placed alongside their citations as sidenotes, as well. This", 72,
             125, 400, blank_before=True),
        line("can be accomplished using the normal cite command.", 72, 137, 300),
        line("Edward R. Tufte. Beautiful Evidence. Graphics Press, LLC, May 2006.", 72, 160, 400,
             blank_before=True),
        line("Figures and Tables", 72, 190, 190, size=14.0, bold=True, blank_before=True),
        line("Images and graphics play an integral role in this work, as the examples show.", 72,
             215, 400, blank_before=True),
    ]
    assert [b.role for b in blocks(lines)] == [
        "heading", "body", "reference", "heading", "body",
    ]


def test_notes_in_a_wide_margin_are_footnotes_of_their_own() -> None:
    body = [line(f"Body line {k} of the text block, which leaves a wide margin for notes", 72,
                 100 + 13 * k, 380, column=1) for k in range(12)]
    margin = [
        line("2 Edward R. Tufte. Beautiful Evidence.", 407, 130, 538, size=8.0, column=2),
        line("Graphics Press, LLC, first edition, May", 407, 140, 545, size=8.0, column=2),
        line("2006. ISBN 0-9613921-7-7", 407, 150, 496, size=8.0, column=2),
        line("This is a margin note without a number,", 407, 200, 546, size=8.0, column=2,
             blank_before=True),
        line("set beside the text it belongs to.", 407, 210, 520, size=8.0, column=2),
    ]
    out = blocks([*body, *margin])
    notes = [b.text for b in out if b.role == "footnote"]
    assert notes == [
        "2 Edward R. Tufte. Beautiful Evidence. Graphics Press, LLC, first edition, May 2006. "
        "ISBN 0-9613921-7-7",
        "This is a margin note without a number, set beside the text it belongs to.",
    ]
    assert len([b for b in out if b.role == "body"]) == 1


def test_a_line_that_opens_by_naming_a_figure_goes_on_with_its_sentence() -> None:
    lines = [
        line("These results correspond to the better fit of the quadratic model which can both"
             " be seen in", 90, 100, 513),
        line("Figure 2 and 3. Although its residual plot does not look too suspicious several"
             " tests are", 90, 112, 513),
        line("able to reveal irregularities in this model as well.", 90, 124, 300),
    ]
    assert len(blocks(lines)) == 1


def test_a_table_at_the_top_of_the_next_column_does_not_cut_the_sentence() -> None:
    left = [line(f"Left column line {k} of running text that fills the column width", 57,
                 100 + 12 * k, 291, column=1) for k in range(8)]
    left.append(line("in standard, bold or italic", 57, 196, 200, column=1))
    right = [
        line("Table 1: Margin Specifications", 360, 100, 483, column=2),
        line("Margin A4 Paper US Letter Paper", 326, 120, 515, column=2, kind="cells",
             blank_before=True, bold=True),
        line("Top 37 mm (1.46 in) 0.75 in (19 mm)", 326, 137, 512, column=2, kind="cells",
             blank_before=True),
        line("Left 20 mm (0.79 in) 0.79 in (20 mm)", 326, 149, 512, column=2, kind="cells"),
        line("form and symbols from the standard set of fonts.", 305, 180, 539, column=2,
             blank_before=True),
    ]
    out = blocks([*left, *right])
    assert [b.role for b in out] == ["body", "caption", "table"]
    assert out[0].text.endswith("bold or italic form and symbols from the standard set of fonts.")
    assert out[2].text.split("\n")[1] == "Top 37 mm (1.46 in) 0.75 in (19 mm)"


def test_an_elision_indented_inside_a_code_block_belongs_to_it() -> None:
    lines = [
        line("The specifications are:", 72, 100, 200),
        line(r"\begin{marginfigure}[offset]", 80, 120, 230, kind="code", blank_before=True),
        line(". . .", 92, 132, 104),
        line(r"\end{marginfigure}", 80, 144, 170, kind="code"),
        line("Figure 2 is an example of the figure environment.", 72, 170, 400,
             blank_before=True),
    ]
    out = blocks(lines)
    assert [b.role for b in out] == ["body", "code", "body"]
    assert out[1].text == "\\begin{marginfigure}[offset]\n. . .\n\\end{marginfigure}"


def _page_foot(text: str) -> list[Line]:
    body = [line(f"Running text line {k} of the page that goes on over the full width of it",
                 81, 500 + 13 * k, 513) for k in range(8)]
    return [*body, line(text, 81, 604, 513)]


def test_a_table_at_the_next_page_top_does_not_cut_the_sentence() -> None:
    lines = [
        *_page_foot("the templates themselves can be very complicated. However, Eigen provides"),
        line("R object type Eigen class typedef", 206, 100, 420, page=2),
        line("numeric matrix MatrixXd", 206, 114, 420, page=2),
        line("integer matrix MatrixXi", 206, 128, 420, page=2),
        line("Table 1: Correspondence between R matrix and vector types.", 120, 150, 480,
             page=2, blank_before=True),
        line("typedefs for common classes that correspond to R matrices and vectors, as shown",
             81, 180, 513, page=2, blank_before=True),
        line("in Table 1, and this paper will use these typedefs.", 81, 193, 300, page=2),
    ]
    out = blocks(lines)
    body = next(b for b in out if "However, Eigen provides" in b.text)
    assert body.text.endswith("However, Eigen provides typedefs for common classes that "
                              "correspond to R matrices and vectors, as shown in Table 1, and "
                              "this paper will use these typedefs.")
    assert [b.role for b in out if "MatrixXd" in b.text] == ["table"]


def test_code_set_as_a_float_at_the_next_page_top_does_not_cut_the_sentence() -> None:
    lines = [
        *_page_foot("method. For complex matrices, the adjoint is the conjugate. In keeping with"),
        line("typedef Eigen::Map<Eigen::MatrixXi> MapMati;", 81, 100, 380, page=2, kind="code"),
        line("const MapMati B(as<MapMati>(BB));", 81, 113, 330, page=2, kind="code"),
        line("Figure 2: prodCpp: Product and cross-product of two matrices.", 120, 140, 480,
             page=2, blank_before=True),
        line("the conventions in the Eigen documentation the adjoint() method is used.", 81,
             170, 480, page=2, blank_before=True),
    ]
    out = blocks(lines)
    assert any(b.text.endswith("In keeping with the conventions in the Eigen documentation "
                               "the adjoint() method is used.") for b in out)
    assert [b.role for b in out if "MapMati" in b.text] == ["code"]


def test_lines_hanging_under_a_term_belong_to_its_item() -> None:
    lines = [
        line("biolist.sty — список растений. Узкоспециализированный стиль.", 74, 330, 400,
             size=12.0, lead=11),
        line("boldline.sty — ещё один тип разделительной линии для таблицы (жирные линии).", 74,
             349, 520, size=12.0, lead=12),
        line("Желательно, конечно, чтобы разделительных линий таблице было как можно", 104,
             364, 520, size=12.0),
        line("меньше, особенно вертикальных, но всякое бывает.", 104, 378, 400, size=12.0),
    ]
    out = blocks(lines)
    assert [b.text[:12] for b in out] == ["biolist.sty ", "boldline.sty"]
    assert out[1].text.endswith("но всякое бывает.")


def test_a_listing_in_the_flow_across_a_page_break_still_ends_its_paragraph() -> None:
    # No caption: the listing is part of the text's flow, and what follows opens anew.
    lines = [
        *_page_foot("The Breusch-Pagan test gives a p value of 0.044 and the Rainbow test gives"),
        line("> raintest(length ~ age, order.by = ~ age, data = mandible)", 81, 100, 420,
             page=2, kind="code"),
        line("Rain = 1.579, df1 = 84, df2 = 80, p-value = 0.02033", 81, 113, 400, page=2,
             kind="code"),
        line("and finally an supF test would also reject the null hypothesis of stability.", 81,
             140, 480, page=2, blank_before=True),
    ]
    out = blocks(lines)
    assert out[-1].text == ("and finally an supF test would also reject the null hypothesis "
                            "of stability.")


def test_a_sentence_going_on_in_lower_case_above_a_caption_is_no_float() -> None:
    lines = [
        *_page_foot("which transforms as irreducible representation of the cubic centered"),
        line("group Oh. The final state is the ortho-exciton state which transforms as well.",
             81, 100, 513, page=2),
        line("Figure 1: The evanescent light coupling scaled to the bulk coupling.", 120, 130,
             480, page=2, blank_before=True),
        line("and the coupling grows with the mode number of the sphere as expected.", 81, 160,
             480, page=2, blank_before=True),
    ]
    out = blocks(lines)
    assert not [b for b in out if b.role in ("figure", "table")]
    assert any("the cubic centered group Oh. The final state" in b.text for b in out)


def test_a_title_in_display_type_ends_over_smaller_lines_in_lower_case() -> None:
    # biblatex-archaeology's samples: the title in 25 pt, then the styles it shows in 8 pt,
    # each opening in lower case ("bibstyle: …"); a drop capital still goes on into its word.
    lines = [
        line("biblatex-archaeology [v2.2] sample", 83, 117, 512, size=24.8),
        line("document", 235, 147, 361, size=24.8),
        line("bibstyle: Karl. Das kulturelle Schachmagazin", 206, 175, 389, size=8.0,
             blank_before=True),
        line("citestyle: Karl. Das kulturelle Schachmagazin", 204, 185, 391, size=8.0),
        line("T", 72, 100, 90, size=30.0, page=2),
        line("he study opens with a capital dropped over three lines of the text, as old",
             92, 100, page=2),
        line("books set it, and goes on in the text's own type to the end of its sentence.",
             92, 112, page=2),
    ]
    texts = [b.text for b in blocks(lines)]
    assert texts[0] == "biblatex-archaeology [v2.2] sample document"
    assert texts[1] == ("bibstyle: Karl. Das kulturelle Schachmagazin citestyle: Karl. Das "
                        "kulturelle Schachmagazin")
    assert texts[2].endswith("he study opens with a capital dropped over three lines of the "
                             "text, as old books set it, and goes on in the text's own type "
                             "to the end of its sentence.")


def test_a_quotation_at_the_margin_after_a_gap_ends_the_list_item_above_it() -> None:
    # A beamer slide (beamer-verona): bullet items set in from the margin, the last one
    # unfinished, then a quotation at the margin in the same type. A block whose sentence
    # goes on over a gap says that a gap alone ends nothing.
    lines = [
        line("Cras viverra metus rhoncus sem, and the block", 8.5, 75, 213, size=10.9),
        line("goes on over a gap to its end.", 8.5, 91, 155, size=10.9, blank_before=True),
        line("• Lorem ipsum dolor sit amet", 19.9, 117, 155, size=10.9, blank_before=True),
        line("• Ut purus elit, vestibulum ut", 19.9, 150, 155, size=10.9, blank_before=True),
        line("Gentle reader: This is a handbook about TEX,", 11.5, 175, 213, size=10.9,
             blank_before=True),
        line("a new typesetting system G intended for the", 11.5, 188, 213, size=10.9),
        line("creation of beautiful books—and especially", 11.5, 202, 213, size=10.9),
        line("for books that contain a lot of mathematics.", 11.5, 215, 213, size=10.9),
    ]
    slide = (PageInfo(1, 362.8, 272.1, 9.7, 251.6),)
    out = segment(Document("application/pdf", "test", tuple(lines), slide)).blocks
    assert [(b.role, b.text[:13]) for b in out] == [
        ("body", "Cras viverra "), ("list_item", "Lorem ipsum d"),
        ("list_item", "Ut purus elit"), ("body", "Gentle reader")]


def test_citations_of_names_with_their_years_go_on_over_a_semicolon() -> None:
    # A Russian botany text citing with natbib's \citet: "Metcalfe and Chalk (1950);" ends
    # a full line and "Carlquist (1970)" opens the next; the sentence goes on.
    lines = [
        line("Анатомические признаки строения древесины у подорожников с одревесне-", 72, 100,
             540),
        line("вающими стеблями довольно однообразны Metcalfe and Chalk (1950);", 72, 112, 540),
        line("Carlquist (1970) и могут использоваться лишь для уточнения положения.", 72, 124,
             500),
    ]
    assert len(blocks(lines)) == 1


def test_a_heading_over_a_tex_command_is_a_heading() -> None:
    # hvextern: "1 Loading the package" in bold 14 pt, then the command it is about.
    lines = [
        line("1 Loading the package", 100, 123, 240, size=14.3, bold=True),
        line("\\usepackage[Option]{hvextern}", 100, 151, 260, size=8.8, blank_before=True),
        line("There exists only one option checkCode which is valid for all compilers.", 115,
             170, 495, blank_before=True),
    ]
    out = blocks(lines)
    assert (out[0].role, out[0].text) == ("heading", "1 Loading the package")
    assert out[1].text == "\\usepackage[Option]{hvextern}"
    # A date in bold over an environment's code (exercisebank's margin stamps) is none.
    stamp = [line("2019/03/18", 32, 186, 77, size=7.0, bold=True),
             line("\\begin{problem}", 100, 200, 200, kind="code", blank_before=True),
             line("The environment holds one problem of the bank, with its points.", 100, 230,
                  480, blank_before=True)]
    assert blocks(stamp)[0].role != "heading"
    bold = [line("Now define the arrow commands using PGF/TikZ.", 100, 186, 330, bold=True),
            line("\\newcommand*\\pfeil{\\tikz\\draw[->] (0,0) -- (1,0);}", 100, 200, 300,
                 kind="code", blank_before=True),
            line("The arrows are one centimetre long unless the option says otherwise.", 100,
                 230, 480, blank_before=True)]
    assert blocks(bold)[0].role != "heading"


def test_notes_smaller_than_their_page_s_text_in_a_document_mostly_in_small_type() -> None:
    # Lacroux's table of biblical abbreviations: page 1 in 10.5 pt with three notes marked
    # "*", "**", "***" in 8.5 pt, a licence line further down; then pages of a table's rows
    # in 8.5 pt, which outnumber the page of text.
    lines = [line(f"Line {k} of the opening page's text, which runs on at length here,",
                  55, 187 + 12 * k, 330, size=10.5) for k in range(12)]
    lines.append(line("and ends on this line, as noted***.", 55, 331, 246, size=10.5))
    notes = ["* Extrait d’Orthotypographie, par Jean-Pierre Lacroux.",
             "** Multiplier les exemples serait inutile : la Bible de Jérusalem.",
             "*** L’admirable version de Dom Georges Passelecq rate le sans-faute."]
    lines += [line(text, 66, 411 + 20 * k, 330, size=8.5) for k, text in enumerate(notes)]
    lines.append(line("Orthotypographie est publié sous licence libre.", 68, 553, 330,
                      size=8.5))
    for page in (2, 3, 4):
        lines += [line(f"Livre {k} Abr Ab Ab. Abr Abr.", 55, 100 + 11 * k, 330, size=8.5,
                       page=page) for k in range(40)]
    roles = {b.text[:3]: b.role for b in blocks(lines)}
    assert [roles[n[:3]] for n in notes] == ["footnote"] * 3
    assert roles["Ort"] != "footnote"


def test_an_affiliation_opening_with_a_raised_note_mark_is_no_continuation() -> None:
    # pinp's title block: the authors in bold, each name keyed by a raised letter, then the
    # affiliations in smaller type, each opening with its raised letter ("aDebian …").
    lines = [
        line("Dirk Eddelbuettela and James Joseph Balamutab", 52, 109, 300, size=7.9,
             bold=True, raised=((17, 18), (44, 45))),
        line("aDebian and R Projects; Chicago, IL, USA; edd@debian.org; bDepts of Informatics",
             52, 129, 544, size=6.2, blank_before=True, raised=((0, 1), (58, 59))),
    ]
    assert [b.text[:9] for b in blocks(lines)] == ["Dirk Edde", "aDebian a"]


def test_a_listing_goes_on_past_a_footnote_and_a_figure_s_caption_at_the_next_page_top() -> None:
    # kohonen's JSS article: a listing ends page 6 over a footnote; page 7 opens with a
    # figure and its caption, then the listing's last lines.
    lines = [line(f"Line {k} of the text that introduces the example, long enough here.", 72,
                  100 + 12 * k, 520) for k in range(40)]
    lines += [line('R> mygrid <- somgrid(4, 8, "hexagonal")', 81, 600, 300, kind="code",
                   blank_before=True),
              line("R> set.seed(15)", 81, 612, 170, kind="code"),
              line("4The complete data, containing 10,500 images, is available online.", 72,
                   700, 460, size=8.0, blank_before=True),
              line("Figure 2: Left plot: Codebook vectors for the RGB layer of the SOM.", 72,
                   400, 520, page=2),
              line('R> somsegm1 <- supersom(imdata, whatmap = c("rgb", "coords"),', 81, 440,
                   420, kind="code", page=2, blank_before=True),
              line("+ user.weights = c(1, 9), grid = mygrid)", 81, 452, 330, kind="code",
                   page=2)]
    codes = [b.text for b in blocks(lines) if b.role == "code"]
    assert codes == ['R> mygrid <- somgrid(4, 8, "hexagonal")\nR> set.seed(15)\n'
                     'R> somsegm1 <- supersom(imdata, whatmap = c("rgb", "coords"),\n'
                     '+ user.weights = c(1, 9), grid = mygrid)']


def test_a_title_page_s_date_under_the_title_is_no_footnote() -> None:
    # The Russian Debian FAQ: the title in large type, its date under it in the text's own
    # size, opening with the day's number; a title page has no running text of its own.
    lines = [line("Часто задаваемые вопросы о Debian GNU/Linux", 72, 200, 520, size=24.0),
             line("31 мая 2022 г.", 72, 300, 180, size=10.0, blank_before=True)]
    lines += [line(f"Строка {k} текста второй страницы, который идёт своим чередом.", 72,
                   100 + 12 * k, 520, size=10.0, page=2) for k in range(30)]
    assert blocks(lines)[1].role != "footnote"


def test_the_line_that_says_when_the_document_was_compiled_stands_apart() -> None:
    # pinp's title block: the affiliations in small type, then, after a gap and in the same
    # type, when the vignette was compiled.
    lines = [
        line("aDebian and R Projects; Chicago, IL, USA; edd@debian.org; bDepts of Informatics",
             52, 129, 544, size=6.2, raised=((0, 1), (58, 59))),
        line("and Statistics, Univ. of Illinois; Champaign, IL, USA; balamut2@illinois.edu", 52,
             137, 544, size=6.2),
        line("This version was compiled on January 11, 2022", 51, 147, 181, size=6.2,
             blank_before=True),
    ]
    assert [b.text[:12] for b in blocks(lines)] == ["aDebian and ", "This version"]


def test_floats_numbered_in_an_appendix_or_in_roman_are_captions() -> None:
    # An appendix's "TABLE A1", IEEE's "TABLE IV", a supplement's "Figure S2"; a sentence
    # that names a table in roman numbers is none.
    texts = ["TABLE A1. Sample table taken from Treu et al. (2003)",
             "TABLE IV: Results of the second run.",
             "Figure S2. The distribution of the residuals.",
             "Table I shows the results of the first run, which we discuss below."]
    assert _roles_apart(texts) == ["caption"] * 3 + ["body"]


def test_a_line_stopping_on_a_conjunction_goes_on_past_a_gap() -> None:
    # A word processor's manual: lines broken by hand mid-sentence, each break followed by
    # paragraph spacing. A sentence never ends on "If" or "и"; it ends on "Appendix A".
    lines = [
        line("The Default Directory is the directory that will be set as the destination", 57,
             276, 506),
        line("directory at start up. If", 57, 290, 192),
        line("Remember Last is checked then the program will remember the destination directory",
             57, 310, 536, blank_before=True),
        line("from the last time it", 57, 324, 176),
        line("was run.", 57, 344, 108, blank_before=True),
        line("Программа сохраняет настройки в файле конфигурации и", 57, 350, 400,
             blank_before=True),
        line("Windows, и Linux, в домашнем каталоге пользователя.", 57, 370, 420,
             blank_before=True),
        line("Tables of every option are in Appendix A", 57, 396, 300, blank_before=True),
        line("Remember Last Directory Used will set the output folder to the last folder", 57,
             420, 526, blank_before=True),
        line("before the program was closed.", 57, 434, 209),
    ]
    texts = [b.text for b in blocks(lines)]
    assert texts == [
        "The Default Directory is the directory that will be set as the destination directory"
        " at start up. If Remember Last is checked then the program will remember the"
        " destination directory from the last time it was run.",
        "Программа сохраняет настройки в файле конфигурации и Windows, и Linux, в домашнем"
        " каталоге пользователя.",
        "Tables of every option are in Appendix A",
        "Remember Last Directory Used will set the output folder to the last folder before the"
        " program was closed.",
    ]


def _stanzas(right: list[float]) -> list[Line]:
    verse = [
        "Один рефрижератор, представитель капстраны,",
        "Попался раз в нешуточную вьюгу,",
        "А в миле от гиганта поперек морской волны",
        "Плыл ботик по фамилии «Калуга».",
        "Что ж вы ботик потопили?",
        "Был в нем старый патефон",
        "И портрет Эдиты Пьехи,",
        "И курительный салон.",
    ]
    return [line(text, 134, 100 + 12 * k + 10 * (k >= 4), x1, blank_before=k == 4)
            for k, (text, x1) in enumerate(zip(verse, right, strict=True))]


def test_a_stanza_is_one_paragraph_whatever_its_lines_end_with() -> None:
    # A songbook: each line of verse opens with a capital, a question ends a line inside
    # the stanza, and a gap ends the stanza.
    ragged = [352.0, 300.0, 348.0, 290.0, 240.0, 236.0, 230.0, 224.0]
    texts = [b.text for b in blocks(_stanzas(ragged))]
    assert texts == [
        "Один рефрижератор, представитель капстраны, Попался раз в нешуточную вьюгу, А в миле"
        " от гиганта поперек морской волны Плыл ботик по фамилии «Калуга».",
        "Что ж вы ботик потопили? Был в нем старый патефон И портрет Эдиты Пьехи, И"
        " курительный салон.",
    ]
