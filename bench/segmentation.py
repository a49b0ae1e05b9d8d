"""Paragraph recall / precision / F1 and role accuracy of segmentation against the gold files.

For each ``tests/golden/*.json`` (not ``*.meta.json``) and each web page's gold in
``tests/golden/web/`` (``"file"``, read by the HTML front end): get the bytes — ``"source"`` names a
file relative to the repository (``seeds/x.txt``, ``tests/data/x.pdf``), ``"generator"``
names a function in ``tests/pdfgen.GENERATORS`` that builds a PDF — pick the extractor by
magic bytes (``%PDF-`` → PDF, otherwise text), segment, and compare.

A gold paragraph counts as found only when an extracted paragraph has exactly its text after
NFC and whitespace collapsing. Matching is one-to-one (a multiset intersection): a text the
source repeats (a photo credit) must come out as many times as the gold has it, and a
paragraph emitted twice counts once. Role, language and page accuracy are measured on the
matched pairs (k-th occurrence in the gold with the k-th extracted occurrence).

With ``--chained`` every text gold is also scored on a plain-text copy made from the gold
itself: each paragraph wrapped at 95 characters (words broken at a syllable with a hyphen, a
compound at its own hyphen), lines chained with no blank lines or indents (``chained_copy``).

Run: ``.venv/bin/python bench/segmentation.py [-v] [--chained] [gold files…]``
"""

from __future__ import annotations

import json
import sys
import time
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive.models import Block, Document  # noqa: E402
from archive.segment import segment  # noqa: E402


@dataclass(frozen=True, slots=True)
class Score:
    gold: int
    extracted: int
    matched: int
    roles_right: int
    langs_right: int
    pages_right: int
    role_errors: tuple[tuple[str, str, str], ...]  # (gold role, extracted role, text)
    missed: tuple[str, ...]
    spurious: tuple[str, ...]

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.matched / self.extracted if self.extracted else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def role_accuracy(self) -> float:
        return self.roles_right / self.matched if self.matched else 0.0


def normalise(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def score(gold: list[dict[str, Any]], blocks: tuple[Block, ...]) -> Score:
    """Compare extracted blocks with gold paragraphs (see the module docstring)."""
    found: dict[str, list[Block]] = defaultdict(list)
    for block in blocks:
        found[normalise(block.text)].append(block)
    used: dict[str, int] = defaultdict(int)
    matched = roles = langs = pages = 0
    errors: list[tuple[str, str, str]] = []
    missed: list[str] = []
    for para in gold:
        key = normalise(para["text"])
        if used[key] >= len(found[key]):
            missed.append(key)
            continue
        block = found[key][used[key]]
        used[key] += 1
        matched += 1
        if block.role == para.get("role"):
            roles += 1
        else:
            errors.append((str(para.get("role")), block.role, key))
        langs += block.lang == para.get("lang")
        pages += block.page == para.get("page")
    gold_counts: dict[str, int] = defaultdict(int)
    for para in gold:
        gold_counts[normalise(para["text"])] += 1
    spurious = []
    seen: dict[str, int] = defaultdict(int)
    for block in blocks:
        key = normalise(block.text)
        seen[key] += 1
        if seen[key] > gold_counts.get(key, 0):
            spurious.append(key)
    return Score(
        len(gold), len(blocks), matched, roles, langs, pages, tuple(errors), tuple(missed),
        tuple(spurious),
    )


def load_bytes(spec: dict[str, Any]) -> bytes:
    """The input a gold file describes: a committed file or a generated PDF."""
    if "generator" in spec:
        sys.path.insert(0, str(ROOT / "tests"))
        import pdfgen  # type: ignore[import-not-found]

        made = pdfgen.GENERATORS[spec["generator"]]()
        return made[0] if isinstance(made, tuple) else made
    return (ROOT / spec.get("source", spec.get("file", ""))).read_bytes()


_VOWELS = frozenset("аәеёиоөуұүыіэюяaeiouy")


def _break_point(word: str, room: int) -> int:
    """Where to break ``word`` so that its head and a hyphen fit in ``room`` characters.

    At the word's own hyphen when there is one in reach (the hyphen stays at the line end),
    else before the last consonant that opens a syllable (``Ұй-ымы`` is not made, ``Ұйы-мы``
    is); 0 when no break leaves two letters on each side.
    """
    if room < 4:
        return 0
    reach = word[: room - 1]
    if "-" in reach:
        k = reach.rindex("-") + 1
        return k if 3 <= k <= len(word) - 2 else 0
    for k in range(min(room - 1, len(word) - 2), 1, -1):
        if (
            word[:k].isalpha()
            and word[k].isalpha()
            and word[k].lower() not in _VOWELS
            and word[k + 1].lower() in _VOWELS
        ):
            return k
    return 0


def chained_copy(paragraphs: list[str], width: int = 95) -> str:
    """The paragraphs as a fixed-width text copy: hyphenated wrap, no blank lines, no indent."""
    lines: list[str] = []
    for text in paragraphs:
        current = ""
        for word in text.split():
            if not current or len(current) + 1 + len(word) <= width:
                current = f"{current} {word}".strip()
                continue
            k = _break_point(word, width - len(current) - 1)
            if k:
                head = word[:k]
                lines.append(f"{current} {head}" + ("" if head.endswith("-") else "-"))
                current = word[k:]
            else:
                lines.append(current)
                current = word
        lines.append(current)
    return "\n".join(lines) + "\n"


def run_chained(path: Path, width: int = 95) -> Score:
    """Score segmentation of ``chained_copy`` of a gold file's own paragraphs."""
    from archive.extract.text import extract_text

    gold = json.loads(path.read_text(encoding="utf-8"))["paragraphs"]
    text = chained_copy([p["text"] for p in gold], width)
    return score(gold, segment(extract_text(text.encode("utf-8"))).blocks)


def extract(data: bytes) -> Document:
    from archive.extract.detect import HTML, detect_media_type

    if detect_media_type(data) == HTML:
        from archive.extract.html import extract_html

        return extract_html(data)
    if data.startswith(b"%PDF-"):
        from archive.extract.pdf import extract_pdf

        return extract_pdf(data)
    from archive.extract.text import extract_text

    return extract_text(data)


def gold_files() -> list[Path]:
    files = [p for p in (ROOT / "tests" / "golden").glob("*.json")
             if not p.name.endswith(".meta.json")]
    # The web pages' gold (bench/web.py's development set; its held-out set stays out).
    return sorted(files) + sorted((ROOT / "tests" / "golden" / "web").glob("*.json"))


def run(path: Path) -> tuple[Score, float]:
    spec = json.loads(path.read_text(encoding="utf-8"))
    data = load_bytes(spec)
    start = time.perf_counter()
    blocks = segment(extract(data)).blocks
    return score(spec["paragraphs"], blocks), time.perf_counter() - start


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    paths = [Path(a) for a in argv if not a.startswith("-")] or gold_files()
    print(f"{'gold file':40} {'gold':>5} {'out':>5} {'P':>6} {'R':>6} {'F1':>6} {'role':>6}"
          f" {'lang':>6} {'page':>6} {'ms':>7}")
    for path in paths:
        result, seconds = run(path)
        m = max(result.matched, 1)
        print(
            f"{path.name:40} {result.gold:5} {result.extracted:5} {result.precision:6.3f}"
            f" {result.recall:6.3f} {result.f1:6.3f} {result.role_accuracy:6.3f}"
            f" {result.langs_right / m:6.3f} {result.pages_right / m:6.3f} {seconds * 1000:7.1f}"
        )
        if verbose:
            for text in result.missed:
                print(f"    missed:   {text[:110]}")
            for text in result.spurious:
                print(f"    spurious: {text[:110]}")
            for want, got, text in result.role_errors:
                print(f"    role {want} -> {got}: {text[:90]}")
        if "--chained" in argv and "source" in json.loads(path.read_text(encoding="utf-8")):
            chained = run_chained(path)
            print(
                f"{'  chained copy, 95 characters':40} {chained.gold:5} {chained.extracted:5}"
                f" {chained.precision:6.3f} {chained.recall:6.3f} {chained.f1:6.3f}"
                f" {chained.role_accuracy:6.3f}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
