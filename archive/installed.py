"""The version of an installed distribution, as ``importlib.metadata.version`` gives it.

Every ingest asks (the word-form index's version names its stemmer's and dictionaries'), and
importing ``importlib.metadata``, with the email parser and zip reader it reads metadata
with, costs more than ingesting a folder the archive already has. So the common case is read
here: the first ``*.dist-info`` (or ``*.egg-info``) directory on ``sys.path`` that
importlib.metadata would find for the name, and the ``Version`` field of its ``METADATA``,
where it is a plain header line. Anything else (a zip on the path, an older layout, a
folded or odd header, another finder of distributions first) is left to importlib.metadata
itself, so the answer is always the one it gives.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence
from importlib.machinery import PathFinder

# A header line's name as the email parser reads one: printable ASCII but the colon.
_HEADER_NAME = re.compile(r"[\041-\071\073-\176]+")


def versions(names: Sequence[str], missing: str) -> list[str]:
    """The installed version of each distribution of ``names`` (one look along the path for
    all of them); ``missing`` for one that is not installed."""
    found = _read(names)
    return [found.get(name) or _from_importlib_metadata(name, missing) for name in names]


def _from_importlib_metadata(name: str, missing: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return missing


def _read(names: Sequence[str]) -> dict[str, str]:
    """The versions of those of ``names`` the common case holds for; the others are for
    importlib.metadata to answer."""
    if not _path_finds_first():
        return {}
    wanted = {_normalized(name): name for name in names if name}
    infos: dict[str, str] = {}  # by wanted name: the first metadata directory found
    for entry in sys.path:
        if len(infos) == len(wanted):
            break
        if not isinstance(entry, str):
            break
        try:
            children = os.listdir(entry or ".")
        except FileNotFoundError:
            continue  # importlib.metadata finds nothing there either
        except OSError:
            break  # a zip archive, or a folder it may read otherwise
        if os.path.basename(entry).lower().endswith(".egg"):
            break  # an egg's own metadata: its layout is importlib.metadata's to read
        for child in children:
            low = child.lower()
            if low.endswith((".dist-info", ".egg-info")):
                # As importlib.metadata's lookup: the name before the first hyphen, normalised.
                key = _normalized(low.rpartition(".")[0].partition("-")[0])
                if key in wanted and key not in infos:
                    infos[key] = os.path.join(entry, child)
    found = {wanted[key]: _version_of(info) for key, info in infos.items()}
    return {name: value for name, value in found.items() if value is not None}


def _path_finds_first() -> bool:
    """Whether importlib.metadata asks the path first: the first finder on ``sys.meta_path``
    that finds distributions is the standard library's path finder. (One after it is asked
    only for a name the path does not have, which is left to importlib.metadata; the
    ``importlib_metadata`` backport, once imported, takes the path finder's part away.)"""
    finders = (finder for finder in sys.meta_path if hasattr(finder, "find_distributions"))
    return next(finders, None) is PathFinder


def _normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower().replace("-", "_")


def _version_of(info: str) -> str | None:
    try:
        # Text mode, as importlib.metadata reads it: every line ending becomes "\n".
        with open(os.path.join(info, "METADATA"), encoding="utf-8") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError):
        return None
    return _version_field(text)


def _version_field(text: str) -> str | None:
    """The first ``Version`` header's value as ``email.message_from_string`` reads it (the
    rest of the line after the colon, spaces and tabs before it dropped); None where that
    parser could read the headers otherwise: a line that is no plain header before the
    blank line that ends them, or a value folded onto the next line."""
    found: str | None = None
    folded_into_version = False
    for line in text.split("\n"):
        if not line:
            break  # the blank line that ends the headers, or the end of the text
        if line[0] in " \t":  # the header above continues on this line
            if folded_into_version:
                return None
            continue
        name, colon, value = line.partition(":")
        if not colon or not _HEADER_NAME.fullmatch(name):
            return None
        folded_into_version = False
        if found is None and name.lower() == "version":
            found = value.lstrip(" \t")
            folded_into_version = True
    return found
