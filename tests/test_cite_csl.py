"""Our APA and Chicago references beside what a CSL processor makes of the same data.

citeproc-py renders each golden source's CSL-JSON item with the CSL project's own style
files (vendored in ``tests/data/csl``, see its README), offline. The two must agree exactly,
except where citeproc-py 0.11.1 itself departs from the style file it is given; those
departures are normalised away below, each named, and the sources where the two disagree on
purpose are listed with the reason. A change to either side that is not one of these fails.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON
from test_cite_golden import SOURCES

from archive.cite import CiteSource, cite
from archive.cite.csljson import item

CSL = Path(__file__).resolve().parent / "data" / "csl"

# Where we differ from the CSL rendering on purpose.
APA_OURS = {
    # APA prints the issue number; the journal's running number "(105)" has no place there,
    # and CSL would give "(4 (105))".
    "kk-article",
    # citeproc-py repeats a bracketed description as both title and "author".
    "ru-news-untitled",
}
CHICAGO_OURS = {
    # CSL's Chicago repeats the year after an issue without a volume ("no. 4 (105) (2024)");
    # CMOS 15.47 author-date gives it once, after the author.
    "kk-article", "ru-article-4",
    # CMOS 15.51: a web page's site, then its date in full; the CSL style puts "Site, June 1".
    "en-webpage",
    # citeproc-py quotes a bracketed description; CMOS leaves it unquoted.
    "ru-news-untitled",
}


def _csl(style_file: str, source: CiteSource) -> str:
    style = CitationStylesStyle(str(CSL / style_file), validate=False)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        bib = CitationStylesBibliography(style, CiteProcJSON([item(source)]), formatter.plain)
        bib.register(Citation([CitationItem(source.key)]))
        [entry] = [str(e) for e in bib.bibliography()]
    return entry


def _without_authors(reference: str, source: CiteSource) -> str:
    # citeproc-py ignores the Chicago style's initialize="false" and prints initials; CMOS
    # and the style file give names in full. Compare from the year on.
    year = re.search(rf"\. {source.year or (source.date or '')[:4]}\. ", reference)
    assert year, reference
    return reference[year.start():]


def _chicago_processor_fixes(text: str) -> str:
    # citeproc-py 0.11.1 does not move a full stop or comma inside closing quotes (the en-US
    # locale's punctuation-in-quote), and prints the bare term "Edition." for a newspaper.
    return re.sub(r"”([.,])", r"\1”", text).replace(" Edition.", "")


@pytest.mark.parametrize("name", sorted(set(SOURCES) - APA_OURS))
def test_apa_matches_the_csl_style(name: str) -> None:
    source = SOURCES[name]
    assert cite("apa", source).reference == _csl("apa.csl", source)


@pytest.mark.parametrize("name", sorted(set(SOURCES) - CHICAGO_OURS))
def test_chicago_matches_the_csl_style(name: str) -> None:
    source = SOURCES[name]
    theirs = _chicago_processor_fixes(_csl("chicago-author-date-17th-edition.csl", source))
    ours = cite("chicago", source).reference
    assert _without_authors(ours, source) == _without_authors(theirs, source)


@pytest.mark.parametrize("name", sorted(APA_OURS | CHICAGO_OURS))
def test_the_listed_differences_are_real(name: str) -> None:
    # A listed source that came to agree would hide a regression: keep the lists honest.
    source = SOURCES[name]
    if name in APA_OURS:
        assert cite("apa", source).reference != _csl("apa.csl", source)
    if name in CHICAGO_OURS:
        theirs = _chicago_processor_fixes(_csl("chicago-author-date-17th-edition.csl", source))
        assert _without_authors(cite("chicago", source).reference, source) != (
            _without_authors(theirs, source))
