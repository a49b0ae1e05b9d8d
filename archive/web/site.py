"""Site metadata: title, description, licence and column descriptions.

Datasette 1.0a41 reads these from its internal metadata tables, not from ``datasette.yaml``;
the plugin's startup hook writes them there. A deployment can change the instance-level
values under ``plugins: archive:`` in ``datasette.yaml`` (same keys as ``INSTANCE``), and
anything already set by ``--metadata`` is left alone.
"""

from __future__ import annotations

from typing import Any

INSTANCE: dict[str, str] = {
    "title": "Document archive",
    "description_html": (
        "<p>Journal articles, news items and other sources in Kazakh, Russian and English, "
        "split into paragraphs with stable IDs that can be cited and will always resolve."
        "</p><p>Search the <a href=\"/archive/paragraphs\">paragraphs</a> or the "
        "<a href=\"/archive/sources\">sources</a>; find every form of a word with "
        "<a href=\"/archive/word_forms\">word-form search</a>; resolve any paragraph ID, "
        "old ones included, at <code>/-/p/&lt;ID&gt;</code>.</p>"
    ),
    "license": "Software AGPL-3.0-or-later; each document keeps its own rights",
    "license_url": "https://www.gnu.org/licenses/agpl-3.0.html",
    "source": "The publishers named on each source",
    "source_url": "/archive/sources",
}

TABLES: dict[str, str] = {
    "sources": "One row per work (article, news item), however many files it came in.",
    "paragraphs": (
        "Paragraphs of every source (seq is the reading order within a source). The ID is "
        "<source key>-p<label>, cited in prose as "
        "“<source key> ¶<label>”; IDs are never reused, and vanished paragraphs stay as "
        "tombstones."
    ),
    "paragraph_versions": "Lineage: every text a paragraph ID has had, file by file.",
    "files": "Exact files (by SHA-256) and the source each belongs to.",
    "metadata_values": "Every metadata value found, where it came from, and which was chosen.",
    "artifacts": "Running headers, footers and page numbers removed from the text.",
    "events": "What happened to each source and file (ingestion, duplicates, fixity checks).",
    "ingests": "Ingest runs with their tool version and counts.",
}

COLUMNS: dict[str, dict[str, str]] = {
    "sources": {
        "key": "Source key: first author's family name (romanised) and year, or site and "
        "date; minted once and never changed.",
        "title": "Title in the source's main language.",
        "titles": "Titles in every language found, as JSON {lang: title}.",
        "authors": "Authors as JSON: family, given, affiliation, e-mail, ORCID.",
        "author_names": "Authors' display names (JSON list; faceted as an array).",
        "year": "Year of publication.",
        "date": "Date of publication (ISO 8601), when known.",
        "doi": "Digital Object Identifier.",
        "udc": "UDC (УДК) classification codes, JSON list.",
        "udc_classes": "Top-level UDC classes of the codes.",
        "grnti": "GRNTI (ГРНТИ / МРНТИ) codes, JSON list.",
        "grnti_classes": "Top-level GRNTI subject classes of the codes.",
        "bbk": "BBK (ББК) codes, JSON list.",
        "journal": "Journal or site the source appeared in.",
        "volume": "Journal volume.",
        "issue": "Journal issue.",
        "cumulative_issue": "The journal's running issue number (105 in № 4 (105)).",
        "first_page": "First printed page.",
        "last_page": "Last printed page.",
        "language": "Main language (ISO 639-1).",
        "languages": "Every language with text in the source.",
        "kind": "Kind of work (journal article, news item, …).",
        "keywords": "Keywords per language, JSON {lang: [..]}.",
        "abstracts": "Abstracts per language, JSON {lang: text}.",
        "keywords_text": "All keywords as plain text, for search.",
        "abstracts_text": "All abstracts as plain text, for search.",
        "publisher": "Publisher.",
        "url": "Where the source was published online: the page's canonical address, else "
        "the address it was captured from.",
        "captured": "Access date of a web source: its earliest capture (a WARC's or MHTML's "
        "capture time, else the day the archive first saw the file).",
        "display_title": "The title as pages and facets show it: the title, or for a work "
        "without one a title devised from its first words, in square brackets.",
        "modified": "When a web page says it was last changed (its date is the publication).",
        "description": "The summary a web page gives of itself (for previews, search engines).",
        "section": "The site's section a web page is filed under (Общество, Politics).",
        "paragraph_count": "Number of live paragraphs.",
        "created_at": "When the source was first ingested (UTC).",
        "updated_at": "When the source last changed (UTC).",
    },
    "files": {
        "url": "The address a web capture (WARC, MHTML) fetched the page from.",
        "captured_at": "When a WARC or MHTML capture fetched the page (UTC).",
        "http_status": "The HTTP status the server answered a WARC capture with.",
    },
    "paragraphs": {
        "id": "Paragraph ID: <source key>-p<label>. Cite it; it will always resolve at "
        "/-/p/<ID>.",
        "source": "The source this paragraph belongs to.",
        "label": "Label within the source: 1..N in first reading order; a letter marks a "
        "paragraph added later (6b).",
        "seq": "Position in the current reading order.",
        "page": "Printed page number when known, else the physical page.",
        "role": "What the paragraph is: body, heading, abstract, keywords, list item, "
        "caption, reference, front matter, or foreign (text from another document).",
        "lang": "Language of the paragraph (ISO 639-1).",
        "section": "Heading of the section it is in.",
        "text": "The paragraph's current text.",
        "status": "live, or a tombstone: deleted, merged (into another) or split.",
        "fingerprint": "Hash of the normalised text, used to carry labels between files.",
        "file_sha256": "The file the current text comes from.",
        "first_text": "The text when the ID was first issued, if an edit has changed it since "
        "(empty: the text is still the first one).",
        "updated_at": "When the paragraph last changed (UTC).",
    },
    "paragraph_versions": {
        "paragraph_id": "The paragraph this entry is about.",
        "text": "The text this file gave the paragraph, stored once it differs from the "
        "paragraph's text (empty: the paragraph's current text; for a tombstone, none).",
        "match_kind": "How the label was carried to this file: new, exact, moved, split, "
        "merged, fuzzy, restored; or deleted, merged, split for a tombstone.",
        "related": "Other paragraph IDs involved (what it was split into or merged with).",
    },
}


def instance_metadata(overrides: dict[str, Any] | None) -> dict[str, str]:
    """The instance metadata to publish: the defaults with the deployment's overrides."""
    values = dict(INSTANCE)
    for key, value in (overrides or {}).items():
        if key in INSTANCE or key in {"description", "about", "about_url"}:
            values[key] = str(value)
    if overrides and "description" in overrides and "description_html" not in overrides:
        # A plain description replaces the default HTML one rather than sitting under it.
        values.pop("description_html", None)
    return values
