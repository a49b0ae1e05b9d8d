"""A PDF line's spans, as PyMuPDF's ``get_text("dict")`` gives them: its text, type size and
weight, typewriter type, superscripts and a term set apart at its start; and the page's short
rules that stand for underscores between them.

Pure functions over the span dictionaries (``text``, ``size``, ``flags``, ``font``,
``bbox``, ``origin``); PyMuPDF itself is imported only by ``archive.extract.pdf``.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import Any

from archive.lineshapes import URL_HEAD

Span = dict[str, Any]
Rule = tuple[float, float, float]  # a short horizontal rule: its left and right ends, its height

# The span flags of MuPDF's text extraction (``pymupdf.TEXT_FONT_*``).
FONT_ITALIC = 2
FONT_MONOSPACED = 8
FONT_BOLD = 16

_BOLD_NAMES = ("bold", "black", "heavy", "semibold", "demi")
# TeX's bold extended faces by their short names: CMBX10, CMBXTI10, SFBX1000, ECBX1200.
_TEX_BOLD = re.compile(r"^[a-z]{2,3}bx(?:ti|sl)?\d")
# A line opening with an interpreter's prompt is code whatever its font says (Type 3 fonts
# say nothing): R's "R>" and "> " before a call, Python's ">>>".
PROMPT = re.compile(r"^\s*(?:R>|>>>|> (?=[\w(.]+\s*(?:<-|=|\()))")
_PLACEHOLDER = re.compile(r"[⟨<〈]\S.*[⟩>〉]")  # a metavariable in a syntax line
# Typewriter faces by name, for fonts whose descriptor does not set the fixed-pitch flag.
_MONO_NAMES = ("mono", "courier", "typewriter", "cmtt", "sftt", "lmtt", "txtt", "inconsolata",
               "consola", "menlo", "monaco", "code", "beramono", "fixed",
               # TeX's slanted, italic and variable typewriter faces (EC and CM names).
               "sltt", "cmitt", "sfst", "ecst", "sfvt", "ecvt")


_ADDRESS = re.compile(rf"(?:{URL_HEAD}|doi:)\S+", re.IGNORECASE)

def small_runs(
    spans: list[Span], starts: list[int], size: float
) -> tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]]:
    """Character ranges of the spans set above the baseline in smaller type (superscripts),
    and of all the spans set smaller than the line."""
    if len(spans) < 2:
        return (), ()  # one span is all in the line's own size
    base = max((s["origin"][1] for s in spans if round(s["size"], 1) == size and "origin" in s),
               default=None)
    raised: list[tuple[int, int]] = []
    small: list[tuple[int, int]] = []
    for s, at in zip(spans, starts, strict=True):
        n = len(s["text"])
        # Typewriter words are set smaller to match the text face's height ("package
        # xindex" in a title): the line's own words, not smaller type.
        if s["size"] < 0.85 * size and s["text"].strip() and not (
                _is_mono(s) and s["size"] >= _MONO_MATCHED * size):
            _extend(small, at, at + n)
            if base is not None and "origin" in s and s["origin"][1] < base - 0.15 * size:
                _extend(raised, at, at + n)
    return tuple(raised), tuple(small)


_MONO_MATCHED = 0.7  # of the line's size: a typewriter word set to match it, at least


def _extend(ranges: list[tuple[int, int]], start: int, end: int) -> None:
    if ranges and ranges[-1][1] == start:
        ranges[-1] = (ranges[-1][0], end)
    else:
        ranges.append((start, end))


def moved(ranges: tuple[tuple[int, int], ...], lead: int, length: int
           ) -> tuple[tuple[int, int], ...]:
    """Ranges of the unstripped text as ranges of the text with ``lead`` characters cut."""
    if not ranges:
        return ()
    return tuple((max(a - lead, 0), min(b - lead, length)) for a, b in ranges if b - lead > 0)


def spans_text(spans: list[Span], rules: Sequence[Rule] = ()) -> tuple[str, list[int]]:
    """The line's text, and where each span starts in it; a space where MuPDF left none
    between spans a word gap apart (``⟨number⟩`` + ``and``: a symbol font's glyph, then the
    text face). An underscore drawn as a short rule on the baseline (TeX's ``\\_`` in a font
    without one) stands where the text layer has only a gap: ``rules`` are the page's."""
    out = ""
    starts: list[int] = []
    prev: Span | None = None
    for span in spans:
        text = span["text"]
        if rules and text.isspace() and _underscore(span["bbox"][0], span["bbox"][2], span, rules):
            text = "_" + text[1:]
        elif prev is not None and rules and text and out and _underscore(
                prev["bbox"][2], span["bbox"][0], span, rules):
            out = out.rstrip() + "_"
            text = text.lstrip()
        elif (
            prev is not None and text and out and not text[0].isspace() and not out[-1].isspace()
            and span["bbox"][0] - prev["bbox"][2] >= _WORD_GAP * min(prev["size"], span["size"])
        ):
            out += " "
        starts.append(len(out))
        out += text
        prev = span
    return out, starts


def short_rules(paths: list[dict[str, Any]]) -> list[Rule]:
    """The short horizontal rules a page draws (a stroked line, or a filled rectangle thin
    as a rule), as ``(x0, x1, y)``: where TeX draws an underscore its font lacks. Sorted by
    ``y``, so that a span's baseline finds its own among a dense plot's many thousand."""
    rules: list[Rule] = []
    for d in paths:
        x0, y0, x1, y1 = d["rect"]
        if len(d["items"]) == 1 and y1 - y0 <= _RULE_HEIGHT and 0 < x1 - x0 <= _RULE_LENGTH:
            rules.append((x0, x1, (y0 + y1) / 2))
    rules.sort(key=_height)
    return rules


def _height(rule: Rule) -> float:
    return rule[2]


_RULE_HEIGHT = 0.8  # points: a rule's thickness, at most
_RULE_LENGTH = 12.0  # points: an underscore's length, at most


def _underscore(x0: float, x1: float, span: Span, rules: Sequence[Rule]) -> bool:
    """A short rule on the span's baseline between ``x0`` and ``x1``, wide as an underscore;
    ``rules`` sorted by height (``short_rules``)."""
    base, size = span["origin"][1], span["size"]
    reach = _BASELINE * size
    start = bisect_left(rules, base - reach, key=_height)
    end = bisect_right(rules, base + reach, key=_height)
    return any(
        a >= x0 - 1.0 and b <= x1 + 1.0 and _UNDERSCORE[0] * size <= b - a <= _UNDERSCORE[1] * size
        for a, b, _ in rules[start:end]
    )


_BASELINE = 0.15  # of the type size: how far from the baseline an underscore's rule lies
_UNDERSCORE = (0.2, 0.8)  # of the type size: an underscore's width, least and most
_WORD_GAP = 0.2  # of the font size: a gap between spans this wide is a space


# LaTeX's circle fonts (lcircle10, lcirclew10): their glyphs map to letters ("v"), and a
# callout's number is set small over one.
_CIRCLE_FONT = re.compile(r"(?i)^l?circlew?\d")
_CALLOUT_SIZE = 0.7  # of the circle's size: a number set inside it is smaller


def join_circled_numbers(lines: list[dict[str, Any]]) -> None:
    """A circle of a circle font with a small number over it is that number circled
    (``①``): dblatex's code callouts, a ``v`` and a ``1`` on lines of their own in the text
    layer. ``lines`` are a text block's (``get_text("dict")``); the circle's span takes
    the number, the number's span is emptied."""
    circles = [s for ln in lines for s in ln["spans"]
               if _circle_font(s["font"]) and len(s["text"]) == 1]
    if not circles:
        return
    spans = [s for ln in lines for s in ln["spans"]]
    for circle in circles:
        x0, y0, x1, y1 = circle["bbox"]
        for digits in spans:
            text = digits["text"].strip()
            bx0, by0, bx1, by1 = digits["bbox"]
            cx, cy = (bx0 + bx1) / 2, (by0 + by1) / 2
            if (text.isascii() and text.isdigit() and 1 <= int(text) <= 20
                    and digits["size"] < _CALLOUT_SIZE * circle["size"]
                    and x0 - 1 <= cx <= x1 + 1 and y0 <= cy <= y1):
                circle["text"] = chr(0x2460 + int(text) - 1)
                digits["text"] = ""
                break


@functools.lru_cache(maxsize=256)
def _circle_font(font: str) -> bool:
    return _CIRCLE_FONT.match(font.rsplit("+", 1)[-1]) is not None


def undecodable(text: str) -> bool:
    """Mostly U+FFFD: a font without a Unicode map; such glyphs need OCR, not indexing."""
    if "\ufffd" not in text:
        return False
    return text.count("\ufffd") * 2 > len(text.replace(" ", ""))


def dominant_baseline(spans: list[Span]) -> float:
    """The baseline of the span with the most letters."""
    main = spans[0] if len(spans) == 1 else max(spans, key=lambda s: len(s["text"].strip()))
    return float(main["origin"][1])


def dominant_style(spans: list[Span]) -> tuple[float, bool]:
    """Font size and weight carried by most characters of the line; a listing's small line
    number never decides them (``11`` in 5 pt before ``}`` in 9 pt typewriter)."""
    numbered = _numbered(spans)
    if numbered is not spans and _opens_mono(numbered):
        spans = numbered
    if len(spans) == 1:
        s = spans[0]
        return round(s["size"], 1), bool(s["flags"] & FONT_BOLD) or _bold_name(
            s["font"]
        )
    sizes: dict[float, int] = {}
    bold_chars = 0
    total = 0
    for s in spans:
        n = len(s["text"].strip())
        if not n:
            continue
        total += n
        size = round(s["size"], 1)
        sizes[size] = sizes.get(size, 0) + n
        if s["flags"] & FONT_BOLD or _bold_name(s["font"]):
            bold_chars += n
    if not sizes:
        return round(spans[0]["size"], 1), False
    return max(sizes, key=sizes.__getitem__), bold_chars * 2 > total


def _opens_mono(spans: list[Span]) -> bool:
    first = next((s for s in spans if s["text"].strip()), None)
    return first is not None and _is_mono(first)


def _span_face(span: Span) -> str | None:
    if _is_mono(span):
        return "mono"
    if span["flags"] & FONT_BOLD or _bold_name(span["font"]):
        return "bold"
    return None


_LEAD_WORDS = 4  # words of a term set apart at a line's start


def lead_length(spans: list[Span]) -> int:
    """Characters of the line's opening words when a bold or typewriter face sets them
    apart from the rest of the line, which is longer and in another face, or which follows
    a run-in heading (``1.9. Random Number Generation.`` then the text); else 0."""
    if len(spans) < 2:
        return 0  # one face for the whole line
    words = [s for s in spans if s["text"].strip()]
    if len(words) < 2:
        return 0
    face = _span_face(words[0])
    if face is None:
        return 0
    k = 1
    while k < len(words) and _span_face(words[k]) == face:
        k += 1
    rest = words[k:]
    term = "".join(s["text"] for s in spans[: spans.index(words[k - 1]) + 1]).strip()
    if not rest or len(term.split()) > _LEAD_WORDS or not term.strip("([{“‘«\"'"):
        return 0  # an opening bracket in another face leads no term
    rest_chars = sum(len(s["text"].strip()) for s in rest)
    other = sum(len(s["text"].strip()) for s in rest if _span_face(s) != face)
    run_in = term.endswith((".", ":"))
    return len(term) if (rest_chars > len(term) or run_in) and other * 2 > rest_chars else 0


def _numbered(spans: list[Span]) -> list[Span]:
    """The spans after a code line's number (``34`` set small before ``\\fancyfoot…``, as
    documented TeX sources print their code), else all of them."""
    if len(spans) < 2:
        return spans  # most lines: one span, nothing before it
    words = [s for s in spans if s["text"].strip()]
    if len(words) >= 2 and line_number(words[0]["text"], words[0]["size"], words[1]["size"]):
        return spans[spans.index(words[0]) + 1 :]
    return spans


def line_number(text: str, size: float, next_size: float) -> bool:
    """``text`` is a listing's line number: digits set smaller than the code after them."""
    return text.strip().isdigit() and size < next_size - 0.5


def monospaced(spans: list[Span]) -> bool:
    """Nearly all of the line's characters are in a monospaced (typewriter) font, or in
    italic placeholders between typewriter text (``\\begin{table}[⟨offset⟩]``, ``ls
    [options] file``, as manuals write a syntax), or in keywords a listing highlights in
    bold (``return List::create(…)``): the line opens in the typewriter font or with such a
    keyword, and is no sentence. A footnote that is an address in typewriter type after
    its small mark (``¹https://cran.r-project.org``) is no code either."""
    numbered = _numbered(spans)
    if numbered is not spans and _ADDRESS.fullmatch("".join(s["text"] for s in numbered).strip()):
        return False
    spans = numbered
    mono = total = 0
    for s in spans:
        n = len(s["text"].strip())
        total += n
        if _is_mono(s):
            mono += n
    if total == 0 or mono < 0.25 * total:
        return False  # most lines: no typewriter type to speak of
    first = next(s for s in spans if s["text"].strip())
    if not (_is_mono(first) or _keyword(first)) and _ADDRESS.fullmatch(
        "".join(s["text"] for s in spans if _is_mono(s)).strip()
    ):
        return False  # "URL http://…": an address in typewriter type, the line is text
    if mono >= 0.9 * total:
        return True
    if not (_is_mono(first) or _keyword(first)):
        return False
    other = sum(len(s["text"].strip()) for s in spans
                if not _is_mono(s) and (_placeholder(s) or _keyword(s)))
    if mono + other < 0.9 * total:
        return False
    return not "".join(s["text"] for s in spans).rstrip().endswith(".")


_PITCH_SPANS = 6  # spans of a font, with distinct words, that show its widths
_PITCH_SPREAD = 0.02  # relative spread of width per character within which a font is fixed


def fixed_pitch_fonts(lines: list[list[Span]]) -> set[str]:
    """Fonts that set every character in the same width, found by measuring them.

    A Type 3 font (bitmaps from dvips, obfuscated names such as ``F45``) says nothing of
    its pitch, so a typewriter code listing would read as prose. In a fixed-pitch font a
    span's width is its length times one advance, whatever its letters; in a proportional
    one "Inf" and "Macaca" differ. Spans of digits alone are left out, since most
    proportional fonts set their digits in one width too."""
    widths: dict[str, list[float]] = {}
    texts: dict[str, set[str]] = {}
    for spans in lines:
        for s in spans:
            text = s["text"]
            if not _letters(text, 3) or _is_mono(s) or s["size"] <= 0:
                continue
            widths.setdefault(s["font"], []).append(
                (s["bbox"][2] - s["bbox"][0]) / (len(text) * s["size"]))
            texts.setdefault(s["font"], set()).add(text)
    fixed = set()
    for font, ratios in widths.items():
        if len(texts[font]) < _PITCH_SPANS:
            continue
        ratios.sort()
        cut = len(ratios) // 10  # a span with a wide symbol or a trailing space is noise
        low, middle, high = ratios[cut], ratios[len(ratios) // 2], ratios[-1 - cut]
        if middle > 0 and high - low <= _PITCH_SPREAD * middle:
            fixed.add(font)
    return fixed


def _letters(text: str, least: int) -> bool:
    """``text`` has ``least`` letters or more; the count stops there (spans are many)."""
    for ch in text:
        if ch.isalpha():
            least -= 1
            if not least:
                return True
    return least <= 0


def mark_fixed_pitch(lines: list[list[Span]], fonts: set[str]) -> None:
    """Set the monospaced flag on the spans of ``fonts`` (``fixed_pitch_fonts``), as the
    font's descriptor would have."""
    for spans in lines:
        for s in spans:
            if s["font"] in fonts:
                s["flags"] |= FONT_MONOSPACED


def _placeholder(span: Span) -> bool:
    return bool(span["flags"] & FONT_ITALIC) or bool(_PLACEHOLDER.fullmatch(span["text"].strip()))


def _keyword(span: Span) -> bool:
    """One word in bold: a keyword a code listing highlights (``return``, ``SELECT``,
    ``\\begin``); a capitalised word (``The``) opens a heading's words instead."""
    bold = bool(span["flags"] & FONT_BOLD) or _bold_name(span["font"])
    words = span["text"].split()
    return bold and len(words) == 1 and not _CAPITALISED.fullmatch(words[0])


_CAPITALISED = re.compile(r"[A-ZА-ЯЁ][a-zа-яё]+")


def _is_mono(span: Span) -> bool:
    return bool(span["flags"] & FONT_MONOSPACED) or _mono_name(span["font"])


@functools.lru_cache(maxsize=256)
def _mono_name(font: str) -> bool:
    name = font.rsplit("+", 1)[-1].lower()
    return any(word in name for word in _MONO_NAMES)


@functools.lru_cache(maxsize=256)
def _bold_name(font: str) -> bool:
    # Subset prefixes ("ABCDEF+Times-Bold") and style suffixes carry the weight in the name.
    style = font.rsplit("+", 1)[-1].lower()
    return any(word in style for word in _BOLD_NAMES) or _TEX_BOLD.search(style) is not None
