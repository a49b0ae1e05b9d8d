"""Metadata as a title page states it: every author under the title, note marks read from
superscript type, dates from date lines, the container's names checked against the page,
and the head of a plain-text file."""

from __future__ import annotations

from pathlib import Path

import pymupdf
from pdfgen import Placed, pick_fonts, placed_pages, running_text

from archive.extract.pdf import extract_pdf
from archive.ingest.analyse import analyse
from archive.metadata import titleblock
from archive.metadata.dates import date_year
from archive.metadata.names import parse_author_line, split_names
from archive.metadata.rows import Row, own_type_text, title_like
from archive.metadata.running import parse_running
from archive.metadata.titlepage import names_in
from archive.models import SourceMetadata
from archive.origins import AnyOrigin, InText, Part

DATA = Path(__file__).resolve().parent / "data" / "realworld"


def _chosen(analysis, field: str) -> list[tuple[object, AnyOrigin]]:
    return [(c.value, c.origin) for c in analysis.candidates if c.field == field]


def test_every_author_line_under_the_title_counts() -> None:
    a = analyse((DATA / "pub-els5p.pdf").read_bytes())
    md = a.metadata
    assert [x.family for x in md.authors] == ["Migchielsen", "Radhakrishnan", "Rajagopal"]
    # The superscript note marks after the title are no part of it.
    assert md.title == "This is a specimen ab title"
    # "June 8, 2018" in the footer is the document's date: the PDF was made that year.
    assert md.year == 2018
    assert InText(Part.DATE_LINE, 1) in [o for _, o in _chosen(a, "year")]


def test_a_superscript_note_mark_leaves_the_title_and_a_group_is_one_author() -> None:
    doc = extract_pdf((DATA / "pic-tufte-handout.pdf").read_bytes())
    first = doc.lines[0]
    assert first.text.endswith("Style1") and first.text[first.raised[0][0]:] == "1"
    md = analyse((DATA / "pic-tufte-handout.pdf").read_bytes()).metadata
    assert md.title == "An Example of the Usage of the Tufte-Handout Style"
    # The text layer spells the logo "LATEX"; the group's whole name is its family name.
    assert [x.family.casefold() for x in md.authors] == ["the tufte-latex developers"]
    assert md.year == 2015


def test_copyright_holders_are_not_authors_and_a_neighbouring_cell_is_not_the_title() -> None:
    a = analyse((DATA / "ru-debian-refcard.pdf").read_bytes())
    assert a.metadata.title == "Памятка по Debian"
    assert a.metadata.authors == ()
    # Why the PDF info's names lost stays on record.
    origins = [o for _, o in _chosen(a, "authors")]
    assert "pdf-info" in origins and "front-matter (copyright notice)" in origins
    assert a.metadata.year == 2023


def _pdf(lines: list[tuple[str, float]], author: str = "", created: str = "") -> bytes:
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    font = pick_fonts()[0]
    page.insert_font(fontname="F0", fontbuffer=font.buffer)
    y = 100.0
    for text, size in lines:
        page.insert_text((72, y), text, fontname="F0", fontsize=size)
        y += size * 2.2
    doc.set_metadata({"author": author, "creationDate": created})
    return doc.tobytes()


_BODY = [(f"Строка {k} текста документа идёт здесь обычным шрифтом во всю ширину.", 10.0)
         for k in ("первая", "вторая", "третья", "четвёртая", "пятая", "шестая")]


def test_a_name_printed_in_the_documents_script_wins_over_its_transliteration() -> None:
    data = _pdf([("Biblatex-GOST", 20.0), ("Олег Доманов", 11.0), *_BODY],
                author="Oleg Domanov")
    a = analyse(data)
    assert [x.family for x in a.metadata.authors] == ["Доманов"]
    assert a.metadata.title == "Biblatex-GOST"  # short, but set far above the text's type
    assert any(o == "pdf-info" for _, o in _chosen(a, "authors"))


def test_a_masthead_in_display_type_is_no_byline() -> None:
    # A newsletter's name in display type reads as two capitalised words, as a name does;
    # no byline is set in the title's type far above the text's.
    lines = [("STATA News", 25.0), ("Issue 5, June 1996", 10.0), *_BODY]
    a = analyse(_pdf(lines))
    assert a.metadata.title == "STATA News"
    assert a.metadata.authors == ()
    # A byline under it, in type near the text's, still counts.
    a = analyse(_pdf([lines[0], ("Olga Petrova", 12.0), *lines[1:]]))
    assert [x.family for x in a.metadata.authors] == ["Petrova"]


def test_a_manuals_title_set_well_above_its_authors_name_is_no_byline() -> None:
    # "JAGS Developers Manual" in 17 pt over "Martyn Plummer" and the date in 12 pt: three
    # capitalised words read as a name, but no byline is set in type so far above the rest.
    english = [(f"Line {k} of the text runs here in the usual type across the page.", 10.0)
               for k in ("one", "two", "three", "four", "five", "six")]
    a = analyse(_pdf([("JAGS Developers Manual", 17.2), ("Martyn Plummer", 12.0),
                      ("6 July 2011", 12.0), *english]))
    assert a.metadata.title == "JAGS Developers Manual"
    assert [x.family for x in a.metadata.authors] == ["Plummer"]


def test_a_date_under_the_title_in_its_type_and_a_notice_s_heading_are_neither() -> None:
    # A word processor's manual: the title and its date in one large type, then a licence
    # under the heading "COPYRIGHT NOTICE" (two capitalised words, as a name has).
    english = [(f"Line {k} of the text runs here in the usual type across the page.", 10.0)
               for k in ("one", "two", "three", "four", "five", "six")]
    for date in ("01-Dec-08", "Revised 22-Sep-2008 for SIMH V3.8-1"):
        a = analyse(_pdf([("VAX-11/780 Simulator Usage", 20.0), (date, 20.0),
                          ("COPYRIGHT NOTICE", 10.0),
                          ("Copyright (c) 1993-2008, Robert M Supnik", 10.0), *english]))
        assert a.metadata.title == "VAX-11/780 Simulator Usage"
        assert a.metadata.authors == ()
    # A vignette's version under its title, in the title's type (Bioconductor's qvalue).
    a = analyse(_pdf([("Bioconductor's qvalue package", 17.2), ("Version 2.30.0", 17.2),
                      *english]))
    assert a.metadata.title == "Bioconductor's qvalue package"
    # A title's line that goes on with the date keeps it.
    a = analyse(_pdf([("Introduction to the Matrix package — as of", 20.0), ("Feb. 2005", 20.0),
                      *english]))
    assert a.metadata.title == "Introduction to the Matrix package — as of Feb. 2005"
    a = analyse(_pdf([("Styl pro Zpravodaj Československého sdružení", 20.0),
                      ("uživatelů TEXu, 2022/12/12", 20.0), *english]))
    assert a.metadata.title == (
        "Styl pro Zpravodaj Československého sdružení uživatelů TEXu, 2022/12/12")


def test_names_set_in_one_row_are_several_authors() -> None:
    # LaTeX's \\author{A \\and B} sets the names side by side, three ems apart, in one row.
    doc = pymupdf.open()
    font = pick_fonts()[0]
    for _ in range(2):
        page = doc.new_page(width=595, height=842)
        page.insert_font(fontname="F0", fontbuffer=font.buffer)
        page.insert_text((150, 100), "The Makefile and related tools", fontname="F0",
                         fontsize=17.0)
        page.insert_text((190, 140), "Vincent Danjean", fontname="F0", fontsize=12.0)
        page.insert_text((190 + font.text_length("Vincent Danjean", fontsize=12.0) + 36, 140),
                         "Arnaud Legrand", fontname="F0", fontsize=12.0)
        for k, (text, size) in enumerate(_BODY):
            page.insert_text((72, 180 + 14 * k), text, fontname="F0", fontsize=size)
    a = analyse(doc.tobytes())
    assert [x.family for x in a.metadata.authors] == ["Danjean", "Legrand"]
    # The byline stays one paragraph, a line a name.
    paragraphs = [(b.page, b.text) for b in a.segmentation.blocks]
    assert (1, "Vincent Danjean Arnaud Legrand") in paragraphs
    lines = [(ln.page, ln.text) for ln in extract_pdf(doc.tobytes()).lines]
    assert (1, "Vincent Danjean") in lines and (1, "Arnaud Legrand") in lines
    # Past the title page, such a row is any two pieces of one line (a table's head).
    assert (2, "Vincent Danjean Arnaud Legrand") in lines


def _opening(head: list[Placed]) -> SourceMetadata:
    """The metadata of a page that opens with ``head`` and goes on with the body text."""
    top = max(y for _, y, _, _, _ in head) + 16
    placed = [*head, *((72, top + 12 * k, text, 10.0, "serif")
                       for k, (text, _) in enumerate(_BODY))]
    return analyse(placed_pages([placed], size=(420, 595))).metadata


def test_a_title_in_bold_in_the_text_s_size_over_its_author_and_abstract() -> None:
    # TUGboat's opening: the title in bold at the text's size over two lines, the author
    # indented under it, then the abstract's label.
    md = _opening([(72, 80, "The cals package: Multipage tables", 10.0, "bold"),
                   (72, 92, "with decorations", 10.0, "bold"),
                   (92, 108, "Oleg Parashchenko", 10.0, "serif"),
                   (72, 128, "Abstract", 10.0, "bold")])
    assert md.title == "The cals package: Multipage tables with decorations"
    assert [x.family for x in md.authors] == ["Parashchenko"]


def test_a_title_in_bold_in_the_text_s_size_over_its_author_and_first_section() -> None:
    # A TUGboat article without an abstract: title, author, then its first section.
    md = _opening([(72, 80, "Lists in TEX’s Mouth", 10.0, "bold"),
                   (92, 96, "Alan Jeffrey", 10.0, "serif"),
                   (72, 116, "1 Why lists?", 10.0, "bold")])
    assert md.title == "Lists in TEX’s Mouth"
    assert [x.family for x in md.authors] == ["Jeffrey"]


def test_section_headings_in_capitals_are_no_title() -> None:
    # A conference paper's skeleton: the title in 14 pt, then sections headed in capitals,
    # one straight under another, with no text between them yet.
    md = _opening([(150, 136, "My First Conference Paper", 14.3, "bold"),
                   (270, 156, "John Sall", 12.0, "serif"),
                   (45, 451, "INTRODUCTION", 12.0, "bold"),
                   (45, 470, "FIRST MAIN TOPIC", 12.0, "bold"),
                   (45, 490, "STILL UPPER CASE", 10.0, "bold"),
                   (45, 506, "The text of the paper goes here and runs on for a while.", 10.0,
                    "serif")])
    assert md.title == "My First Conference Paper"


def test_a_title_in_capitals_with_a_word_in_small_letters_is_whole() -> None:
    # IMAC's template: "version" in small letters keeps the first line from the capitals
    # of the second; both are the title, in one type.
    md = _opening([(20, 97, "IMAC version 1.01: A LATEX PACKAGE FOR WRITING PAPERS IN", 9.0,
                    "bold"),
                   (20, 111, "INTERNATIONAL MODAL ANALYSIS CONFERENCE (IMAC) FORMAT", 9.0,
                    "bold"),
                   (259, 176, "Joseph C. Slater", 10.0, "bold"),
                   (200, 206, "Department of Mechanical and Materials Engineering", 9.0,
                    "serif")])
    assert md.title == ("IMAC version 1.01: A LATEX PACKAGE FOR WRITING PAPERS IN INTERNATIONAL"
                        " MODAL ANALYSIS CONFERENCE (IMAC) FORMAT")


def test_a_cover_with_the_title_and_one_line_more() -> None:
    # The Filesystem Hierarchy Standard's cover: its title in 25 pt and the workgroup's name,
    # nothing else; the text begins on the next page.
    cover: list[Placed] = [(20, 67, "Filesystem Hierarchy Standard", 20.0, "bold"),
                           (40, 242, "LSB Workgroup, The Linux Foundation", 14.0, "bold")]
    # The next page repeats the title over the edition's lines.
    text: list[Placed] = [(40, 60, "Filesystem Hierarchy Standard", 14.4, "bold"),
                          (40, 80, "LSB Workgroup, The Linux Foundation", 10.0, "serif"),
                          (40, 94, "Version 3.0", 10.0, "serif"),
                          (40, 108, "Publication date March 19, 2015", 10.0, "serif"),
                          (40, 122, "Copyright © 2015 The Linux Foundation", 10.0, "serif"),
                          (40, 140, "Abstract", 10.0, "bold")]
    text += [(40, 156 + 12 * k, line, 10.0, "serif") for k, (line, _) in enumerate(_BODY)]
    md = analyse(placed_pages([cover, text], size=(420, 595))).metadata
    assert md.title == "Filesystem Hierarchy Standard"


def test_a_team_under_the_authors_is_where_they_work_not_an_author() -> None:
    # Matrix's vignettes: the people, then "R Core Development Team" in the same type.
    md = _opening([(72, 80, "Design Issues in Matrix package Development", 14.0, "bold"),
                   (100, 100, "Martin Maechler and Douglas Bates", 11.0, "serif"),
                   (120, 114, "R Core Development Team", 11.0, "serif"),
                   (110, 128, "maechler@stat.math.ethz.ch, bates@r-project.org", 10.0,
                    "mono")])
    assert [x.family for x in md.authors] == ["Maechler", "Bates"]


def test_a_bold_sentence_over_the_text_is_no_title() -> None:
    md = _opening([(72, 80, "Read this first.", 10.0, "bold"),
                   (72, 96, "The package is obsolete and kept for old documents only.", 10.0,
                    "serif")])
    assert md.title != "Read this first"


def test_the_date_under_a_name_is_no_affiliation() -> None:
    (author,) = _opening([(120, 80, "The chem-acs style", 17.0, "serif"),
                          (150, 110, "Joseph Wright†", 12.0, "serif"),
                          (140, 126, "Released 2021/02/24", 12.0, "serif"),
                          (72, 160, "Abstract", 10.0, "bold")]).authors
    assert (author.family, author.affiliation) == ("Wright", None)


def test_a_name_without_a_note_mark_over_one_with_it() -> None:
    md = _opening([(120, 80, "The schedule package", 17.0, "serif"),
                   (150, 110, "Jason Alexander", 12.0, "serif"),
                   (150, 126, "Ethan Deneault†", 12.0, "serif"),
                   (160, 142, "2019/7/31", 12.0, "serif"),
                   (72, 170, "Abstract", 10.0, "bold")])
    assert [(a.family, a.affiliation) for a in md.authors] == [
        ("Alexander", None), ("Deneault", None)]


def test_a_copyright_notice_s_latest_year_when_nothing_else_dates_the_work() -> None:
    md = _opening([(120, 80, "Producing PDFs with groff", 17.0, "serif"),
                   (72, 110, "This file is part of groff.", 10.0, "serif"),
                   (72, 126, "©2015, 2017 Free Software Foundation", 10.0, "serif")])
    assert md.year == 2017


def test_a_title_with_a_word_in_typewriter_type_is_the_title_not_code() -> None:
    # Bold words round a typewriter one read as a listing's keywords, but no listing is
    # set in display type; nor do the lines under the title go on with it as code.
    head: list[Placed] = [(100, 80, "The", 14.3, "bold"), (134, 80, "xtableList", 14.3, "mono"),
                          (226, 80, "Gallery", 14.3, "bold"),
                          (150, 104, "David J. Scott", 12.0, "bold"),
                          (150, 120, "April 21, 2019", 12.0, "serif")]
    body = [(72, 150 + 12 * k, line, 10.0, "serif") for k, line in enumerate(running_text(20))]
    data = placed_pages([head + body], size=(420, 595))
    assert [ln.kind for ln in extract_pdf(data).lines[:3]] == [None, None, None]
    assert analyse(data).metadata.title == "The xtableList Gallery"


def test_a_row_of_a_program_s_output_in_capitals_is_no_title() -> None:
    assert not title_like("FALSE FALSE 3.314286 0.3117042 TRUE TRUE 6.195000 0.7555129")
    assert title_like("ПРАВОВЫЕ ОСНОВЫ УЧАСТИЯ КАЗАХСТАНА В 2024 ГОДУ")


def test_names_set_apart_by_latex_s_and_with_a_particle_are_each_an_author() -> None:
    # \author{Victor Bos \and Ton van Deursen \and …}: an em and two column gaps
    # between the names (26 pt at 14.3 pt), and "van" in small letters.
    md = _opening([(76, 80, "A LaTeX macro package for Message Sequence Charts", 17.2, "serif"),
                   (150, 120, "Victor Bos", 14.3, "serif"),
                   (251, 120, "Ton van Deursen", 14.3, "serif"),
                   (150, 155, "Piotr Kordy", 14.3, "serif"),
                   (262, 155, "Sjouke Mauw", 14.3, "serif"),
                   (150, 175, "Version A2.00, last update May 13, 2022", 10.0, "serif"),
                   (72, 200, "Abstract", 10.0, "bold")])
    assert [a.family for a in md.authors] == ["Bos", "van Deursen", "Kordy", "Mauw"]


def test_a_co_author_beside_a_marked_name_is_no_affiliation() -> None:
    md = _opening([(100, 80, "The version package", 24.8, "serif"),
                   (60, 125, "Donald Arseneau†", 14.3, "serif"),
                   (215, 125, "Stephen Bellantoni", 14.3, "serif"),
                   (160, 160, "2009/09/15", 14.3, "serif")])
    assert [(a.family, a.affiliation) for a in md.authors] == [
        ("Arseneau", None), ("Bellantoni", None)]


def test_a_title_whose_lines_measure_a_little_apart_is_whole() -> None:
    # Each line's size is measured from its glyphs: 17.0 and 17.2 points are one title.
    data = _pdf([("schemata — Generic package to aid construction", 17.0),
                 ("of topical categories", 17.2), ("Charles P. Schaum", 12.0), *_BODY])
    assert analyse(data).metadata.title == (
        "schemata — Generic package to aid construction of topical categories"
    )


def test_a_chapter_opening_page_1_is_no_title_and_a_cited_work_s_pages_no_extent() -> None:
    lines = [("1 Sample", 20.0), *_BODY[:3],
             ("Bibliothèque Augustinienne 11 / 2. Institut d’Études Augustiniennes, 1997,", 10.0),
             ("pp. 152-154", 10.0), *_BODY[3:]]
    md = analyse(_pdf(lines)).metadata
    assert (md.title, md.first_page, md.last_page) == (None, None, None)


def test_names_below_the_first_section_and_headings_are_no_byline() -> None:
    lines = [("The newunicodechar package", 17.0), ("Enrico Gregorio", 12.0),
             ("April 8, 2018", 12.0), ("1 Introduction", 14.0), *_BODY[:3],
             ("LICR Unicode", 10.0), *_BODY[3:]]
    assert [x.family for x in analyse(_pdf(lines)).metadata.authors] == ["Gregorio"]
    assert titleblock.names_on("Printed References") == []
    assert titleblock.names_on("Easy Problems") == []
    # A rubric with a particle in it: "Copyright Notice" in Portuguese, under the authors.
    assert titleblock.names_on("Nota de Copyright") == []
    assert titleblock.names_on("New Breed Software") == []  # a firm, under the authors
    assert [x.family for x in titleblock.names_on("Enrico Gregorio")] == ["Gregorio"]


def test_a_name_the_text_layer_garbled_is_no_one_s() -> None:
    # A Serbian font guide: the author's name in small capitals, whose glyphs the text
    # layer maps to one letter.
    garbled = "Уccc Сccccccccc"
    assert titleblock.names_on(garbled) == []
    assert parse_author_line(garbled) == []
    lines = [("Пакет srbtiks", 20.0), (garbled, 12.0), ("мај 2022.", 12.0), *_BODY]
    assert analyse(_pdf(lines)).metadata.authors == ()
    assert [x.family for x in titleblock.names_on("Ivo Stefanović")] == ["Stefanović"]


def test_a_date_line_counts_only_where_the_document_states_it() -> None:
    lines = [("Руководство по сборке пакетов", 20.0), *_BODY, ("8 октября 2022 г.", 10.0)]
    assert analyse(_pdf(lines, created="D:20221008035248")).metadata.year == 2022
    # The file's creation date alone states nothing, nor confirms another year's date.
    assert analyse(_pdf(lines[:-1], created="D:20221008035248")).metadata.year is None
    assert analyse(_pdf(lines, created="D:20150101000000")).metadata.year is None


def test_a_sentence_saying_when_the_document_was_typeset_dates_it() -> None:
    typeset = ("This version corresponds to version 0.3.3 and was typeset on November 4, "
               "2022.", 9.0)
    lines = [("Fast Numerical Linear Algebra", 20.0), *_BODY, typeset]
    assert analyse(_pdf(lines, created="D:20221104121430")).metadata.year == 2022
    # A day named in a sentence that says nothing of the document is no date of it.
    met = ("The package maintainers met in Vienna on November 4, 2022 to plan it.", 9.0)
    assert analyse(_pdf([*lines[:-1], met], created="D:20221104121430")).metadata.year is None


def test_a_typeset_date_dates_a_pdf_made_again_years_later() -> None:
    # The vignette was distilled again in 2023; its title's footnote says when it was
    # typeset, over a line end. A copyright notice's years rank below that sentence.
    lines = [("Accelerating R with C++ Linear Algebra", 20.0), *_BODY,
             ("© 2010–2023 The authors", 9.0),
             ("This version corresponds to version 0.9.850.1.0 and was typeset on February 10,",
              9.0), ("2020.", 9.0)]
    md = analyse(_pdf(lines, created="D:20230222103657")).metadata
    assert md.year == 2020


def test_a_title_guessed_to_be_in_another_language_is_the_document_s() -> None:
    # The identifier reads "Future Tai Heritage Pro Modifications" as French; the document
    # is in English, and the printed title outranks the PDF info's short name.
    doc = pymupdf.open(stream=_pdf([("Future Tai Heritage Pro Modifications", 20.0)] + [
        (f"Line {k} of the plain English text that explains what the font will change.", 10.0)
        for k in range(8)]))
    doc.set_metadata({"title": "Future THP Modifications"})
    assert analyse(doc.tobytes()).metadata.title == "Future Tai Heritage Pro Modifications"


def _row(text: str, raised: tuple = (), small: tuple = ()) -> Row:
    return Row(text, 1, False, 0, 10.0, text.casefold(), raised, small)


def test_names_on_a_title_page_line() -> None:
    marked = _row("J.J. Allairea, Dirk Eddelbuettelb, and Romain Françoisc",
                  raised=((12, 13), (32, 33), (54, 55)))
    assert [a.family for a in names_in(marked)] == ["Allaire", "Eddelbuettel", "François"]
    jacow = _row("A. N. Author†, H. Coauthor, Name of Institute or Affiliation, City, Country")
    assert [a.family for a in names_in(jacow)] == ["Author", "Coauthor"]
    assert names_in(_row("Name of Institute or Affiliation, City, Country")) == []
    # A society is one author, its note mark aside; a section's heading is no name.
    assert [(a.family, a.given) for a in names_in(_row("American Physical Society∗"))] == [
        ("American Physical Society", None)]
    # Names with letters of Latin Extended-A (ž, ł, ő).
    gputils = _row("James Bowman, Craig Franklin, David Barnett, Borut Ražem and Łukasz Kőrös")
    assert [a.family for a in names_in(gputils)] == [
        "Bowman", "Franklin", "Barnett", "Ražem", "Kőrös"]
    # Titles before the names are none of them.
    titled = _row("Dr.-Ing. Herbert Voß2, Prof. Dr. Anna Berg")
    assert [a.family for a in names_in(titled)] == ["Voß", "Berg"]
    # An address in brackets after the one name is its e-mail.
    [author] = names_in(_row("Kale Ewasiuk (kalekje@gmail.com)"))
    assert (author.family, author.given, author.email) == ("Ewasiuk", "Kale", "kalekje@gmail.com")
    assert own_type_text(_row("< файл Памятка по Debian", small=((0, 6),))) == "Памятка по Debian"
    # A raised letter inside a word (the A of LaTeX's logo) is no note mark.
    assert own_type_text(_row("The LATEX Developers", raised=((5, 6),))) == "The LATEX Developers"


def test_date_lines() -> None:
    assert date_year("This version was compiled on January 11, 2022") == 2022
    assert date_year("окт. 24, 2021") == 2021
    # Dates in the other languages documents come in, and a date written year first.
    assert [date_year(t) for t in ("2003. október 11.", "11 janvier 2005", "3. März 2010",
                                   "12 de octubre de 2011", "Setembro de 2006",
                                   "15 stycznia 2020", "12. června 2014", "5 жовтня 2018 р.")
            ] == [2003, 2005, 2010, 2011, 2006, 2020, 2014, 2018]
    assert date_year("*usr_01.txt*\tFor Vim version 9.0.  Last change: 2019 Nov 21") == 2019
    # Of two dates, the first dates the work, unless the other is this version's.
    assert date_year("Bob Supnik, 03-Feb-2002 [revised 20-Feb-2004]") == 2002
    assert date_year("First version: September 2007 This version: May 2017") == 2017
    assert date_year("Версия 12 – Debian 12 ’Bookworm’ – 2023-03-22") == 2023
    assert date_year("Оформление библиографии по ГОСТ 7.0.5—2008") is None
    # Dates in numbers only: a LaTeX package's date, a dotted one; not a version number.
    assert date_year("2020/11/18") == 2020
    assert date_year("Версия от 18.11.2020") == 2020
    assert date_year("Version 1.2.2020") is None
    # ISO's order typeset with en dashes (a LuaLaTeX \today); not with dashes mixed.
    assert date_year("2022–04–16") == 2022
    assert date_year("2022-04–16") is None


def test_names_from_container_fields() -> None:
    def families(text: str) -> list[str | None]:
        return [a.family for a in split_names(text)]

    assert families("Jos Migchielsen; CV Radhakrishnan; CV Rajagopal;") == [
        "Migchielsen", "Radhakrishnan", "Rajagopal"]
    # Given name first, as the endings show; a handle with digits is no person.
    assert families("Джосип Родин, Осаму Аоки, L10N-russian") == ["Родин", "Аоки"]
    assert families("Иванов Иван, Петров Петр") == ["Иванов", "Петров"]
    assert families("Ilya V. Golovko (Russian), Yuri Kozlov (Russian)") == ["Golovko", "Kozlov"]
    assert families("Ubuntu Developers") == ["Ubuntu Developers"]


def test_a_standard_number_is_no_citation() -> None:
    assert parse_running("Оформление библиографии по ГОСТ 7.0.5—2008") is None
    assert parse_running("Вестник КазНУ. Т. 5, № 2, 2021") is not None


def test_a_running_foot_with_a_note_after_its_citation() -> None:
    # TUGboat's foot: the citation, a dash, the proceedings it belongs to, the page number.
    even = parse_running("84 TUGboat, Volume 28 (2007), No. 1 — Proceedings of the "
                         "Practical TEX 2006 Conference")
    odd = parse_running("TUGboat, Volume 28 (2007), No. 1 — Proceedings of the Practical "
                        "TEX 2006 Conference 85")
    for line, page in ((even, 84), (odd, 85)):
        assert line is not None
        assert (line.journal, line.year, line.volume, line.issue, line.page) == (
            "TUGboat", 2007, "28", "1", page
        )
    # GOST sets a citation's own parts apart with dashes: nothing is cut there.
    gost = parse_running("Вестник КазНУ. Серия юридическая. – 2024. – № 4")
    assert gost is not None and (gost.year, gost.issue) == (2024, "4")


def test_the_head_of_a_plain_text_file() -> None:
    text = (
        "*usr_01.txt*\tFor Vim version 9.0.  Last change: 2019 Nov 21\n\n"
        "\t\t     VIM USER MANUAL - by Bram Moolenaar\n\n"
        "\t\t\t      About the manuals\n\n\n"
        "This chapter introduces the manuals available with Vim.  Read this to know the\n"
        "conditions under which the commands are explained.\n\n"
        + "A line of ordinary text that fills the usual width of this file, more or less.\n"
        * 5
    )
    md = analyse(text.encode()).metadata
    assert md.title == "About the manuals"
    assert [a.family for a in md.authors] == ["Moolenaar"]
    assert md.year == 2019


def test_a_readme_opens_with_its_title_flush_left() -> None:
    prose = ("   Строка обычного текста, которая занимает всю ширину этого файла, более или\n"
             "   менее ровно, как и все остальные строки его абзацев, набранные вручную.\n")
    text = (
        "Добро пожаловать в систему TeX Live\n\n" + prose * 4 + "\n"
        "          установку используя графический режим, но вместе с тем\n\n" + prose * 2
    )
    assert analyse(text.encode()).metadata.title == "Добро пожаловать в систему TeX Live"
    # A dedication underlined as a heading, dated only by an event in its text.
    text = ("Посвящается памяти Иэна Мёрдока\n-------------------------------\n\n"
            "Иэн Мёрдок, основатель Проекта Debian, скончался 28 декабря 2015 года в своем\n"
            "доме в Сан-Франциско. Ему было 42 года.\n\n" + prose * 3)
    md = analyse(text.encode()).metadata
    assert (md.title, md.year) == ("Посвящается памяти Иэна Мёрдока", None)


def test_a_heading_in_capitals_under_paragraphs_of_a_text_file_is_no_title() -> None:
    prose = ("Для управления Emacs обычно используются сочетания клавиш, включающие в себя\n"
             "клавишу CONTROL или клавишу META. Вместо того, чтобы каждый раз писать META\n"
             "или CONTROL, мы будем использовать следующие сокращения и обозначения клавиш.\n")
    text = ("Учебник Emacs. Условия распространения приведены в конце файла.\n\n" + prose
            + "\n* БАЗОВЫЕ КОМАНДЫ УПРАВЛЕНИЯ КУРСОРОМ\n-------------------------------------\n\n"
            + prose * 3)
    assert analyse(text.encode()).metadata.title is None


def test_a_note_kept_from_a_mailing_list_with_an_underlined_title_and_its_authors() -> None:
    prose = ("It is impossible to give guidelines which will work for everyone here, so just\n"
             "send some feedback to the mailing list to get this document tailored to you.\n")
    text = (
        "From: Rutger Nijlunsing <rutger@example.com>\n"
        "Subject: Setting up a repository which can be pushed into over HTTP.\n"
        "Date: Thu, 10 Aug 2006 22:00:26 +0200\n\n"
        "How to set up a server over http\n=================================\n\n"
        + prose * 3 + "\nStep 1: set up a bare repository\n--------------------------------\n\n"
        + prose * 2 + "\nAuthors\n  Johannes Schindelin <js@example.com>\n"
        "  Rutger Nijlunsing <rn@example.com>\n"
    )
    a = analyse(text.encode())
    assert a.metadata.title == "How to set up a server over http"
    assert [x.family for x in a.metadata.authors] == ["Schindelin", "Nijlunsing"]
    assert a.metadata.year == 2006
    # The sender stays on record as the header's opinion.
    assert any(c.detail == "Rutger Nijlunsing <rutger@example.com>" for c in a.candidates
               if c.field == "authors")
    # An underlined line is a heading of its own.
    headings = [b.text for b in a.segmentation.blocks if b.role == "heading"]
    assert "Step 1: set up a bare repository" in headings


def test_a_title_case_subtitle_does_not_outvote_the_stated_authors() -> None:
    lines = [("Regression Models in Practice", 20.0), ("Applied Econometrics", 12.0), *_BODY]
    a = analyse(_pdf(lines, author="Christian Kleiber"))
    assert [x.family for x in a.metadata.authors] == ["Kleiber"]
    # The shape-read line is still on record, ranked below the PDF's own names.
    assert any(isinstance(o, InText) and o.part is Part.TITLE_PAGE
               for _, o in _chosen(a, "authors"))


def test_cyrillic_name_order_from_the_endings() -> None:
    from archive.metadata.titleblock import names_on

    assert [a.family for a in split_names("Дмитрий Иванов")] == ["Иванов"]
    assert [a.family for a in split_names("Иванов Дмитрий")] == ["Иванов"]
    assert [a.family for a in names_on("Иванов Дмитрий")] == ["Иванов"]
    assert [a.family for a in names_on("Петр Косых")] == ["Косых"]


def test_a_draft_s_citation_is_kept_as_printed_and_its_time_is_no_page() -> None:
    # A draft in TUGboat's template prints volume 0, issue 0 and a year to come, and
    # numbers its pages from 1001: the document's own statement, kept as printed (with where
    # it was read), the time of day beside its date no page number.
    draft = parse_running("TUGboat, Volume 0 (2060), No. 0")
    assert draft is not None
    assert (draft.journal, draft.year, draft.volume, draft.issue) == ("TUGboat", 2060, "0", "0")
    data = placed_pages([
        [(72, 40, "TUGboat, Volume 0 (2060), No. 0", 10.0, "serif"),
         (300, 40, f"{1000 + n}", 10.0, "serif"),
         (72, 52, "preliminary draft, December 30, 2006 9:24", 10.0, "serif"),
         *((72, 80 + 12 * k, text, 10.0, "serif") for k, (text, _) in enumerate(_BODY))]
        for n in (1, 2, 3)
    ], size=(420, 595))
    md = analyse(data).metadata
    assert (md.journal, md.volume, md.issue, md.first_page, md.last_page) == (
        "TUGboat", "0", "0", 1001, 1003)


def test_a_journal_s_masthead_over_the_title_is_its_citation_not_its_title() -> None:
    # JSS's first page: the logo's letters and the journal's name in the largest type, the
    # issue line under it, then the title, a logo's words and the author; the pages carry
    # the vignette's own numbers; the author's address closes the last page; LaTeX left
    # its graphics options in the PDF's author field.
    font = pick_fonts()[0]
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_font(fontname="F0", fontbuffer=font.buffer)
    first = [(60, "JSS Journal of Statistical Software", 24.0),
             (85, "November 2012, Volume 51, Issue 7. doi: 10.18637/jss.v000.i00", 10.0),
             (140, "spacetime: Spatio-Temporal Data in R", 17.0), (175, "ifgi", 8.6),
             (185, "Institute for Geoinformatics", 8.6), (195, "University of Münster", 8.6),
             (225, "Edzer Pebesma", 11.0), (260, "Abstract", 10.0)]
    for y, text, size in first:
        page.insert_text((100, y), text, fontname="F0", fontsize=size)
    for k in range(6):
        page.insert_text((72, 280 + 13 * k), f"Line {k} of the abstract, which describes the "
                         "classes for spatio-temporal data.", fontname="F0", fontsize=10)
    for number in range(2, 6):
        page = doc.new_page(width=595, height=842)
        page.insert_font(fontname="F0", fontbuffer=font.buffer)
        page.insert_text((72, 50), f"{number}   spacetime: Spatio-Temporal Data in R",
                         fontname="F0", fontsize=9)
        for k in range(8):
            page.insert_text((72, 100 + 13 * k), f"Line {k} of page {number}, which shows "
                             "the classes at work on real data.", fontname="F0", fontsize=10)
    for k, line in enumerate(("Affiliation:", "Edzer Pebesma", "Institute for Geoinformatics",
                              "University of Münster")):
        page.insert_text((72, 250 + 12 * k), line, fontname="F0", fontsize=10)
    doc.set_metadata({"author": " [width=5cm]ifgi-logoint   [width=4cm]logo52n  Edzer Pebesma "})
    md = analyse(doc.tobytes()).metadata
    assert md.title == "spacetime: Spatio-Temporal Data in R"
    assert (md.journal, md.year, md.volume, md.issue) == (
        "Journal of Statistical Software", 2012, "51", "7")
    assert [a.family for a in md.authors] == ["Pebesma"]
    assert (md.first_page, md.last_page) == (None, None)


def test_an_address_under_a_name_in_smaller_type_names_nobody() -> None:
    lines = [("A beginner's guide to METAPOST for creating graphics", 14.3),
             ("Troy Henderson", 12.0), ("Department of Mathematical Sciences", 9.0),
             ("United States Military Academy", 9.0), ("West Point, NY 10996, USA", 9.0),
             ("Abstract", 10.0), *_BODY]
    assert [a.family for a in analyse(_pdf(lines)).metadata.authors] == ["Henderson"]


def _reprint() -> bytes:
    """DANTE's reprint cover: "Author: Title, Journal issue/year, S. first-last." wrapped
    over two lines at a hyphen, the journal's name turned up the page's left side, and a
    word broken over the page break."""
    font = pick_fonts()[0]
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_font(fontname="F0", fontbuffer=font.buffer)
    page.insert_text((60, 300), "Die TeXnische Komödie", fontname="F0", fontsize=14, rotate=90)
    for y, text, size in ((80, "Herbert Voß: Farbige Mathematik, Die TeXnische Komö-", 10.0),
                          (92, "die 2/2004, S. 81-87.", 10.0), (140, "Farbige Mathematik", 16.0),
                          (165, "Herbert Voß", 12.0)):
        page.insert_text((120, y), text, fontname="F0", fontsize=size)
    for k in range(8):
        page.insert_text((120, 200 + 13 * k), f"Zeile {k} des Textes über farbige Formeln, die "
                         "das Makro be-" if k == 7 else f"Zeile {k} des Textes über farbige "
                         "Formeln in mathematischen Umgebungen.", fontname="F0", fontsize=10)
    page = doc.new_page(width=595, height=842)
    page.insert_font(fontname="F0", fontbuffer=font.buffer)
    page.insert_text((120, 80), "nutzt, um Teile einer Formel zu färben.", fontname="F0",
                     fontsize=10)
    return doc.tobytes()


def test_a_reprint_s_citation_of_itself_over_two_lines() -> None:
    md = analyse(_reprint()).metadata
    assert (md.journal, md.issue, md.year, md.first_page, md.last_page) == (
        "Die TeXnische Komödie", "2", 2004, 81, 87)


def test_a_name_turned_up_the_margin_stands_apart_from_the_page_s_text() -> None:
    blocks = analyse(_reprint()).segmentation.blocks
    assert any(b.text.endswith("das Makro benutzt, um Teile einer Formel zu färben.")
               for b in blocks)
    assert [b.role for b in blocks if b.text == "Die TeXnische Komödie"] == ["front_matter"]


def test_an_account_name_the_text_never_prints_is_no_author() -> None:
    lines = [("The Mondulkiri Font Family", 20.0), *_BODY]
    assert analyse(_pdf(lines, author="Didi")).metadata.authors == ()
    # A one-word name the pages print stays the author.
    signed = [*lines, ("Доманов", 10.0)]
    assert [a.literal for a in analyse(_pdf(signed, author="Доманов")).metadata.authors] == [
        "Доманов"]


def test_a_readme_signed_by_its_author_at_the_end() -> None:
    prose = ("fortune-mod-ru - это коллекция сообщений дня на русском языке для программы\n"
             "fortune, выводящей их при каждом входе пользователя в систему.\n\n")
    text = ("README\n======\n\n" + prose * 4
            + "Автор: Павел Марьянов aka Acid Jack\nE-mail: acid_jack@ukr.net\n")
    assert [a.family for a in analyse(text.encode()).metadata.authors] == ["Марьянов"]


def test_a_byline_s_by_and_a_name_s_jr_are_no_names() -> None:
    lines = [("Maximally Selected Rank Statistics in R", 18.0),
             ("by Torsten Hothorn and Berthold Lausen", 11.0), *_BODY]
    assert [a.family for a in analyse(_pdf(lines)).metadata.authors] == ["Hothorn", "Lausen"]
    lines = [("Genetic Optimization Using Derivatives: The rgenoud Package for R", 18.0),
             ("Walter R. Mebane, Jr.", 11.0), ("University of Michigan", 10.0), *_BODY]
    assert [a.family for a in analyse(_pdf(lines)).metadata.authors] == ["Mebane"]


def test_a_hyphenated_family_name_and_a_file_changed_on_a_day_dates_nothing() -> None:
    from archive.metadata import titleblock

    (author,) = titleblock.names_on("Marie Laure Delignette-Muller")
    assert (author.family, author.given) == ("Delignette-Muller", "Marie Laure")
    # A day some other file was last changed on is no date of this document.
    lines = [("Dip Test Distributions, P-values, and other Explorations", 18.0), *_BODY,
             ("However, the Fortran code file http://lib.stat.cmu.edu/apstat/217, was last "
              "changed Thu 04 Aug 2005 03:43:28 PM CEST.", 9.0)]
    assert analyse(_pdf(lines, created="D:20230110000000")).metadata.year is None


def test_a_masthead_s_issue_line_with_the_journal_s_address_beside_it() -> None:
    # An older JSS article (metafor): the journal's address at the right of the issue line.
    font = pick_fonts()[0]
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_font(fontname="F0", fontbuffer=font.buffer)
    first = [(100, 60, "JSS Journal of Statistical Software", 24.0),
             (100, 85, "August 2010, Volume 36, Issue 3.", 10.0),
             (400, 85, "http://www.jstatsoft.org/", 10.0),
             (100, 140, "Conducting Meta-Analyses in R with the metafor Package", 17.0),
             (100, 175, "Wolfgang Viechtbauer", 12.0), (100, 190, "Maastricht University", 10.9),
             (100, 220, "Abstract", 10.0)]
    for x, y, text, size in first:
        page.insert_text((x, y), text, fontname="F0", fontsize=size)
    for k in range(8):
        page.insert_text((72, 240 + 13 * k), f"Line {k} of the abstract, which describes the "
                         "functions for meta-analyses.", fontname="F0", fontsize=10)
    md = analyse(doc.tobytes()).metadata
    assert md.title == "Conducting Meta-Analyses in R with the metafor Package"
    assert (md.journal, md.year, md.volume, md.issue) == (
        "Journal of Statistical Software", 2010, "36", "3")


def test_a_mathematical_journals_citation_line_and_doi_over_the_title() -> None:
    # An IMS journal's first page: the citation line, the DOI and the ISSN over the title,
    # the authors' e-mails in notes at the page's foot, far below.
    english = [(f"Line {k} of the text runs here in the usual type across the page.", 9.0)
               for k in range(14)]
    a = analyse(_pdf([
        ("Electron. Commun. Probab. 0 (2020), article no. 0, 1–5.", 8.0),
        ("https://doi.org/10.1214/YY-TN", 8.0), ("ISSN: 1083-589X", 8.0),
        ("Introduction to the ejpecp Class", 13.0), ("Krzysztof Burdzy", 10.0), *english,
        ("E-mail: burdzy@math.washington.edu", 7.0)]))
    md = a.metadata
    assert md.title == "Introduction to the ejpecp Class"
    assert (md.doi, md.year, md.volume, md.first_page, md.last_page) == (
        "10.1214/YY-TN", 2020, "0", 1, 5)
    assert md.journal is None  # an abbreviation is no journal's name as a citation spells it
    # Names read at the page's head may be an affiliation's: only labelled fields count there.
    longer = [(f"Line {k} of the text runs here in the usual type across the page.", 7.5)
              for k in range(36)]
    a = analyse(_pdf([("Accurately Computing log(1 − exp(−|a|))", 17.0),
                      ("Martin Mächler", 12.0), ("ETH Zurich", 10.9), *longer,
                      ("E-mail: maechler@stat.math.ethz.ch", 6.0)]))
    assert [x.family for x in a.metadata.authors] == ["Mächler"]


def test_citation_lines_of_a_volume_and_its_year_in_brackets() -> None:
    from archive.metadata.running import parse_cited_volume

    cited = parse_cited_volume("Journal of Heat Transfer 143 (2021), 1-12.")
    assert cited is not None and (cited.journal, cited.volume, cited.year, cited.page,
                                  cited.last) == ("Journal of Heat Transfer", "143", 2021, 1, 12)
    cited = parse_cited_volume("ECP 0 (2020), paper 0. https://www.imstat.org/ecp")
    assert cited is not None and (cited.journal, cited.volume, cited.year) == ("", "0", 2020)
    assert parse_cited_volume("We found 3 (2020) cases") is None
    assert parse_cited_volume("Table 2 (2019) shows the results") is None


def test_countries_places_and_a_society_s_grades_are_no_names() -> None:
    from archive.metadata import titleblock
    from archive.metadata.names import parse_author_line

    for line in ("The Netherlands", "Norway", "IBM Japan", "County Limerick", "Казахстан"):
        assert titleblock.names_on(line) == [], line
        assert parse_author_line(line) == [], line
    assert [a.literal for a in titleblock.names_on("A. N. Other, MEMBER SPIE")] == [
        "A. N. Other"]
    assert [a.family for a in titleblock.names_on("John Smith, Senior Member, IEEE")] == [
        "Smith"]
    assert [a.family for a in titleblock.names_on("Georgia Jordan")] == ["Jordan"]


def test_a_text_file_s_names_each_over_the_company_they_work_for() -> None:
    # X11's i18n framework note: title, then each author over the company, a line apart.
    text = ("X11R6 Sample Implementation Frame Work\n\nKatsuhisa Yano\n\nTOSHIBA Corporation"
            "\n\nYoshio Horiuchi\n\nIBM Japan\n\nX Version 11, Release 7.7\n\n"
            + "This document proposes to define the structures, methods and their signatures "
              "that are expected to be common to all locale dependent functions within the "
              "library.\n\n" * 3)
    assert [a.family for a in analyse(text.encode()).metadata.authors] == ["Yano", "Horiuchi"]


def test_names_with_their_addresses_a_line_each_and_a_span_of_dates() -> None:
    # Maxima's finite-fields note: each author's name and address on a line, then the
    # years the work took.
    lines = [("Finite Fields Computations in Maxima", 18.0),
             ("Fabrizio Caruso caruso@dm.unipi.it", 11.0),
             ("Jacopo D’Aurizio elianto84@gmail.com", 11.0),
             ("Alasdair McAndrew amca01@gmail.com", 11.0),
             ("Volker van Nek volkervannek@gmail.com", 11.0),
             ("April, 2008 - July, 2013", 11.0), *_BODY]
    md = analyse(_pdf(lines)).metadata
    assert [(a.family, a.email) for a in md.authors] == [
        ("Caruso", "caruso@dm.unipi.it"), ("D’Aurizio", "elianto84@gmail.com"),
        ("McAndrew", "amca01@gmail.com"), ("van Nek", "volkervannek@gmail.com")]
    assert md.year == 2013


def test_version_control_s_date_stamp_on_the_first_page_dates_the_document() -> None:
    lines = [("LinuxDoc-Tools User’s Guide", 18.0),
             ("Updated and renamed by Taketoshi Sano, for LinuxDoc-Tools $Date: 2002/03/18",
              10.0), ("13:39:10 $ ($Revision: 1.2 $)", 10.0), *_BODY]
    assert analyse(_pdf(lines, created="D:20230110000000")).metadata.year == 2002


def test_a_section_s_name_opening_the_first_page_is_no_title() -> None:
    # A manual whose first page opens on its first section: "Introduction" names a part.
    for name in ("Introduction", "Contents", "1. Introduction"):
        assert analyse(_pdf([(name, 18.0), *_BODY])).metadata.title is None, name


def test_a_typewriter_word_set_smaller_in_the_title_is_the_title_s() -> None:
    # "Program and package xindex": the program's name in a typewriter face scaled to the
    # title face's height, on the title's baseline.
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((120, 100), "Program and package", fontname="hebo", fontsize=20.7)
    x = 120 + pymupdf.get_text_length("Program and package ", fontname="hebo", fontsize=20.7)
    page.insert_text((x, 100), "xindex", fontname="cobo", fontsize=15.8)
    page.insert_text((240, 150), "Herbert Voss", fontsize=14)
    y = 220.0
    for text, _ in _BODY:
        page.insert_text((72, y), text.replace("Строка", "Line"), fontsize=10)
        y += 14
    assert analyse(doc.tobytes()).metadata.title == "Program and package xindex"


def test_a_bold_title_ends_before_the_project_s_address_under_it() -> None:
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    for k, text in enumerate(("Auto Multiple Choice: Design of Tests", "with Automated Grading",
                              "https://www.auto-multiple-choice.net/")):
        page.insert_text((72, 90 + 14 * k), text, fontname="hebo", fontsize=10)
    page.insert_text((72, 150), "Abstract", fontname="helv", fontsize=10)
    y = 170.0
    for text, _ in _BODY:
        page.insert_text((72, y), text.replace("Строка", "Line"), fontname="helv", fontsize=10)
        y += 14
    assert analyse(doc.tobytes()).metadata.title == (
        "Auto Multiple Choice: Design of Tests with Automated Grading")
