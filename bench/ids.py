"""ID stability under re-ingestion: perturb seed 000 and measure how many labels survive.

    .venv/bin/python bench/ids.py

For each scenario the old paragraphs (labels 1..N) are matched against a perturbed copy with
``carry_labels``. An old ID is *stable* when it still resolves to the right passage: carried
to the paragraph that continues it, ``merged_into`` the paragraph that absorbed it, or a
``deleted`` tombstone when the passage really is gone. It is *wrong* when it is carried to
any other passage. Targets: 100 % for re-extraction scenarios, >= 99 % overall, 0 wrong.

The paragraphs come from the golden segmentation ``tests/golden/000_d613d50ca8d86847.json``
when it exists, else from the seed text split on blank lines. When ``archive.analyse`` can
segment text, the re-extraction scenarios are also run through it end to end.
"""

from __future__ import annotations

import json
import random
import re
import sys
import textwrap
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive.ids import OldParagraph, carry_labels  # noqa: E402

SEED = ROOT / "seeds" / "000_d613d50ca8d86847.txt"
NEWS = ROOT / "seeds" / "001_0956fffff0b724be.txt"
HEADER = "Құқық және мемлекет, № 4 (105), 2024"
_LOOKALIKE = str.maketrans("аеорсхіАВЕКМНОРСТХ", "aeopcxiABEKMHOPCTX")


@dataclass(frozen=True)
class Scenario:
    name: str
    new_texts: list[str]
    truth: list[int | None]  # per old paragraph: the new index continuing it, None = gone
    reextraction: bool  # same text, different extraction: every ID must survive


@dataclass(frozen=True)
class Score:
    name: str
    total: int
    stable: int
    wrong: int
    review: int
    seconds: float

    @property
    def rate(self) -> float:
        return self.stable / self.total if self.total else 1.0


def load_paragraphs(seed: Path = SEED) -> list[str]:
    """A seed as paragraphs: its golden blocks if present, else blank-line separated runs."""
    golden = ROOT / "tests" / "golden" / f"{seed.stem}.json"
    if golden.exists():
        data = json.loads(golden.read_text(encoding="utf-8"))
        blocks = data.get("paragraphs", data.get("blocks", [])) if isinstance(data, dict) else data
        texts = [b["text"] for b in blocks if isinstance(b, dict) and b.get("text")]
        if texts:
            return texts
    raw = seed.read_text(encoding="utf-8")
    return [p.strip("\n") for p in re.split(r"\n[ \t]*\n", raw) if p.strip()]


def _flat(text: str) -> str:
    return " ".join(text.split())


def _rewrap(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(_flat(text), width)) or text


def _hyphenate(text: str, width: int) -> str:
    """Wrap at *width*, breaking the word at each line end with a hyphen."""
    flat, out, line = _flat(text), [], ""
    for word in flat.split(" "):
        if len(line) + 1 + len(word) > width and len(word) > 5 and line:
            cut = max(2, width - len(line) - 2)
            cut = min(cut, len(word) - 2)
            out.append(f"{line} {word[:cut]}-")
            line = word[cut:]
        else:
            line = f"{line} {word}" if line else word
    out.append(line)
    return "\n".join(out)


def _noise(text: str, rng: random.Random) -> str:
    text = unicodedata.normalize("NFD", text)
    text = text.replace("«", "“").replace("»", "”").replace("–", "—")
    chars = list(text)
    for k, ch in enumerate(chars):
        roll = rng.random()
        if ch == " " and roll < 0.2:
            chars[k] = "\u00a0"
        elif ch.isalpha() and roll < 0.05:
            chars[k] = ch.translate(_LOOKALIKE)
        elif ch.isalpha() and roll < 0.07:
            chars[k] = ch + "\u00ad"
    return "".join(chars)


def _fix_word(text: str) -> str:
    words = text.split(" ")
    k = max(range(len(words)), key=lambda n: (len(words[n]), -n))
    words[k] = words[k][:-2] + words[k][-1] + words[k][-2] if len(words[k]) > 3 else "x"
    return " ".join(words)


def _identity(n: int) -> list[int | None]:
    return list(range(n))


def scenarios(paras: list[str]) -> list[Scenario]:
    """The perturbation suite, deterministic for a given paragraph list."""
    n = len(paras)
    rng = random.Random(0)
    long_ones = [k for k, p in enumerate(paras) if len(p) > 300]
    mid = long_ones[len(long_ones) // 2]
    out = [
        Scenario("re-wrapped", [_rewrap(p, 57) for p in paras], _identity(n), True),
        Scenario("hyphenated", [_hyphenate(p, 43) for p in paras], _identity(n), True),
        Scenario("unicode noise", [_noise(p, rng) for p in paras], _identity(n), True),
    ]
    with_headers: list[str] = []
    truth_h: list[int | None] = []
    for k, p in enumerate(paras):
        if k % 7 == 3:
            with_headers.append(f"{HEADER}{30 + k}")
        truth_h.append(len(with_headers))
        with_headers.append(p)
    out.append(Scenario("running headers", with_headers, truth_h, True))

    fixed = list(paras)
    fixed[mid] = _fix_word(paras[mid])
    out.append(Scenario("one word fixed", fixed, _identity(n), False))

    note = "Жаңа абзац: мақалаға кейін қосылған түсініктеме."
    inserted = [*paras[: mid + 1], note, *paras[mid + 1 :]]
    out.append(
        Scenario("one inserted", inserted, [k if k <= mid else k + 1 for k in range(n)], False)
    )

    deleted = paras[:mid] + paras[mid + 1 :]
    truth_d = [k if k < mid else (None if k == mid else k - 1) for k in range(n)]
    out.append(Scenario("one deleted", deleted, truth_d, False))

    sentences = re.split(r"(?<=[.!?])\s+", _flat(paras[mid]))
    half = max(1, len(sentences) // 2)
    split = [*paras[:mid], " ".join(sentences[:half]), " ".join(sentences[half:])]
    split += paras[mid + 1 :]
    out.append(
        Scenario("one split", split, [k if k <= mid else k + 1 for k in range(n)], False)
    )

    merged = [*paras[:mid], paras[mid] + " " + paras[mid + 1], *paras[mid + 2:]]
    truth_m = [k if k <= mid else (mid if k == mid + 1 else k - 1) for k in range(n)]
    out.append(Scenario("two merged", merged, truth_m, False))

    block = list(range(mid, mid + 3))
    rest = [k for k in range(n) if k not in block]
    order = rest[:5] + block + rest[5:]
    moved = [paras[k] for k in order]
    truth_mv: list[int | None] = [None] * n
    for pos, k in enumerate(order):
        truth_mv[k] = pos
    out.append(Scenario("moved", moved, truth_mv, False))

    edited_move = list(moved)
    edited_move[5] = _fix_word(moved[5])
    out.append(Scenario("moved + edited", edited_move, truth_mv, False))
    return out


def evaluate(
    paras: list[str], scenario: Scenario, run: Callable[..., object] = carry_labels
) -> Score:
    old = [OldParagraph(str(k + 1), p) for k, p in enumerate(paras)]
    start = time.perf_counter()
    result = run(old, scenario.new_texts, frozenset())
    seconds = time.perf_counter() - start
    where = {a.label: j for j, a in enumerate(result.assignments) if a.kind != "new"}
    merged = {t.label: t.into[0] for t in result.tombstones if t.kind == "merged_into"}
    stable = wrong = 0
    for k, target in enumerate(scenario.truth):
        label = str(k + 1)
        got = where.get(label)
        if label in merged:
            got = where.get(merged[label])
        if got is None:
            stable += target is None
        elif got == target:
            stable += 1
        else:
            wrong += 1
    review = sum(a.review for a in result.assignments)
    return Score(scenario.name, len(paras), stable, wrong, review, seconds)


def _unwrap(chunk: str) -> str:
    """Join a chunk's lines; a line-end hyphen is taken as hyphenation and dropped."""
    out = ""
    for line in chunk.split("\n"):
        line = line.strip()
        if out.endswith("-") and line[:1].isalpha():
            out = out[:-1] + line
        else:
            out = f"{out} {line}" if out else line
    return out


def file_scenarios(raw: str) -> list[tuple[str, str]]:
    """Whole-file re-extractions of the seed text: same words, different bytes."""
    chunks = re.split(r"\n[ \t]*\n", raw)
    rewrapped = "\n\n".join(
        "\n".join(textwrap.wrap(_unwrap(c), 72, break_on_hyphens=False)) for c in chunks
    )
    hyphenated = "\n\n".join(_hyphenate(_unwrap(c), 64) for c in chunks)
    lines = raw.split("\n")
    with_headers: list[str] = []
    for k, line in enumerate(lines):
        if k and k % 45 == 0:
            with_headers += ["", f"{HEADER}{40 + k // 45}", ""]
        with_headers.append(line)
    noisy = unicodedata.normalize("NFD", raw).replace("«", "“").replace("»", "”")
    noisy = noisy.replace(" – ", "\u00a0— ").replace("Құқық", "Құ\u00adқық")
    return [
        ("re-wrapped", rewrapped),
        ("hyphenated", hyphenated),
        ("running headers", "\n".join(with_headers)),
        ("unicode noise", noisy),
    ]


def segment_text(text: str) -> list[str] | None:
    """Paragraph texts from the real extractor and segmenter, or None if not available."""
    try:
        from archive.extract.text import extract_text
        from archive.segment import segment
    except ImportError:
        return None
    return [b.text for b in segment(extract_text(text.encode("utf-8"))).blocks]


def evaluate_related(old_texts: list[str], new_texts: list[str], name: str) -> Score:
    """Stability when the true mapping is unknown: judge each carry by the texts themselves.

    A carried label is right when old and new normalised texts are equal or one contains the
    other (a segmentation split or merge), or when they are at least ``CARRY`` similar.
    """
    from rapidfuzz import fuzz

    from archive.ids import CARRY, normalise

    old = [OldParagraph(str(k + 1), p) for k, p in enumerate(old_texts)]
    start = time.perf_counter()
    result = carry_labels(old, new_texts, frozenset())
    seconds = time.perf_counter() - start
    where = {a.label: j for j, a in enumerate(result.assignments) if a.kind != "new"}
    merged = {t.label: t.into[0] for t in result.tombstones if t.kind == "merged_into"}
    stable = wrong = 0
    for k, text in enumerate(old_texts):
        label = str(k + 1)
        j = where.get(merged.get(label, label))
        if j is None:
            continue
        a, b = normalise(text), normalise(new_texts[j])
        if a == b or a in b or b in a or fuzz.ratio(a, b) / 100 >= CARRY:
            stable += 1
        else:
            wrong += 1
    review = sum(x.review for x in result.assignments)
    return Score(name, len(old_texts), stable, wrong, review, seconds)


def synthetic(n: int, rng: random.Random, vocab: list[str]) -> list[str]:
    return [" ".join(rng.choice(vocab) for _ in range(rng.randint(20, 90))) for _ in range(n)]


def _row(s: Score) -> str:
    return (
        f"{s.name:<18} {s.stable:>4}/{s.total:<3} {s.rate:>8.1%} {s.wrong:>6} "
        f"{s.review:>7} {s.seconds * 1000:>7.1f}"
    )


def main() -> int:
    total = stable = wrong = 0
    ok = True
    for seed in (SEED, NEWS):
        paras = load_paragraphs(seed)
        print(f"{seed.name}: {len(paras)} paragraphs, matcher level")
        print(f"{'scenario':<18} {'stable':>8} {'rate':>8} {'wrong':>6} {'review':>7} {'ms':>7}")
        for sc in scenarios(paras):
            s = evaluate(paras, sc)
            total, stable, wrong = total + s.total, stable + s.stable, wrong + s.wrong
            ok &= s.wrong == 0 and (s.rate == 1.0 or not sc.reextraction)
            print(_row(s))
    print(f"{'overall':<18} {stable:>4}/{total:<3} {stable / total:>8.1%} {wrong:>6}")
    ok &= stable / total >= 0.99
    paras = load_paragraphs()

    raw = SEED.read_text(encoding="utf-8")
    base = segment_text(raw)
    if base is not None:
        print("through archive.segment (text extractor + segmenter):")
        for name, text in file_scenarios(raw):
            new = segment_text(text) or []
            s = evaluate_related(base, new, name)
            ok &= s.wrong == 0
            print(_row(s))

    rng = random.Random(1)
    vocab = sorted({w for p in paras for w in p.split() if w.isalpha()})
    big = synthetic(2000, rng, vocab)
    shuffled = list(big)
    rng.shuffle(shuffled)
    unrelated = synthetic(2000, rng, vocab)
    for name, new in [("identical", big), ("shuffled", shuffled), ("unrelated", unrelated)]:
        old = [OldParagraph(str(k + 1), p) for k, p in enumerate(big)]
        start = time.perf_counter()
        carry_labels(old, new, frozenset())
        print(f"2000 x 2000 {name}: {(time.perf_counter() - start) * 1000:.0f} ms")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
