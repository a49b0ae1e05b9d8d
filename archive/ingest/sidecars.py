"""Curated metadata sidecars: ``<dir>/<source key>.yaml``, committed by people, read at ingest."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import SidecarError

if TYPE_CHECKING:
    from ..models import Candidate


class SidecarDir:
    """The folder of sidecars. Every ingest names one, and most read none of it: this module
    loads nothing but the path until a new file's sidecar is read."""

    __slots__ = ("path",)

    def __init__(self, path: Path) -> None:
        self.path = path

    def file_for(self, key: str) -> Path:
        return self.path / f"{key}.yaml"

    def display_name(self, key: str) -> str:
        """The name recorded as the origin: relative to the working directory when possible."""
        target = self.file_for(key)
        try:
            return str(target.resolve().relative_to(Path.cwd().resolve()))
        except ValueError:
            return f"{self.path.name}/{target.name}"

    def candidates_for(self, key: str) -> tuple[Candidate, ...]:
        """The sidecar's candidates, or () when the source has no sidecar."""
        from ..metadata import parse_sidecar

        target = self.file_for(key)
        if not target.is_file():
            return ()
        try:
            text = target.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise SidecarError(f"{target}: cannot read: {exc}") from exc
        return tuple(parse_sidecar(text, self.display_name(key)))
