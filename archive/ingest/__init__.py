"""Ingestion: files in, sources and paragraphs out.

``analyse`` is the pure half (the stages on one file's bytes; what worker processes run);
``inputs`` (the paths given), ``identify`` (which source, which labels), ``planning`` (one
file's write plan), ``sidecars`` (curated metadata), ``workers`` (where analyses run:
processes here or a Dask cluster) and ``run`` (an ingest run, ``ingest_paths``) are the half
that keeps and writes.

This file imports nothing: a worker loads ``analyse`` alone, and a folder ingested again
loads no stage.
"""
