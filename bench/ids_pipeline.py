"""ID stability through the whole pipeline: ingest a file, ingest another file of the same work.

Used by ``bench/ids.py`` (full suite) and ``tests/test_ids_pipeline.py`` (a fast subset); the
perturbed files come from ``bench/ids_perturb.py``.

Each case ingests an original for real into a fresh archive home, records every live
paragraph ID with its text, ingests a perturbed *file* of the same source without naming the
source (it must join by DOI or text overlap), and resolves every old ID again. An old ID is

- **stable** when it resolves as it should: live with the same words (``normalise``), or for
  the passages the case edited, the expected outcome: the edited text, the first part of a
  split, the merged paragraph (both IDs), or a ``deleted`` tombstone keeping its last text;
- **resegmented** when it resolves to the right passage with other words: one that contains
  its expected words or is contained in them (the segmenter cut the new file differently), or
  a damaged extraction of it (closer to its expected text than to any other passage's);
- **wrong** when it resolves to any other live passage (must never happen);
- **lost** otherwise (a tombstone where the passage is still there).

A round trip (``Case.back``) ingests a third file with the original's words after the
perturbed one, and judges every ID against the original: a passage that a poorer file lost
or glued to a neighbour must get its own ID back.
"""

from __future__ import annotations

import json
import sqlite3
import sys
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ids_perturb import (
    NEWS,
    SEED,
    Expect,
    article_spec,
    noisy_items,
    pdf_edits,
    pdf_text_copy,
    pdfgen,
    text_edits,
    text_reextractions,
    typeset_article,
)

from archive.ids import normalise
from archive.ingest.run import ingest_paths
from archive.store import Store


@dataclass(frozen=True)
class Case:
    name: str
    data: bytes
    suffix: str
    expect: Expect = field(default_factory=dict)
    reextraction: bool = False  # the same words in another file: every ID must stay
    # Round trip: after ``data``, this file (the original's words again, other bytes) is
    # ingested and every ID is judged against the original; ``expect`` is then ignored.
    back: bytes | None = None


@dataclass(frozen=True)
class Outcome:
    name: str
    total: int
    stable: int
    reseg: int
    wrong: int
    review: int
    status: str  # the second file's ingest status, "new_version" when it joined the source
    same_key: bool
    reextraction: bool

    @property
    def lost(self) -> int:
        return self.total - self.stable - self.reseg - self.wrong

    @property
    def rate(self) -> float:
        return self.stable / self.total if self.total else 1.0


# -- running a case ---------------------------------------------------------------------------
def _ingest(home: Path, path: Path) -> Any:
    with Store.open(home) as store:
        [outcome] = ingest_paths(store, [path]).files
    return outcome


def _rows(home: Path) -> dict[str, tuple[str, str]]:
    conn = sqlite3.connect(home / "archive.db")
    try:
        return {pid: (status, text) for pid, status, text in
                conn.execute("SELECT id, status, text FROM paragraphs")}  # fmt: skip
    finally:
        conn.close()


def _merged_into(home: Path, pid: str) -> str | None:
    conn = sqlite3.connect(home / "archive.db")
    try:
        row = conn.execute(
            "SELECT related FROM paragraph_versions WHERE paragraph_id = ? ORDER BY id DESC",
            [pid],
        ).fetchone()
    finally:
        conn.close()
    related = json.loads(row[0]) if row and row[0] else []
    return related[0] if related else None


def _nearest(text: str, candidates: list[str]) -> str:
    """The candidate *text* is most similar to: a damaged extraction still names its passage."""
    return max(candidates, key=lambda c: (fuzz.ratio(text, c), c))


def _review_count(home: Path, sha256: str) -> int:
    conn = sqlite3.connect(home / "archive.db")
    try:
        return conn.execute(
            "SELECT count(*) FROM paragraph_versions WHERE file_sha256 = ? AND review = 1",
            [sha256],
        ).fetchone()[0]
    finally:
        conn.close()


def original_ids(home: Path, original: bytes, suffix: str) -> tuple[Any, dict[str, str]]:
    """Ingest *original* into *home*; its outcome and live paragraph ID -> text."""
    path = home.parent / f"{home.name}-original{suffix}"
    path.write_bytes(original)
    first = _ingest(home, path)
    return first, {pid: text for pid, (status, text) in _rows(home).items() if status == "live"}


def run_case(original: bytes, suffix: str, case: Case, workdir: Path | None = None) -> Outcome:
    """Ingest *original*, then the case's file, and judge every old paragraph ID."""
    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        home = Path(tmp) / "home"
        first, before = original_ids(home, original, suffix)
        path = Path(tmp) / f"copy{case.suffix}"
        path.write_bytes(case.data)
        second = _ingest(home, path)
        expect = case.expect
        if case.back is not None:
            path = Path(tmp) / f"back{suffix}"
            path.write_bytes(case.back)
            second, expect = _ingest(home, path), {}
        after = _rows(home)
        wanted = [expect.get(normalise(t), normalise(t)) for t in before.values()]
        wants = sorted({w for w in wanted if w})
        stable = reseg = wrong = 0
        for (pid, text), want in zip(before.items(), wanted, strict=True):
            status, now = after.get(pid, ("missing", ""))
            target, hops = pid, 0
            while status == "merged" and hops < 10 and (into := _merged_into(home, target)):
                target, hops = into, hops + 1
                status, now = after.get(target, ("missing", ""))
            got = normalise(now)
            if want is None:
                stable += status == "deleted" and got == normalise(text)
                wrong += status == "live"
            elif status != "live":
                continue  # lost
            elif got == want:
                stable += 1
            elif got and (want in got or want.startswith(got) or _nearest(got, wants) == want):
                reseg += 1  # a merge into a larger passage, the head of a split, or damage
            else:
                wrong += 1
        review = _review_count(home, second.sha256) if second.sha256 else 0
    return Outcome(
        case.name, len(before), stable, reseg, wrong, review, second.status,
        second.key == first.key, case.reextraction,
    )  # fmt: skip


# -- the suites -------------------------------------------------------------------------------
def text_cases(raw: str, texts: list[str], *, edits: bool = True) -> list[Case]:
    """Seed-style text copy: re-extractions, edits, and the same article re-typeset as a PDF."""
    copies = text_reextractions(raw, texts)
    cases = [Case(n, t.encode(), ".txt", reextraction=True) for n, t in copies]
    if edits:
        cases += [Case(n, t.encode(), ".txt", e) for n, t, e in text_edits(raw, texts)]
    return cases


def pdf_cases(*, edits: bool = True) -> list[Case]:
    """The generated article: other layouts, noise, edits, and a plain-text copy of it."""
    items = article_spec()["items"]
    original, _ = pdfgen.journal_article()
    cases = [
        Case("wide margins", typeset_article(items, margins=(70, 80, 60, 80), body_size=9.5),
             ".pdf", reextraction=True),
        Case("narrow margins", typeset_article(items, margins=(50, 56, 50, 56), body_size=10),
             ".pdf", reextraction=True),
        Case("A5, bigger type", typeset_article(items, size=(420, 595), body_size=11.5),
             ".pdf", reextraction=True),
        Case("other headers", typeset_article(items, header="Заң және қоғам 2023 № 2"), ".pdf",
             reextraction=True),
        Case("unicode noise", typeset_article(noisy_items(items)), ".pdf", reextraction=True),
        Case("pdf -> text copy", pdf_text_copy(original).encode(), ".txt", reextraction=True),
    ]  # fmt: skip
    if edits:
        cases += [Case(n, typeset_article(new), ".pdf", e) for n, new, e in pdf_edits(items)]
    return cases


def live_paragraphs(original: bytes, suffix: str) -> list[str]:
    """The live paragraph texts, in reading order, of *original* ingested alone."""
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        original_ids(home, original, suffix)
        conn = sqlite3.connect(home / "archive.db")
        try:
            rows = conn.execute("SELECT text FROM paragraphs WHERE status = 'live' ORDER BY seq")
            return [text for (text,) in rows]
        finally:
            conn.close()


def round_trips(
    suite: list[tuple[str, bytes, str, list[Case]]],
) -> list[tuple[str, bytes, str, list[Case]]]:
    """Cases that lose or re-cut passages, each followed by the original's words again."""
    picks = {"re-wrapped narrow", "narrow margins", "one deleted", "two merged", "one split"}
    out = []
    for name, data, suffix, cases in suite:
        back = data + b"\n" if suffix == ".txt" else typeset_article(article_spec()["items"])
        trips = [replace(c, name=f"{c.name}, back", back=back) for c in cases if c.name in picks]
        if name != NEWS.name and trips:
            out.append((f"{name}, round trips", data, suffix, trips))
    return out


def suites(*, edits: bool = True) -> list[tuple[str, bytes, str, list[Case]]]:
    """(original's name, bytes, suffix, cases) for both seeds and for the generated article."""
    out = []
    for seed in (SEED, NEWS):
        raw = seed.read_text(encoding="utf-8")
        cases = text_cases(raw, live_paragraphs(raw.encode(), ".txt"), edits=edits)
        if seed == SEED:
            retypeset = pdfgen.retypeset_seed_000()[0]
            cases.append(Case("text -> typeset pdf", retypeset, ".pdf", reextraction=True))
        out.append((seed.name, raw.encode(), ".txt", cases))
    pdf, _ = pdfgen.journal_article()
    return [*out, ("journal_article.pdf", pdf, ".pdf", pdf_cases(edits=edits))]
