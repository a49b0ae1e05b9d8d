"""Where the article's own text ends: its last page, when the running lines stop short.

Running footers give a page range, but the last pages of an article often carry none: the
summaries in the other languages, the references. The range then ends a page or two early
(``35–39`` while the English and Russian abstracts are on page 40). The segmenter knows
which blocks belong to the work and which are bound-in text of another (role ``foreign``, a
publisher's advertisement after the article), so the last page of the work's own blocks
extends the range, one step above the running lines' word.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..models import Block, Candidate
from ..origins import Origin

PRIORITY = 62  # above running lines (60), below the DOI's first page (65) and front matter
_NOT_OURS = ("foreign",)
# Further than this past the last running line is not the same article's tail: the pages
# would be physical ones, or another article's.
_MAX_TAIL = 2


def last_page(blocks: Sequence[Block], running_pages: Sequence[int]) -> list[Candidate]:
    """A ``last_page`` candidate when the work's own blocks go on past the running lines."""
    if not running_pages:
        return []
    stated = max(running_pages)
    own = [b.page for b in blocks if b.role not in _NOT_OURS and b.page is not None]
    end = max((p for p in own if stated < p <= stated + _MAX_TAIL), default=None)
    if end is None:
        return []
    roles = sorted({b.role for b in blocks if b.page == end and b.role not in _NOT_OURS})
    detail = f"the work's own text ({', '.join(roles)}) goes on to page {end}"
    return [Candidate("last_page", end, Origin.TEXT_EXTENT, detail=detail, priority=PRIORITY)]
