"""Search speed at scale: a synthetic archive of N paragraphs (default 1,000,000).

The archive is ``synthetic_archive.py``'s: Kazakh, Russian and English sources with their
metadata, re-issued files and lineage, written by the ingest's own writer (FTS5 triggers,
facet counts and the word-form index). Then it times, through Datasette's own client (as a
user's browser would hit it): a full-text search on the paragraphs table, the ranked
``search`` stored query, the ``word_forms`` query, faceted table pages (by the paragraphs'
own columns and by their sources' journal, year and classes), the sources page and its
word-form search, the landing page's search, and a paragraph row page with its cite box.
Last, the word forms' recall and precision on the gold (``tests/goldsearch.py``), per language
and tier. ``scale.py`` measures the same archive at several sizes.

The database is served immutable, as ``archive serve`` serves it; ``--live`` serves it
mutable, as ``archive serve --live`` does (Datasette then counts every table's rows, up to
10,001, on each page that lists them, instead of once).

Run: ``.venv/bin/python bench/search.py [N] [--keep PATH] [--live]``.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import goldsearch  # noqa: E402
import pages  # noqa: E402
import synthetic_archive  # noqa: E402
from synthetic import RARE_WORD  # noqa: E402

from archive.ingest.run import refresh_word_forms  # noqa: E402
from archive.search import keyboard_query, stem_query, stem_text  # noqa: E402
from archive.store import Store  # noqa: E402


async def timings(db_path: Path, live: bool) -> list[tuple[str, float, int]]:
    ds = await pages.datasette(db_path, live)
    row = pages.sample_ids(db_path)["live"]
    paths = {
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
        "paragraph row page (cite box)": f"/archive/paragraphs/{row}",
    }
    results = []
    for name, path in paths.items():
        ms, status = await pages.median_ms(ds, path)
        results.append((name, ms / 1000, status))
    return results


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    total = int(args[0]) if args else 1_000_000
    keep = sys.argv[sys.argv.index("--keep") + 1] if "--keep" in sys.argv else None
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(keep) if keep else Path(tmp)
        db_path = home / "archive.db"
        if not db_path.exists():
            built = synthetic_archive.build(home, total, progress=synthetic_archive.show_progress)
            print(file=sys.stderr)
            print(f"built {built.paragraphs} paragraphs in {built.seconds:.0f} s "
                  f"({db_path.stat().st_size / 2**20:.0f} MiB)")
        with Store.open(home) as store:  # as ``archive serve`` opens it: migrated, indexed
            refresh_word_forms(store, paragraphs=False)
            store.checkpoint()
        live = "--live" in sys.argv
        size = db_path.stat().st_size
        print(f"{total} paragraphs, {size / 2**20:.0f} MiB, {size / total:,.0f} bytes a "
              f"paragraph; served {'mutable (--live)' if live else 'immutable'}")
        for name, seconds, status in asyncio.run(timings(db_path, live)):
            print(f"{name:<44} {seconds * 1000:8.1f} ms  (HTTP {status}, median of 5)")
    print()
    print(gold_table())


def gold_table() -> str:
    """Recall and precision of the word forms (and their keyboard tier) on the gold."""
    conn, ids = goldsearch.index(stem_text)
    found = goldsearch.word_forms(conn, ids, stem_query, keyboard_query)
    return goldsearch.table(goldsearch.score(found))


if __name__ == "__main__":
    main()
