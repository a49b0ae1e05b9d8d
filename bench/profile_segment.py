"""Time and profile ``segment(extract_pdf(data))`` on generated dense pages.

Prints milliseconds per document for PyMuPDF's ``page.get_text()``, ``extract_pdf`` and
``segment`` over the same PDFs, then (with ``--profile``) the top functions of a cProfile
run of ``segment``. Run: ``.venv/bin/python bench/profile_segment.py [FILES] [PAGES] [--profile]``.
"""

from __future__ import annotations

import cProfile
import pstats
import sys
import time
from pathlib import Path

import pymupdf

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import pdfgen  # noqa: E402

from archive.extract.pdf import extract_pdf  # noqa: E402
from archive.models import Document  # noqa: E402
from archive.segment import segment  # noqa: E402


def _ms_per_doc(seconds: float, files: int) -> float:
    return seconds * 1000 / files


def main(argv: list[str]) -> int:
    numbers = [int(a) for a in argv if not a.startswith("-")]
    files = numbers[0] if numbers else 10
    pages = numbers[1] if len(numbers) > 1 else 10
    data = pdfgen.dense_pages(pages)
    start = time.perf_counter()
    for _ in range(files):
        with pymupdf.open(stream=data, filetype="pdf") as pdf:
            for page in pdf:
                page.get_text()
    get_text_s = time.perf_counter() - start
    start = time.perf_counter()
    docs: list[Document] = [extract_pdf(data) for _ in range(files)]
    extract_s = time.perf_counter() - start
    segment(docs[0])  # warm caches (language model) outside the timing
    start = time.perf_counter()
    for doc in docs:
        segment(doc)
    segment_s = time.perf_counter() - start
    print(f"{files} PDFs x {pages} pages, ms per PDF:")
    print(f"  pymupdf get_text(): {_ms_per_doc(get_text_s, files):7.1f}")
    print(f"  extract_pdf:        {_ms_per_doc(extract_s, files):7.1f}")
    print(f"  segment:            {_ms_per_doc(segment_s, files):7.1f}")
    if "--profile" in argv:
        profiler = cProfile.Profile()
        profiler.enable()
        for doc in docs:
            segment(doc)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
