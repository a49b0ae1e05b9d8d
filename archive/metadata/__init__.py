"""Bibliographic metadata with the origin of every value.

Pipeline position: ``Document`` + ``Segmentation`` ──extract_candidates──► ``Candidate``\\*
──merge──► ``SourceMetadata`` (+ which candidates were used). Curated YAML sidecars enter as
candidates too (``parse_sidecar``) and always win; ``render_sidecar`` writes one pre-filled
for a person to correct.
"""

from __future__ import annotations

from .classes import facets, grnti_top, is_grnti, is_udc, udc_top
from .extract import extract_candidates
from .merge import field_origins, merge
from .render import render_sidecar
from .sidecar import SIDECAR_FIELDS, parse_sidecar

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
