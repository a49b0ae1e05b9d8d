"""Ingest speed next to PyMuPDF's own text extraction, over the same generated PDFs.

Generates a corpus (default 200 PDFs of 10 pages, journal-like dense Kazakh/Russian text),
times plain ``page.get_text()`` over every page, then ``archive ingest`` (hash, object store,
extract, clean, segment, metadata, IDs, one transaction per file) into a fresh archive home,
and prints pages/s for both and their ratio. Run: ``.venv/bin/python bench/ingest.py [N] [P]``.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import pymupdf

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import pdfgen

from archive.ingest import ingest_paths
from archive.store import Store


def make_corpus(folder: Path, files: int, pages: int) -> list[Path]:
    """Journal-like PDFs, each with its own shuffled text: every file is a new source."""
    paths = []
    for i in range(files):
        doc = pymupdf.open(stream=pdfgen.dense_pages(pages, seed=i), filetype="pdf")
        doc.set_metadata({"title": f"Corpus article {i}", "author": f"Author {i}"})
        path = folder / f"article-{i:04d}.pdf"
        path.write_bytes(doc.tobytes())
        doc.close()
        paths.append(path)
    return paths


def time_get_text(paths: list[Path]) -> tuple[float, int]:
    start = time.perf_counter()
    pages = 0
    for path in paths:
        with pymupdf.open(path) as doc:
            for page in doc:
                page.get_text()
                pages += 1
    return time.perf_counter() - start, pages


def time_ingest(paths: list[Path], home: Path, jobs: int) -> float:
    start = time.perf_counter()
    with Store.open(home) as store:
        report = ingest_paths(store, paths, jobs=jobs)
    elapsed = time.perf_counter() - start
    failed = [f for f in report.files if f.status == "failed"]
    if failed:
        raise SystemExit(f"bench: {len(failed)} files failed, first: {failed[0].error}")
    joined = [f for f in report.files if f.status != "new"]
    if joined:
        raise SystemExit(f"bench: {len(joined)} files were not new sources: {joined[0]}")
    return elapsed


def main() -> None:
    files = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    pages = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = make_corpus(folder, files, pages)
        base_s, total_pages = time_get_text(paths)
        ingest_s = time_ingest(paths, folder / "home1", jobs=1)
        ingest2_s = time_ingest(paths, folder / "home2", jobs=2)
    base_rate = total_pages / base_s
    print(f"corpus: {files} PDFs x {pages} pages = {total_pages} pages")
    print(f"pymupdf get_text():   {base_rate:8.1f} pages/s ({base_s:.2f} s)")
    for label, seconds in (("archive ingest -j1:", ingest_s), ("archive ingest -j2:", ingest2_s)):
        rate = total_pages / seconds
        print(f"{label:<21} {rate:8.1f} pages/s ({seconds:.2f} s)  "
              f"ratio ingest/get_text = {rate / base_rate:.3f}")


if __name__ == "__main__":
    main()
