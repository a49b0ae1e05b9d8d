"""The cleaner: running headers/footers, printed pages, hyphenation repair."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from archive.clean import Vocabulary, clean, join_lines, keep_hyphen, mend_spaced_breaks
from archive.clean.furniture import find_furniture, read_page_number
from archive.extract.text import extract_text
from archive.models import Document, Line, PageInfo
from archive.segment import segment

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
ARTICLE = SEEDS / "000_d613d50ca8d86847.txt"


@pytest.mark.parametrize(
    ("text", "page"),
    [
        ("Кұқық және мемлекет, № 4 (105), 202436", 36),  # page glued to the year
        ("Право и государство, № 4 (105), 2024 39", 39),
        ("ISSN 1563-0366 Вестник КазНУ. Серия юридическая. №2 (98). 2021 45", 45),
        ("45", 45),
        ("— 12 —", 12),
        ("36 Кұқық және мемлекет, № 4 (105), 2024", 36),
        ("Вестник КазНУ. Серия юридическая. №2 (98). 2021", None),  # a year is not a page
        ("МЕЖДУНАРОДНОЕ ПРАВО", None),
        ("Руководство начинающего разработчика Debian 26 / 63", 26),  # page of a count
        ("Page 3 of 10", 3),
        ("2 von 5", 2),  # "von", "sur", "de", "z": a page of a count in other languages
        ("Page 4 sur 12", 4),
        ("January 11, 2022 1–6", None),  # a range of pages is no page
        ("preliminary draft, December 30, 2006 9:24", None),  # a time of day is no page
    ],
)
def test_read_page_number(text: str, page: int | None) -> None:
    assert read_page_number(text) == page


def test_seed_furniture_removed_and_kept_as_artifacts() -> None:
    cleaned = clean(extract_text(ARTICLE.read_bytes()))
    found = [(a.kind, a.text, a.printed_page) for a in cleaned.artifacts]
    assert found == [
        ("running-header", "МЕЖДУНАРОДНОЕ ПРАВО", None),
        ("running-footer", "Кұқық және мемлекет, № 4 (105), 202436", 36),
        ("running-header", "МЕЖДУНАРОДНОЕ ПРАВО", None),
        ("running-footer", "Кұқық және мемлекет, № 4 (105), 202438", 38),
        (
            "running-header",
            "Қалила А.Т. БҰҰ бітімгершілік миссияларында Қазақстан Республикасы қарулы күштер...",
            None,
        ),
        ("running-footer", "Право и государство, № 4 (105), 2024 39", 39),
    ]
    kept = {c.text for c in cleaned.lines}
    assert not kept & {a.text for a in cleaned.artifacts}
    # The title in capitals next to the first footer is not furniture.
    assert "КОНТИНГЕНТІН ҚОЛДАНУДЫҢ ҚҰҚЫҚТЫҚ АСПЕКТІЛЕРІ" in kept
    # A rubric sits on the page of the footer beside it.
    assert cleaned.artifacts[0].page == cleaned.artifacts[1].page


def test_seed_pages_inferred_from_footers() -> None:
    cleaned = clean(extract_text(ARTICLE.read_bytes()))
    by_text = {c.text: c.printed_page for c in cleaned.lines}
    assert by_text["Кіріспе"] == 35  # before the first footer: the page before it
    assert (
        by_text[
            "– барлық мемлекеттердің әскери күш қолданудан немесе қолданамын деп қорқытудан"
            " өзара бас"
        ]
        == 36
    )
    pages = [c.printed_page for c in cleaned.lines]
    assert pages == sorted(pages)
    assert set(pages) >= {35, 36, 37, 38, 39}
    # The line right after the footer of page 38 is on page 38.
    after = next(c for c in cleaned.lines if c.text.startswith("халықаралық гуманитарлық құқық"))
    assert after.printed_page == 38 and after.after_cut


def _wrapped_page(body: list[str], footer: str) -> list[str]:
    return [*body, "", footer, ""]


def test_other_journal_shapes_in_a_text_copy() -> None:
    para = (
        "Мемлекеттік басқару жүйесін жетілдіру мәселелері соңғы жылдары ғылыми әдебиетте кеңінен "
        "талқыланып жүр, алайда олардың құқықтық негіздері әлі де толық зерттелмеген болып "
        "қала береді және бұл мақаланың басты мәселесі болып табылады."
    )
    words = para.split()
    lines = [" ".join(words[i : i + 9]) for i in range(0, len(words), 9)]
    text: list[str] = []
    for page in (45, 46, 47):
        text += [*lines, ""]
        text += [
            "ISSN 1563-0366                 Вестник КазНУ. Серия юридическая. №2 (98). 2021",
            "",
            str(page),
            "",
        ]
    cleaned = clean(extract_text("\n".join(text).encode()))
    kinds = [(a.kind, a.printed_page) for a in cleaned.artifacts]
    assert kinds == [
        ("running-header", None),
        ("page-number", 45),
        ("running-header", None),
        ("page-number", 46),
        ("running-header", None),
        ("page-number", 47),
    ]
    assert [c.printed_page for c in cleaned.lines[: len(lines)]] == [44] * len(lines)


def test_a_body_line_with_issue_and_year_is_not_furniture() -> None:
    text = (
        "Министрлер Кабинетінің 1993 жылғы 30 сәуірдегі № 335 қаулысы негізінде жеке Құрама\n"
        "атқыштар батальоны құрылды және ол шекараны қорғау міндетін атқарды.\n"
    )
    assert find_furniture(extract_text(text.encode())) == []


def _geometry_document() -> Document:
    """Four pages: headers alternate between odd and even pages, page numbers at the foot."""
    lines: list[Line] = []
    pages = []
    for page in range(1, 5):
        printed = page + 16
        pages.append(PageInfo(page, 500.0, 700.0))
        header = "Заң және қоғам, № 2 (58), 2023" if page % 2 == 0 else "Омарова Б.С. Жергілікті…"
        lines.append(Line(header, page, 56, 30, 300, 40, 8.0))
        for k in range(20):
            y = 80 + k * 14
            indent = 76 if k % 5 == 0 else 56
            lines.append(
                Line(
                    f"мәтін жолы {page}-{k} жергілікті өзін-өзі басқару туралы",
                    page,
                    indent,
                    y,
                    449,
                    y + 10,
                    10.5,
                )
            )
        lines.append(Line(str(printed), page, 240, 660, 252, 670, 8.0))
    return Document("application/pdf", "test", tuple(lines), tuple(pages))


def test_odd_and_even_running_heads_and_page_numbers_by_position() -> None:
    doc = _geometry_document()
    cleaned = clean(doc)
    assert [(a.kind, a.page, a.printed_page) for a in cleaned.artifacts] == [
        ("running-header", 1, None),
        ("page-number", 1, 17),
        ("running-header", 2, None),
        ("page-number", 2, 18),
        ("running-header", 3, None),
        ("page-number", 3, 19),
        ("running-header", 4, None),
        ("page-number", 4, 20),
    ]
    assert len(cleaned.lines) == 80
    assert {c.printed_page - c.page for c in cleaned.lines} == {16}
    assert [c.indent for c in cleaned.lines[:6]] == [True, False, False, False, False, True]


def _short_paper(heads: dict[int, list[tuple[str, float, float]]], size: float) -> Document:
    """Three pages of a two-column paper, 9 pt text from y 83 to 709, with ``heads`` (text, x0,
    x1) set at y 62 in ``size`` points on the pages named."""
    lines: list[Line] = []
    pages = [PageInfo(n, 612.0, 792.0, 83.0, 709.0) for n in (1, 2, 3)]
    for page in (1, 2, 3):
        for text, x0, x1 in heads.get(page, []):
            lines.append(Line(text, page, x0, 62, x1, 62 + size, size))
        for column, x0 in enumerate((54.0, 318.0)):
            for k in range(50):
                y = 83 + k * 12.5
                lines.append(Line(f"column {column} line {k} of page {page} runs on as text",
                                  page, x0, y, x0 + 240, y + 9, 9.0))
    return Document("application/pdf", "test", tuple(lines), tuple(pages))


def test_a_three_page_papers_alternating_heads_are_furniture() -> None:
    # An ACM paper: no page numbers; page 2's head names the venue and the authors, page 3's
    # the title and the venue, in 7 pt over 9 pt text.
    heads = {
        2: [("Conference’17, July 2017, Washington, DC, USA", 54, 191),
            ("Brett A. Becker, Jiahao Xu, and Zhaorui Wang", 355, 558)],
        3: [("The anonymous-acm Package for the ACM Master Article Template", 54, 263),
            ("Conference’17, July 2017, Washington, DC, USA", 421, 558)],
    }
    doc = _short_paper(heads, 7.0)
    found = {doc.lines[f.index].text for f in find_furniture(doc)}
    assert found == {text for page in heads.values() for text, _, _ in page}
    # The same words in the text's own type are a heading repeated, not furniture.
    doc = _short_paper(heads, 9.0)
    assert find_furniture(doc) == []


# --- hyphenation ------------------------------------------------------------------------

SEED_VOCAB = Vocabulary.from_texts(ARTICLE.read_text(encoding="utf-8").splitlines())


@pytest.mark.parametrize(
    ("left", "right", "joined"),
    [
        ("Біріккен Ұлттар Ұй-", "ымы бітімгершілік", "Біріккен Ұлттар Ұйымы бітімгершілік"),
        ("құқықтық стату-", "сы, әлеуметтік", "құқықтық статусы, әлеуметтік"),
        ("еліміздің әскери-са-", "яси ұстанымдары", "еліміздің әскери-саяси ұстанымдары"),
        ("бітімгершілік іс-", "шараларға қатысуы", "бітімгершілік іс-шараларға қатысуы"),
        ("Тәжік-", "Ауған шекарасындағы", "Тәжік-Ауған шекарасындағы"),
        ("Тәжікстан, КСРО-", "ның экономикалық", "Тәжікстан, КСРО-ның экономикалық"),
        ("1992-", "1997 жылдар", "1992-1997 жылдар"),
        ("Заңына (бұдан әрі –", "Заң) өзгерістер", "Заңына (бұдан әрі – Заң) өзгерістер"),
        ("жылдар 2020–", "2024 аралығы", "жылдар 2020–2024 аралығы"),
        ("Бі\u00ad", "ріккен", "Біріккен"),
        # A chain of words broken at one of its hyphens goes on as a chain.
        ("and Latin-style for left-", "to-right segments",
         "and Latin-style for left-to-right segments"),
        ("learn it step-", "by-step and", "learn it step-by-step and"),
        ("(from the ubuntu-", "dev-tools package)", "(from the ubuntu-dev-tools package)"),
        # nroff breaks such a word anywhere: a word of the dictionary joins.
        ("commands (eat food, apply tin-", "ning-kit) use", "commands (eat food, apply "
         "tinning-kit) use"),
        # A number inside a word broken later is no compound's number.
        ("nebo 16bi-", "tovou mašinou", "nebo 16bitovou mašinou"),
        ("encoded in UTF-", "8 only", "encoded in UTF-8 only"),
        # A path broken at a slash: before a placeholder's bracket, or after its root alone.
        ("present within /opt/", "<package>, including", "present within /opt/<package>,"
         " including"),
        ("place them in /", "usr/share/file. For", "place them in /usr/share/file. For"),
        ("either this /", "that one", "either this / that one"),
        # A program's option broken after one of its own hyphens.
        ("modified using the --set-", "conf command", "modified using the --set-conf command"),
        # Broken at a slash: an address, a path, words joined by a slash.
        ("серверов-зеркал (https://www.debian.org/distrib/", "ftplist) Debian.",
         "серверов-зеркал (https://www.debian.org/distrib/ftplist) Debian."),
        ("ядра Hurd (https://www.gnu.org/software", "/hurd) .",
         "ядра Hurd (https://www.gnu.org/software/hurd) ."),
        ("Standard), https://", "www.pathname.com/fhs", "Standard), https://www.pathname.com/fhs"),
        ("приложения Debian GNU/", "Linux, сделавшие", "приложения Debian GNU/Linux, сделавшие"),
        ("команды \\subtabenumitem/", "\\subitem для", "команды \\subtabenumitem/\\subitem для"),
        ("можно найти на https:", "//www.gnu.org/software/hurd (", "можно найти на "
         "https://www.gnu.org/software/hurd ("),
        # Broken at a dot of an address; a sentence ending with an address goes on apart.
        ("(2013). URL https://doi.", "org/10.18637/jss.v052.i05.",
         "(2013). URL https://doi.org/10.18637/jss.v052.i05."),
        ("по адресу https://lists.", "debian.org/ ищите",
         "по адресу https://lists.debian.org/ ищите"),
        ("at https://www.debian.org.", "The next one", "at https://www.debian.org. The next one"),
        ("can be found at http://qvalue.princeton.", "edu.",
         "can be found at http://qvalue.princeton.edu."),
        ("e.g.", "org/chart below", "e.g. org/chart below"),
        ("either A /", "B works", "either A / B works"),
        # Broken in an address's path with no mark; words after an address go on apart.
        ("link: http://journals.org/content/early/bioinforma", "tics.btv184.abstract?key=ref",
         "link: http://journals.org/content/early/bioinformatics.btv184.abstract?key=ref"),
        ("R News, 2007. URL http://CRAN.R-project.org/doc/Rnews/Rnews_", "2007-1.pdf.",
         "R News, 2007. URL http://CRAN.R-project.org/doc/Rnews/Rnews_2007-1.pdf."),
        ("see http://example.org/page", "and/or the manual", "see http://example.org/page "
         "and/or the manual"),
        # A site's whole address ends its line; a path after it goes on.
        ("Journal of Statistical Software http://www.jstatsoft.org/", "published by the",
         "Journal of Statistical Software http://www.jstatsoft.org/ published by the"),
        ("mirrors at https://www.debian.org/", "distrib/ftplist for", "mirrors at "
         "https://www.debian.org/distrib/ftplist for"),
        ("in R, 2012. URL http://CRAN.R-project.org/", "package=RecordLinkage.",
         "in R, 2012. URL http://CRAN.R-project.org/package=RecordLinkage."),
        # A compound of a Latin and a Cyrillic word keeps its hyphen.
        ("а в log-", "файл записывается", "а в log-файл записывается"),
        ("открыть PDF-", "файлы можно", "открыть PDF-файлы можно"),
        # A suspended hyphen before a conjunction keeps its hyphen and the space.
        ("design one-", "or two-tailed tests", "design one- or two-tailed tests"),
        ("аудио-", "және бейне жазбалар", "аудио- және бейне жазбалар"),
        ("the file", "/etc/hosts lists", "the file /etc/hosts lists"),
        ("скачать файл netboot/debian-installer", "/amd64/initrd.gz и",
         "скачать файл netboot/debian-installer/amd64/initrd.gz и"),
        ("read and/or", "/etc/hosts", "read and/or /etc/hosts"),
        ("/usr/local/include/argtable2.h", "/usr/local/lib/libargtable2.a",
         "/usr/local/include/argtable2.h /usr/local/lib/libargtable2.a"),
        ("Analysis, 53. doi:10.1016/j.", "csda.2008.11.033.",
         "Analysis, 53. doi:10.1016/j.csda.2008.11.033."),
        ("doi:10.1016/j.csda.2008.11.033.", "The next", "doi:10.1016/j.csda.2008.11.033. The next"),
        # A DOI broken inside its suffix, with no hyphen (TeX's \doi); a whole one goes on apart.
        ("ISSN 0098-3500. doi: 10.1145/9922", "00.992206.",
         "ISSN 0098-3500. doi: 10.1145/992200.992206."),
        ("doi: 10.1145/992200.992206", "Available online.",
         "doi: 10.1145/992200.992206 Available online."),
        ("doi 10.1234/abcd", "2004. Smith", "doi 10.1234/abcd 2004. Smith"),
        ("Software, 78(9), 1–21. doi:10.18637/jss.v078.", "i09.",
         "Software, 78(9), 1–21. doi:10.18637/jss.v078.i09."),
        # An unspaced em dash TeX broke after joins without a space; a spaced one keeps it.
        ("in a certain interval—", "however, this", "in a certain interval—however, this"),
        ("variations on this primal–", "dual pair", "variations on this primal–dual pair"),
        ("интервал —", "однако этот", "интервал — однако этот"),
        # A program's name broken after an underscore goes on; Markdown's emphasis ends.
        ("The function is called gss_", "check_version() and is",
         "The function is called gss_check_version() and is"),
        ("this is _important_", "and so", "this is _important_ and so"),
        ("already imply IDN2_NFC_", "INPUT .", "already imply IDN2_NFC_INPUT ."),
    ],
)
def test_join_lines(left: str, right: str, joined: str) -> None:
    assert join_lines(left, right, SEED_VOCAB) == joined


def test_document_evidence_decides() -> None:
    plain = Vocabulary.from_texts(["жаңа тәсіл"])
    # Without evidence a break inside a word is a word break …
    assert not keep_hyphen("келісім", "шарттарды", plain)
    # … with the hyphenated form elsewhere in the document it is a compound.
    evidence = Vocabulary.from_texts(["әскери келісім-шарттарды жасау"])
    assert keep_hyphen("келісім", "шарттарды", evidence)
    # The joined form elsewhere wins over a compound head that looks plausible.
    joined = Vocabulary.from_texts(["жергілікті басқару", "өзін-өзі"])
    assert not keep_hyphen("жер", "гілікті", joined)
    # Both spellings in one document: the one it uses more is its own ("mark-up" in the
    # text, "markup" in a cited title).
    both = ["structural mark-up commands", "no visual mark-up.", "HyperText markup language"]
    assert keep_hyphen("mark", "up", Vocabulary.from_texts(both))
    assert not keep_hyphen("mark", "up", Vocabulary.from_texts([*both, "markup", "markup"]))
    # A name written in one word elsewhere, broken before a capital of its own.
    assert not keep_hyphen("Histogram", "Tools", Vocabulary.from_texts(
        ["the HistogramTools package"]))
    assert keep_hyphen("Histogram", "Tools", Vocabulary.from_texts(["the data"]))
    # Accented Latin letters are Latin: a German word broken at a line end is one word.
    assert not keep_hyphen("Ein", "färben", Vocabulary.from_texts(["Partielles Einfärben"]))


def test_word_fragments_at_line_ends_are_not_evidence() -> None:
    vocab = Vocabulary.from_texts(["мүмкін-", "діктерін арттыру және", "тағы мүмкін"])
    assert "діктерін" not in vocab.words
    assert "арттыру" in vocab.words
    assert not keep_hyphen("мүмкін", "діктерін", vocab)


def test_seed_hyphenation_in_clean_text() -> None:
    cleaned = clean(extract_text(ARTICLE.read_bytes()))
    text = ""
    for c in cleaned.lines:
        text = join_lines(text, c.text, cleaned.vocabulary) if text else c.text
    for word in (
        "Ұйымы",
        "статусы",
        "әскери-саяси",
        "іс-шараларға",
        "Тәжік-Ауған",
        "КСРО-ның",
        "этникалық-кландық",
        "бақылау-өткізу",
        "Қазақстан Республикасы",
        "fulfilling",
        "Объединенных",
    ):
        assert word in text
    for broken in ("Ұй-ымы", "стату-сы", "әскерисаяси", "Ре-спубликасы", "fulfill-ing"):
        assert broken not in text


# --- compounds broken at their own hyphen, with no other evidence ---------------------------


def test_compound_kept_when_both_halves_are_words_of_the_document() -> None:
    """``киім-`` + ``кешектерін``: «киім» occurs alone and «кешектері» starts the same way."""
    seen = Vocabulary.from_texts(["жаңа киім сатып алды", "ескі кешектері де бар"])
    assert keep_hyphen("киім", "кешектерін", seen)
    # Without either half elsewhere the same break is read as a word break.
    assert not keep_hyphen("киім", "кешектерін", Vocabulary.from_texts(["ескі кешектері"]))
    assert not keep_hyphen("киім", "кешектерін", Vocabulary.from_texts(["жаңа киім"]))
    # A first half seen only with an ending counts too: «компьютерлікке» gives the word.
    inflected = Vocabulary.from_texts(["компьютерлікке қосылу", "бағдарламаны орнату"])
    assert inflected.has_inflected("компьютерлік")
    assert keep_hyphen("компьютерлік", "бағдарламалар", inflected)


def test_what_follows_the_hyphen_must_start_like_a_word() -> None:
    seen = Vocabulary.from_texts(
        ["бақылау жүргізу", "біз келдік", "жаңа киім", "саясат пен құқық", "кершілік"]
    )
    assert not keep_hyphen("бақылау", "шылар", seen)  # бақылаушылар: an ending follows
    assert not keep_hyphen("біз", "дің", seen)  # too short to be a word of its own
    assert not keep_hyphen("киім", "дерін", seen)  # киімдерін: «дер» is a plural ending
    # A stem and its derivational suffix: «керлері» starts no word of the document.
    assert not keep_hyphen("саясат", "керлері", seen)
    # Known first halves too: «іс-шаралар» is a compound, «іс-теді» is «істеді».
    assert keep_hyphen("іс", "шараларға", seen)
    assert not keep_hyphen("іс", "теді", seen)
    compounds = Vocabulary.from_texts(["бақылау-өткізу пункті"])
    assert keep_hyphen("бақылау", "өткізу", compounds)
    assert not keep_hyphen("бақылау", "шылар", compounds)


def test_a_doubled_word_keeps_its_hyphen() -> None:
    plain = Vocabulary.from_texts(["жаңа тәсіл"])
    assert keep_hyphen("бірте", "бірте", plain)
    assert join_lines("оны бірте-", "бірте қысқарту", plain) == "оны бірте-бірте қысқарту"
    assert not keep_hyphen("ма", "ма", plain)  # «мама»: two letters are a syllable


def test_productive_first_halves_and_latin_words() -> None:
    empty = Vocabulary.from_texts(["мәтін"])
    assert keep_hyphen("оқ", "дәрілерді", empty)
    assert keep_hyphen("интернет", "ресурстарында", empty)
    assert not keep_hyphen("оқ", "улықтар", empty)  # оқулықтар: an ending, not a word
    # English closes most compounds: a word + word split is the hyphenator's break.
    english = Vocabulary.from_texts(["some of the interests", "over the years"])
    assert not keep_hyphen("inter", "national", english)
    assert join_lines("the intermediate and inter-", "national law", english) == (
        "the intermediate and international law"
    )
    # An English dictionary: two common words that together are none keep their hyphen;
    # a word it knows whole joins; a proper name it lacks gets no answer from it.
    assert join_lines("Pearson product-", "moment correlation", english) == (
        "Pearson product-moment correlation"
    )
    assert join_lines("a well-", "known result", english) == "a well-known result"
    assert join_lines("the prod-", "uct of", english) == "the product of"
    assert join_lines("the Euro-", "pean Union", english) == "the European Union"


def test_compound_at_a_line_end_in_a_generated_pdf() -> None:
    """``интернет-`` + ``ресурстарында`` in the two-column paper (the word occurs only there)."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import pdfgen

    from archive.extract.pdf import extract_pdf

    data, _gold = pdfgen.two_column_paper()
    doc = extract_pdf(data)
    assert any(ln.text.rstrip().endswith("интернет-") for ln in doc.lines)
    text = " ".join(b.text for b in segment(doc).blocks)
    assert "интернет-ресурстарында" in text and "интернетресурстарында" not in text


# --- fixed-width copies ------------------------------------------------------------------


def test_wrap_width_only_for_copies_wrapped_at_a_character_count() -> None:
    sentence = (
        "Жергілікті өзін-өзі басқару органдары халықтың күнделікті тіршілігіне "
        "ең жақын билік деңгейі болып табылады және "
    )
    words = sentence.split(" ")[:-1] * 40
    lines, current = [], ""
    for word in words:
        if current and len(current) + 1 + len(word) > 72:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    lines.append(current)
    fixed = clean(extract_text("\n".join(lines).encode("utf-8")))
    longest = max(len(t) for t in lines)
    assert fixed.wrap_width is not None and longest - 2 <= fixed.wrap_width <= longest
    assert fixed.wrap_head is None  # no word is broken at a line end
    # Text copied out of a typeset page: line lengths spread, no ceiling.
    assert clean(extract_text(ARTICLE.read_bytes())).wrap_width is None


def test_running_titles_inside_running_text_without_blank_lines() -> None:
    """The seed with every blank line removed: its furniture is still found, page by page."""
    with_blanks = extract_text(ARTICLE.read_bytes())
    chained = "\n".join(ln for ln in ARTICLE.read_text(encoding="utf-8").splitlines() if ln.strip())
    without = extract_text(chained.encode("utf-8"))

    def shapes(doc: Document) -> list[tuple[str, str, int | None]]:
        return [(doc.lines[f.index].text.strip(), f.kind, f.printed_page)
                for f in find_furniture(doc)]

    assert shapes(without) == shapes(with_blanks)
    assert [p for _t, _k, p in shapes(without) if p] == [36, 38, 39]


def test_each_line_gets_the_width_of_the_wrap_it_belongs_to() -> None:
    """Body re-wrapped at 64 columns, one passage kept at its typeset width (~100, justified):
    the narrow lines get 64, the wide ones no width; the untouched seed gets none at all."""
    sentence = (
        "Жергілікті өзін-өзі басқару органдары халықтың күнделікті тіршілігіне "
        "ең жақын билік деңгейі болып табылады және бюджет процесіне қатысады."
    )
    narrow = [line for _ in range(6) for line in textwrap.wrap(sentence * 2, 64)]
    typeset = ARTICLE.read_text(encoding="utf-8").splitlines()[120:140]
    cleaned = clean(extract_text("\n".join([*narrow, *typeset, *narrow]).encode("utf-8")))
    by_text = {c.line.text.rstrip(): c.wrap for c in cleaned.lines}
    assert {by_text[t] for t in narrow} == {max(len(t) for t in narrow)}
    assert all(by_text[t] is None for t in typeset if len(t.strip()) > 70 and t in by_text)
    assert all(c.wrap is None for c in clean(extract_text(ARTICLE.read_bytes())).lines)


@pytest.mark.parametrize(
    ("text", "mended"),
    [
        # The whole word occurs elsewhere in the document.
        ("бітімгер- шілік миссиялар", "бітімгершілік миссиялар"),
        ("Республика- сының сыртқы", "Республикасының сыртқы"),
        # A suspended hyphen before a conjunction stays.
        ("аудио- және бейнежазбалар", "аудио- және бейнежазбалар"),
        ("Kazakh- and Russian-language", "Kazakh- and Russian-language"),
        # A dash set off by spaces is no broken word.
        ("әрі - бітімгершілік", "әрі - бітімгершілік"),
        # A compound the document spells with its hyphen keeps it.
        ("әскери- саяси ұстаным", "әскери-саяси ұстаным"),
    ],
)
def test_words_broken_before_a_space_are_mended(text: str, mended: str) -> None:
    vocab = Vocabulary.from_texts([
        "бітімгершілік миссиялар Қазақстан Республикасының әскери-саяси ұстанымы",
        "аудио және бейнежазбалар, Kazakh and Russian-language sources",
    ])
    assert mend_spaced_breaks(text, vocab) == mended


def test_a_narrow_stretch_of_a_text_copy_has_its_own_width() -> None:
    """Two columns copied as one: short lines there are full lines, not paragraph ends."""
    wide = textwrap.wrap(
        "Жергілікті өзін-өзі басқару демократиялық мемлекеттің іргелі институттарының "
        "бірі болып табылады және халықтың күнделікті тіршілігіне тікелей әсер ететін "
        "мәселелерді шешуге мүмкіндік береді, сондықтан оның құқықтық негіздері жыл "
        "сайын жетілдіріліп, жаңа нормалармен толықтырылып келеді.",
        70,
    )
    narrow = [
        "Жүргізілген талдау жергі-", "лікті өзін-өзі басқарудың құқық-",
        "тық негіздері соңғы онжылдықта", "едәуір жетілгенін көрсетеді.",
        "Ауылдық округтердің дербес", "бюджеті, әкімдерді тікелей сай-",
        "лау және жергілікті қоғамдастық", "жиналысының өкілеттіктерін ке-",
        "ңейту бұл институтты нақты маз-", "мұнмен толықтырды.",
    ]  # fmt: skip
    doc = extract_text("\n".join([*wide, "Қорытынды", *narrow]).encode())
    lines = {c.text: c for c in clean(doc).lines}
    # The sentence end on a full line of the narrow stretch does not look short...
    assert lines["едәуір жетілгенін көрсетеді."].fill > 0.85
    # ...while the wide lines keep the document's width.
    assert lines[wide[1]].fill > 0.85 and lines["Қорытынды"].fill < 0.2
    blocks = [b.text for b in segment(doc).blocks]
    assert "Жүргізілген талдау жергілікті өзін-өзі басқарудың құқықтық негіздері соңғы " \
        "онжылдықта едәуір жетілгенін көрсетеді. Ауылдық округтердің дербес бюджеті, " \
        "әкімдерді тікелей сайлау және жергілікті қоғамдастық жиналысының өкілеттіктерін " \
        "кеңейту бұл институтты нақты мазмұнмен толықтырды." in blocks


def test_words_inside_addresses_are_no_evidence_for_joining() -> None:
    vocab = Vocabulary.from_texts([
        "Пакет Biblatex-GOST оформляет ссылки; см. https://sourceforge.net/p/biblatexgost/wiki/",
        "Скачайте архив biblatex-",
        "gost-⟨версия⟩.tds.zip и распакуйте его.",
    ])
    joined = join_lines("Скачайте архив biblatex-", "gost-⟨версия⟩.tds.zip и", vocab)
    assert joined == "Скачайте архив biblatex-gost-⟨версия⟩.tds.zip и"


@pytest.mark.parametrize(
    ("left", "right", "joined"),
    [
        ("URL: http://www.katrechko.narod.ru/library/russel/on-", "denoting.html.",
         "URL: http://www.katrechko.narod.ru/library/russel/on-denoting.html."),
        ("М. : Наука, С.-", "Петербург. отд-ние, 1992.",
         "М. : Наука, С.-Петербург. отд-ние, 1992."),
    ],
)
def test_hyphens_that_are_characters_of_the_text_are_kept(
    left: str, right: str, joined: str
) -> None:
    assert join_lines(left, right, Vocabulary()) == joined


def test_the_partner_of_a_suspended_hyphen_is_left_as_typed() -> None:
    from archive.clean import mend_spaced_breaks

    vocab = Vocabulary.from_texts(["сочетания клавиш"])
    text = "не могут быть назначены на control- и meta- сочетания. Emacs решает"
    assert mend_spaced_breaks(text, vocab) == text



def test_a_first_half_seen_only_in_other_compounds_is_no_word_of_its_own() -> None:
    # German writes "Kommandozeilen-Options-Parser" but "Kommandozeilenwerkzeug": the
    # first half is no word alone, so "Kommandozeilen-" + "werkzeug" is a broken word.
    vocab = Vocabulary.from_texts([
        "ein Kommandozeilen-Options-Parser und Kommandozeilen-LUA-Skripten",
        "jedes Werkzeug hat seine Aufgabe; ein Werkzeug allein reicht nicht",
    ])
    assert join_lines("listet das Kommandozeilen-", "werkzeug fc-list auf", vocab) == (
        "listet das Kommandozeilenwerkzeug fc-list auf")
    # Two words the text uses alone keep the hyphen between them.
    vocab = Vocabulary.from_texts(["the file list and the list file", "a file of lists"])
    assert join_lines("keep the file-", "list here", vocab) == "keep the file-list here"
