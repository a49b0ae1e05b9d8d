"""A run of text on one baseline, as the PDF library reported it, and the column numbers."""

from __future__ import annotations

from dataclasses import dataclass

FULL_WIDTH = 0  # column number of single-column pages and of lines that span the gutter
LEFT = 1  # columns are numbered from the left; on a two-column page these are the two
RIGHT = 2


@dataclass(slots=True)
class Fragment:
    """One run of text on one baseline, as the PDF library reported it (mutable scratch)."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    size: float
    bold: bool
    block: int
    column: int = FULL_WIDTH
    # "code" (monospaced), "figure" (inside a drawing) or "cells" (a row of a table's cells);
    # see Line.kind
    kind: str | None = None
    raised: tuple[tuple[int, int], ...] = ()  # superscript character ranges; see Line.raised
    small: tuple[tuple[int, int], ...] = ()  # ranges in smaller type; see Line.small
    lead: int = 0  # characters of opening words set apart in bold or typewriter; see Line.lead
    baseline: float | None = None  # the dominant run's baseline; see Line.baseline
    cells: tuple[tuple[float, float], ...] = ()  # pieces an em apart: their edges; Line.cells

    @property
    def height(self) -> float:
        return self.y1 - self.y0


def reading_key(f: Fragment) -> tuple[float, float]:
    # The bottom edge, not the top, so a superscript sorts next to its own line.
    return (f.y1, f.x0)
