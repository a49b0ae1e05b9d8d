"""A date line's year: the date printed on a line of its own with a few words round it.

A title page dates its document on a line (``November 10, 2022``, ``10 ноября 2022 г.``,
``2020/11/18``); a sentence that mentions a day says nothing of the document.
"""

from __future__ import annotations

import re

from .. import lineshapes as seg_pt

_DATE_LINE_CHARS = 60
_DATE_LINE_WORDS = 6
_LETTER_WORD = re.compile(r"\S*[^\W\d_]\S*")
# Months of the other languages documents come in, as dates print them, where their names
# differ from English and Russian ones, whose first letters are enough.
_OTHER_MONTHS = (
    r"janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
    r"|januar|februar|märz|juni|juli|oktober|dezember"
    r"|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre"
    r"|noviembre|diciembre"
    r"|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre"
    r"|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|dezembro"
    r"|stycz(?:eń|nia)|lut(?:y|ego)|marca|kwie(?:cień|tnia)|maja|czerw(?:iec|ca)|lip(?:iec|ca)"
    r"|sierp(?:ień|nia)|wrze(?:sień|śnia)|październik|października|listopad|listopada"
    r"|grud(?:zień|nia)"
    r"|január|február|március|április|május|június|július|augusztus|szeptember|október"
    r"|led(?:en|na)|únor|února|břez(?:en|na)|dub(?:en|na)|květ(?:en|na)|červen(?:ec|ce)?"
    r"|června|srp(?:en|na)|září|říj(?:en|na)|listopadu|prosin(?:ec|ce)"
    r"|січ(?:ень|ня)|лют(?:ий|ого)|берез(?:ень|ня)|квіт(?:ень|ня)|трав(?:ень|ня)|черв(?:ень|ня)"
    r"|лип(?:ень|ня)|серп(?:ень|ня)|верес(?:ень|ня)|жовт(?:ень|ня)|листопад(?:а)?|груд(?:ень|ня)"
)
_MONTH = (
    rf"(?:{seg_pt.MONTH}|(?:янв|фев|мар|апр|июн|июл|авг|сен|окт|ноя|дек)[^\W\d_]*"
    rf"|(?:{_OTHER_MONTHS})(?![^\W\d_]))"
)
# "November 10, 2022", "10 November 2022", "17-Apr-2015", "8 мая 2021 г.", "Feb. 2005",
# "12 de octubre de 2011",
# "2022-11-10", "2019 Nov 21" (year first, as in a file's change line, or as Hungarian
# writes a date: "2003. október 11.").
DATE = re.compile(
    rf"(?<![^\W\d_])(?:{_MONTH}\.?\s+\d{{1,2}},?\s+(?P<y1>(?:19|20)\d\d)"
    rf"|\d{{1,2}}\.?(?:\s+|-)(?:de\s+)?{_MONTH}\.?,?(?:\s+|-)(?:de\s+)?(?P<y2>(?:19|20)\d\d)"
    rf"|{_MONTH}\.?,?\s+(?:de\s+)?(?P<y3>(?:19|20)\d\d)"
    rf"|(?P<y5>(?:19|20)\d\d)\.?\s+{_MONTH}\.?\s+\d{{1,2}}"
    # Numbers only: ISO's 2020-11-18 (or 2022–04–16, typeset with en dashes), LaTeX's
    # 2020/11/18, the dotted 18.11.2020.
    r"|(?P<y4>(?:19|20)\d\d)-[01]\d-[0-3]\d|(?P<y8>(?:19|20)\d\d)–[01]\d–[0-3]\d"
    r"|(?P<y7>(?:19|20)\d\d)/[01]?\d/[0-3]?\d"
    r"|(?<![\d.])[0-3]\d\.[01]\d\.(?P<y6>(?:19|20)\d\d))(?!\d)",
    re.IGNORECASE,
)


def year_of(match: re.Match[str]) -> int:
    """The year a date's match names, whichever of its shapes (each a year's group) matched."""
    return int(next(v for v in match.groupdict().values() if v))


def date_year(text: str) -> int | None:
    """The year of the date on a short line that is a date line, else None: the date and
    a few words round it (``This version was compiled on``, ``Version 1.1``), not a
    sentence that mentions a day. Of several dates the first dates the work (``03-Feb-2002
    [revised 20-Feb-2004]``), unless another is said to be this version's (``First version:
    September 2007 This version: May 2017``) or the two are a span's ends (``April, 2008 -
    July, 2013``)."""
    if len(text) > _DATE_LINE_CHARS or not (matches := list(DATE.finditer(text))):
        return None
    rest = DATE.sub(" ", text)
    if len(_LETTER_WORD.findall(rest)) > _DATE_LINE_WORDS:
        return None
    current = [m for m in matches if _THIS_VERSION.search(text, 0, m.start())]
    if not current and len(matches) == 2 and _RANGE.fullmatch(
            text, matches[0].end(), matches[1].start()):
        current = matches[1:]  # "April, 2008 - July, 2013": the work's span, to this version
    return year_of(current[-1] if current else matches[0])


_RANGE = re.compile(r"\s*[-–—]\s*")


# Words that say a date is the one of the version at hand.
_THIS_VERSION = re.compile(
    r"\b(?:this|current|present) (?:version|revision|draft)\W*$", re.IGNORECASE)
