"""This package as installed here: its pinned requirements, and a wheel of it that another
machine can install.

A published bundle's server needs the package for its Datasette plugin (registered by the
wheel's entry point) and everything the plugin imports. The wheel is made from the files
beside this module and the installed distribution's own metadata (its pinned requirements
and entry points), so it needs no source checkout and no build tools; its bytes depend on
those files alone (entries sorted, one fixed date), so publishing twice gives the same wheel.
"""

from __future__ import annotations

import base64
import hashlib
import zipfile
from importlib import metadata
from pathlib import Path

DISTRIBUTION = "archive"
PACKAGE = Path(__file__).resolve().parent
# Zip's earliest date: a wheel made today and one made tomorrow are the same bytes.
_DATE = (1980, 1, 1, 0, 0, 0)
_WHEEL = "Wheel-Version: 1.0\nGenerator: archive\nRoot-Is-Purelib: true\nTag: py3-none-any\n"


def wheel_name() -> str:
    return f"{DISTRIBUTION}-{metadata.version(DISTRIBUTION)}-py3-none-any.whl"


def _package_files() -> list[tuple[str, bytes]]:
    files = []
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            name = Path(PACKAGE.name, path.relative_to(PACKAGE)).as_posix()
            files.append((name, path.read_bytes()))
    return files


def _record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def write_wheel(folder: Path) -> Path:
    """Write the wheel into ``folder``; returns its path."""
    dist = metadata.distribution(DISTRIBUTION)
    info = f"{DISTRIBUTION}-{dist.version}.dist-info"
    entries = _package_files()
    entries += [
        (f"{info}/METADATA", (dist.read_text("METADATA") or "").encode()),
        (f"{info}/entry_points.txt", (dist.read_text("entry_points.txt") or "").encode()),
        (f"{info}/WHEEL", _WHEEL.encode()),
    ]
    record = [_record_line(name, data) for name, data in entries] + [f"{info}/RECORD,,"]
    entries.append((f"{info}/RECORD", ("\n".join(record) + "\n").encode()))
    path = folder / wheel_name()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as wheel:
        for name, data in entries:
            entry = zipfile.ZipInfo(name, date_time=_DATE)
            entry.external_attr = 0o644 << 16
            entry.compress_type = zipfile.ZIP_DEFLATED
            wheel.writestr(entry, data)
    return path


def pinned_requirements() -> list[str]:
    """The package's own requirements as it pins them (``name==version``), extras left out."""
    return [r for r in metadata.requires(DISTRIBUTION) or [] if ";" not in r]
