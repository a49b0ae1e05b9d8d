"""Search speed at scale: a synthetic archive of N paragraphs (default 1,000,000).

Paragraphs are built from the seeds' own sentences, shuffled and recombined, spread over
N/50 sources, written through the real schema (FTS5 triggers and the word-form index).
Then it times, through Datasette's own client (as a user's browser would hit it): a full-text
search on the paragraphs table, the ranked ``search`` stored query, the ``word_forms`` query,
a faceted table page, and a paragraph row page with its cite box.

The database is served immutable, as ``archive serve`` serves it; ``--live`` serves it
mutable, as ``archive serve --live`` does (Datasette then counts every table's rows, up to
10,001, on each page that lists them, instead of once).

Run: ``.venv/bin/python bench/search.py [N] [--keep PATH] [--live]``.
"""

from __future__ import annotations

import asyncio
import functools
import json
import random
import re
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive.ingest import refresh_word_forms  # noqa: E402
from archive.search import stem_text  # noqa: E402
from archive.store import Store  # noqa: E402

PER_SOURCE = 50
RARE_WORD = "Жасыратынбітімгерлер"
RARE_EVERY = 100_000


def sentences() -> list[str]:
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))
    text = re.sub(r"-\n", "", text).replace("\n", " ")
    found = [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) >= 6]
    return found


JOURNALS = ("Құқық және мемлекет", "Вестник КазНУ", "Хабаршы", "Eurasian Studies",
            "Қоғам және дәуір", "Известия НАН РК", "Central Asia's Affairs", "Адам әлемі")


def source_row(i: int, pool: list[str]) -> tuple[object, ...]:
    """A source with a journal, year and classes to facet by, and an abstract to search."""
    title = " ".join(pool[(i * 7) % len(pool)].split()[:8])
    lang = ("kk", "ru")[i % 2]
    udc = f"34{i % 10}.{i % 7}"
    grnti = f"{10 + i % 9}.{i % 50:02d}.{i % 31:02d}"
    abstract = " ".join(pool[(i * 13 + k) % len(pool)] for k in range(3))
    return (f"src{i:06d}-2024", title, title, 2000 + i % 25, lang, f'["Author {i % 997}"]',
            JOURNALS[i % len(JOURNALS)], f'["{udc}"]', f'["{udc[:2]}"]', f'["{grnti}"]',
            f'["{grnti[:2]}"]', json.dumps({lang: abstract}, ensure_ascii=False), abstract)


@functools.cache
def stem_text_cached(text: str, lang: str) -> str:
    return stem_text(text, lang)


def build(db_path: Path, total: int) -> float:
    start = time.perf_counter()
    Store.open(db_path.parent).close()
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=OFF")
    pool = sentences()
    rng = random.Random(7)
    roles = ["body"] * 8 + ["heading", "list_item"]
    sources = total // PER_SOURCE
    with conn:
        conn.executemany(
            "INSERT INTO sources (key, title, display_title, year, language, kind, author_names, "
            "journal, udc, udc_classes, grnti, grnti_classes, abstracts, abstracts_text, "
            "keywords, keywords_text) "
            "VALUES (?, ?, ?, ?, ?, 'article-journal', ?, ?, ?, ?, ?, ?, ?, ?, '{}', '')",
            (source_row(i, pool) for i in range(sources)),
        )
    batch = []
    for n in range(total):
        key = f"src{n // PER_SOURCE:06d}-2024"
        seq = n % PER_SOURCE + 1
        pieces = rng.sample(pool, 3)
        if n % RARE_EVERY == 0:  # a word as rare as a name or a term in a real corpus
            pieces.append(f"{RARE_WORD}.")
        text = " ".join(pieces)
        lang = "kk" if any(ch in text for ch in "әғқңөұүһі") else "ru"
        # With the language given, a text's terms are its sentences' terms in turn: each
        # sentence of the pool is analysed once per language, not once per paragraph.
        stems = " ".join(stem_text_cached(piece, lang) for piece in pieces)
        batch.append((f"{key}-p{seq}", key, str(seq), seq, 1 + seq // 8, rng.choice(roles),
                      lang, text, "live", stems))
        if len(batch) == 20_000 or n == total - 1:
            with conn:
                for row in batch:
                    rowid = conn.execute(
                        # first_text stays NULL until an edit (as the store writes it)
                        "INSERT INTO paragraphs (id, source, label, seq, page, role, lang, text, "
                        "status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", row[:9],
                    ).lastrowid
                    conn.execute("INSERT INTO paragraphs_stems(rowid, stems) VALUES (?, ?)",
                                 (rowid, row[9]))
            batch.clear()
            print(f"  {n + 1:>9} paragraphs written", file=sys.stderr, end="\r")
    with conn:
        conn.execute("UPDATE sources SET paragraph_count = ?", (PER_SOURCE,))
    conn.execute("PRAGMA optimize")
    conn.close()
    print(file=sys.stderr)
    return time.perf_counter() - start


async def timings(db_path: Path, total: int, live: bool) -> list[tuple[str, float, int]]:
    from datasette.app import Datasette

    config = ROOT / "datasette.yaml"
    import yaml

    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    ds = Datasette([str(db_path)] if live else [], immutables=[] if live else [str(db_path)],
                   config=settings)
    await ds.invoke_startup()
    pages = {
        "table FTS search (common word)": "/archive/paragraphs?_search=Республикасы",
        "table FTS search (word in ~3% of rows)": "/archive/paragraphs?_search=KAZCENT",
        "table FTS search (rare word)": f"/archive/paragraphs?_search={RARE_WORD}",
        "stored query search (bm25+snippet)": "/archive/search?q=миротворческих+миссиях",
        "stored query word_forms": "/archive/word_forms?q=миротворческий",
        "table word-form search (common word)": "/archive/paragraphs?_q=Республика",
        "table word-form search (~3% of rows)": "/archive/paragraphs?_q=KAZCENT",
        "table word-form search (rare word)": f"/archive/paragraphs?_q={RARE_WORD}",
        "table word-form search + 2 facets":
            "/archive/paragraphs?_q=миротворец&_facet=role&_facet=lang",
        "table word-form search (phrase)": "/archive/paragraphs?_q=%22миротворческих+миссиях%22",
        "common word + 3 facets":
            "/archive/paragraphs?_q=Республика&_facet=role&_facet=lang&_facet=source",
        "paragraphs page with facets": "/archive/paragraphs?_facet=role&_facet=lang",
        "sources page with facets": "/archive/sources",
        "sources word-form search": "/archive/sources?_q=миротворец",
        "paragraphs page, journal/year/class facets":
            "/archive/paragraphs?_facet_via_source=journal&_facet_via_source=year"
            "&_facet_via_source=udc_classes",
        "word-form search + journal/year/class facets":
            "/archive/paragraphs?_q=Республика&_facet_via_source=journal"
            "&_facet_via_source=year&_facet_via_source=udc_classes",
        "landing page search": "/?q=бітімгершілік",
        "paragraph row page (cite box)":
            f"/archive/paragraphs/src{total // PER_SOURCE // 2:06d}-2024-p7",
    }
    results = []
    for name, path in pages.items():
        samples = []
        status = 0
        for _ in range(5):
            start = time.perf_counter()
            response = await ds.client.get(path)
            samples.append(time.perf_counter() - start)
            status = response.status_code
        results.append((name, statistics.median(samples), status))
    return results


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    total = int(args[0]) if args else 1_000_000
    keep = sys.argv[sys.argv.index("--keep") + 1] if "--keep" in sys.argv else None
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(keep) if keep else Path(tmp)
        db_path = home / "archive.db"
        if not db_path.exists():
            seconds = build(db_path, total)
            print(f"built {total} paragraphs in {seconds:.0f} s "
                  f"({db_path.stat().st_size / 2**20:.0f} MiB)")
        with Store.open(home) as store:  # as ``archive serve`` opens it: migrated, indexed
            refresh_word_forms(store, paragraphs=False)
            store.checkpoint()
        live = "--live" in sys.argv
        size = db_path.stat().st_size
        print(f"{total} paragraphs, {size / 2**20:.0f} MiB, {size / total:,.0f} bytes a "
              f"paragraph; served {'mutable (--live)' if live else 'immutable'}")
        for name, seconds, status in asyncio.run(timings(db_path, total, live)):
            print(f"{name:<44} {seconds * 1000:8.1f} ms  (HTTP {status}, median of 5)")


if __name__ == "__main__":
    main()
