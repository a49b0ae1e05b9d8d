"""Ingest speed next to PyMuPDF's own text extraction, over the same generated PDFs.

Generates a corpus (default 200 PDFs of 10 pages, journal-like dense Kazakh/Russian text),
times PyMuPDF's ``page.get_text("dict")`` (the call the extractor makes) over every page,
then ``archive ingest`` (hash, object store, extract, clean, segment, metadata, IDs, one
transaction per file) into fresh archive homes with ``--jobs 1`` and ``--jobs 2``, then the
same folder ingested again by the ``archive`` command (every file already present) next to
``sha256sum`` over the same bytes, both as processes of their own. Prints pages/s and the ratios,
and the CPU seconds of each, which other work on a shared machine does not inflate; for
``--jobs 2`` the writer's share (the ingesting process: a writer as busy as a worker would
bound the gain), and for each timed run the CPU seconds other processes of the machine took
meanwhile (Linux). Two workers gain nothing while another session keeps a core busy: the
kernel's autogroup scheduling gives each session an equal share of the cores.

Generating the corpus takes minutes, so it is kept in ``~/.cache/archive-bench`` (or
``$ARCHIVE_BENCH_CACHE``) under a name that changes with the generator's code and data.
Run: ``.venv/bin/python bench/ingest.py [N] [P]``.
"""

from __future__ import annotations

import hashlib
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pymupdf

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import pdfgen

from archive.ingest.run import ingest_paths
from archive.ingest.workers import Processes
from archive.store import Store

TESTS = Path(__file__).resolve().parent.parent / "tests"
# What the generated PDFs depend on: a change to any of these makes a new corpus.
_GENERATOR_FILES = ("pdfgen.py", "pdftypeset.py", "pdfstyles.py", "data/journal_article.json")


def _make_one(path: str, i: int, pages: int) -> None:
    doc = pymupdf.open(stream=pdfgen.dense_pages(pages, seed=i), filetype="pdf")
    doc.set_metadata({"title": f"Corpus article {i}", "author": f"Author {i}"})
    Path(path).write_bytes(doc.tobytes())
    doc.close()


def corpus(files: int, pages: int) -> list[Path]:
    """Journal-like PDFs, each with its own shuffled text: every file is a new source.

    Built once (in parallel) and reused while the generator is unchanged.
    """
    digest = hashlib.sha256(pymupdf.VersionBind.encode())
    for name in _GENERATOR_FILES:
        digest.update((TESTS / name).read_bytes())
    cache = Path(os.environ.get("ARCHIVE_BENCH_CACHE", Path.home() / ".cache/archive-bench"))
    folder = cache / f"dense-{files}x{pages}-{digest.hexdigest()[:12]}"
    paths = [folder / f"article-{i:04d}.pdf" for i in range(files)]
    complete = folder.with_name(folder.name + ".complete")  # beside it: the folder is ingested
    if complete.exists():
        return paths
    building = folder.with_name(folder.name + ".building")
    shutil.rmtree(building, ignore_errors=True)
    building.mkdir(parents=True)
    print(f"bench: generating the corpus into {folder} (once)", file=sys.stderr)
    with ProcessPoolExecutor() as pool:
        list(pool.map(_make_one, [str(building / p.name) for p in paths], range(files),
                      [pages] * files))
    building.rename(folder)
    complete.touch()
    return paths


def _cpu() -> float:
    """CPU seconds of this process and of its children that have ended (the workers)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def _machine_cpu() -> float:
    """CPU seconds every process of the machine has used (and a hypervisor has taken), from
    ``/proc/stat``; NaN where there is none."""
    try:
        fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9]
    except OSError:
        return float("nan")
    user, nice, system, _idle, _iowait, irq, softirq, steal = map(int, fields)
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


class Others:
    """The CPU seconds other processes took, and the core-seconds there were, while timing."""

    def __enter__(self) -> Others:
        self._start, self._ours, self._machine = time.perf_counter(), _cpu(), _machine_cpu()
        return self

    def __exit__(self, *exc: object) -> None:
        ours = _cpu() - self._ours
        self.took = _machine_cpu() - self._machine - ours
        self.there_were = (time.perf_counter() - self._start) * (os.cpu_count() or 1)

    def __str__(self) -> str:
        return f"others took {self.took:.1f} of {self.there_were:.1f} core-seconds"


def time_get_text(paths: list[Path], others: Others) -> tuple[float, float, int]:
    """Wall and CPU seconds of ``get_text("dict")`` over every page, and the pages."""
    start, cpu = time.perf_counter(), _cpu()
    pages = 0
    with others:
        for path in paths:
            with pymupdf.open(path) as doc:
                for page in doc:
                    page.get_text("dict")
                    pages += 1
    return time.perf_counter() - start, _cpu() - cpu, pages


def time_ingest(paths: list[Path], home: Path, jobs: int, others: Others
                ) -> tuple[float, float, float, int]:
    """Wall and CPU seconds to ingest ``paths`` into a fresh ``home``, the CPU seconds of the
    ingesting process alone (the writer, with workers), and the paragraphs written."""
    start, cpu, own = time.perf_counter(), _cpu(), time.process_time()
    with others, Store.open(home, create=True) as store, Processes(jobs) as workers:
        report = ingest_paths(store, paths, workers=workers if jobs > 1 else None)
    elapsed, cpu, own = time.perf_counter() - start, _cpu() - cpu, time.process_time() - own
    failed = [f for f in report.files if f.status == "failed"]
    if failed:
        raise SystemExit(f"bench: {len(failed)} files failed, first: {failed[0].error}")
    other = [f for f in report.files if f.status != "new"]
    if other:
        raise SystemExit(f"bench: {len(other)} files were not new: {other[0]}")
    return elapsed, cpu, own, sum(f.paragraphs for f in report.files)


def time_command(command: list[str]) -> float:
    # As installed, Python keeps the package's compiled bytecode: a shell that forbids
    # writing it (PYTHONDONTWRITEBYTECODE) would time compiling the sources on every run.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env)
    return time.perf_counter() - start


def main() -> None:
    files = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    pages = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    paths = corpus(files, pages)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        during = [Others(), Others(), Others()]
        base_s, base_cpu, total_pages = time_get_text(paths, during[0])
        ingest_s, ingest_cpu, _, paragraphs = time_ingest(paths, folder / "home1", 1, during[1])
        ingest2_s, ingest2_cpu, writer_cpu, _ = time_ingest(paths, folder / "home2", 2,
                                                            during[2])
        # The command as a user runs it, so both sides count a process start-up; best of
        # five, as both are short, with the page cache warm for both (and, after the first
        # run, the package's bytecode written, as an installed package has it).
        archive = [str(Path(sys.executable).with_name("archive")), "--home",
                   str(folder / "home1"), "ingest", *map(str, paths)]
        again_s = min(time_command(archive) for _ in range(5))
        sum_s = min(time_command(["sha256sum", *map(str, paths)]) for _ in range(5))
    base_rate = total_pages / base_s
    print(f"corpus: {files} PDFs x {pages} pages = {total_pages} pages, "
          f"{paragraphs} paragraphs")
    print(f"pymupdf get_text('dict'): {base_rate:8.1f} pages/s ({base_s:.2f} s; "
          f"{during[0]})")
    for label, seconds, others in (("archive ingest -j1:", ingest_s, during[1]),
                                   ("archive ingest -j2:", ingest2_s, during[2])):
        rate = total_pages / seconds
        print(f"{label:<25} {rate:8.1f} pages/s ({seconds:.2f} s; {others})  "
              f"ratio ingest/get_text = {rate / base_rate:.3f}")
    print(f"-j2 over -j1: {ingest_s / ingest2_s:.2f}x")
    # On a shared machine wall time counts other people's work too; CPU time does not.
    print(f"CPU seconds: get_text {base_cpu:.2f}, ingest -j1 {ingest_cpu:.2f} "
          f"(ratio {base_cpu / ingest_cpu:.3f}), -j2 in all processes {ingest2_cpu:.2f} "
          f"(the writer {writer_cpu:.2f}, the workers {ingest2_cpu - writer_cpu:.2f}); "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"re-ingest, all present: {again_s:.3f} s; sha256sum: {sum_s:.3f} s; "
          f"ratio = {again_s / sum_s:.2f}x")


if __name__ == "__main__":
    main()
