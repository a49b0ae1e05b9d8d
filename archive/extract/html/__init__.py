"""The HTML front end: a saved web page in, the article's own paragraphs and facts out.

A news page or a journal's landing page is mostly not the article: menus, cookie banners,
related links, comments and footers surround it. trafilatura finds the main content and
returns it as a small XML tree (``<head>``, ``<p>``, ``<list><item>``, ``<quote>``,
``<table>``); each block becomes one ``Line`` — a paragraph is already whole in HTML, there
are no hard wraps — with ``blank_before`` between blocks and ``Line.kind`` saying what the
markup made it (title, heading, list item, quotation, caption, paragraph). trafilatura drops
``<figure>`` whole, so figure captions are turned into paragraphs before it runs and
recognised after; links to other articles set as paragraphs inside the text ("Читайте
также: …") are removed before it runs. When it finds no main content, or only falls back to
its baseline (the whole page as one paragraph), the page's own blocks are read instead
(``blocks``).

What the page says about itself goes to ``Document.info`` (``facts``, and ``dates`` for
``<time>`` elements and htmldate's reading); the bytes are decoded by ``decode``.
"""

from __future__ import annotations

from copy import deepcopy

import trafilatura
from lxml import etree  # trafilatura's own parser: its trees and errors are lxml's

from archive.errors import CorruptFileError
from archive.models import Document, Line

from .blocks import (
    drop_contents,
    drop_noscript,
    drop_teasers,
    flattened,
    item_texts,
    join_lead,
    labels_only,
    mark_captions,
    unrepeated,
    unwrap_inline_code,
    unwrap_layout_tables,
    visible_blocks,
    xml_blocks,
)
from .dates import htmldate_facts, time_facts
from .decode import PRESCAN, decode_html
from .facts import page_facts, saved_from
from .restored import listings, restore_headings, restore_listings, section_headings

__all__ = ["EXTRACTOR", "FALLBACK_EXTRACTOR", "MEDIA_TYPE", "decode_html", "extract_html"]

MEDIA_TYPE = "text/html"
EXTRACTOR = f"trafilatura {trafilatura.__version__}"
FALLBACK_EXTRACTOR = "archive-html 1 (visible text)"
_TITLE_KEYS = frozenset(("html-meta:citation_title", "html-meta:dc.title", "json-ld:headline",
                         "og:title", "html:title"))


def extract_html(data: bytes, charset: str | None = None) -> Document:
    """Decode a saved web page and return its main text as one ``Line`` per block.

    Encodings: a byte-order mark, then UTF-8, then the page's own declaration (``<meta
    charset>``, ``http-equiv`` Content-Type, an XML declaration), then charset-normalizer's
    guess — pages in windows-1251 and KOI8-R are common (see ``decode_html``); ``charset``
    is what a capture's HTTP or MIME header said, read before the page's declaration. A page
    without any text gives a ``Document`` without lines; the caller decides that there is
    nothing to index.
    """
    text = decode_html(data, charset)
    try:
        tree = trafilatura.load_html(text)
        if tree is None:
            raise CorruptFileError("not a readable HTML page")
        info = (*saved_from(text[:PRESCAN]), *page_facts(tree), *time_facts(tree),
                *htmldate_facts(tree))
        drop_noscript(tree)
        drop_contents(tree)
        unwrap_layout_tables(tree)
        unwrap_inline_code(tree)
        join_lead(tree)
        drop_teasers(tree)
        marked = {**item_texts(tree), **mark_captions(tree)}
        headings, pres = section_headings(tree), listings(tree)
        result = trafilatura.bare_extraction(
            tree, include_comments=False, include_tables=True, include_formatting=False,
            include_images=False, include_links=False, with_metadata=False,
        )
        body = getattr(result, "body", None)
        blocks = restore_listings(restore_headings(unrepeated(
            b for b in xml_blocks(body, None, marked) if not labels_only(b[0])
        ), headings), pres) if body is not None else []
        extractor = EXTRACTOR
        fallback = not blocks or flattened(blocks, tree)
        if fallback and (visible := list(visible_blocks(deepcopy(tree)))):
            blocks, extractor = visible, FALLBACK_EXTRACTOR
    except (etree.LxmlError, RecursionError) as exc:
        raise CorruptFileError(f"the page cannot be parsed: {exc}") from exc
    titles = _stated_titles(info)
    lines = tuple(
        Line(text=row, blank_before=k > 0 and r == 0, kind=_title_or_heading(t, kind, k, titles))
        for k, (t, kind) in enumerate(blocks)
        # A listing keeps its lines, one Line each, as a PDF's code does.
        for r, row in enumerate(t.split("\n") if kind == "code" else [t])
    )
    # The headline, kept out of the text, tells where the <title>'s site name begins.
    info += tuple(("html:headline", ln.text) for ln in lines[:1] if ln.kind == "headline")
    return Document(media_type=MEDIA_TYPE, extractor=extractor, lines=lines, info=info)


_SITE_SUFFIX = (" - ", " — ", " – ", " | ")  # "Headline - Site name" in a page's <title>


def _stated_titles(info: tuple[tuple[str, str], ...]) -> set[str]:
    """The titles the page states, each also without a site's name after a separator."""
    titles = set()
    for key, value in info:
        if key in _TITLE_KEYS:
            title = value.casefold()
            titles.add(title)
            titles.update(title.rsplit(sep, 1)[0] for sep in _SITE_SUFFIX if sep in title)
    return titles


def _title_or_heading(text: str, kind: str | None, position: int, titles: set[str]) -> str:
    """The work's title (the headline, the article's name) is not a section heading: an
    ``<h1>`` that opens the text, or a heading that repeats the page's stated title. An
    opening ``<h1>`` that repeats the stated title is the headline, which the metadata
    holds; the cleaner keeps it out of the text (as it is when trafilatura leaves it out)."""
    if kind in ("title", "heading"):
        opening = kind == "title" and position == 0
        if opening and text.casefold() in titles:
            return "headline"
        return "title" if opening or text.casefold() in titles else "heading"
    return kind or "paragraph"
