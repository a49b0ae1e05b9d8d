"""Authors and date from the lines set under the title, read line by line.

The segmenter may glue a title page's lines into one paragraph (the names, the affiliation
and the date of a vignette) or call the date line a table; the lines themselves keep their
shape. Under the title come the names (one line for all, or a line per author with its
affiliation below, or ``A. N. Author, Institute, City`` with the place on the same line),
then perhaps a date line (``January 10, 2009, Version 1.1``, ``окт. 24, 2021``). The block
ends at a label (``Abstract``), at a paragraph of running text, or after a dozen lines.

A date printed elsewhere on the opening pages (a title footnote ``Version: June 28, 2019``,
a preprint footer, a revision table) is the document's own when the PDF's creation date
falls in the same year: the container confirms what the page states, and never states a
year on its own (a file made in 2022 may carry a text of any year).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..lineshapes import EMAIL
from ..models import Author, Candidate, Document
from ..origins import InText, Part
from . import titleblock
from .dates import DATE, date_year, year_of
from .frontmatter import is_label
from .labels import SECTION_LINE
from .names import INITIALS, NAME_SUFFIX, is_collective, latin_key, parse_author_line
from .rows import Row, Rows, marked_text

PRIORITY = 52  # above the segmenter's title block (50): it reads every line, not one block
AGREED_PRIORITY = 35  # below PDF info's own fields: a year only, and only when confirmed
STATED_PRIORITY = 33  # a sentence saying when it was typeset: above a copyright's years (30)
_BLOCK_ROWS = 24
_OPENING_PAGES = 3
_INITIALS_NAME = re.compile(rf"^{INITIALS}\s?[^\W\d_][\w'’-]+[†*∗‡§\d]*$")


def _full_date(text: str) -> bool:
    """A date down to the day, not a month and year."""
    match = DATE.search(text)
    return match is not None and match.group("y3") is None


def title_rows(rows: Rows, title: Candidate | None) -> list[Row]:
    """The rows of the printed title the title readers chose, in order."""
    if title is None or not title.detail:
        return []
    first = title.detail.split("\n")[0]
    for k, row in enumerate(rows.rows):
        if row.text == first:
            count = title.detail.count("\n") + 1
            return list(rows.rows[k : k + count])
    return []


_TEXT_ROW = 40  # characters of a line of running text, at least


def block_under(rows: Rows, title: list[Row]) -> list[Row]:
    """The lines under the title on its page, up to a label or a paragraph of text."""
    if not title:
        return []
    out: list[Row] = []
    run = 0
    for row in rows.rows[title[-1].index + 1 :]:
        if row.page != title[-1].page or len(out) >= _BLOCK_ROWS or is_label(row.text):
            break
        # Three lines of some length without a gap: running text (an abstract, the body);
        # on a page, short ones are a logo's words or an address (a text file has no type
        # to tell a short heading by).
        long = len(row.text) >= _TEXT_ROW or row.size is None
        run = (1 if row.blank_before else run + 1) if long else 0
        if run >= 3:
            break
        # Lines that repeat as running heads stay: a running head often repeats the names.
        out.append(row)
    return out


def names_in(row: Row) -> list[Author]:
    """The people named on one line under the title, note marks read as marks; a byline's
    "by", a title ("Dr.") and a name's "Jr." are no names of their own, and an address
    after the one name, in brackets or not (``Kale Ewasiuk (kalekje@gmail.com)``), is its
    e-mail."""
    text = NAME_SUFFIX.sub("", _BY.sub("", _HONORIFIC.sub("", marked_text(row, "†"))))
    if SECTION_LINE.match(text):
        return []  # "COPYRIGHT NOTICE": two capitalised words, a heading's
    email = None
    if (bracketed := _BRACKETED_EMAIL.search(text) or _TRAILING_EMAIL.search(text)) and (
            text[bracketed.end():].strip() == ""):
        text, email = text[: bracketed.start()].rstrip(), bracketed.group(1)
    names = parse_author_line(text) or titleblock.names_on(text) or _leading_names(text)
    if email and len(names) == 1:
        return [replace(names[0], email=email)]
    return names if not email else []


_BRACKETED_EMAIL = re.compile(r"\s*[(<]\s*(?:mailto:)?(" + EMAIL.pattern + r")\s*[)>]")
_TRAILING_EMAIL = re.compile(r"\s+(" + EMAIL.pattern + r")\s*$")  # "Fabrizio Caruso caruso@…"


_BY = re.compile(r"^(?:by|von|par)\s+(?=[^\W\d_])", re.IGNORECASE)  # "by Torsten Hothorn and …"
# Titles before a name ("Dr. Jürgen Vollmer", "Prof. Dr. S. Smart", "Dr.-Ing. Herbert Voß"):
# no part of it.
_HONORIFIC = re.compile(r"\b(?:Prof|Dr|Dipl|PD|Mr|Mrs|Ms|Mag)\.(?:-[A-Z][a-z]*\.)?\s+")


def _leading_names(text: str) -> list[Author]:
    """``A. N. Author†, H. Coauthor, Name of Institute, City, Country``: names with
    initials first, then the affiliation on the same line."""
    pieces = [p.strip() for p in text.split(",")]
    names: list[Author] = []
    for piece in pieces:
        if not _INITIALS_NAME.match(piece):
            break
        names += parse_author_line(piece)
    rest = pieces[len(names):]
    return names if names and len(rest) >= 2 and len(names) == len(pieces) - len(rest) else []


def candidates(rows: Rows, title: Candidate | None) -> list[Candidate]:
    """Authors and the year from the lines under the title."""
    block = block_under(rows, title_rows(rows, title))
    out: list[Candidate] = []
    found: list[Author] = []
    first: Row | None = None
    for row in block:
        # Names are set in one type; the address under a name, smaller, names a place
        # ("United States Military Academy").
        if (names := names_in(row)) and (first is None or _same_type(first, row)):
            if found and all(_collective(a) for a in names):
                continue  # "R Core Development Team" under the people: where they work
            found += names
            first = first or row
        elif (year := date_year(row.text)) and not out:
            out.append(Candidate("year", year, InText(Part.TITLE_PAGE, row.page), detail=row.text,
                                 priority=PRIORITY))
    if found and first is not None:
        detail = "\n".join(r.text for r in block if r.index >= first.index)[:200]
        out.insert(0, Candidate("authors", [a.as_json() for a in found],
                                InText(Part.TITLE_PAGE, first.page), detail=detail,
                                priority=PRIORITY))
    return out


def _collective(author: Author) -> bool:
    return author.given is None and author.family is not None and is_collective(author.family)


def _same_type(a: Row, b: Row) -> bool:
    return a.size is None or b.size is None or abs(a.size - b.size) < 0.5


def created_year(doc: Document) -> int | None:
    """The year the PDF says it was made (``pdf-info:creationDate``, ``D:20221008…``)."""
    for key, value in doc.info:
        if key == "pdf-info:creationDate" and (m := re.search(r"(?:19|20)\d\d", value)):
            return int(m.group(0))
    return None


_STATES_DATE = re.compile(
    r"\b(?:typeset|compiled|generated|built|revised|updated|last (?:changed|modified)"
    r"|сверстан[ао]?|собран[ао]?|обновлен[ао]?|редакция от)\b",
    re.IGNORECASE,
)


# Unconfirmed by the PDF's date, only the making of this document dates it: a file "last
# changed" on a day may be another file (a program's source the text speaks of).
_TYPESET = re.compile(r"\b(?:typeset|compiled|сверстан[ао]?)\b", re.IGNORECASE)


def _dated_here(text: str) -> int | None:
    """The year of a sentence that says when the document was made (``… and was typeset
    on November 4, 2022.``): a full date and a word that says so."""
    if not _STATES_DATE.search(text) or not _full_date(text) or len(text) > 200:
        return None
    match = DATE.search(text)
    return year_of(match) if match else None


def agreed_dates(doc: Document, rows: Rows) -> list[Candidate]:
    """A date line on the opening pages whose year the PDF's creation date confirms, or a
    sentence there that says the document was typeset (compiled, revised) on a day of it,
    or version control's ``$Date: …$`` stamp on its first page.

    Without the creation date's word (a PDF distilled again years later, or none), the
    sentence alone still dates the document, ranked below a confirmed date."""
    made = created_year(doc)
    stated: Candidate | None = None
    lines = [ln for ln in doc.lines if ln.page <= _OPENING_PAGES]
    for k, line in enumerate(lines):
        text = line.text.strip()
        if line.kind == "code" or (line.kind == "figure" and not _full_date(text)):
            continue  # a program's output; a plot's "Jan 2020" tick (a ruled table's
            # cells also count as a drawing's text, and there a full date is a date)
        if made is not None and (date_year(text) == made or _dated_here(text) == made) and (
            not rows.in_references(text)
        ):
            return [Candidate("year", made, InText(Part.DATE_LINE, line.page),
                              detail=f"{text} (the PDF was made in {made})",
                              priority=AGREED_PRIORITY)]
        # The sentence's date may run on to the next line ("typeset on February 10," ⏎
        # "2020."); it may be the title's footnote, which a reference's date is not.
        sentence = text if k + 1 == len(lines) else f"{text} {lines[k + 1].text.strip()}"
        if stated is None and _TYPESET.search(text) and (year := _dated_here(sentence)):
            stated = Candidate("year", year, InText(Part.DATE_LINE, line.page),
                               detail=sentence[:200], priority=STATED_PRIORITY)
        # Version control's stamp, expanded into the source (``$Date: 2002/03/18 … $``),
        # dates the version at hand.
        if stated is None and line.page == 1 and (stamp := _RCS_DATE.search(text)):
            stated = Candidate("year", int(stamp.group(1)), InText(Part.DATE_LINE, line.page),
                               detail=stamp.group(0), priority=STATED_PRIORITY)
    return [stated] if stated is not None else []


_RCS_DATE = re.compile(r"\$Date: ((?:19|20)\d\d)[/-][01]\d[/-][0-3]\d\b")


def weighed(page: list[Candidate], container: list[Candidate]) -> list[Candidate]:
    """Authors read from a title page's lines or blocks, ranked below the container's when
    the two name nobody in common: a line read as names by its shape alone (a subtitle in
    title case) must not outvote the names the document's metadata states."""
    stated = [
        {latin_key(a["family"]) for a in c.value if a.get("family")}
        for c in container if c.field == "authors" and c.value
    ]
    stated = [keys for keys in stated if keys]
    out = []
    for cand in page:
        read = {latin_key(a["family"]) for a in cand.value if a.get("family")} \
            if cand.field == "authors" else set()
        if read and stated and not any(read & keys for keys in stated):
            top = max(c.priority for c in container if c.field == "authors")
            cand = replace(cand, priority=top - 1,
                           detail=f"{cand.detail} (disagrees with the container's names)"[:200])
        out.append(cand)
    return out
