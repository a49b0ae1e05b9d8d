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
* no images: they cost time and carry no text. Drawings are read only for where figures,
  ruled tables and drawn underscores stand (``archive.extract.figures``,
  ``archive.extract.tables``, ``archive.extract.spans``), and where a page has images, only
  where they stand (``archive.extract.pictures``).

Geometry (columns, reading order, paragraph gaps) lives in ``archive.extract.layout``; what a
line's spans say (size, weight, typewriter type, superscripts) in ``archive.extract.spans``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pymupdf

from archive.errors import CorruptFileError, EncryptedFileError
from archive.extract.diagrams import diagram_regions
from archive.extract.figures import (
    Shape,
    Text,
    curved,
    figure_regions,
    is_tick,
    path_rules,
    ruled_regions,
    visible_paths,
)
from archive.extract.figuretext import mark_figure_text
from archive.extract.fonts import cork_fonts, picture_glyphs, read_cork_letters
from archive.extract.frame import body_frames
from archive.extract.grouping import group_drawings
from archive.extract.layout import Fragment, merge_rows, order_page
from archive.extract.letterspacing import Char, close_letterspacing, has_run
from archive.extract.ligatures import restore_lost_ligatures
from archive.extract.linenumbers import mark_line_numbers
from archive.extract.listings import display_type_is_text, line_kinds
from archive.extract.pictures import mark_picture_labels, picture_regions
from archive.extract.plotglyphs import glyph_plots
from archive.extract.repair import (
    drawn_soft_hyphens,
    mojibake_codec,
    remapped,
    repair_accents,
    repair_mojibake,
    repair_tex_codes,
    spaced_quotes,
)
from archive.extract.spacing import blank_flags
from archive.extract.spans import (
    PROMPT,
    Rule,
    dominant_baseline,
    dominant_style,
    fixed_pitch_fonts,
    join_circled_numbers,
    lead_length,
    mark_fixed_pitch,
    monospaced,
    moved,
    short_rules,
    small_runs,
    spans_text,
    undecodable,
)
from archive.extract.tables import (
    Grid,
    expand_rows,
    filled,
    mark_cells,
    overlaps,
    row_boxes,
    table_boxes,
)
from archive.extract.textpage import (
    drop_kerning_spaces,
    kerns_with_spaces,
    line_chars,
    page_chars,
    page_dict,
    turned,
)
from archive.extract.xmp import xmp_fields
from archive.models import LINE_NUMBER, TURNED, Document, Line, PageInfo

# A text span and a block as PyMuPDF's get_text("dict") gives them.
RawPage = dict[str, Any]
Rect = tuple[float, float, float, float]

# The table finder would print a suggestion to install another package on first use.
pymupdf.no_recommend_layout()

MEDIA_TYPE = "application/pdf"
EXTRACTOR = f"pymupdf {pymupdf.VersionBind}"
TEXT_FLAGS = pymupdf.TEXT_PRESERVE_WHITESPACE | pymupdf.TEXT_MEDIABOX_CLIP
LIGATURES = pymupdf.TEXT_PRESERVE_LIGATURES

# MuPDF writes repair warnings to stderr; the library must stay silent (errors are raised).
pymupdf.TOOLS.mupdf_display_errors(False)

_INFO_KEYS = ("title", "author", "subject", "keywords", "creationDate", "modDate",
              "producer", "creator")  # fmt: skip


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
        info = tuple(_info(doc.metadata or {})) + tuple(xmp_fields(_xml_metadata(doc)))
    finally:
        doc.close()
    warnings: list[str] = []
    codec = mojibake_codec(per_page)
    if codec is not None:
        per_page = [[remapped(f) for f in frags] for frags in per_page]
        info = tuple((k, repair_mojibake(v)[0]) for k, v in info)
        warnings.append(f"the text layer is Cyrillic in {codec.upper().replace('_', '-')} "
                        "read as Latin-1 (fonts without a Unicode map); repaired")
    display_type_is_text(per_page)
    flags = blank_flags(per_page)
    lines = [
        Line(f.text, number, f.x0, f.y0, f.x1, f.y1, f.size, f.bold, f.block, f.column, blank,
             f.kind, f.raised, f.small, f.lead, f.baseline, f.cells)
        for number, (frags, blanks) in enumerate(zip(per_page, flags, strict=True), start=1)
        for f, blank in zip(frags, blanks, strict=True)
    ]
    lines, restored = restore_lost_ligatures(lines)
    if restored:
        warnings.append("the fonts' ligatures lost letters in the text layer ("
                        + "; ".join(restored) + "); restored from an English dictionary")
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
    fixed: set[str] = set()  # fonts measured fixed-pitch so far: a page may show too few
    cork: set[str] = set()  # fonts found reporting TeX's T1 codes so far
    kerning = kerns_with_spaces((doc.metadata or {}).get("creator") or "")
    for index in range(doc.page_count):
        try:
            page = doc.load_page(index)
            raw, textpage, glyphs = page_dict(page, TEXT_FLAGS, LIGATURES)
            if page.rotation and turned(raw, page.mediabox.height):
                # The text is laid out turned on a page that is shown turned (a landscape
                # table printed to PDF as /Rotate 90): read it as the page shows it, in
                # the document opened here.
                page.remove_rotation()
                raw, textpage, glyphs = page_dict(page, TEXT_FLAGS, LIGATURES)
            # The characters one by one, read once, where a troff PDF's kerning needs them
            # or a line may hold letter-spaced words (the spans searched as one text, a line
            # break apart: no run crosses one).
            each = page_chars(page, textpage) if kerning and not glyphs else None
            if each:
                drop_kerning_spaces(raw, each)
            if not glyphs and has_run("\n".join(
                    span["text"] for b in raw["blocks"] if b["type"] == 0
                    for ln in b["lines"] for span in ln["spans"])):
                each = each or page_chars(page, textpage)
            else:
                each = None
            chars = line_chars(each) if each else {}
            rect = page.rect
        except Exception as exc:
            raise CorruptFileError(f"page {index + 1} cannot be read: {_reason(exc)}") from exc
        width, height = rect.width, rect.height
        if page.rotation % 180:  # MuPDF reports text in unrotated coordinates
            width, height = height, width
        pages.append(PageInfo(number=index + 1, width=width, height=height))
        lines = [ln["spans"] for b in raw["blocks"] if b["type"] == 0 for ln in b["lines"]]
        fixed |= fixed_pitch_fonts(lines)
        mark_fixed_pitch(lines, fixed)
        cork |= cork_fonts(lines)
        read_cork_letters(lines, cork)
        paths = _paths(page) if any(b["type"] == 0 for b in raw["blocks"]) else []
        frags, others = _fragments(raw, block_base, chars, short_rules(paths))
        mark_line_numbers(frags)
        block_base += len(raw["blocks"])
        regions, tables = _drawn(page, paths, rect, frags) if frags else ([], [])
        regions += glyph_plots(frags, (rect.x0, rect.y0, rect.x1, rect.y1))
        cells = mark_cells(frags, tables, block_base)
        block_base += len(cells)
        mark_figure_text(frags + others, regions)
        mark_picture_labels(frags, picture_regions(_images(page), frags, tuple(rect)))
        aside = [f for f in frags if f.kind in ("figure", LINE_NUMBER)]
        frags = [f for f in frags if f.kind not in ("figure", LINE_NUMBER)]
        # Rotated text (margin stamps, vertical labels), the text of figures and the margin's
        # line numbers are kept, after the page's own lines, out of its reading order.
        frags, rows = row_boxes(frags, cells)
        ordered = merge_rows(expand_rows(order_page(frags), rows), block_base, index == 0)
        block_base += len(ordered)
        for f in others:
            if f.kind is None:
                f.kind = TURNED
        per_page.append(line_kinds(ordered) + aside + others)
    return tuple(pages), per_page


def _fragments(
    raw: RawPage, block_base: int, chars: dict[tuple[int, int], list[Char]],
    rules: list[Rule],
) -> tuple[list[Fragment], list[Fragment]]:
    """Turn MuPDF's lines into fragments; the second list holds non-horizontal ones.
    ``chars`` holds the characters of lines that may be letter-spaced; ``rules`` the page's
    short horizontal rules (drawn underscores)."""
    horizontal: list[Fragment] = []
    rotated: list[Fragment] = []
    for b in raw["blocks"]:
        if b["type"] != 0:
            continue
        join_circled_numbers(b["lines"])
        for k, ln in enumerate(b["lines"]):
            spans = [s for s in ln["spans"] if not picture_glyphs(s)]
            if not spans:
                continue
            raw_text, starts = spans_text(spans, rules)
            raw_text = drawn_soft_hyphens(raw_text)
            closed = raw_text
            line_chars = chars.get((b["number"], k)) if chars else None
            if line_chars and "".join(c for c, _, _ in line_chars) == raw_text:
                closed = close_letterspacing(line_chars)
            code = monospaced(spans) or PROMPT.match(closed) is not None
            text = repair_accents(repair_tex_codes(closed), prose=not code)
            text = text if code else spaced_quotes(text)
            if not text.strip() or undecodable(text):
                continue
            x0, y0, x1, y1 = ln["bbox"] if len(spans) == len(ln["spans"]) else (
                min(s["bbox"][0] for s in spans), min(s["bbox"][1] for s in spans),
                max(s["bbox"][2] for s in spans), max(s["bbox"][3] for s in spans))
            size, bold = dominant_style(spans)
            # Repairs that change the length would move the ranges: then none are kept.
            raised, small = small_runs(spans, starts, size) if text == raw_text else ((), ())
            indent = len(text) - len(text.lstrip())
            stripped = text.strip()
            frag = Fragment(stripped, x0, y0, x1, y1, size, bold, block_base + b["number"],
                            kind="code" if code else None,
                            raised=moved(raised, indent, len(stripped)),
                            small=moved(small, indent, len(stripped)),
                            lead=lead_length(spans), baseline=dominant_baseline(spans))
            dx, dy = ln["dir"]
            # A letter drawn mirrored stands in its line (the reversed E of the XeTeX logo).
            across = abs(dy) < 0.01 and (dx > 0.99 or (dx < -0.99 and len(stripped) == 1))
            (horizontal if across else rotated).append(frag)
    return horizontal, rotated


def _paths(page: pymupdf.Page) -> list[dict[str, Any]]:
    try:
        paths: list[dict[str, Any]] = page.get_cdrawings()
    except Exception:  # a broken content stream must not lose the text
        return []
    return visible_paths(paths, (page.rect.width, page.rect.height))


def _images(page: pymupdf.Page) -> list[Rect]:
    """Where the page shows raster images; asked only of a page that has some (listing them
    costs a pass over the page's content)."""
    try:
        if not page.get_images():
            return []
        return [tuple(info["bbox"]) for info in page.get_image_info()]
    except Exception:  # a broken image must not lose the text
        return []


def _drawn(
    page: pymupdf.Page, paths: list[dict[str, Any]], rect: pymupdf.Rect, frags: list[Fragment]
) -> tuple[list[Rect], list[Grid]]:
    """The page's figures (regions of drawings) and its ruled tables, with text in most
    of their cells (``frags``); ``rect`` is the page's. A table's grid is no figure: its
    text is the table's.
    PyMuPDF's table finder is asked only where the page has a grid of rules (it costs
    about as much as reading the page's text), and not on a page of a dense plot's many
    thousand drawings: it weighs every letter against every drawing, for minutes."""
    bounds = (rect.x0, rect.y0, rect.x1, rect.y1)
    items = [tuple(d["rect"]) for d in paths]
    grouped = group_drawings(items, bounds)
    grids = ruled_regions(grouped, [path_rules(d) for d in paths], [is_tick(d) for d in paths])
    tables = filled(_ruled_tables(page), frags) if grids and len(paths) <= _TABLE_PATHS else []
    boxes = table_boxes(tables)
    shapes = [Shape(d.get("type") in ("f", "fs"), curved(d), d.get("type") in ("s", "fs"))
              for d in paths]
    texts = [Text((f.x0, f.y0, f.x1, f.y1), len(f.text.split()), sum(map(str.isalpha, f.text)),
                  f.kind == "code") for f in frags]
    figures = [r for r in figure_regions(grouped, items, shapes, texts)
               + diagram_regions(items, shapes, texts, bounds) if not overlaps(r, boxes)]
    return figures, tables


_TABLE_PATHS = 20_000  # drawings on a page, at most, for a table finder's search: a plot's many


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


