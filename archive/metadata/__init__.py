"""Bibliographic metadata with the origin of every value.

Pipeline position: ``Document`` + ``Segmentation`` ──extract_candidates──► ``Candidate``\\*
──merge──► ``SourceMetadata`` (+ which candidates were used). Curated YAML sidecars enter as
candidates too (``parse_sidecar``) and always win; ``render_sidecar`` writes one pre-filled
for a person to correct.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import lazy_names

# A module named like the function it holds is imported here: importing it anywhere would
# otherwise leave the package attribute naming the module, not the function.
from .merge import field_origins, merge

if TYPE_CHECKING:
    from .classes import facets, grnti_top, is_grnti, is_udc, udc_top
    from .extract import extract_candidates
    from .render import render_sidecar
    from .sidecar import SIDECAR_FIELDS, parse_sidecar

# Each name is imported from its module when first used, so that a caller needing one
# small part (a citation needs one display helper) does not load the extractors.
_HOMES = {
    "facets": "classes",
    "grnti_top": "classes",
    "is_grnti": "classes",
    "is_udc": "classes",
    "udc_top": "classes",
    "extract_candidates": "extract",
    "render_sidecar": "render",
    "SIDECAR_FIELDS": "sidecar",
    "parse_sidecar": "sidecar",
}


__getattr__ = lazy_names(__name__, _HOMES, globals())


__all__ = [
    "SIDECAR_FIELDS",
    "extract_candidates",
    "facets",
    "field_origins",
    "grnti_top",
    "is_grnti",
    "is_udc",
    "merge",
    "parse_sidecar",
    "render_sidecar",
    "udc_top",
]
