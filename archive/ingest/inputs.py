"""The paths given to ``archive ingest``: the files under them, how their names are shown
and recorded, and their bytes read up to a limit. Special files (pipes, devices, sockets),
broken links and loops of links are named for what they are and never opened."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import ArchiveError, TooLargeError, UnreadablePathError


def collect_files(
    paths: Iterable[Path], _seen: set[Path] | None = None
) -> Iterator[tuple[Path, ArchiveError | None]]:
    """Every file under ``paths``; unreadable entries come back with their error.

    Paths named explicitly are always taken; inside folders, hidden entries (``.git``,
    ``.DS_Store``) are skipped, and a folder reached twice through links is read once.
    """
    seen = set() if _seen is None else _seen
    for path in paths:
        if path.is_dir():
            real = path.resolve()
            if real in seen:
                continue
            seen.add(real)
            try:
                children = sorted(path.iterdir())
            except OSError as exc:
                yield path, UnreadablePathError(f"cannot read directory: {exc.strerror or exc}")
                continue
            yield from collect_files((c for c in children if not c.name.startswith(".")), seen)
        elif path.is_file():
            yield path, None
        else:
            reason = _not_a_file(path)
            hint = _SPECIAL_FILE_HINT if reason.endswith(_NOT_REGULAR) else None
            yield path, UnreadablePathError(reason, hint=hint)


def _not_a_file(path: Path) -> str:
    """Why ``path`` is neither a folder nor a file to read. A pipe or a device is never
    opened: reading one would wait for a writer, or never end."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a loop of symbolic links"
        if path.is_symlink():
            return "a broken symbolic link (its target does not exist)"
        if exc.errno == errno.ENOENT:
            return "no such file or directory"
        return f"cannot read: {exc.strerror or exc}"
    if stat.S_ISFIFO(mode):
        kind = "a named pipe (FIFO)"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = "a device"
    elif stat.S_ISSOCK(mode):
        kind = "a socket"
    else:
        kind = "something"
    return kind + _NOT_REGULAR


_NOT_REGULAR = ", not a regular file"
_SPECIAL_FILE_HINT = "archive reads regular files; save the content to a file first"


def recorded_name(path: Path) -> str:
    """A file's name as recorded: bytes that are not UTF-8 (a name from another system's
    encoding) kept as ``\\xff`` escapes, since the database holds text only."""
    return os.fsencode(path.name).decode("utf-8", "backslashreplace")

def shown_path(path: Path) -> str:
    """A path as messages show it: control characters (a newline in a file name would split
    a status line in two) escaped as in Python's string literals."""
    # Bytes that are not UTF-8 in the name are shown as ``\xff``, as the name is recorded.
    text = os.fsencode(str(path)).decode("utf-8", "backslashreplace")
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)

def read_at_most(path: Path, max_bytes: int) -> bytes:
    """The bytes of ``path``, refused without reading them whole when they are more than
    ``max_bytes`` (the size is checked on what is read, so a file that grows is caught)."""
    with path.open("rb") as handle:
        # As much as the file says it holds and a byte more, to see whether it goes on:
        # asking for the maximum at once would allocate all of it for every file.
        stated = os.fstat(handle.fileno()).st_size
        data = handle.read(min(stated, max_bytes) + 1)
        if len(data) > stated:  # it has grown since: read on, up to the maximum's byte more
            data += handle.read(max_bytes + 1 - len(data))
        size = max(len(data), os.fstat(handle.fileno()).st_size)
    if len(data) > max_bytes:
        raise TooLargeError(
            f"file too large: {_size(size)}, more than the maximum of {_size(max_bytes)}")
    return data


def _size(n: int) -> str:
    for unit, scale in (("MB", 2**20), ("KB", 2**10)):
        if n >= scale:
            return f"{n / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{n} bytes"
