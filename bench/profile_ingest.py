"""Where ``archive ingest --jobs 1`` spends its time, stage by stage, on the ingest corpus.

Ingests the first N files of ``bench/ingest.py``'s corpus (default 40) into a fresh archive
home with each stage's entry point wrapped in a timer, and prints the seconds of CPU time
(``time.process_time``: on a shared machine wall time counts other people's work) spent in
each, next to PyMuPDF's ``get_text("dict")`` over the same pages. PyMuPDF's own calls are
counted apart from the extractor's Python around them. With ``--cprofile`` it then prints the
functions with the most CPU time of their own under cProfile (whose overhead inflates
Python-heavy stages). Run:
``.venv/bin/python bench/profile_ingest.py [N] [--cprofile [K]] [--dir FOLDER]``.
"""

from __future__ import annotations

import cProfile
import functools
import importlib
import pstats
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pymupdf

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ingest import corpus

from archive.ingest.analyse import analyse
from archive.ingest.run import ingest_paths
from archive.store import Store

# (label, module, attribute): a stage's entry point, looked up where its caller finds it.
STAGES = (
    ("read PDF (ours + PyMuPDF)", "archive.extract.pdf", "extract_pdf"),
    ("clean", "archive.clean", "clean"),
    ("segment", "archive.segment", "segment_cleaned"),
    ("metadata", "archive.metadata", "extract_candidates"),
    ("fingerprints", "archive.ids", "fingerprint"),
    ("word forms", "archive.search", "stem_text"),
    ("identify", "archive.ingest.identify", "identify"),
    ("write plan", "archive.ingest.planning", "file_plan"),
    ("store write", "archive.store", "Store.write_file"),
    ("keep originals", "archive.store.objects", "ObjectStore.put"),
)
# PyMuPDF's calls that do the work (each a C function under a thin wrapper).
PYMUPDF_CALLS = ("get_textpage", "get_text", "get_cdrawings", "find_tables")


def _timed(spent: dict[str, float], label: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """``func`` adding its CPU time to ``spent[label]``; a call inside another call of the
    same label (PyMuPDF's ``get_text`` making a text page) is not counted twice."""
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if label in _RUNNING:
            return func(*args, **kwargs)
        _RUNNING.add(label)
        start = time.process_time()
        try:
            return func(*args, **kwargs)
        finally:
            spent[label] += time.process_time() - start
            _RUNNING.discard(label)
    return wrapper


_RUNNING: set[str] = set()


def _wrap(spent: dict[str, float]) -> None:
    for label, module, attribute in STAGES:
        owner: Any = importlib.import_module(module)
        *outer, name = attribute.split(".")
        for part in outer:
            owner = getattr(owner, part)
        spent[label] = 0.0
        setattr(owner, name, _timed(spent, label, getattr(owner, name)))
    spent["  of which PyMuPDF"] = 0.0
    for name in PYMUPDF_CALLS:
        setattr(pymupdf.Page, name,
                _timed(spent, "  of which PyMuPDF", getattr(pymupdf.Page, name)))


def get_text_seconds(paths: list[Path]) -> float:
    start = time.process_time()
    for path in paths:
        with pymupdf.open(path) as doc:
            for page in doc:
                page.get_text("dict")
    return time.process_time() - start


def main(argv: list[str]) -> None:
    numbers = [a for a in argv if a.isdigit()]
    files = int(numbers[0]) if numbers else 40
    if "--dir" in argv:  # another folder of files instead of the corpus
        paths = sorted(Path(argv[argv.index("--dir") + 1]).iterdir())[:files]
    else:
        paths = corpus(200, 10)[:files]
    analyse(paths[-1].read_bytes())  # imports and models loaded outside the timing
    base = min(get_text_seconds(paths) for _ in range(3))
    spent: dict[str, float] = {}
    _wrap(spent)
    profiler = cProfile.Profile(time.process_time) if "--cprofile" in argv else None
    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "home",
                                                          create=True) as store:
        start = time.process_time()
        if profiler:
            profiler.enable()
        report = ingest_paths(store, paths)
        if profiler:
            profiler.disable()
        total = time.process_time() - start
    paragraphs = sum(f.paragraphs for f in report.files)
    print(f"{files} files, {paragraphs} paragraphs; CPU seconds (x get_text('dict') = "
          f"{base:.3f} s)")
    print(f"  {'ingest --jobs 1, all':<28} {total:6.3f} s  {total / base:5.2f}x")
    spent["  of which ours"] = spent["read PDF (ours + PyMuPDF)"] - spent["  of which PyMuPDF"]
    order = ["read PDF (ours + PyMuPDF)", "  of which PyMuPDF", "  of which ours",
             *(label for label, _, _ in STAGES[1:])]
    for label in order:
        print(f"  {label:<28} {spent[label]:6.3f} s  {spent[label] / base:5.2f}x")
    rest = total - sum(spent[label] for label, _, _ in STAGES)
    print(f"  {'everything else':<28} {rest:6.3f} s  {rest / base:5.2f}x")
    if profiler:
        at = argv.index("--cprofile") + 1
        top = int(argv[at]) if at < len(argv) and argv[at].isdigit() else 30
        pstats.Stats(profiler).sort_stats("tottime").print_stats(top)


if __name__ == "__main__":
    main(sys.argv[1:])
