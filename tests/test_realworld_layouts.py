"""Real PDFs from other publishers (``tests/data/realworld``, origins in its README), and the
pure repairs their text layers need."""

from __future__ import annotations

import gzip
import math
from pathlib import Path

import pymupdf
import pytest
from pdfgen import pick_fonts

from archive.clean.hyphenation import Vocabulary, keep_hyphen
from archive.extract.figures import (
    Rules,
    Shape,
    Text,
    figure_regions,
    ruled_regions,
)
from archive.extract.figuretext import is_figure_text, mark_figure_text
from archive.extract.grouping import group_drawings
from archive.extract.pdf import extract_pdf
from archive.extract.plotglyphs import glyph_plots
from archive.extract.repair import repair_accents, repair_mojibake, repair_tex_codes, spaced_quotes
from archive.ingest.analyse import analyse

DATA = Path(__file__).resolve().parent / "data" / "realworld"


def _blocks(name: str):
    return analyse((DATA / name).read_bytes()).segmentation.blocks


def test_bottom_centred_page_numbers_are_furniture_not_headings() -> None:
    blocks = _blocks("lmtest-intro.pdf")
    assert not [b.text for b in blocks if b.text.strip().isdigit()]
    # The title and the authors' line open the paper as front matter, not as headings.
    assert [b.role for b in blocks[:2]] == ["front_matter", "front_matter"]


def test_code_keeps_its_lines_and_prose_after_it_is_a_new_paragraph() -> None:
    blocks = _blocks("lmtest-intro.pdf")
    code = [b for b in blocks if b.role == "code"]
    assert code and all("\n" in b.text or b.text.startswith(">") for b in code)
    assert any(b.text.startswith("> dwtest(") or "\n> dwtest(" in b.text for b in code)
    assert not any("> dwtest(" in b.text for b in blocks if b.role != "code")


def test_plot_ticks_are_not_paragraphs() -> None:
    blocks = _blocks("lmtest-intro.pdf")
    numeric = [b.text for b in blocks if b.text.replace(".", "").replace("−", "").isdigit()]
    assert numeric == []


def test_tex_accents_typeset_apart_are_letters_again() -> None:
    text = " ".join(b.text for b in _blocks("lmtest-intro.pdf"))
    assert "Krämer" in text and "¨" not in text


def test_reference_entries_are_one_paragraph_each() -> None:
    refs = [b.text for b in _blocks("lmtest-intro.pdf") if b.role == "reference"]
    assert len(refs) >= 7
    assert all(r.count(". 19") + r.count(", 19") + r.count(", 20") <= 1 for r in refs)


def test_two_names_in_the_pdf_info_are_two_authors() -> None:
    md = analyse((DATA / "aer-vignette.pdf").read_bytes()).metadata
    assert [a.family for a in md.authors] == ["Kleiber", "Zeileis"]


def test_a_gzip_compressed_pdf_is_read() -> None:
    plain = (DATA / "ru-debian-refcard.pdf").read_bytes()
    packed = gzip.compress(plain, mtime=0)
    a, b = analyse(plain), analyse(packed)
    assert [x.text for x in a.segmentation.blocks] == [x.text for x in b.segmentation.blocks]
    assert b.sha256 != a.sha256 and b.extractor.startswith("gzip + ")


def test_labels_inside_drawings_leave_the_reading_flow() -> None:
    doc = extract_pdf((DATA / "sci-gastex.pdf").read_bytes())
    assert sum(ln.kind == "figure" for ln in doc.lines) >= 10
    blocks = analyse((DATA / "sci-gastex.pdf").read_bytes()).segmentation.blocks
    assert not [b for b in blocks if len(b.text) <= 2 and b.role == "heading"]


def test_a_small_histogram_with_axes_drawn_apart_is_a_figure() -> None:
    # R's base graphics: five bars, and each axis (a line and its ticks) a little off them.
    bars = [(232.0 + 30 * k, 300.0 - 20 * k, 262.0 + 30 * k, 368.0) for k in range(5)]
    x_axis = [(232.0, 373.0, 382.0, 373.0)] + [(232.0 + 30 * k, 373.0, 232.0 + 30 * k, 376.0)
                                               for k in range(6)]
    y_axis = [(226.0, 232.0, 226.0, 368.0)] + [(223.0, 232.0 + 20 * k, 226.0, 232.0 + 20 * k)
                                               for k in range(7)]
    items = bars + x_axis + y_axis
    regions = figure_regions(group_drawings(items, (0, 0, 600, 800)), items)
    assert regions == [(223.0, 220.0, 382.0, 376.0)]
    assert is_figure_text("0 1 2 3 4 5", (230, 379, 384, 384), regions)
    # The bars alone are too few to be a drawing, and a rule far under them is no axis.
    rule = [(232.0, 420.0, 382.0, 420.0)] + [(232.0 + 30 * k, 420.0, 232.0 + 30 * k, 423.0)
                                             for k in range(6)]
    assert figure_regions(group_drawings(bars + rule, (0, 0, 600, 800)), bars + rule) == []


def test_figure_regions_need_many_items_and_text_inside_them() -> None:
    plot = [(100.0 + 7 * k, 100.0, 104.0 + 7 * k, 300.0) for k in range(20)]  # bars
    regions = figure_regions(group_drawings(plot, (0, 0, 600, 800)), plot)
    assert len(regions) == 1
    assert is_figure_text("0.5", (150, 302, 160, 312), regions)  # a tick label below
    assert not is_figure_text("Figure 1: Residuals", (150, 302, 300, 312), regions)
    # A line of code beside a plot, in its box, is the listing's; a short label in
    # typewriter type is the plot's.
    assert not is_figure_text("R> plot(predictorEffects(lm7, ~ ppgdp))", (100, 150, 250, 160),
                              regions, code=True)
    assert is_figure_text("z1", (150, 150, 160, 160), regions, code=True)
    # A category's name, long, right-aligned at the axis beside the bars.
    assert is_figure_text("Mecklenburg-Vorpommern", (30, 200, 96, 207), regions)
    assert not is_figure_text("that ends a sentence beside it.", (10, 200, 96, 207), regions)
    box = [(50.0, 50.0, 550.0, 90.0)]  # a frame around text is no figure
    assert figure_regions(group_drawings(box, (0, 0, 600, 800)), box) == []
    # Nor is a listing shaded a line at a time, with a rule over and under it.
    bands = [(142.0, 211.0 + 12 * k, 453.0, 223.0 + 12 * k) for k in range(8)]
    bands += [(142.0, 211.0, 453.0, 211.0), (142.0, 307.0, 453.0, 307.0)]
    assert figure_regions(group_drawings(bands, (0, 0, 600, 800)), bands) == []
    # Nor one whose every line brings its piece of the frame's sides (dblatex's listings).
    framed = [(56.7, 516.3 + 11 * k, 510.2, 527.3 + 11 * k) for k in range(20)]
    framed += [(x, 516.3 + 11 * k, x, 527.3 + 11 * k) for k in range(20) for x in (55.2, 511.7)]
    framed += [(53.7, 514.8, 513.2, 514.8)]
    assert figure_regions(group_drawings(framed, (0, 0, 600, 800)), framed) == []
    # Nor the underlines and strokes of tracked changes through lines of running text.
    marks = [(100.0 + 40 * (k % 8), 112.0 + 12 * (k // 8), 138.0 + 40 * (k % 8),
              112.5 + 12 * (k // 8)) for k in range(32)]
    marks += [(100.0, 100.0, 420.0, 101.0), (100.0, 160.0, 420.0, 161.0),
              (98.0, 100.0, 99.0, 161.0)]
    prose = [Text((100.0, 102.0 + 12 * k, 420.0, 111.0 + 12 * k), 12, 60) for k in range(4)]
    shapes = [Shape(False, False)] * len(marks)
    assert figure_regions(group_drawings(marks, (0, 0, 600, 800)), marks, shapes, prose) == []
    assert figure_regions(group_drawings(marks, (0, 0, 600, 800)), marks, shapes, []) != []
    # Nor an example's framed box round a listing (tcolorbox): its lines are code.
    listing = [Text((104.0, 102.0 + 12 * k, 300.0, 111.0 + 12 * k), 2, 12, True)
               for k in range(4)]
    assert figure_regions(group_drawings(marks, (0, 0, 600, 800)), marks, shapes, listing) == []


def test_repairs_of_text_layers() -> None:
    assert repair_tex_codes("Coe\x1ecients \x10quoted\x11 \x1crst") == "Coefficients “quoted” first"
    assert repair_tex_codes("\x88 item") == "• item"
    assert repair_accents("Universit¨at Erlangen-N¨urnberg, ´Ecole") == (
        "Universität Erlangen-Nürnberg, École"
    )
    assert repair_accents("x ¨ y") == "x ¨ y"
    # Greek fonts give mu and Delta as the micro and increment signs; a micrometre stays.
    assert repair_accents("∆ηµήτριος, κωδίκων συλλαβισµοῦ") == "Δημήτριος, κωδίκων συλλαβισμοῦ"
    assert repair_accents("a film 5 µm thick") == "a film 5 µm thick"
    # A grave accent is the backtick: on a vowel in a line of text, not in code or quoting.
    assert repair_accents("BVAR models “`a la Sims”", prose=True) == "BVAR models “à la Sims”"
    assert repair_accents("Universit`a di Pisa", prose=True) == "Università di Pisa"
    assert repair_accents("“`a la Sims”") == "“`a la Sims”"
    # TeX's opening quote, closed by an apostrophe after the word, is no accent.
    assert repair_accents("treats \\ as an `escape' sequence", prose=True) == (
        "treats \\ as an `escape' sequence")
    assert repair_accents("run `echo` first", prose=True) == "run `echo` first"
    # TeX's "≠" and "∉" are a slash laid over the sign, reported on the letter before.
    assert repair_accents("with i\u0338 = j, H1: I\u0338 = I0, x \u0338∈ A") == (
        "with i ≠ j, H1: I ≠ I0, x ∉ A")
    assert repair_accents("Publicac¸˜oes, garc¸on, Ko´sciuszko, wie˛cej") == (
        "Publicações, garçon, Kościuszko, więcej"
    )
    assert repair_accents("Romain Fran¸cois, Is¸ık") == "Romain François, Işık"  # before it
    # English quotation marks that lost their spaces get them back; German ones are left.
    assert spaced_quotes("the“cores”option is ignored") == "the “cores” option is ignored"
    assert spaced_quotes("„Wort“ ist") == "„Wort“ ist"
    russian = "Не очень краткое введение"
    assert repair_mojibake(russian.encode("cp1251").decode("latin-1")) == (russian, "cp1251")
    assert repair_mojibake(russian.encode("koi8_r").decode("latin-1")) == (russian, "koi8_r")
    assert repair_mojibake("Café naïve résumé") == ("Café naïve résumé", None)


def test_mojibake_pdf_is_repaired_with_a_warning(tmp_path: Path) -> None:
    font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
    if not Path(font).exists():
        pytest.skip("DejaVu Sans is not installed")
    doc = pymupdf.open()
    text = "Не очень краткое введение в систему LaTeX"
    for _ in range(2):
        page = doc.new_page()
        for k in range(8):
            # What a font without a Unicode map gives: the CP1251 bytes read as Latin-1.
            page.insert_text((72, 100 + 20 * k), text.encode("cp1251").decode("latin-1"),
                             fontfile=font, fontname="dv")
    a = analyse(doc.tobytes())
    assert text in a.segmentation.blocks[0].text
    assert any("CP1251" in w for w in a.warnings)
    assert a.segmentation.blocks[0].lang == "ru"


@pytest.mark.parametrize(("head", "tail", "kept"), [
    ("черно", "белой", True), ("темно", "синего", True), ("научно", "исследовательский", True),
    ("красно", "ватый", False), ("исследо", "вательский", False),
])
def test_russian_compound_at_a_line_end(head: str, tail: str, kept: bool) -> None:
    assert keep_hyphen(head, tail, Vocabulary.from_texts([])) is kept


def test_a_first_line_with_a_version_number_is_text_not_a_running_head() -> None:
    data = (b"Version 1.2 ratified on October 1st, 2022.\n\nThe Example Protocol\n\n"
            b"This document describes the example protocol, which is used by\nseveral "
            b"programs to exchange messages. Each message is a line of\ntext.\n")
    a = analyse(data)
    assert a.segmentation.blocks[0].text == "Version 1.2 ratified on October 1st, 2022."
    assert a.segmentation.artifacts == ()


def test_furniture_never_takes_every_line() -> None:
    doc = pymupdf.open()
    for k in range(4):
        doc.new_page().insert_text((72, 40), f"Draft notes, page {k + 1}", fontsize=10)
    a = analyse(doc.tobytes())
    assert a.segmentation.blocks
    assert any("running header" in w for w in a.warnings)


def test_ruled_tables_of_a_reference_card_are_read_row_by_row() -> None:
    # Three columns of two-column tables drawn with rules; before, every cell was taken for
    # the labels of a drawing and left out.
    blocks = _blocks("ru-debian-refcard.pdf")
    rows = [row for b in blocks if b.role == "table" for row in b.text.split("\n")]
    assert len(rows) > 60
    assert "apt rdepends имя-пакета | Вывести список пакетов, которым нужен данный пакет." in rows
    assert ("dpkg -V [имена-пакетов] | Проверить контрольные суммы установленных пакетов."
            in rows)
    # Section titles set over tables in neighbouring columns stay apart.
    assert not [b for b in blocks if "APT" in b.text and "Dpkg" in b.text]


def test_letter_spaced_capitals_and_a_side_note_beside_them() -> None:
    blocks = _blocks("pic-tufte-handout.pdf")
    body = next(b for b in blocks if b.text.startswith("When setting strings of"))
    assert "strings of ALL CAPS or small caps" in body.text
    assert "for strings of FULL CAPITAL LETTERS, and the \\smallcaps command" in body.text
    assert "Bringhurst" not in body.text
    notes = [b.text for b in blocks if b.role == "footnote" and "Bringhurst" in b.text]
    assert notes == ["6 Robert Bringhurst. The Elements of Typography. Hartley & Marks, 3.1 "
                     "edition, 2005. ISBN 0-88179-205-5"]


def test_a_jss_title_page_end_matter_and_reference_list() -> None:
    blocks = _blocks("aer-vignette.pdf")
    texts = [b.text for b in blocks]
    # Authors set side by side, each over an affiliation.
    assert "Christian Kleiber Universität Basel" in texts
    assert "Achim Zeileis Universität Innsbruck" in texts
    # Entries: an address in typewriter type broken over lines, a one-line entry at a
    # page's foot and the next entry at the top of the next page.
    refs = [t for b, t in zip(blocks, texts, strict=True) if b.role == "reference"]
    assert any(t.endswith("URL http://www.cambridge.org/us/academic/subjects/economics/"
                          "econometrics-statistics-and-mathematical-economics/"
                          "time-series-models-business-and-economic-forecasting-2nd-edition.")
               for t in refs)
    assert ("Juselius K (2006). The Cointegrated VAR Model. Oxford University Press, Oxford."
            in refs)
    assert any(t.startswith("Kleiber C, Zeileis A (2008). Applied Econometrics") for t in refs)
    assert not [b for b in blocks if b.role == "code" and "cambridge.org" in b.text]
    # The affiliation block at the end: a heading and one paragraph an author.
    assert "Affiliation:" in texts
    assert any(t.startswith("Achim Zeileis Department of Statistics Faculty of Economics")
               and t.endswith("URL: https://eeecon.uibk.ac.at/~zeileis/") for t in texts)


def test_a_title_and_author_in_capitals_over_an_abstract_in_smaller_type() -> None:
    blocks = _blocks("quantreg-rq-p1.pdf")
    assert [b.text for b in blocks[:2]] == ["QUANTILE REGRESSION IN R: A VIGNETTE",
                                            "ROGER KOENKER"]
    # The abstract's lines are set close in their own leading: one paragraph, though a
    # line opens with a package's name in typewriter type.
    abstract = blocks[2]
    assert abstract.role == "abstract"
    assert abstract.text.startswith("Abstract. Quantile regression is an evolving body")
    assert abstract.text.endswith("can be freely downloaded from CRAN: http://cran.r-project.org.")


def test_a_column_opening_with_a_heading_after_a_caption_is_no_float() -> None:
    # TUGboat, two columns: the first ends with a figure's caption, the second opens with a
    # section whose text runs past a figure of its own ("Fig-" / caption / "ure 9 is…").
    # The caption ends no sentence, but the text before it did: the section is text.
    blocks = analyse((DATA / "tug-henderson-p5.pdf").read_bytes()).segmentation.blocks
    roles = {b.text[:40]: b.role for b in blocks}
    assert roles["4.4 The label command"] == "heading"
    assert roles["One of the nicest features of METAPOST i"] == "body"


def test_heads_that_change_with_every_page_are_found_by_their_row() -> None:
    # dblatex: "CHAPTER 1. DEFINITIONS AND OVERVIEW" beside the section's name, which
    # changes on every page, in a font whose line boxes are 1.66 times its size. The head
    # and the foot's page number stand a box's height off the text, yet apart from it.
    seg = analyse((DATA / "debian-faq-en-excerpt.pdf").read_bytes()).segmentation
    heads = [a.text for a in seg.artifacts if a.kind == "running-header"]
    assert heads == [
        "CHAPTER 1. DEFINITIONS AND OVERVIEW 1.3. OK, NOW I KNOW WHAT DEBIAN IS... …",
        "CHAPTER 1. DEFINITIONS AND OVERVIEW 1.6. HOW DOES THE DEBIAN PROJECT FIT IN …",
        "CHAPTER 2. GETTING AND INSTALLING … 2.3. WHERE/HOW CAN I GET THE DEBIAN …",
        "CHAPTER 3. CHOOSING A DEBIAN … 3.1. WHICH DEBIAN DISTRIBUTION …",
        "CHAPTER 4. COMPATIBILITY ISSUES 4.2. WHAT KERNELS DOES DEBIAN …",
    ]
    assert not [b.text for b in seg.blocks if "CHAPTER" in b.text]
    text = {b.text[:30]: b for b in seg.blocks}
    # The sentence the head interrupted is whole.
    assert text["For Debian, free has the GNUis"].text.endswith(
        "When we speak of free software, we are referring to freedom, not price. Free "
        "software means that you have the freedom to distribute copies of free software, "
        "that you receive source code or can get it if you want it, that you can change the "
        "software or use pieces of it in new free programs; and that you know you can do "
        "these things.")


def test_a_numbered_question_is_a_heading_and_a_plain_sentence_alone_is_not() -> None:
    blocks = _blocks("debian-faq-en-excerpt.pdf")
    roles = {b.text[:40]: b.role for b in blocks}
    assert roles["1.3 OK, now I know what Debian is... wha"] == "heading"
    assert roles["1.5 What is the difference between Debia"] == "heading"
    assert roles["The oldest porting effort is Debian GNU/"] == "body"
    assert roles["Please see Section 6.1 for more informat"] == "body"


def test_a_footnote_under_a_small_gap_between_tall_boxes_is_a_footnote() -> None:
    # Charis SIL's boxes nearly touch across the white over the notes (3.6 pt between
    # them); the baselines stand 18 pt apart, 6 more than the text's pitch. The sentence
    # the note interrupted at the page's foot goes on on the next page, not in the note.
    blocks = _blocks("debian-faq-en-excerpt.pdf")
    (note,) = [b for b in blocks if "Linux Standard Base" in b.text]
    assert note.role == "footnote"
    assert note.text.endswith("and the following discussion for background information.")
    (text,) = [b for b in blocks if "certification costs make it unlikely" in b.text]
    assert text.text.endswith("The certification costs make it unlikely that Debian will get an")


def _text_under(doc: pymupdf.Document, page: pymupdf.Page, top: float, what: str) -> str:
    """Eight lines of running text from ``top`` down that explain the ``what`` drawn above,
    then the text of the document's paragraphs, run together."""
    for k in range(8):
        page.insert_text((72, top + 14 * k), f"Line {k} of the text that explains how the {what}",
                         fontsize=10)
    return " ".join(b.text for b in analyse(doc.tobytes()).segmentation.blocks)


def test_a_palette_s_swatches_are_a_drawing_and_their_names_figure_text() -> None:
    # Four panels of colour swatches, each named above: filled shapes, a few to a panel,
    # with no text in them. A shaded box around text is still no figure.
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    for k, name in enumerate(("dynamic", "harmonic", "cold", "warm")):
        x, y = 142 + 166 * (k % 2), 147 + 110 * (k // 2)
        page.insert_text((x + 60, y - 14), name, fontsize=9)
        for s in range(4):
            page.draw_rect(pymupdf.Rect(x + 38 * s, y, x + 38 * (s + 1), y + 76),
                           color=None, fill=(0.2 * s, 0.5, 0.9 - 0.2 * s))
    page.draw_rect(pymupdf.Rect(72, 400, 520, 460), color=None, fill=(0.9, 0.9, 0.9))
    page.insert_text((80, 420), "R> pal(qualitative_hcl(4))", fontsize=10)
    page.insert_text((80, 440), "R> pal(sequential_hcl(4))", fontsize=10)
    text = _text_under(doc, page, 500, "palettes above were chosen for the figures.")
    assert not [w for w in ("dynamic", "harmonic", "cold", "warm") if w in text]
    assert "R> pal(qualitative_hcl(4))" in text


def test_a_drawing_of_a_few_curves_is_a_figure_and_a_banner_round_a_heading_is_not() -> None:
    # METAPOST's example: one path through z1, z2, z3, labelled at its points. A rounded
    # banner across the page holds a heading of words, which stays text.
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.draw_bezier((144, 150), (180, 150), (200, 120), (216, 78))
    page.draw_line((144, 150), (216, 150))
    for x, y, label in ((139, 161, "z1"), (200, 142, "z2"), (219, 83, "z3")):
        page.insert_text((x, y), label, fontsize=9)
    page.draw_bezier((40, 260), (200, 200), (400, 320), (560, 260))
    page.draw_line((40, 260), (40, 300))
    page.draw_line((560, 260), (560, 300))
    page.insert_text((200, 285), "Teaching of Mathematics", fontsize=12)
    text = _text_under(doc, page, 360, "path above was drawn through its three points.")
    assert not [w for w in ("z1", "z2", "z3") if w in text]
    assert "Teaching of Mathematics" in text


def _pdf_of(lines: list[str]) -> bytes:
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    for k, line in enumerate(lines):
        page.insert_text((72, 72 + 14 * k), line, fontsize=10)
    return doc.tobytes()


def test_letters_a_font_s_ligatures_lost_are_put_back_where_the_document_shows_it() -> None:
    # Minion Pro's "Th" and "ft" ligatures map to "T" and "f" alone (labyrinth's manual).
    lines = ["Te labyrinth package draws simple labyrinths with a few commands.",
             "Very ofen the first section has no vertical lines at all, and afer",
             "that the code is read section by section. Tere are some options.",
             "Te solution path starts at the given point and goes on to the lef",
             "or to the right. Te package also provides an automatic solution.",
             "Te end of the manual lists the commands in alphabetical order, and",
             "afer it the options, which are ofen left at their defaults, the lef",
             "and right steps included."]
    doc = extract_pdf(_pdf_of(lines))
    text = " ".join(ln.text for ln in doc.lines)
    assert text.startswith("The labyrinth package") and "Very often" in text
    assert "There are some options" in text and "to the left" in text
    assert any("ligatures lost letters" in w for w in doc.warnings)
    # Tellurium's symbol, however often, is one word: no kind of repair shows twice.
    chemistry = ["CdTe cells: the Te content of the film was measured after annealing."] * 6
    assert [ln.text for ln in extract_pdf(_pdf_of(chemistry)).lines] == chemistry


def _plot_frame(page: pymupdf.Page, x0: float, y0: float, x1: float, y1: float) -> None:
    """Axes with a curve of segments and tick marks under and left of them, numbered as
    R draws them (the tick labels a line out, the axis titles three)."""
    page.draw_rect(pymupdf.Rect(x0, y0, x1, y1))
    for k in range(12):
        page.draw_line((x0 + 20 * k, y1 - 5 - 4 * k), (x0 + 20 * (k + 1), y1 - 9 - 4 * k))
    for k, value in enumerate(("1000", "2000", "3000", "4000")):
        x = x0 + 30 + 60 * k
        page.draw_line((x, y1), (x, y1 + 4))
        page.insert_text((x - 10, y1 + 16), value, fontsize=8)


def test_an_axis_title_beyond_its_tick_labels_is_figure_text() -> None:
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    _plot_frame(page, 170, 130, 450, 310)
    page.insert_text((295, 356), "income", fontsize=9)  # 35 points under the axes
    page.insert_text((200, 395), "Figure 2: Plot of engel data with quantile lines", fontsize=9)
    text = _text_under(doc, page, 440, "spending grows with income.")
    assert "income Line 0" not in text and not text.startswith("income")
    assert "Figure 2: Plot of engel data with quantile lines" in text


def test_a_grid_with_tick_marks_on_its_sides_is_a_plot_not_a_table() -> None:
    # Two rows of lattice panels ruled as a grid (rules across at 120, 134, 230, 244, 340;
    # down at 170, 300, 430), and the plot's tick marks: short strokes on the panels' sides.
    grid: list[Rules | None] = [(frozenset({y}), frozenset()) for y in (120, 134, 230, 244, 340)]
    grid += [(frozenset(), frozenset({x})) for x in (170, 300, 430)]
    ticks: list[Rules | None] = [(frozenset(), frozenset({190 + 30 * k})) for k in range(10)]
    region = ((170.0, 120.0, 430.0, 344.0), list(range(len(grid) + len(ticks))))
    rules = grid + ticks
    assert ruled_regions([region], rules, [False] * len(grid) + [True] * len(ticks)) == []
    # The same grid without them is where a table may stand.
    assert ruled_regions([(region[0], list(range(len(grid))))], grid, [False] * len(grid)) == [
        region[0]]


def test_a_double_frame_round_a_few_lines_is_no_figure() -> None:
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_font(fontname="F0", fontbuffer=pick_fonts()[0].buffer)
    page.insert_text((276, 230), "Charles Baynham", fontname="F0", fontsize=11)
    for inset in (0, 4):  # each side a rule of its own, as TeX draws a frame
        x0, y0, x1, y1 = 198 + inset, 260 + inset, 445 - inset, 320 - inset
        for a, b in (((x0, y0), (x1, y0)), ((x0, y1), (x1, y1)), ((x0, y0), (x0, y1)),
                     ((x1, y0), (x1, y1))):
            page.draw_line(a, b)
    for k, line in enumerate(("This file is maintained by its author.",
                              "Bug reports can be opened at",
                              "https://github.com/example/globalvals.")):
        page.insert_text((210, 280 + 15 * k), line, fontname="F0", fontsize=9)
    text = _text_under(doc, page, 360, "package declares its variables.")
    assert "Charles Baynham" in text and "This file is maintained by its author." in text


def test_a_listing_s_line_number_alone_stays_in_the_listing() -> None:
    # Every other line numbered in small type in the margin; line 5 of the code is empty.
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    code = ["x_prd = A * x_est;", "p_prd = A * p_est * A' + Q;", "", "S = H * p_prd' * H' + R;",
            "B = H * p_prd';", "", "klm_gain = (S \\ B)';"]
    page.insert_text((72, 90), "The filter below updates its state at every step:", fontsize=10)
    for k, line in enumerate(code, start=1):
        y = 120 + 11 * k
        if k % 2:
            page.insert_text((92, y), str(k + 16), fontsize=5)
        if line:
            page.insert_text((110, y), line, fontname="cour", fontsize=8)
    page.insert_text((72, 230), "Listing 2: Basic Kalman filter in Matlab.", fontsize=10)
    blocks = analyse(doc.tobytes()).segmentation.blocks
    assert not [b.text for b in blocks if b.text.strip().isdigit()]
    (listing,) = [b for b in blocks if b.role == "code"]
    assert listing.text.startswith("17 x_prd") and "klm_gain" in listing.text


def test_a_table_inside_a_sentence_at_a_page_foot_leaves_the_sentence_whole() -> None:
    # elsarticle's Table 1 set where the sentence "… In contrast" breaks off; the caption's
    # second line opens with an address in typewriter type; the sentence goes on in lower
    # case at the next page's top.
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_font(fontname="F0", fontbuffer=pick_fonts()[0].buffer)
    text = ["Armadillo uses a delayed evaluation approach to combine several operations",
            "into one and reduce the need for temporary objects, as its authors explain at",
            "length in the documentation that comes with the library itself. In contrast"]
    for k, line in enumerate(text):
        page.insert_text((72, 100 + 13 * k), line, fontname="F0", fontsize=10)
    rows = [("Armadillo function", "Description"), ("X = A + B", "Add matrices A and B"),
            ("trans(X)", "Return transpose of X"), ("inv(X)", "Returns the inverse of X"),
            ("R = chol(X)", "Cholesky decomposition of X")]
    for k, (name, what) in enumerate(rows):  # the head in roman, the names in typewriter
        page.insert_text((90, 170 + 11 * k), name, fontname="cour" if k else "F0", fontsize=8)
        page.insert_text((250, 170 + 11 * k), what, fontname="F0", fontsize=8)
    page.insert_text((72, 245), "Table 1: Selected Armadillo functions with brief "
                     "descriptions; see", fontname="F0", fontsize=8)
    page.insert_text((72, 255), "http://arma.sf.net/docs.html", fontname="cour", fontsize=8)
    page.insert_text((210, 255), "for more complete documentation.", fontname="F0", fontsize=8)
    page = doc.new_page(width=595, height=842)
    page.insert_font(fontname="F0", fontbuffer=pick_fonts()[0].buffer)
    for k, line in enumerate(["to brute-force evaluations, delayed evaluation can provide",
                              "considerable performance improvements as well as reduced",
                              "memory usage, which the next section measures."]):
        page.insert_text((72, 100 + 13 * k), line, fontname="F0", fontsize=10)
    blocks = analyse(doc.tobytes()).segmentation.blocks
    (sentence,) = [b for b in blocks if "In contrast" in b.text]
    assert "In contrast to brute-force evaluations" in sentence.text
    (caption,) = [b for b in blocks if b.role == "caption"]
    assert caption.text.endswith(
        "see http://arma.sf.net/docs.html for more complete documentation.")
    assert [b.role for b in blocks if "Cholesky" in b.text] == ["table"]


def test_an_address_going_on_under_a_footnote_s_indented_first_line_is_no_code() -> None:
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_font(fontname="F0", fontbuffer=pick_fonts()[0].buffer)
    for k in range(8):
        page.insert_text((72, 100 + 13 * k), f"Line {k} of the text that shows the example of "
                         "a Kalman filter written in Matlab.", fontname="F0", fontsize=10)
    page.insert_text((83, 650), "See", fontname="F0", fontsize=8)
    page.insert_text((100, 650), "http://www.mathworks.com/products/coder/demos.html?file=/products/",
                     fontname="cour", fontsize=8)
    page.insert_text((72, 660), "demos/shipping/coder/coderdemo_kalman_filter.html",
                     fontname="cour", fontsize=8)
    *_, first, rest = extract_pdf(doc.tobytes()).lines
    assert first.text.startswith("See http://") and (rest.kind, first.kind) == (None, None)


def test_a_table_in_one_column_beside_running_text_and_tables_over_two_columns() -> None:
    blocks = _blocks("rcppgsl-intro-excerpt.pdf")
    # Page 1: the left column's text is read whole, the right column's table is one table,
    # its caption and note are the float's, and the sentence goes on over the page break.
    (table,) = [b for b in blocks if b.text.startswith("Package Any gsl header")]
    assert table.role == "table" and "VBmix" in table.text
    assert [b.role for b in blocks if b.text.startswith(("Table 1.", "Note: Data"))] == [
        "caption", "caption"]
    assert any("offers a higher-level interface between R and C++. Rcpp permits R objects"
               in b.text for b in blocks)
    # Page 5: the gutter under the full-width tables is found, so the right
    # column's section heading is no part of the left column's sentence.
    assert not any("available: 5.1." in b.text for b in blocks)


def test_a_pointer_to_a_float_after_a_sentence_ends_it_and_a_centred_heading_opens() -> None:
    from archive.lineshapes import ends_sentence

    assert ends_sentence("it may encroach on the following space. (Figure 3)")
    assert not ends_sentence("as the numbers show (Table 1)")
    # A section's heading centred at the top of a page, after a full line that ends a
    # sentence at the foot of the page before, opens a new paragraph.
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((72, 780), "Line one of the last paragraph of the section, set full to "
                     "the measure", fontsize=10)
    page.insert_text((72, 792), "and its last line ends a sentence right at the edge of the "
                     "column here.", fontsize=10)
    page = doc.new_page(width=595, height=842)
    page.insert_text((250, 80), "3 Implementation", fontsize=10)
    page.insert_text((72, 110), "This section contains the commented source code of this "
                     "package.", fontsize=10)
    texts = [b.text for b in analyse(doc.tobytes()).segmentation.blocks]
    assert "3 Implementation" in texts


def test_a_legend_s_names_between_a_plot_and_its_keys_are_figure_text() -> None:
    # R's legend set outside the axes: the stations' names, then a column of small marks.
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    _plot_frame(page, 160, 130, 408, 282)
    stations = ("Roche's Point", "Valentia", "Rosslare", "Kilkenny", "Shannon")
    for k, name in enumerate(stations):
        page.insert_text((423, 176 + 9 * k), name, fontsize=6)
        page.draw_circle((470, 174 + 9 * k), 1.5)
    text = _text_under(doc, page, 360, "wind speed at the stations was plotted.")
    assert not [name for name in stations if name in text]


def test_notes_in_small_type_between_a_drawing_and_its_caption_are_the_figure_s() -> None:
    # xfig's how-to: a schematic in a dashed frame, its notes (sentences in 5.4 pt) and its
    # title block under the frame, then "Figure 4: …" in the text's size.
    from test_pdf_extract import frag

    region = (101.0, 178.0, 544.0, 404.0)
    notes = [frag("NOTES:", 104, 422, 123, size=5.4),
             frag("Q1 must be on a heat sink, area 3 inches squared", 104, 439, 209, size=5.4),
             frag("Motor Speed Controller", 420, 419, 502, size=8.6)]
    caption = frag("Figure 4: Motor Control Circuit", 244, 512, 371)
    mark_figure_text([*notes, caption], [region])
    assert [f.kind for f in notes] == ["figure"] * 3 and caption.kind is None
    # A line in the text's own size between them: the text goes on under the drawing.
    notes = [frag("NOTES:", 104, 422, 123, size=5.4),
             frag("The circuit drives the motor from a supply of five volts, as said", 104,
                  440, 540)]
    caption = frag("Figure 4: Motor Control Circuit", 244, 512, 371)
    mark_figure_text([*notes, caption], [region])
    assert [f.kind for f in notes] == [None, None]


def test_a_plot_whose_points_are_glyphs_of_a_symbol_font() -> None:
    # R's pdf device draws a plot's points as ZapfDingbats' "●": the kohonen article's
    # map of units, each point numbered beside it. A column of the same glyph opening the
    # items of a list is no plot.
    from test_pdf_extract import frag

    page = (0.0, 0.0, 595.0, 842.0)
    points = [frag("● ● ● ●", 326, 160, 360, size=11.6), frag("● ● ●", 311, 183, 360, size=11.6),
              frag("●", 349, 207, 358, size=11.6), frag("● ●", 316, 233, 356, size=11.6),
              frag("●", 352, 255, 361, size=11.6), frag("● ●", 326, 277, 359, size=11.6)]
    labels = [frag("20 12 8 4", 326, 172, 362, size=6.7), frag("17 14 13 9 5 1", 316, 290, 362,
                                                               size=6.7)]
    text = frag("The RGB codebook vectors are shown in the left plot of Figure 2 here.", 72,
                420, 520)
    frags = [*points, *labels, text]
    regions = glyph_plots(frags, page)
    mark_figure_text(frags, regions)
    assert [f.kind for f in frags] == ["figure"] * 8 + [None]
    bullets = [frag("●", 72, 100 + 14 * k, 78) for k in range(8)]
    items = [frag(f"Item {k} of a list whose bullets are set in a symbol font", 84, 100 + 14 * k,
                  400) for k in range(8)]
    assert glyph_plots(bullets + items, page) == []


def test_a_framed_box_of_sentences_is_text_though_drawn_with_many_paths() -> None:
    # A multivariable calculus course's "Notation" box: a frame of four rules on a tinted
    # background, a title band, a link's border round a symbol, a fraction's bar and the
    # rule over the box's footnote, twelve paths in all. Its sentences, their short last
    # lines and its title are text.
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.draw_rect(pymupdf.Rect(136, 288, 475, 494), color=None, fill=(0.92, 1, 0.93))
    page.draw_rect(pymupdf.Rect(136, 288, 475, 310), color=None, fill=(0.8, 0.95, 0.8))
    for a, b in (((136, 287), (475, 287)), ((136, 494), (475, 494)), ((136, 287), (136, 494)),
                 ((475, 287), (475, 494)), ((146, 453), (218, 453)), ((299, 384), (310, 384))):
        page.draw_line(a, b, width=0.4)
    page.draw_rect(pymupdf.Rect(243, 325, 274, 341), width=0.4)
    page.insert_text((146, 302), "Notation 1", fontsize=10)
    lines = ((320, "We write the partial derivative of a function f at a point p with respect"),
             (334, "to a basis element a of p as its value."),
             (431, "In the interest of completeness, I will note that the book also uses,"),
             (443, "on occasion, the notation D f."))
    for y, line in lines:
        page.insert_text((146, y), line, fontsize=10)
    text = _text_under(doc, page, 560, "notation above is used.")
    assert "Notation 1" in text
    assert "book also uses, on occasion, the notation D f." in text
    assert "with respect to a basis element a of p as its value." in text
    # The same paths round a grid of numbers, four lines down and four across, stay a plot.
    grid = [(186.0 + 57 * k, 470.0, 186.0 + 57 * k, 641.0) for k in range(4)]
    grid += [(186.0, 470.0 + 57 * k, 357.0, 470.0 + 57 * k) for k in range(4)]
    digits = [Text((212.0 + 57 * (k % 3), 495.0 + 57 * (k // 3), 217.0 + 57 * (k % 3),
                    503.0 + 57 * (k // 3)), 1, 0) for k in range(9)]
    assert figure_regions(group_drawings(grid, (0, 0, 595, 842)), grid, None, digits) == [
        (186.0, 470.0, 357.0, 641.0)]


def test_a_sentence_s_last_line_beside_a_drawing_is_the_sentence_s() -> None:
    # A plot shares its box with a paragraph: the paragraph's lines of running text stay
    # text, and so does its short last line under them; a short label is the plot's.
    from test_pdf_extract import frag

    region = (100.0, 100.0, 400.0, 300.0)
    lines = [frag("The fitted values are drawn against the residuals of the model", 110, 200,
                  395),
             frag("in the panel here.", 110, 212.5, 190),
             frag("residuals", 300, 280, 340, size=8)]
    mark_figure_text(lines, [region])
    assert [f.kind for f in lines] == [None, None, "figure"]


def test_lettering_set_along_a_curve_is_one_label() -> None:
    # A users' group's seal (ArsClassica's manual): its name set a glyph at a time round
    # a circle, each turned its own way. One label, not a paragraph a letter.
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    for k in range(8):
        page.insert_text((72, 72 + 14 * k), f"Line {k} of the text over the seal.", fontsize=10)
    name = "GRUPPO UTILIZZATORI"
    for k, ch in enumerate(name):
        angle = math.pi + k * math.pi / len(name)
        x, y = 300 + 50 * math.cos(angle), 400 + 50 * math.sin(angle)
        if ch != " ":
            page.insert_text((x, y), ch, fontsize=9, morph=(
                pymupdf.Point(x, y), pymupdf.Matrix(math.degrees(angle) + 90)))
    text = _text_under(doc, page, 500, "seal above is drawn.")
    blocks = analyse(doc.tobytes()).segmentation.blocks
    assert [b.text for b in blocks if b.role == "figure"] == ["G R U P P O U T I L I Z Z A T O R I"]
    assert not [b for b in blocks if len(b.text) <= 3]
    assert "Line 7 of the text that explains how the seal above is drawn." in text


def test_a_plot_s_title_centred_over_it_is_figure_text() -> None:
    # R's hist(): "Histogram of hedenfalk$p" in larger type, centred two lines over the
    # plot. A heading flush left over a drawing stays text.
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((72, 80), "Results of the first run", fontsize=14)
    _plot_frame(page, 170, 130, 450, 310)
    title = "Histogram of hedenfalk$p"
    width = pymupdf.get_text_length(title, fontsize=14)
    page.insert_text((310 - width / 2, 105), title, fontsize=14)
    sentence = ("The p-values are relatively flat at the right tail of the histogram, which "
                "is what one expects when the true null p-values are distributed uniformly, "
                "and the peak at the left holds the significant ones of the experiment.")
    words = sentence.split(" ")
    for k in range(6):
        page.insert_text((72, 400 + 14 * k), " ".join(words[4 * k:4 * k + 4 + k % 3]),
                         fontsize=10)
    texts = [b.text for b in analyse(doc.tobytes()).segmentation.blocks]
    assert not [t for t in texts if title in t]
    assert texts[0] == "Results of the first run"


def test_labelled_boxes_joined_by_strokes_are_a_diagram() -> None:
    from archive.extract.diagrams import diagram_regions

    page = (0.0, 0.0, 612.0, 792.0)
    line, head, box = Shape(False, False, True), Shape(True, False), Shape(True, False, True)
    # Doxygen's inheritance diagram: a class's box under its base's, an arrow between them.
    boxes = [(230.5, 345.6, 381.5, 361.5), (230.5, 377.5, 381.5, 393.4)]
    arrow = [(306.0, 361.5, 306.0, 369.5), (306.0, 369.5, 306.0, 377.5),
             (304.8, 361.5, 307.2, 364.7)]
    shapes = [line] * 4 + [head]
    labels = [Text((264.0, 349.0, 348.0, 358.0), 1, 18), Text((235.0, 381.0, 377.0, 390.0), 1, 26)]
    assert diagram_regions(boxes + arrow, shapes, labels, page) == [(230.5, 345.6, 381.5, 393.4)]
    # Without the arrowhead: boxed answers of a quiz, a rule beside them.
    assert diagram_regions(boxes + arrow[:2], shapes[:4], labels, page) == []
    # A data flow whose arrows stop short of the boxes (R's Protocol Buffers paper), its
    # boxes filled and stroked as two paths each, on a page-sized frame.
    flow = [(104.0, 141.0, 210.0, 185.0), (229.0, 139.0, 313.0, 181.0),
            (229.0, 139.0, 313.0, 181.0), (326.0, 140.0, 499.0, 185.0),
            (212.0, 121.0, 315.0, 121.0), (315.0, 117.0, 321.0, 124.0),
            (42.0, 47.0, 561.0, 719.0)]
    flow_shapes = [box, box, line, box, line, head, Shape(True, False)]
    words = [Text((110.0, 146.0, 200.0, 155.0), 4, 18), Text((236.0, 154.0, 306.0, 163.0), 2, 15),
             Text((333.0, 145.0, 400.0, 154.0), 2, 13),
             Text((81.0, 258.0, 170.0, 268.0), 3, 14)]  # text under it, no label of it
    assert diagram_regions(flow, flow_shapes, words, page) == [(104.0, 117.0, 499.0, 185.0)]
    # Two framed paragraphs joined by an arrow hold text, no labels; nor are two framed
    # listings.
    prose = [Text((235.0, 349.0 + 32 * k, 377.0, 358.0 + 32 * k), 9, 40) for k in range(2)]
    assert diagram_regions(boxes + arrow, shapes, prose, page) == []
    code = [Text(t.box, 2, 12, True) for t in labels]
    assert diagram_regions(boxes + arrow, shapes, code, page) == []
    # Keys drawn as caps inside a sentence, each with its shadow, are the sentence's.
    caps = [(150.0 + 40 * k, 300.0, 170.0 + 40 * k, 312.0) for k in range(3)]
    shadows = [(151.0 + 40 * k, 301.0, 171.0 + 40 * k, 310.0) for k in range(3)]
    keys = [Text((152.0 + 40 * k, 302.0, 168.0 + 40 * k, 310.0), 1, 4) for k in range(3)]
    sentence = Text((72.0, 300.0, 540.0, 312.0), 14, 60)
    assert diagram_regions(caps + shadows, [line] * 3 + [head] * 3, [*keys, sentence],
                           page) == []
    # Bars filled but not outlined (a calendar's months) are no boxes of a diagram.
    bars = [Shape(True, False)] * 2 + shapes[2:]
    assert diagram_regions(boxes + arrow, bars, labels, page) == []
    # Boxes stacked edge to edge are a table's cells; a box round another is a frame.
    stacked = [(230.5, 345.6, 381.5, 361.5), (230.5, 361.5, 381.5, 377.5), arrow[2]]
    cells = [labels[0], Text((235.0, 365.0, 377.0, 374.0), 1, 26)]
    assert diagram_regions(stacked, [line, line, head], cells, page) == []
    nested = [(220.0, 335.0, 391.0, 400.0), *boxes, *arrow]
    assert diagram_regions(nested, [line, *shapes], labels, page) == []


def test_a_white_background_joins_no_drawing_to_the_text_under_it() -> None:
    # A page painted white first (a frame's background, 85 % of the page), then a plot,
    # then the text: the white shows nothing and holds no text in a figure.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.draw_rect(pymupdf.Rect(42, 47, 561, 719), color=None, fill=(1, 1, 1))
    for k in range(20):
        page.draw_rect(pymupdf.Rect(150 + 14 * k, 220 - 5 * k, 160 + 14 * k, 240),
                       color=(0, 0, 0), fill=(0.5, 0.5, 0.5))
    lines = ["data analysis, are:", "computers or operating systems.", "storage."]
    for k, line in enumerate(lines):
        page.insert_text((81, 300 + 14 * k), line, fontsize=10)
    found = [ln for ln in extract_pdf(doc.tobytes()).lines if ln.text in lines]
    assert [ln.kind for ln in found] == [None, None, None]
