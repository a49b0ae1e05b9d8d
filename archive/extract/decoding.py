"""Bytes of a text file to text, and how sure the choice of encoding is.

The order of evidence: a byte-order mark; UTF-16 without one (every other byte NUL in ASCII
text); strict UTF-8; UTF-8 with a few damaged bytes (kept as U+FFFD, with a warning naming
their offsets); then the single-byte encodings our sources use, each tried and judged by the
document's own letters. A wrong single-byte reading leaves words in two scripts at once
("naпve" for Latin-1 "naïve" read as CP1251) or capitals inside words ("оЙЯОЕПЕ" for CP1251
read as KOI8-R); the reading with the most well-formed words wins, and its margin over the
next is the confidence. charset-normalizer's guess breaks ties, where it has one.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from dataclasses import dataclass

from ..errors import UndecodableTextError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Single-byte encodings of Kazakh, Russian and Western European text, in order of preference
# when two readings are equally good.
SINGLE_BYTE = ("cp1251", "koi8-r", "cp1252", "kz1048", "iso-8859-5", "mac-cyrillic", "cp866")
# Damaged bytes in otherwise good UTF-8 that are repaired with U+FFFD rather than refused.
_MAX_BAD_SHARE = 0.001
_MAX_BAD_SHOWN = 5
_WORD = re.compile(r"[^\W\d_]{2,}")
# Letters of Kazakh and no other language we read: a word with one of them is not Russian, so
# the Russian dictionary cannot judge it; its shape alone does.
_KAZAKH_LETTERS = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
_WORDS_JUDGED = 3000


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    confidence: float  # 1.0 when the bytes leave no doubt
    warnings: tuple[str, ...] = ()

    @property
    def description(self) -> str:
        """How the text was read, for the file's record: ``cp1251, confidence 0.93``."""
        if self.confidence >= 1.0:
            return self.encoding
        return f"{self.encoding}, confidence {self.confidence:.2f}"


def decode_text(data: bytes) -> Decoded:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(encoding), encoding.removesuffix("-sig"), 1.0)
            except UnicodeDecodeError as exc:
                name = encoding.removesuffix("-sig")
                raise UndecodableTextError(f"invalid {name} after its byte-order mark") from exc
    if (utf16 := _utf16_without_bom(data)) is not None:
        return utf16
    if b"\x00" in data:
        raise UndecodableTextError("binary data (NUL bytes) in a text file")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", 1.0)
    except UnicodeDecodeError:
        pass
    return _damaged_utf8(data) or _single_byte(data)


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """ASCII-range text in UTF-16 has a NUL in every other byte, on one side only."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    for encoding, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros.count(0) >= 0.6 * len(zeros) and other.count(0) <= 0.05 * len(other):
            try:
                return Decoded(data.decode(encoding), encoding, 0.99)
            except UnicodeDecodeError:
                return None
    return None


def _damaged_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with a few bytes that are not: kept as U+FFFD, the offsets named."""
    bad: list[int] = []
    start = 0
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    while True:
        try:
            decoder.decode(data[start:], final=True)
            break
        except UnicodeDecodeError as exc:
            bad.append(start + exc.start)
            start += exc.end
            decoder.reset()
            if len(bad) > max(3, _MAX_BAD_SHARE * len(data)):
                return None
    multibyte = sum(1 for b in data if b >= 0xC2) - len(bad)
    if multibyte < 2 * len(bad):
        return None  # hardly any real UTF-8 around them: a single-byte encoding instead
    shown = ", ".join(str(offset) for offset in bad[:_MAX_BAD_SHOWN])
    more = f" and {len(bad) - _MAX_BAD_SHOWN} more" if len(bad) > _MAX_BAD_SHOWN else ""
    warning = (f"{len(bad)} byte(s) that are not UTF-8 (at offset {shown}{more}) "
               "replaced with U+FFFD")
    return Decoded(data.decode("utf-8", errors="replace"), "utf-8", 0.99, (warning,))


def word_shape_score(text: str, known: Callable[[str], bool] | None = None) -> float:
    """Share of the words that look like words: one script, lower case, Capitalised or in
    capitals, and (given ``known``) Cyrillic ones known to the dictionary. Wrong
    single-byte readings fail one or the other."""
    words = _WORD.findall(text)[:_WORDS_JUDGED]
    if not words:
        return 0.0
    good = sum(1 for w in words if _well_formed(w, known))
    return good / len(words)


def _well_formed(word: str, known: Callable[[str], bool] | None) -> bool:
    if not (word.islower() or word.isupper() or word[1:].islower()):
        return False
    cyrillic = sum(1 for c in word if "\u0400" <= c <= "\u04ff")
    if cyrillic:
        if cyrillic != len(word):
            return False
        return known is None or known(word) or not _KAZAKH_LETTERS.isdisjoint(word)
    # Latin words are mostly plain letters; Cyrillic read as Latin-1 is mostly accented ones.
    return sum(1 for c in word if c.isascii()) * 2 >= len(word)


def _single_byte(data: bytes) -> Decoded:
    sample = data[:65536]
    readings: dict[str, str] = {}
    for encoding in SINGLE_BYTE:
        try:
            readings[encoding] = sample.decode(encoding)
        except UnicodeDecodeError:
            continue
    if not readings:
        raise UndecodableTextError("not text in any known encoding")
    # Gibberish from a wrong Cyrillic code page is often well-shaped ("тюхээюёы"): only a
    # dictionary tells it from Russian. Kazakh words are unknown to it in every reading, so
    # for Kazakh the shapes decide.
    from ..clean.dictionary import is_russian_word

    scores = {encoding: word_shape_score(text, is_russian_word)
              for encoding, text in readings.items()}
    guess = _guess(sample)
    ranked = sorted(scores, key=lambda e: (-scores[e], e != guess, SINGLE_BYTE.index(e)))
    best = ranked[0]
    # Encodings that read these bytes the same way (KZ-1048 and CP1251 for Russian) agree.
    others = [scores[e] for e in ranked[1:] if readings[e] != readings[best]]
    runner_up = others[0] if others else 0.0
    confidence = round(min(0.99, 0.5 + (scores[best] - runner_up)), 2)
    return Decoded(data.decode(best), best, confidence)


def _guess(sample: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    if best is None or best.encoding is None:
        return None
    return codecs.lookup(best.encoding).name.replace("_", "-")
