"""Choose one value per field (and per language) from all candidates, and say which won.

Order of trust, highest first (the ``priority`` each reader gives its candidates):

    sidecar (always)  >  front matter 80  >  abstract 75  >  xmp 70  >  segmenter blocks 70
    >  DOI page suffix (corroborated) 65  >  last page of the work's own text 62
    >  running header/footer 60  >  title page 52
    >  title block 50  >  plain-text head 45-50  >  pdf-info 40  >  date line confirmed by
    the PDF's creation year 35  >  capture header 30  >  text 20  >  inferred 10

The container's authors are answered from the opening pages one step above them: as the
document spells them, or an empty list when the pages print them only as copyright holders.
Names read from a title page by shape alone drop just below the container's when the two
name nobody in common. A list of authors read from the text gives way to a longer one read
from the text that names the same people in the same order and more.

Ties go to the value more origins agree on, then to the earlier candidate. A sidecar value
of ``null`` wins too: it clears a wrongly extracted field.

Titles are kept as printed, with one exception: a title printed in capitals gives way to
the same words in normal case from another origin (XMP, PDF info, a sidecar), so the
printed title decides *what* the title is and the other origin only *how it is cased*.
Without such a twin the capitals stay: restoring case would mean guessing which words are
proper nouns and acronyms.

Per-language fields (``title``, ``journal``, ``keywords``, ``abstract``) are decided per
language. The main ``title``/``journal`` is a language-less candidate when there is one
(a sidecar's ``title:``), else the one in the main language, else the most trusted.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from ..models import Author, Candidate, SourceMetadata
from ..origins import InText
from .rows import is_caps

SIDECAR_PRIORITY = 1_000_000
PER_LANGUAGE = ("title", "journal", "keywords", "abstract")
_LIST_FIELDS = ("udc", "grnti", "bbk", "languages")
_INT_FIELDS = ("year", "first_page", "last_page")
_STR_FIELDS = (
    "date", "doi", "volume", "issue", "cumulative_issue", "language", "publisher", "url", "kind",
    "display_title", "modified", "description", "section",
)


def is_sidecar(cand: Candidate) -> bool:
    return cand.from_sidecar


def rank(cand: Candidate) -> int:
    return SIDECAR_PRIORITY if is_sidecar(cand) else cand.priority


def _key(value: Any) -> str:
    return repr(value)


def _winners(candidates: Sequence[Candidate]) -> dict[tuple[str, str | None], int]:
    groups: dict[tuple[str, str | None], list[int]] = defaultdict(list)
    for i, cand in enumerate(candidates):
        groups[(cand.field, cand.lang)].append(i)
    winners = {}
    for group, members in groups.items():
        support: dict[str, int] = defaultdict(int)
        for i in members:
            support[_key(candidates[i].value)] += 1
        winners[group] = max(
            members,
            key=lambda i: (rank(candidates[i]), support[_key(candidates[i].value)], -i),
        )
    return winners


def _prefer_normal_case(
    cands: list[Candidate], winners: dict[tuple[str, str | None], int]
) -> None:
    for (field, lang), i in winners.items():
        value = cands[i].value
        if field != "title" or is_sidecar(cands[i]) or not isinstance(value, str):
            continue
        if not is_caps(value):
            continue
        key = " ".join(value.split()).casefold()
        twins = [
            j for j, c in enumerate(cands)
            if c.field == field and c.lang == lang and isinstance(c.value, str)
            and " ".join(c.value.split()).casefold() == key and not is_caps(c.value)
        ]
        if twins:
            winners[(field, lang)] = max(twins, key=lambda j: (rank(cands[j]), -j))


def _families(value: Any) -> list[str]:
    return [str(a.get("family") or a.get("literal") or "").casefold()
            for a in value or [] if isinstance(a, dict)]


def _prefer_fuller_authors(
    cands: list[Candidate], winners: dict[tuple[str, str | None], int]
) -> None:
    """A list of authors read from the text gives way to a longer one read from the text
    that names the same people in the same order and more (a byline reader that read one
    block of four names, the title page's reader that read them all). A list the container
    records (XMP, PDF info) is the authors' own and gives way to none."""
    i = winners.get(("authors", None))
    # The container's list (XMP, PDF info) is the authors' own record, not a reading.
    if i is None or not isinstance(cands[i].origin, InText) or not cands[i].value:
        return
    won = _families(cands[i].value)
    fuller = [
        j for j, c in enumerate(cands)
        if c.field == "authors" and c.lang is None and isinstance(c.origin, InText)
        and c.priority >= _FULLER_FLOOR and len(_families(c.value)) > len(won)
        and _in_order(won, _families(c.value))
    ]
    if fuller:
        winners[("authors", None)] = max(fuller, key=lambda j: (rank(cands[j]), -j))


_FULLER_FLOOR = 50  # priority of the title page's and title block's readers


def _in_order(part: list[str], whole: list[str]) -> bool:
    rest = iter(whole)
    return bool(part) and all(name in rest for name in part)


def merge(candidates: Sequence[Candidate]) -> tuple[SourceMetadata, tuple[bool, ...]]:
    """The merged metadata and, per candidate, whether its value was the one used."""
    cands = list(candidates)
    winners = _winners(cands)
    _prefer_normal_case(cands, winners)
    _prefer_fuller_authors(cands, winners)
    chosen = [False] * len(cands)
    for i in winners.values():
        chosen[i] = True

    def value(field: str, lang: str | None = None) -> Any:
        i = winners.get((field, lang))
        return None if i is None else cands[i].value

    def per_lang(field: str) -> dict[str, Any]:
        out = {}
        for (f, lang), i in winners.items():
            if f == field and lang is not None and cands[i].value not in (None, "", []):
                out[lang] = cands[i].value
        return out

    language = value("language")
    titles = per_lang("title")
    journals = per_lang("journal")

    def main(field: str, by_lang: dict[str, Any]) -> Any:
        if (field, None) in winners:
            return value(field)
        if language in by_lang:
            return by_lang[language]
        best = [i for (f, lang), i in winners.items() if f == field and lang in by_lang]
        return cands[max(best, key=lambda i: (rank(cands[i]), -i))].value if best else None

    fields: dict[str, Any] = {
        "title": _str(main("title", titles)),
        "titles": titles,
        "journal": _str(main("journal", journals)),
        "journals": journals,
        "authors": tuple(_author(a) for a in (value("authors") or [])),
        "keywords": {lang: list(v) for lang, v in _keywords(winners, cands).items()},
        "abstracts": per_lang("abstract"),
    }
    for name in _LIST_FIELDS:
        fields[name] = tuple(str(v) for v in (value(name) or ()))
    for name in _INT_FIELDS:
        fields[name] = _int(value(name))
    for name in _STR_FIELDS:
        fields[name] = _str(value(name))
    # A date from a more trusted origin than the year's decides the year too.
    year_i, date_i = winners.get(("year", None)), winners.get(("date", None))
    date = fields["date"]
    date_wins = date_i is not None and (
        year_i is None or rank(cands[date_i]) > rank(cands[year_i])
    )
    if date and date_wins:
        fields["year"] = int(date[:4])
    return SourceMetadata(**fields), tuple(chosen)


def _keywords(
    winners: dict[tuple[str, str | None], int], cands: list[Candidate]
) -> dict[str, list[str]]:
    out = {}
    for (f, lang), i in winners.items():
        if f == "keywords" and cands[i].value:
            out[lang or "und"] = cands[i].value
    return out


def _str(v: Any) -> str | None:
    if v is None or v == "":
        return None
    return str(v)


def _int(v: Any) -> int | None:
    try:
        return None if v is None else int(v)
    except (TypeError, ValueError):
        return None


def _author(a: Any) -> Author:
    if isinstance(a, Author):
        return a
    if isinstance(a, str):
        return Author(literal=a)
    keys = ("family", "given", "literal", "affiliation", "email", "orcid")
    return Author(**{k: a.get(k) for k in keys})


def field_origins(
    candidates: Sequence[Candidate], chosen: Sequence[bool]
) -> dict[str, list[tuple[Any, str, bool]]]:
    """Every value each field was given, by whom, and whether it was used: for ``archive show``.

    Per-language fields are keyed ``field[lang]`` (``title[en]``), others by name; within a
    field the chosen value comes first, then by trust.
    """
    out: dict[str, list[tuple[Any, str, bool, int]]] = defaultdict(list)
    for cand, flag in zip(candidates, chosen, strict=True):
        key = f"{cand.field}[{cand.lang}]" if cand.lang else cand.field
        out[key].append((cand.value, str(cand.origin), bool(flag), rank(cand)))
    return {
        key: [(v, o, c) for v, o, c, _ in sorted(items, key=lambda t: (not t[2], -t[3]))]
        for key, items in out.items()
    }
