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
from importlib.machinery import PathFinder

# A header line's name as the email parser reads one: printable ASCII but the colon.
_HEADER_NAME = re.compile(r"[\041-\071\073-\176]+")


def version(name: str, missing: str) -> str:
    """The installed version of distribution ``name``; ``missing`` when it is not
    installed."""
    found = _read(name)
    if found is not None:
        return found
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as metadata_version

    try:
        return metadata_version(name)
    except PackageNotFoundError:
        return missing


def _read(name: str) -> str | None:
    """The version where the common case holds; None for importlib.metadata to answer."""
    if not name or not _path_finds_first():
        return None
    wanted = _normalized(name)
    for entry in sys.path:
        if not isinstance(entry, str):
            return None
        try:
            children = os.listdir(entry or ".")
        except FileNotFoundError:
            continue  # importlib.metadata finds nothing there either
        except OSError:
            return None  # a zip archive, or a folder it may read otherwise
        if os.path.basename(entry).lower().endswith(".egg"):
            return None  # an egg's own metadata: its layout is importlib.metadata's to read
        for child in children:
            low = child.lower()
            # As importlib.metadata's lookup: the name before the first hyphen, normalised.
            if (low.endswith((".dist-info", ".egg-info"))
                    and _normalized(low.rpartition(".")[0].partition("-")[0]) == wanted):
                return _version_of(os.path.join(entry, child))
    return None


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
