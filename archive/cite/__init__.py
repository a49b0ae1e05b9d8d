"""Citations of sources and paragraphs: GOST, APA, Chicago, BibTeX, CSL-JSON.

``render(style, source, paragraph)`` is the whole interface; each style's rules live in its
own module (``gost``, ``apa``, ``chicago``, ``bibtex``, ``csljson``) and are imported only
when used, so ``archive cite`` starts fast. The rules are written out by hand rather than run
through citeproc-py: the only style citeproc-py 0.11.1 ships is Harvard, and GOST is not a
CSL style it can load offline. The CSL-JSON output is checked by rendering it with
citeproc-py in the tests.

A citation has two parts, kept apart as CSL keeps an item and its locator (``cite`` returns
both as a ``Rendered``): the *reference* describes the work alone — the entry of a reference
list, with the article's whole page range, DOI or URL — and never mentions a paragraph; the
*pinpoint* form is what goes in the text or a footnote and points into the work (page,
paragraph ID, quotation), in the place each style gives a locator or a note. Titles given in
capitals are put in sentence case, keeping the capitalisation of words the source itself
capitalises (``case_forms``).
"""

from __future__ import annotations

import importlib
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ..devised import bracketed
from ..models import LIVE, CitedStatus

STYLES = ("gost", "apa", "chicago", "bibtex", "csl-json")
_MODULES = {
    "gost": "gost",
    "apa": "apa",
    "chicago": "chicago",
    "bibtex": "bibtex",
    "csl-json": "csljson",
}
WEB_KINDS = frozenset({"webpage", "article-newspaper", "post-weblog", "post"})


@dataclass(frozen=True)
class CiteSource:
    """Bibliographic facts about one source, as the store holds them.

    ``authors`` are mappings with ``family``, ``given`` and/or ``literal`` (an organisation or
    an unparsed name). ``date`` and ``accessed`` are ISO 8601 (``2025-10-23``). ``kind`` is a
    CSL type (``article-journal``, ``article-newspaper``, ``webpage``, ``book``, …). For web
    pages ``journal`` holds the site's name (falling back to ``publisher``, then the URL's
    host). ``incipit`` is the first words of the text: when there is no title, styles build a
    bracketed title from it. ``case_forms`` lists words as the source writes them in running
    text (``Қазақстан``, ``БҰҰ``; see ``case_forms_from_texts``) to recase a title in
    capitals.
    """

    key: str
    title: str | None = None
    authors: tuple[Mapping[str, str | None], ...] = ()
    year: int | None = None
    date: str | None = None
    journal: str | None = None
    volume: str | None = None
    issue: str | None = None
    first_page: str | None = None  # numbers are accepted and kept as text
    last_page: str | None = None
    doi: str | None = None
    url: str | None = None
    publisher: str | None = None
    language: str | None = None
    kind: str | None = None
    accessed: str | None = None
    place: str | None = None  # a book's place of publication (CSL ``publisher-place``)
    extent: str | None = None  # a book's number of pages (CSL ``number-of-pages``)
    incipit: str | None = None
    case_forms: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        # Rows from the store may carry numbers as text or text as numbers: settle on one.
        object.__setattr__(self, "authors", tuple(dict(a) for a in self.authors or ()))
        object.__setattr__(self, "case_forms", tuple(self.case_forms or ()))
        for name in ("volume", "issue", "first_page", "last_page"):
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, str(value).strip() or None)
        if isinstance(self.year, str):
            year = self.year.strip()
            object.__setattr__(self, "year", int(year) if year.isdecimal() else None)


@dataclass(frozen=True)
class CiteParagraph:
    """One paragraph being cited: its ID and label, printed page, and texts.

    ``text`` is the text now, ``first_text`` the text when the ID was first issued,
    ``status`` one of live / edited / split / merged / deleted, ``url`` its page in the
    published archive.
    """

    id: str
    label: str
    page: int | str | None = None
    text: str | None = None
    url: str | None = None
    status: CitedStatus = LIVE
    first_text: str | None = None


@dataclass(frozen=True)
class Rendered:
    """A citation in one style: the reference-list entry, and the form that points into it.

    ``pinpoint`` is None when no paragraph is cited.
    """

    reference: str
    pinpoint: str | None = None
    text: str = ""  # both as one copyable text: the reference, then the pinpoint form

    def __post_init__(self) -> None:
        if not self.text:
            both = self.reference if self.pinpoint is None else f"{self.reference}\n{self.pinpoint}"
            object.__setattr__(self, "text", both)


def cite(
    style: str, source: CiteSource, paragraph: CiteParagraph | None = None, *, quote: bool = False
) -> Rendered:
    """*source* (and *paragraph*, if given) in *style*, one of ``STYLES``.

    With ``quote=True`` the pinpoint form carries the paragraph's text as a quotation (GOST,
    APA, Chicago: in the style's quotation marks; BibTeX: ``\\enquote{…}`` before the
    ``\\autocite``; CSL-JSON: the citation item's ``prefix``).
    """
    if style not in _MODULES:
        raise ValueError(f"unknown citation style {style!r}; choose one of {', '.join(STYLES)}")
    module = importlib.import_module(f"archive.cite.{_MODULES[style]}")
    reference: str = module.reference(source)
    if paragraph is None:
        return Rendered(reference)
    pinned: str = module.pinpoint(source, paragraph, quote=quote)
    # CSL-JSON's citation object already holds the item: one JSON document, not two.
    both: str = getattr(module, "combine", lambda r, p: "")(reference, pinned)
    return Rendered(reference, pinned, both)


def render(
    style: str, source: CiteSource, paragraph: CiteParagraph | None = None, *, quote: bool = False
) -> str:
    """The reference, and on the next line the pinpoint form when a paragraph is cited."""
    return cite(style, source, paragraph, quote=quote).text


def quoted(paragraph: CiteParagraph, marks: tuple[str, str]) -> str | None:
    """The paragraph's text on one line between *marks*, or None when it has none."""
    return f"{marks[0]}{' '.join(paragraph.text.split())}{marks[1]}" if paragraph.text else None


def default_style(source: CiteSource) -> str:
    """GOST for Kazakh and Russian sources, APA otherwise."""
    return "gost" if (source.language or "").lower() in {"kk", "ru"} else "apa"


# --- shared helpers for the style modules -------------------------------------------------

_INITIALS_ONLY = re.compile(r"^(?:[^\W\d_][\w]*\.\s*|[^\W\d_]\s+)+$")


def is_web(source: CiteSource) -> bool:
    """Whether the source is read on a website. A newspaper article with printed pages is
    the paper's; without pages it is the captured page of a news site."""
    if source.kind == "article-newspaper" and source.first_page is not None and not source.url:
        return False
    return (source.kind or "") in WEB_KINDS or (
        bool(source.url) and not source.journal and not source.doi and source.kind is None
    )


def pinpoint_page(source: CiteSource, paragraph: CiteParagraph | None) -> str | None:
    """The paragraph's printed page, or None: web pages have no pages to point at."""
    if paragraph is None or paragraph.page is None or is_web(source):
        return None
    return str(paragraph.page)


def lang_of(source: CiteSource) -> str:
    """``kk``, ``en`` or ``ru``: the language of a style's own words for this source."""
    lang = (source.language or "").lower()[:2]
    return lang if lang in {"kk", "en"} else "ru"


def cited_names(source: CiteSource) -> list[str]:
    """The names an author-date citation gives: each author's family name, or the whole
    name where it cannot be split (a body, a collective)."""
    names = []
    for author in source.authors:
        family, _, literal = split_author(author)
        if family or literal:
            names.append(family or literal or "")
    return names


def split_author(author: Mapping[str, str | None]) -> tuple[str | None, str | None, str | None]:
    """(family, given, literal), reading ``Қалила А.Т.`` / ``А.Т. Қалила`` literals."""
    family, given, literal = author.get("family"), author.get("given"), author.get("literal")
    if family or not literal:
        return family, given, None
    parts = literal.split()
    if len(parts) >= 2 and _INITIALS_ONLY.match(" ".join(parts[1:])) and "." in literal:
        return parts[0], " ".join(parts[1:]), None
    if len(parts) >= 2 and _INITIALS_ONLY.match(" ".join(parts[:-1])) and "." in literal:
        return parts[-1], " ".join(parts[:-1]), None
    return None, None, literal


def initials(given: str | None, *, space: bool = True) -> str:
    """``Алмас Тұрсынұлы`` / ``А.Т.`` / ``А. Т.`` → ``А. Т.``; ``Jean-Paul`` → ``J.-P.``."""
    if not given:
        return ""
    out = []
    for word in re.findall(r"[^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)*\.?", given):
        out.append("-".join(part[0] + "." for part in word.rstrip(".").split("-") if part))
    return (" " if space else "").join(out)


def page_range(source: CiteSource, dash: str = "–") -> str | None:
    first, last = source.first_page, source.last_page
    if first is None:
        return None
    return f"{first}{dash}{last}" if last is not None and str(last) != str(first) else f"{first}"


def date_parts(source: CiteSource) -> tuple[int, ...]:
    """(year[, month[, day]]) from ``date`` or ``year``; () when unknown."""
    if source.date:
        m = re.match(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", source.date)
        if m:
            year, month, day = (int(p) if p else 0 for p in m.groups())
            if not 1 <= month <= 12:
                return (year,)
            if not 1 <= day <= 31:
                return (year, month)
            return (year, month, day)
    return (source.year,) if source.year is not None else ()


def host_of(url: str | None) -> str | None:
    if not url:
        return None
    m = re.match(r"^[a-z][a-z0-9+.-]*://(?:www\.)?([^/:?#]+)", url.strip(), re.IGNORECASE)
    return m.group(1) if m else None


def site_name(source: CiteSource) -> str | None:
    return source.journal or source.publisher or host_of(source.url)


def devised_title(source: CiteSource, untitled: str, max_words: int = 12) -> str:
    """A bracketed title built from the first words of the text, for untitled sources."""
    return bracketed(source.incipit, untitled, max_words)


def case_forms_from_texts(texts: Iterable[str]) -> tuple[str, ...]:
    """Words the texts write capitalised or in capitals mid-sentence, e.g. ``Қазақстан``.

    Only sentences that contain lowercase letters count (so headings in capitals do not
    vote), and only words not at the start of a sentence. A form is kept when it is the
    most frequent spelling of that word. The result is sorted, so it is stable.
    """
    forms: Counter[str] = Counter()
    for text in texts:
        for sentence in re.split(r"(?<=[.!?…:])\s+|\n", text):
            if not any(ch.islower() for ch in sentence):
                continue
            words = re.findall(r"[^\W\d_]+", sentence)
            forms.update(words[1:])
    best: dict[str, tuple[int, str]] = {}
    for word, count in sorted(forms.items()):
        low = word.casefold()
        if count > best.get(low, (0, ""))[0]:
            best[low] = (count, word)
    return tuple(sorted(w for _, w in best.values() if not w.islower()))


def sentence_case(title: str, case_forms: Iterable[str] = ()) -> str:
    """Recase a title written in capitals; titles with lowercase letters are returned as is.

    A word takes the form given in *case_forms* (exact word, else a known form that starts
    with it when it has 5+ letters: ``КҮШТЕР`` → ``Күштер`` from ``Күштерінің``); otherwise it
    is lowercased. The first letter of the title is capitalised.
    """
    title = " ".join(title.split())
    if any(ch.islower() for ch in title) or not any(ch.isalpha() for ch in title):
        return title
    known = {f.casefold(): f for f in case_forms}
    stems = sorted(known)

    def recase(m: re.Match[str]) -> str:
        word = m.group(0)
        low = word.casefold()
        if low in known:
            return known[low]
        if len(low) >= 5:
            for stem in stems:
                if stem.startswith(low):
                    form = known[stem]
                    return form if form.isupper() else form[: len(word)]
        return word.lower()

    out = re.sub(r"[^\W\d_]+", recase, title)
    return out[:1].upper() + out[1:]


def title_of(source: CiteSource) -> str | None:
    return sentence_case(source.title, source.case_forms) if source.title else None


def end(text: str, mark: str = ".") -> str:
    """*text* closed with *mark* unless it already ends in sentence punctuation."""
    text = text.rstrip()
    return text if text.endswith((".", "!", "?", "…")) and mark == "." else text + mark
