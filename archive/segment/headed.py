"""Paragraph rules for a line alone (``archive.segment.breaks``): a heading over its text,
unless short lines set one under another make a block (an address: a name, a department,
a street, an e-mail); a line centred over a full one, which ends where it stands.
"""

from __future__ import annotations

import re

from archive.models import Line
from archive.segment.boundary import Boundary
from archive.segment.shapes import FULL, heading_like

_CENTRED_EMS = 3  # ems a centred line stands in from both sides of a full one


def heading_before(b: Boundary) -> bool | None:
    """A paragraph's one line shaped like a heading ends there, unless a short line is set
    close under it in the same type and from the same left edge: then it is the first line
    of a block of short lines (an address: name, department, street, e-mail), not a
    heading."""
    if not (b.prev_is_first and heading_like(b.prev)):
        return None
    return None if _same_block(b) or _typed_block(b) else True


_BLOCK_FILL = 0.75  # the next line is short too: a block of short lines, not a text under it


def _same_block(b: Boundary) -> bool:
    above, below = b.prev.line, b.cur.line
    return (
        above.y0 is not None and not b.cur.blank_before and above.block == below.block
        and above.size == below.size and above.bold == below.bold
        and above.x0 is not None and below.x0 is not None and abs(above.x0 - below.x0) <= 1.0
        and b.cur.fill < _BLOCK_FILL
    )  # centred lines (a title page's author, institute, date) are lines apart


def _typed_block(b: Boundary) -> bool:
    """In a text copy whose blank lines end paragraphs, short lines typed one under another
    with no blank line between them (a name, a department, a university, an e-mail) are a
    block, not a heading over its text."""
    nxt = b.nxt
    return (
        b.prev.line.y0 is None and b.blanks_reliable and not b.blank
        and b.cur.fill < _BLOCK_FILL
        and (nxt is None or nxt.blank_before or nxt.fill < _BLOCK_FILL)
        # Entries of a list ("|01.2| Vim installed", "Next chapter: …") are items.
        and all(_PLAIN_LINE.match(c.text) for c in (b.prev, b.cur))
    )


_PLAIN_LINE = re.compile(r"[^\W\d_]{2}(?![^:]{0,30}:\s)")  # a word, no label or marker


def centred_alone(b: Boundary) -> bool | None:
    """With geometry, a line alone, set in from both sides of a full line under a gap (a
    title page's date over the opening text), ends there: it is centred, not wrapped."""
    if not (b.blank and b.prev_is_first and not b.lower_start and b.cur.fill >= FULL):
        return None
    return True if centred_under(b.cur.line, b.prev.line) else None


def centred_under(above: Line, below: Line) -> bool:
    """``below`` is set in from both sides of ``above`` by more than a word or two: centred,
    not a line of the same text."""
    if above.x0 is None or above.x1 is None or below.x0 is None or below.x1 is None:
        return False
    margin = _CENTRED_EMS * (below.size or 10.0)
    return below.x0 - above.x0 > margin and above.x1 - below.x1 > margin
