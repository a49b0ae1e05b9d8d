"""A group of lines set apart from the reading flow (``archive.segment.apart``): where it
stands among the cleaned lines, and the role its paragraph takes."""

from __future__ import annotations

from dataclasses import dataclass

from archive.models import Role


@dataclass(frozen=True, slots=True)
class Apart:
    positions: tuple[int, ...]  # in the cleaned line list
    role: Role  # "code", "footnote", "caption", "table", "figure", "front_matter", "body"
    # A table set without rules, whose cells' wrapped lines join their rows
    # (``archive.segment.tables``); other tables keep their lines as printed.
    unruled: bool = False
