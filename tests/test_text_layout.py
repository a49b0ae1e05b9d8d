"""Plain-text layout a reader sees at a glance: rules, literal blocks, labels, list items.

The inputs are written the way help files, READMEs and licences are laid out (tab-indented
examples under a line ending in ``>``, ``::`` blocks, Markdown fences, rules of ``=``).
"""

from __future__ import annotations

import textwrap

from archive.extract.text import extract_text
from archive.ingest.analyse import analyse
from archive.models import Block
from archive.segment import segment


def blocks(text: str) -> list[tuple[str, str]]:
    return [(b.role, b.text) for b in _segment(text)]


def roles(text: str) -> list[str]:
    return [role for role, _ in blocks(text)]


def _segment(text: str) -> tuple[Block, ...]:
    return segment(extract_text(text.encode("utf-8"))).blocks


HELP = """\
==============================================================================
*02.3*\tSaving a file

Most of the time you will want to keep what you typed.  The command that
writes the buffer back to the file you are editing is short: >
\t:write
\t:w

If the file is read-only the command fails.  You can force the write, but
think twice before you do that.  How to do this depends on the system you
are using:

Unix: >
\t:!chmod u+w %
MS-Windows: >
\t:!attrib -r %

When you are done, leave the editor with this command:
>
\t:quit
<
   The buffer is gone then.  Any change you did not write is lost, so the
editor asks first when there is one.
\t\t\t\t\t\t\t*save-all*
To save every changed buffer at once use the command below.  It works in
all versions of the editor and in every mode that takes commands.
==============================================================================
"""


def test_help_file_examples_are_code_and_rules_are_no_text() -> None:
    out = blocks(HELP)
    assert out[0] == ("heading", "*02.3* Saving a file")
    assert out[1] == ("body", "Most of the time you will want to keep what you typed. The command "
                      "that writes the buffer back to the file you are editing is short: >")
    assert out[2] == ("code", ":write\n:w")
    # Examples one after the other under their short labels make one block.
    assert out[3][0] == "body" and out[3][1].endswith("depends on the system you are using:")
    assert out[4] == (
        "code", "Unix: >\n        :!chmod u+w %\nMS-Windows: >\n        :!attrib -r %"
    )
    # A ">" alone on the next line is the mark of the sentence before; "<" ends the block.
    assert out[5] == ("body", "When you are done, leave the editor with this command: >")
    assert out[6] == ("code", ":quit")
    assert out[7][1].startswith("The buffer is gone then.") and out[7][1].endswith("one.")
    # A tag set at the right, right above a paragraph, stands apart from it.
    assert out[8] == ("heading", "*save-all*")
    assert out[9][1].startswith("To save every changed buffer") and len(out) == 10
    assert not any("=====" in text for _, text in out)


def test_restructured_text_literal_block() -> None:
    text = (
        "The configuration is read from a small file in your home directory.  A\n"
        "minimal one looks like this::\n"
        "\n"
        "    [archive]\n"
        "    root = ~/archive\n"
        "\n"
        "    [publish]\n"
        "    port = 8001\n"
        "\n"
        "Every key has a default, so the file may as well be left empty at first.\n"
    )
    out = blocks(text)
    assert [role for role, _ in out] == ["body", "code", "body"]
    assert out[1][1] == "[archive]\nroot = ~/archive\n\n[publish]\nport = 8001"


def test_unannounced_indented_lines_set_line_by_line_are_code() -> None:
    """Lines after a colon, indented, each ended on purpose: a listing or a table."""
    text = (
        "The old commands still work, but the short ones are easier to type.  The\n"
        "following is an overview of the old and the new commands:\n"
        "\n"
        "     apt-get update             ->  apt update\n"
        "     apt-get upgrade            ->  apt upgrade\n"
        "     apt-cache search string    ->  apt search string\n"
        "\n"
        "Both forms take the same options, and both need the rights of the system\n"
        "administrator for everything that changes the installed packages.\n"
    )
    out = blocks(text)
    assert [role for role, _ in out] == ["body", "code", "body"]
    assert out[1][1].splitlines()[1] == "apt-get upgrade            ->  apt upgrade"


def test_indented_prose_after_a_colon_stays_prose() -> None:
    """A quoted sample wrapped as a sentence is read as text, not as a listing."""
    text = (
        "You should also get your employer (if you work as a programmer) or your\n"
        "school, if any, to sign a copyright disclaimer for the program, if\n"
        "necessary.  Here a sample; alter the names:\n"
        "\n"
        "  Yoyodyne, Inc., hereby disclaims all copyright interest in the\n"
        "  program `Gnomovision' (a program to direct compilers to make passes\n"
        "  at assemblers) written by James Hacker.\n"
        "\n"
        "That's all there is to it!  The disclaimer is kept with the program's\n"
        "sources, next to the notice of the licence that covers the program.\n"
    )
    assert "code" not in roles(text)


def test_markdown_fences_in_a_text_file_are_code() -> None:
    text = (
        "Install the package with the usual tool of your system, then check\n"
        "that the command runs by asking it for its version:\n"
        "\n"
        "```sh\n"
        "pip install archive\n"
        "    archive --version\n"
        "```\n"
        "\n"
        "the version is printed on one line and the program ends at once, with\n"
        "no other output, when everything went well.\n"
    )
    out = blocks(text)
    assert out[1] == ("code", "pip install archive\n    archive --version")
    # Text after a code block starts a paragraph of its own, even in lower case.
    assert out[2][0] == "body" and out[2][1].startswith("the version is printed")


MANUAL = """\
This chapter introduces the manuals that come with the editor.  Read it to
know the conditions under which the commands are explained.

|01.1|\tTwo manuals
|01.2|\tThe editor installed
|01.3|\tUsing the tutor

The documentation consists of two parts:

1. The User manual
   Task oriented explanations, from simple to complex.  Reads from start to
   end like a book.

2. The Reference manual
   Precise description of how everything in the editor works.

\tNote:
\tThis manual is about using the editor in the normal way.  There is an
\talternative that resembles a click-and-type editor, explained elsewhere.

For OpenVMS, if the editor has been properly installed, you can start the
tutor from a VMS prompt with: >

\t@EDITOR:tutor

Optionally add the two-letter language code as above.
"""


def test_manual_items_labels_and_stacked_entries() -> None:
    out = blocks(MANUAL)
    # Lines stacked with no blank line between are a list's entries, not headings.
    assert out[1:4] == [("list_item", "|01.1| Two manuals"), ("list_item", "|01.2| The editor "
                        "installed"), ("list_item", "|01.3| Using the tutor")]
    # The description set under an item's text is part of the item.
    assert out[5] == ("list_item", "1. The User manual Task oriented explanations, from simple "
                      "to complex. Reads from start to end like a book.")
    assert out[6] == ("list_item", "2. The Reference manual Precise description of how "
                      "everything in the editor works.")
    # A one-word label on its own line leads the text under it.
    assert out[7][1].startswith("Note: This manual is about")
    # A sentence announcing an example is not a heading.
    assert out[8][0] == "body" and out[8][1].endswith("prompt with: >")
    assert out[9] == ("code", "@EDITOR:tutor")


def test_numbered_contents_entries_stay_apart() -> None:
    """A sub-entry indented under its chapter opens with its own number: not a description."""
    text = (
        "This document answers the questions that users of the system ask most\n"
        "often, and points to other documentation where there is more to say.\n"
        "Where another document covers a question in depth, a link is given\n"
        "instead of a long quotation, so that the answers here stay short and\n"
        "easy to read for newcomers as well as for experienced administrators.\n\n"
        "Contents\n\n"
        "1. Definitions and overview\n"
        "    1.1. What is this FAQ?\n"
        "    1.2. What is Debian GNU/Linux?\n"
        "2. Getting and installing Debian GNU/Linux\n"
        "    2.1. What is the latest version of Debian?\n"
    )
    assert len([b for b in blocks(text) if b[1][:1].isdigit()]) == 5, blocks(text)
    # A long entry (it fills the line) and the next in the outline, one level down, or the
    # next at a level above; an appendix lettered on.
    deep = text + (
        "    2.2. Покупка аппаратного обеспечения специально для GNU/Linux и других систем\n"
        "        2.2.1. Избегайте собственнического или закрытого аппаратного обеспечения\n"
        "    2.3. Установочные носители\n"
        "A. Автоматическая установка\n"
        "    A.1. Введение\n"
        "B. Разметка диска\n"
    )
    entries = [t for _, t in blocks(deep) if t[:1].isdigit() or t[:1] in "AB"]
    assert len(entries) == 11, entries


def test_abstract_after_a_licence_notice_does_not_make_the_work_foreign() -> None:
    """An English licence notice, then the Russian abstract and the Russian work itself."""
    licence = (
        "    Permission is granted to make and distribute verbatim copies of\n"
        "    this document provided the copyright notice and this permission\n"
        "    notice are preserved on all copies.\n"
    )
    russian = (
        "    Debian GNU/Linux — это результат усилий добровольцев по созданию\n"
        "    свободной, высококачественной операционной системы с полным набором\n"
        "    приложений. Идея свободной системы исходит от проекта GNU, и многие\n"
        "    приложения были разработаны в рамках этого проекта.\n"
    )
    text = (
        licence + "\nАннотация\n\nВ этом документе содержатся ответы на вопросы о Debian.\n\n"
        "------------------------------------------------------------\n\n"
        "1. Определения и краткий обзор\n\n" + "\n".join([russian] * 4)
    )
    found = roles(text)
    assert "abstract" in found and "foreign" not in found
    assert found[-4:] == ["body"] * 4


def test_readme_underlines_breaks_and_indented_commands() -> None:
    """A README: titles underlined with '=' and '-', a '* * *' break, commands indented
    under the sentence that announces them with a colon."""
    text = (
        "Archive\n=======\n\n"
        "A small program that keeps documents and the paragraphs a reader would cite.\n"
        "It reads PDFs and plain text, and it publishes what it keeps with Datasette.\n\n"
        "Installing\n----------\n\n"
        "The program needs Python 3.11 or later.  Install it from a clone of the\n"
        "repository, in a virtual environment of its own:\n\n"
        "    python -m venv .venv\n"
        "    .venv/bin/pip install -e .\n\n"
        "* * *\n\n"
        "Everything else is described in the manual that comes with the sources.\n"
    )
    out = blocks(text)
    assert [role for role, _ in out] == ["heading", "body", "heading", "body", "code", "body"]
    assert out[0][1] == "Archive" and out[2][1] == "Installing"
    assert out[4][1] == "python -m venv .venv\n.venv/bin/pip install -e ."


LICENCE = """\
                    THE SAMPLE PUBLIC LICENCE
                     Version 2, March 1994

 Copyright (C) 1994 The Sample Foundation, Inc.

  1. You may copy the Program as you receive it, provided that you
keep intact all the notices and, where you change a file, that you
mark it as changed; and

    a) cause every modified file to carry notices stating that you
    changed the files and the date of any change; and

    b) cause the whole of any work that you distribute to be licensed
    at no charge to all third parties under the terms of this Licence.

  2. BECAUSE THE PROGRAM IS LICENSED FREE OF CHARGE, THERE IS NO
WARRANTY FOR THE PROGRAM, TO THE EXTENT PERMITTED BY APPLICABLE LAW.

                     END OF TERMS AND CONDITIONS

                    THE SAMPLE PUBLIC LICENCE
   TERMS AND CONDITIONS FOR COPYING, DISTRIBUTION AND MODIFICATION

  To apply these terms, attach the following notice to the program:

    <one line to give the program's name and what it does.>
    Copyright (C) 19yy  <name of author>

    This program is free software; you can redistribute it and/or
    modify it under the terms of the Sample Public Licence.
"""


def test_a_licence_s_blank_lines_are_its_paragraph_ends() -> None:
    # An item opening in lower case ("b) cause …") after "; and" is no sentence going on
    # over a blank line; a clause in capitals, a blank line and a heading in capitals are
    # two paragraphs, and so are two centred headings on two lines; a copyright line in a
    # sample notice stays in its place, and the blank line after it ends its paragraph.
    texts = [text for _, text in blocks(LICENCE)]
    assert "END OF TERMS AND CONDITIONS" in texts
    assert texts[-1].startswith("This program is free software")
    assert "THE SAMPLE PUBLIC LICENCE" in texts[2:]
    assert "TERMS AND CONDITIONS FOR COPYING, DISTRIBUTION AND MODIFICATION" in texts
    assert any(t.startswith("b) cause the whole") for t in texts)
    assert not any("<name of author> This program" in t for t in texts)


def test_an_e_mail_line_wrapped_after_a_comma_is_one_element() -> None:
    text = (
        "A Specimen Title of an Article\n\n"
        "The first paragraph of the article says what the work is about, and it goes on\n"
        "for a few lines so that the shape of the text is known to the reader.\n\n"
        "Email addresses: j.author@example.org (Jos Author),\n"
        "cv@example.net (CV Second)\n\n"
        "The second paragraph follows the addresses and ends the specimen here.\n"
    )
    texts = [t for _, t in blocks(text)]
    assert "Email addresses: j.author@example.org (Jos Author), cv@example.net (CV Second)" in (
        texts
    )


def test_commands_after_a_prompt_are_code_and_blank_lines_around_them_say_nothing() -> None:
    # An AsciiDoc howto: commands after a shell prompt, one continued past a backslash, a
    # command without a prompt set off by its indent, and the text resuming in lower case
    # after it; the blank lines still end the one-line paragraphs.
    text = (
        "Initialize a bare repository\n\n"
        "    $ cd my-new-repo.git\n    $ git --bare init\n\n"
        "This could be found under /etc/httpd, or refer to your Apache documentation here.\n\n"
        "On Debian: this means being able to edit files under /etc/apache2 as root.\n\n"
        "Now, add the remote in your existing repository which contains the project:\n\n"
        "   $ git-config remote.upload.url \\\n       http://example.org/my-new-repo.git/\n\n"
        "To check whether all is OK, do:\n\n"
        "   curl --netrc --location -v http://example.org/my-new-repo.git/HEAD\n\n"
        "...this should give something like 'ref: refs/heads/master', which is fine.\n"
    )
    out = blocks(text)
    assert ("code", "$ cd my-new-repo.git\n$ git --bare init") in out
    assert ("code", "$ git-config remote.upload.url \\\n    http://example.org/my-new-repo.git/"
            ) in out
    texts = [t for _, t in out]
    assert "On Debian: this means being able to edit files under /etc/apache2 as root." in texts


def test_a_bracketed_entry_is_a_reference_under_any_heading() -> None:
    # The list's heading is in a language the list of reference headings lacks; the
    # entry's pages are someone else's, never the document's own.
    from archive.ingest.analyse import analyse

    text = (
        "Die Arbeit beschreibt, wie der Antrag gegliedert wird und was in jedem Teil steht.\n"
        "Jeder Abschnitt beginnt mit einer kurzen Einleitung und endet mit einer Übersicht.\n\n"
        "Quellen\n\n"
        "[1] Y. Bengio, A. Courville, and P. Vincent, \u201cRepresentation learning: A review\n"
        "and new perspectives,\u201d IEEE Trans. Pattern Anal. Mach. Intell., vol. 35, no. 8,\n"
        "pp. 1798\u20131828, 2013.\n"
    )
    out = blocks(text)
    assert out[-1][0] == "reference" and out[-1][1].startswith("[1] Y. Bengio")
    md = analyse(text.encode()).metadata
    assert (md.first_page, md.last_page) == (None, None)



def test_short_lines_typed_under_one_another_are_a_block() -> None:
    # An address typed a line a field, with no blank line between its lines, is one
    # paragraph; a heading over its text and a list of entries are not blocks.
    text = (
        "The results hold for every sample we tried, and the code is in the package.\n\n"
        "Affiliation:\n\n"
        "Christian Kleiber\nFaculty of Business and Economics\nUniversität Basel\n\n"
        "Achim Zeileis\nDepartment of Statistics\nUniversität Innsbruck\n\n"
        "Introduction\n"
        "The study begins with the data that every reader of the package can load at once.\n\n"
        "|01.1| Two manuals\n|01.2| Vim installed\n"
    )
    assert blocks(text)[:6] == [
        ("body", "The results hold for every sample we tried, and the code is in the package."),
        ("heading", "Affiliation:"),
        ("front_matter", "Christian Kleiber Faculty of Business and Economics Universität Basel"),
        ("front_matter", "Achim Zeileis Department of Statistics Universität Innsbruck"),
        ("heading", "Introduction"),
        ("body", "The study begins with the data that every reader of the package can load at "
                 "once."),
    ]
    assert [t for _, t in blocks(text)[6:]] == ["|01.1| Two manuals", "|01.2| Vim installed"]


def test_a_line_between_a_rule_and_a_blank_line_opens_a_section() -> None:
    text = (
        "For more information on how to write a script file see the chapter on scripts.\n\n"
        + "=" * 78 + "\n"
        "*05.2*\tThe example vimrc file explained and all of its commands\t*vimrc_example*\n\n"
        "In the first chapter was explained how the example vimrc file can be used.\n"
    )
    assert roles(text) == ["body", "heading", "body"]


def test_a_sentence_alone_between_blank_lines_is_no_heading() -> None:
    text = (
        "Configure the server to pass requests under /git/ to the backend, as in the\n"
        "example below, and make the repositories readable by its user.\n\n"
        "You need to restart the web server.\n\n"
        "Configuration\n\n"
        "The backend reads its settings from the environment of the server.\n\n"
        "A tragic incident during the peacekeeping mission.\n"
        "It stopped the work of the whole contingent for a month, and the mission was\n"
        "shortened by a year.\n"
    )
    assert blocks(text) == [
        ("body", "Configure the server to pass requests under /git/ to the backend, as in the "
                 "example below, and make the repositories readable by its user."),
        ("body", "You need to restart the web server."),
        ("heading", "Configuration"),
        ("body", "The backend reads its settings from the environment of the server."),
        # set right on top of its text, a line with a full stop still heads it
        ("heading", "A tragic incident during the peacekeeping mission."),
        ("body", "It stopped the work of the whole contingent for a month, and the mission "
                 "was shortened by a year."),
    ]


def test_a_tutorial_s_exercise_hangs_under_its_mark() -> None:
    wrapped = ("Именованные расширенные команды -- это команды, которые используются гораздо\n"
               "реже, или используются только в определенных режимах. В качестве примера\n"
               "можно привести команду replace-string, которая заменяет одну строку на\n"
               "другую во всем тексте, и команду, которая сохраняет файл под новым именем.\n\n")
    text = (wrapped * 3 +
            ">> Переместите курсор к пустой строке на две строчки ниже этой.\n"
            "   Наберите M-x repl-s<Return>файл<Return>файлы<Return>.\n\n"
            "   Заметьте, как эта строчка изменится: вы замените слово файл\n"
            "   словом \"файлы\" везде, где оно встретится, ниже позиции курсора.\n")
    exercise = (">> Переместите курсор к пустой строке на две строчки ниже этой. Наберите M-x "
                "repl-s<Return>файл<Return>файлы<Return>.")
    assert any(t.startswith(exercise) for _, t in blocks(text))


def _nroff_page(body: list[str], number: int) -> list[str]:
    """One 66-line page of a text a typewriter formatter printed: a running head (after the
    first page), the body, blank lines to the foot."""
    head = [] if number == 1 else ["", "", "", f"     USD:4-{number}" + " " * 20
                                   + "An Introduction to the C shell", "", ""]
    lines = head + body
    return lines + [""] * (66 - len(lines))


def test_a_typewriter_formatted_text_bold_sessions_and_footnotes() -> None:
    # nroff's output as a text file: bold struck over by backspacing, a terminal session
    # with the programs' answers (ed's byte counts), a footnote under a short rule at a
    # page's foot, the sentence going on at the next page's top.
    bold = "".join(f"{ch}\b{ch}" for ch in "Metacharacters in the shell")
    page1 = [
        "", "", "                    An Introduction to the C shell", "", "",
        "                             William Joy", "", "",
        f"     1.4.  {bold}", "",
        "          Thus if we edit a file with ed, then print what it",
        "     holds, we see",
        "",
        "          % ed bug.c", "          29", "          4s/);/\"&/p", "          w",
        "          30", "          q", "          % cat bug.c", "",
        "     how the editor reports the size of the file it wrote after each",
        "     command, and a name may begin with a `#' which tells that the file",
        "     is a scratch file.*  The  system  will  remove",
        "     -----------",
        "     *Note that if your erase character is a `#', you",
        "     will have to precede the `#' with a `\\'.",
    ]
    page2 = [
        "     such  files  after a couple of days, or sooner if file space",
        "     becomes very tight.  Thus, in running the date command we would",
        "     more likely save the output in a scratch file of that kind.",
    ]
    line = "     Line {} of page {} goes on with the text, line by line, to the end."
    rest = [ln for n in range(3, 7)
            for ln in _nroff_page([line.format(k, n) for k in range(8)], n)]
    text = "\n".join(_nroff_page(page1, 1) + _nroff_page(page2, 2) + rest)
    found = _segment(text)
    assert ("heading", "1.4. Metacharacters in the shell") in [(b.role, b.text) for b in found]
    [session] = [b.text for b in found if b.role == "code"]
    assert session.split("\n") == ["% ed bug.c", "29", '4s/);/"&/p', "w", "30", "q",
                                   "% cat bug.c"]
    [note] = [b.text for b in found if b.role == "footnote"]
    assert note.startswith("*Note that if your erase character")
    assert any("is a scratch file.* The system will remove such files after a couple of days"
               in b.text for b in found)
    md = analyse(text.encode()).metadata
    assert md.title == "An Introduction to the C shell"
    assert [a.family for a in md.authors] == ["Joy"]


def test_a_sentence_among_commands_and_a_markdown_heading_are_no_session() -> None:
    text = ("Enable the modules:\n\n"
            "    $ a2enmod dav_fs\n    $ a2enmod dav\n"
            "    The DAV lock is located in /etc/apache2/mods-available/dav_fs.conf:\n"
            "      DAVLockDB /var/lock/apache2/DAVLock\n\n"
            "# Usage\n\nRun the program once a day.\n# Notes\n\nMore text comes here.\n")
    found = blocks(text)
    code = [t for role, t in found if role == "code"]
    assert not any("The DAV lock" in t or "# Usage" in t or "# Notes" in t for t in code)
    assert any(role == "code" and t.startswith("$ a2enmod dav_fs") for role, t in found)


def test_the_name_under_an_underlined_title_is_its_author() -> None:
    text = ("\t\t       Internal IAUTH Workings\n\t\t       =======================\n\n"
            "\t\t\t     Andrew Snare\n\nIntroduction\n------------\n\n"
            "The iauth daemon was written to offload some aspects of authenticating\n"
            "incoming ircd connections. Using a modular design, the original\n"
            "modules provides for identd lookup of incoming connections.\n")
    md = analyse(text.encode()).metadata
    assert md.title == "Internal IAUTH Workings"
    assert [a.family for a in md.authors] == ["Snare"]


def test_a_filled_paragraph_between_prompts_ends_the_session() -> None:
    # NetHack's guidebook (nroff): a configuration file's example, its comments opening
    # with "#", then a section and its paragraph, then "$" commands further on. The
    # paragraph fills its lines and runs on: it is text, not a program's answer.
    para = ["          The NETHACKOPTIONS variable is  a  comma-separated  list  of",
            "          initial  values for the various options.  Some can only be turned",
            "          on or off.  You turn one of these on by adding the  name  of  the",
            "          option  to  the list, and turn it off by typing a bang before it."]
    text = "\n".join([
        "          Here is an example of configuration file contents:", "",
        "          # Set your character's role, race, gender, and alignment.",
        "          OPTIONS=role:Valkyrie, race:Human, gender:female, align:lawful",
        "          #", "          # Map customization",
        "          OPTIONS=color           # Display things in color if possible", "", "",
        "          9.3.  Using the NETHACKOPTIONS environment variable", "", *para, "",
        "          $ NETHACKOPTIONS=\"color,!leg,name:Blue Meanie,fruit:lime\"",
        "          $ export NETHACKOPTIONS", "",
        "          in sh, ksh, or bash.", ""])
    found = blocks(text)
    code = [t for role, t in found if role == "code"]
    assert not any("The NETHACKOPTIONS variable" in t for t in code)
    assert any(t.startswith("The NETHACKOPTIONS variable is a comma-separated list of initial")
               for role, t in found if role == "body")


def test_root_s_command_right_under_a_user_s_is_in_the_listing() -> None:
    # Terminus's README: the user's commands after "$", then root's after "#", flush left.
    text = ("The commands:\n\n$ ./configure [--prefix=PREFIX]\n$ make -j8\n"
            "# make install fontdir\n\ncompile and install the fonts.\n\n# Usage\n\n"
            "Run the program once a day.\n")
    found = blocks(text)
    assert ("code", "$ ./configure [--prefix=PREFIX]\n$ make -j8\n# make install fontdir"
            ) in found
    assert not any(role == "code" and "# Usage" in t for role, t in found)


def test_a_signature_closing_a_readme_names_its_author_and_date() -> None:
    # lsof's quick start, signed at its end; a postal line with an address is no one.
    body = ("A Quick Start for Lsof\n\n1. Introduction\n\n"
            "  Agreed, the lsof man page is dense and lsof has a plethora of\n"
            "  options. There are examples, but the manual page format buries\n"
            "  them at the end. How does one get started with lsof?\n\n")
    md = analyse((body + "\nVic Abell <abe@purdue.edu>\nOctober 13, 2014\n").encode()).metadata
    assert ([a.family for a in md.authors], md.year) == (["Abell"], 2014)
    for closing in ("Адрес за кореспонденция <dimitar.zhekov@gmail.com>\n",
                    "Email: srodri@fi.upm.es, jesus.carretero@uc3m.es\n"):
        assert analyse((body + closing).encode()).metadata.authors == ()


def test_names_centred_one_a_line_under_the_title_are_all_its_authors() -> None:
    # Sendmail's guide (nroff): three names centred under the title, then the company.
    head = ["", "INSTALLATION AND OPERATION GUIDE".center(70).rstrip(), "",
            *(name.center(70).rstrip() for name in (
                "Eric Allman", "Claus Assmann", "Gregory Neil Shapiro", "Proofpoint, Inc.")),
            "", ""]
    body = ["     Sendmail implements a general purpose internetwork mail routing",
            "facility under the UNIX operating system. It is not tied to any one",
            "transport protocol: its function may be likened to a crossbar switch,",
            "relaying messages from one domain into another, as it is configured."]
    md = analyse("\n".join(head + body).encode()).metadata
    assert [a.family for a in md.authors] == ["Allman", "Assmann", "Shapiro"]


def test_a_program_with_blank_lines_after_a_colon_is_one_listing() -> None:
    """An unannounced listing keeps its blank lines inside: "#include" set apart from
    "main" is one program (the Midnight Commander FAQ's colour test)."""
    text = (
        "   Check that your terminal supports color.  Most terminals of today do, and\n"
        "   the Linux console does too.  You can test color support with the following\n"
        "   simple C program:\n"
        "\n"
        "    #include <stdio.h>\n"
        "\n"
        "    int main (void){\n"
        "        printf (\"\\033[32m Hello world! \\033[m\\n\");\n"
        "        return 0;\n"
        "    }\n"
        "\n"
        "   Compile and run it.  If you see the text in green your terminal supports\n"
        "   color, otherwise not, and you may want to use another terminal for it.\n"
    )
    out = blocks(text)
    assert [role for role, _ in out] == ["body", "code", "body"]
    assert out[1][1].startswith("#include <stdio.h>\n")
    assert out[1][1].endswith("    return 0;\n}")
    # Items set in by a tab, each wrapped back to the margin, are a list, not a listing.
    items = (
        "De este fichero se generan los siguientes ficheros, que se instalan todos:\n"
        "\n"
        "\tespanol.aff: Fichero de afijos.\n"
        "\n"
        "\tespanol.words: Contiene una lista de palabras que aparecen en\n"
        "el Diccionario de la Real Academia Espanola de la Lengua.\n"
        "\n"
        "\tespanol.comp: Contiene una lista de palabras que aunque no\n"
        "aparecen en el Diccionario, se utilizan en entornos informaticos.\n"
    )
    assert "code" not in roles(items)


def test_two_spaces_after_a_sentence_count_in_the_room_a_line_left() -> None:
    """A file typed with two spaces after each sentence wraps a sentence's end where the
    next word and both spaces do not fit: the paragraph goes on."""
    filler = ("The program keeps its configuration in a file of its own, read at start and "
              "written back when the program ends, so that every change made in the dialogs "
              "is kept for the next session as well. ")
    wrapped = textwrap.fill(filler * 2, 72, initial_indent="   ", subsequent_indent="   ")
    line = "   Switch to bash or zsh.  They are both quite compatible with ksh."
    assert len(line) == 72 - 5  # "Your" fits after one space, not after two
    key = (f"{line}\n"
           "   Your functions should work as such or after minimal changes, and the\n"
           "   subshell then keeps the directory you changed to in the panels too.")
    out = blocks("\n\n".join([wrapped, wrapped, key, wrapped]) + "\n")
    assert len(out) == 4
    assert "with ksh. Your functions should work" in out[2][1]


def test_a_title_typed_flush_left_over_two_lines_opens_the_file() -> None:
    body = ("   The newest version of this document is available at the project's site,\n"
            "   where the answers are kept up to date by the people who write the code.\n\n")
    text = "GNU Midnight Commander\nFrequently Asked Questions\n\n" + body * 3
    md = analyse(text.encode()).metadata
    assert md.title == "GNU Midnight Commander Frequently Asked Questions"
    assert md.authors == ()  # the title's first line names nobody
    # A version line under a one-line title is not the title's.
    text = "Midnight Commander\nVersion 4.8.29\n\n" + body * 3
    assert analyse(text.encode()).metadata.title != "Midnight Commander Version 4.8.29"


def test_a_title_over_its_authors_address_and_the_version_lines() -> None:
    # A note opens with its title, its author and address, then version and dates, with
    # no gap between them: the title is the lines over the author's.
    body = ("   If your system handles modems and shell users are allowed from modem, they\n"
            "   can dial out and possibly also take over the login process on the modems.\n\n")
    head = ("Paranoid Secure Port Implementation\n"
            "Marc SCHAEFER <schaefer@alphanet.ch>\n"
            "$Id: secure_tty.txt,v 4.2 1999/01/24 12:35:53 marcs Exp $\n"
            "V1.0 PV005\n"
            "Update:   10/01/99\n\n")
    md = analyse((head + body * 3).encode()).metadata
    assert md.title == "Paranoid Secure Port Implementation"
    assert [(a.given, a.family) for a in md.authors] == [("Marc", "Schaefer")]
    # An organisation's address under the title names no author.
    head = head.replace("Marc SCHAEFER", "The Modem Project")
    assert analyse((head + body * 3).encode()).metadata.authors == ()


def test_entries_one_a_line_some_of_them_long_are_one_paragraph_each() -> None:
    """A file of "key: prompt" entries, some of a paragraph's length, is not hard-wrapped:
    each line is an entry, however it ends and whatever case the next opens in."""
    short = ["activated: Активировано", "added: Добавлено", "beep: [a simple beep tone]",
             "digits/0: ноль", "digits/1: один", "conf-getpin: Введите пароль конференции"]
    long = ("demo-instruct: Если вы хотите получить более детальную техническую информацию, "
            "нажмите 2, а чтобы вернуться в главное меню, нажмите звёздочку; "
            "если вы хотите услышать эти варианты ещё раз, оставайтесь на линии.")
    lines = [f"{entry} {k}" for k in range(8) for entry in short]
    lines[10:10] = [long.replace("demo", f"demo{k}") for k in range(4)]
    text = "; Core Sounds in Russian\n\n" + "\n".join(lines) + "\n"
    out = blocks(text)
    assert [t for _, t in out] == ["; Core Sounds in Russian", *lines]


DRI3 = """\
\t\t\t  The DRI3 Extension
\t\t\t     Version 1.2
\t\t\t      2018-02-28

\t\t\t    Keith Packard
\t\t\t  keithp@keithp.com
\t\t\t  Intel Corporation

\t\t\t    Daniel Stone
\t\t       daniels@collabora.com
\t\t\t     Collabora


1. Introduction

The DRI3 extension provides mechanisms to translate between direct ren-
dered buffers and X pixmaps. When combined with the Present extension, a
complete direct rendering solution for OpenGL is provided. The direct re-
ndered buffers are passed across the protocol via standard POSIX file de-
scriptor passing mechanisms; on Linux, these buffers are DMA-BUF objects.

8. Extension Requests

┌───
    DRI3Open
\tdrawable: DRAWABLE
\tprovider: PROVIDER
      ▶
\tnfd: CARD8

\tdevice: FD
└───
\tErrors: Drawable, Value, Match

\tThis requests that the X server open the direct rendering device
\tassociated with drawable and RandR provider. The provider must
\tsupport SourceOutput or SourceOffload, as the protocol requires.
"""


def test_a_box_drawn_round_a_request_holds_a_listing() -> None:
    out = blocks(DRI3)
    code = [text for role, text in out if role == "code"]
    assert len(code) == 1
    assert code[0].split() == ["DRI3Open", "drawable:", "DRAWABLE", "provider:", "PROVIDER",
                               "▶", "nfd:", "CARD8", "device:", "FD"]
    assert not [text for _, text in out if "┌" in text or "└" in text]


def test_authors_centred_each_with_an_address_under_a_centred_title() -> None:
    md = analyse(DRI3.encode()).metadata
    assert md.title == "The DRI3 Extension"
    assert [(a.family, a.email) for a in md.authors] == [
        ("Packard", "keithp@keithp.com"), ("Stone", "daniels@collabora.com")]


def test_a_quoted_commit_is_literal_and_its_author_is_not_the_document_s() -> None:
    text = (
        "   Update GNU Screen to the last version.  This bug was fixed in the\n"
        "   commit quoted below, which every release since then includes:\n"
        "\n"
        "   commit ad56f746c6243d45124485d198d577bdbb78071c\n"
        "   Author: Sadrul Habib Chowdhury <sadrul@users.sourceforge.net>\n"
        "   Date:   Sun Nov 29 23:34:25 2009 -0500\n"
        "\n"
        "       Fix using alternate screen buffers in some cases.\n"
        "\n"
        "   Or do not rewrite TERM, and run the program as it is described in the\n"
        "   manual, with the options that the manual gives for such terminals.\n"
    )
    out = blocks(text)
    assert [role for role, _ in out] == ["body", "code", "body"]
    assert out[1][1].endswith("Fix using alternate screen buffers in some cases.")
    assert analyse(text.encode()).metadata.authors == ()


def test_a_title_centred_over_a_text_set_in_from_column_zero() -> None:
    # nroff's output: the text runs from column 10 to 75, the title is centred over it.
    body = textwrap.fill(
        "Recently, you have begun to find yourself unfulfilled and distant in your daily "
        "occupation. Strange dreams of prospecting, stealing, crusading, and combat have "
        "haunted you in your sleep for many months, but you aren't sure of the reason. " * 3,
        75, initial_indent=" " * 10, subsequent_indent=" " * 10)
    title = "A Guide to the Mazes of Menace"
    text = ("\n" * 3 + " " * (10 + (65 - len(title)) // 2) + title + "\n\n"
            + " " * 38 + "March 8, 2020\n\n\n" + " " * 10 + "1.  Introduction\n\n" + body + "\n")
    assert analyse(text.encode()).metadata.title == title


MANUAL_PAGE = """\
FROBNICATE(1)          General Commands Manual          FROBNICATE(1)



NAME
       frobnicate - turn widgets into gadgets

SYNOPSIS
       frobnicate [-q] widget

DESCRIPTION
       Each widget named on the command line is turned into a gadget of the
       same size.

       The names may hold variables, written between percent signs:

        %home% %widget%

       The following variables are defined already.

       %home%  - the user's home folder, where the widgets are

       %widget% - the widget's own name

SEE ALSO
       gadgetize(1)



Frobnicate 1.2                   2022-01-12                   FROBNICATE(1)
"""


def test_a_manual_page_set_as_text_loses_its_head_and_foot_and_keeps_its_sections() -> None:
    # ``man | col -b``: the page's name at both ends of its head, the same name ending its
    # foot; section heads in capitals over indented text, blank lines between paragraphs
    # (a line opening on "%home%" names a variable: no sentence going on over a blank line).
    blocks = analyse(MANUAL_PAGE.encode()).segmentation.blocks
    roles = {b.text: b.role for b in blocks}
    # Each section's name heads the lines set in under it, whatever case they open in; a
    # line of variables is no heading.
    assert [roles[t] for t in ("NAME", "SYNOPSIS", "DESCRIPTION", "SEE ALSO")] == ["heading"] * 4
    assert roles["%home% %widget%"] != "heading"
    texts = [b.text for b in blocks]
    assert texts == [
        "NAME", "frobnicate - turn widgets into gadgets",
        "SYNOPSIS", "frobnicate [-q] widget",
        "DESCRIPTION",
        "Each widget named on the command line is turned into a gadget of the same size.",
        "The names may hold variables, written between percent signs:",
        "%home% %widget%",
        "The following variables are defined already.",
        "%home% - the user's home folder, where the widgets are",
        "%widget% - the widget's own name",
        "SEE ALSO", "gadgetize(1)",
    ]


def test_a_manual_page_s_section_heads_stand_apart_where_its_blank_lines_are_unreliable(
) -> None:
    # A blank line inside a sentence (a word broken over it) makes every blank line weak
    # evidence; a head in capitals, flush left between a gap and lines set in, still opens
    # its own section after a paragraph that ends on no full stop.
    page = MANUAL_PAGE.replace(
        "is turned into a gadget of the\n       same size.",
        "is turned into a gad-\n\n       get of the same size.")
    texts = [b.text for b in analyse(page.encode()).segmentation.blocks]
    assert texts[:5] == ["NAME", "frobnicate - turn widgets into gadgets",
                         "SYNOPSIS", "frobnicate [-q] widget", "DESCRIPTION"]


def test_a_message_s_name_in_capitals_stays_with_its_fields_set_in_under_it() -> None:
    # A protocol's message: its name, an identifier in capitals, over its fields; not a
    # section's head (those are words: ``SEE ALSO``).
    text = ("The proxy manager answers with the address of a proxy that it thinks can\n"
            "satisfy the request.\n\n"
            "GET_PROXY_ADDR\n"
            "    proxy-service : STRING\n"
            "    server-address : STRING\n\n"
            "The proxy-service is the name of the proxy service to be requested.\n")
    texts = [b.text for b in analyse(text.encode()).segmentation.blocks]
    assert not any(t == "GET_PROXY_ADDR" for t in texts)
    assert any(t.startswith("GET_PROXY_ADDR") and "server-address" in t for t in texts)


def test_a_file_s_first_line_underlined_titles_it_however_short() -> None:
    body = ("This chapter provides a short tutorial for use at the command line, with\n"
            "the scripting interfaces described in the chapters after it, and the\n"
            "examples that come with the package.\n")
    for title, rule in (("README", "======"), ("Tutorial", "--------")):
        text = f"{title}\n{rule}\n\n{body}"
        assert analyse(text.encode()).metadata.title == title


FAQ = """\
                                                                    jw  21.10.93
\t\t\t\t\t\t\t\t    \t05.05.94

   screen: frequently asked questions -- known problems -- unimplemented bugs
=-=-=-=-=-=-=-=-=-=-=-=-=-=-=-=-=-=-=-=-=-=-=-=-=-=-=-=-=-=-=-=-=-=-=-=-=-=-=-=-


Q:   When you start "screen" a page of text comes up to start you off. Is
     there a way to get rid of this text as a command line argument?

A:   Just  put  the following line in your ~/.screenrc:
         startup_message off
     Many people ask this, although  it  is  in the man page, too :-)

Q:   The cursor left key deletes the characters instead of just moving
     the cursor.

A:   Your terminal emulator treats the backspace as "destructive". You
     can probably change this somewhere in the setup. If you really must
     have it, add the lines
\ttermcap  <TERM> 'bc@:bs@'
\tterminfo <TERM> 'bc@:bs@'
     to your ~/.screenrc (replace <TERM> with the terminal type your
     emulator uses). Screen misinterprets  this as the ansi  comment
     sequence:
     \t\tESC ] osc_string
     and waits (according to ansi) for the string terminator
     \t\tESC \\
     Screen versions after 3.5.12 may provide a workaround.
"""


def test_an_faq_s_questions_head_their_answers_and_displays_stand_apart() -> None:
    assert analyse(FAQ.encode()).metadata.title == (
        "screen: frequently asked questions -- known problems -- unimplemented bugs")
    got = blocks(FAQ)
    assert [role for role, text in got if text.startswith(("Q:", "A:"))] == [
        "heading", "body", "heading", "body"]
    texts = [text for _, text in got]
    # A line shown alone after a colon, the answer going on under it at its own column.
    assert ("code", "startup_message off") in got
    assert ("body", "Many people ask this, although it is in the man page, too :-)") in got
    assert ("code", "ESC ] osc_string") in got
    assert texts[texts.index("ESC ] osc_string") + 1].startswith("and waits (according")


def test_a_definition_list_s_short_definitions_stay_text() -> None:
    text = ("Options of the program\n\n--verbose\n        Print more.\n--quiet\n"
            "        Print less.\n\nThe options may be given in any order, and each of them\n"
            "more than once, as the shell passes them on.\n")
    assert "code" not in roles(text)



def test_a_picture_s_words_in_brackets_in_a_browser_s_dump_are_no_paragraph() -> None:
    text = ("       При запуску Tux Paint спочатку з'являється\n       заставка.\n\n"
            "                               [Заставка]\n\n"
            "       По завершенню завантаження натисніть будь-яку\n"
            "       клавішу.\n\n"
            "     [Панель вибору -- кисті, шрифти, фігури\n"
            "                                 штампи]\n\n"
            "       Дивіться також\n\n[1]\n")
    texts = [text for _, text in blocks(text)]
    assert "[Заставка]" not in texts and not any("Панель" in t for t in texts)
    assert "По завершенню завантаження натисніть будь-яку клавішу." in texts
    assert "[1]" in " ".join(texts)  # a note's number is no picture


def test_a_copy_typed_one_sentence_a_line_has_the_blocks_its_blank_lines_part() -> None:
    blocks_ = [["Затем будет задан вопрос, желаете ли Вы установить ярлыки",
                "Tux Paint в меню \"Пуск\" и на рабочий стол Windows.",
                "(По умолчанию устанавливаются оба.)"],
               ["Места в директории по умолчанию должно быть достаточно для установки,",
                "если Вы не выберете другой диск.",
                "В противном случае, выберите другое местоположение."],
               ["On Debian:", "Create (or add to) /etc/apache2/conf.d/git.conf:"]]
    # Ahead of them, a paragraph wrapped where the translator's lines happened to end.
    opening = ["Если Вы используете Windows,",
               "Вам нужно загрузить программу установки, которая содержит",
               "всё необходимое для работы программы: саму программу,",
               "её звуки, картинки, кисти и шрифты, а также документацию на нескольких",
               "языках. Программа установки спросит Вас,",
               "куда её поместить, и создаст ярлыки в меню и на рабочем столе, а удалить",
               "её можно через панель управления, как и любую другую программу."]
    text = "\n\n".join("\n".join("      " + line for line in block)
                       for block in [opening, *blocks_])
    got = [t for _, t in blocks(text + "\n")]
    assert got[1:3] == [" ".join(block) for block in blocks_[:2]]
    assert got[3:] == blocks_[2]  # a label's colon ends its line's paragraph


def test_a_title_in_capitals_ends_before_the_first_section_s_heading() -> None:
    text = ("\n\n   Open Software Foundation                              V. Samar (SunSoft)\n"
            "   Request For Comments: 86.0                         R. Schemers (SunSoft)\n"
            "   October 1995\n\n\n\n"
            "                              UNIFIED LOGIN WITH\n"
            "                    PLUGGABLE AUTHENTICATION MODULES (PAM)\n\n\n"
            "   1. INTRODUCTION\n\n"
            "      Since low-level authentication mechanisms constantly evolve, it is\n"
            "      important to shield the high-level consumers of these mechanisms\n"
            "      (system-entry services and users) from such low-level changes.  With\n"
            "      the Pluggable Authentication Module (PAM) framework, we can provide\n"
            "      pluggability for a variety of system-entry services.\n")
    assert analyse(text.encode()).metadata.title == (
        "UNIFIED LOGIN WITH PLUGGABLE AUTHENTICATION MODULES (PAM)")


def test_a_listing_in_c_set_in_is_code_without_a_colon_announcing_it() -> None:
    text = """\
   The service calls the framework's functions in this order, and ends the
   session when the user is done.

          if (status != PAM_SUCCESS) {
              fprintf(stderr,"error: %s\\n", pam_strerror(status));
              login_exit(1);
          }

          /*
           * Add DCE/Kerberos cred name, if any.
           * XXX - The module specific stuff should be removed from login
           * program eventually.

            int
            pam_set_data(
                pam_handle_t *pamh,
                char *module_data_name,
                char *data
            );

   A list of what the framework keeps for each session follows here:

      * the user's name, as the service gave it;
      * the terminal (tty) the session runs on;
      * the remote host, if any.

      Ivan Petrov,
      12 Main Street,
      Springfield.
"""
    got = blocks(text)
    # One listing, its blocks a blank line apart, its lines as typed.
    codes = [t for role, t in got if role == "code"]
    assert len(codes) == 1
    assert codes[0].startswith("if (status != PAM_SUCCESS) {\n    fprintf(")
    assert "\n\n/*\n * Add DCE/Kerberos cred name, if any.\n" in codes[0]
    assert codes[0].endswith("      char *data\n  );")
    roles = dict((t, role) for role, t in got)
    assert roles["* the user's name, as the service gave it;"] == "list_item"
    assert not any(role == "code" for role, t in got if "Springfield" in t or "Ivan" in t)


def test_a_preprocessor_s_directives_set_in_are_code() -> None:
    text = ("   The configuration for Linux machines reads, in full, as follows here.\n\n"
            "      #define ANSI\n      #undef MICROSOFTC\n      #define LITTLENDIAN\n\n"
            "   Other systems need other settings, which the file names one by one.\n")
    assert ("code", "#define ANSI\n#undef MICROSOFTC\n#define LITTLENDIAN") in blocks(text)
