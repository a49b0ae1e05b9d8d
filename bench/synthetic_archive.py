"""A synthetic archive of N paragraphs, written as an ingest writes (``search.py``, ``scale.py``).

The sources come from ``synthetic.py``. Each file's write plan is built by the ingest's own
functions — paragraph labels numbered, or carried from what the source holds by
``archive.ids.carry_labels`` (``identify.paragraph_writes``), metadata merged with the
candidates in force (``planning.merged_metadata``, ``metadata.facets``), word forms by
``search.stem_text``, fingerprints by ``ids.fingerprint`` — and written by
``Store.write_file``, the ingest's writer. So the rows, lineage, tombstones, triggers and
full-text indexes are those an ingest of such files would leave.

One difference from an ingest, which commits each file on its own: the files of
``PER_TRANSACTION`` sources share a transaction (each file's write is a savepoint inside it).
That changes when rows are committed, not which rows are written; the test
``tests/test_synthetic_archive.py`` checks it against one transaction a file.
"""

from __future__ import annotations

import itertools
import multiprocessing
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import corpus
from corpus import SentencePool
from synthetic import FileDraft, SourceDraft, source, source_key

from archive.ids import NORM_VERSION, OldParagraph, fingerprint, paragraph_id
from archive.ingest.identify import Known, paragraph_writes
from archive.ingest.planning import merged_metadata
from archive.metadata import facets
from archive.search import INDEX_VERSION, stem_text
from archive.store import Store
from archive.store.events import EventWrite
from archive.store.plans import FileWrite, ParagraphWrite, TombstoneWrite

PER_TRANSACTION = 100
# Sentences per language: paragraphs are drawn from these, so a sentence recurs (in a million
# paragraphs, each about a hundred times); their words are the chains' (``corpus``).
POOL_SIZE = 40_000


@dataclass(frozen=True, slots=True)
class Built:
    paragraphs: int  # paragraph IDs issued (live and tombstones)
    sources: int
    files: int
    seconds: float


def _derived(file: FileDraft, sentences: SentencePool | None) -> tuple[list[str], list[str]]:
    """Each block's fingerprint and word-form terms: from the text, as an ingest computes
    them, or (``sentences`` given) joined from its pooled sentences' where it has them."""
    fingerprints, terms = [], []
    for block, pieces in zip(file.blocks, file.pieces, strict=True):
        if sentences is None or pieces is None:
            fingerprints.append(fingerprint(block.text))
            terms.append(stem_text(block.text, block.lang))
            continue
        fingerprints.append(sentences.fingerprint(pieces))
        terms.append(sentences.stems(pieces))
    return fingerprints, terms


@dataclass(frozen=True, slots=True)
class Labelled:
    """A source's files with their paragraphs labelled and tombstones found, file by file:
    what an ingest derives before it asks the store to merge metadata and write."""

    draft: SourceDraft
    files: tuple[tuple[tuple[ParagraphWrite, ...], tuple[TombstoneWrite, ...]], ...]
    issued: int  # paragraph IDs issued to the source, live and tombstones


def labelled(draft: SourceDraft, sentences: SentencePool | None) -> Labelled:
    """Label every file of a source in turn, each against what the files before it left."""
    known: Known | None = None
    files = []
    for file in draft.files:
        fingerprints, terms = _derived(file, sentences)
        paragraphs, tombstones = paragraph_writes(
            draft.key, file.blocks, fingerprints, terms, known)
        files.append((paragraphs, tombstones))
        known = _after(draft.key, paragraphs, tombstones, known)
    assert known is not None  # a source has a file
    return Labelled(draft, tuple(files), len(known[2]))


def _after(key: str, paragraphs: tuple[ParagraphWrite, ...],
           tombstones: tuple[TombstoneWrite, ...], known: Known | None) -> Known:
    """What the source holds once a file is written: live, tombstoned, labels issued."""
    old, retired, taken = known or ((), (), set())
    gone = {t.id for t in tombstones}
    retired = [*retired, *(p for p in old if paragraph_id(key, p.label) in gone)]
    live = [OldParagraph(p.label, p.text) for p in paragraphs]
    return live, retired, {*taken, *(p.label for p in old), *(p.label for p in paragraphs)}


def file_write(store: Store, source: Labelled, number: int) -> FileWrite:
    """The write plan of the ``number``-th file (from 1) of a source, as an ingest builds it:
    its metadata merged with the candidates the source has in force."""
    draft = source.draft
    file = draft.files[number - 1]
    first = number == 1
    existing = [] if first else store.active_candidates(draft.key)
    merged, existing_chosen, chosen = merged_metadata(existing, file.candidates)
    paragraphs, tombstones = source.files[number - 1]
    return FileWrite(
        sha256=file.sha256, size=file.size, media_type=file.media_type,
        original_name=file.name, extractor=file.extractor, page_count=file.pages,
        source_key=draft.key, new_source=first, metadata=merged, facets=facets(merged),
        norm_version=NORM_VERSION, candidates=file.candidates, chosen=chosen,
        existing_chosen=existing_chosen, paragraphs=paragraphs, tombstones=tombstones,
        artifacts=file.artifacts, events=(_event(file, first),), url=file.url,
    )


def _event(file: FileDraft, new_source: bool) -> EventWrite:
    return EventWrite(
        "ingestion" if new_source else "new-manifestation",
        "new source" if new_source else "joined existing source",
        {"name": file.name, "media_type": file.media_type,
         "reason": "new" if new_source else "text overlap", "score": None if new_source else 0.9},
    )


def write_source(store: Store, run: int, source: Labelled,
                 times: list[float] | None = None) -> int:
    """Write every file of a source in turn; returns the paragraph IDs it was issued.
    ``times`` (when given) gets the seconds each file's write took."""
    for number in range(1, len(source.draft.files) + 1):
        plan = file_write(store, source, number)
        start = time.perf_counter()
        store.write_file(plan, run, stem_text)
        if times is not None:
            times.append(time.perf_counter() - start)
    return source.issued


@dataclass(frozen=True, slots=True)
class _Job:
    index: int
    key: str
    pooled: int
    seed: int
    joined: bool


def _labelled_source(job: _Job) -> Labelled:
    """Make and label one source (in a worker process, or in this one)."""
    sentences = corpus.sentence_pool(job.pooled, job.seed)
    draft = source(corpus.pools(), sentences, job.index, job.key, job.seed)
    return labelled(draft, sentences if job.joined else None)


def build(
    home: Path, total: int, seed: int = 7, per_transaction: int = PER_TRANSACTION,
    progress: Callable[[int], None] | None = None, pooled: int = POOL_SIZE,
    joined: bool = True, jobs: int = 0,
) -> Built:
    """Write sources into the archive at ``home`` until it holds ``total`` paragraph IDs.

    Paragraphs are made of ``pooled`` sentences per language; ``joined`` takes their terms
    and fingerprints from the pool's, else computes them from each text as an ingest does.
    With ``jobs`` worker processes the next sources are made and labelled while these are
    written (keys are still minted here, in order, so the archive is the same). An archive
    this function built before (same seed) is grown: its sources are the first ones of a
    larger build, so only the next ones are written, as a later ingest run.
    """
    start = time.perf_counter()
    store = Store.open(home)
    taken = {key for (key,) in store.conn.execute("SELECT key FROM sources")}
    sources = len(taken)
    paragraphs, files = (store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                         for table in ("paragraphs", "files"))
    if paragraphs >= total:
        store.close()
        return Built(paragraphs, sources, files, 0.0)
    first = (sources, files)
    pools = corpus.pools()
    sentences = corpus.sentence_pool(pooled, seed)
    # A large archive's indexes do not fit the default 2 MB page cache (a connection's
    # setting: it changes how fast rows are written, not which).
    store.conn.execute("PRAGMA cache_size = -400000")
    if store.word_forms_version() != INDEX_VERSION:
        store.rebuild_word_forms(stem_text, INDEX_VERSION)  # as an ingest does
    run = store.start_ingest(f"synthetic seed {seed}")
    made = iter(range(sources, 10**9))

    def batch() -> list[_Job]:
        return [_Job(i, source_key(pools, sentences, i, taken, seed), pooled, seed, joined)
                for i in itertools.islice(made, per_transaction)]

    with _Labeller(jobs) as labeller:
        pending = labeller.submit(batch())
        while paragraphs < total:
            ready, pending = pending.get(), labeller.submit(batch())
            with store.db.atomic():
                for labelled_source in ready:
                    paragraphs += write_source(store, run, labelled_source)
                    sources += 1
                    files += len(labelled_source.draft.files)
                    if paragraphs >= total:
                        break
            if progress is not None:
                progress(paragraphs)
    made_now = sources - first[0]
    store.finish_ingest(run, {"new": made_now, "new_version": files - first[1] - made_now})
    store.checkpoint()
    store.conn.execute("PRAGMA optimize")
    store.close()
    return Built(paragraphs, sources, files, time.perf_counter() - start)


class _Done:
    def __init__(self, value: list[Labelled]) -> None:
        self.value = value

    def get(self) -> list[Labelled]:
        return self.value


class _Labeller:
    """Sources made and labelled in ``jobs`` worker processes, or here when ``jobs`` is 0.

    Workers are started afresh (``spawn``), each making its own vocabulary and sentence pool
    once: a forked worker inherits the locks of the caller's other threads (a Datasette's,
    a test runner's) and can wait on one forever."""

    def __init__(self, jobs: int) -> None:
        self.pool = multiprocessing.get_context("spawn").Pool(jobs) if jobs else None

    def submit(self, batch: list[_Job]) -> Any:
        if self.pool is None:
            return _Done([_labelled_source(job) for job in batch])
        return self.pool.map_async(_labelled_source, batch, chunksize=10)

    def __enter__(self) -> _Labeller:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.pool is not None:
            self.pool.terminate()


def show_progress(paragraphs: int) -> None:
    print(f"  {paragraphs:>10,} paragraphs written", file=sys.stderr, end="\r")


def write_times(home: Path, count: int = 30, seed: int = 7) -> list[float]:
    """Seconds each file of the next ``count`` sources takes to write into the archive at
    ``home`` (the store's write alone, as in an ingest); rolled back, so the archive is left
    as it was."""
    pools = corpus.pools()
    sentences = corpus.sentence_pool(POOL_SIZE, seed)
    store = Store.open(home)
    store.conn.execute("PRAGMA cache_size = -400000")
    taken = {key for (key,) in store.conn.execute("SELECT key FROM sources")}
    first = len(taken)
    times: list[float] = []
    store.conn.execute("BEGIN")
    try:
        run = store.start_ingest(f"synthetic seed {seed}, timed")
        for index in range(first, first + count):
            key = source_key(pools, sentences, index, taken, seed)
            draft = source(pools, sentences, index, key, seed)
            write_source(store, run, labelled(draft, sentences), times)
    finally:
        store.conn.rollback()
        store.close()
    return times
