"""Front matter in other journals' shapes: English layout, footnoted names, citation lines."""

from __future__ import annotations

from archive.metadata import extract_candidates, merge
from archive.models import Document, Line, Segmentation

ENGLISH = """Journal of Central Asian Law, Vol. 5, No. 2, 2021, pp. 10-25
DOI: 10.1234/jcal.2021.5.2.10
UDC 341.1

Peacekeeping Law in Kazakhstan: A Comparative View

John Smith¹, Aigerim A. Kalieva²*
¹University of Law, London, United Kingdom
²Maqsut Narikbayev University, Astana, Kazakhstan
*Corresponding author: a.kalieva@mnu.kz

Abstract: This paper compares the legal frameworks of peacekeeping in
Kazakhstan and the United Kingdom.

Keywords: peacekeeping; international law; Kazakhstan.

Introduction
Body text of the paper begins here and goes on for a while.
"""


def doc_of(text: str) -> Document:
    lines, blank = [], False
    for raw in text.split("\n"):
        if not raw.strip():
            blank = True
            continue
        lines.append(Line(raw, 1, blank_before=blank))
        blank = False
    return Document("text/plain", "test", tuple(lines))


def test_english_front_matter_with_footnoted_names() -> None:
    md, _ = merge(extract_candidates(doc_of(ENGLISH), Segmentation(())))
    assert (md.journal, md.volume, md.issue, md.year) == (
        "Journal of Central Asian Law", "5", "2", 2021,
    )
    assert (md.first_page, md.last_page) == (10, 25)
    assert md.doi == "10.1234/jcal.2021.5.2.10"
    assert md.title == "Peacekeeping Law in Kazakhstan: A Comparative View"
    smith, kalieva = md.authors
    assert (smith.given, smith.family, smith.email) == ("John", "Smith", None)
    assert smith.affiliation == "University of Law, London, United Kingdom"
    assert (kalieva.given, kalieva.family) == ("Aigerim A.", "Kalieva")
    assert kalieva.affiliation == "Maqsut Narikbayev University, Astana, Kazakhstan"
    assert kalieva.email == "a.kalieva@mnu.kz"  # the * footnote is hers
    assert md.abstracts == {
        "en": "This paper compares the legal frameworks of peacekeeping in Kazakhstan and "
              "the United Kingdom."
    }
    assert md.keywords == {"en": ["peacekeeping", "international law", "Kazakhstan"]}
    assert md.language == "en"


def test_citation_line_after_double_slash() -> None:
    text = (
        "УДК 34\n"
        "Для цитирования: Иванов И.И. Право и мир // Право и государство. 2024. № 4 (105). "
        "С. 35-42.\n"
    )
    md, _ = merge(extract_candidates(doc_of(text), Segmentation(())))
    assert (md.journal, md.issue, md.year, md.first_page, md.last_page) == (
        "Право и государство", "4", 2024, 35, 42,
    )


def test_title_case_phrases_are_not_names_without_footnote_marks() -> None:
    text = "УДК 34\n\nPeace Building, Human Rights and Legal Reform\n\nAbstract: Text.\n"
    cands = extract_candidates(doc_of(text), Segmentation(()))
    assert not [c for c in cands if c.field == "authors"]


def test_abstract_and_keyword_labels_in_three_languages() -> None:
    from archive.metadata.labels import abstract_label, keyword_label

    assert abstract_label("Түйін. Мақалада құқық қарастырылады.") == (
        "kk", "Мақалада құқық қарастырылады.",
    )
    assert abstract_label("Түйін сөздер: құқық, мемлекет") is None
    assert keyword_label("Түйін сөздер: құқық, мемлекет") == ("kk", "құқық, мемлекет")
    assert keyword_label("Кілт сөздер — құқық") == ("kk", "құқық")
    assert keyword_label("Ключевые слова. право") == ("ru", "право")
    assert keyword_label("Key-words: law") == ("en", "law")
    assert abstract_label("Аннотация") == ("ru", "")
    assert abstract_label("Abstracts of the conference") is None


def test_author_notes_with_a_dash_and_two_emails() -> None:
    text = """УДК 342.7

Қалила А.Т. – заң ғылымдарының кандидаты, Л.Н. Гумилев атындағы ЕҰУ,
Астана, Қазақстан, e-mail: kalila@enu.kz
Иванов Б.С. – PhD, Алматы, Қазақстан, e-mail: ivanov@kaznu.kz
"""
    md, _ = merge(extract_candidates(doc_of(text), Segmentation(())))
    assert [(a.family, a.given, a.email) for a in md.authors] == [
        ("Қалила", "А.Т.", "kalila@enu.kz"), ("Иванов", "Б.С.", "ivanov@kaznu.kz"),
    ]
    assert md.authors[0].affiliation == (
        "заң ғылымдарының кандидаты, Л.Н. Гумилев атындағы ЕҰУ, Астана, Қазақстан"
    )


def test_a_copyright_notice_in_russian_gives_its_latest_year() -> None:
    # The Russian installation guide's text copy: "Авторские права" opens the notice.
    doc = doc_of("Руководство по установке Debian GNU/Linux\n\n"
                 "Авторские права © 2004 - 2023 Команда разработчиков программы установки "
                 "Debian\n\nЭтот документ можно распространять по лицензии GPL.\n")
    years = [c.value for c in extract_candidates(doc, Segmentation(()))
             if c.field == "year"]
    assert years == [2023]


def test_a_copyright_notice_with_c_in_brackets_at_the_end_of_a_text_file() -> None:
    # Emacs's tutorial: the notice closes the file, its years listed and ranged.
    body = "\n\n".join(f"Абзац {k} учебника о сочетаниях клавиш и буферах." for k in range(80))
    doc = doc_of("Учебник Emacs. Условия распространения приведены в конце файла.\n\n" + body
                 + "\n\nCopyright (C) 1985, 1996, 1998, 2001-2022 Free Software Foundation, "
                 "Inc.\n\n   Permission is granted to anyone to make verbatim copies.\n")
    years = [c.value for c in extract_candidates(doc, Segmentation(()))
             if c.field == "year"]
    assert years == [2022]


def test_a_section_numbered_in_roman_under_the_byline_is_no_author() -> None:
    # AIAA's template: the last author's block, then "I. Introduction" (an initial and a
    # capitalised word to a parser of names).
    doc = doc_of("Advanced Technical Conference Paper Template\n\n"
                 "Jane Q. Doe†\nBusiness or Academic Affiliation, City, Country\n\n"
                 "I. Introduction\n\nThis document is a template for papers.\n")
    [authors] = [c.value for c in extract_candidates(doc, Segmentation(()))
                 if c.field == "authors" and c.priority == 80]
    assert [a["family"] for a in authors] == ["Doe"]


def test_a_licence_s_disclaimer_in_capitals_is_no_title() -> None:
    doc = doc_of("X11R6 Sample Implementation Frame Work\n\nKatsuhisa Yano\n\n"
                 "TOSHIBA Corporation\n\nCopyright © 1994 X Consortium\n\n"
                 "THE SOFTWARE IS PROVIDED “AS IS”, WITHOUT WARRANTY OF ANY KIND, EXPRESS OR\n"
                 "IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,\n"
                 "FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE X\n"
                 "CONSORTIUM BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY.\n\n"
                 "Table of Contents\n")
    titles = [c.value for c in extract_candidates(doc, Segmentation(())) if c.field == "title"]
    assert not [t for t in titles if "SOFTWARE" in t]


def test_the_doi_of_a_paper_a_manual_asks_its_users_to_cite_is_not_the_manual_s() -> None:
    manual = """The ExaML v3.0.X Manual
July 17 2017

ExaML is a code for phylogenetic inference using MPI.
Please cite the following paper when using ExaML:
A. Kozlov, A.J. Aberer, A. Stamatakis: ExaML Version 3. In Bioinformatics (2015)
doi: 10.1093/bioinformatics/btv184
"""
    md, _ = merge(extract_candidates(doc_of(manual), Segmentation(())))
    assert md.doi is None
    # An article's own "cite this article as" line keeps its DOI.
    own = manual.replace("Please cite the following paper when using ExaML:",
                         "Please cite this article as:")
    md, _ = merge(extract_candidates(doc_of(own), Segmentation(())))
    assert md.doi == "10.1093/bioinformatics/btv184"
