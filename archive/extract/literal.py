"""Shapes of a plain-text layout a reader sees at a glance: rules, literal blocks, labels.

A text file has no markup, but its layout says what a line is:

* a **rule** — a line of one repeated mark (``=====``, ``-----``, ``*****``) or two in
  turn (``=-=-=-``) — parts two
  stretches of text; it holds no words, so it is dropped and counts as a blank line;
* a **literal block** keeps its line breaks (role ``code``). Help files and
  reStructuredText announce one at the end of the line before it (``… with: >``,
  ``Example::``; a ``>`` alone on the next line is the same mark): the lines indented
  deeper than the announcing line follow, up to a lone ``<`` (an end mark, dropped) or the
  first line back at that indentation. Examples one after the other, each under its own
  announcing label (``Unix: >`` ⏎ command ⏎ ``MS-Windows: >`` ⏎ command), are one block;
* unannounced, a run of lines indented deeper than the line that introduced it with a
  colon is literal when every line of it was broken on purpose: each left room within
  the file's wrap width for the next line's first word. Prose indented as a note fills
  its lines instead;
* a short line set in the right half of the page directly above a line of text is a label
  of its own (a tag, an anchor), not the first line of the paragraph under it;
* under a short rule, lines opening with a note's mark (``*Note that …``) are the notes at
  a page's foot, out of the text's flow;
* a command after a shell's or an interpreter's prompt (``$ git --bare init``) is literal,
  and so are the lines from it on, none set left of it, where more such commands follow (a
  terminal session, the programs' answers with them);
* a line or two alone between blank lines that are nothing but words in brackets
  (``[Заставка]``) stand for a picture, as a browser's text dump of a page shows one.
"""

from __future__ import annotations

import re
from itertools import pairwise

from archive.extract.alttext import mark_pictures
from archive.extract.clike import mark_c_blocks
from archive.extract.textshapes import (
    BLANK,
    BULLET,
    CODE,
    END_MARK,
    LABEL,
    LONE_MARK,
    NOTE,
    PICTURE,
    RULE,
    TEXT,
)

__all__ = ["BLANK", "CODE", "END_MARK", "LABEL", "LONE_MARK", "NOTE", "PICTURE", "RULE", "TEXT",
           "classify"]


# One mark repeated, or two in turn ("=-=-=-").
_RULE = re.compile(r"([=\-_*~#+])\1{2,}|([=\-_*~#+])(?!\2)([=\-_*~#+])(?:\2\3)+\2?")
_ANNOUNCED = re.compile(r"(?:^|\s)>$|\S::$")
_TAB = 8
_COLUMN_GAP = re.compile(r"\S(?: {3,}|\t)\S")
_SENTENCE = re.compile(r"^[A-Z][^\s.]*(?:\s+\S+){3,}\.$")  # "Debian reads all the files."


def classify(raw: list[str]) -> list[str]:
    """The shape of each physical line of one text (see the module)."""
    shapes = [_plain_shape(r) for r in raw]
    indents = [_indent(r) for r in raw]
    width = _wrap_width(raw)
    _boxed_blocks(raw, shapes)
    _commit_headers(raw, shapes, indents)
    _announced_blocks(raw, shapes, indents)
    _unannounced_blocks(raw, shapes, indents, width)
    mark_c_blocks(raw, shapes, indents)
    _sessions(raw, shapes, indents, width)
    _footnotes(raw, shapes, width)
    _labels(shapes, indents, width)
    mark_pictures(raw, shapes)
    for k, r in enumerate(raw):
        if shapes[k] == TEXT and (_PROMPTED.match(r) or (k and shapes[k - 1] == CODE and (
                (raw[k - 1].endswith("\\") and indents[k] >= indents[k - 1])
                or (_PROMPTED.match(raw[k - 1]) and _SESSION_PROMPT.match(r))))):
            # A command, a line it is continued on past a backslash (set no further left),
            # or root's command ("# make install") right under a user's.
            shapes[k] = CODE
    return shapes


# A command after a shell's or an interpreter's prompt (``$ git --bare init``) is typed
# as it is run, whatever surrounds it.
_PROMPTED = re.compile(r"^\s*(?:\$|R>|>>>)\s+[\w./~-]")


def _plain_shape(raw: str) -> str:
    text = raw.strip()
    if not text:
        return BLANK
    if _RULE.fullmatch(text.replace(" ", "")) and len(text) >= 3:
        return RULE
    return END_MARK if text == "<" else TEXT


def _indent(raw: str) -> int:
    expanded = raw.expandtabs(_TAB)
    return len(expanded) - len(expanded.lstrip())


def _width(raw: str) -> int:
    return len(raw.rstrip().expandtabs(_TAB))


def _wrap_width(raw: list[str]) -> int:
    """The file's full line: the 97th percentile of the lines long enough to be wrapped."""
    lengths = sorted(n for r in raw if (n := _width(r)) >= 20)
    return lengths[int(0.97 * (len(lengths) - 1))] if lengths else 80


# A box's top corner and rule (the group: it opens), or its bottom ones.
_BOX_CORNER = re.compile(r"([┌╔╭])[─═━┬╤]*|[└╚╰][─═━┴╧]*")
_BOX_LINES = 200  # lines a box may hold, at most


def _boxed_blocks(raw: list[str], shapes: list[str]) -> None:
    """Lines between a box's top corner and its bottom one, drawn in box-drawing characters
    (``┌───`` … ``└───``, a protocol's request and its reply) are literal, blank lines and
    all; the corners hold no words and part the box from the text as rules do."""
    corners = [(k, m.group(1) is not None) for k, r in enumerate(raw)
               if shapes[k] == TEXT and (m := _BOX_CORNER.fullmatch(r.strip()))]
    for (top, opens), (bottom, reopens) in pairwise(corners):
        if opens and not reopens and bottom - top < _BOX_LINES:
            shapes[top] = shapes[bottom] = RULE
            for j in range(top + 1, bottom):
                if shapes[j] == TEXT:
                    shapes[j] = CODE


_COMMIT = re.compile(r"\s*commit [0-9a-f]{7,40}\b.*")
_COMMIT_FIELD = re.compile(r"\s*(?:Author|Date|Merge|Commit|AuthorDate|CommitDate):\s")


def _commit_headers(raw: list[str], shapes: list[str], indents: list[int]) -> None:
    """A commit quoted as ``git log`` prints it: ``commit <hash>``, its ``Author:`` and
    ``Date:``, and the message set in under them, is literal (its author is the commit's,
    not the document's)."""
    for k, r in enumerate(raw):
        if shapes[k] != TEXT or not _COMMIT.fullmatch(r):
            continue
        j = k + 1
        while j < len(raw) and shapes[j] == TEXT and _COMMIT_FIELD.match(raw[j]):
            j += 1
        if j == k + 1:
            continue
        for i in range(k, j):
            shapes[i] = CODE
        for i in _indented_run(shapes, indents, j, indents[k] + 3):
            shapes[i] = CODE


def _announced_blocks(raw: list[str], shapes: list[str], indents: list[int]) -> None:
    """Lines under an announcing ``>`` / ``::`` become code (see the module)."""
    for k, r in enumerate(raw):
        if shapes[k] != TEXT or not _ANNOUNCED.search(r.rstrip()):
            continue
        body = _indented_run(shapes, indents, k + 1, indents[k])
        if not body:
            continue
        for j in body:
            shapes[j] = CODE
        if r.strip() == ">":
            shapes[k] = LONE_MARK  # the mark ends the sentence on the line before
        elif (k and shapes[k - 1] == CODE) or _lone_label(raw, shapes, k, body):
            shapes[k] = CODE  # "MS-Windows: >" between two examples


def _indented_run(shapes: list[str], indents: list[int], start: int, base: int) -> list[int]:
    """Lines from ``start`` indented deeper than ``base``, up to an end mark or a line that
    is not; blank lines inside are passed over, blank lines at the end are not taken."""
    run: list[int] = []
    j = start
    while j < len(shapes) and shapes[j] in (TEXT, BLANK):
        if shapes[j] == TEXT:
            if indents[j] <= base:
                break
            run.append(j)
        j += 1
    return run


def _lone_label(raw: list[str], shapes: list[str], k: int, body: list[int]) -> bool:
    """A short announcing line standing alone, whose example is directly followed by the
    next announced example: the first label of a run of labelled examples."""
    after = body[-1] + 1
    return (
        (k == 0 or shapes[k - 1] == BLANK)
        and len(raw[k].split()) <= 3
        and after < len(raw)
        and shapes[after] == TEXT
        and _ANNOUNCED.search(raw[after].rstrip()) is not None
    )


def _unannounced_blocks(
    raw: list[str], shapes: list[str], indents: list[int], width: int
) -> None:
    """Indented runs after a colon whose every line was broken on purpose become code, and
    so does a short line alone there, the text going on under it."""
    k = 0
    while k < len(raw):
        if shapes[k] != TEXT or not raw[k].rstrip().endswith(":"):
            k += 1
            continue
        start = k + 1
        while start < len(raw) and shapes[start] == BLANK:
            start += 1
        base = _text_column(raw[k])
        run = _listing_run(raw, shapes, indents, start, base)
        j = run[-1] + 1 if run else start
        if (len(run) >= 2 and _set_line_by_line(raw, run, width)) or (
                len(run) == 1 and _displayed_line(raw, shapes, indents, run[0], base, width)):
            for i in run:
                shapes[i] = CODE
        k = max(j, k + 1)


# A label hanging before a line's text: an FAQ's "A:", a list's number or bullet.
_HANGING_LABEL = re.compile(r"^\s*(?:[A-Z][a-z]?:|\d{1,3}[.)]|[-*•+])\s+(?=\S)")
_DISPLAY_FILL = 0.6  # of the wrap width: a displayed line ends short of it
_DISPLAY_WORDS = 5  # words of letters a displayed line has fewer of
_WORDS = re.compile(r"(?<![\w$%@/.-])[^\W\d_]{2,}(?![\w/.(-])")


def _text_column(raw: str) -> int:
    """Where the line's text starts, after a hanging label."""
    expanded = raw.expandtabs(_TAB)
    label = _HANGING_LABEL.match(expanded)
    return label.end() if label else _indent(raw)


def _displayed_line(raw: list[str], shapes: list[str], indents: list[int], k: int,
                    base: int, width: int) -> bool:
    """One short line set deeper than the text that announced it with a colon, the text
    going on right under it at its own indent: a command or a setting shown on a line of
    its own (``put the following line in your ~/.screenrc:`` ⏎ ``startup_message off``)."""
    after = k + 1
    return (
        after < len(raw) and shapes[after] == TEXT and indents[after] <= base
        # the text goes on under it; a line announcing another ("elif …:") is a program's
        and not raw[after].rstrip().endswith(":")
        and indents[k] < width // 2  # a tag set right is a label (``_labels``)
        and shapes[k - 1] != BLANK and len(raw[k].strip()) < _DISPLAY_FILL * width
        # a list's one item, or a line of prose, is no display
        and BULLET.match(raw[k].strip()) is None
        and len(_WORDS.findall(raw[k])) < _DISPLAY_WORDS
    )


def _listing_run(
    raw: list[str], shapes: list[str], indents: list[int], start: int, base: int
) -> list[int]:
    """The lines from ``start`` indented deeper than ``base`` that may be one listing.
    Blank lines inside are passed over, as in an announced block (a program's "#include"
    set apart from its "main"), up to a line set left of the run's first (a label, "On
    Debian:", over the next listing) or a sentence; not when the first line announces in
    its turn ("Create … git.conf :"), nor when the last runs on at the margin (items of a
    list, each wrapped). Blank lines at its end are not taken."""
    run = _indented_run(shapes, indents, start, base)
    if not run:
        return run
    after = run[-1] + 1
    groups = [n for n, i in enumerate(run) if n and i - 1 != run[n - 1]]  # after a blank
    if raw[run[0]].rstrip().endswith(":") or (after < len(raw) and shapes[after] == TEXT):
        return run[:groups[0]] if groups else run
    cut = next((n for n in groups
                if indents[run[n]] < indents[run[0]] or _SENTENCE.match(raw[run[n]].strip())),
               len(run))
    return run[:cut]


# A shell's prompt (csh's "%", sh's "$", root's "#") before a command in a session.
_SESSION_PROMPT = re.compile(r"^\s*[%$#](?:\s+\S|\s*$)")
_SESSION_SHARE = 8  # lines of a session for each command at most


def _said(raw: str) -> bool:
    """The line is the text's own, not a program's answer: a sentence (a capital, four
    words or more, a full stop or a colon at the end) or a label (``On Debian:``)."""
    text = raw.strip()
    return text.endswith(":") or (
        text[:1].isupper() and len(text.split()) >= 4 and text.endswith("."))


_FILLED = 0.85  # of the wrap width: a line of a filled paragraph
_PROSE_WORDS = 6  # words of such a line, more than most of a program's answers have


def _filled_prose(raw: list[str], k: int, width: int) -> bool:
    """The line opens a paragraph of the text, not a program's answer: a capital after a
    blank line or at a first line's indent, the width filled, the sentence running on
    into the next line."""
    if k + 1 >= len(raw) or not raw[k].strip()[:1].isupper():
        return False
    opens = k == 0 or not raw[k - 1].strip() or _indent(raw[k]) > _indent(raw[k + 1])
    return (opens and _width(raw[k]) >= _FILLED * width
            and len(raw[k].split()) >= _PROSE_WORDS and _runs_on(raw[k], raw[k + 1]))


def _sessions(raw: list[str], shapes: list[str], indents: list[int], width: int) -> None:
    """A run of lines from a command after a shell's prompt, none set left of it and none a
    sentence or a paragraph of the text, more of them commands, is a terminal session: the
    programs' answers (``ed``'s byte counts, a listing) are literal with the commands."""
    k = 0
    while k < len(raw):
        # Set in from the margin, as examples are: a Markdown heading ("# Usage") is none.
        if (shapes[k] not in (TEXT, CODE) or indents[k] == 0
                or _SESSION_PROMPT.match(raw[k]) is None):
            k += 1
            continue
        # Blank lines inside the session (a listing's empty line) do not end it.
        run: list[int] = []
        j = k
        while j < len(raw) and shapes[j] in (TEXT, CODE, BLANK):
            if shapes[j] != BLANK:
                if indents[j] < indents[k] or _said(raw[j]) or _filled_prose(raw, j, width):
                    break
                run.append(j)
            j += 1
        prompts = sum(_SESSION_PROMPT.match(raw[i]) is not None for i in run)
        if prompts >= min(2, len(run)) and prompts * _SESSION_SHARE >= len(run):
            for i in run:
                shapes[i] = CODE
        k = max(j, k + 1)


# A note's mark opening its first line: "*Note that …", "† Вероятно …", "1 See …".
_NOTE_MARK = re.compile(r"^\s*(?:\*{1,3}|[†‡§¶]|\d{1,2}(?=\s+[^\W\d_]))\s*[^\W\d_]")


def _footnotes(raw: list[str], shapes: list[str], width: int) -> None:
    """A short rule, then a line opening with a note's mark: the notes at a page's foot as a
    typewriter (nroff) sets them, up to the blank lines that end the page's text."""
    for k, r in enumerate(raw[:-1]):
        if shapes[k] != RULE or len(r.strip()) > width // 3:
            continue
        if shapes[k + 1] != TEXT or not _NOTE_MARK.match(raw[k + 1]):
            continue
        j = k + 1
        while j < len(raw) and shapes[j] == TEXT:
            shapes[j] = NOTE
            j += 1


def _set_line_by_line(raw: list[str], run: list[int], width: int) -> bool:
    """Every line of ``run`` left room for the next line's first word and none runs on into
    the next as a sentence does; none is a list item."""
    if any(BULLET.match(raw[i].strip()) for i in run):
        return False
    for a, b in pairwise(run):
        first_word = raw[b].split(None, 1)[0]
        if _width(raw[a]) + 1 + len(first_word) > width or _runs_on(raw[a], raw[b]):
            return False
    return True


def _runs_on(line: str, after: str) -> bool:
    """A sentence wrapped over the two lines: no mark at the end, lower case after. Lines set
    in columns (a gap of three spaces inside) are a table, read line by line."""
    end, start = line.rstrip()[-1:], after.lstrip()[:1]
    return (
        end.isalnum()
        and start.islower()
        and not any(_COLUMN_GAP.search(t.strip()) for t in (line, after))
    )


def _labels(shapes: list[str], indents: list[int], width: int) -> None:
    """A line set in the right half of the page right above a line of text stands apart."""
    for k in range(len(shapes) - 1):
        if (
            shapes[k] == TEXT
            and indents[k] >= width // 2
            and shapes[k + 1] == TEXT
            and indents[k + 1] < width // 2
        ):
            shapes[k] = LABEL
