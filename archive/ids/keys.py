"""Source keys: minted once from the first metadata we see, never changed afterwards.

Format (ASCII, lowercase, URL-safe; ``[a-z0-9]+(-[a-z0-9]+)*``):

- ``<family>-<year>``: romanised family name of the first author + four-digit year
  (``kalila-2024``); ``<family>-nd`` when the year is unknown.
- ``<site>-<date>``: no author, but a site: the host name without ``www.`` and with dots as
  hyphens, then the ISO date as given (``zakon-kz-2025-10-23``), or just the year.
- ``<title words>-<year>``: neither; up to five romanised title words.
- ``source-<first 8 hex digits of the file's SHA-256>``: nothing usable at all.

A key already taken gets ``-b``, ``-c``, … ``-z``, ``-aa``, ``-ab``, … (the first holder is
implicitly ``a``). A key never ends in ``-p<digits>[letters]``, so ``<key>-p<label>`` always
splits back into key and label.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Set
from itertools import count

from anyascii import anyascii

ROMANISATION = "bgn-pcgn-ru-ascii+kk-iso9-base"

# BGN/PCGN (1947) romanisation of Russian, in its ASCII form (no ë, no ʼ/ʺ marks); the
# Kazakh letters absent from Russian take their ISO 9 letter without the diacritic, which is
# also how Kazakhstani passports spell names (Қалила → Kalila).
_BASE = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya",
    "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "і": "i",
    "ї": "yi", "є": "ye", "ґ": "g", "ў": "w",
}  # fmt: skip
_VOWELS = set("аеёиоуыэюяәөұүі")
_YE_AFTER = _VOWELS | {"й", "ъ", "ь"}
_KEY_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_LABEL_TAIL = re.compile(r"-p\d+[a-z]*$")


def romanise(name: str) -> str:
    """ASCII slug of *name*: lowercase ``[a-z0-9]`` words joined by single hyphens.

    Cyrillic (Russian and Kazakh) follows ``ROMANISATION``: BGN/PCGN for Russian letters,
    including ``е``/``ё`` → ``ye`` at the start of a word and after a vowel, ``й``, ``ъ`` or
    ``ь`` (Ерлан → yerlan); Kazakh-only letters drop their diacritic (ә a, ғ g, қ k, ң n,
    ө o, ұ u, ү u, һ h, і i). Every other script goes through ``anyascii``.
    """
    out: list[str] = []
    prev = ""
    for ch in name:
        low = ch.lower()
        if low in _BASE:
            starts_word = not prev.isalpha()
            if low in "её" and (starts_word or prev in _YE_AFTER):
                out.append("ye")
            else:
                out.append(_BASE[low])
        else:
            out.append(anyascii(ch))
        prev = low
    text = "".join(out).lower()
    return "-".join(re.findall(r"[a-z0-9]+", text))


def _drop_initials(name: str) -> str:
    """``Қалила А.Т.`` / ``А. Т. Қалила`` → ``Қалила``: initials never go into a key."""
    words = re.sub(r"(?<![^\W\d_])[^\W\d_]{1,2}\.", " ", name).split()
    return " ".join(words) if words else name


def _site_slug(site: str) -> str:
    host = re.sub(r"^[a-z][a-z0-9+.-]*://", "", site.strip().lower())
    host = host.split("/", 1)[0].split("@")[-1].split(":", 1)[0]
    host = host.removeprefix("www.")
    return romanise(host)


def _date_part(date: str | None, year: int | None) -> str | None:
    if date:
        m = re.match(r"^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", date)
        if m:
            return "-".join(part for part in m.groups() if part)
    return str(year) if year is not None else None


def _suffix(n: int) -> str:
    """0 → b, 24 → z, 25 → aa, 26 → ab, …: bijective base 26 after the implicit ``a``."""
    n += 1  # skip "a": the first holder of a key has no suffix
    letters = ""
    while True:
        letters = chr(ord("a") + n % 26) + letters
        n = n // 26 - 1
        if n < 0:
            return letters


def _is_taken(taken: Callable[[str], bool] | Set[str], key: str) -> bool:
    return taken(key) if callable(taken) else key in taken


def mint_source_key(
    family: str | None,
    year: int | None,
    site: str | None,
    date: str | None,
    taken: Callable[[str], bool] | Set[str],
    *,
    title: str | None = None,
    sha256: str | None = None,
) -> str:
    """Mint a new, unused source key (see the module docstring for the format).

    *taken* is either a set of existing keys or a predicate ``key -> bool``. The year comes
    from *year*, else from the first four digits of *date*. Initials in *family* (``А.Т.``)
    are dropped, so an unparsed name such as ``Қалила А.Т.`` still gives ``kalila``.
    """
    if year is None and date:
        m = re.match(r"^\s*(\d{4})", date)
        year = int(m.group(1)) if m else None
    base = ""
    fam = romanise(_drop_initials(family)) if family else ""
    if fam:
        base = f"{fam}-{year}" if year is not None else f"{fam}-nd"
    elif site and _site_slug(site):
        when = _date_part(date, year)
        base = f"{_site_slug(site)}-{when}" if when else _site_slug(site)
    elif title and romanise(title):
        words = romanise(title).split("-")[:5]
        base = "-".join(words) + (f"-{year}" if year is not None else "")
    elif sha256:
        base = f"source-{sha256.strip().lower()[:8]}"
    else:
        base = "source" if year is None else f"source-{year}"
    base = base[:60].strip("-")
    if _LABEL_TAIL.search(base):
        base += "-k"  # keep "<key>-p<label>" unambiguous
    if not _KEY_RE.match(base):
        raise ValueError(f"cannot mint a key from {base!r}")
    if not _is_taken(taken, base):
        return base
    for n in count():
        key = f"{base}-{_suffix(n)}"
        if not _is_taken(taken, key):
            return key
    raise AssertionError("unreachable")  # pragma: no cover
