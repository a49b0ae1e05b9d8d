"""The PDF front end: bytes of a PDF in, a ``Document`` of visual lines in reading order out.

PyMuPDF is imported here and nowhere else. Its exceptions are translated at this boundary
into ``archive.errors``. Text is read with ``page.get_text("dict")`` and these flags, chosen
on purpose:

* ligatures expanded (no ``TEXT_PRESERVE_LIGATURES``): "ﬁ" becomes "fi", so search and
  matching see ordinary letters;
* whitespace preserved, so word gaps survive as spaces;
* text outside the media box dropped;
* no ``TEXT_DEHYPHENATE``: MuPDF's flag glues real compound hyphens ("әскери-" + "саяси"
  becomes "әскерисаяси"); the cleaner repairs hyphenation with the whole document in view;
* no images, no vector collection: they cost time and carry no text.

Geometry (columns, reading order, paragraph gaps) lives in ``archive.extract.layout``.
"""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import replace
from itertools import pairwise
from typing import Any

import pymupdf

from archive.errors import CorruptFileError, EncryptedFileError
from archive.extract.figures import Rules, figure_regions, is_figure_text, ruled_regions
from archive.extract.frame import body_frames
from archive.extract.layout import Fragment, merge_rows, order_page
from archive.extract.letterspacing import RUN, Char, close_letterspacing
from archive.extract.repair import looks_mojibake, repair_accents, repair_mojibake, repair_tex_codes
from archive.extract.spacing import blank_flags
from archive.extract.tables import Grid, expand_rows, filled, mark_cells, overlaps, row_boxes
from archive.models import Document, Line, PageInfo

# A text span and a block as PyMuPDF's get_text("dict") gives them.
Span = dict[str, Any]
RawPage = dict[str, Any]
Rect = tuple[float, float, float, float]

# The table finder would print a suggestion to install another package on first use.
pymupdf.no_recommend_layout()

MEDIA_TYPE = "application/pdf"
EXTRACTOR = f"pymupdf {pymupdf.VersionBind}"
TEXT_FLAGS = pymupdf.TEXT_PRESERVE_WHITESPACE | pymupdf.TEXT_MEDIABOX_CLIP

# MuPDF writes repair warnings to stderr; the library must stay silent (errors are raised).
pymupdf.TOOLS.mupdf_display_errors(False)

_INFO_KEYS = ("title", "author", "subject", "keywords", "creationDate", "modDate",
              "producer", "creator")  # fmt: skip
_BOLD_NAMES = ("bold", "black", "heavy", "semibold", "demi")
# TeX's bold extended faces by their short names: CMBX10, CMBXTI10, SFBX1000, ECBX1200.
_TEX_BOLD = re.compile(r"^[a-z]{2,3}bx(?:ti|sl)?\d")
# A line opening with an interpreter's prompt is code whatever its font says (Type 3 fonts
# say nothing): R's "R>" and "> " before a call, Python's ">>>".
_PROMPT = re.compile(r"^\s*(?:R>|>>>|> (?=[\w(.]+\s*(?:<-|=|\()))")
# Typewriter faces by name, for fonts whose descriptor does not set the fixed-pitch flag.
_PLACEHOLDER = re.compile(r"[⟨<〈]\S.*[⟩>〉]")  # a metavariable in a syntax line
_MONO_NAMES = ("mono", "courier", "typewriter", "cmtt", "sftt", "lmtt", "txtt", "inconsolata",
               "consola", "menlo", "monaco", "code", "beramono", "fixed",
               # TeX's slanted, italic and variable typewriter faces (EC and CM names).
               "sltt", "cmitt", "sfst", "ecst", "sfvt", "ecvt")
_NS_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_NS_XML = "http://www.w3.org/XML/1998/namespace"
# XMP namespaces by URI prefix (PRISM has had several versions), and the fields we keep.
_XMP_FIELDS = {
    "http://purl.org/dc/elements/1.1/": ("dc", ("title", "creator", "date", "identifier")),
    "http://prismstandard.org/namespaces/": (
        "prism",
        ("doi", "publicationName", "volume", "number", "startingPage", "endingPage", "issn"),
    ),
}


def extract_pdf(data: bytes) -> Document:
    """Read a PDF into lines in reading order, page geometry and container metadata.

    Raises ``EncryptedFileError`` for a password-protected file and ``CorruptFileError`` for
    a truncated or damaged one. A PDF whose pages carry no text layer (a scan) gives a
    ``Document`` with pages but no lines: it needs OCR, which is not this module's job.

    Each ``Line`` is one visual line: ``page`` is 1-based, ``column`` is 0 on single-column
    pages and for lines spanning both columns, 1 and 2 for the left and right column;
    ``block`` numbers MuPDF's text blocks across the whole document; ``blank_before`` marks
    a gap clearly larger than the usual spacing of lines of that font size.
    """
    doc = _open(data)
    try:
        pages, per_page = _read_pages(doc)
        info = tuple(_info(doc.metadata or {})) + tuple(_xmp(_xml_metadata(doc)))
    finally:
        doc.close()
    warnings: list[str] = []
    codec = _mojibake_codec(per_page)
    if codec is not None:
        per_page = [[_remapped(f) for f in frags] for frags in per_page]
        info = tuple((k, repair_mojibake(v)[0]) for k, v in info)
        warnings.append(f"the text layer is Cyrillic in {codec.upper().replace('_', '-')} "
                        "read as Latin-1 (fonts without a Unicode map); repaired")
    flags = blank_flags(per_page)
    lines = [
        Line(f.text, number, f.x0, f.y0, f.x1, f.y1, f.size, f.bold, f.block, f.column, blank,
             f.kind, f.raised, f.small, f.lead, f.baseline)
        for number, (frags, blanks) in enumerate(zip(per_page, flags, strict=True), start=1)
        for f, blank in zip(frags, blanks, strict=True)
    ]
    frames = body_frames(lines)
    pages = tuple(
        replace(p, body_top=frames[p.number][0], body_bottom=frames[p.number][1])
        if p.number in frames else p
        for p in pages
    )
    return Document(
        media_type=MEDIA_TYPE, extractor=EXTRACTOR, lines=tuple(lines), pages=pages, info=info,
        warnings=tuple(warnings),
    )


def _mojibake_codec(per_page: list[list[Fragment]]) -> str | None:
    """The codec that repairs the document's Latin-1-read Cyrillic, when lines show it.

    One line proves little (a name in Latin-1 letters); a tenth of the lines, or five, do.
    """
    frags = [f for frags in per_page for f in frags]
    broken = [f.text for f in frags if looks_mojibake(f.text)]
    if len(broken) < min(5, max(1, len(frags) // 10)):
        return None
    codecs = [repair_mojibake(t)[1] for t in broken]
    named = [c for c in codecs if c]
    if len(named) * 2 < len(broken):
        return None
    return max(set(named), key=named.count)


def _remapped(f: Fragment) -> Fragment:
    text, codec = repair_mojibake(f.text)
    if codec is not None:
        if len(text) != len(f.text):
            f.raised, f.small = (), ()
        f.text = text
    return f


def _open(data: bytes) -> pymupdf.Document:
    if b"%PDF-" not in data[:1024]:
        # MuPDF "repairs" any bytes into an empty one-page PDF; the header decides.
        raise CorruptFileError("not a PDF: no %PDF- header")
    try:
        doc = pymupdf.open(stream=data, filetype="pdf")
    except Exception as exc:  # MuPDF raises plain RuntimeError/ValueError subclasses
        raise CorruptFileError(f"not a readable PDF: {_reason(exc)}") from exc
    try:
        # Even these answers are computed from the file's objects, and a damaged page tree
        # (a page count that points at itself) raises here rather than at open.
        locked, pages, repaired = doc.needs_pass, doc.page_count, doc.is_repaired
    except Exception as exc:
        doc.close()
        raise CorruptFileError(f"not a readable PDF: {_reason(exc)}") from exc
    if locked:
        doc.close()
        raise EncryptedFileError("the PDF is encrypted with a user password")
    if pages == 0:
        doc.close()
        raise CorruptFileError("the PDF has no pages")
    if repaired and b"%%EOF" not in data[-1024:]:
        # MuPDF rebuilt the cross-reference table and the end-of-file marker is missing:
        # the file was cut short, and whatever pages survived are an unknown part of it.
        doc.close()
        raise CorruptFileError("the PDF is truncated (no end-of-file marker)")
    return doc


def _reason(exc: Exception) -> str:
    """MuPDF's message without its internal error number (``code=7: ``)."""
    return re.sub(r"^code=\d+: ", "", str(exc)) or type(exc).__name__


def _read_pages(doc: pymupdf.Document) -> tuple[tuple[PageInfo, ...], list[list[Fragment]]]:
    pages: list[PageInfo] = []
    per_page: list[list[Fragment]] = []
    block_base = 0
    for index in range(doc.page_count):
        try:
            page = doc.load_page(index)
            rect = page.rect
            textpage = page.get_textpage(flags=TEXT_FLAGS)
            raw = page.get_text("dict", textpage=textpage)
            # Characters with their widths, where a line may hold letter-spaced words.
            chars = _line_chars(page.get_text("rawdict", textpage=textpage)) if any(
                RUN.search(span["text"]) for b in raw["blocks"] if b["type"] == 0
                for ln in b["lines"] for span in ln["spans"]) else {}
        except Exception as exc:
            raise CorruptFileError(f"page {index + 1} cannot be read: {_reason(exc)}") from exc
        width, height = rect.width, rect.height
        if page.rotation % 180:  # MuPDF reports text in unrotated coordinates
            width, height = height, width
        pages.append(PageInfo(number=index + 1, width=width, height=height))
        frags, others = _fragments(raw, block_base, chars)
        block_base += len(raw["blocks"])
        regions, tables = _drawn(page, frags) if frags else ([], [])
        cells = mark_cells(frags, tables, block_base)
        block_base += len(cells)
        for f in frags + others:
            if f.kind != "cell" and is_figure_text(f.text, (f.x0, f.y0, f.x1, f.y1), regions):
                f.kind = "figure"
        figure = [f for f in frags if f.kind == "figure"]
        frags = [f for f in frags if f.kind != "figure"]
        # Rotated text (margin stamps, vertical labels) and the text of figures are kept,
        # after the page's own lines, out of its reading order.
        frags, rows = row_boxes(frags, cells)
        ordered = merge_rows(expand_rows(order_page(frags), rows))
        per_page.append(_code_continued(ordered) + figure + others)
    return tuple(pages), per_page


def _line_chars(raw: RawPage) -> dict[tuple[int, int], list[Char]]:
    """Each text line's characters with their horizontal extents, by (block, line)."""
    return {
        (b["number"], k): [(c["c"], c["bbox"][0], c["bbox"][2])
                           for span in ln["spans"] for c in span["chars"]]
        for b in raw["blocks"] if b["type"] == 0
        for k, ln in enumerate(b["lines"])
    }


def _fragments(
    raw: RawPage, block_base: int, chars: dict[tuple[int, int], list[Char]]
) -> tuple[list[Fragment], list[Fragment]]:
    """Turn MuPDF's lines into fragments; the second list holds non-horizontal ones.
    ``chars`` holds the characters of lines that may be letter-spaced."""
    horizontal: list[Fragment] = []
    rotated: list[Fragment] = []
    for b in raw["blocks"]:
        if b["type"] != 0:
            continue
        for k, ln in enumerate(b["lines"]):
            spans = ln["spans"]
            raw_text, starts = _spans_text(spans)
            closed = raw_text
            line_chars = chars.get((b["number"], k))
            if line_chars and "".join(c for c, _, _ in line_chars) == raw_text:
                closed = close_letterspacing(line_chars)
            text = repair_accents(repair_tex_codes(closed))
            if not text.strip() or _undecodable(text):
                continue
            x0, y0, x1, y1 = ln["bbox"]
            size, bold = _dominant_style(spans)
            # Repairs that change the length would move the ranges: then none are kept.
            raised, small = _small_runs(spans, starts, size) if text == raw_text else ((), ())
            indent = len(text) - len(text.lstrip())
            stripped = text.strip()
            frag = Fragment(stripped, x0, y0, x1, y1, size, bold, block_base + b["number"],
                            kind="code" if _monospaced(spans) or _PROMPT.match(text) else None,
                            raised=_moved(raised, indent, len(stripped)),
                            small=_moved(small, indent, len(stripped)),
                            lead=_lead(spans), baseline=_dominant_baseline(spans))
            dx, dy = ln["dir"]
            (horizontal if dx > 0.99 and abs(dy) < 0.01 else rotated).append(frag)
    return horizontal, rotated


def _small_runs(
    spans: list[Span], starts: list[int], size: float
) -> tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]]:
    """Character ranges of the spans set above the baseline in smaller type (superscripts),
    and of all the spans set smaller than the line."""
    if len(spans) < 2:
        return (), ()  # one span is all in the line's own size
    base = max((s["origin"][1] for s in spans if round(s["size"], 1) == size and "origin" in s),
               default=None)
    raised: list[tuple[int, int]] = []
    small: list[tuple[int, int]] = []
    for s, at in zip(spans, starts, strict=True):
        n = len(s["text"])
        if s["size"] < 0.85 * size and s["text"].strip():
            _extend(small, at, at + n)
            if base is not None and "origin" in s and s["origin"][1] < base - 0.15 * size:
                _extend(raised, at, at + n)
    return tuple(raised), tuple(small)


def _extend(ranges: list[tuple[int, int]], start: int, end: int) -> None:
    if ranges and ranges[-1][1] == start:
        ranges[-1] = (ranges[-1][0], end)
    else:
        ranges.append((start, end))


def _moved(ranges: tuple[tuple[int, int], ...], lead: int, length: int
           ) -> tuple[tuple[int, int], ...]:
    """Ranges of the unstripped text as ranges of the text with ``lead`` characters cut."""
    return tuple((max(a - lead, 0), min(b - lead, length)) for a, b in ranges if b - lead > 0)


def _spans_text(spans: list[Span]) -> tuple[str, list[int]]:
    """The line's text, and where each span starts in it; a space where MuPDF left none
    between spans a word gap apart (``⟨number⟩`` + ``and``: a symbol font's glyph, then the
    text face)."""
    out = spans[0]["text"] if spans else ""
    starts = [0] if spans else []
    for prev, span in pairwise(spans):
        text = span["text"]
        gap = span["bbox"][0] - prev["bbox"][2]
        if (
            text and out and not text[0].isspace() and not out[-1].isspace()
            and gap >= _WORD_GAP * min(prev["size"], span["size"])
        ):
            out += " "
        starts.append(len(out))
        out += text
    return out, starts


_WORD_GAP = 0.2  # of the font size: a gap between spans this wide is a space


def _code_continued(frags: list[Fragment]) -> list[Fragment]:
    """Lines that go on with the code line above them are code too: an unclosed call
    (``plot(fit,`` then ``lty = 2)``), a continuation prompt ``+``, or output printed
    right under the call in the same font."""
    for prev, f in pairwise(frags):
        if prev.kind == "code" and f.kind is None and f.x0 >= prev.x0 - 1.0 and (
            prev.text.rstrip().endswith((",", "(", "+", "-", "*", "/", "|", "&", "=", "~", "<-"))
            or prev.text.count("(") > prev.text.count(")")
            or f.text.startswith("+ ")
        ):
            f.kind = "code"
    return frags


def _drawn(page: pymupdf.Page, frags: list[Fragment]) -> tuple[list[Rect], list[Grid]]:
    """The page's figures (regions of drawings) and its ruled tables, with text in most
    of their cells (``frags``). A table's grid is no figure: its text is the table's.
    PyMuPDF's table finder is asked only where the page has a grid of rules only (it costs
    about as much as reading the page's text)."""
    try:
        paths = page.get_cdrawings()
    except Exception:  # a broken content stream must not lose the text
        return [], []
    rect = page.rect
    bounds = (rect.x0, rect.y0, rect.x1, rect.y1)
    items = [tuple(d["rect"]) for d in paths]
    grids = ruled_regions(items, [_rule(d) for d in paths], bounds)
    tables = filled(_ruled_tables(page), frags) if grids else []
    figures = [r for r in figure_regions(items, bounds) if not overlaps(r, tables)]
    return figures, tables


def _rule(path: dict[str, Any]) -> Rules | None:
    """Where a path of straight lines and rectangles draws rules: the heights of those
    across and the abscissae of those down, in whole points (a rectangle as thin as a line
    is a rule; other rectangles, a frame, a cell's shading or a chart's bar, add none);
    None when it draws anything else (a curve, a slanted line)."""
    across: set[int] = set()
    down: set[int] = set()
    for item in path["items"]:
        if item[0] == "re":
            x0, y0, x1, y1 = item[1]
            if abs(y1 - y0) <= _HAIRLINE:
                across.add(round(y0))
            elif abs(x1 - x0) <= _HAIRLINE:
                down.add(round(x0))
            continue
        if item[0] != "l":
            return None
        (x0, y0), (x1, y1) = item[1], item[2]
        if abs(y0 - y1) <= 0.5:
            across.add(round(y0))
        elif abs(x0 - x1) <= 0.5:
            down.add(round(x0))
        else:
            return None
    return frozenset(across), frozenset(down)


_HAIRLINE = 2.0  # points: a filled rectangle this thin is drawn as a rule


def _ruled_tables(page: pymupdf.Page) -> list[Grid]:
    """Tables drawn with rules, of two columns or more: a row of a command and its
    description is a table's row even when the table has only one."""
    try:
        found = page.find_tables(strategy="lines")
    except Exception:  # the table finder failing leaves the lines as they were
        return []
    return [
        [[tuple(c) if c is not None else None for c in row.cells] for row in table.rows]
        for table in found.tables
        if table.col_count >= 2
    ]


def _undecodable(text: str) -> bool:
    """Mostly U+FFFD: a font without a Unicode map; such glyphs need OCR, not indexing."""
    if "\ufffd" not in text:
        return False
    return text.count("\ufffd") * 2 > len(text.replace(" ", ""))


def _dominant_baseline(spans: list[Span]) -> float:
    """The baseline of the span with the most letters."""
    main = max(spans, key=lambda s: len(s["text"].strip()))
    return float(main["origin"][1])


def _dominant_style(spans: list[Span]) -> tuple[float, bool]:
    """Font size and weight carried by most characters of the line."""
    if len(spans) == 1:
        s = spans[0]
        return round(s["size"], 1), bool(s["flags"] & pymupdf.TEXT_FONT_BOLD) or _bold_name(
            s["font"]
        )
    sizes: dict[float, int] = {}
    bold_chars = 0
    total = 0
    for s in spans:
        n = len(s["text"].strip())
        if not n:
            continue
        total += n
        size = round(s["size"], 1)
        sizes[size] = sizes.get(size, 0) + n
        if s["flags"] & pymupdf.TEXT_FONT_BOLD or _bold_name(s["font"]):
            bold_chars += n
    if not sizes:
        return round(spans[0]["size"], 1), False
    return max(sizes, key=sizes.__getitem__), bold_chars * 2 > total


def _span_face(span: Span) -> str | None:
    if _is_mono(span):
        return "mono"
    if span["flags"] & pymupdf.TEXT_FONT_BOLD or _bold_name(span["font"]):
        return "bold"
    return None


_LEAD_WORDS = 4  # words of a term set apart at a line's start


def _lead(spans: list[Span]) -> int:
    """Characters of the line's opening words when a bold or typewriter face sets them
    apart from the rest of the line, which is longer and in another face; else 0."""
    words = [s for s in spans if s["text"].strip()]
    if len(words) < 2:
        return 0
    face = _span_face(words[0])
    if face is None:
        return 0
    k = 1
    while k < len(words) and _span_face(words[k]) == face:
        k += 1
    rest = words[k:]
    term = "".join(s["text"] for s in spans[: spans.index(words[k - 1]) + 1]).strip()
    if not rest or len(term.split()) > _LEAD_WORDS:
        return 0
    rest_chars = sum(len(s["text"].strip()) for s in rest)
    other = sum(len(s["text"].strip()) for s in rest if _span_face(s) != face)
    return len(term) if rest_chars > len(term) and other * 2 > rest_chars else 0


def _monospaced(spans: list[Span]) -> bool:
    """Nearly all of the line's characters are in a monospaced (typewriter) font, or in
    italic placeholders between typewriter text (``\begin{table}[⟨offset⟩]``, ``ls
    [options] file``, as manuals write a syntax): the line opens in the typewriter font
    and is no sentence."""
    mono = placeholder = total = 0
    for s in spans:
        n = len(s["text"].strip())
        total += n
        if _is_mono(s):
            mono += n
        elif s["flags"] & pymupdf.TEXT_FONT_ITALIC or _PLACEHOLDER.fullmatch(s["text"].strip()):
            placeholder += n
    if total == 0:
        return False
    if mono >= 0.9 * total:
        return True
    opens_mono = next((_is_mono(s) for s in spans if s["text"].strip()), False)
    ends_sentence = "".join(s["text"] for s in spans).rstrip().endswith(".")
    return (opens_mono and not ends_sentence and mono >= 0.25 * total
            and mono + placeholder >= 0.9 * total)


def _is_mono(span: Span) -> bool:
    return bool(span["flags"] & pymupdf.TEXT_FONT_MONOSPACED) or _mono_name(span["font"])


@functools.lru_cache(maxsize=256)
def _mono_name(font: str) -> bool:
    name = font.rsplit("+", 1)[-1].lower()
    return any(word in name for word in _MONO_NAMES)


@functools.lru_cache(maxsize=256)
def _bold_name(font: str) -> bool:
    # Subset prefixes ("ABCDEF+Times-Bold") and style suffixes carry the weight in the name.
    style = font.rsplit("+", 1)[-1].lower()
    return any(word in style for word in _BOLD_NAMES) or _TEX_BOLD.search(style) is not None


def _info(meta: dict[str, str | None]) -> Iterator[tuple[str, str]]:
    for key in _INFO_KEYS:
        value = (meta.get(key) or "").strip()
        if value:
            yield f"pdf-info:{key}", value


def _xml_metadata(doc: pymupdf.Document) -> str:
    try:
        return doc.get_xml_metadata() or ""
    except Exception:  # a broken metadata stream must not lose the text
        return ""


def _xmp(xml: str) -> Iterator[tuple[str, str]]:
    """Selected XMP fields as ``("xmp:dc:title", value)`` pairs.

    Lists (``dc:creator``, ``dc:identifier``) give one pair per item, in order. For
    language alternatives the default (``x-default``, else the first) is keyed plainly and
    the others get their language appended: ``xmp:dc:title@ru``.
    """
    if not xml.strip():
        return
    try:
        root = ET.fromstring(xml.strip().encode("utf-8"))
    except ET.ParseError:
        return
    seen: set[tuple[str, str]] = set()
    for key, value in _xmp_pairs(root):
        if value and (key, value) not in seen:
            seen.add((key, value))
            yield key, value


def _xmp_pairs(root: ET.Element) -> Iterator[tuple[str, str]]:
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        # Simple properties may be written as attributes of rdf:Description.
        for name, value in el.attrib.items():
            uri, _, local = name[1:].partition("}")
            prefix = _xmp_prefix(uri, local) if name.startswith("{") else None
            if prefix is not None:
                yield f"xmp:{prefix}:{local}", value.strip()
        uri, _, local = el.tag[1:].partition("}")
        prefix = _xmp_prefix(uri, local) if el.tag.startswith("{") else None
        if prefix is not None:
            yield from _xmp_values(el, f"xmp:{prefix}:{local}")


def _xmp_prefix(uri: str, local: str) -> str | None:
    for base, (prefix, fields) in _XMP_FIELDS.items():
        if uri.startswith(base) and local in fields:
            return prefix
    return None


def _xmp_values(el: ET.Element, key: str) -> Iterator[tuple[str, str]]:
    items = list(el.iter(f"{{{_NS_RDF}}}li"))
    if not items:
        yield key, (el.text or "").strip()
        return
    default = next((li for li in items if li.get(f"{{{_NS_XML}}}lang") == "x-default"), items[0])
    for li in items:
        lang = li.get(f"{{{_NS_XML}}}lang")
        plain = li is default or lang is None
        yield (key if plain else f"{key}@{lang}"), (li.text or "").strip()
