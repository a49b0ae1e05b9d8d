"""When a page says it was published and last changed: ``<time datetime>`` elements, and
htmldate's reading of the whole page, as ``Document.info`` pairs with where each came from.

``html-time:published#<evidence>`` / ``html-time:modified#<evidence>``: a ``<time>`` element
with a machine-readable ``datetime``; the evidence names what told published from modified
(``itemprop=dateModified``, ``class=article__updated``, ``label=Обновлено``, or ``first``
for the article's first dated element). ``htmldate:published`` / ``htmldate:modified``:
htmldate's original and newest dates of the page (its own heuristics over meta tags and
markup), the weakest sign. ``archive.metadata.webdates`` turns them into
candidates below the page's meta tags and JSON-LD.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from copy import deepcopy
from typing import TYPE_CHECKING

import htmldate

from .facts import clean

if TYPE_CHECKING:
    from lxml.html import HtmlElement

# Words a template puts on or before a date that was changed after publication.
_MODIFIED = re.compile(r"updat|modif|(?<![a-z])edit|revis|обновл|изменен|отредакт|жаңарт|өзгерт",
                       re.I)
_PUBLISHED = re.compile(r"publish|posted|created|issued|опублик|жариял", re.I)
# Times inside these say when something else happened: a comment, a linked article.
_ELSEWHERE = re.compile(r"comment|related|sidebar|teaser|widget|footer|коммент", re.I)
_ELSEWHERE_TAGS = frozenset(("nav", "aside", "footer", "form"))
_MACHINE = re.compile(r"^\d{4}-\d{2}(?:-\d{2})?(?:[T\s][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$")
_LABEL_WORDS = 40  # characters of text before a date read as its label ("Обновлено:")


def time_facts(tree: HtmlElement) -> Iterator[tuple[str, str]]:
    """``<time datetime>`` elements of the article, as published or modified dates.

    A time that says which it is (``itemprop``, a class or id naming an update or a
    publication, a label before it) is read so; the first time that says neither is the
    publication date, as a dateline is. Times in comments, related links, navigation and
    footers are other items' dates and are left out.
    """
    undecided = True
    for el in tree.iter("time"):
        stamp = clean(el.get("datetime"))
        if not _MACHINE.match(stamp) or _elsewhere(el):
            continue
        which, evidence = _which(el)
        if which is None:
            if not undecided:
                continue
            which, evidence = "published", "first"
        undecided = undecided and which != "published"
        yield f"html-time:{which}#{evidence}", stamp


def htmldate_facts(tree: HtmlElement) -> Iterator[tuple[str, str]]:
    """htmldate's publication date and newest date of the page, read from its markup.

    Its extensive search is off: it guesses from the page's text and from addresses, and an
    address's ``/2025/04/`` became ``2025-04-01``, a day nobody stated. It reads a copy of
    the page without comments, related links, navigation and footers, whose dates are
    other items' (its newest date was a linked article's).
    """
    page = deepcopy(tree)
    for el in [el for el in page.iter(*_ELSEWHERE_TAGS, "div", "section", "ul", "aside")
               if _names_elsewhere(el)]:
        if el.getparent() is not None:
            el.drop_tree()
    found = {}
    for which, original in (("published", True), ("modified", False)):
        # htmldate prunes the tree it reads: each pass gets its own copy.
        value = htmldate.find_date(deepcopy(page), extensive_search=False,
                                   original_date=original)
        if value:
            found[which] = value
    if "published" in found:
        yield "htmldate:published", found["published"]
    if found.get("modified") not in (None, found.get("published")):
        yield "htmldate:modified", found["modified"]


def _which(el: HtmlElement) -> tuple[str | None, str]:
    prop = el.get("itemprop") or ""
    if prop in ("dateModified", "dateUpdated"):
        return "modified", f"itemprop={prop}"
    if prop in ("datePublished", "dateCreated"):
        return "published", f"itemprop={prop}"
    if el.get("pubdate") is not None:
        return "published", "pubdate"
    for node in (el, el.getparent()):
        if node is None:
            continue
        for attr in ("class", "id"):
            name = node.get(attr) or ""
            for which, words in (("modified", _MODIFIED), ("published", _PUBLISHED)):
                if words.search(name):
                    return which, f"{attr}={name.strip()}"
    label = _label(el)
    for which, words in (("modified", _MODIFIED), ("published", _PUBLISHED)):
        if label and words.search(label):
            return which, f"label={label}"
    return None, ""


def _label(el: HtmlElement) -> str:
    """The words just before a time in its block: "Обновлено:", "Updated"."""
    previous = el.getprevious()
    text = (previous.tail if previous is not None else (el.getparent().text
                                                         if el.getparent() is not None else ""))
    if previous is not None and not clean(text):
        text = previous.text_content()
    return clean(text)[-_LABEL_WORDS:].strip(" :—–-·|/,")


def _elsewhere(el: HtmlElement) -> bool:
    return any(_names_elsewhere(node) for node in el.iterancestors())


def _names_elsewhere(el: HtmlElement) -> bool:
    """Is ``el`` a block whose dates are other items' (a comment, a related link, a menu)?"""
    if el.tag in _ELSEWHERE_TAGS:
        return True
    if el.tag in ("html", "body", "head", "main", "article"):
        return False  # a template's class on the page itself says nothing of one block
    return bool(_ELSEWHERE.search(f"{el.get('class') or ''} {el.get('id') or ''}"))
