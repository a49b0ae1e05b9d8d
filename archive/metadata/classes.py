"""Top-level class names for UDC and GRNTI codes, for facets ("3 Social sciences").

The names ship as data files beside this module; each file's header cites its source.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from ..models import SourceFacets, SourceMetadata
from .patterns import is_grnti, is_udc

__all__ = ["facets", "grnti_top", "is_grnti", "is_udc", "udc_top"]


@cache
def _table(name: str) -> dict[str, str]:
    text = resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    table = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            code, _, caption = line.partition("\t")
            table[code.strip()] = caption.strip()
    return table


def udc_top(code: str) -> tuple[str, str] | None:
    """``("3", "Social sciences")`` for ``341.123``; None for a malformed or vacant code."""
    code = code.strip()
    if not is_udc(code):
        return None
    top = code[0]
    name = _table("udc_main_classes.tsv").get(top)
    if name is None or name.startswith("("):
        return None
    return top, name


def grnti_top(code: str) -> tuple[str, str] | None:
    """``("10", "Государство и право. Юридические науки")`` for ``10.87.68``; None if unknown."""
    code = code.strip()
    if not is_grnti(code):
        return None
    top = code[:2]
    name = _table("grnti_top.tsv").get(top)
    return (top, name) if name else None


def facets(metadata: SourceMetadata) -> SourceFacets:
    """Author names and the top classes of the source's UDC and GRNTI codes, for facets."""
    return SourceFacets(
        author_names=tuple(a.display_name for a in metadata.authors),
        udc_classes=tuple(sorted(
            {top[0] + " " + top[1] for c in metadata.udc if (top := udc_top(c))})),
        grnti_classes=tuple(sorted(
            {top[0] + " " + top[1] for c in metadata.grnti if (top := grnti_top(c))})),
    )
