"""YAML sidecars: a person's corrections to a source's metadata, which always win.

The format is documented for users in ``metadata/README.md``. Parsing keeps YAML line
numbers (``yaml.compose``) so that every complaint names the file, the line and the field;
string-typed fields take the scalar as written, so ``udc: 341.10`` stays ``"341.10"`` rather
than becoming the float 341.1.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..errors import SidecarError
from ..models import Candidate
from ..origins import Sidecar
from . import patterns as pt
from .labels import split_keywords
from .names import parse_name

__all__ = ["KINDS", "SIDECAR_FIELDS", "parse_sidecar"]

# Field → (candidate field, one-line description). Maps are keyed by language code.
SIDECAR_FIELDS: dict[str, tuple[str, str]] = {
    "title": ("title", "main title, as printed"),
    "titles": ("title", "title per language: {kk: …, ru: …, en: …}"),
    "authors": ("authors", "names, or mappings of family, given, affiliation, email, orcid"),
    "year": ("year", "year of publication"),
    "date": ("date", "publication date: YYYY, YYYY-MM or YYYY-MM-DD"),
    "doi": ("doi", "DOI, bare (10.xxxx/…) or as https://doi.org/…"),
    "udc": ("udc", "UDC codes (list, or one string split at ; or ,)"),
    "grnti": ("grnti", "GRNTI / МРНТИ codes"),
    "bbk": ("bbk", "ББК codes"),
    "journal": ("journal", "journal name, main form"),
    "journals": ("journal", "journal name per language"),
    "volume": ("volume", "volume"),
    "issue": ("issue", "issue number"),
    "cumulative_issue": ("cumulative_issue", "running issue number: 105 in № 4 (105)"),
    "first_page": ("first_page", "first printed page"),
    "last_page": ("last_page", "last printed page"),
    "language": ("language", "main language code (kk, ru, en, …)"),
    "languages": ("languages", "every language the source is written in"),
    "keywords": ("keywords", "keywords per language: {ru: [a, b], …}"),
    "abstracts": ("abstract", "abstract per language"),
    "publisher": ("publisher", "publisher or web site"),
    "url": ("url", "where the source is published"),
    "kind": ("kind", "CSL type: article-journal, article-newspaper, book, report, webpage, …"),
    "modified": ("modified", "last modification of a web page: YYYY, YYYY-MM or YYYY-MM-DD"),
    "description": ("description", "the summary a web page gives of itself"),
    "section": ("section", "the site's section the page is filed under"),
}
KINDS = frozenset(
    (
        "article", "article-journal", "article-magazine", "article-newspaper", "book",
        "chapter", "dataset", "document", "entry-encyclopedia", "legal_case", "legislation",
        "manuscript", "paper-conference", "post", "post-weblog", "report", "thesis", "webpage",
    )
)  # fmt: skip
AUTHOR_KEYS = ("family", "given", "literal", "affiliation", "email", "orcid")
_LANG = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
_NULL = "tag:yaml.org,2002:null"
# Country codes people write for languages; "kz" for Kazakh above all.
_COUNTRY_NOT_LANGUAGE = {"kz": "kk", "ua": "uk", "cz": "cs", "gr": "el", "jp": "ja", "cn": "zh"}
_TOP_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:")


class _Bad(Exception):
    def __init__(self, node: Node, problem: str) -> None:
        super().__init__(problem)
        self.line = node.start_mark.line + 1
        self.problem = problem


def parse_sidecar(text: str, name: str) -> tuple[Candidate, ...]:
    """Candidates from one sidecar, with origin ``sidecar <name>``.

    Raises ``SidecarError`` naming ``name``, the line and the field for bad YAML, an
    unknown field, a value of the wrong type, or an invalid DOI/UDC/GRNTI/ORCID/date.
    A field set to ``null`` gives a candidate with value None: it clears that field.
    """
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise _syntax(name, text, mark.line + 1 if mark else 1, str(exc.problem)) from exc
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow
        line = text[: exc.position].count("\n") + 1
        raise _syntax(name, text, line, exc.reason) from exc
    if root is None:
        return ()
    if not isinstance(root, MappingNode):
        raise SidecarError(f"{name}, line {root.start_mark.line + 1}: expected a mapping of fields")
    origin = Sidecar(name)
    out: list[Candidate] = []
    seen: set[str] = set()
    for key_node, value_node in root.value:
        field = str(key_node.value)
        line = key_node.start_mark.line + 1
        if field not in SIDECAR_FIELDS:
            known = ", ".join(SIDECAR_FIELDS)
            raise SidecarError(
                f"{name}, line {line}, field {field!r}: unknown field (known: {known})"
            )
        if field in seen:
            raise SidecarError(f"{name}, line {line}, field {field!r}: given twice")
        seen.add(field)
        try:
            for lang, value, at in _READERS[field](value_node):
                out.append(Candidate(SIDECAR_FIELDS[field][0], value, origin, lang=lang,
                                     detail=f"line {at}", priority=100))
        except _Bad as bad:
            raise SidecarError(f"{name}, line {bad.line}, field {field!r}: {bad.problem}") from None
    return tuple(out)


def _syntax(name: str, text: str, line: int, problem: str) -> SidecarError:
    field = _field_at(text, line)
    where = f", field {field!r}" if field else ""
    return SidecarError(f"{name}, line {line}{where}: not valid YAML: {problem}")


def _field_at(text: str, line: int) -> str | None:
    """The top-level field a syntax error is in: the nearest ``key:`` at or above it."""
    for raw in reversed(text.splitlines()[:line]):
        if match := _TOP_KEY.match(raw):
            return match.group(1)
    return None


Item = tuple[str | None, Any, int]


def _line(node: Node) -> int:
    return node.start_mark.line + 1


def _scalar(node: Node, what: str) -> str | None:
    if not isinstance(node, ScalarNode):
        shape = "list" if isinstance(node, SequenceNode) else "mapping"
        raise _Bad(node, f"expected {what}, got a {shape}")
    if node.tag == _NULL:
        return None
    return str(node.value)


def _string(node: Node) -> str | None:
    return _scalar(node, "a single value")


def _integer(node: Node) -> int | None:
    raw = _scalar(node, "a whole number")
    if raw is None:
        return None
    if not re.fullmatch(r"\d{1,6}", raw.strip()):
        raise _Bad(node, f"expected a whole number, got {raw!r}")
    return int(raw)


def _one(check: Callable[[Node], Any]) -> Callable[[Node], list[Item]]:
    return lambda node: [(None, check(node), _line(node))]


def _checked(test: Callable[[str], str | None], problem: str) -> Callable[[Node], Any]:
    def read(node: Node) -> str | None:
        raw = _string(node)
        if raw is None:
            return None
        value = test(raw.strip())
        if value is None:
            raise _Bad(node, f"{problem}: {raw!r}")
        return value

    return read


def _doi(raw: str) -> str | None:
    doi = pt.normalize_doi(raw)
    return doi if doi and pt._DOI_PREFIX.sub("", raw) == doi else None


def _codes(valid: Callable[[str], bool], what: str) -> Callable[[Node], list[Item]]:
    def read(node: Node) -> list[Item]:
        if isinstance(node, ScalarNode):
            raw = _string(node)
            codes = None if raw is None else pt.split_codes(raw)
        elif isinstance(node, SequenceNode):
            codes = []
            for item in node.value:
                raw = _scalar(item, f"a {what} code")
                if raw is not None and raw.strip():
                    codes.append(raw.strip())
                    if not valid(raw.strip()):
                        raise _Bad(item, f"not a valid {what} code: {raw!r}")
        else:
            raise _Bad(node, f"expected a list of {what} codes")
        for code in codes or ():
            if not valid(code):
                raise _Bad(node, f"not a valid {what} code: {code!r}")
        return [(None, codes, _line(node))]

    return read


def _lang_key(node: Node) -> str:
    raw = _scalar(node, "a language code")
    if raw in _COUNTRY_NOT_LANGUAGE:
        right = _COUNTRY_NOT_LANGUAGE[raw]
        raise _Bad(node, f"{raw!r} is a country code; the language code is {right!r}")
    if raw is None or not _LANG.match(raw):
        raise _Bad(node, f"not a language code (kk, ru, en, …): {raw!r}")
    return raw


def _per_lang(read: Callable[[Node], Any]) -> Callable[[Node], list[Item]]:
    def each(node: Node) -> list[Item]:
        if isinstance(node, ScalarNode) and node.tag == _NULL:
            return []
        if not isinstance(node, MappingNode):
            raise _Bad(node, "expected a mapping of language code to value, e.g. {ru: …}")
        return [(_lang_key(k), read(v), _line(k)) for k, v in node.value]

    return each


def _word_list(node: Node) -> list[str] | None:
    if isinstance(node, ScalarNode):
        raw = _string(node)
        return None if raw is None else split_keywords(raw)
    if not isinstance(node, SequenceNode):
        raise _Bad(node, "expected a list of keywords")
    return [w for w in (_scalar(i, "a keyword") for i in node.value) if w]


def _languages(node: Node) -> list[Item]:
    if not isinstance(node, SequenceNode):
        raise _Bad(node, "expected a list of language codes")
    return [(None, [_lang_key(i) for i in node.value], _line(node))]


def _authors(node: Node) -> list[Item]:
    if isinstance(node, ScalarNode) and node.tag == _NULL:
        return [(None, None, _line(node))]
    if not isinstance(node, SequenceNode):
        raise _Bad(node, "expected a list of authors")
    authors = []
    for item in node.value:
        if isinstance(item, ScalarNode):
            authors.append(parse_name(_string(item) or "").as_json())
            continue
        if not isinstance(item, MappingNode):
            raise _Bad(item, "an author is a name or a mapping of family, given, …")
        author: dict[str, str | None] = dict.fromkeys(AUTHOR_KEYS)
        for k, v in item.value:
            if k.value not in AUTHOR_KEYS:
                raise _Bad(k, f"unknown author key {k.value!r} (known: {', '.join(AUTHOR_KEYS)})")
            author[k.value] = _string(v)
        if author["orcid"] and not pt.is_orcid(author["orcid"]):
            raise _Bad(item, f"not a valid ORCID iD (check digit): {author['orcid']!r}")
        if author["email"] and not pt.EMAIL_RE.fullmatch(author["email"]):
            raise _Bad(item, f"not an e-mail address: {author['email']!r}")
        authors.append(author)
    return [(None, authors, _line(node))]


def _url(raw: str) -> str | None:
    return raw if re.match(r"^https?://\S+$", raw) else None


_READERS: dict[str, Callable[[Node], list[Item]]] = {
    "title": _one(_string),
    "titles": _per_lang(_string),
    "authors": _authors,
    "year": _one(_integer),
    "date": _one(_checked(lambda r: r if pt.is_iso_date(r) else None, "not a date YYYY[-MM[-DD]]")),
    "doi": _one(_checked(_doi, "not a DOI")),
    "udc": _codes(pt.is_udc, "UDC"),
    "grnti": _codes(pt.is_grnti, "GRNTI"),
    "bbk": _codes(lambda c: bool(c.strip()), "ББК"),
    "journal": _one(_string),
    "journals": _per_lang(_string),
    "volume": _one(_string),
    "issue": _one(_string),
    "cumulative_issue": _one(_string),
    "first_page": _one(_integer),
    "last_page": _one(_integer),
    "language": _one(lambda node: None if _string(node) is None else _lang_key(node)),
    "languages": _languages,
    "keywords": _per_lang(_word_list),
    "abstracts": _per_lang(_string),
    "publisher": _one(_string),
    "url": _one(_checked(_url, "not an http(s) URL")),
    "kind": _one(_checked(lambda r: r if r in KINDS else None, "not a known kind")),
    "modified": _one(_checked(lambda r: r if pt.is_iso_date(r) else None,
                              "not a date YYYY[-MM[-DD]]")),
    "description": _one(_string),
    "section": _one(_string),
}
