"""Write a sidecar pre-filled with a source's current metadata, for a person to correct.

Each value is preceded by a comment naming where it came from and, when origins disagree,
what else was proposed. Empty fields appear commented out, so the file lists every field a
person may set. ``parse_sidecar(render_sidecar(…))`` gives back the same values.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import yaml

from ..models import Candidate, SourceMetadata
from .sidecar import SIDECAR_FIELDS

_MAPS = ("titles", "journals", "keywords", "abstracts")
_MAX_ALTERNATIVES = 3
_ESCAPE = "\r\x85\u2028\u2029\ufeff"


class _Dumper(yaml.SafeDumper):
    """Multi-line text (abstracts) as literal blocks, everything else as PyYAML decides."""


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    style = None
    printable = all(ch.isprintable() for ch in data.replace("\n", ""))
    if not printable or any(ch in data for ch in _ESCAPE):
        style = '"'  # YAML would read these as line breaks or refuse them: escape
    elif "\n" in data and _literal_ok(data):
        style = "|"
    elif "\n" in data:
        style = '"'
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


def _literal_ok(data: str) -> bool:
    lines = data.split("\n")
    return not data[:1].isspace() and all(line == line.rstrip() for line in lines)


class _Code(str):
    """A classification code: always quoted, so that 341.10 never reads back as 341.1."""


def _represent_code(dumper: yaml.SafeDumper, data: _Code) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(data), style="'")


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(_Code, _represent_code)
_CODES = ("udc", "grnti", "bbk")


def _dump(data: dict[str, Any]) -> list[str]:
    text = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=10**9)
    return text.rstrip("\n").split("\n")


def _current(md: SourceMetadata, name: str) -> Any:
    if name == "authors":
        return [{k: v for k, v in a.as_json().items() if v} for a in md.authors]
    if name == "titles":
        return md.titles
    if name == "journals":
        return md.journals
    value = getattr(md, name)
    return list(value) if isinstance(value, tuple) else value


def _short(value: Any) -> str:
    text = " ".join(str(value).split())
    return text if len(text) <= 60 else text[:57] + "…"


def _same(a: Any, b: Any) -> bool:
    """Equal values, ignoring empty keys of author mappings (the sidecar omits them)."""

    def norm(v: Any) -> Any:
        if isinstance(v, dict):
            return {k: x for k, x in v.items() if x}
        if isinstance(v, (list, tuple)):
            return [norm(x) for x in v]
        return v

    return bool(norm(a) == norm(b))


def _comments(
    field: str, lang: str | None, value: Any, pairs: list[tuple[Candidate, bool]], indent: str,
    any_lang: bool = False,
) -> list[str]:
    """``# from <origins>`` for the current value, then up to three other proposals."""
    group = [(c, f) for c, f in pairs if c.field == field and (any_lang or c.lang == lang)]
    agreeing = sorted((c for c, _ in group if _same(c.value, value)), key=lambda c: -c.priority)
    origins = list(dict.fromkeys(str(c.origin) for c in agreeing))
    lines = [f"{indent}# from {', '.join(origins)}" if origins else f"{indent}# derived"]
    if any_lang:
        return lines
    others: dict[str, list[str]] = {}
    for cand, _ in group:
        if not _same(cand.value, value) and cand.value not in (None, "", []):
            others.setdefault(_short(cand.value), []).append(str(cand.origin))
    for text, where in list(others.items())[:_MAX_ALTERNATIVES]:
        lines.append(f"{indent}#   also proposed: {text} ({', '.join(dict.fromkeys(where))})")
    return lines


def render_sidecar(
    key: str, metadata: SourceMetadata, candidates: Sequence[Candidate], chosen: Sequence[bool]
) -> str:
    """A YAML sidecar for source ``key`` holding ``metadata``, each value's origin in a comment."""
    pairs = list(zip(candidates, chosen, strict=True))
    out = [
        f"# Metadata sidecar for source {key}.",
        "# Values here override everything extracted from the source's files.",
        "# Correct a value, delete a line to let extraction decide, or write null to clear it.",
        "",
    ]
    for name, (field, description) in SIDECAR_FIELDS.items():
        value = _current(metadata, name)
        if value in (None, "", [], {}):
            out.append(f"# {name}:    ({description})")
            continue
        if name in _MAPS:
            out.append(f"{name}:")
            for lang, item in value.items():
                out += _comments(field, lang, item, pairs, "  ")
                out += [f"  {line}" if line else "" for line in _dump({lang: item})]
            continue
        out += _comments(field, None, value, pairs, "", any_lang=name in ("title", "journal"))
        out += _dump({name: [_Code(v) for v in value] if name in _CODES else value})
    return "\n".join(out) + "\n"
