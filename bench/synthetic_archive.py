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

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import corpus
from corpus import SentencePool
from synthetic import FileDraft, SourceDraft, source

from archive.identify import Known, paragraph_writes
from archive.ids import NORM_VERSION, OldParagraph, fingerprint
from archive.metadata import facets
from archive.planning import merged_metadata
from archive.search import INDEX_VERSION, stem_text
from archive.store import Store
from archive.store.plans import EventWrite, FileWrite

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


def file_write(store: Store, draft: SourceDraft, number: int, known: Known | None,
               sentences: SentencePool | None = None) -> FileWrite:
    """The write plan of the ``number``-th file (from 1) of a source, as an ingest builds it."""
    file = draft.files[number - 1]
    existing = [] if known is None else store.active_candidates(draft.key)
    merged, existing_chosen, chosen = merged_metadata(existing, file.candidates)
    fingerprints, terms = _derived(file, sentences)
    paragraphs, tombstones = paragraph_writes(draft.key, file.blocks, fingerprints, terms, known)
    return FileWrite(
        sha256=file.sha256, size=file.size, media_type=file.media_type,
        original_name=file.name, extractor=file.extractor, page_count=file.pages,
        source_key=draft.key, new_source=known is None, metadata=merged, facets=facets(merged),
        norm_version=NORM_VERSION, candidates=file.candidates, chosen=chosen,
        existing_chosen=existing_chosen, paragraphs=paragraphs, tombstones=tombstones,
        artifacts=file.artifacts, events=(_event(file, known is None),), url=file.url,
    )


def _event(file: FileDraft, new_source: bool) -> EventWrite:
    return EventWrite(
        "ingestion" if new_source else "new-manifestation",
        "new source" if new_source else "joined existing source",
        {"name": file.name, "media_type": file.media_type,
         "reason": "new" if new_source else "text overlap", "score": None if new_source else 0.9},
    )


def _after(plan: FileWrite, known: Known | None) -> Known:
    """What the source holds once ``plan`` is written: live, tombstoned, labels issued."""
    old, retired, taken = known or ((), (), set())
    last = {p.label: p.text for p in old}
    gone = {t.id for t in plan.tombstones}
    retired = [*retired, *(OldParagraph(p.label, p.text) for p in old
                           if f"{plan.source_key}-p{p.label}" in gone)]
    live = [OldParagraph(p.label, p.text) for p in plan.paragraphs]
    return live, retired, {*taken, *last, *(p.label for p in plan.paragraphs)}


def write_source(store: Store, run: int, draft: SourceDraft,
                 sentences: SentencePool | None = None,
                 times: list[float] | None = None) -> int:
    """Write every file of a source in turn; returns the paragraph IDs it was issued.
    ``times`` (when given) gets the seconds each file's write took."""
    known: Known | None = None
    for number in range(1, len(draft.files) + 1):
        plan = file_write(store, draft, number, known, sentences)
        start = time.perf_counter()
        store.write_file(plan, run, stem_text)
        if times is not None:
            times.append(time.perf_counter() - start)
        known = _after(plan, known)
    assert known is not None  # a source has a file
    return len(known[2])


def build(
    home: Path, total: int, seed: int = 7, per_transaction: int = PER_TRANSACTION,
    progress: Callable[[int], None] | None = None, pooled: int = POOL_SIZE,
    joined: bool = True,
) -> Built:
    """Write sources into the archive at ``home`` until it holds ``total`` paragraph IDs.

    Paragraphs are made of ``pooled`` sentences per language; ``joined`` takes their terms
    and fingerprints from the pool's, else computes them from each text as an ingest does.
    An archive this function built before (same seed) is grown: its sources are the first
    ones of a larger build, so only the next ones are written, as a later ingest run.
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
    while paragraphs < total:
        with store.db.atomic():
            for _ in range(per_transaction):
                draft = source(pools, sentences, sources, taken, seed)
                paragraphs += write_source(store, run, draft, sentences if joined else None)
                sources += 1
                files += len(draft.files)
                if paragraphs >= total:
                    break
        if progress is not None:
            progress(paragraphs)
    made = sources - first[0]
    store.finish_ingest(run, {"new": made, "new_version": files - first[1] - made})
    store.checkpoint()
    store.conn.execute("PRAGMA optimize")
    store.close()
    return Built(paragraphs, sources, files, time.perf_counter() - start)


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
            write_source(store, run, source(pools, sentences, index, taken, seed), sentences,
                         times)
    finally:
        store.conn.rollback()
        store.close()
    return times
