"""What trafilatura loses of a page, put back: section headings and listings' line breaks.

Section headings: trafilatura keeps ``<h2>``…``<h6>`` only when it reads the text from an
``<article>`` or a ``<main>``; a page built of plain ``<div>``s (DocBook's HTML manuals:
``div.section`` > ``div.titlepage`` > ``h2``) loses every section heading, and its
paragraphs run on with no sections. A heading of the page comes back when the first
paragraph or list item after it in the page is a block trafilatura kept, and that block has
no heading before it yet. Headings in navigation, a page header or footer, or an aside
never come back.

Listings: trafilatura reads a ``<pre>`` as a quotation with its lines run together. A
quotation whose words are a ``<pre>``'s is that listing, with its line breaks (kind
``code``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .facts import clean

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_SECTION_HEADINGS = ("h2", "h3", "h4", "h5", "h6")
_CHROME = frozenset(("nav", "header", "footer", "aside"))


def _words(text: str) -> str:
    return " ".join(clean(text).split())


def section_headings(tree: HtmlElement) -> dict[str, str]:
    """For each block that follows a section heading on the page: its words, and the
    heading's. Read before trafilatura, which prunes the tree it is given."""
    out: dict[str, str] = {}
    for heading in tree.iter(*_SECTION_HEADINGS):
        if any(a.tag in _CHROME for a in heading.iterancestors()):
            continue
        text = _words("".join(heading.itertext()))
        following = heading.xpath("following::*[self::p or self::li][1]")
        if text and following and (block := _words("".join(following[0].itertext()))):
            out.setdefault(block, text)
    return out


def listings(tree: HtmlElement) -> dict[str, str]:
    """Each ``<pre>`` of the page outside its chrome: its words, and its text as printed."""
    out: dict[str, str] = {}
    for pre in tree.iter("pre"):
        if any(a.tag in _CHROME for a in pre.iterancestors()):
            continue
        text = "".join(pre.itertext()).strip("\n")
        if words := _words(text):
            out.setdefault(words, text)
    return out


def restore_listings(
    blocks: list[tuple[str, str | None]], pres: dict[str, str]
) -> list[tuple[str, str | None]]:
    """``blocks`` with each listing (``listings``) as printed, kind ``code``."""
    if not pres:
        return blocks
    return [(pres[w], "code") if (w := _words(text)) in pres else (text, kind)
            for text, kind in blocks]


def restore_headings(
    blocks: list[tuple[str, str | None]], headings: dict[str, str]
) -> list[tuple[str, str | None]]:
    """``blocks`` with the headings they lost (``section_headings``) in front of them."""
    if not headings or any(kind == "heading" for _, kind in blocks):
        return blocks  # trafilatura kept the page's headings: nothing was lost
    out: list[tuple[str, str | None]] = []
    for text, kind in blocks:
        if (heading := headings.get(_words(text))) is not None:
            out.append((heading, "heading"))
        out.append((text, kind))
    return out
