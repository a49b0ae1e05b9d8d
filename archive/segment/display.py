"""Paragraph rules for capitals and display type (``archive.segment.breaks``): a title or a
heading wrapped over lines goes on, a title ends where much smaller type follows it, a
chapter's label over its title is one heading with it, and a heading in capitals over lines
set in from it ends there.
"""

from __future__ import annotations

from archive import lineshapes as pt
from archive.clean import CleanLine, text_indent
from archive.segment.boundary import Boundary


def caps_wrapped(b: Boundary) -> bool | None:
    """A heading or title in capitals wrapped over lines goes on; not over a blank line
    after a sentence (a clause in capitals, then a heading) or where blank lines are
    paragraph ends, nor after a line that would have held the next line's first word (two
    headings, each on its line)."""
    prev, cur = b.prev.text, b.cur.text
    if not (pt.is_caps(prev) and pt.is_caps(cur)) or b.marker:
        return None
    if b.blank and (b.blanks_reliable or pt.ends_sentence(prev)):
        return None
    if len(prev) + 1 + len(cur.split(None, 1)[0]) <= len(cur):
        return None
    return False


_DISPLAY = 1.4  # times the body text's size: type set for a title (an author line is smaller)


def display_wrapped(b: Boundary) -> bool | None:
    """A title or heading set larger than the body text and wrapped over lines goes on: in
    display type a colon or a full stop at a line's end does not end it (``Applied
    Econometrics with R:`` ⏎ ``Package Vignette and Errata``)."""
    prev, cur = b.prev.line, b.cur.line
    if (b.body_size is None or prev.size is None or cur.size is None or b.blank or b.marker
            or b.cur.after_cut or prev.page != cur.page):
        return None
    if (abs(prev.size - cur.size) < 0.5 and prev.bold == cur.bold
            and prev.size >= _DISPLAY * b.body_size):
        return False
    return None


_DROP = 1.25  # times smaller than display type: the type of the text under a title


def display_ends(b: Boundary) -> bool | None:
    """A title in display type ends where much smaller type follows on its page, even at a
    word in lower case, which ``font_change`` lets go on (``… sample document`` ⏎
    ``bibstyle: Karl …``); a drop capital, a letter or two, goes on into its word, and a
    letter or two under a title are no text of their own (a roman page number)."""
    prev, cur = b.prev.line, b.cur.line
    if (not b.lower_start or b.body_size is None or prev.size is None or cur.size is None
            or b.hyphen or prev.page != cur.page
            or min(len(b.prev.text.strip()), len(b.cur.text.strip())) <= 2):
        return None
    if prev.size >= _DISPLAY * b.body_size and cur.size * _DROP <= prev.size:
        return True
    return None


def chapter_title(b: Boundary) -> bool | None:
    """``Chapter 1`` over ``Introduction``, both in display type: one heading, whatever the
    gap and the change of size between them."""
    above, below = b.prev.line, b.cur.line
    if (
        b.prev_is_first and not b.lower_start and above.page == below.page
        and above.size is not None and below.size is not None and b.body_size is not None
        and min(above.size, below.size) >= b.body_size + 1.0
        and pt.CHAPTER_LABEL.match(b.prev.text) is not None
    ):
        return False
    return None


def head_over_indent(b: Boundary) -> bool | None:
    """In a text copy, a heading in capitals alone on its line over lines set in from it (a
    manual page's ``NAME`` over ``ls - list directory contents``) stands apart: it ends
    there, whatever case the line under it opens in, and opens its own paragraph after a
    gap, whatever the line over the gap ended on."""
    if b.prev_is_first and caps_head(b.prev.text) and set_in(b.cur, b.prev):
        return True
    if (b.blank and b.nxt is not None and caps_head(b.cur.text) and set_in(b.nxt, b.cur)
            and text_indent(b.cur) < text_indent(b.prev)):
        return True
    return None


def set_in(under: CleanLine, head: CleanLine) -> bool:
    """In a text copy, ``under`` is set in deeper than ``head``."""
    return head.line.x0 is None and text_indent(under) > text_indent(head)


_HEAD_WORDS = 4


def caps_head(text: str) -> bool:
    """A few words in capitals, of letters only (``SEE ALSO``): no identifier
    (``GET_PROXY_ADDR``), no number."""
    words = text.split()
    return (0 < len(words) <= _HEAD_WORDS and all(w.isalpha() and w.isupper() for w in words)
            and sum(map(len, words)) >= 2)
