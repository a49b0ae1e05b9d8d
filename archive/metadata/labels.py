"""Labels that introduce keywords and abstracts, per language, and the reading of keyword lists."""

from __future__ import annotations

import re

from .rows import Row, Rows, join_lines

# Label → language. Order matters only for readability; every pattern is anchored.
KEYWORD_LABELS: tuple[tuple[str, str], ...] = (
    (r"Түйін(?:ді)?\s+сөздер", "kk"),
    (r"Кілт(?:ті)?\s+сөздер", "kk"),
    (r"Ключевые\s+слова", "ru"),
    (r"Key[\s-]*words", "en"),
    (r"Index\s+terms", "en"),
)
ABSTRACT_LABELS: tuple[tuple[str, str], ...] = (
    (r"Аңдатпа", "kk"),
    (r"Андатпа", "kk"),
    (r"Түйіндеме", "kk"),
    (r"Түйін", "kk"),
    (r"Аннотация", "ru"),
    (r"Резюме", "ru"),
    (r"Abstract", "en"),
    (r"Summary", "en"),
    (r"Annotation", "en"),
)
_KW_RE = [
    (re.compile(rf"^\s*{pat}\s*[:.—–-]\s*(?P<rest>.*)$", re.I), lang)
    for pat, lang in KEYWORD_LABELS
]
_ABS_RE = [
    (re.compile(rf"^\s*{pat}\s*(?:[:.—–-]\s*(?P<rest>.*))?$", re.I), lang)
    for pat, lang in ABSTRACT_LABELS
]
_MAX_KEYWORD_CHARS = 800


def keyword_label(text: str) -> tuple[str, str] | None:
    """``(language, text after the label)`` when ``text`` starts with a keywords label."""
    for pattern, lang in _KW_RE:
        match = pattern.match(text)
        if match:
            return lang, match.group("rest")
    return None


def abstract_label(text: str) -> tuple[str, str] | None:
    for pattern, lang in _ABS_RE:
        match = pattern.match(text)
        if match:
            return lang, match.group("rest") or ""
    return None


def read_keywords(rows: Rows, start: int) -> tuple[str, list[str], int]:
    """The keyword list starting at ``rows.rows[start]``: language, keywords, rows used.

    The list may wrap over several lines; it ends at a final period, a blank line, another
    label, or a running header.
    """
    all_rows = rows.rows
    first = all_rows[start]
    found = keyword_label(first.text)
    assert found is not None
    lang, rest = found
    parts = [rest]
    end = start + 1
    while (
        not parts[-1].rstrip().endswith(".")
        and end < len(all_rows)
        and _continues(all_rows[end], all_rows[end - 1])
        and not rows.is_noise(all_rows[end])
        and sum(len(p) for p in parts) < _MAX_KEYWORD_CHARS
    ):
        parts.append(all_rows[end].text)
        end += 1
    text = join_lines(parts, rows.compounds)
    return lang, split_keywords(text), end - start


def _continues(row: Row, previous: Row) -> bool:
    if row.blank_before or row.index != previous.index + 1:
        return False
    return keyword_label(row.text) is None and abstract_label(row.text) is None


def split_keywords(text: str) -> list[str]:
    """Split on ``,`` or ``;`` (``;`` wins when present, as commas then sit inside keywords)."""
    text = text.strip().rstrip(".").strip()
    separator = ";" if ";" in text else ","
    words = [w.strip().rstrip(".").strip() for w in text.split(separator)]
    return [w for w in words if w]
