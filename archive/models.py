"""The dataclasses passed between pipeline stages.

Every stage takes and returns these frozen values; none of them does I/O. The flow is

    bytes ──extract──► Document(lines) ──clean + segment──► Segmentation(blocks, artifacts)
          ──metadata──► Candidate* ──merge──► SourceMetadata
          ──identify──► labels ──store──► SQLite
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Final, Literal, get_args

from .origins import AnyOrigin, Sidecar

# Paragraph roles, in the order a reader meets them in a typical article.
Role = Literal[
    "front_matter",
    "heading",
    "abstract",
    "keywords",
    "body",
    "list_item",
    "caption",
    "figure",
    "code",
    "table",
    "footnote",
    "reference",
    "foreign",
]
ROLES: tuple[Role, ...] = get_args(Role)
# How a paragraph of a new file got its label (``archive.ids.match``).
MatchKind = Literal["new", "exact", "moved", "split", "merged", "fuzzy", "restored"]
# What an ID that no longer names a live paragraph is now, and its lineage entry.
TombstoneStatus = Literal["deleted", "merged", "split"]
# A paragraph's stored status: ``live`` in the current text, else a tombstone, whose ID still
# resolves and says what happened.
ParagraphStatus = Literal["live", TombstoneStatus]
LIVE: Final = "live"
# What a citation says of its paragraph: a live one whose text has changed since its ID was
# issued is ``edited``.
CitedStatus = Literal[ParagraphStatus, "edited"]
LineageKind = Literal["deleted", "merged_into", "split_into"]


# ``Line.kind`` of a whole block as a page's markup gave it (HTML): never a wrapped line.
MARKUP_KINDS = frozenset(("paragraph", "title", "heading", "item", "quote", "caption"))
TURNED = "turned"  # ``Line.kind`` of a line set turned up a page's margin
LINE_NUMBER = "line-number"  # ``Line.kind`` of a number counting the lines down a margin


@dataclass(frozen=True, slots=True)
class Line:
    """One line of text as an extractor saw it.

    Geometry is in PDF points with the origin at the page's top-left; it is ``None`` for
    plain-text inputs, where only the text and its neighbours are evidence.
    ``page`` is the 1-based physical page (for text copies: 1, or the page inferred from
    running footers by the cleaner). ``blank_before`` is True when the source had an empty
    line (or a larger-than-usual vertical gap) before this one: evidence, not truth.
    ``kind`` is what the markup said the line is, when the format has markup (HTML): a whole
    block, ``"paragraph"``, ``"title"`` (of the work), ``"heading"``, ``"item"``, ``"quote"``
    or ``"caption"``. For PDF lines the layout says it: ``"code"`` (a monospaced font or an
    interpreter prompt), ``"figure"`` (text inside a drawing), ``"cells"`` (pieces an em
    or more apart, like the cells of a table's row) or ``"beside"`` (a line of a block set
    beside another, an author's name and affiliation on a title page: the lines of one
    ``block`` make one paragraph). ``None`` otherwise.
    ``raised`` holds the ``(start, end)`` character ranges of ``text`` set smaller and above
    the baseline (superscript note marks: ``Style¹``, ``Allaire^a``), when the extractor
    knows type sizes; ``small`` the ranges set in smaller type than the line's own (the
    superscripts, and a neighbouring column's words on the baseline of a larger title).
    ``lead`` is the length of the line's opening words when they are set in bold or
    typewriter type and the rest of the line is not (the term of a definition list,
    ``dgeMatrix Real matrices …``); 0 otherwise. ``baseline`` is where the letters of the
    line's main type stand (its dominant run's baseline), when the extractor knows it: a
    logo's lowered letter (``LaTeX``) or a superscript moves the box, not the baseline.
    ``cells`` holds, for a line read in pieces an em or more apart (all ``"cells"`` lines),
    each piece's left and right edge, left to right: rows whose cells line up under one
    another are a table's.
    """

    text: str
    page: int = 1
    x0: float | None = None
    y0: float | None = None
    x1: float | None = None
    y1: float | None = None
    size: float | None = None
    bold: bool = False
    block: int | None = None
    column: int | None = None
    blank_before: bool = False
    kind: str | None = None
    raised: tuple[tuple[int, int], ...] = ()
    small: tuple[tuple[int, int], ...] = ()
    lead: int = 0
    baseline: float | None = None
    cells: tuple[tuple[float, float], ...] = ()


@dataclass(frozen=True, slots=True)
class PageInfo:
    """Physical page geometry, so the cleaner can tell 'near the top' from 'mid-page'.

    ``body_top`` / ``body_bottom`` bound the page's running text (lines stacked on one
    another), when the extractor could tell: a line inside them is body, however close it
    sits to the page's edge.
    """

    number: int
    width: float
    height: float
    body_top: float | None = None
    body_bottom: float | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """What an extractor returns: lines in reading order plus what the container said.

    ``info`` holds container-level facts, keyed by origin-qualified names such as
    ``pdf-info:title``, ``xmp:dc:creator`` or ``capture-header:date``; the metadata
    stage turns them into candidates. ``warnings`` say what was wrong with the file's text
    and what was done about it (a repaired text layer), one sentence each.
    """

    media_type: str
    extractor: str
    lines: tuple[Line, ...]
    pages: tuple[PageInfo, ...] = ()
    info: tuple[tuple[str, str], ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def page_count(self) -> int:
        return len(self.pages) if self.pages else (max((ln.page for ln in self.lines), default=1))

    def info_dict(self) -> dict[str, str]:
        return dict(self.info)

# What a line removed from the text was: page furniture, a drawing's text, a code listing's
# "continues on next page" label, the entries of a table of contents, a web page's title over
# its text; ``capture-header`` only in archives that stored a text capture's header so.
ArtifactKind = Literal[
    "running-header", "running-footer", "page-number", "figure-text", "continuation",
    "contents", "headline", "capture-header", "line-number",
]


@dataclass(frozen=True, slots=True)
class Artifact:
    """A line removed from the text (running header, footer, page number): nothing is lost."""

    kind: ArtifactKind
    text: str
    page: int  # physical page it was found on
    printed_page: int | None = None


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph as the reader would cite it."""

    text: str
    role: Role
    page: int | None  # printed page number when known, else the physical page
    lang: str | None = None
    section: str | None = None
    # The rule that opened the paragraph (``archive.segment.breaks``), for explaining a
    # boundary; not stored.
    opened_by: str | None = None


@dataclass(frozen=True, slots=True)
class Segmentation:
    """The cleaner's and segmenter's output for one document."""

    blocks: tuple[Block, ...]
    artifacts: tuple[Artifact, ...] = ()
    warnings: tuple[str, ...] = ()  # what the cleaner had to give up on, one sentence each


@dataclass(frozen=True, slots=True)
class Author:
    family: str | None = None
    given: str | None = None
    literal: str | None = None
    affiliation: str | None = None
    email: str | None = None
    orcid: str | None = None

    @property
    def display_name(self) -> str:
        """The name as the authors facet shows it: ``Қалила А.Т.``, or the literal."""
        if self.literal:
            return self.literal
        return " ".join(part for part in (self.family, self.given) if part)

    def as_json(self) -> dict[str, str | None]:
        return {
            "family": self.family,
            "given": self.given,
            "literal": self.literal,
            "affiliation": self.affiliation,
            "email": self.email,
            "orcid": self.orcid,
        }


@dataclass(frozen=True, slots=True)
class Candidate:
    """One possible value for one metadata field, with where it came from.

    ``value`` is JSON-serialisable: a string, a number, a list of strings, or for
    ``authors`` a list of ``Author.as_json()`` dicts. ``origin`` says where it was read
    (``archive.origins``: ``pdf-info``, ``xmp``, ``front-matter p.1``, ``running-footer``,
    ``sidecar metadata/kalila-2024.yaml``); ``detail`` is the raw text it was read from.
    """

    field: str
    value: Any
    origin: AnyOrigin
    lang: str | None = None
    detail: str | None = None
    priority: int = 50  # higher wins when several origins disagree

    @property
    def from_sidecar(self) -> bool:
        """True for a person's correction, which always wins and can be withdrawn."""
        return isinstance(self.origin, Sidecar)


@dataclass(frozen=True, slots=True)
class SourceMetadata:
    """Merged bibliographic metadata: what ``sources`` shows and citations use."""

    title: str | None = None
    titles: dict[str, str] = field(default_factory=dict)  # lang -> title
    authors: tuple[Author, ...] = ()
    year: int | None = None
    date: str | None = None  # ISO 8601, as precise as known
    doi: str | None = None
    udc: tuple[str, ...] = ()
    grnti: tuple[str, ...] = ()
    bbk: tuple[str, ...] = ()
    journal: str | None = None
    journals: dict[str, str] = field(default_factory=dict)  # lang -> name
    volume: str | None = None
    issue: str | None = None
    # The journal's running number of the issue across all years: 105 in "№ 4 (105)". Kazakh
    # and Russian journals print it beside the issue, and GOST cites the two together.
    cumulative_issue: str | None = None
    first_page: int | None = None
    last_page: int | None = None
    language: str | None = None
    languages: tuple[str, ...] = ()
    keywords: dict[str, list[str]] = field(default_factory=dict)
    abstracts: dict[str, str] = field(default_factory=dict)
    publisher: str | None = None
    url: str | None = None
    kind: str | None = None  # "article-journal" | "article-newspaper" | "book" | ...
    # ``[First words…]`` for a work without a title of its own (``metadata.display``): shown,
    # never cited as the work's title.
    display_title: str | None = None
    # A web page's last change as it states it (the work's ``date`` is its publication), a
    # summary it gives for previews and search engines, and the site's section it is filed
    # under ("Общество"); each with its origin in ``metadata_values``.
    modified: str | None = None
    description: str | None = None
    section: str | None = None


@dataclass(frozen=True, slots=True)
class SourceFacets:
    """Values derived from merged metadata for browsing: facet labels, never cited."""

    author_names: tuple[str, ...] = ()
    udc_classes: tuple[str, ...] = ()  # "3 Social sciences"
    grnti_classes: tuple[str, ...] = ()
