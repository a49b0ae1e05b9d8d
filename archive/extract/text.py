"""The plain-text front end: bytes of a text file in, a ``Document`` of physical lines out.

Text copies carry no geometry, so each physical line becomes a ``Line`` and the cleaner
infers pages, paragraphs and furniture from the words alone. Lines are on page 1 unless the
copy separates pages with form feeds (as ``pdftotext`` does): then each form feed starts the
next page. Leading whitespace is kept on purpose: in text saved from a PDF it is the trace of
a first-line indent.

A PDF reader that saves justified text writes a word per line where the spacing is wide, so
one printed line may come out as several physical lines, each but the last a single word
and a space (``Жүргізілген ⏎ талдау ⏎ жергі-``). Such words are put back on one line when the
next line would have fitted beside them: a wrap never leaves room for a whole next line.
Trailing spaces on ordinary wrapped lines are common in such copies and say nothing alone.
"""

from __future__ import annotations

import re
from dataclasses import replace

from archive.errors import NoTextError, UndecodableTextError
from archive.extract import literal
from archive.extract.decoding import decode_text
from archive.models import Document, Line
from archive.textcopy import usual_width

MEDIA_TYPE = "text/plain"
EXTRACTOR = "archive-text 1"

# Invisible characters that only get in the way of search and citation. The soft hyphen is
# kept at a line end, where it is the typesetter's own word-break mark for the cleaner.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_SOFT_HYPHEN_INSIDE = re.compile("\u00ad(?!\n|$)")
# Control characters (Unicode category Cc) other than tab, newline, carriage return and form
# feed, and the replacement mark; one regex scan rather than a Python loop per character.
# A typewriter's (nroff's) bold and underline: a character struck over by backspacing,
# "B\bBo\bol\bld" and "_\bu_\bn_\bd_\be_\br": what is left is the last character struck.
_OVERSTRUCK = re.compile("[^\n]\x08")
_BAD = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd]")

# A capture header: a tool that saved the page wrote "date 2025-10-23", "url <…>" etc. first.
# Only these keys, only at the very start, one value token (URLs in angle brackets allowed).
_HEADER_KEYS = ("date", "url", "source", "captured", "saved")
_HEADER = re.compile(
    r"\A[ \t]*(?P<key>" + "|".join(_HEADER_KEYS) + r")[ \t]*:?[ \t]+"
    r"(?P<value><[^>\n]+>|\S+)(?:[ \t]+|[ \t]*(?:\n|\Z))",
    re.IGNORECASE,
)
# A title has spaces, so it needs the colon and takes the rest of its line.
_TITLE_HEADER = re.compile(r"\A[ \t]*title[ \t]*:[ \t]*(?P<value>[^\n]+)(?:\n|\Z)", re.IGNORECASE)
_DATE_VALUE = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?\S*)?|\d{1,2}\.\d{1,2}\.\d{4}"
)
_URL_VALUE = re.compile(r"[a-z][a-z0-9+.-]*://|www\.|[\w.-]+\.\w", re.IGNORECASE)


def extract_text(data: bytes) -> Document:
    """Decode a text file and return one ``Line`` per non-empty physical line.

    Encodings are decided by ``decoding.decode_text`` (a BOM, UTF-16 without one, UTF-8,
    damaged UTF-8, or the single-byte encoding the document's letters favour); how, and how
    surely, is recorded in the extractor's name. A form feed starts a new page; characters
    struck over by backspacing (nroff's bold and underline) are read once. Binary junk
    raises
    ``UndecodableTextError`` with a short reason. Newlines are normalised, soft hyphens
    inside lines and zero-width characters are dropped. A capture header at the very start
    (``date 2025-10-23``, ``url <…>``, ``source …``, ``title: …``) is removed from the text
    and reported in ``Document.info`` as ``("capture-header:<key>", value)``.
    """
    decoded = decode_text(data)
    text = _check(_OVERSTRUCK.sub("", decoded.text))
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.rstrip("\f\n \t")  # a trailing form feed does not open an empty page
    text = _INVISIBLE.sub("", text)
    text = _SOFT_HYPHEN_INSIDE.sub("", text)
    text, info = _strip_capture_header(text)
    lines: list[Line] = []
    open_word: list[bool] = []  # the physical line is one word and a space
    blank = False
    for page, sheet in enumerate(text.split("\f"), start=1):
        raws = sheet.split("\n")
        shapes = literal.classify(raws)
        for k, (raw, shape) in enumerate(zip(raws, shapes, strict=True)):
            stripped = raw.rstrip()
            if shape == literal.RULE and not blank and lines and _underlines(stripped, lines[-1]):
                lines[-1] = replace(lines[-1], kind="heading")
            if shape in (literal.BLANK, literal.RULE, literal.END_MARK):
                blank = bool(lines) or blank
                continue
            if shape == literal.LONE_MARK:
                if lines and lines[-1].kind is None:
                    lines[-1] = replace(lines[-1], text=f"{lines[-1].text} {stripped.strip()}")
                continue
            kind = {literal.CODE: "code", literal.LABEL: "heading",
                    literal.NOTE: "footnote", literal.PICTURE: "figure"}.get(shape)
            if kind is None and _opens_section(shapes, k, stripped):
                kind = "heading"
            label = shape == literal.LABEL  # stands apart from the paragraph under it
            lines.append(Line(text=stripped, page=page, blank_before=blank or label, kind=kind))
            open_word.append(raw[-1:] in " \t" and " " not in stripped.strip())
            blank = label
    lines = _rejoin_words(lines, open_word)
    return Document(
        media_type=MEDIA_TYPE, extractor=f"{EXTRACTOR} ({decoded.description})",
        lines=tuple(lines), info=tuple(info), warnings=decoded.warnings,
    )


def _opens_section(shapes: list[str], k: int, text: str) -> bool:
    """A line alone between a rule above it and a blank line under it, that ends no
    sentence, opens a section (``*05.2*  The example vimrc file explained`` under
    ``=====``, as help files and plain-text manuals part their sections)."""
    return (
        k > 0 and shapes[k - 1] == literal.RULE
        and (k + 1 == len(shapes) or shapes[k + 1] == literal.BLANK)
        and not text.rstrip().endswith((".", ",", ";", "!", "?"))
    )


_UNDERLINE_SLACK = 3  # characters an underline may miss its heading's length by


def _underlines(rule: str, above: Line) -> bool:
    """A rule right under a line of text, about as long, underlines it: a heading as
    AsciiDoc, Markdown and reStructuredText type one (``Step 1`` over ``------``). A rule
    from the margin may run under the line's indent too."""
    text = above.text.strip()
    return above.kind is None and min(
        abs(len(rule.strip()) - len(text)), abs(len(rule) - len(above.text.rstrip()))
    ) <= _UNDERLINE_SLACK


def _rejoin_words(lines: list[Line], open_word: list[bool]) -> list[Line]:
    """Put back on one line the words a reader split a printed line into (see the module).

    A word that ends a clause is put back only inside a run of such words: alone, with a
    space after it, it may end its paragraph.
    """
    if not any(open_word):
        return lines
    width = usual_width([len(ln.text.strip()) for ln in lines])
    out: list[Line] = [lines[0]]
    for k in range(1, len(lines)):
        ln, last = lines[k], lines[k - 1]
        joined = f"{out[-1].text.rstrip()} {ln.text.strip()}"
        if (
            open_word[k - 1]
            and (last.text.rstrip()[-1] not in ".!?:;" or open_word[k])
            and not ln.blank_before
            and ln.page == last.page
            and len(joined.strip()) <= width
        ):
            out[-1] = replace(out[-1], text=joined)
        else:
            out.append(ln)
    return out


def _check(text: str) -> str:
    """Refuse decoded text that is mostly control characters or replacement marks."""
    if not text.strip():
        raise NoTextError("no text (only whitespace)",
                          hint="the file holds only spaces and line breaks")
    bad = len(_BAD.findall(text))
    if "\x00" in text or bad > max(2, len(text) // 1000):
        raise UndecodableTextError("binary data (control characters) in a text file")
    return text


def _strip_capture_header(text: str) -> tuple[str, list[tuple[str, str]]]:
    info: list[tuple[str, str]] = []
    # Several header fields may follow each other ("url <…>" then "date …").
    while len(info) <= len(_HEADER_KEYS):
        title = _TITLE_HEADER.match(text)
        if title is not None and not info_has(info, "title"):
            info.append(("capture-header:title", title.group("value").strip()))
            text = text[title.end() :]
            continue
        match = _HEADER.match(text)
        if match is None:
            break
        key = match.group("key").lower()
        value = match.group("value").strip("<>")
        if key == "date" and not _DATE_VALUE.fullmatch(value):
            break
        if key in {"url", "source"} and not _URL_VALUE.match(value):
            break
        if info_has(info, key):
            break
        info.append((f"capture-header:{key}", value))
        text = text[match.end() :]
    return text, info


def info_has(info: list[tuple[str, str]], key: str) -> bool:
    return any(existing == f"capture-header:{key}" for existing, _ in info)
