"""ID stability under re-ingestion: perturb seed 000 and measure how many labels survive.

    .venv/bin/python bench/ids.py

For each scenario the old paragraphs (labels 1..N) are matched against a perturbed copy with
``carry_labels``. An old ID is *stable* when it still resolves to the right passage: carried
to the paragraph that continues it, ``merged_into`` the paragraph that absorbed it, or a
``deleted`` tombstone when the passage really is gone. It is *wrong* when it is carried to
any other passage. Targets: 100 % for re-extraction scenarios, >= 99 % overall, 0 wrong.

The paragraphs come from the golden segmentation ``tests/golden/000_d613d50ca8d86847.json``
when it exists, else from the seed text split on blank lines.

The second table runs the same kinds of perturbation through the whole pipeline: real files
ingested into a temporary archive, for both seeds and for a generated PDF article, plus
cross-format copies and round trips (a perturbed file, then the original's words again);
see ``bench/ids_pipeline.py`` for how each old ID is judged. Exit status 0 only when every
target is met.
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
sys.path.insert(0, str(ROOT / "bench"))

from ids_perturb import hyphenate  # noqa: E402

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
        Scenario("hyphenated", [hyphenate(_flat(p), 43) for p in paras], _identity(n), True),
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


def synthetic(n: int, rng: random.Random, vocab: list[str]) -> list[str]:
    return [" ".join(rng.choice(vocab) for _ in range(rng.randint(20, 90))) for _ in range(n)]


def _row(s: Score) -> str:
    return (
        f"{s.name:<18} {s.stable:>4}/{s.total:<3} {s.rate:>8.1%} {s.wrong:>6} "
        f"{s.review:>7} {s.seconds * 1000:>7.1f}"
    )


def pipeline() -> bool:
    """The whole-pipeline suite (``bench/ids_pipeline.py``): print its table, True if on target."""
    from ids_pipeline import round_trips, run_case, suites

    total = stable = reseg = wrong = 0
    ok = True
    suite = suites()
    for name, data, suffix, cases in [*suite, *round_trips(suite)]:
        print(f"{name}: the original ingested, then each file below into the same archive")
        print(f"{'scenario':<22} {'stable':>8} {'rate':>8} {'wrong':>6} {'reseg':>6} "
              f"{'lost':>5} {'review':>7} {'joined':>7}")  # fmt: skip
        for case in cases:
            o = run_case(data, suffix, case)
            total, stable = total + o.total, stable + o.stable
            reseg, wrong = reseg + o.reseg, wrong + o.wrong
            joined = o.status == "new_version" and o.same_key
            ok &= o.wrong == 0 and joined and (o.rate == 1.0 or not o.reextraction)
            mark = "*" if o.reextraction else " "
            print(f"{o.name + mark:<22} {o.stable:>4}/{o.total:<3} {o.rate:>8.1%} {o.wrong:>6} "
                  f"{o.reseg:>6} {o.lost:>5} {o.review:>7} "
                  f"{'yes' if joined else o.status:>7}")  # fmt: skip
    rate = stable / total if total else 1.0
    print(f"{'overall':<22} {stable:>4}/{total:<3} {rate:>8.1%} {wrong:>6} {reseg:>6}")
    print("* re-extraction (target 100 %); reseg: right passage, cut differently by the segmenter")
    return ok and rate >= 0.99


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
    ok &= pipeline()

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
