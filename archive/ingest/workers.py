"""Where an ingest's analyses run: processes on this machine, or a Dask cluster.

Either way the ingest sees a ``concurrent.futures.Executor`` and hands it
``analyse_original``; the single writer stays in the ingesting process. The two differ only
in what a task is given: a local process reads the stored original itself (only its path
crosses the pipe), a worker on another machine gets the bytes.

``distributed`` is imported only by ``connect``, so commands that never reach a cluster do
not pay for it.
"""

from __future__ import annotations

import os
from abc import ABC, abstractmethod
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ArchiveError, ClusterError, UnreadablePathError
from ..limits import DEFAULT_LIMITS, Limits
from .analyse import Analysis, analyse

if TYPE_CHECKING:
    from concurrent.futures import Executor


def analyse_original(
    original: str | bytes, limits: Limits = DEFAULT_LIMITS
) -> Analysis | ArchiveError:
    """Analyse a stored original (its path, or its bytes); runs in a worker, so errors come
    back as values."""
    try:
        data = Path(original).read_bytes() if isinstance(original, str) else original
        return analyse(data, limits)
    except ArchiveError as exc:
        return exc
    except OSError as exc:
        return UnreadablePathError(f"cannot read stored object: {exc.strerror or exc}")
    except Exception as exc:  # a defect on one odd file must not stop the other files
        return ArchiveError(f"could not be analysed ({type(exc).__name__}: {exc})",
                            hint="please report this file")


class Workers(ABC):
    """A pool of workers for one ingest: started when the first new file needs it."""

    @property
    @abstractmethod
    def slots(self) -> int:
        """How many analyses run at once (the ingest keeps a few more than this queued)."""

    @abstractmethod
    def executor(self) -> Executor:
        """The pool's executor; the first call starts it."""

    @abstractmethod
    def task_input(self, stored: Path) -> str | bytes:
        """What ``analyse_original`` is given for the original stored at ``stored``."""

    @abstractmethod
    def close(self) -> None:
        """Stop the workers; analyses not yet made are cancelled."""

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class Processes(Workers):
    """``--jobs N``: worker processes on this machine, at most one per core."""

    def __init__(self, jobs: int) -> None:
        self._jobs = max(1, min(jobs, os.cpu_count() or 1))
        self._pool: Executor | None = None

    @property
    def slots(self) -> int:
        return self._jobs

    def executor(self) -> Executor:
        if self._pool is None:
            from concurrent.futures import ProcessPoolExecutor

            # Each worker stays for the run, so it imports the stages and loads a model (the
            # language identifier, Russian word forms) once, when a file first needs it:
            # loading them all up front cost a second a worker on text that needs neither.
            self._pool = ProcessPoolExecutor(max_workers=self._jobs)
        return self._pool

    def task_input(self, stored: Path) -> str:
        return str(stored)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)


class Cluster(Workers):
    """``--cluster ADDRESS``: the workers of a Dask cluster, on this machine or others."""

    def __init__(self, address: str, client: Any) -> None:
        self.address = address
        self._client = client
        self._executor: Any = None
        # Counted once: workers that join later share the queue, they do not lengthen it.
        self._slots: int = max(1, sum(client.nthreads().values()))

    @property
    def slots(self) -> int:
        return self._slots

    def executor(self) -> Executor:
        if self._executor is None:
            # Not ``pure``: a task's key is then not a hash of its (possibly large) input.
            self._executor = self._client.get_executor(pure=False)
        executor: Executor = self._executor
        return executor

    def task_input(self, stored: Path) -> bytes:
        return stored.read_bytes()

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=False)  # cancels what is still queued
        self._client.close()


def software() -> dict[str, str]:
    """This package's version and the versions of what it requires, as installed here."""
    from ..distribution import pinned_requirements

    found = {"archive": metadata.version("archive")}
    for requirement in pinned_requirements():
        name = requirement.split("==")[0].strip()
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = "missing"
    return found


def connect(address: str) -> Cluster:
    """Connect to the Dask scheduler at ``address`` and check that its workers run the same
    software as this machine (the same bytes must give the same paragraphs wherever they
    are analysed).

    Raises ``ClusterError`` naming the address when it is malformed or unreachable (within
    Dask's ``distributed.comm.timeouts.connect``), when no worker joins in that time, or
    when a worker's software differs.
    """
    import asyncio

    from dask.config import get
    from dask.utils import parse_timedelta
    from distributed import Client

    timeout = parse_timedelta(get("distributed.comm.timeouts.connect"))
    try:
        # Knocked on first: a Client that fails to connect lingers and stalls the exit.
        asyncio.run(_knock(address, timeout))
        client = Client(address, set_as_default=False, timeout=timeout)
    except (OSError, ValueError, TypeError) as exc:
        raise ClusterError(f"cannot reach the Dask cluster at {address!r}: {exc}") from exc
    try:
        _check_workers(address, client, timeout)
    except BaseException:
        client.close()
        raise
    return Cluster(address, client)


async def _knock(address: str, timeout: float) -> None:
    from distributed.comm.core import connect

    comm = await connect(address, timeout=timeout)
    await comm.close()


def _check_workers(address: str, client: Any, timeout: float) -> None:
    try:
        client.wait_for_workers(1, timeout=timeout)
        theirs: dict[str, dict[str, str]] = client.run(software)
    except (OSError, TimeoutError) as exc:
        raise ClusterError(f"the Dask cluster at {address!r} has no workers: {exc}") from exc
    except Exception as exc:  # a worker that cannot import this package, or died
        raise ClusterError(f"the workers of the Dask cluster at {address!r} cannot run "
                           f"archive ({type(exc).__name__}: {exc})") from exc
    ours = software()
    for worker, found in sorted(theirs.items()):
        for name, version in ours.items():
            if found.get(name) != version:
                raise ClusterError(
                    f"the Dask worker {worker} of {address!r} has {name} "
                    f"{found.get(name, 'missing')}, this machine {version}",
                    hint="install the same versions on every worker")
