"""A journal's masthead over an article's first page: the journal's name, and under it the
issue the article is in (``Journal of Statistical Software`` ⏎ ``November 2012, Volume 51,
Issue 7.``).

The name stands in the page's largest type, over the title: it is the journal, never the
title. The issue line under it names no journal of its own; read together, the two lines
are the article's citation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from .. import lineshapes as seg_pt
from ..models import Candidate
from ..origins import InText, Part
from . import patterns as pt
from .frontmatter import PRIORITY
from .rows import Row, Rows, title_like
from .running import parse_running

_TOP_ROWS = 6  # the masthead opens the page
# "November 2012, Volume 51, Issue 7.", "2019, Vol. 12, No. 3": a date, a volume, an issue;
# the journal's DOI or address may follow on the row.
_ISSUE_LINE = re.compile(
    rf"^(?:{seg_pt.MONTH}\.?\s+)?(?P<rest>(?:19|20)\d\d\s*,\s*Vol(?:ume|\.)\s*\d+"
    r"\s*,\s*(?:Issue|No\.|Number)\s*\d+)\.?(?:\s+(?:doi:\s*|https?://)\S+)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Masthead:
    name: Row
    issue: Row
    cited: str  # the issue line's year, volume and issue, its month dropped


def masthead(rows: Rows) -> Masthead | None:
    """The journal's name and the issue line under it, at the top of page 1."""
    top = [r for r in rows.rows[:_TOP_ROWS * 2] if r.page == 1 and not rows.is_noise(r)]
    for above, row in pairwise(top[:_TOP_ROWS]):
        if (match := _ISSUE_LINE.match(row.text)) and title_like(above.text) and not any(
                ch.isdigit() for ch in above.text):
            return Masthead(above, row, match.group("rest"))
    return None


def candidates(found: Masthead | None) -> list[Candidate]:
    """The journal, year, volume and issue the masthead states."""
    if found is None:
        return []
    cited = parse_running(f"{_without_logo(found.name.text)}, {found.cited}")
    if cited is None:
        return []
    where = InText(Part.FRONT_MATTER, found.name.page)
    detail = f"{found.name.text}\n{found.issue.text}"
    out = [Candidate("journal", cited.journal, where, lang=pt.guess_lang(cited.journal),
                     detail=detail, priority=PRIORITY),
           Candidate("year", cited.year, where, detail=detail, priority=PRIORITY)]
    for field, value in (("volume", cited.volume), ("issue", cited.issue)):
        if value:
            out.append(Candidate(field, value, where, detail=detail, priority=PRIORITY))
    return out


def _without_logo(name: str) -> str:
    """The name without its logo's letters before it (``JSS Journal of Statistical
    Software``): an acronym of the capitalised words after it."""
    first, _, rest = name.partition(" ")
    initials = "".join(w[0] for w in rest.split() if w[:1].isupper())
    return rest if first.isupper() and len(first) >= 2 and first == initials else name
