"""Broken text layers: characters a PDF's fonts map wrongly, repaired before anything reads them.

Two failures are common enough in real documents to repair rather than refuse:

* **TeX's Cork (T1) and text-companion (TS1) encodings without a Unicode map.** Fonts made
  by dvips (Type 3 bitmaps, old Type 1 EC fonts) carry no ToUnicode table, so MuPDF reports
  the raw codes: ligatures as control characters (``Coe\\x1ecients`` for "Coefficients"),
  quotes and dashes as ``\\x10``…``\\x16``, a bullet as ``\\x88``. Python counts
  ``\\x1c``–``\\x1f`` as whitespace, so left alone "ﬁrst" would become "rst". Control
  characters never belong to text, so mapping them through the T1 table is safe.
* **TeX's accents as separate glyphs.** ``\\"a`` is typeset as a diaeresis above an "a",
  and a font with a Unicode map reports the spacing accent before the letter:
  ``Kr¨amer``, ``Universit¨at``, ``´Ecole``. An accent between letters, or opening a word,
  never means itself; it is put back on its letter (NFC). A cedilla or an ogonek, set under
  its letter, is reported after it: ``Publicac¸˜oes`` is "Publicações".
* **Soft hyphens drawn inside a line.** A PDF's text layer holds the glyphs drawn on the
  page, so a soft hyphen (U+00AD) there is a hyphen a reader sees: a word processor that
  typed its command lines' hyphens as soft ones gives ``make \u00adf Makefile``. Inside a
  line it is a hyphen; only at a line's end is it a word broken there.
* **Cyrillic in an 8-bit encoding read as Latin-1.** A Russian PDF whose fonts say
  "WinAnsi" while their glyphs are Cyrillic gives ``Íå î÷åíü êðàòêîå``. A line whose letters
  are nearly all in the Latin-1 range is re-read as CP1251 and as KOI8-R, and the reading
  that gives ordinary lower-case Cyrillic wins; lines in a real Western language (a few
  accented letters among ASCII ones) are never touched.
"""

from __future__ import annotations

import re
import unicodedata

from archive.extract.fragment import Fragment

# T1 (Cork) codes 0x00–0x1F and 0x7F: accents, quotes, dashes, ligatures.
_T1 = {
    0x0D: "‚", 0x0E: "‹", 0x0F: "›", 0x10: "“", 0x11: "”", 0x12: "„", 0x13: "«", 0x14: "»",
    0x15: "–", 0x16: "—", 0x17: "", 0x19: "ı", 0x1A: "ȷ", 0x1B: "ff", 0x1C: "fi", 0x1D: "fl",
    0x1E: "ffi", 0x1F: "ffl", 0x7F: "-",
}  # fmt: skip
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BULLET = re.compile("^[\x80-\x9f](?=\\s)")  # TS1's bullet (0x88) and kin opening a line
_HIGH = re.compile("[\u00c0-\u00ff]")
_CYRILLIC_LOWER = re.compile("[\u0430-\u044f\u0451]")


# Spacing accents and the combining marks they stand for (` ^ ~ are left: code uses them).
_ACCENTS = {"¨": "\u0308", "´": "\u0301", "ˆ": "\u0302", "˜": "\u0303", "ˇ": "\u030c",
            "˘": "\u0306", "˙": "\u0307", "˚": "\u030a", "¯": "\u0304", "˝": "\u030b"}
_LOOSE_ACCENT = re.compile("([" + "".join(_ACCENTS) + "])([A-Za-zıȷ])")
# Accents set under the letter, which the text layer reports after it.
_UNDER = {"¸": "\u0327", "˛": "\u0328"}
_LOOSE_UNDER = re.compile("([A-Za-z])([" + "".join(_UNDER) + "])")
_CEDILLA_BEFORE = re.compile("([A-BD-RU-Za-bd-ru-z])¸([CcSsTt])")
_ANY_ACCENT = re.compile("[" + "".join(_ACCENTS) + "".join(_UNDER) + "]")


# English quotation marks whose spaces the text layer lost ("the“cores”option"): an
# opening mark after a letter, a closing one before a letter, where the pair is English
# (German closes with "“", and opens with "„").
_GLUED_OPENING = re.compile("(?<=[^\\W\\d_])“(?=[^“”„\\n]{1,80}”)")
_GLUED_CLOSING = re.compile("(“[^“”„\\n]{1,80}”)(?=[^\\W\\d_])")


def spaced_quotes(text: str) -> str:
    """``the“cores”option`` → ``the “cores” option``."""
    if "“" not in text:
        return text
    return _GLUED_CLOSING.sub("\\1 ", _GLUED_OPENING.sub(" “", text))


# A grave accent is reported as the backtick, which code and quoting use too: it is an
# accent on a vowel in a line of text that has no other backtick (``“`a la Sims”``), not
# TeX's opening quote before a word it closes with an apostrophe (```escape'``).
_LOOSE_GRAVE = re.compile("`([AEIOUaeiou])(?![\\w-]*')")


# TeX draws "≠" as a slash laid over "=": the text layer gives the slash (U+0338) on the
# character before and the "=" after a space ("i̸ = j").
_NOT_OVER = re.compile(" ?\u0338 ?([=≡∈∋∃<>≤≥∼≈≃⊂⊃⊆⊇∣∥])")


# Greek fonts of TeX (LGR) give mu as the micro sign and Delta as the increment sign: beside
# a Greek letter they are the Greek letters ("συλλαβισµοῦ", "∆ηµήτριος"); a micrometre's
# "µm" stays.
_GREEK = "\u0370-\u03ff\u1f00-\u1fff"
_LOOKALIKES = {"µ": "μ", "∆": "Δ", "Ω": "Ω"}
_GREEK_LOOKALIKE = re.compile(f"(?<=[{_GREEK}])[µ∆Ω]|[µ∆Ω](?=[{_GREEK}])")


def greek_letters(text: str) -> str:
    """The micro, increment and ohm signs beside Greek letters as the Greek letters."""
    if "µ" not in text and "∆" not in text and "Ω" not in text:
        return text
    return _GREEK_LOOKALIKE.sub(lambda m: _LOOKALIKES[m.group()], text)


def repair_accents(text: str, prose: bool = False) -> str:
    """``Kr¨amer`` → ``Krämer``: a spacing accent before a letter goes onto it, and a cedilla
    or an ogonek after one (``c¸`` → ``ç``); with ``prose`` (a line not in a typewriter
    face), a lone backtick before a vowel too (```a`` → ``à``). Greek letters given as
    look-alike signs are Greek again."""
    text = greek_letters(text)
    if "\u0338" in text:
        text = _NOT_OVER.sub(lambda m: " " + unicodedata.normalize("NFC", m.group(1) + "\u0338"),
                             text)
    if prose and text.count("`") == 1:
        text = unicodedata.normalize("NFC", _LOOSE_GRAVE.sub("\\1\u0300", text))
    if _ANY_ACCENT.search(text) is None:
        return text
    fixed = _LOOSE_ACCENT.sub(
        lambda m: m.group(2).replace("ı", "i").replace("ȷ", "j") + _ACCENTS[m.group(1)], text
    )
    # Some fonts report the cedilla before its letter ("Fran¸cois"): between a letter that
    # takes none and one that does (c, s, t), it is the second's.
    fixed = _CEDILLA_BEFORE.sub(lambda m: m.group(1) + m.group(2) + "\u0327", fixed)
    fixed = _LOOSE_UNDER.sub(lambda m: m.group(1) + _UNDER[m.group(2)], fixed)
    return unicodedata.normalize("NFC", fixed)


def has_broken_characters(text: str) -> bool:
    return _CONTROLS.search(text) is not None


def drawn_soft_hyphens(text: str) -> str:
    """A PDF line's soft hyphens as the hyphens they are drawn as, but the one that ends
    the line (a word broken there). The length stays the same."""
    if "\u00ad" not in text:
        return text
    end = len(text.rstrip())
    if text[:end].endswith("\u00ad"):
        end -= 1
    return text[:end].replace("\u00ad", "-") + text[end:]


# Adobe's private-use code points for old-style figures and small capitals (expert fonts,
# TeX's ``cmmi`` old-style digits): the digits and letters they are drawn as.
_ADOBE_PRIVATE = str.maketrans(
    {0xF730 + i: str(i) for i in range(10)}
    | {0xF761 + i: chr(0x61 + i) for i in range(26)}
    | {0xF7E0 + i: chr(0xE0 + i) for i in range(32) if i != 0x17}
)
_PRIVATE = re.compile("[\uf730-\uf739\uf761-\uf77a\uf7e0-\uf7ff]")


def repair_tex_codes(text: str) -> str:
    """Control characters in a text layer read through TeX's T1 table; others dropped.
    Old-style figures and small capitals in Adobe's private-use area as what they are."""
    if _PRIVATE.search(text) is not None:
        text = text.translate(_ADOBE_PRIVATE)
    if _CONTROLS.search(text) is None:
        return text
    text = _BULLET.sub("•", text)
    return _CONTROLS.sub(lambda m: _T1.get(ord(m.group()), ""), text)


def looks_mojibake(text: str) -> bool:
    """Most letters of the line are Latin-1 letters: Cyrillic bytes read as Latin-1."""
    high = len(_HIGH.findall(text))
    if high < 3:
        return False
    letters = sum(ch.isalpha() for ch in text)
    return high >= 0.6 * letters


def repair_mojibake(text: str) -> tuple[str, str | None]:
    """``(text, codec)``: the line re-read in the codec that makes it Cyrillic, or unchanged.

    The codec is chosen by the share of lower-case Cyrillic letters it yields (running text
    is mostly lower case; KOI8-R read as CP1251 gives capitals, and the reverse too).
    """
    if not looks_mojibake(text):
        return text, None
    try:
        raw = text.encode("cp1252")
    except UnicodeEncodeError:
        try:
            raw = text.encode("latin-1")
        except UnicodeEncodeError:
            return text, None
    best, best_codec, best_score = text, None, 0.0
    letters = max(1, sum(ch.isalpha() for ch in text))
    for codec in ("cp1251", "koi8_r"):
        decoded = raw.decode(codec, errors="replace")
        score = len(_CYRILLIC_LOWER.findall(decoded)) / letters
        if score > best_score:
            best, best_codec, best_score = decoded, codec, score
    return (best, best_codec) if best_score >= 0.5 else (text, None)


def mojibake_codec(per_page: list[list[Fragment]]) -> str | None:
    """The codec that repairs the document's Latin-1-read Cyrillic, when lines show it.

    One line proves little (a name in Latin-1 letters); a tenth of the lines, or five, do.
    """
    frags = [f for frags in per_page for f in frags]
    broken = [f.text for f in frags if looks_mojibake(f.text)]
    if len(broken) < min(5, max(1, len(frags) // 10)):
        return None
    codecs = [repair_mojibake(t)[1] for t in broken]
    named = [c for c in codecs if c]
    if len(named) * 2 < len(broken):
        return None
    return max(set(named), key=named.count)


def remapped(f: Fragment) -> Fragment:
    """The fragment re-read in the codec that makes it Cyrillic (its ranges dropped when
    its length changes)."""
    text, codec = repair_mojibake(f.text)
    if codec is not None:
        if len(text) != len(f.text):
            f.raised, f.small = (), ()
        f.text = text
    return f
