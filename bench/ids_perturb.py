"""Perturbed files of the same work, for ``bench/ids_pipeline.py``.

Text copies are perturbed as files (re-wrapped, hyphenated, running headers, Unicode noise,
edited through the paragraph's place in the raw text); the generated journal article is
perturbed in its content and typeset again (other layouts, noise, edits). Every edit comes
with ``Expect``: for the normalised text of each edited paragraph, the normalised text its ID
should lead to afterwards, or None for a tombstone.
"""

from __future__ import annotations

import json
import random
import re
import sys
import textwrap
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
for _path in (ROOT, ROOT / "tests"):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

import pdfgen  # noqa: E402
from pdftypeset import STYLES, Typesetter  # noqa: E402

from archive.ids import normalise  # noqa: E402

SEED = ROOT / "seeds" / "000_d613d50ca8d86847.txt"
NEWS = ROOT / "seeds" / "001_0956fffff0b724be.txt"
ARTICLE = ROOT / "tests" / "data" / "journal_article.json"
NOTE = "Жаңа абзац: мақалаға кейін қосылған түсініктеме, бұрынғы нұсқада болмаған."
HEADER = "Құқық және мемлекет, № 4 (105), 2024"

Expect = dict[str, str | None]


# -- text copies ------------------------------------------------------------------------------
def _unwrap(chunk: str) -> str:
    out = ""
    for line in chunk.split("\n"):
        line = line.strip()
        if out.endswith("-") and line[:1].isalpha():
            out = out[:-1] + line
        else:
            out = f"{out} {line}" if out else line
    return out


def hyphenate(text: str, width: int) -> str:
    """Wrap at *width*, breaking the word at each line end with a hyphen."""
    out, line = [], ""
    for word in text.split():
        if len(line) + 1 + len(word) > width and len(word) > 5 and line:
            cut = min(max(2, width - len(line) - 2), len(word) - 2)
            out.append(f"{line} {word[:cut]}-")
            line = word[cut:]
        else:
            line = f"{line} {word}" if line else word
    out.append(line)
    return "\n".join(out)


def noise(text: str, rng: random.Random) -> str:
    """NFD, other quote and dash styles, NBSPs and soft hyphens inside words."""
    text = unicodedata.normalize("NFD", text)
    text = text.replace("«", "“").replace("»", "”").replace(" – ", "\u00a0— ")
    chars = list(text)
    for k, ch in enumerate(chars):
        roll = rng.random()
        if ch == " " and roll < 0.2:
            chars[k] = "\u00a0"
        elif ch.isalpha() and k + 1 < len(chars) and chars[k + 1].isalpha() and roll < 0.03:
            chars[k] = ch + "\u00ad"
    return "".join(chars)


def noisy_items(items: list[dict[str, str]]) -> list[dict[str, str]]:
    """The article's content with ``noise`` in every text."""
    return [dict(it, text=noise(it["text"], random.Random(k))) if it.get("text") else it
            for k, it in enumerate(items)]  # fmt: skip


def text_reextractions(raw: str, texts: list[str]) -> list[tuple[str, str]]:
    """Whole-file re-extractions of a text copy: the same words and paragraphs, other bytes.

    Re-wrapping and re-hyphenating happen inside each paragraph found in *raw* (lines outside
    them, such as headings and running headers, stay as they are), as another extraction of
    the same pages would give.
    """
    sp = [s for s in spans(raw, texts) if s is not None]

    def rewrap(wrap: Callable[[str], str]) -> str:
        out, at = [], 0
        for start, end in sp:
            out += [raw[at:start], wrap(_unwrap(raw[start:end]))]
            at = end
        return "".join([*out, raw[at:]])

    lines = raw.split("\n")
    every = min(45, max(4, len(lines) // 6))  # a page's worth of lines, or a few per file
    with_headers: list[str] = []
    for k, line in enumerate(lines):
        if k and k % every == 0:
            with_headers += ["", f"{HEADER}{40 + k // every}", ""]
        with_headers.append(line)
    return [
        ("re-wrapped", rewrap(lambda t: "\n".join(textwrap.wrap(t, 90, break_on_hyphens=False)))),
        ("re-wrapped narrow", rewrap(lambda t: "\n".join(textwrap.wrap(t, 72)))),
        ("hyphenated", rewrap(lambda t: hyphenate(t, 86))),
        ("running headers", "\n".join(with_headers)),
        ("unicode noise", noise(raw, random.Random(0))),
    ]


def spans(raw: str, texts: list[str]) -> list[tuple[int, int] | None]:
    """Where each paragraph sits in *raw* as whole lines, or None when not cleanly found."""
    chars: list[str] = []
    where: list[int] = []
    for k, ch in enumerate(raw):
        if ch.isalnum():
            for c in normalise(ch):
                chars.append(c)
                where.append(k)
    flat = "".join(chars)
    out: list[tuple[int, int] | None] = []
    for text in texts:
        n = normalise(text)
        pos = flat.find(n) if n else -1
        if pos < 0 or flat.count(n) != 1:
            out.append(None)
            continue
        start, end = where[pos], where[pos + len(n) - 1] + 1
        while start and not raw[start - 1].isspace():
            start -= 1
        while end < len(raw) and not raw[end].isspace():
            end += 1
        clean = (start == 0 or raw[start - 1] == "\n") and raw[end:].lstrip(" \t")[:1] in ("\n", "")
        out.append((start, end) if clean else None)
    return out


def _swap_letters(word: str) -> str:
    """A typo fixed (or made): the two different letters nearest the middle swapped."""
    mid = min((i for i in range(1, len(word)) if word[i - 1] != word[i]),
              key=lambda i: (abs(2 * i - len(word)), i))  # fmt: skip
    return word[: mid - 1] + word[mid] + word[mid - 1] + word[mid + 1 :]


def _sentence_cut(text: str) -> int | None:
    """Offset of the sentence boundary nearest the middle of *text*."""
    cuts = [m.end() for m in re.finditer(r"[.!?]\s+(?=[^\W\d_])", text) if text[m.end()].isupper()]
    cuts = [c for c in cuts if 40 <= c <= len(text) - 40]
    return min(cuts, key=lambda c: (abs(2 * c - len(text)), c)) if cuts else None


def _pick(texts: list[str], ok: Callable[[int], bool]) -> int:
    """The middle one of the longest paragraphs that *ok* accepts."""
    for least in (300, 150, 60):
        good = [k for k, t in enumerate(texts) if len(t) > least and ok(k)]
        if good:
            return good[len(good) // 2]
    raise ValueError("no paragraph fit for this perturbation")


def text_edits(raw: str, texts: list[str]) -> list[tuple[str, str, Expect]]:
    """Edited text copies, with what each edited paragraph's ID should lead to."""
    sp = spans(raw, texts)
    norm = [normalise(t) for t in texts]
    out: list[tuple[str, str, Expect]] = []

    def unique_word(k: int) -> re.Match[str] | None:
        s, e = sp[k] or (0, 0)
        words = [m for m in re.finditer(r"[^\W\d_]{8,}", raw[s:e]) if raw.count(m.group()) == 1
                 and norm[k].count(normalise(m.group())) == 1]  # fmt: skip
        return max(words, key=lambda m: (len(m.group()), -m.start())) if words else None

    def fix(text: str, k: int) -> tuple[str, Expect]:
        """*text* with a typo swapped into paragraph k's rarest long word (unique in the file)."""
        m = unique_word(k)
        assert m is not None
        new = _swap_letters(m.group())
        want = norm[k].replace(normalise(m.group()), normalise(new))
        return text.replace(m.group(), new, 1), {norm[k]: want}

    fixable = [k for k in range(len(texts)) if sp[k] is not None and unique_word(k) is not None]
    k = _pick(texts, lambda k: k in fixable)
    fixed, want = fix(raw, k)
    out.append(("one word fixed", fixed, want))
    typos, wants = raw, {}
    for k in fixable[1::3]:  # a proof-reading pass: one word in every third paragraph
        typos, want = fix(typos, k)
        wants |= want
    out.append(("typos fixed", typos, wants))

    k = _pick(texts, lambda k: sp[k] is not None)
    s, e = sp[k] or (0, 0)
    out.append(("one inserted", raw[:e] + "\n\n" + NOTE + "\n" + raw[e:], {}))
    out.append(("one deleted", raw[:s] + raw[e:].lstrip(" \t\n"), {norm[k]: None}))

    k = _pick(texts, lambda k: sp[k] is not None and _sentence_cut(raw[slice(*sp[k])]) is not None)
    s, e = sp[k] or (0, 0)
    cut = s + (_sentence_cut(raw[s:e]) or 0)
    split = raw[:cut].rstrip() + "\n\n" + raw[cut:]
    out.append(("one split", split, {norm[k]: normalise(raw[s:cut])}))

    k = _pick(texts, lambda k: k + 1 < len(texts) and sp[k] is not None and sp[k + 1] is not None)
    (_, e), (s2, _) = sp[k] or (0, 0), sp[k + 1] or (0, 0)
    both = norm[k] + norm[k + 1]
    out.append(("two merged", raw[:e] + " " + raw[s2:], {norm[k]: both, norm[k + 1]: both}))

    # Two paragraphs moved up, before the first cleanly found paragraph well ahead of them.
    dest = next(j for j in range(1, len(sp)) if sp[j])
    k = _pick(texts, lambda k: k > dest + 1 and all(j < len(sp) and sp[j] for j in (k, k + 1)))
    (s, _), (_, e), (d, _) = sp[k] or (0, 0), sp[k + 1] or (0, 0), sp[dest] or (0, 0)
    block = raw[s:e] + "\n\n"
    moved = raw[:d] + block + raw[d:s] + raw[e:].lstrip(" \t\n")
    out.append(("moved", moved, {}))
    if k in fixable:
        out.append(("moved + edited", *fix(moved, k)))
    return out


# -- perturbing a typeset article -------------------------------------------------------------
def article_spec() -> dict[str, Any]:
    """The generated journal article's content (``tests/data/journal_article.json``)."""
    return json.loads(ARTICLE.read_text(encoding="utf-8"))


def typeset_article(
    items: list[dict[str, str]],
    *,
    margins: tuple[float, float, float, float] = (56.0, 64.0, 50.0, 64.0),
    size: tuple[float, float] = (499.0, 709.0),
    body_size: float = 10.5,
    header: str | None = None,
) -> bytes:
    """The article set like ``pdfgen.journal_article``, with another layout when asked."""
    spec = article_spec()
    journal, issue = spec["journal"], spec["issue"]
    running = header or f"{journal}, {issue}"
    ts = Typesetter(
        first_page=17, size=size, margins=margins,
        header=lambda p: running if p % 2 else spec["running_author"],
        footer=lambda p: (f"{journal.split(' / ')[0]}, {issue}", False),
    )  # fmt: skip
    pdfgen.typeset_items(ts, items, scale=body_size / STYLES["body"].size)
    meta = spec["metadata"]
    info = {"title": meta["title"], "author": meta["author"], "subject": meta["subject"],
            "keywords": meta["keywords"]}  # fmt: skip
    return ts.finish(info, pdfgen.xmp_packet(meta, 17))


def pdf_text_copy(pdf: bytes) -> str:
    """A plain-text copy of a PDF as a reader saves it: every page's text, in order."""
    import pymupdf

    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        return "\n".join(page.get_text() for page in doc)


def pdf_edits(items: list[dict[str, str]]) -> list[tuple[str, list[dict[str, str]], Expect]]:
    """Edited versions of the article's content, with the expected outcome per edited text."""
    body = [k for k, it in enumerate(items) if it["kind"] == "body"]
    texts = [it.get("text", "") for it in items]
    norm = [normalise(t) for t in texts]
    k = _pick(texts, lambda k: k in body)
    out: list[tuple[str, list[dict[str, str]], Expect]] = []

    def fix(items: list[dict[str, str]], k: int) -> tuple[list[dict[str, str]], Expect]:
        """Item k of *items* with a typo swapped into its longest word."""
        text = items[k]["text"]
        word = max(re.findall(r"[^\W\d_]{8,}", text), key=lambda w: (len(w), w))
        fixed = text.replace(word, _swap_letters(word), 1)
        return _with(items, k, fixed), {normalise(text): normalise(fixed)}

    out.append(("one word fixed", *fix(items, k)))
    typos, wants = items, {}
    for j in body[1::3]:
        typos, want = fix(typos, j)
        wants |= want
    out.append(("typos fixed", typos, wants))
    note = {"kind": "body", "text": NOTE, "lang": "kk"}
    out.append(("one inserted", [*items[: k + 1], note, *items[k + 1 :]], {}))
    out.append(("one deleted", items[:k] + items[k + 1 :], {norm[k]: None}))
    cut = _sentence_cut(texts[k]) or len(texts[k]) // 2
    first, rest = dict(items[k], text=texts[k][:cut].rstrip()), dict(items[k], text=texts[k][cut:])
    out.append(("one split", [*items[:k], first, rest, *items[k + 1 :]],
                {norm[k]: normalise(first["text"])}))  # fmt: skip
    k2 = next(j for j in body if j > k and j - 1 in body and j - 1 != k)
    both = texts[k2 - 1] + " " + texts[k2]
    merged = [*_with(items, k2 - 1, both)[:k2], *items[k2 + 1 :]]
    out.append(("two merged", merged, {norm[k2 - 1]: normalise(both), norm[k2]: normalise(both)}))
    block = body[:2]
    moved = [it for j, it in enumerate(items) if j not in block]
    at = next(j for j, it in enumerate(moved) if it is items[body[-1]]) + 1
    moved = moved[:at] + [items[j] for j in block] + moved[at:]
    out.append(("moved", moved, {}))
    out.append(("moved + edited", *fix(moved, at)))
    return out


def _with(items: list[dict[str, str]], k: int, text: str) -> list[dict[str, str]]:
    return [*items[:k], dict(items[k], text=text), *items[k + 1 :]]


