"""Label carrying: properties, the seed perturbation suite, speed and determinism."""

from __future__ import annotations

import importlib.util
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from archive.ids import (
    CarryResult,
    OldParagraph,
    carry_labels,
    normalise,
    shingle_overlap,
    shingles,
    text_overlap,
)

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def _load_bench():
    spec = importlib.util.spec_from_file_location("bench_ids", ROOT / "bench" / "ids.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_ids"] = module
    spec.loader.exec_module(module)
    return module


BENCH = _load_bench()
PARAS = BENCH.load_paragraphs()


def _words(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return sorted({w.strip('.,:;«»()"–') for w in text.split() if len(w) > 3 and w.isalpha()})


KAZAKH = _words(SEEDS / "000_d613d50ca8d86847.txt")
RUSSIAN = sorted(set(_words(SEEDS / "001_0956fffff0b724be.txt")) - set(KAZAKH))


def paragraphs(vocab: list[str], max_size: int = 25) -> st.SearchStrategy[list[str]]:
    para = st.lists(st.sampled_from(vocab), min_size=4, max_size=30).map(" ".join)
    return st.lists(para, min_size=1, max_size=max_size, unique_by=normalise)


def _old(texts: list[str]) -> list[OldParagraph]:
    return [OldParagraph(str(k + 1), t) for k, t in enumerate(texts)]


def _labels(result: CarryResult) -> list[str]:
    return [a.label for a in result.assignments]


@settings(max_examples=60, deadline=None)
@given(paragraphs(KAZAKH))
def test_identity_carries_every_label_exactly(texts: list[str]) -> None:
    result = carry_labels(_old(texts), texts, set())
    assert _labels(result) == [str(k + 1) for k in range(len(texts))]
    assert {a.kind for a in result.assignments} == {"exact"}
    assert result.tombstones == ()


@settings(max_examples=60, deadline=None)
@given(paragraphs(KAZAKH), st.randoms(use_true_random=False))
def test_any_permutation_keeps_every_label(texts: list[str], rnd: random.Random) -> None:
    order = list(range(len(texts)))
    rnd.shuffle(order)
    result = carry_labels(_old(texts), [texts[k] for k in order], set())
    assert _labels(result) == [str(k + 1) for k in order]
    assert {a.kind for a in result.assignments} <= {"exact", "moved"}
    assert result.tombstones == ()


@settings(max_examples=60, deadline=None)
@given(paragraphs(KAZAKH), st.data())
def test_deleting_k_paragraphs_tombstones_exactly_those(
    texts: list[str], data: st.DataObject
) -> None:
    gone = data.draw(st.sets(st.integers(0, len(texts) - 1)))
    kept = [t for k, t in enumerate(texts) if k not in gone]
    result = carry_labels(_old(texts), kept, set())
    assert {t.label for t in result.tombstones} == {str(k + 1) for k in gone}
    assert {t.kind for t in result.tombstones} <= {"deleted"}
    assert _labels(result) == [str(k + 1) for k in range(len(texts)) if k not in gone]


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.sampled_from(KAZAKH[:40]), min_size=1, max_size=6)
    .map(" ".join)
    .flatmap(lambda p: st.lists(st.sampled_from([p, p + " қосымша", "басқа " + p]), max_size=12)),
    st.lists(st.sampled_from(KAZAKH[:40]), min_size=0, max_size=12),
    st.sets(st.sampled_from(["1b", "2", "3c", "0b", "7"])),
)
def test_never_assigns_a_label_twice(
    old_texts: list[str], new_words: list[str], taken: set[str]
) -> None:
    new_texts = old_texts[::-1] + [" ".join(new_words[k : k + 3]) for k in range(0, 12, 3)]
    result = carry_labels(_old(old_texts), new_texts, taken)
    labels = _labels(result)
    assert len(labels) == len(set(labels)) == len(new_texts)
    carried = {a.label for a in result.assignments if a.kind != "new"}
    fresh = {a.label for a in result.assignments if a.kind in {"new", "split"}} - carried
    assert not fresh & (taken | {p.label for p in _old(old_texts)})
    assert not carried & {t.label for t in result.tombstones}


@settings(max_examples=60, deadline=None)
@given(paragraphs(KAZAKH, 15), paragraphs(RUSSIAN, 15))
def test_never_carries_a_label_to_unrelated_text(old: list[str], new: list[str]) -> None:
    result = carry_labels(_old(old), new, set())
    assert {a.kind for a in result.assignments} == {"new"}
    assert [t.label for t in result.tombstones] == [str(k + 1) for k in range(len(old))]


def test_split_keeps_label_on_first_part() -> None:
    texts = ["Бірінші абзац.", "Екінші абзац. Ол екіге бөлінеді.", "Үшінші абзац."]
    new = ["Бірінші абзац.", "Екінші абзац.", "Ол екіге бөлінеді.", "Үшінші абзац."]
    result = carry_labels(_old(texts), new, set())
    assert _labels(result) == ["1", "2", "2b", "3"]
    assert [a.kind for a in result.assignments] == ["exact", "split", "split", "exact"]
    assert result.assignments[2].from_labels == ("2",)
    assert result.tombstones == ()


def test_merge_takes_first_label_and_tombstones_the_rest() -> None:
    texts = ["Бірінші.", "Екінші бөлігі", "жалғасы мұнда.", "Төртінші."]
    new = ["Бірінші.", "Екінші бөлігі жалғасы мұнда.", "Төртінші."]
    result = carry_labels(_old(texts), new, set())
    assert _labels(result) == ["1", "2", "4"]
    assert result.assignments[1].kind == "merged"
    assert result.assignments[1].from_labels == ("2", "3")
    assert [(t.label, t.kind, t.into) for t in result.tombstones] == [("3", "merged_into", ("2",))]


def test_fuzzy_edit_is_carried_and_heavy_edit_flagged_for_review() -> None:
    base = PARAS[5]
    words = base.split()
    light = " ".join([*words[:-3], "өзгертілген", "сөз"])
    heavy = " ".join(words[: len(words) * 3 // 5])
    result = carry_labels(_old([base, PARAS[6]]), [light, PARAS[6]], set())
    assert result.assignments[0].kind == "fuzzy" and not result.assignments[0].review
    assert result.assignments[0].label == "1"
    result = carry_labels(_old([base, PARAS[6]]), [heavy, PARAS[6]], set())
    first = result.assignments[0]
    assert first.kind == "fuzzy" and first.review and 0.5 <= (first.similarity or 0) < 0.75


def test_new_paragraph_labels_follow_their_predecessor() -> None:
    texts = PARAS[:4]
    new = ["Жаңа кіріспе сөйлем.", *texts[:2], "Қосылған абзац.", "Тағы біреуі.", *texts[2:]]
    result = carry_labels(_old(texts), new, {"2b"})
    assert _labels(result) == ["0b", "1", "2", "2c", "2d", "3", "4"]


SUITE = [
    (paras, scenario)
    for paras in (PARAS, BENCH.load_paragraphs(BENCH.NEWS))
    for scenario in BENCH.scenarios(paras)
]


@pytest.mark.parametrize(("paras", "scenario"), SUITE, ids=[f"{len(p)}-{s.name}" for p, s in SUITE])
def test_perturbation_suite_keeps_ids(paras: list[str], scenario) -> None:
    score = BENCH.evaluate(paras, scenario)
    assert score.wrong == 0
    if scenario.reextraction:
        assert score.stable == score.total
    assert score.rate >= 0.99


def test_two_thousand_paragraphs_match_quickly() -> None:
    rng = random.Random(7)
    big = BENCH.synthetic(2000, rng, KAZAKH)
    shuffled = list(big)
    rng.shuffle(shuffled)
    edited = [p + " түзету" if k % 10 == 0 else p for k, p in enumerate(big)]
    for new in (big, shuffled, edited):
        start = time.perf_counter()
        result = carry_labels(_old(big), new, set())
        assert time.perf_counter() - start < 2.5
        assert len({a.label for a in result.assignments}) == 2000


def test_deterministic_across_hash_seeds() -> None:
    script = (
        "import sys; sys.path.insert(0, 'bench'); import importlib.util as u;"
        "s=u.spec_from_file_location('b','bench/ids.py'); b=u.module_from_spec(s);"
        "sys.modules['b']=b; s.loader.exec_module(b); p=b.load_paragraphs();"
        "from archive.ids import carry_labels, OldParagraph;"
        "old=[OldParagraph(str(k+1),t) for k,t in enumerate(p)];"
        "print([repr(carry_labels(old, sc.new_texts, frozenset())) for sc in b.scenarios(p)])"
    )
    outs = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", script],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        outs.add(done.stdout)
    assert len(outs) == 1


def test_text_overlap_tells_manifestations_apart() -> None:
    rewrapped = [BENCH._rewrap(p, 50) for p in PARAS]
    assert text_overlap(PARAS, rewrapped) == 1.0
    news = (SEEDS / "001_0956fffff0b724be.txt").read_text(encoding="utf-8").split("\n\n")
    assert text_overlap(PARAS, news) < 0.05
    half = PARAS[: len(PARAS) // 2] + news
    assert 0.2 < text_overlap(PARAS, half) < 0.9
    assert text_overlap(PARAS, []) == 0.0


def test_moved_paragraph_boundaries_keep_both_labels() -> None:
    heading = "Негізгі бөлім"
    first = "Қазақстан Республикасының қарулы күштерінің бітімгершілік миссиялары ерте басталды."
    rest = (
        "Тәжік-Ауған шекарасындағы әскери операциялар Тәжікстан Республикасы тәуелсіздік "
        "алған кезден басталды. Тәжікстандағы жағдайды тұрақтандыру операциясы ұзаққа созылды."
    )
    result = carry_labels(_old([heading, f"{first} {rest}"]), [f"{heading} {first}", rest], set())
    assert _labels(result) == ["1", "2"]
    assert result.assignments[0].review  # the heading's label now sits on a longer paragraph
    assert result.tombstones == ()


def test_short_page_numbers_are_not_absorbed() -> None:
    result = carry_labels(_old(["36", PARAS[3]]), [PARAS[3] + " 36"], set())
    assert [t.label for t in result.tombstones] == ["1"]


NEWS_PARAS = [
    line
    for line in (SEEDS / "001_0956fffff0b724be.txt").read_text(encoding="utf-8").split("\n")
    if line.strip()
]


def test_other_paragraphs_of_the_same_article_are_not_carried() -> None:
    half = len(PARAS) // 2
    for old, new in ((PARAS[:half], PARAS[half:]), (PARAS[half:], PARAS[:half])):
        result = carry_labels(_old(old), new, set())
        assert {a.kind for a in result.assignments} == {"new"}


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_carried_labels_always_land_on_related_text(data: st.DataObject) -> None:
    pool = PARAS + NEWS_PARAS
    picked = data.draw(st.lists(st.integers(0, len(pool) - 1), unique=True, max_size=40))
    cut = data.draw(st.integers(0, len(picked)))
    old = [pool[k] for k in picked[:cut]]
    new = [pool[k] for k in picked[cut:]]
    result = carry_labels(_old(old), new, set())
    for j, a in enumerate(result.assignments):
        if a.kind == "new":
            continue
        before, after = normalise(old[int(a.label) - 1]), normalise(new[j])
        related = before in after or after in before
        related |= fuzz.ratio(old[int(a.label) - 1].split(), new[j].split()) >= 50
        assert related, (old[int(a.label) - 1], new[j])


def _retired(pairs: list[tuple[str, str]]) -> list[OldParagraph]:
    return [OldParagraph(label, text) for label, text in pairs]


def test_a_deleted_paragraph_that_comes_back_gets_its_label_again() -> None:
    texts = PARAS[10:16]
    live = [OldParagraph(str(k + 1), t) for k, t in enumerate(texts) if k != 2]
    result = carry_labels(live, texts, {"3"}, _retired([("3", texts[2])]))
    assert _labels(result) == ["1", "2", "3", "4", "5", "6"]
    assert result.assignments[2].kind == "restored" and not result.assignments[2].review
    assert result.tombstones == ()
    # Without the retired text the passage is new: a fresh label, the old one stays retired.
    assert _labels(carry_labels(live, texts, {"3"}))[2] == "2b"


def test_a_merge_undone_gives_the_second_part_its_label_back() -> None:
    a, b, c = PARAS[20:23]
    live = [OldParagraph("1", f"{a} {b}"), OldParagraph("3", c)]
    result = carry_labels(live, [a, b, c], {"1", "2", "3"}, _retired([("2", b)]))
    assert _labels(result) == ["1", "2", "3"]
    assert [x.kind for x in result.assignments] == ["split", "restored", "exact"]


def test_a_retired_text_edited_slightly_is_restored_but_not_an_unrelated_one() -> None:
    gone = PARAS[30]
    edited = gone.replace(gone.split()[3], gone.split()[3] + "ы", 1)
    live = _old(PARAS[:3])
    result = carry_labels(live, [*PARAS[:3], edited, PARAS[40]], {"4"}, _retired([("4", gone)]))
    assert _labels(result)[3] == "4" and result.assignments[3].kind == "restored"
    assert result.assignments[3].similarity is not None
    assert 0.75 <= result.assignments[3].similarity < 1.0
    assert result.assignments[4].kind == "new"


def test_retired_labels_that_are_live_are_ignored() -> None:
    live = _old(PARAS[:2])
    result = carry_labels(live, [PARAS[1], PARAS[0]], {"1", "2"}, _retired([("1", PARAS[1])]))
    assert _labels(result) == ["2", "1"]


@settings(max_examples=60, deadline=None)
@given(paragraphs(KAZAKH), st.data())
def test_deleting_then_restoring_gives_back_every_label(
    texts: list[str], data: st.DataObject
) -> None:
    gone = data.draw(st.sets(st.integers(0, len(texts) - 1)))
    first = carry_labels(_old(texts), [t for k, t in enumerate(texts) if k not in gone], set())
    live = [OldParagraph(a.label, texts[int(a.label) - 1]) for a in first.assignments]
    retired = [OldParagraph(t.label, texts[int(t.label) - 1]) for t in first.tombstones]
    issued = {str(k + 1) for k in range(len(texts))}
    again = carry_labels(live, texts, issued, retired)
    assert _labels(again) == [str(k + 1) for k in range(len(texts))]
    assert again.tombstones == ()


def test_shingles_kept_give_the_same_overlap() -> None:
    half = [*PARAS[: len(PARAS) // 2], "Совсем другой абзац о другом."]
    for new in (PARAS, half, [], ["Ерлан"]):
        assert shingle_overlap(shingles(PARAS), shingles(new)) == text_overlap(PARAS, new)


def test_a_candidate_source_is_read_once_per_run_until_a_file_joins_it() -> None:
    from archive.ingest.identify import SourceShingles

    reads: list[str] = []

    class Paragraph:
        def __init__(self, text: str) -> None:
            self.text = text

    class CountingStore:
        def live_paragraphs(self, key: str) -> list[Paragraph]:
            reads.append(key)
            return [Paragraph(t) for t in PARAS]

    known, store = SourceShingles(), CountingStore()
    first = known.of(store, "a")  # type: ignore[arg-type]
    assert known.of(store, "a") is first and reads == ["a"]
    known.forget("a")
    assert known.of(store, "a") == first and reads == ["a", "a"]
