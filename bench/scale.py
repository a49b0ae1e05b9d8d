"""The archive at scale: a synthetic archive of N paragraphs (``synthetic_archive.py``), what
building it cost, how big it is, and how long readers wait.

For each size given (default 1,000,000) the archive at ``--home`` is built, or grown from the
smaller archive already there (the sources of a smaller build are the first sources of a
larger one, so growing it gives the larger archive). Then it prints:

* build: seconds, paragraphs a second (for a grown archive: of the paragraphs added);
* size: the database file, per paragraph, and per table with its indexes (``dbstat``);
* latency, median of 5 after one warm-up, served immutable as ``archive serve`` serves it,
  through Datasette's in-process client: word-form search for a common and a rare word,
  exact search, a phrase, a search with facets, the paragraphs page with its facets, the
  sources page, a paragraph's row page, a source's row page, the resolver for a live ID and
  for a tombstone; ``archive cite`` as a whole process (start-up included); and the store's
  write of one file (a new source's or a re-issue's, ``Store.write_file``), rolled back.

Run: ``nice -n 10 .venv/bin/python bench/scale.py [N…] [--home DIR] [--jobs N]`` (default
home: ``/tmp/scale/archive``, delete it when done; sources are made and labelled in ``--jobs``
worker processes, default 1, while the store writes).
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pages  # noqa: E402
import synthetic_archive  # noqa: E402
from synthetic import RARE_WORD  # noqa: E402

COMMON = "Республика"  # a word form of a word in most Kazakh and Russian articles
PHRASE = '"Қазақстан Республикасы"'


def page_paths(ids: dict[str, str]) -> dict[str, str]:
    return {
        "word forms, common word": f"/archive/paragraphs?_q={COMMON}",
        "word forms, rare word": f"/archive/paragraphs?_q={RARE_WORD}",
        "exact search (words as written)": "/archive/paragraphs?_search=Республикасы",
        "phrase": f"/archive/paragraphs?_q={PHRASE}",
        "search + 3 facets":
            f"/archive/paragraphs?_q={COMMON}&_facet=role&_facet=lang&_facet=source",
        "paragraphs page with facets": "/archive/paragraphs",
        "sources page with facets": "/archive/sources",
        "paragraph row page (cite box)": f"/archive/paragraphs/{ids['live']}",
        "source row page (files, lineage)": f"/archive/sources/{ids['source']}",
        "resolver, live ID (redirect)": f"/-/p/{ids['live']}",
        "resolver, tombstone": f"/-/p/{ids['tombstone']}",
    }


async def latencies(db_path: Path) -> list[tuple[str, float, int]]:
    ds = await pages.datasette(db_path)
    out = []
    for name, path in page_paths(pages.sample_ids(db_path)).items():
        ms, status = await pages.median_ms(ds, path, runs=5, warmup=1)
        out.append((name, ms, status))
    return out


def cite_ms(home: Path, pid: str) -> float:
    """``archive cite`` run as a user runs it: a new process each time."""
    command = [str(ROOT / ".venv" / "bin" / "archive"), "--home", str(home), "cite", pid]
    samples = []
    for run in range(6):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        if run:  # the first run warms the page cache
            samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def report(home: Path, built: synthetic_archive.Built, added: int) -> None:
    db = home / "archive.db"
    size = db.stat().st_size
    print(f"\n== {built.paragraphs:,} paragraph IDs, {built.sources:,} sources, "
          f"{built.files:,} files; load average {os.getloadavg()[0]:.1f} "
          f"on {os.cpu_count()} cores")
    if added:
        print(f"build: {added:,} paragraphs in {built.seconds:,.0f} s, "
              f"{added / built.seconds:,.0f} paragraphs/s")
    print(f"size: {size / 2**20:,.0f} MiB, {size / built.paragraphs:,.0f} bytes a paragraph")
    for table, nbytes in pages.table_bytes(db).items():
        if nbytes >= size / 200:
            print(f"  {table:<28} {nbytes / 2**20:9,.0f} MiB {nbytes / built.paragraphs:7,.0f} B/p")
    ids = pages.sample_ids(db)
    for name, ms, status in asyncio.run(latencies(db)):
        print(f"  {name:<36} {ms:8.1f} ms  (HTTP {status})")
    print(f"  {'archive cite (whole process)':<36} {cite_ms(home, ids['live']):8.1f} ms")
    times = synthetic_archive.write_times(home)
    print(f"  {'ingest write of one file (median)':<36} {statistics.median(times) * 1000:8.1f} ms"
          f"  ({len(times)} files of the next 30 sources, rolled back)")


def main() -> None:
    args = sys.argv[1:]
    options = {"--home": "/tmp/scale/archive", "--jobs": "1"}
    for option in options:
        if option in args:
            at = args.index(option)
            options[option] = args[at + 1]
            del args[at : at + 2]
    home, jobs = Path(options["--home"]), int(options["--jobs"])
    for total in sorted(int(a) for a in args or ["1000000"]):
        before = 0
        if (home / "archive.db").exists():
            before = synthetic_archive.build(home, 0).paragraphs  # what it holds already
        built = synthetic_archive.build(home, total, progress=synthetic_archive.show_progress,
                                        jobs=jobs)
        print(file=sys.stderr)
        report(home, built, built.paragraphs - before)


if __name__ == "__main__":
    main()
