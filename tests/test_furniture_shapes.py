"""Running heads, feet and page numbers of shapes that do not repeat word for word, in small
generated PDFs: alternating heads whose titles change every few pages, labels of a code
listing broken over a page, a footer printed on the first page only, the page numbers of a
table of contents."""

from __future__ import annotations

from collections.abc import Sequence

from pdfgen import Placed, placed_pages, running_text

from archive.clean import clean
from archive.clean.furniture import find_furniture
from archive.clean.placed import by_position
from archive.extract.pdf import extract_pdf
from archive.extract.text import extract_text
from archive.ingest.analyse import analyse
from archive.models import Document, Line, PageInfo

WIDTH, HEIGHT = 420.0, 595.0
LEFT = 50.0
HEAD = 40.0  # baseline of the running heads
FOOT = 565.0  # baseline of the page numbers at the foot
TOP, STEP = 70.0, 13.0  # first body baseline, line step


def _body(lines: Sequence[str], top: float = TOP) -> list[Placed]:
    return [(LEFT, top + k * STEP, text, 10.0, "serif") for k, text in enumerate(lines)]


def _centred_number(n: int) -> Placed:
    return (WIDTH / 2 - 3, FOOT, str(n), 10.0, "serif")


def _texts(data: bytes) -> tuple[list[str], list[tuple[str, str]]]:
    """Paragraph texts and (kind, text) of the artifacts, figure text aside."""
    seg = analyse(data).segmentation
    arts = [(a.kind, a.text) for a in seg.artifacts if a.kind != "figure-text"]
    return [b.text for b in seg.blocks], arts


def _assert_all_kept(blocks: list[str], lines: list[str]) -> None:
    text = " ".join(blocks)
    assert [ln for ln in lines if ln not in text] == []


def _book(heads: dict[int, tuple[str, bool]], pages: int, blank: set[int]) -> tuple[bytes, list]:
    """Pages with a running head each (text, flush right?), the first page a chapter opening
    with its number at the foot; pages in ``blank`` hold nothing but their head."""
    body: list[str] = []
    out: list[list[Placed]] = []
    for n in range(1, pages + 1):
        lines = [] if n in blank else running_text(30, seed=n)
        body += lines
        placed = _body(lines)
        if n in heads:
            text, right = heads[n]
            placed.append((-LEFT if right else LEFT, HEAD, text, 9.0, "italic"))
        else:
            placed.append(_centred_number(n))
        out.append(placed)
    return placed_pages(out, size=(WIDTH, HEIGHT)), body


CHAPTERS = {1: "ОБЩИЕ СВЕДЕНИЯ", 2: "СЦЕНА", 3: "ОБЪЕКТЫ", 4: "ДЕКОРАЦИИ", 5: "ИНВЕНТАРЬ",
            6: "ДИАЛОГИ", 7: "ГРАФИКА"}  # fmt: skip
SECTIONS = ["КАК СОЗДАВАТЬ ИГРУ", "ОСНОВЫ ОТЛАДКИ", "ПЕРЕМЕННЫЕ ОБЪЕКТА", "ЛОКАЛЬНЫЕ ПЕРЕМЕННЫЕ",
            "МЕТОДЫ", "ПОДСТАНОВКИ", "ТАЙМЕР", "МЕНЮ", "ФРАЗЫ", "ТЕГИ"]  # fmt: skip


def _alternating(chapter_of_page) -> dict[int, tuple[str, bool]]:
    """Chapter on even pages ("12 ГЛАВА 3. ОБЪЕКТЫ"), the section on odd ones, each time a
    different one ("3.2. МЕНЮ 13"), from page 2 on."""
    heads: dict[int, tuple[str, bool]] = {}
    for n in range(2, 15):
        c = chapter_of_page(n)
        if n % 2 == 0:
            heads[n] = (f"{n} ГЛАВА {c}. {CHAPTERS[c]}", False)
        else:
            heads[n] = (f"{c}.{n // 2}. {SECTIONS[n // 2 % len(SECTIONS)]} {n}", True)
    return heads


def test_alternating_heads_with_titles_that_change_every_few_pages() -> None:
    # Chapter 1 runs over pages 1-6, so its head recurs; later chapters last two pages, and
    # page 10 is left empty but for its head, as before a new chapter.
    heads = _alternating(lambda n: 1 if n <= 6 else (n - 3) // 2)
    data, body = _book(heads, 14, blank={10})
    blocks, arts = _texts(data)
    assert sorted(text for _, text in arts) == sorted(["1", *(h for h, _ in heads.values())])
    assert not [b for b in blocks if "ГЛАВА" in b or any(s in b for s in SECTIONS)]
    _assert_all_kept(blocks, body)


def test_alternating_heads_that_never_repeat_are_found_by_their_page_numbers() -> None:
    # Every head is different: the number counting the pages, on one row, tells them.
    heads = _alternating(lambda n: (n + 1) // 2)
    data, body = _book(heads, 14, blank=set())
    blocks, arts = _texts(data)
    assert sorted(text for _, text in arts) == sorted(["1", *(h for h, _ in heads.values())])
    _assert_all_kept(blocks, body)
    cleaned = clean(extract_pdf(data))
    assert {c.printed_page - c.page for c in cleaned.lines} == {0}


CODE = ["room {", "    nam = 'street';", "    obj = { 'tree' };", "    dsc = [[A street.]];",
        "}", "obj {", "    tag = '#flowers';", "}"]  # fmt: skip


def _code(lines: Sequence[str], top: float) -> list[Placed]:
    return [(LEFT, top + k * 11.0, text, 9.0, "mono") for k, text in enumerate(lines)]


def _broken_listing(n: int) -> tuple[list[list[Placed]], list[str]]:
    """Two pages over which a code listing breaks, with labels at the break, and a footnote
    in the same small size at the foot of the second page's text."""
    before, after = running_text(28, seed=10 * n), running_text(20, seed=10 * n + 1)
    first = _body(before) + _code(CODE[:4], TOP + 28 * STEP + 4)
    first.append((-LEFT, TOP + 28 * STEP + 4 * 11.0 + 8, "(continues on next page)", 7.0,
                  "serif"))
    second = [(-LEFT, TOP - 4, "(continued from previous page)", 7.0, "serif")]
    second += _code(CODE[4:], TOP + 8) + _body(after, TOP + 8 + 4 * 11.0 + 16)
    second.append((LEFT, TOP + 8 + 4 * 11.0 + 16 + 20 * STEP + 6, "1 Примечание переводчика.",
                   7.0, "serif"))
    return [[*first, _centred_number(2 * n - 1)], [*second, _centred_number(2 * n)]], (
        before + after)


def test_labels_of_a_code_listing_broken_over_pages() -> None:
    pages, body = _broken_listing(1)
    more, body2 = _broken_listing(2)
    blocks, arts = _texts(placed_pages(pages + more, size=(WIDTH, HEIGHT)))
    labels = [text for kind, text in arts if kind == "continuation"]
    assert labels == ["(continues on next page)", "(continued from previous page)"] * 2
    assert not [b for b in blocks if "continue" in b]
    # The code keeps its lines; the footnote, small like the labels but beside prose and
    # set flush left, is text.
    code = "\n".join(b for b in blocks if "room {" in b or "tag = " in b)
    assert all(line.strip() in code for line in CODE)
    assert sum("Примечание переводчика" in b for b in blocks) == 2
    _assert_all_kept(blocks, body + body2)


def test_a_label_read_as_code_is_a_label_where_the_others_are() -> None:
    # A listing's frame makes its label look like one of its lines: the words that label
    # the other breaks, where they stand, say what it is.
    pages: list[list[Placed]] = []
    body: list[str] = []
    for n in (1, 2, 3):
        more, text = _broken_listing(n)
        pages += more
        body += text
    first = pages[4]
    at = next(k for k, p in enumerate(first) if p[2] == "(continues on next page)")
    x, y, text, size, _ = first[at]
    first[at] = (x, y, text, size, "mono")
    blocks, arts = _texts(placed_pages(pages, size=(WIDTH, HEIGHT)))
    labels = [text for kind, text in arts if kind == "continuation"]
    assert labels == ["(continues on next page)", "(continued from previous page)"] * 3
    assert not [b for b in blocks if "continue" in b]


def test_labels_of_the_one_listing_broken_over_a_page() -> None:
    # Ubuntu's packaging guide breaks one listing in fifty pages: each label shows once, and
    # the pair, under the listing and over its rest, tells them.
    pages, body = _broken_listing(1)
    pages += [[*_body(running_text(34, seed=n)), _centred_number(n)] for n in (3, 4)]
    blocks, arts = _texts(placed_pages(pages, size=(WIDTH, HEIGHT)))
    labels = [text for kind, text in arts if kind == "continuation"]
    assert labels == ["(continues on next page)", "(continued from previous page)"]
    assert not [b for b in blocks if "continue" in b]
    _assert_all_kept(blocks, body + [ln for n in (3, 4) for ln in running_text(34, seed=n)])


def test_a_footer_printed_on_the_first_page_only() -> None:
    pages = [[*_body(running_text(34, seed=n)), _centred_number(n)] for n in range(1, 5)]
    pages[0][-1] = (LEFT, FOOT, "Preprint submitted to Example Press", 8.0, "serif")
    pages[0].append((-LEFT, FOOT, "June 8, 2018", 8.0, "serif"))
    blocks, arts = _texts(placed_pages(pages, size=(WIDTH, HEIGHT)))
    # One row: the two parts may come out as one line or two.
    feet = " ".join(text for kind, text in arts if kind == "running-footer")
    assert feet == "Preprint submitted to Example Press June 8, 2018"
    assert not [b for b in blocks if "Preprint" in b or "2018" in b]
    _assert_all_kept(blocks, [ln for n in range(1, 5) for ln in running_text(34, seed=n)])


TOC = [("1 Introduction", 2, None), ("1.1 Changelog", 2, "."), ("2 Overview", 2, None),
       ("3 Terminology", 3, None), ("4 Interpreting the Results", 4, None),
       ("4.1 Margins and Paper Size", 4, "."), ("4.2 Line Widths", 5, "."),
       ("4.3 Fonts", 6, "."), ("4.4 Font Hinting Test", 7, "."), ("4.5 The Ligature Test", 8, "."),
       ("4.6 The Minus Sign Test", 9, "."), ("5 Application Versions", 10, None),
       ("5.1 Acrobat Reader", 10, "."), ("5.2 Dvips", 11, "."), ("5.3 Ghostscript", 12, ".")]


def _contents_page() -> list[Placed]:
    """Entries flush left (sections indented, with dot leaders), numbers flush right."""
    placed: list[Placed] = [(LEFT, TOP, "Contents", 14.0, "bold")]
    y = TOP + 30
    for title, page, leader in TOC:
        chapter = leader is None
        x = LEFT if chapter else LEFT + 15
        font = "bold" if chapter else "serif"
        placed.append((x, y, title, 10.0, font))
        if leader:
            placed.append((LEFT + 175, y, " ".join("." * 20), 10.0, "serif"))
        placed.append((-LEFT, y, str(page), 10.0, font))
        y += 22 if chapter else 13
    return placed


def test_a_table_of_contents_is_kept_whole_out_of_the_text() -> None:
    # Its entries, each with its page number, are artifacts: as text they would run on as
    # one paragraph ("1 Introduction 2 1.1 Changelog . . . 2 …") with nothing to cite. The
    # heading stays, and the body after it is untouched.
    pages = [_contents_page()] + [
        [*_body(running_text(34, seed=n)), _centred_number(n)] for n in range(2, 6)
    ]
    blocks, arts = _texts(placed_pages(pages, size=(WIDTH, HEIGHT)))
    assert not [b for b in blocks if b.strip().isdigit()]
    entries = [text for kind, text in arts if kind == "contents"]
    assert len(entries) == len(TOC)
    assert entries[0] == "1 Introduction 2" and entries[-1].startswith("5.3 Ghostscript")
    assert entries[-1].endswith("12")
    assert blocks[0].startswith("Contents ")  # the body (lower-case word lines) goes on
    assert not [b for b in blocks if "Introduction" in b or "Ghostscript" in b]
    assert sorted(text for kind, text in arts if kind == "page-number") == ["2", "3", "4", "5"]
    _assert_all_kept(blocks, [ln for n in range(2, 6) for ln in running_text(34, seed=n)])


def test_a_named_contents_list_whose_numbers_follow_its_titles_is_kept_out() -> None:
    # A style that sets each page number right after its title: no leaders, no right edge.
    placed: list[Placed] = [(LEFT, TOP, "contents", 12.0, "serif")]
    placed += [(LEFT + (0 if leader is None else 15), TOP + 20 + 13 * k, f"{title} {page}", 10.0,
                "serif") for k, (title, page, leader) in enumerate(TOC)]
    pages = [placed] + [[*_body(running_text(34, seed=n)), _centred_number(n)]
                        for n in range(2, 4)]
    blocks, arts = _texts(placed_pages(pages, size=(WIDTH, HEIGHT)))
    assert len([text for kind, text in arts if kind == "contents"]) == len(TOC)
    assert not [b for b in blocks if "Introduction" in b or "Ghostscript" in b]


def test_a_contents_list_whose_leaders_overprint_the_titles_is_kept_out() -> None:
    # groff's mom sets each title padded with spaces to the right margin, then the dot
    # leaders and the number from where the title's words end: two lines on one row.
    placed: list[Placed] = [(LEFT, TOP, "Contents", 14.0, "bold")]
    for k, (title, page, _) in enumerate(TOC):
        y = TOP + 30 + 15 * k
        placed.append((LEFT, y, title + " " * 90, 10.0, "serif"))
        leaders = " ".join("." * (40 - len(title)))
        placed.append((LEFT + 6 * len(title) + 10, y, f"{leaders}{page}", 10.0, "serif"))
    pages = [placed] + [[*_body(running_text(34, seed=n)), _centred_number(n)]
                        for n in range(2, 4)]
    blocks, arts = _texts(placed_pages(pages, size=(WIDTH, HEIGHT)))
    entries = [text for kind, text in arts if kind == "contents"]
    assert len(entries) == 2 * len(TOC)
    assert not [b for b in blocks if "Introduction" in b or ". . ." in b]


def test_lines_that_all_look_like_heads_are_kept_with_a_warning() -> None:
    # Every page holds one line on one row, numbered like a running head: the evidence
    # cannot be right for the whole document, so nothing is taken and the file says why.
    pages = [[(LEFT, HEAD, f"{n} {SECTIONS[n]}", 9.0, "serif")] for n in range(1, 6)]
    a = analyse(placed_pages(pages, size=(WIDTH, HEIGHT)))
    _assert_all_kept([b.text for b in a.segmentation.blocks],
                     [f"{n} {SECTIONS[n]}" for n in range(1, 6)])
    assert any("running header" in w for w in a.warnings)


def test_numbered_titles_opening_every_page_are_headings_not_heads() -> None:
    # One short chapter a page, its number counting the pages, on one row set apart from
    # the text: larger than the running text, so a title, not a running head.
    pages = [
        [(LEFT, HEAD + 10, f"{n} {SECTIONS[n].title()}", 14.0, "bold"),
         *_body(running_text(30, seed=n), top=TOP + 20)]
        for n in range(1, 6)
    ]  # fmt: skip
    blocks, arts = _texts(placed_pages(pages, size=(WIDTH, HEIGHT)))
    assert arts == []
    _assert_all_kept(blocks, [f"{n} {SECTIONS[n].title()}" for n in range(1, 6)])


def test_small_captions_under_code_at_page_feet_are_text() -> None:
    # Numbered captions of listings differ by their numbers: no label repeats.
    pages = []
    for n in (1, 2, 3):
        placed = _body(running_text(28, seed=n)) + _code(CODE[:4], TOP + 28 * STEP + 4)
        placed.append((LEFT, TOP + 28 * STEP + 4 * 11.0 + 8, f"Листинг {n}", 7.0, "serif"))
        pages.append([*placed, _centred_number(n)])
    blocks, arts = _texts(placed_pages(pages, size=(WIDTH, HEIGHT)))
    assert [kind for kind, _ in arts] == ["page-number"] * 3
    _assert_all_kept(blocks, ["Листинг 1", "Листинг 2", "Листинг 3"])


def _records_page(n: int) -> list[Placed]:
    """A page of bibliography records in a typewriter font: the last record of the page
    before goes on with its closing brace at the top, and every page ends inside a record
    with the same field at the same height."""
    placed: list[Placed] = [(LEFT, TOP, "}", 9.0, "mono")]
    y = TOP + 22
    for k in range(3):
        record = [f"@Book{{key{n}{k},", f"  author = {{Author {n}{k}}},", "  year = 1994,",
                  "  langid = {russian},", "}"]  # fmt: skip
        for text in record[: 4 if k == 2 else 5]:
            placed.append((LEFT, y, text, 9.0, "mono"))
            y += 11
        y += 11
    placed += _body(running_text(12, seed=n), top=y + 10)
    placed.append((LEFT, HEIGHT - 60, "  langid = {russian},", 9.0, "mono"))
    return [*placed, _centred_number(n)]


def test_lines_of_code_at_page_edges_are_text() -> None:
    blocks, arts = _texts(placed_pages([_records_page(n) for n in range(1, 6)],
                                       size=(WIDTH, HEIGHT)))
    assert [kind for kind, _ in arts] == ["page-number"] * 5
    assert sum(b.count("langid = {russian},") for b in blocks) == 5 * 4


def test_a_short_line_said_twice_in_a_text_file_is_text() -> None:
    text = "\n\n".join([
        "Сначала обновите список пакетов командой", "aptitude update", "а затем",
        "aptitude full-upgrade", "^[2]", *(f"Абзац номер {k} о пакетах Debian." for k in range(8)),
        "Или то же самое другой программой:", "apt-get update", "а затем", "apt-get dist-upgrade",
        "^[4]", "Конец.",
    ])  # fmt: skip
    assert find_furniture(extract_text(text.encode("utf-8"))) == []


def test_a_running_head_of_two_lines_is_a_head() -> None:
    # A version stamp set over two lines at the top of every page, the second in
    # typewriter type, far above the text.
    pages: list[list[Placed]] = []
    body: list[str] = []
    for n in range(1, 5):
        lines = running_text(26, seed=40 + n)
        body += lines
        pages.append([(LEFT, 20, "On branch: main", 9.0, "serif"),
                      (LEFT, 31, "Commit: b87c4497e537efea30a0ab6a03107325b580e3ac", 8.0, "mono"),
                      *_body(lines, top=TOP + 30), _centred_number(n)])
    blocks, arts = _texts(placed_pages(pages, size=(WIDTH, HEIGHT)))
    assert not [b for b in blocks if "Commit" in b or "branch" in b]
    assert sum(text.startswith("Commit:") for _, text in arts) == 4
    _assert_all_kept(blocks, body)


def test_book_heads_on_even_pages_counting_the_pages_and_chapter_openings() -> None:
    # LaTeX's book headings: "6 CHAPTER 3. YET ANOTHER CHAPTER" on even pages, a chapter
    # opening on each odd page with "Chapter N" in display type at the same height and the
    # page number at its foot; page 4 is empty but for its head.
    pages: list[list[Placed]] = []
    body: list[str] = []
    titles = {1: "The First Chapter", 3: "Another Chapter", 5: "Yet Another Chapter"}
    for n in range(1, 7):
        if n % 2:
            chapter = (n + 1) // 2
            lines = running_text(18, seed=60 + n)
            pages.append([(LEFT, 110, f"Chapter {chapter}", 20.0, "bold"),
                          (LEFT, 140, titles[n], 24.0, "bold"),
                          *_body(lines, top=190), _centred_number(n)])
        else:
            chapter = n // 2
            lines = [] if n == 4 else running_text(30, seed=60 + n)
            head = f"{n} CHAPTER {chapter}. {titles[n - 1].upper()}"
            pages.append([(LEFT, HEAD, head, 10.0, "serif"), *_body(lines)])
        body += lines
    blocks, _ = _texts(placed_pages(pages, size=(WIDTH, HEIGHT)))
    assert not [b for b in blocks if "CHAPTER" in b]
    # The label over the title in display type makes one heading with it.
    assert [b for b in blocks if b.startswith("Chapter ")] == [
        "Chapter 1 The First Chapter", "Chapter 2 Another Chapter", "Chapter 3 Yet Another Chapter"]
    _assert_all_kept(blocks, body)


def test_a_first_page_head_that_repeats_the_other_pages_foot_line() -> None:
    # A journal's citation line: in the head of page 1 (with the preprint's date and the
    # class beside it, far apart), at the foot of every other page.
    pages: list[list[Placed]] = []
    body: list[str] = []
    for n in range(1, 6):
        lines = running_text(28, seed=80 + n)
        body += lines
        page: list[Placed] = [*_body(lines)]
        if n == 1:
            page += [(LEFT, HEAD, "MNRAS 000, 1–10 (2020)", 8.0, "serif"),
                     (LEFT + 120, HEAD, "Preprint 27 June 2020", 8.0, "serif"),
                     (LEFT + 220, HEAD, "Compiled using MNRAS style v3.0", 8.0, "serif")]
        else:
            page += [(LEFT, HEAD, f"{n} K. T. Smith et al.", 9.0, "serif"),
                     (LEFT, FOOT, "MNRAS 000, 1–10 (2020)", 8.0, "serif")]
        pages.append(page)
    blocks, _ = _texts(placed_pages(pages, size=(WIDTH, HEIGHT)))
    assert not [b for b in blocks if "MNRAS" in b or "Preprint" in b]
    _assert_all_kept(blocks, body)


def test_a_title_the_odd_pages_repeat_as_their_head_in_smaller_type_stays() -> None:
    # A journal article's title on its first page, where no head is printed, set at the
    # height of the heads that repeat it in text type on the odd pages.
    title = "A guide to METAPOST graphics"
    pages: list[list[Placed]] = []
    body: list[str] = []
    for n in range(1, 7):
        lines = running_text(26 if n > 1 else 22, seed=80 + n)
        body += lines
        top: list[Placed] = (
            [(LEFT, HEAD, title, 14.0, "serif"), (LEFT, HEAD + 24, "Troy Henderson", 12.0,
                                                  "serif")] if n == 1
            else [(-LEFT, HEAD, title, 9.0, "serif")] if n % 2
            else [(LEFT, HEAD, "Troy Henderson", 9.0, "serif")]
        )
        pages.append([*top, *_body(lines, top=TOP + (40 if n == 1 else 0)), _centred_number(n)])
    blocks, arts = _texts(placed_pages(pages, size=(WIDTH, HEIGHT)))
    assert blocks[0] == title
    assert sum(text == title for _, text in arts) == 2  # pages 3 and 5
    _assert_all_kept(blocks, body)


def test_a_label_said_before_each_example_in_a_text_file_is_text() -> None:
    # "On Debian:" alone between blank lines before each command: it announces the
    # command, however often it recurs.
    parts = []
    for k in range(4):
        parts += [f"Step {k + 1} of the setup is described here in a sentence or two of text.",
                  "It says what the step does and why, before the commands that do it.",
                  "    $ ./configure\n    $ make install", "  On Debian:",
                  f"    $ apt-get install package-{k}"]
    text = "\n\n".join(parts)
    assert find_furniture(extract_text(text.encode("utf-8"))) == []
    # Numbered headings whose numbers alone differ, and a reStructuredText directive.
    parts = []
    for k, name in enumerate(("hello", "world", "apache", "nginx")):
        parts += [f"5.{14 + k}.1. Основы", "Пакет собирается так же, как и любой другой пакет.",
                  "Сначала нужно подготовить исходный код и описание пакета для сборки.",
                  ".. code-block:: sh", f"    apt-get source {name}"]
    text = "\n\n".join(parts)
    assert find_furniture(extract_text(text.encode("utf-8"))) == []



def test_a_head_in_pieces_on_most_pages_and_in_a_row_of_cells_on_the_last() -> None:
    # A worksheet's head: the class, the sheet's name and its kind far apart on each page;
    # the solutions' page ends it with another word. The extractor gave the pieces as lines
    # of their own on most pages, as one row of cells on the last, which repeats nowhere
    # whole and which no row of furniture takes (cells are no running line).
    lines: list[Line] = []
    for n in range(1, 7):
        if n < 6:
            lines += [Line("Informatik 9g", n, 74, 35, 148, 47, 12.0),
                      Line("Ein Arbeitsblatt", n, 252, 35, 336, 47, 12.0),
                      Line("Arbeitsblatt", n, 455, 35, 517, 47, 12.0)]
        else:
            lines.append(Line("Informatik 9g Ein Arbeitsblatt Lösung", n, 74, 35, 517, 47,
                              12.0, kind="cells"))
        lines += [Line(text, n, 74, 100 + 14 * k, 520, 112 + 14 * k, 12.0)
                  for k, text in enumerate(running_text(30, seed=140 + n))]
    pages = tuple(PageInfo(n, 595.0, 842.0, 69.0, 695.0) for n in range(1, 7))
    found = {f.index for f in by_position(Document("application/pdf", "t", tuple(lines), pages))}
    heads = {i for i, ln in enumerate(lines) if ln.y0 == 35}
    assert heads <= found and not found - heads


def test_heads_naming_each_page_s_section_in_a_three_page_article() -> None:
    # An R News article: three pages, each head the name of a section in capitals, on the
    # left or the right; no head repeats, and a row needs other pages to say what it is.
    heads = {1: [(LEFT + 180, "WORKING WITH UNKNOWN VALUES")],
             2: [(LEFT, "DESCRIPTION WITH EXAMPLES"), (LEFT + 180, "WORKING WITH UNKNOWN VALUES")],
             3: [(LEFT, "SUMMARY"), (LEFT + 250, "BIBLIOGRAPHY")]}
    pages: list[list[Placed]] = []
    body: list[str] = []
    for n in range(1, 4):
        lines = running_text(28, seed=160 + n)
        body += lines
        pages.append([*_body(lines), _centred_number(n),
                      *[(x, HEAD, text, 9.0, "serif") for x, text in heads[n]]])
    blocks, _ = _texts(placed_pages(pages, size=(WIDTH, HEIGHT)))
    assert not [b for b in blocks if any(w in b for w in ("WORKING", "SUMMARY", "BIBLIO"))]
    _assert_all_kept(blocks, body)


def test_a_page_number_above_a_full_page_figure_s_caption_is_the_page_number() -> None:
    # xfig's how-to: the page's frame reaches down to the page numbers; a figure fills
    # page 3, its caption set under the page number, so that the number is no longer the
    # page's last line. It stands where every other page's number stands.
    lines: list[Line] = []
    for n in range(1, 6):
        lines += [Line(text, n, 72, 74 + 14 * k, 540, 84 + 14 * k, 10.0)
                  for k, text in enumerate(running_text(38, seed=180 + n))]
        lines.append(Line(str(n), n, 303, 645, 308 if n < 10 else 313, 655, 10.0))
        if n == 3:
            lines.append(Line("Figure 3: Schematic Symbols", n, 249, 687, 367, 697, 10.0))
    pages = tuple(PageInfo(n, 612.0, 792.0, 73.8, 655.1) for n in range(1, 6))
    found = {f.index: f.kind for f in by_position(
        Document("application/pdf", "t", tuple(lines), pages))}
    numbers = {i for i, ln in enumerate(lines) if ln.text.isdigit()}
    assert {found.get(i) for i in numbers} == {"page-number"}
    assert not set(found) - numbers


def test_page_numbers_of_a_manual_whose_drawings_hold_many_tiny_labels() -> None:
    # hvextern: pictures of calendars on many pages, hundreds of labels in 2 pt type that
    # outnumber the text's lines. Display type is measured on the running text, so the
    # page numbers, in the text's size, are no headings in display type.
    lines: list[Line] = []
    for n in range(1, 6):
        lines += [Line(text, n, 100, 88 + 12 * k, 500, 98 + 12 * k, 10.0)
                  for k, text in enumerate(running_text(20, seed=200 + n))]
        lines += [Line(str(d), n, 150 + 8 * (d % 7), 400 + 3 * (d // 7), 152 + 8 * (d % 7),
                       402 + 3 * (d // 7), 2.0, kind="figure") for d in range(1, 32)]
        lines += [Line(str(d), n, 150 + 8 * (d % 7), 500 + 3 * (d // 7), 152 + 8 * (d % 7),
                       502 + 3 * (d // 7), 2.0, kind="figure") for d in range(1, 32)]
        lines.append(Line(str(n), n, 269 if n % 2 else 320, 743, 276 if n % 2 else 327, 754,
                          10.0))
    pages = tuple(PageInfo(n, 595.3, 841.9, 88.0, 730.1) for n in range(1, 6))
    found = {f.index: f.kind for f in by_position(
        Document("application/pdf", "t", tuple(lines), pages))}
    numbers = [i for i, ln in enumerate(lines) if ln.y0 == 743]
    assert [found.get(i) for i in numbers] == ["page-number"] * 5


def test_a_page_number_beside_margin_names_in_an_implementation_set_mostly_in_code() -> None:
    # gtl's implementation (l3doc): nearly all the text is code in 9 pt; the names of the
    # functions stand in the left margin, one of them lower than the page number in 10 pt,
    # which is then not the page's last row.
    lines: list[Line] = []
    for n in range(1, 6):
        lines += [Line(f"\\cs_new:Npn \\gtl_{k}:N #1 {{ \\exp_after:wN \\__gtl_{k}:w #1 }}", n,
                       147, 88 + 11 * k, 520, 97 + 11 * k, 9.0, kind="code") for k in range(56)]
        lines.append(Line(str(n), n, 332, 743, 342, 753, 10.0))
        lines.append(Line("\\__gtl_to_str_endii:nnw", n, 27, 749 if n == 3 else 700, 140,
                          758 if n == 3 else 709, 9.0, kind="code"))
    pages = tuple(PageInfo(n, 595.3, 841.9, 88.0, 767.3) for n in range(1, 6))
    found = {f.index: f.kind for f in by_position(
        Document("application/pdf", "t", tuple(lines), pages))}
    numbers = [i for i, ln in enumerate(lines) if ln.text.isdigit()]
    assert [found.get(i) for i in numbers] == ["page-number"] * 5


def test_a_two_row_head_whose_last_words_change_with_the_part() -> None:
    # An exam's head over two rows, set as close to the text as its lines are to one
    # another: its first words stay, its last name the part (the paper, the solutions, the
    # marking scheme), two pages each.
    parts = ["Klausur Nr. 2", "Lösung", "Erwartungshorizont"]
    pages, body = [], []
    for n in range(1, 7):
        lines = running_text(28, seed=n)
        body += lines
        head = f"Informatik GK EF Objektorientierte Modellierung {parts[(n - 1) // 2]}"
        pages.append([(LEFT, 44.0, head, 10.0, "serif"), (LEFT, 57.0, "Name:", 10.0, "serif"),
                      *_body(lines)])
    blocks, artifacts = _texts(placed_pages(pages, size=(WIDTH, HEIGHT)))
    assert not [b for b in blocks if "Informatik" in b]
    assert sum("Informatik" in text for _, text in artifacts) == 6
    _assert_all_kept(blocks, body)


def test_captions_of_figures_at_the_feet_of_pages_are_text() -> None:
    # A book's screenshots each fill a page's foot, their captions in the foot's band:
    # "Figure 2.1: …", "Figure 2.2: …" open alike, and share the band with a page number.
    captions = {2: "Figure 2.1: Maxima-mode", 4: "Figure 2.2: Enhanced Terminal Mode",
                5: "Figure 2.3: An Emaxima Session", 7: "Figure 2.4: TeXmacs with a Session"}
    for numbered in (False, True):
        lines: list[Line] = []
        for n in range(1, 9):
            lines.append(Line(f"CHAPTER 2. AVAILABLE INTERFACES {n}", n, 72, 44, 540, 56, 10.0))
            body = running_text(12 if n in captions else 40, seed=300 + n)
            lines += [Line(text, n, 72, 74 + 14 * k, 540, 84 + 14 * k, 10.0)
                      for k, text in enumerate(body)]
            if n in captions:
                lines.append(Line(captions[n], n, 250, 722, 360, 734, 10.0))
            if numbered:
                lines.append(Line(str(n), n, 303, 760, 308, 770, 10.0))
        pages = tuple(PageInfo(n, 612.0, 792.0) for n in range(1, 9))
        found = {lines[f.index].text for f in by_position(
            Document("application/pdf", "t", tuple(lines), pages))}
        assert not found & set(captions.values()), numbered
        assert f"CHAPTER 2. AVAILABLE INTERFACES {3}" in found


def test_a_title_the_feet_repeat_stays_the_title() -> None:
    # A word processor's short guide: its title over the text of page 1, set larger than the
    # text, and a foot on every page opening with the same words. The foot is furniture; the
    # title, whose words the foot shares, is not (a journal's small citation line is).
    title = "Font Features for Padauk"
    pages: list[list[Placed]] = []
    for n in range(1, 5):
        page: list[Placed] = [(LEFT, FOOT, f"{title} 5.0 17 June 2021 Page {n}", 8.0, "serif")]
        top = TOP
        if n == 1:  # larger than the text, not yet display type
            page.append((LEFT, HEAD, title, 12.5, "bold"))
        text = running_text(30, seed=n)
        page += _body([text[0].capitalize(), *text[1:]], top)
        pages.append(page)
    blocks, arts = _texts(placed_pages(pages, size=(WIDTH, HEIGHT)))
    assert blocks[0] == title
    assert [text for _, text in arts] == [f"{title} 5.0 17 June 2021 Page {n}" for n in range(1, 5)]
