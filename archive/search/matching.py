"""Which full-text index a search reads, and its MATCH expressions, best tier first."""

from __future__ import annotations

from .query import keyboard_query, match_query, stem_query


def tiers(
    query: str, exact: str = "", table: str = "paragraphs"
) -> tuple[str, list[str]] | None:
    """The full-text index and the MATCH expressions (best tier first) of a search of
    ``table`` (``paragraphs`` or ``sources``): every form of the words, then their
    Russian-keyboard spellings of Kazakh; or, with ``exact``, the words as written. None
    when there is nothing to search for."""
    if query:
        keyboard = keyboard_query(query)
        return f"{table}_stems", [stem_query(query), *([keyboard] if keyboard else [])]
    if exact:
        return f"{table}_fts", [match_query(exact)]
    return None
