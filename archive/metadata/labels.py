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

# The name of a section opening the text (``1. Introduction``, ``II. BACKGROUND``), with its
# number if any: no word of a title and no author's name.
SECTION_NUMBER = r"(?:[IVX]{1,4}|\d{1,2})\.?\s+"
SECTION_NAMES = (
    r"introduction|background|overview|motivation|nomenclature|preliminaries|methods?|results"
    r"|discussion|conclusions?|references|bibliography|acknowledge?ments?|contents"
    r"|table\s+of\s+contents|preface|foreword|glossary|index|appendix|disclaimer"
    r"|copyright(?:\s+notice)?|licen[cs]e(?:\s+agreement)?"
    r"|введение|заключение|предисловие|содержание|оглавление|лицензия"
    r"|кіріспе|қорытынды|алғы\s+сөз|мазмұны"
)


# A line that is a section's name and nothing else ("COPYRIGHT NOTICE", "2. Results"): a
# heading, never a title or anyone's name.
SECTION_LINE = re.compile(rf"^\s*(?:{SECTION_NUMBER})?(?:{SECTION_NAMES})\s*[.:]?\s*$",
                          re.IGNORECASE)


def _labels(labels: tuple[tuple[str, str], ...], tail: str) -> re.Pattern[str]:
    """One pattern for all of ``labels``, each a group of its own, in their order.

    Every line is asked, so one match replaces a match per label. Alternatives are tried
    in order, each with the tail, so the first label that matches is the one a match per
    label would find (a label starts with a letter: the spaces before it are all taken).
    """
    alternatives = "|".join(f"({pattern})" for pattern, _ in labels)
    return re.compile(rf"^\s*(?:{alternatives}){tail}", re.I)


def _language(match: re.Match[str], labels: tuple[tuple[str, str], ...]) -> str:
    """The language of the label ``match`` (of ``_labels(labels, …)``) found."""
    return next(lang for (_, lang), found in zip(labels, match.groups(), strict=False)
                if found is not None)


_KW_RE = _labels(KEYWORD_LABELS, r"\s*[:.—–-]\s*(?P<rest>.*)$")
_ABS_RE = _labels(ABSTRACT_LABELS, r"\s*(?:[:.—–-]\s*(?P<rest>.*))?$")
_MAX_KEYWORD_CHARS = 800


def keyword_label(text: str) -> tuple[str, str] | None:
    """``(language, text after the label)`` when ``text`` starts with a keywords label."""
    match = _KW_RE.match(text)
    if match is None:
        return None
    return _language(match, KEYWORD_LABELS), match.group("rest")


def abstract_label(text: str) -> tuple[str, str] | None:
    match = _ABS_RE.match(text)
    if match is None:
        return None
    return _language(match, ABSTRACT_LABELS), match.group("rest") or ""


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
