"""The pipeline on real documents from other publishers, scored against gold read by hand.

The corpus and the gold format are described in ``bench/realworld/README.md``. For each
document of the chosen split this runs ``archive.ingest.analyse.analyse`` on its bytes and prints:
passages whole / checked, furniture lines leaking into paragraphs, page-number paragraphs,
figure-text paragraphs, metadata right / stated, spurious metadata values, paragraph F1 and
role accuracy where full paragraph gold exists, and pages per second.

Run: ``.venv/bin/python bench/realworld.py [--split dev|check|all] [-v] [ID…]``. The
``check`` split is held out: run it to confirm that a change is general, not while making it.
"""

from __future__ import annotations

import argparse
import dataclasses
import re
import sys
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "bench" / "realworld"))

from fetch import manifest, paths  # noqa: E402
from segmentation import score as paragraph_score  # noqa: E402

from archive.ingest.analyse import analyse  # noqa: E402
from archive.models import Block, SourceMetadata  # noqa: E402

GOLD = ROOT / "bench" / "realworld" / "gold"

_FOLD = str.maketrans({
    "\u00ad": None, "\u200b": None, "\ufeff": None,
    "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‟": '"',
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "`": "'", "´": "'",
    "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-",
})
# A lone capital (C, D, L, M, V) is an index's letter heading, not a page number: roman
# page numbers are lower case, or two letters and more (IV, XII).
_PAGE_NUMBER = re.compile(
    r"^[-\s]*(?:(?i:page|p\.|стр\.?|страница|с\.|б\.|бет)\s*)?"
    r"(?:\d{1,4}|[ivxlcdm]{1,7}|[IVXLCDM]{2,7})(?:\s*(?:of|из|/)\s*\d{1,4})?[-\s]*$"
)
_NUMBER = r"(?:\d{1,4}|[ivxlcdmIVXLCDM]{1,7})"
METADATA_FIELDS = ("title", "authors", "year", "doi", "journal", "volume", "issue",
                   "first_page", "last_page", "udc", "grnti")


def normalise(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).translate(_FOLD).split())


def _key(text: str) -> str:
    """Titles and journal names: case, punctuation and spacing do not count."""
    return " ".join(re.findall(r"\w+", normalise(text).casefold()))


@dataclass(slots=True)
class DocScore:
    id: str
    pages: int = 0
    seconds: float = 0.0
    passages: int = 0
    whole: int = 0
    leaks: int = 0
    page_paragraphs: int = 0
    figure_paragraphs: int = 0
    stated: int = 0
    right: int = 0
    spurious: int = 0
    gold_paragraphs: int = 0
    out_paragraphs: int = 0
    matched: int = 0
    roles_right: int = 0
    notes: list[str] = field(default_factory=list)
    error: str | None = None


def furniture_pattern(text: str) -> re.Pattern[str]:
    parts = [re.escape(normalise(p)) for p in text.split("{n}")]
    body = rf"\s*{_NUMBER}\s*".join(parts).replace(r"\ ", r"\s+")
    return re.compile(rf"(?<!\w){body}(?!\w)")


def _families(md: SourceMetadata) -> list[str]:
    names = []
    for author in md.authors:
        name = author.family or (author.literal or "").split(" ")[-1]
        names.append(_key(name))
    return names


def _metadata_value(md: SourceMetadata, name: str) -> Any:
    if name == "authors":
        return _families(md) or None
    value = getattr(md, name)
    if isinstance(value, tuple):
        return sorted(value) or None
    return value if value not in ("", None) else None


def _expected(gold: Any, name: str) -> Any:
    if gold in (None, [], ""):
        return None
    if name == "authors":
        return [_key(str(a)) for a in gold]
    if name in ("udc", "grnti"):
        return sorted(str(v) for v in gold)
    if name in ("year", "first_page", "last_page"):
        return int(gold)
    return str(gold)


def _same(name: str, want: Any, got: Any) -> bool:
    if name in ("title", "journal"):
        return _key(want) == _key(str(got))
    if name == "doi":
        return want.casefold() == str(got).casefold()
    if name in ("volume", "issue"):
        return _key(want) == _key(str(got))
    return bool(want == got)


def score_metadata(gold: dict[str, Any], md: SourceMetadata, out: DocScore) -> None:
    for name in METADATA_FIELDS:
        want = _expected(gold.get(name), name)
        got = _metadata_value(md, name)
        ok = want is not None and got is not None and _same(name, want, got)
        out.stated += want is not None
        out.right += ok
        if got is not None and not ok:
            out.spurious += 1
            out.notes.append(f"metadata {name}: want {want!r}, got {got!r}")
        elif want is not None and not ok:
            out.notes.append(f"metadata {name}: want {want!r}, got nothing")


def score_text(gold: dict[str, Any], blocks: tuple[Block, ...], out: DocScore) -> None:
    texts = [normalise(b.text) for b in blocks]
    for passage in gold.get("passages") or []:
        want = normalise(passage["text"])
        out.passages += 1
        if any(want in text for text in texts):
            out.whole += 1
        else:
            out.notes.append(f"passage ({passage.get('across')}, p{passage.get('page')}): "
                             f"{want[:100]}")
    for item in gold.get("furniture") or []:
        if not re.search(r"[^\W\d_]", item["text"].replace("{n}", "")):
            continue  # a bare page number: counted as page-number paragraphs below
        pattern = furniture_pattern(item["text"])
        found = [t for t in texts for _ in pattern.finditer(t)]
        extra = max(0, len(found) - int(item.get("legit", 0)))
        out.leaks += extra
        if extra:
            out.notes.append(f"furniture x{extra} {item['text']!r}: {found[-1][:90]}")
    figure_words = {w for t in gold.get("figure_text") or [] for w in normalise(str(t)).split()}
    for block, text in zip(blocks, texts, strict=True):
        if _PAGE_NUMBER.match(text):
            out.page_paragraphs += 1
            out.notes.append(f"page-number paragraph ({block.role}): {text}")
        elif (figure_words and block.role not in ("figure", "caption")
              and set(text.split()) <= figure_words):
            out.figure_paragraphs += 1
            out.notes.append(f"figure-text paragraph ({block.role}): {text[:60]}")
    if gold.get("paragraphs"):
        wanted = [dict(p, text=normalise(p["text"])) for p in gold["paragraphs"]]
        found = tuple(dataclasses.replace(b, text=t) for b, t in zip(blocks, texts, strict=True))
        result = paragraph_score(wanted, found)
        out.gold_paragraphs, out.out_paragraphs = result.gold, result.extracted
        out.matched, out.roles_right = result.matched, result.roles_right
        out.notes += [f"missed paragraph: {t[:100]}" for t in result.missed]
        out.notes += [f"spurious paragraph: {t[:100]}" for t in result.spurious]
        out.notes += [f"role {w} -> {g}: {t[:80]}" for w, g, t in result.role_errors]


def run(doc_id: str, path: Path) -> DocScore:
    gold = yaml.safe_load((GOLD / f"{doc_id}.yaml").read_text(encoding="utf-8"))
    out = DocScore(doc_id)
    start = time.perf_counter()
    try:
        analysis = analyse(path.read_bytes())
    except Exception as exc:  # a benchmark reports every failure and goes on
        out.error = f"{type(exc).__name__}: {exc}"
        return out
    out.seconds = time.perf_counter() - start
    out.pages = analysis.page_count
    score_text(gold, analysis.segmentation.blocks, out)
    score_metadata(gold.get("metadata") or {}, analysis.metadata, out)
    return out


def _f1(matched: int, gold: int, out: int) -> float:
    return 2 * matched / (gold + out) if gold + out else 0.0


def _row(name: str, s: DocScore) -> str:
    f1 = f"{_f1(s.matched, s.gold_paragraphs, s.out_paragraphs):6.3f}" if s.gold_paragraphs \
        else f"{'-':>6}"
    roles = f"{s.roles_right / s.matched:6.3f}" if s.matched else f"{'-':>6}"
    rate = f"{s.pages / s.seconds:7.1f}" if s.seconds else f"{'-':>7}"
    return (f"{name:26} {s.pages:5} {s.whole:4}/{s.passages:<4} {s.leaks:5} {s.page_paragraphs:5}"
            f" {s.figure_paragraphs:5} {s.right:4}/{s.stated:<4} {s.spurious:5} {f1} {roles}"
            f" {rate}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ids", nargs="*")
    parser.add_argument("--split", default="dev", choices=("dev", "check", "all"))
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    entries = {e.id: e for e in manifest()}
    wanted = args.ids or [i for i, e in entries.items()
                          if args.split == "all" or e.split == args.split]
    files = paths(quiet=True)
    print(f"{'document':26} {'pages':>5} {'passages':>9} {'leaks':>5} {'p.no':>5} {'fig':>5}"
          f" {'metadata':>9} {'spur':>5} {'F1':>6} {'roles':>6} {'pages/s':>7}")
    total = DocScore("total")
    for doc_id in wanted:
        if doc_id not in files:
            print(f"{doc_id:26} not fetched")
            continue
        s = run(doc_id, files[doc_id])
        if s.error:
            print(f"{doc_id:26} FAILED {s.error}")
            continue
        print(_row(doc_id, s))
        if args.verbose:
            for note in s.notes:
                print(f"    {note}")
        for name in ("pages", "seconds", "passages", "whole", "leaks", "page_paragraphs",
                     "figure_paragraphs", "stated", "right", "spurious", "gold_paragraphs",
                     "out_paragraphs", "matched", "roles_right"):
            setattr(total, name, getattr(total, name) + getattr(s, name))
    print(_row(f"total ({args.split})", total))
    if total.passages:
        print(f"passages whole {total.whole / total.passages:.1%}; metadata right "
              f"{total.right}/{total.stated}; spurious {total.spurious}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
