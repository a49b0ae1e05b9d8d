"""The article's text as blocks: from trafilatura's XML tree, or from the page's own markup.

One ``(text, kind)`` per block — a paragraph is whole in HTML, nothing is joined later.
Kinds: ``title`` (an ``<h1>``), ``heading``, ``item``, ``quote``, ``caption``, or None for a
plain paragraph.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from copy import deepcopy
from typing import TYPE_CHECKING

import trafilatura

from .facts import clean

if TYPE_CHECKING:
    from lxml import etree
    from lxml.html import HtmlElement

# Where trafilatura's tree puts one block of text.
_BLOCKS = {"p", "head", "item", "quote", "list", "table", "row", "code", "pre", "div",
           "figure", "note", "cell"}
# Block elements of a page, for the fallback reader.
_HTML_BLOCKS = frozenset((
    "address", "article", "aside", "blockquote", "caption", "dd", "details", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table",
    "tbody", "td", "th", "thead", "tr", "ul",
))
_TEASER = 300  # characters: a link to another article is a headline, not a paragraph
_REPEATABLE = 60  # characters: a block this long is a paragraph, not a credit or a label
_INVISIBLE_TAGS = ("script", "style", "noscript", "template", "svg", "head", "iframe")
_CHROME_TAGS = ("nav", "aside", "footer", "form", "button", "menu", "dialog")
_FALLBACK_KIND = {"h1": "title", "h2": "heading", "h3": "heading", "h4": "heading",
                  "h5": "heading", "h6": "heading", "li": "item", "blockquote": "quote",
                  "figcaption": "caption", "caption": "caption"}


def mark_captions(tree: HtmlElement) -> dict[str, str]:
    """Turn figure captions into paragraphs trafilatura keeps; return their texts' kind."""
    texts: dict[str, str] = {}
    for caption in list(tree.iter("figcaption")):
        if text := clean(caption.text_content()):
            texts[text] = "caption"
        caption.tag = "p"
    for figure in list(tree.iter("figure")):
        figure.tag = "div"
    return texts


# Class names news templates give an article's lead (its first paragraph, set apart in bold)
# and the article's text right after it.
_LEAD = re.compile(r"(?:^|[\s_-])(?:lead|intro|standfirst|anons|annotation|subtitle|excerpt)"
                   r"(?:$|[\s_-])", re.I)
_BODY = re.compile(r"(?:^|[\s_-])(?:body|text|content)(?:$|[\s_-])", re.I)


def drop_noscript(tree: HtmlElement) -> None:
    """Remove what a page shows only to browsers without scripts: an app shell's "You need
    to enable JavaScript to run this app" is the page apologising, not its text."""
    for el in list(tree.iter("noscript")):
        if el.getparent() is not None:
            el.drop_tree()


def unwrap_inline_code(tree: HtmlElement) -> None:
    """Make inline ``<code>`` (and ``<kbd>``, ``<samp>``, ``<tt>``) plain text of its sentence.

    trafilatura takes every ``<code>`` for a code block: a file name inside a sentence
    ("передав ей параметром файл <code>.changes</code>") left the sentence and a list item's
    lead term ("<code>E:</code> — ошибка") became a paragraph of its own, and a listing's
    ``<pre>`` was cut where a ``<code>`` began (Debian's DocBook manuals). ``<pre>`` alone
    still marks a listing.
    """
    for el in list(tree.iter("code", "kbd", "samp", "tt")):
        if el.getparent() is not None:
            el.drop_tag()


# A table of contents by its class or id (DocBook ``div.toc``, MediaWiki ``#toc``, Sphinx and
# others' ``table-of-contents``) or its ARIA role.
_CONTENTS = re.compile(r"(?:^|[\s_-])(?:toc|table-of-contents|tableofcontents)(?:$|[\s_-])", re.I)
_LINKED = 0.5  # share of a table of contents' text that is links


def drop_contents(tree: HtmlElement) -> None:
    """Remove a page's table of contents, its heading with it.

    It is the page's navigation: links to its own sections, whose headings are in the text.
    trafilatura drops the list of links but kept the heading above it ("Содержание" of
    Debian's DocBook manuals), which then opened the text with nothing under it.
    """
    for el in list(tree.iter("div", "nav", "section", "aside", "ul", "ol", "dl")):
        if el.getparent() is None:
            continue
        names = f"{el.get('class') or ''} {el.get('id') or ''}"
        if not (_CONTENTS.search(names) or el.get("role") == "doc-toc"):
            continue
        text = len(clean(el.text_content()))
        linked = sum(len(clean(a.text_content())) for a in el.iter("a"))
        if text and linked >= _LINKED * text:
            el.drop_tree()


_LAYOUT_INSIDE = ("div", "h1", "h2", "h3", "ul", "ol", "table", "article")


def unwrap_layout_tables(tree: HtmlElement) -> None:
    """Turn tables used for a page's layout into plain blocks.

    Older sites (often the ones still in KOI8-R or windows-1251) set the menu and the
    article side by side in one table; trafilatura read it as a data table and gave the
    menu and the article as one row. A table whose cells hold sections, headings, lists or
    tables lays out a page; a data table's cells hold words, numbers, a paragraph or two.
    """
    for table in list(tree.iter("table")):
        cells = [c for c in table.iter("td", "th") if c.getparent() is not None]
        if not any(d.tag in _LAYOUT_INSIDE for c in cells for d in c.iterdescendants()):
            continue
        for el in [table, *table.iter("tbody", "thead", "tfoot", "tr", "td", "th")]:
            el.tag = "div"
            el.attrib.pop("colspan", None)
            el.attrib.pop("rowspan", None)


def item_texts(tree: HtmlElement) -> dict[str, str]:
    """The texts of list items written as paragraphs (``<li><p>text</p></li>``), as kinds.

    DocBook (and many editors) wrap each item's text in a paragraph; trafilatura keeps the
    paragraph and forgets the item (a bare ``<li>`` of a few words it drops as a menu's), so
    the list read as paragraphs and its first item was joined to the sentence introducing
    it ("Следует выполнить следующие шаги: установите…"). The texts are recognised after.
    """
    found: dict[str, str] = {}
    for item in tree.iter("li"):
        blocks = [child for child in item if isinstance(child.tag, str)]
        alone = len(blocks) == 1 and blocks[0].tag == "p" and not clean(item.text)
        if alone and (text := clean(blocks[0].text_content())):
            found[text] = "item"
    return found


def join_lead(tree: HtmlElement) -> None:
    """Move an article's lead into the article's text that follows it.

    News templates set the lead apart (``<div class="article__lead">``) just before the
    text (``<div class="article__body">``); trafilatura takes the text's container as the
    article and drops the lead, the article's first paragraph. A lead is only moved into
    the block right after it that is named as the text, so a teaser elsewhere stays out.
    """
    for el in list(tree.iter("div", "p", "section", "header")):
        following = el.getnext()
        if following is None or not isinstance(following.tag, str):
            continue
        names = f"{el.get('class') or ''} {el.get('id') or ''}"
        after = f"{following.get('class') or ''} {following.get('id') or ''}"
        if _LEAD.search(names) and _BODY.search(after) and clean(el.text_content()):
            if el.tag == "p" or not any(c.tag == "p" for c in el.iter()):
                el.tag = "p"
            el.getparent().remove(el)
            following.insert(0, el)


def drop_teasers(tree: HtmlElement) -> None:
    """Remove links to other articles set as paragraphs ("Читайте также: <a>headline</a>").

    trafilatura keeps them when they sit inside the article's text, and a short line
    without a full stop would then read as a heading. A teaser is a short paragraph that is
    mostly the text of a link of several words (a headline); a linked name or site
    ("Источник: <a>Zakon.kz</a>") is a credit and stays.
    """
    for el in list(tree.iter("p", "div")):
        if el.getparent() is None or any(child.tag in ("p", "div") for child in el.iter()
                                         if child is not el):
            continue
        text = clean(el.text_content())
        linked = [clean(a.text_content()) for a in el.iter("a")]
        if (
            text
            and len(text) <= _TEASER
            and sum(len(t) for t in linked) >= 0.6 * len(text)
            and max((len(t.split()) for t in linked), default=0) >= 4
        ):
            el.drop_tree()


def xml_blocks(
    el: etree._Element, context: str | None, marked: dict[str, str]
) -> Iterator[tuple[str, str | None]]:
    """(text, kind) for every block of trafilatura's output tree, in reading order;
    ``marked`` gives the kind of paragraphs known by their text (captions, list items)."""
    for child in el:
        if not isinstance(child.tag, str):
            continue
        tag = child.tag
        if tag == "row":
            cells = [clean(_own_text(c, nested=True)) for c in child if c.tag == "cell"]
            if text := " | ".join(c for c in cells if c):
                yield text, context
            continue
        kind = {"head": "heading", "item": "item", "quote": "quote"}.get(tag, context)
        if tag == "head" and child.get("rend") == "h1":
            kind = "title"
        own = clean(_own_text(child))
        if own:
            yield own, marked.get(own, kind) if tag == "p" else kind
        if tag in _BLOCKS:
            inner = kind if tag in ("quote", "item") else context
            yield from xml_blocks(child, inner, marked)



# Words ending with a colon, and the separators between them: what is left of a dateline
# ("Опубликовано: <time>… | Обновлено: <time>…") once its times are read as facts.
_LABELS_ONLY = re.compile(r"(?:[^\W\d_]+(?:\s[^\W\d_]+)?:|[|·•/–—-]|\s)+")


def labels_only(text: str) -> bool:
    """The block holds two labels or more and separators only: a dateline without its
    dates. One label alone ("Вывод:") may head the text under it."""
    return text.count(":") >= 2 and _LABELS_ONLY.fullmatch(text) is not None


def unrepeated(blocks: Iterator[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
    """Blocks without a second copy of the text.

    On a page with little text trafilatura adds the page's loose elements to what it has
    found, so the article can come twice. A real article does not repeat a paragraph word for
    word; it does repeat short lines (photo credits), which stay unless they are part of a
    run that also repeats a paragraph.
    """
    seen: set[str] = set()
    out: list[tuple[str, str | None]] = []
    held: list[tuple[str, str | None]] = []  # short repeats, kept unless a repeat run follows
    repeating = False
    for text, kind in blocks:
        if text in seen:
            if repeating or len(text) >= _REPEATABLE:
                held.clear()
                repeating = True
            else:
                held.append((text, kind))
            continue
        out += held
        held.clear()
        repeating = False
        seen.add(text)
        out.append((text, kind))
    return out + held


def _own_text(el: etree._Element, nested: bool = False) -> str:
    """An element's text without its nested blocks (a sub-list is its own block), or with
    them set apart by spaces when ``nested`` (the paragraphs inside a table cell)."""
    parts = [el.text or ""]
    for child in el:
        if not isinstance(child.tag, str):
            pass  # a comment or processing instruction: only its tail is text
        elif child.tag in _BLOCKS or child.tag == "lb":
            parts.append(f" {_own_text(child, nested)} " if nested else " ")
        else:
            parts.append(_own_text(child, nested))
        parts.append(child.tail or "")
    return "".join(parts)


def flattened(blocks: list[tuple[str, str | None]], tree: HtmlElement) -> bool:
    """trafilatura found too little main text and fell back to its baseline, which returns
    the page (or its ``<article>``) as one undivided paragraph: blocks are better read here."""
    if len(blocks) > 1:
        return False
    _, baseline, _ = trafilatura.baseline(deepcopy(tree))
    return clean(baseline) == blocks[0][0]


def visible_blocks(tree: HtmlElement) -> Iterator[tuple[str, str | None]]:
    """The page's visible text, one piece per block element (when no main content is found).

    The page's ``<article>`` or ``<main>`` when it has one, else the body; navigation,
    sidebars, footers and forms are left out unless nothing else has text.
    """
    for el in list(tree.iter(*_INVISIBLE_TAGS)):
        if el.getparent() is not None:
            el.drop_tree()
    bare = deepcopy(tree)
    for el in list(bare.iter(*_CHROME_TAGS)):
        if el.getparent() is not None:
            el.drop_tree()
    for candidate in (bare.find(".//article"), bare.find(".//main"), bare.find(".//body"),
                      tree.find(".//body"), tree):
        if candidate is not None and clean(candidate.text_content()):
            yield from _block_texts(candidate)
            return


def _block_texts(body: HtmlElement) -> Iterator[tuple[str, str | None]]:
    pending: list[str] = []
    kinds: list[str | None] = [None]

    def flush() -> Iterator[tuple[str, str | None]]:
        if text := clean(unicodedata.normalize("NFC", "".join(pending))):
            yield text, kinds[-1]
        pending.clear()

    def walk(node: etree._Element) -> Iterator[tuple[str, str | None]]:
        block = isinstance(node.tag, str) and node.tag in _HTML_BLOCKS
        if block:
            yield from flush()
            kinds.append(_FALLBACK_KIND.get(node.tag, kinds[-1]))
        pending.append((node.text or "") if isinstance(node.tag, str) else "")
        for child in node:
            if isinstance(child.tag, str) and child.tag == "br":
                pending.append("\n")
            else:
                yield from walk(child)
            pending.append(child.tail or "")
        if block:
            yield from flush()
            kinds.pop()

    yield from walk(body)
    yield from flush()
