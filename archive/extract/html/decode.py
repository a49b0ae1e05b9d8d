"""Bytes of a saved web page to text: byte-order mark, UTF-8, the page's declaration, a guess."""

from __future__ import annotations

import codecs
import re

from archive.errors import UndecodableTextError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# <meta charset=…>, <meta http-equiv="Content-Type" content="text/html; charset=…"> and an
# XML declaration, read from the page's head as bytes (the spec's prescan looks at 1 KB;
# real pages put long scripts first, so we look further).
_DECLARED = re.compile(
    rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)"
    rb"|<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9_.:-]+)",
    re.I,
)
PRESCAN = 16_384


def decode_html(data: bytes, transport: str | None = None) -> str:
    """The page's text: BOM, then UTF-8, then the charset the HTTP or MIME header gave
    (``transport``, from a WARC or MHTML capture), then the page's own declaration, then a
    statistical guess.

    Valid UTF-8 is taken before the declaration: a page re-saved as UTF-8 often keeps its
    old ``<meta charset="windows-1251">``, while text in a legacy Cyrillic encoding is never
    valid UTF-8 (and pure ASCII reads the same in every encoding we accept).
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise UndecodableTextError(f"invalid {encoding} after its byte-order mark") from exc
    declared = _declared_encoding(data[:PRESCAN])
    candidates: tuple[str | None, ...] = ("utf-8", _label(transport), declared)
    for candidate in candidates:
        if candidate is not None:
            try:
                return data.decode(candidate)
            except UnicodeDecodeError:
                continue  # a wrong declaration is common: the bytes decide
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding is not None:
        return str(best)
    if declared:
        return data.decode(declared, errors="replace")
    raise UndecodableTextError("the page is not text in any known encoding")


def _declared_encoding(head: bytes) -> str | None:
    for match in _DECLARED.finditer(head):
        if name := _label((match.group(1) or match.group(2)).decode("ascii")):
            return name
    return None


def _label(label: str | None) -> str | None:
    """A charset label as a Python codec's name, as browsers read labels; None if unknown."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().lower()).name
    except LookupError:
        return None
    # A page can only say it is UTF-16 in ASCII bytes if it is not (WHATWG: read UTF-8);
    # Latin-1 labels mean windows-1252 in every browser.
    if name.startswith("utf-16") or name.startswith("utf-32"):
        return "utf-8"
    return "cp1252" if name in ("latin_1", "ascii") else name
