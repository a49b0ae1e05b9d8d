"""Keeping an ingested archive sound and current: curated sidecars applied
(``curation``), the originals checked against their hashes (``fixity``, ``archive verify``),
and an archive rebuilt from an exported bag (``restore``, ``archive import``).
"""
