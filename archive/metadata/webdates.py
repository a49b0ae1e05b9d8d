"""A web page's dates from its ``<time>`` elements and from htmldate, below what its meta tags
and JSON-LD state (the order is in ``archive.metadata.html``).

``archive.extract.html.dates`` gives ``html-time:<published|modified>#<evidence>`` and
``htmldate:<published|modified>`` pairs; each becomes a ``date`` (with its ``year``) or a
``modified`` candidate whose detail says which element or heuristic gave it.
"""

from __future__ import annotations

import re

from ..models import Candidate, Document
from ..origins import Origin
from . import patterns as pt

TIME_ELEMENT = 40  # a <time> that says which date it is (itemprop, class, a label)
FIRST_TIME = 38  # the article's first <time> that says neither: its dateline
HTMLDATE = 25  # htmldate's heuristics over the markup: the weakest stated sign
_ORIGINS = {str(o): o for o in (Origin.HTML_TIME, Origin.HTMLDATE)}  # by their keys' prefix

_DATE = re.compile(r"^\s*(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?:$|[T\s])")
_DMY = re.compile(r"^\s*(\d{1,2})[./](\d{1,2})[./](\d{4})\b")


def iso_date(value: str) -> str | None:
    """``2025-03-14T09:30:00+05:00``, ``2024/12/30``, ``30.12.2024``, ``2024`` → ISO date.

    A timestamp keeps the day as the page wrote it: the local day of publication.
    """
    if match := _DMY.match(value):
        day, month, year = match.groups()
        parts = [year, month, day]
    elif match := _DATE.match(value):
        parts = [g for g in match.groups() if g]
    else:
        return None
    iso = "-".join([parts[0], *(p.zfill(2) for p in parts[1:])])
    return iso if pt.is_iso_date(iso) else None


def web_dates(doc: Document) -> list[Candidate]:
    """``date``/``year`` and ``modified`` candidates of ``<time>`` elements and htmldate."""
    out: list[Candidate] = []
    for key, value in doc.info:
        source, _, rest = key.partition(":")
        which, _, evidence = rest.partition("#")
        if source not in _ORIGINS or which not in ("published", "modified"):
            continue
        origin = _ORIGINS[source]
        iso = iso_date(value)
        if iso is None:
            continue
        if origin is Origin.HTMLDATE:
            detail, priority = f"htmldate ({which}, from the markup): {value}", HTMLDATE
        elif evidence == "first":
            detail, priority = f"the article's first <time datetime>: {value}", FIRST_TIME
        else:
            detail, priority = f"<time datetime> ({evidence}): {value}", TIME_ELEMENT
        if which == "modified":
            out.append(Candidate("modified", iso, origin, detail=detail, priority=priority))
            continue
        out += [Candidate("date", iso, origin, detail=detail, priority=priority),
                Candidate("year", int(iso[:4]), origin, detail=detail, priority=priority)]
    return out
