"""A small typesetter for test PDFs: what journals do, simply, with PyMuPDF.

Justified lines with a first-line indent and no extra paragraph spacing, line-end
hyphenation by a syllable rule, compound words (``әскери-саяси``) broken at their own hyphen,
headings kept with the next paragraph, text flowing through one or more columns and pages,
balanced two-column sections, alternating running headers, page numbers in the footer
(optionally glued to the issue line). ``Typesetter.gold`` records every paragraph set, with
the printed page it starts on, in the shape of ``tests/golden/*.json``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pymupdf

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
Gold = list[dict[str, Any]]
VOWELS = frozenset("аәеёиоөуұүыіэюяaeiouy")


def pick_fonts() -> tuple[pymupdf.Font, pymupdf.Font]:
    """Regular and bold fonts covering Kazakh letters: DejaVu Serif, else Noto (pymupdf-fonts)."""
    regular, bold = DEJAVU / "DejaVuSerif.ttf", DEJAVU / "DejaVuSerif-Bold.ttf"
    if regular.exists() and bold.exists():
        return pymupdf.Font(fontfile=str(regular)), pymupdf.Font(fontfile=str(bold))
    return pymupdf.Font("notos"), pymupdf.Font("notosbo")


@dataclass(frozen=True)
class Style:
    size: float = 10.5
    bold: bool = False
    align: str = "justify"  # justify | left | center
    indent: float = 0.0  # first line
    hanging: float = 0.0  # continuation lines
    space_before: float = 0.0
    space_after: float = 0.0
    leading: float = 1.25
    hyphenate: bool = True
    keep_with_next: bool = False


STYLES: dict[str, Style] = {
    "front": Style(size=9, align="left", hyphenate=False, space_before=2),
    "author": Style(size=9.5, align="left", hyphenate=False, space_before=10),
    "title": Style(size=12, bold=True, align="center", hyphenate=False, space_before=14,
                   keep_with_next=True),
    "byline": Style(size=10, align="center", hyphenate=False, space_before=6),
    "abstract": Style(size=9.5, indent=18, space_before=10),
    "keywords": Style(size=9.5, indent=18, hyphenate=False, space_before=4),
    "heading": Style(size=11.5, bold=True, align="left", hyphenate=False, space_before=12,
                     keep_with_next=True),
    "body": Style(indent=20),
    "list_item": Style(indent=20, hanging=30),
    "caption": Style(size=9, align="center", hyphenate=False, space_before=4, space_after=8),
    "reference": Style(size=9.5, align="left", hanging=14, hyphenate=False, space_before=2),
}  # fmt: skip
ROLE_OF_KIND = {"front": "front_matter", "author": "front_matter", "title": "front_matter",
                "byline": "front_matter",
                "figure": "caption"}  # fmt: skip
KIND_OF_ROLE = {"front_matter": "front", "foreign": "body"}


@dataclass
class _Line:
    words: list[str]
    style: Style
    first: bool
    last: bool


class Typesetter:
    """Lays paragraphs out on pages; ``gold`` collects what was set, with printed pages."""

    def __init__(
        self,
        *,
        first_page: int = 1,
        header: Callable[[int], str] | None = None,
        footer: Callable[[int], tuple[str, bool]] | None = None,
        size: tuple[float, float] = (499.0, 709.0),
        margins: tuple[float, float, float, float] = (56.0, 64.0, 50.0, 64.0),
    ) -> None:
        self.doc = pymupdf.open()
        self.regular, self.bold = pick_fonts()
        self.width, self.height = size
        self.left, self.top, self.right, self.bottom = margins
        self.header, self.footer = header, footer
        self.printed = first_page - 1
        self.gold: Gold = []
        self.page: pymupdf.Page | None = None
        self.writer: pymupdf.TextWriter | None = None
        self.y = 0.0
        # Text flows through ``ncols`` columns; ``frame_top`` is where they start on this page.
        self.ncols, self.col, self.gap, self.frame_top = 1, 0, 18.0, self.top

    # -- measuring and breaking -------------------------------------------------------------
    def font(self, style: Style) -> pymupdf.Font:
        return self.bold if style.bold else self.regular

    def measure(self, text: str, style: Style) -> float:
        return self.font(style).text_length(text, fontsize=style.size)

    def break_lines(self, text: str, style: Style, width: float) -> list[_Line]:
        queue = text.split()
        lines: list[_Line] = []
        cur: list[str] = []
        while queue:
            word = queue.pop(0)
            avail = width - (style.indent if not lines else style.hanging)
            used = self.measure(" ".join([*cur, word]), style)
            if used <= avail or (not cur and not style.hyphenate):
                cur.append(word)
                continue
            room = avail - (self.measure(" ".join(cur) + " ", style) if cur else 0.0)
            split = self._split(word, room, style) if style.hyphenate else None
            if split:
                cur.append(split[0])
                queue.insert(0, split[1])
            elif not cur:
                cur.append(word)  # longer than a line: let it overflow
                continue
            else:
                queue.insert(0, word)
            lines.append(_Line(cur, style, not lines, False))
            cur = []
        lines.append(_Line(cur, style, not lines, True))
        return lines

    def _split(self, word: str, room: float, style: Style) -> tuple[str, str] | None:
        """Longest head that fits: at a compound's own hyphen, or a syllable break + '-'."""
        best: tuple[str, str] | None = None
        for i in range(2, len(word) - 2):
            if word[i - 1] == "-" and word[: i - 1].isalpha():
                head, tail = word[:i], word[i:]
            elif _syllable_break(word, i):
                head, tail = word[:i] + "-", word[i:]
            else:
                continue
            if self.measure(head, style) <= room:
                best = (head, tail)
        return best

    # -- pages ------------------------------------------------------------------------------
    def new_page(self) -> None:
        self.finish_page()
        self.page = self.doc.new_page(width=self.width, height=self.height)
        self.writer = pymupdf.TextWriter(self.page.rect)
        self.printed += 1
        self.y = self.frame_top = self.top
        self.col = 0
        small = Style(size=8, align="left")
        if self.header:
            text = self.header(self.printed)
            right = self.width - self.right
            x = right - self.measure(text, small) if self.printed % 2 else self.left
            self.writer.append((x, self.top - 26), text, font=self.regular, fontsize=8)
            self.page.draw_line((self.left, self.top - 20), (right, self.top - 20), width=0.5)
        if self.footer:
            text, glued = self.footer(self.printed)
            base = self.height - self.bottom + 30
            number = str(self.printed)
            if glued:  # two runs that touch: extractors read "…, 202317"
                self.writer.append((self.left, base), text, font=self.regular, fontsize=8)
                x = self.left + self.measure(text, small)
                self.writer.append((x, base), number, font=self.regular, fontsize=8)
            else:
                x = (self.width - self.measure(number, small)) / 2
                self.writer.append((x, base), number, font=self.regular, fontsize=8)

    def finish_page(self) -> None:
        if self.page is not None and self.writer is not None:
            self.writer.write_text(self.page)
        self.page = None

    def room(self) -> float:
        return self.height - self.bottom - self.y

    # -- setting ----------------------------------------------------------------------------
    def paragraph(
        self,
        text: str,
        kind: str,
        lang: str | None,
        style: Style | None = None,
        *,
        role: str | None = None,
    ) -> None:
        style = style or STYLES[kind]
        x0, x1 = self.frame()
        lines = self.break_lines(text, style, x1 - x0)
        lead = style.size * style.leading
        need = style.space_before + lead * (len(lines) + (3 if style.keep_with_next else 0))
        if self.page is None or self.room() < min(need, 3 * lead + style.space_before):
            self.next_frame()
        elif self.y > self.frame_top:
            self.y += style.space_before
        self._record(text, role or ROLE_OF_KIND.get(kind, kind), lang)
        for line in lines:
            if self.room() < lead:
                self.next_frame()
            self.y += lead
            self.draw(line, *self.frame(), self.y)
        self.y += style.space_after

    def frame(self) -> tuple[float, float]:
        """Left and right edge of the column text is flowing into."""
        colw = (self.width - self.left - self.right - self.gap * (self.ncols - 1)) / self.ncols
        x0 = self.left + self.col * (colw + self.gap)
        return x0, x0 + colw

    def next_frame(self) -> None:
        if self.page is not None and self.col + 1 < self.ncols:
            self.col += 1
            self.y = self.frame_top
        else:
            self.new_page()

    def set_columns(self, n: int, space: float = 8.0) -> None:
        """From here on, text flows through ``n`` columns (left to right, then next page)."""
        self.ncols, self.col = n, 0
        if self.page is not None:
            self.y += space
            self.frame_top = self.y

    def figure(self, caption: str, lang: str, height: float = 110.0) -> None:
        style = STYLES["caption"]
        if self.page is None or self.room() < height + 40:
            self.new_page()
        assert self.page is not None
        x0, x1 = self.left + 60, self.width - self.right - 60
        self.page.draw_rect((x0, self.y + 8, x1, self.y + 8 + height), color=(0, 0, 0), width=0.6)
        for k, h in enumerate((40, 65, 80, 70, 95, 100)):  # bars: a chart without text
            bx = x0 + 15 + k * 40
            bottom = self.y + 8 + height - 5
            self.page.draw_rect((bx, bottom - h, bx + 22, bottom), fill=(0.6, 0.6, 0.6))
        self.y += height + 12
        self.paragraph(caption, "caption", lang, style, role="caption")

    def columns(
        self,
        items: Sequence[dict[str, str]],
        heading: dict[str, str] | None = None,
        gap: float = 18.0,
    ) -> None:
        """A balanced two-column section under a full-width ``heading``, read left then right."""
        colw = (self.width - self.left - self.right - gap) / 2
        placed: list[tuple[float, _Line, dict[str, str]]] = []  # (advance, line, item)
        for item in items:
            style = STYLES[item["kind"]]
            lead = style.size * style.leading
            for k, line in enumerate(self.break_lines(item["text"], style, colw)):
                advance = lead + (style.space_before if k == 0 and placed else 0)
                placed.append((advance, line, item))
        total = sum(p[0] for p in placed)
        if self.page is None or self.room() < total / 2 + 30 + (40 if heading else 0):
            self.new_page()
        if heading:
            self.paragraph(heading["text"], heading["kind"], heading["lang"])
        split, acc = 0, 0.0
        while acc < total / 2:
            acc += placed[split][0]
            split += 1
        top = self.y + 6
        for n, (x_left, part) in enumerate(
            ((self.left, placed[:split]), (self.left + colw + gap, placed[split:]))
        ):
            y = top
            for k, (advance, line, item) in enumerate(part):
                y += advance if (k or not n) else line.style.size * line.style.leading
                if line.first:
                    self._record(
                        item["text"], ROLE_OF_KIND.get(item["kind"], item["kind"]), item["lang"]
                    )
                self.draw(line, x_left, x_left + colw, y)
            self.y = max(self.y, y)

    def _record(self, text: str, role: str, lang: str | None) -> None:
        self.gold.append({"text": text, "role": role, "lang": lang, "page": self.printed})

    def draw(self, line: _Line, x0: float, x1: float, baseline: float) -> None:
        assert self.writer is not None
        style, font = line.style, self.font(line.style)
        start = x0 + (style.indent if line.first else style.hanging)
        text = " ".join(line.words)
        if style.align == "center":
            start = (x0 + x1 - self.measure(text, style)) / 2
        if style.align != "justify" or line.last or len(line.words) < 2:
            self.writer.append((start, baseline), text, font=font, fontsize=style.size)
            return
        widths = [self.measure(w, style) for w in line.words]
        gap = (x1 - start - sum(widths)) / (len(widths) - 1)
        x = start
        for i, (word, w) in enumerate(zip(line.words, widths, strict=True)):
            # A trailing space per word, as typesetting programs emit; the gap is wider.
            tail = " " if i < len(widths) - 1 else ""
            self.writer.append((x, baseline), word + tail, font=font, fontsize=style.size)
            x += w + gap

    def finish(self, metadata: dict[str, str] | None = None, xmp: str | None = None) -> bytes:
        self.finish_page()
        if metadata:
            self.doc.set_metadata(metadata)
        if xmp:
            self.doc.set_xml_metadata(xmp)
        data = self.doc.tobytes(garbage=3, deflate=True)
        self.doc.close()
        return data


def _syllable_break(word: str, i: int) -> bool:
    """Break before a consonant followed by a vowel, with a vowel in the head, letters around."""
    head, tail = word[:i], word[i:].rstrip(".,;:!?»)")
    if not (head.isalpha() and tail.isalpha() and len(tail) >= 2 and len(head) >= 2):
        return False
    return (word[i].lower() not in VOWELS and word[i + 1].lower() in VOWELS
            and any(c.lower() in VOWELS for c in head))  # fmt: skip


def with_style(kind: str, **changes: Any) -> Style:
    """A variant of a named style, for tests that need e.g. spaced paragraphs."""
    return replace(STYLES[kind], **changes)
