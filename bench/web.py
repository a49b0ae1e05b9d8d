"""Web pages: the archive's reading of saved pages, WARC and MHTML captures against gold, and
trafilatura (what the archive uses) measured against jusText on the same pages.

For each ``tests/golden/web/*.json``: paragraph precision, recall and F1 (a paragraph counts
when its text, whitespace collapsed, equals a gold paragraph's), roles, chrome lines (output
paragraphs holding a marker of the page's navigation, cookie notice, related links,
comments or footer — the gold lists the markers), every stated metadata field exact, and
the median time of ``archive.ingest.analyse`` on the page (a page should take under 50 ms). The
same page is also read inside a WARC.gz and an MHTML file written here (``tests/webcaptures.py``).

jusText (``justext``, installed with trafilatura) is run on the same bytes with its Russian
stop list; its paragraphs are not given roles, so only P/R/F1 and chrome are compared.

Run: ``.venv/bin/python bench/web.py``
"""

from __future__ import annotations

import json
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import webcaptures  # noqa: E402
from goldmeta import score  # noqa: E402

from archive.ingest.analyse import analyse  # noqa: E402


def _norm(text: str) -> str:
    return " ".join(text.split())


def prf(gold: list[str], got: list[str]) -> tuple[float, float, float]:
    want = [_norm(t) for t in gold]
    have = [_norm(t) for t in got]
    hits = sum(1 for t in have if t in want)
    p = hits / len(have) if have else 0.0
    r = sum(1 for t in want if t in have) / len(want) if want else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def chrome(markers: list[str], got: list[str]) -> int:
    return sum(1 for t in got if any(m.casefold() in t.casefold() for m in markers))


def justext_paragraphs(data: bytes) -> list[str]:
    import justext

    paragraphs = justext.justext(data, justext.get_stoplist("Russian"))
    return [p.text for p in paragraphs if not p.is_boilerplate]


def _charset(page: bytes) -> str:
    """The charset a saved page declares (its MHTML part says the same), UTF-8 by default."""
    declared = re.search(rb"charset=[\"']?([\w-]+)", page[:4096], re.IGNORECASE)
    return declared[1].decode("ascii").lower() if declared else "utf-8"


def _median_ms(data: bytes, runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        analyse(data)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    print(f"{'page':34} {'paras':>5} {'P':>6} {'R':>6} {'F1':>6} {'role':>6} {'chrome':>6} "
          f"{'meta':>7} {'ms':>6}   jusText: {'P':>6} {'R':>6} {'F1':>6} {'chrome':>6}")
    for folder in ("web", "web_heldout"):
        # The held-out pages' gold was written before the program first read them; they are
        # reported apart and never tuned on.
        print(f"--- {'development' if folder == 'web' else 'held-out'} pages ({folder})")
        _pages(ROOT / "tests" / "golden" / folder)
    return 0


def _pages(folder: Path) -> None:
    for path in sorted(folder.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        page = (ROOT / gold["file"]).read_bytes()
        texts = [p["text"] for p in gold["paragraphs"]]
        jt = justext_paragraphs(page)
        jp, jr, jf = prf(texts, jt)
        url = gold["metadata"]["url"]
        wrapped = [("", page), (" in WARC.gz", webcaptures.warc(page, url, gz=True))]
        wrapped.append((" in MHTML", webcaptures.mhtml(page, url, charset=_charset(page))))
        for label, data in wrapped:
            analysis = analyse(data)
            blocks = analysis.segmentation.blocks
            got = [b.text for b in blocks]
            p, r, f = prf(texts, got)
            roles = [(_norm(p["text"]), p["role"]) for p in gold["paragraphs"]]
            role = (sum(1 for b in blocks if (_norm(b.text), b.role) in roles) / len(blocks)
                    if blocks else 0.0)
            meta = score(gold["metadata"], analysis.metadata)
            ok = sum(m[1] for m in meta)
            name = path.stem + label
            line = (f"{name:34} {len(got):5} {p:6.3f} {r:6.3f} {f:6.3f} {role:6.3f} "
                    f"{chrome(gold['chrome'], got):6} {ok:>3}/{len(meta):<3} "
                    f"{_median_ms(data):6.1f}")
            if not label:
                line += f"            {jp:6.3f} {jr:6.3f} {jf:6.3f} {chrome(gold['chrome'], jt):6}"
            print(line)
            for item, good, expected, value in meta:
                if not good:
                    print(f"    MISS {item}: expected {expected!r}, got {value!r}")


if __name__ == "__main__":
    sys.exit(main())
