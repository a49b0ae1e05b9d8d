"""Title, authors and date from the head of a plain-text file.

A text file has no type sizes; its title page is typed: the title centred on its own line
(often between rules of dashes), a byline (``VIM USER MANUAL - by Bram Moolenaar``), a
version line, a date on its own line (``January 2021``) or in a header line
(``Last change: 2019 Nov 21``). The head is the first few dozen lines; a line is centred
when its middle sits at the middle of the file's usual line width. A README may be signed
at its end instead: a name with its address, then the date.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from email.utils import parsedate_to_datetime

from ..models import Author, Candidate, Document, Line
from ..origins import InText, Part
from ..textcopy import usual_width
from . import patterns as pt
from .dates import date_year
from .names import split_names
from .rows import title_like
from .titleblock import names_on

TITLE_PRIORITY = 45  # like a title beside the names: the shape is the only evidence
PRIORITY = 50
_HEAD_LINES = 40
_SHORT_TITLE = 3  # letters of an underlined first line, at least, to title the file
_SLACK = 4  # columns a centred line's middle may miss the page's middle by
_RULE = re.compile(r"^[\W_]+$")
_PROSE = 0.7  # of the usual width: a line of running text
_PROSE_LINES = 3  # of them, after which no centred line is the title
_HEADER_FIELD = re.compile(
    r"^(?P<key>From|Subject|Date|To|Cc|Content-type|Message-ID):\s(?P<value>.*)$", re.IGNORECASE
)
_HEADER_LINES = 12
_AUTHORS_LABEL = re.compile(r"(?i)(?:authors?|авторы?|авторлар|written by)\s*:?")
_MAX_AUTHOR_LINES = 12
_AUTHOR_LINE = re.compile(
    r"(?i)(?:authors?|авторы?|авторлар|written by)\s*:\s*(?P<names>\S.{2,80})")
_ALIAS = re.compile(r"(?i)\s+(?:aka|a\.k\.a\.|alias|он же)\s+.*$")
_BYLINE = re.compile(r"(?:^|\s[-–—:]\s+)(?:by|автор(?:ы)?:?)\s+(?P<names>\S.*)$", re.I)


def _running(line: Line, width: int) -> bool:
    """A line of running text: it fills the usual width from the left half (a date or a
    tag set at the right margin does not)."""
    indent, length = _columns(line)
    return 2 * indent < width and indent + length >= _PROSE * width


def _columns(line: Line) -> tuple[int, int]:
    """Indent and length of the line with tabs expanded."""
    text = line.text.expandtabs(8).rstrip()
    body = text.lstrip()
    return len(text) - len(body), len(body)


def _centred(line: Line, axis: int) -> bool:
    """The line's middle is the text block's (``axis`` is twice it: the text's left edge
    and its usual width, whose lines start at column 0 in most files, at an indent in a
    formatter's output)."""
    indent, length = _columns(line)
    return indent >= _SLACK and abs(indent + length / 2 - axis / 2) <= _SLACK


def _text_left(columns: list[tuple[int, int]], width: int) -> int:
    """The text's left edge, from its lines' indents and lengths: the least indent a good
    share of its full lines start at (a list's or a quotation's lines, set in further, are
    not the text's)."""
    starts = Counter(indent for indent, length in columns if indent + length >= _FULL * width)
    total = sum(starts.values())
    return min((indent for indent, n in starts.items() if n >= _EDGE_SHARE * total), default=0)


_FULL = 0.9  # of the usual width: a full line of text
_EDGE_SHARE = 0.2  # of the full lines, at least, that start at the text's left edge


def _alone(lines: list[Line], k: int) -> bool:
    """Nothing runs on from this line: the next is after a gap, a rule, or the end."""
    if k + 1 >= len(lines):
        return True
    nxt = lines[k + 1]
    return nxt.blank_before or bool(_RULE.match(nxt.text.strip()))


def _byline(text: str) -> list[Author]:
    match = _BYLINE.search(text)
    return names_on(match.group("names")) if match else []


def _underlined(head: list[Line], width: int) -> tuple[int, Candidate] | None:
    """The first heading underlined with a rule of its own length (``How to setup …`` over
    ``====``: the extractor marks it a heading), as AsciiDoc, Markdown and
    reStructuredText type a document's title, with its place in the head; a tag set in the
    right half is no title, nor a heading under lines of running text (a section's)."""
    prose = 0
    for k, line in enumerate(head):
        text = " ".join(line.text.split())
        prose += _running(line, width)
        if prose >= _PROSE_LINES:
            break
        # The file's first line, marked a heading by its rules, is its title however short
        # ("README" over "======", "Tutorial" between rows of asterisks).
        opening = k == 0 and sum(map(str.isalpha, text)) >= _SHORT_TITLE
        if line.kind == "heading" and 2 * _columns(line)[0] < width and (
                title_like(text) or opening):
            where = InText(Part.TITLE_LINES, line.page)
            return k, Candidate("title", text, where, lang=pt.guess_lang(text), detail=text,
                                priority=PRIORITY)
    return None


def _mail_header(lines: tuple[Line, ...]) -> list[Candidate]:
    """A file that opens with a message's header (``From:``, ``Subject:``, ``Date:``), as
    notes sent to a mailing list and kept as documents do: its sender and subject."""
    out: list[Candidate] = []
    for line in lines[:_HEADER_LINES]:
        match = _HEADER_FIELD.match(line.text)
        if match is None or (line.blank_before and line is not lines[0]):
            break
        key, value = match["key"].casefold(), match["value"].strip()
        where = InText(Part.TITLE_LINES, line.page)
        if key == "from" and (names := split_names(value)):
            out.append(Candidate("authors", [a.as_json() for a in names], where, detail=value,
                                 priority=TITLE_PRIORITY))
        elif key == "subject" and value:
            out.append(Candidate("title", value, where, lang=pt.guess_lang(value), detail=value,
                                 priority=TITLE_PRIORITY - 5))
        elif key == "date" and (year := _mail_year(value)):
            out.append(Candidate("year", year, where, detail=value, priority=PRIORITY))
    return out


def _mail_year(value: str) -> int | None:
    try:
        return parsedate_to_datetime(value).year
    except (TypeError, ValueError, IndexError):
        return None


def _authors_section(lines: tuple[Line, ...]) -> list[Candidate]:
    """An ``Authors`` section (a manual's last): a label alone, then a name a line, each
    with its address or nothing else; or a label and the names on one line."""
    for k, line in enumerate(lines):
        if line.kind == "code":
            continue  # a quoted commit's "Author:", a program's output
        if (inline := _AUTHOR_LINE.fullmatch(line.text.strip())) and (
                found := split_names(_ALIAS.sub("", inline.group("names")))):
            # "Автор: Павел Марьянов aka Acid Jack", a signature closing a README.
            where = InText(Part.TITLE_LINES, line.page)
            return [Candidate("authors", [a.as_json() for a in found], where,
                              detail=line.text.strip(), priority=PRIORITY)]
        if not _AUTHORS_LABEL.fullmatch(line.text.strip()):
            continue
        names: list[Author] = []
        for entry in lines[k + 1 : k + 1 + _MAX_AUTHOR_LINES]:
            if entry.blank_before and names:
                break
            found = split_names(entry.text)
            if len(found) != 1 or not (found[0].email or len(entry.text.split()) <= 4):
                break
            names += found
        if names:
            where = InText(Part.TITLE_LINES, line.page)
            return [Candidate("authors", [a.as_json() for a in names], where,
                              detail=line.text.strip(), priority=PRIORITY)]
    return []


_SIGNATURE_LINES = 3  # the file's last lines, where a signature stands
_SIGNATURE_WIDTH = 120  # characters of a signature's line, at most: no paragraph is one


def _signature(lines: tuple[Line, ...]) -> list[Candidate]:
    """A signature closing the file: one name with its address on a line of its own among
    the last lines (``Vic Abell <abe@purdue.edu>``), and the date under it."""
    tail = [ln for ln in lines[-_SIGNATURE_LINES:]
            if ln.text.strip() and len(ln.text) <= _SIGNATURE_WIDTH]
    for k, line in enumerate(tail):
        found = split_names(line.text)
        # The words before the address must be a person's name ("Email:" is none).
        if len(found) != 1 or not found[0].email or len(names_on(found[0].literal or "")) != 1:
            continue
        where = InText(Part.TITLE_LINES, line.page)
        out = [Candidate("authors", [found[0].as_json()], where, detail=line.text.strip(),
                         priority=PRIORITY - 5)]
        for after in tail[k + 1:]:
            if year := date_year(after.text.strip()):
                out.append(Candidate("year", year, InText(Part.TITLE_LINES, after.page),
                                     detail=after.text.strip(), priority=PRIORITY - 5))
                break
        return out
    return []


def candidates(doc: Document) -> list[Candidate]:
    if doc.media_type != "text/plain" or not doc.lines:
        return []
    head = [ln for ln in doc.lines[:_HEAD_LINES] if ln.page == doc.lines[0].page]
    columns = [_columns(ln) for ln in doc.lines[:400]]
    width = usual_width([indent + length for indent, length in columns])
    axis = _text_left(columns, width) + width  # twice the text block's middle
    underlined = _underlined(head, width)
    out: list[Candidate] = [
        *([underlined[1]] if underlined else []), *_mail_header(doc.lines),
        *_authors_section(doc.lines), *_signature(doc.lines),
    ]
    fields: set[str] = set()
    # The head's line that is the title (underlined as a heading, or centred: below).
    title_at = underlined[0] if underlined else -2
    prose = 0  # lines of running text so far: a title comes before them
    for k, line in enumerate(head):
        text = " ".join(line.text.split())
        where = InText(Part.TITLE_LINES, line.page)
        if "year" not in fields and _alone(head, k) and (year := date_year(text)):
            out.append(Candidate("year", year, where, detail=text, priority=PRIORITY))
            fields.add("year")
        if k == 0 and (opening := _opening_title(head, width)):
            # The file's first line, or two or three short ones, standing alone: a title
            # typed flush left (underlined or over a gap), as a README opens.
            title, signed, byline = opening
            out.append(Candidate("title", title, where, lang=pt.guess_lang(title),
                                 detail=title, priority=TITLE_PRIORITY))
            fields.add("title")
            if signed:
                out.append(Candidate("authors", [a.as_json() for a in signed], where,
                                     detail=byline,
                                     priority=PRIORITY))
                fields.add("authors")
        prose += _running(line, width)
        if not _centred(line, axis) or prose >= _PROSE_LINES:
            continue
        names = _byline(text) or (_names_under_title(head, k, axis) if title_at == k - 1
                                  else _addressed_blocks(head, k, axis) if title_at >= 0
                                  else [])
        if names and "authors" not in fields:
            out.append(Candidate("authors", [a.as_json() for a in names], where, detail=text,
                                 priority=PRIORITY))
            fields.add("authors")
        elif not names and "title" not in fields and title_like(text) and date_year(text) is None:
            out.append(Candidate("title", text, where, lang=pt.guess_lang(text), detail=text,
                                 priority=TITLE_PRIORITY))
            fields.add("title")
            title_at = k
    return out


_TITLE_LINES = 3  # lines of a title typed flush left at the file's head, at most
_NOT_TITLE_WORDS = re.compile(r"\d|@|://|©|\(c\)|copyright", re.IGNORECASE)


def _opening_title(head: list[Line], width: int) -> tuple[str, list[Author], str] | None:
    """The file's opening lines, when they stand alone over a gap and read as a title: a
    short line, or a few at one indent, the next ones opening with a capital ("GNU
    Midnight Commander" ⏎ "Frequently Asked Questions"); a next line with a number, an
    address or a copyright is a version's or an author's, not the title's. Or the lines
    over one naming a person with an address ("Marc SCHAEFER <…@alphanet.ch>"), with the
    version's and the dates' lines under it: that person is the author."""
    if not head:
        return None
    end = next((k for k in range(min(len(head), _TITLE_LINES)) if _alone(head, k)), None)
    authors: list[Author] = []
    byline = ""
    if end is None:
        signed = next(((k, one) for k in range(1, min(len(head), _TITLE_LINES + 1))
                       if (one := _mailed_person(head[k].text))), None)
        if signed is None:
            return None
        end, authors, byline = signed[0] - 1, signed[1], head[signed[0]].text
    lines = head[:end + 1]
    texts = [" ".join(ln.text.split()) for ln in lines]
    indent = _columns(lines[0])[0]
    if any(sum(_columns(ln)) >= _PROSE * width or text.endswith(".")
           or (k and (not text[:1].isupper() or _columns(ln)[0] != indent))
           for k, (ln, text) in enumerate(zip(lines, texts, strict=True))):
        return None
    if any(_NOT_TITLE_WORDS.search(text) for text in texts[1:]):
        return None
    title = " ".join(texts)
    return (title, authors, byline) if title_like(title) and date_year(title) is None else None


_MAILED = re.compile(rf"^(?P<name>[^<>()@\d]+?)\s*[<(]\s*{pt.EMAIL_RE.pattern}\s*[>)]$")


def _mailed_person(text: str) -> list[Author]:
    """One person's name with an address in brackets after it, alone on its line."""
    match = _MAILED.match(" ".join(text.split()))
    if not match:
        return []
    names = _person(match.group("name"))
    return names if len(names) == 1 else []


# Words no one's name is made of: a subtitle's ("For Beginners", "The Next Steps").
_NOT_A_NAME_WORD = frozenset((
    "a", "an", "the", "and", "or", "of", "for", "to", "in", "on", "at", "with", "by", "from",
    "about", "into", "как", "для", "и", "в", "на", "о", "по",
))


def _person(text: str) -> list[Author]:
    """The names on a line under the title; none on a subtitle's ("The Next Steps")."""
    if any(w.casefold() in _NOT_A_NAME_WORD for w in text.split()):
        return []
    return names_on(text)


def _addressed_blocks(head: list[Line], k: int, axis: int) -> list[Author]:
    """The centred blocks from ``k`` on (a gap apart) that each open with one person's name
    and hold an e-mail address: an author, the address and the employer (``Keith Packard`` ⏎
    ``keithp@keithp.com`` ⏎ ``Intel Corporation``), one block an author."""
    if not head[k].blank_before:
        return []
    authors: list[Author] = []
    j = k
    while j < len(head) and _centred(head[j], axis):
        block = [head[j]]
        j += 1
        while j < len(head) and not head[j].blank_before and _centred(head[j], axis):
            block.append(head[j])
            j += 1
        one = _person(" ".join(block[0].text.split()))
        emails = [e for ln in block[1:] for e in pt.find_emails(ln.text)]
        if len(one) != 1 or len(emails) != 1:
            break
        authors.append(replace(one[0], email=emails[0]))
    return authors


def _names_under_title(head: list[Line], k: int, axis: int) -> list[Author]:
    """The names centred under a centred title, one a line (``William Joy``; ``Eric
    Allman`` ⏎ ``Claus Assmann`` ⏎ …), up to a gap or a line that is no name."""
    names: list[Author] = []
    for j in range(k, len(head)):
        line = head[j]
        if j > k and (line.blank_before or not _centred(line, axis)):
            break
        one = _person(" ".join(line.text.split()))
        if len(one) != 1:
            break
        names += one
    return names
