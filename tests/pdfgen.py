"""Generators of realistic test PDFs, each returned with the gold a careful reader would cite.

Every generator returns ``(pdf_bytes, gold)`` where ``gold`` is a list of paragraphs
``{"text", "role", "lang", "page"}`` (``page`` = printed page where the paragraph starts),
the same shape as ``tests/golden/*.json``. Running headers, footers and page numbers are not
paragraphs, so they are not in the gold.

The layout engine is ``pdftypeset.Typesetter``; its names are re-exported here.

``GENERATORS`` maps the names used in gold files (``"generator": "journal_article"``) to
zero-argument callables, so a benchmark can regenerate a PDF from its gold file's name.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import pymupdf
from pdftypeset import (
    KIND_OF_ROLE,
    STYLES,
    Gold,
    Style,
    Typesetter,
    pick_fonts,
    with_style,
)

__all__ = ["GENERATORS", "Style", "Typesetter", "pick_fonts", "with_style"]

DATA = Path(__file__).parent / "data"
DEJAVU_ITALIC = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif-Italic.ttf")


# -- the generators ------------------------------------------------------------------------
def journal_article(
    *, glued_page_numbers: bool = False, first_page: int = 17, with_metadata: bool = True
) -> tuple[bytes, Gold]:
    """A Kazakh/Russian law-journal article (content: ``tests/data/journal_article.json``).

    Front-matter block, abstract and keywords, headings, justified hyphenated body with
    paragraphs crossing page breaks, a dash list, a figure with caption, a two-column
    conclusion, references and a Russian summary. Odd pages carry the journal in the header,
    even pages the author and short title; footers carry the page number, or with
    ``glued_page_numbers`` the issue line with the number glued on (``… 2023`` + ``18``).
    """
    spec = json.loads((DATA / "journal_article.json").read_text(encoding="utf-8"))
    journal, issue = spec["journal"], spec["issue"]
    footer_text = f"{journal.split(' / ')[0]}, {issue}"
    ts = Typesetter(
        first_page=first_page,
        header=lambda p: f"{journal}, {issue}" if p % 2 else spec["running_author"],
        footer=lambda p: (footer_text, glued_page_numbers),
    )
    typeset_items(ts, spec["items"])
    meta = spec["metadata"]
    if not with_metadata:
        return ts.finish(), ts.gold
    info = {"title": meta["title"], "author": meta["author"], "subject": meta["subject"],
            "keywords": meta["keywords"], "creator": "LaTeX with hyperref",
            "producer": "pdfTeX-1.40.25", "creationDate": "D:20230630120000+06'00'"}  # fmt: skip
    return ts.finish(info, xmp_packet(meta, first_page)), ts.gold


def typeset_items(ts: Typesetter, items: list[dict[str, Any]], *, scale: float = 1.0) -> None:
    """Set the article's items in order; ``scale`` multiplies every font size."""
    k = 0
    while k < len(items):
        item = items[k]
        following = items[k + 1]["kind"] if k + 1 < len(items) else None
        if "columns" in (item["kind"], following):
            start = k if item["kind"] == "columns" else k + 1
            end = next(j for j in range(k, len(items)) if items[j]["kind"] == "end_columns")
            ts.columns(items[start + 1 : end], None if start == k else item)
            k = end + 1
            continue
        if item["kind"] == "figure":
            ts.figure(item["text"], item["lang"])
        else:
            kind = item["kind"]
            style = None if scale == 1.0 else with_style(
                kind, size=round(STYLES[kind].size * scale, 2)
            )
            ts.paragraph(item["text"], kind, item["lang"], style)
        k += 1


def two_column_paper(*, first_page: int = 5) -> tuple[bytes, Gold]:
    """The article's text set as a two-column paper: full-width title block and abstract,
    then body, headings, lists and references flowing through both columns over several
    pages, the last page's columns unbalanced. Headers on odd pages, numbers centred below.
    """
    items = json.loads((DATA / "journal_article.json").read_text(encoding="utf-8"))["items"]
    ts = Typesetter(
        first_page=first_page,
        header=lambda p: "Заң және қоғам / Право и общество, № 2 (58), 2023" if p % 2 else "",
        footer=lambda p: ("", False),
    )
    title = next(it for it in items if it["kind"] == "title")
    ts.paragraph(title["text"], "title", title["lang"])
    byline = "Б.С. Омарова, Л.Н. Гумилев атындағы Еуразия ұлттық университеті, Астана"
    ts.paragraph(byline, "byline", "kk")
    for it in items:
        if it["kind"] in ("abstract", "keywords") and it["lang"] == "kk":
            ts.paragraph(it["text"], it["kind"], it["lang"])
    ts.set_columns(2)
    start = next(k for k, it in enumerate(items) if it["kind"] == "heading")
    for it in items[start:]:
        if it["kind"] in ("heading", "body", "list_item", "reference"):
            ts.paragraph(it["text"], it["kind"], it["lang"])
    return ts.finish(), ts.gold


def xmp_packet(meta: dict[str, str], first_page: int) -> str:
    """An XMP packet with Dublin Core and PRISM fields (``tests/data/journal_article.xmp``)."""
    template = (DATA / "journal_article.xmp").read_text(encoding="utf-8")
    return template.format(first_page=first_page, **meta)


def retypeset(
    paragraphs: Iterable[dict[str, Any] | Sequence[str]], *, first_page: int = 1
) -> tuple[bytes, Gold]:
    """Typeset gold paragraphs (dicts with text/role[/lang], or (text, role[, lang]) tuples)."""
    ts = Typesetter(first_page=first_page, footer=lambda p: ("", False))
    for para in paragraphs:
        if isinstance(para, dict):
            text, role, lang = para["text"], para["role"], para.get("lang")
        else:
            text, role, lang = para[0], para[1], (para[2] if len(para) > 2 else None)
        kind = KIND_OF_ROLE.get(role, role)
        ts.paragraph(text, kind, lang, STYLES[kind], role=role)
    return ts.finish(), ts.gold


def retypeset_seed_000(
    gold_paragraphs: Iterable[dict[str, Any] | Sequence[str]] | None = None,
) -> tuple[bytes, Gold]:
    """Seed 000 re-typeset from its gold file (``tests/golden/000_d613d50ca8d86847.json``)."""
    if gold_paragraphs is None:
        path = Path(__file__).parent / "golden" / "000_d613d50ca8d86847.json"
        gold_paragraphs = json.loads(path.read_text(encoding="utf-8"))["paragraphs"]
    return retypeset(gold_paragraphs, first_page=35)


def multi_page_kazakh(n_pages: int, *, first_page: int = 101) -> tuple[bytes, Gold]:
    """One known Kazakh paragraph per page, printed page numbers from ``first_page``."""
    ts = Typesetter(first_page=first_page, footer=lambda p: ("", False))
    for n in range(1, n_pages + 1):
        text = (
            f"Бұл құжаттың {n}-бетіндегі жалғыз абзац. Әр бетте өз нөмірі бар бөлек мәтін "
            f"тұр, сондықтан әр жолдың қай бетте екенін тексеруге болады: {n} × {n} = {n * n}."
        )
        ts.new_page()
        ts.paragraph(text, "body", "kk")
    return ts.finish(), ts.gold


def dense_pages(n_pages: int, seed: int | None = None) -> bytes:
    """Full pages of the article's body text repeated, for timing the extractor (see
    ``dense_article``)."""
    return dense_article(n_pages, seed)[0]


def dense_article(n_pages: int, seed: int | None = None) -> tuple[bytes, Gold]:
    """Full pages of the article's body text repeated, for timing the extractor.

    With a ``seed`` the words inside every sentence are shuffled: a different text with the
    same statistics, so each generated file is a source of its own. Each sentence keeps its
    first word and its final stop, as a paragraph of real prose opens with a capital and ends
    a sentence (words shuffled across sentence ends would run every paragraph into the next).
    """
    spec = json.loads((DATA / "journal_article.json").read_text(encoding="utf-8"))
    body = [it["text"] for it in spec["items"] if it.get("kind") == "body"]
    rng = random.Random(seed)
    ts = Typesetter(header=lambda p: "Заң және қоғам, № 2 (58), 2023", footer=lambda p: ("", False))
    k = 0
    while len(ts.doc) < n_pages or ts.page is None:
        text = body[k % len(body)]
        if seed is not None:
            text = " ".join(_shuffled_sentence(s, rng) for s in _SENTENCE_END.split(text))
        ts.paragraph(text, "body", "kk")
        k += 1
    return ts.finish(), ts.gold


# A sentence ends at a stop before a space and a capital (or an opening quote).
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[«\"(\[]?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ])")


def _shuffled_sentence(sentence: str, rng: random.Random) -> str:
    """The sentence's words after the first in a random order, its final stop kept last."""
    words = sentence.split()
    if len(words) < 3:
        return sentence
    stop = re.search(r"[.!?…:]+[»\")]*$", words[-1])
    ending = stop.group() if stop else ""
    words[-1] = words[-1][: len(words[-1]) - len(ending)]
    rest = [w for w in words[1:] if w]
    rng.shuffle(rest)
    return " ".join([words[0], *rest]).rstrip(",;:–—") + ending


# x (a negative x sets the line flush right, ending -x points from the page's right edge),
# baseline, text, font size, font ("serif" | "italic" | "bold" | "mono")
Placed = tuple[float, float, str, float, str]


def placed_pages(pages: Sequence[Sequence[Placed]], *, size: tuple[float, float] = (420.0, 595.0),
                 ) -> bytes:
    """A PDF whose lines are placed one by one, for page shapes the typesetter does not
    make: labels of a code listing broken over a page, a footer on the first page only, a
    table of contents with its numbers flush right."""
    regular, bold = pick_fonts()
    italic_file = DEJAVU_ITALIC if DEJAVU_ITALIC.exists() else None
    fonts = {
        "serif": regular, "bold": bold, "mono": pymupdf.Font("cour"),
        "italic": pymupdf.Font(fontfile=str(italic_file)) if italic_file else regular,
    }  # fmt: skip
    doc = pymupdf.open()
    for lines in pages:
        page = doc.new_page(width=size[0], height=size[1])
        writer = pymupdf.TextWriter(page.rect)
        for x, baseline, text, fontsize, font in lines:
            if x < 0:
                x = size[0] + x - fonts[font].text_length(text, fontsize=fontsize)
            writer.append((x, baseline), text, font=fonts[font], fontsize=fontsize)
        writer.write_text(page)
    data = doc.tobytes()
    doc.close()
    return data


def running_text(n_lines: int, seed: int = 0) -> list[str]:
    """Lines of plain Russian words, about 55 characters each, every one different."""
    rng = random.Random(seed)
    words = ("объект", "сцена", "описание", "игрок", "обработчик", "строка", "текст",
             "переход", "комната", "предмет", "действие", "вывод", "событие", "мир")
    return [" ".join(rng.choice(words) for _ in range(6)) + f" {seed}-{k}"
            for k in range(n_lines)]


def scanned_like() -> bytes:
    """A page that shows text only as an image: no text layer, as a scanner produces."""
    text_pdf, _ = multi_page_kazakh(1)
    src = pymupdf.open(stream=text_pdf, filetype="pdf")
    pix = src[0].get_pixmap(dpi=72)
    out = pymupdf.open()
    page = out.new_page(width=src[0].rect.width, height=src[0].rect.height)
    page.insert_image(page.rect, pixmap=pix)
    src.close()
    data = out.tobytes()
    out.close()
    return data


def encrypted(data: bytes, password: str = "secret") -> bytes:
    """The same PDF, AES-256 encrypted with a user password."""
    doc = pymupdf.open(stream=data, filetype="pdf")
    out = doc.tobytes(
        encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw=password, owner_pw=password + "-owner"
    )
    doc.close()
    return out


def truncated(data: bytes) -> bytes:
    """The first half of the bytes, as an interrupted download leaves them."""
    return data[: len(data) // 2]


GENERATORS: dict[str, Callable[[], tuple[bytes, Gold]]] = {
    "journal_article": journal_article,
    "journal_article_glued": lambda: journal_article(glued_page_numbers=True),
    "two_column_paper": two_column_paper,
}


# Other journals' house styles live in their own module; their gold files name them too.
from pdfstyles import GENERATORS as STYLE_GENERATORS  # noqa: E402

GENERATORS.update(STYLE_GENERATORS)


def gold_document(name: str) -> dict[str, Any]:
    """What ``tests/golden/pdf_<name>.json`` holds for generator ``name``."""
    _, gold = GENERATORS[name]()
    return {"generator": name, "paragraphs": gold}


if __name__ == "__main__":  # regenerate the gold files on purpose: python tests/pdfgen.py
    for gen_name in ("journal_article", "two_column_paper"):
        target = Path(__file__).parent / "golden" / f"pdf_{gen_name}.json"
        text = json.dumps(gold_document(gen_name), ensure_ascii=False, indent=1)
        target.write_text(text + "\n", encoding="utf-8")
