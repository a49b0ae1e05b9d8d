"""archive: a document archive and provenance tracker.

Ingest PDFs and text copies of sources, keep their original bytes, extract metadata and clean
citable paragraphs with stable IDs, and publish everything through Datasette.
"""

__version__ = "0.1.0"
