"""Furniture and page-number signals on any PDFs, with no gold.

Gold is slow to write, so ``bench/realworld.py`` covers a few dozen documents. This sweep
covers hundreds: for each PDF it finds the lines that repeat at the top or bottom of many
pages (a page number counts as any number), which is what a running head or footer is, and
then counts, in the pipeline's paragraphs:

- ``glued``: paragraphs that contain such a line inside longer text (a leak);
- ``alone``: paragraphs that are nothing but such a line;
- ``p.no``: paragraphs that are nothing but a page number;
- ``tiny``: headings with fewer than three letters (plot ticks, labels), an index's letter
  over its entries aside.

A repeated line can also be real text (a title that is also the running head), so a count
here is a lead to read the document, not a score. Documents listed in the real-world
manifest's ``check`` split are never swept.

Run: ``.venv/bin/python bench/sweep.py [--max-pages N] [--sample N] [--seed S] ROOT…``,
where each ROOT is a PDF or a folder searched for ``*.pdf`` and ``*.pdf.gz``.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pymupdf

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive.errors import ArchiveError  # noqa: E402
from archive.ingest.analyse import analyse  # noqa: E402

MANIFEST = ROOT / "bench" / "realworld" / "manifest.tsv"
_DIGITS = re.compile(r"\d+")
_ROMAN = re.compile(r"(?i)\b[ivxlc]{1,6}\b")
# A lone capital (C, D, L, M, V) is an index's letter heading, not a page number: roman
# page numbers are lower case, or two letters and more (IV, XII).
_PAGE_NUMBER = re.compile(
    r"^[-–—\s]*(?:(?i:page|p\.|стр\.?|страница|с\.|б\.|бет)\s*)?"
    r"(?:\d{1,4}|[ivxlcdm]{1,7}|[IVXLCDM]{2,7})(?:\s*(?:of|из|/)\s*\d{1,4})?[-–—\s]*$"
)
# An index entry's end: its page numbers after a comma or dot leaders ("\\foo . . . 3, 20").
_PAGE_REFERENCES = re.compile(r"(?:,|\.\s*\.)\s*\d{1,4}(?:[–-]\d{1,4})?\s*$")
EDGE_LINES = 2
MIN_KEY = 8


def key(text: str) -> str:
    """A line with its numbers masked, so that ``12 Title`` and ``13 Title`` agree."""
    text = _DIGITS.sub("#", " ".join(text.split()).casefold())
    return _ROMAN.sub("#", text)


def _edge_keys(page: pymupdf.Page) -> set[str]:
    lines: list[tuple[float, str]] = []
    for block in page.get_text("dict")["blocks"]:
        for line in block.get("lines", ()):
            words = "".join(span["text"] for span in line["spans"]).strip()
            if words:
                lines.append((line["bbox"][1], words))
    lines.sort()
    edges = lines[:EDGE_LINES] + lines[-EDGE_LINES:]
    return {key(words) for _, words in edges}


def furniture_keys(document: pymupdf.Document) -> set[str]:
    """Edge lines that recur on three pages or more (a chapter's running head may recur on
    only a few)."""
    counts: Counter[str] = Counter()
    for page in document:
        counts.update(_edge_keys(page))
    floor = 3
    return {k for k, n in counts.items() if n >= floor and len(k.replace("#", "")) >= MIN_KEY}


@dataclass(slots=True)
class Signals:
    path: Path
    pages: int = 0
    paragraphs: int = 0
    glued: int = 0
    alone: int = 0
    page_numbers: int = 0
    tiny: int = 0
    examples: tuple[str, ...] = ()
    error: str = ""


def sweep(path: Path) -> Signals:
    signals = Signals(path)
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    try:
        analysis = analyse(data)
    except ArchiveError as exc:
        signals.error = str(exc)
        return signals
    with pymupdf.open(stream=data, filetype="pdf") as document:
        signals.pages = document.page_count
        keys = furniture_keys(document)
    examples: list[str] = []
    blocks = analysis.segmentation.blocks
    for k, block in enumerate(blocks):
        signals.paragraphs += 1
        text = " ".join(block.text.split())
        folded = key(text)
        # A letter heading its entries in an index is no label out of a drawing.
        index_letter = len(text) == 1 and text.isupper() and any(
            _PAGE_REFERENCES.search(b.text.split("\n")[0]) or b.role == "list_item"
            for b in blocks[k + 1 : k + 3])
        if _PAGE_NUMBER.match(text):
            signals.page_numbers += 1
            examples.append(f"p.no {text!r}")
        elif block.role == "heading" and sum(c.isalpha() for c in text) < 3 and not index_letter:
            signals.tiny += 1
            examples.append(f"tiny {text!r}")
        for furniture in keys:
            if folded == furniture:
                signals.alone += 1
                examples.append(f"alone {text[:80]!r}")
            elif furniture in folded:
                signals.glued += 1
                at = folded.index(furniture)
                examples.append(f"glued …{text[max(0, at - 40):at + len(furniture) + 40]!r}…")
    signals.examples = tuple(examples)
    return signals


def held_out() -> set[str]:
    with MANIFEST.open(encoding="utf-8") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return {Path(row["path"]).name for row in rows if row["split"] == "check"}


def candidates(roots: list[Path], max_pages: int) -> list[Path]:
    excluded = held_out()
    found: list[Path] = []
    for root in roots:
        paths = [root] if root.is_file() else sorted(
            [*root.rglob("*.pdf"), *root.rglob("*.pdf.gz")])
        found.extend(p for p in paths if p.name not in excluded)
    kept = []
    for path in found:
        try:
            data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
            with pymupdf.open(stream=data, filetype="pdf") as document:
                if document.page_count <= max_pages:
                    kept.append(path)
        except Exception:  # unreadable files are the ingest tests' business
            continue
    return kept


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("roots", nargs="+", type=Path)
    parser.add_argument("--max-pages", type=int, default=40)
    parser.add_argument("--sample", type=int, default=0, help="sweep N random documents")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-v", "--verbose", action="store_true", help="print examples")
    args = parser.parse_args()
    paths = candidates(args.roots, args.max_pages)
    if args.sample and args.sample < len(paths):
        paths = sorted(random.Random(args.seed).sample(paths, args.sample))
    totals = Signals(Path("total"))
    print(f"{'document':44} {'pages':>5} {'paras':>5} {'glued':>5} {'alone':>5} "
          f"{'p.no':>5} {'tiny':>5}")
    for path in paths:
        signals = sweep(path)
        name = path.name[:44]
        if signals.error:
            print(f"{name:44} error: {signals.error}")
            continue
        print(f"{name:44} {signals.pages:5} {signals.paragraphs:5} {signals.glued:5} "
              f"{signals.alone:5} {signals.page_numbers:5} {signals.tiny:5}")
        if args.verbose:
            for example in signals.examples[:8]:
                print(f"    {example}")
        for name in ("pages", "paragraphs", "glued", "alone", "page_numbers", "tiny"):
            setattr(totals, name, getattr(totals, name) + getattr(signals, name))
    print(f"{'total (' + str(len(paths)) + ' documents)':44} {totals.pages:5} "
          f"{totals.paragraphs:5} {totals.glued:5} {totals.alone:5} {totals.page_numbers:5} "
          f"{totals.tiny:5}")


if __name__ == "__main__":
    main()
