"""Ingestion: files in, sources and paragraphs out, one transaction per file.

``ingest_paths`` reads like the pipeline's table of contents:

1. collect files (directories recursively, in a stable order);
2. hash and keep the original bytes in the object store;
3. analyse the bytes (pure; in worker processes with ``jobs > 1``);
4. identify: same bytes as before? same source as before (DOI, ``--source``, text overlap)?
5. label paragraphs (new source: 1..N; known source: carry labels over);
6. write everything for the file in one transaction.

Files are identified and written in SHA-256 order, so the IDs minted for a batch do not depend
on the order the paths were given in, on ``--jobs``, or on re-running.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Final, Literal, NamedTuple

from .. import __version__
from ..errors import ArchiveError, NotFoundError, UnreadablePathError
from ..limits import DEFAULT_LIMITS, Limits
from ..search import INDEX_VERSION
from ..store import Store
from ..store.events import EventWrite
from .batched import EventBatch
from .inputs import collect_files, recorded_name, shown_path
from .readahead import read_ahead

if TYPE_CHECKING:
    from concurrent.futures import Future

    # Analysing, identifying, labelling and planning (the stages, the fuzzy matcher and the
    # records they pass along) are imported when a file is new: a run of files the archive
    # already has costs a hash, a lookup and an event each. So are the records here named
    # tuples, not dataclasses, whose machinery costs more than such a run's other work.
    from .analyse import Analysis
    from .identify import SourceShingles
    from .sidecars import SidecarDir
    from .workers import Workers

# What became of one file given to ``archive ingest`` (the ``status`` of ``--json``).
FileStatus = Literal["new", "duplicate", "new_version", "failed"]
NEW: Final = "new"
DUPLICATE: Final = "duplicate"
NEW_VERSION: Final = "new_version"
FAILED: Final = "failed"


class FileOutcome(NamedTuple):
    path: str
    status: FileStatus
    sha256: str | None = None
    key: str | None = None
    error: str | None = None
    paragraphs: int = 0
    reason: str | None = None
    warnings: tuple[str, ...] = ()
    hint: str | None = None  # what to do about the error
    exit_code: int = 0  # the CLI's status for this failure (``ArchiveError.exit_code``)

    def as_json(self) -> dict[str, object]:
        return {
            "path": self.path,
            "sha256": self.sha256,
            "status": self.status,
            "key": self.key,
            "error": self.error,
            "hint": self.hint,
            "paragraphs": self.paragraphs,
            "reason": self.reason,
            "warnings": list(self.warnings),
        }


class IngestReport(NamedTuple):
    ingest_id: int
    files: tuple[FileOutcome, ...] = ()

    def counts(self) -> dict[str, int]:
        counts = {NEW: 0, DUPLICATE: 0, NEW_VERSION: 0, FAILED: 0}
        for outcome in self.files:
            counts[outcome.status] += 1
        return counts

    @property
    def ok(self) -> bool:
        return not any(f.status == FAILED for f in self.files)


class _Loaded(NamedTuple):
    path: Path
    shown: str
    sha256: str


def _failed(shown: str, exc: ArchiveError, sha256: str | None = None) -> FileOutcome:
    return FileOutcome(shown, FAILED, sha256=sha256, error=_message(exc),
                       hint=exc.hint or None, exit_code=exc.exit_code)


def _message(exc: BaseException) -> str:
    return str(exc) or exc.__class__.__name__


def ingest_paths(
    store: Store,
    paths: Iterable[Path],
    *,
    sidecars: SidecarDir | None = None,
    source_key: str | None = None,
    workers: Workers | None = None,
    limits: Limits = DEFAULT_LIMITS,
    on_file: Callable[[FileOutcome], None] | None = None,
    on_total: Callable[[int], None] | None = None,
    on_wait: Callable[[], None] | None = None,
) -> IngestReport:
    """Ingest files and directories; every file gets an outcome, failures do not stop the run.

    New files are analysed by ``workers`` (processes or a cluster; the caller closes them)
    or, without, in this process. Runs into one home are serialised (``Store.ingesting``):
    ``on_wait`` is called when this one has to wait for another.
    """
    with store.ingesting(on_wait):
        return _ingest_locked(store, paths, sidecars=sidecars, source_key=source_key,
                              workers=workers, limits=limits, on_file=on_file,
                              on_total=on_total)


def refresh_word_forms(store: Store, *, paragraphs: bool = True) -> None:
    """Re-index what older search rules indexed (or what is not indexed yet: the sources of an
    archive from before their index), before anything is written or searched with the new
    rules. ``paragraphs=False`` leaves the paragraphs, whose index costs minutes to rebuild,
    to the next ingest."""
    # The stemmer and its dictionaries load only when something is to be indexed.
    if paragraphs and store.word_forms_version() != INDEX_VERSION:
        store.rebuild_word_forms(_stem_text(), INDEX_VERSION)  # the sources' too
    elif store.word_forms_version("sources_stems") != INDEX_VERSION:
        store.rebuild_source_forms(_stem_text(), INDEX_VERSION)


def _stem_text() -> Callable[[str, str | None], str]:
    from ..search import stem_text

    return stem_text


def _ingest_locked(
    store: Store,
    paths: Iterable[Path],
    *,
    sidecars: SidecarDir | None,
    source_key: str | None,
    workers: Workers | None,
    limits: Limits,
    on_file: Callable[[FileOutcome], None] | None,
    on_total: Callable[[int], None] | None,
) -> IngestReport:
    if source_key is not None and not store.source_exists(source_key):
        raise NotFoundError(f"no source with key {source_key!r} to add files to")
    refresh_word_forms(store)
    ingest_id = store.start_ingest(f"archive {__version__}")
    store.objects.remove_stale_temporaries()
    outcomes: list[FileOutcome] = []
    events = EventBatch(store, ingest_id)

    def report(outcome: FileOutcome) -> None:
        outcomes.append(outcome)
        if outcome.status == FAILED and outcome.sha256 is not None:
            # The bytes of a file that failed stay in the object store on purpose (a later
            # version may read them): this event is what refers to them.
            events.add(EventWrite("ingest-failed", outcome.error or "failed",
                                  {"name": Path(outcome.path).name}), None, outcome.sha256)
        if on_file:
            on_file(outcome)

    with _Analyses(store, workers, limits) as analyses:
        loaded = _keep_originals(store, paths, report, limits.max_bytes, analyses.hand_out)
        analyses.reorder([item.sha256 for item in loaded])
        if on_total:
            on_total(len(loaded) + len(outcomes))
        known: SourceShingles | None = None  # made for the first file that is new
        for item, analysis in _analysed(store, loaded, analyses):
            if analysis is not None:
                events.write()  # before the new file's rows, in the run's order
            if known is None and analysis is not None:
                from .identify import SourceShingles

                known = SourceShingles()
            try:
                report(_ingest_one(store, item, analysis, ingest_id, sidecars, source_key,
                                   known, events))
            except ArchiveError as exc:
                report(_failed(item.shown, exc, item.sha256))
            except Exception as exc:  # a defect on one file must not stop the run; its
                # transaction was rolled back, so nothing of it is in the database
                defect = (f"could not be ingested ({type(exc).__name__}: {exc}); "
                          "please report this file")
                report(FileOutcome(item.shown, FAILED, sha256=item.sha256, error=defect,
                                   exit_code=2))
        events.write()
    result = IngestReport(ingest_id, tuple(outcomes))
    store.finish_ingest(ingest_id, result.counts())
    return result


def _keep_originals(
    store: Store, paths: Iterable[Path], report: Callable[[FileOutcome], None], max_bytes: int,
    kept: Callable[[str], None],
) -> list[_Loaded]:
    """Every readable file's bytes kept in the object store, sorted by content then name.

    The bytes are kept first: whatever happens next, the original is never lost. Only the
    hash is kept in memory; workers read the stored object back (``kept`` is told each
    digest as soon as it is stored). Unreadable paths and files over ``max_bytes`` are
    reported as failed here, and not kept.
    """
    loaded: list[_Loaded] = []
    for read in read_ahead(collect_files(paths), max_bytes):
        shown = shown_path(read.path)
        error = read.error
        if read.data is not None and read.sha256 is not None:
            try:
                loaded.append(_Loaded(read.path, shown, store.objects.put(read.data,
                                                                          read.sha256)))
                kept(read.sha256)
            except ArchiveError as exc:  # the object store could not keep it
                error = exc
        if isinstance(error, OSError):
            error = UnreadablePathError(f"cannot read: {error.strerror or error}")
        if error is not None:
            report(_failed(shown, error))
    # Stable order: by content, then by name for identical bytes given twice.
    loaded.sort(key=lambda item: (item.sha256, item.shown))
    return loaded


class _Analyses:
    """Analyses of new contents, each made once.

    With workers, each is handed out as soon as its bytes are kept, so the workers (started
    with the first new file) analyse while the writer is still hashing the rest, and run
    ahead of it while it writes. A few more than the workers' slots are in flight at a
    time: a cluster's worker is sent the bytes, and the rest wait here as hashes, not in
    the scheduler's memory. Without workers each is made when the writer asks for it.
    """

    def __init__(self, store: Store, workers: Workers | None, limits: Limits) -> None:
        self._store = store
        self._workers = workers
        self._limits = limits
        self._queue: deque[str] = deque()  # handed out, not yet sent (or sent ahead of turn)
        self._queued: set[str] = set()  # of those, the ones not yet sent
        self._pending: dict[str, Future[Analysis | ArchiveError]] = {}
        # Of those, the ones sent and maybe not done: counted often, so kept short.
        self._running: set[Future[Analysis | ArchiveError]] = set()

    def hand_out(self, sha256: str) -> None:
        """Have ``sha256`` analysed by a worker, unless the archive has it already."""
        if (self._workers is None or sha256 in self._pending or sha256 in self._queued
                or self._store.file_source(sha256)):
            return
        self._queue.append(sha256)
        self._queued.add(sha256)
        self._send_more()

    def _send_more(self) -> None:
        assert self._workers is not None
        self._running = {f for f in self._running if not f.done()}
        room = 2 * self._workers.slots - len(self._running)
        while self._queue and room > 0:
            sha256 = self._queue.popleft()
            if sha256 in self._queued:
                self._send(sha256)
                room -= 1

    def _send(self, sha256: str) -> None:
        assert self._workers is not None
        self._queued.discard(sha256)
        from .workers import analyse_original

        try:
            task = self._workers.task_input(self._store.objects.path_for(sha256))
            future = self._workers.executor().submit(analyse_original, task, self._limits)
        except Exception as exc:  # the pool is gone: each file fails, the run goes on
            from concurrent.futures import Future

            future = Future()
            future.set_exception(exc)
        self._pending[sha256] = future
        self._running.add(future)

    def reorder(self, order: list[str]) -> None:
        """Send the analyses not yet sent in ``order``, the order the writer asks for them.

        They were handed out in the order the paths came; left so, the writer would wait for
        the file it needs next (sent ahead of its turn, behind those in flight) while the
        workers analyse the ones it needs last, and write those last, alone, after the
        workers had finished.
        """
        rank = {sha256: k for k, sha256 in enumerate(order)}
        waiting = [sha256 for sha256 in self._queue if sha256 in self._queued]
        self._queue = deque(sorted(waiting, key=lambda sha256: rank.get(sha256, len(rank))))

    def of(self, sha256: str) -> Analysis | ArchiveError:
        if sha256 in self._queued:  # the writer waits for it: it goes ahead of its turn
            self._send(sha256)
        pending = self._pending.pop(sha256, None)
        if pending is None:
            from .workers import analyse_original

            return analyse_original(str(self._store.objects.path_for(sha256)), self._limits)
        from concurrent.futures import FIRST_COMPLETED, wait

        while not pending.done():  # the others' results free slots for the queue meanwhile
            wait(self._running | {pending}, return_when=FIRST_COMPLETED)
            self._send_more()
        try:
            return pending.result()
        except Exception as exc:  # the worker, not the file: it died, or the cluster went
            return ArchiveError(f"was not analysed: the worker was lost "
                                f"({type(exc).__name__}: {exc})",
                                hint="ingest the file again")

    def __enter__(self) -> _Analyses:
        return self

    def __exit__(self, *exc: object) -> None:
        for pending in self._pending.values():
            pending.cancel()


def _analysed(
    store: Store, loaded: list[_Loaded], analyses: _Analyses
) -> Iterator[tuple[_Loaded, Analysis | ArchiveError | None]]:
    """Each file with its analysis, in order; ``None`` for bytes the archive already has.

    New contents are analysed once; a copy of a file given twice in one run gets the first
    copy's analysis or error.
    """
    # Identical bytes are adjacent: a copy of a file that failed fails the same way.
    last: tuple[str, Analysis | ArchiveError] | None = None
    for item in loaded:
        if last is not None and last[0] == item.sha256:
            yield item, last[1]
        elif store.file_source(item.sha256) is not None:
            yield item, None
        else:
            analysis = analyses.of(item.sha256)
            last = (item.sha256, analysis)
            yield item, analysis


def _ingest_one(
    store: Store,
    item: _Loaded,
    analysis: Analysis | ArchiveError | None,
    ingest_id: int,
    sidecars: SidecarDir | None,
    source_key: str | None,
    known: SourceShingles | None,
    events: EventBatch,
) -> FileOutcome:
    present = store.file_source(item.sha256)
    if present is not None:
        events.add(EventWrite("duplicate", "already present", {"name": recorded_name(item.path)}),
                   present, item.sha256)
        return FileOutcome(item.shown, DUPLICATE, item.sha256, present,
                           reason=f"same bytes as a file of {present}")
    if isinstance(analysis, ArchiveError):
        raise analysis
    if analysis is None:  # the same bytes were just written under another name
        raise ArchiveError("was not analysed", hint="please report this file")
    from .identify import identify
    from .planning import file_plan

    identity = identify(store, analysis, source_key, known)
    plan = file_plan(store, item.path, analysis, identity, sidecars)
    store.write_file(plan, ingest_id, _stem_text())
    if known is not None:
        known.forget(identity.key)  # its live text has just changed
    status: FileStatus = NEW if identity.new_source else NEW_VERSION
    return FileOutcome(item.shown, status, item.sha256, identity.key,
                       paragraphs=len(plan.paragraphs), reason=identity.reason,
                       warnings=analysis.warnings)
