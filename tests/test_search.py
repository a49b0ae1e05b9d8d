"""Word forms: stems for the index and MATCH expressions for queries (archive.search)."""

from __future__ import annotations

import re
import sqlite3
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archive.search import (
    NOTHING,
    highlight,
    kazakh_stem,
    keyboard_query,
    match_query,
    stem_query,
    stem_text,
)
from archive.store.tables import FTS_TOKENIZER

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _index(texts: list[tuple[str, str | None]]) -> sqlite3.Connection:
    """An in-memory word-form index built exactly like ``paragraphs_stems``."""
    conn = sqlite3.connect(":memory:")
    conn.execute(f"CREATE VIRTUAL TABLE word_forms USING fts5(stems, tokenize='{FTS_TOKENIZER}')")
    conn.executemany(
        "INSERT INTO word_forms(rowid, stems) VALUES (?, ?)",
        [(i, stem_text(text, lang)) for i, (text, lang) in enumerate(texts, start=1)],
    )
    return conn


def _hits(conn: sqlite3.Connection, query: str) -> list[int]:
    rows = conn.execute(
        "SELECT rowid FROM word_forms WHERE word_forms MATCH ? ORDER BY rowid", [stem_query(query)]
    )
    return [row[0] for row in rows]


@pytest.mark.parametrize(
    ("forms", "lang"),
    [
        (["бітімгершілік", "бітімгершілікке", "бітімгершіліктің", "бітімгершілікте"], "kk"),
        (["миссиялар", "миссияларына", "миссиясы", "миссияның"], "kk"),
        (["күштері", "күштерінің", "күштерге", "күштерден", "күштермен"], "kk"),
        (["қала", "қаласы", "қалада", "қалалардың", "қаланың"], "kk"),
        (["республика", "республики", "республикой", "республике"], "ru"),
        (["миротворческий", "миротворческих", "миротворческой", "миротворческими"], "ru"),
        (["mission", "missions"], "en"),
        (["peacekeeper", "peacekeepers"], None),
    ],
)
def test_forms_of_a_word_share_a_stem(forms: list[str], lang: str | None) -> None:
    stems = {stem_text(form, lang) for form in forms}
    assert len(stems) == 1, stems


def test_kazakh_letters_choose_the_kazakh_stemmer_in_russian_text() -> None:
    # A Kazakh name inside Russian text is still stemmed as Kazakh.
    stems = stem_text("Миссия Қазақстанның миротворцев", "ru").split()
    assert stems[1] == kazakh_stem("қазақстанның")
    assert stems[2] == "миротворец"  # the lemma, not a Snowball stem


def test_unknown_language_is_guessed_from_the_letters() -> None:
    kazakh = "Біріккен Ұлттар Ұйымының миссияларына қатысуы"
    # "миссияларына" has no Kazakh-only letter; its neighbours make the paragraph Kazakh.
    assert stem_text(kazakh).split()[3] == kazakh_stem("миссияларына") == "миссия"
    russian = "Казахстан направил миротворцев в миссии ООН"
    assert stem_text(russian) == stem_text(russian, "ru")


def test_folding_case_yo_soft_hyphens_and_stress() -> None:
    assert stem_text("ЁЛКА") == stem_text("елка")
    assert stem_text("бітімгер\u00adшілік") == stem_text("бітімгершілік")
    assert stem_text("мо\u0301ре") == stem_text("море")
    assert stem_text("1991 году") == "1991 год"


@pytest.mark.parametrize(
    "root",
    # Roots that end like an ending but cannot carry it there: -тар needs a voiceless sound
    # before it, -на the possessive, -ым is a derivational suffix, -ды follows the root маңыз.
    ["қатар", "доктрина", "ұйым", "білім", "шешім", "маңыз"],
)
def test_kazakh_roots_that_look_inflected_are_kept(root: str) -> None:
    assert kazakh_stem(root) == root


def test_short_stems_match_whole_words_only() -> None:
    conn = _index([("Елші келді.", "kk"), ("Елдің шекарасы", "kk")])
    assert _hits(conn, "ел") == [2]
    assert _hits(conn, "елдер") == [2]


def test_kazakh_stemmer_keeps_short_roots_and_is_idempotent() -> None:
    assert kazakh_stem("ел") == "ел"
    assert kazakh_stem("елдің") == "ел"
    assert kazakh_stem("мен") == "мен"  # the word itself, not an instrumental ending
    for word in ("қазақстан", "қазақстаннан", "бітімгершілікке", "ұйымының", "алматыда"):
        stem = kazakh_stem(word)
        assert kazakh_stem(stem) == stem


@given(st.text(max_size=200))
@settings(max_examples=300, deadline=None)
def test_any_input_gives_a_valid_query(text: str) -> None:
    conn = _index([("Республика Қазақстан", "kk")])
    sql = "SELECT count(*) FROM word_forms WHERE word_forms MATCH ?"
    assert conn.execute(sql, [stem_query(text)]).fetchone()[0] in (0, 1)
    assert conn.execute(sql, [match_query(text)]).fetchone()[0] in (0, 1)
    assert isinstance(stem_text(text), str)


def test_query_syntax_is_quoted() -> None:
    assert stem_query("") == NOTHING
    # OR between two words is the reader's OR; FTS5's other operators are words like any other.
    assert stem_query('NOT OR AND "') == '("not" OR "and")'
    assert stem_query("OR") == NOTHING
    assert stem_query("peacekeeping") == '"peacekeep"'  # whole terms: no prefix joins words
    assert match_query('C++ "Біріккен Ұлттар"') == '"c" AND "біріккен ұлттар"'


def test_query_finds_other_forms_in_the_index() -> None:
    conn = _index(
        [
            ("Қазақстан бітімгершілікке 2003 жылдан бері қатысады.", "kk"),
            ("Казахстан заявил о желании участвовать в миротворческих операциях.", "ru"),
            ("Конституция Республики Казахстан", "ru"),
            ("Қазақстан Республикасының Қарулы Күштері", "kk"),
            ("Peacekeeping missions of the United Nations", "en"),
        ]
    )
    assert _hits(conn, "бітімгершілік") == [1]
    assert _hits(conn, "МИРОТВОРЧЕСКИЙ") == [2]
    assert _hits(conn, "Республика") == [3, 4]
    assert _hits(conn, "Республикасы") == [3, 4]
    assert _hits(conn, "республика казахстан") == [3]
    assert _hits(conn, "mission") == [5]
    assert _hits(conn, "бітімгершілік миротворческий") == []


def test_phrases_keep_word_order() -> None:
    conn = _index([("Қарулы Күштерінің бітімгершілік миссиялары", "kk"), ("миссия күштері", "kk")])
    assert _hits(conn, '"Қарулы Күштері"') == [1]
    assert _hits(conn, "«күштер миссия»") == []
    assert _hits(conn, "«миссиясы күштерінің»") == [2]


def test_highlight_marks_every_form() -> None:
    text = "Қазақстан бітімгершілікке қатысады; бітімгершілік миссиялар кеңейді."
    marked = highlight(text, "Бітімгершілік")
    assert marked.count("<mark>") == 2
    assert "<mark>бітімгершілікке</mark>" in marked
    assert highlight(text, "") == text


def test_highlight_cuts_long_text_around_the_first_match() -> None:
    words = [f"w{i}" for i in range(300)]
    words[200] = "Республики"
    marked = highlight(" ".join(words), "республика", window=30)
    assert marked.startswith("…") and marked.endswith("…")
    assert "<mark>Республики</mark>" in marked
    assert len(marked.split()) <= 32


def test_stemming_is_fast_enough_for_a_large_archive() -> None:
    paragraphs = []
    for seed in sorted(SEEDS.glob("*.txt")):
        text = seed.read_text(encoding="utf-8")
        paragraphs += [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    started = time.perf_counter()
    rounds = 20
    for _ in range(rounds):
        for paragraph in paragraphs:
            stem_text(paragraph)
    elapsed = time.perf_counter() - started
    per_paragraph = elapsed / (rounds * len(paragraphs))
    # A million paragraphs in well under an hour on one core, once word stems are cached.
    assert per_paragraph < 0.002, per_paragraph


@pytest.mark.parametrize(
    ("query", "text", "lang"),
    [
        ("миротворец", "Наградили миротворца.", "ru"),
        ("отец", "Сын пошёл по стопам отца.", "ru"),
        ("рынок", "Доля рынка сократилась.", "ru"),
        ("день", "В течение дня шёл дождь.", "ru"),
        ("контингент", "Бітімгершілік контингентін жіберді.", "kk"),
        ("заң", "Елдің заңын бұзды.", "kk"),
        ("қызметші", "Қызметшілерін жазалады.", "kk"),
        ("Қазақстан", "Қазақстанмен шекаралас елдер.", "kk"),
        ("Қазақстанмен", "Қазақстан Республикасы.", "kk"),
        ("министрлік", "Қорғаныс министрлігінің орталығы.", "kk"),
        ("халық", "Өз халқына қарсы.", "kk"),
        ("Kaзахстан", "Казахстан направил письмо.", "ru"),  # Latin K and a in the query
        ("ООН", "Миссия OOН.", "ru"),  # Latin O in the text
        ("уәкілетті", "сыртқы саясат саласындағы уәкiлеттi орган", "kk"),  # Latin i
    ],
)
def test_every_form_is_found(query: str, text: str, lang: str) -> None:
    assert _hits(_index([(text, lang)]), query) == [1]


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("военного", "Военнослужащие прошли подготовку."),
        ("ел", "Елші келді."),
        ("қызмет", "Қызметкерлер келді."),
    ],
)
def test_different_words_sharing_a_beginning_are_not_found(query: str, text: str) -> None:
    assert _hits(_index([(text, None)]), query) == []


def test_keyboard_spellings_are_a_separate_looser_tier() -> None:
    conn = _index([("Қазақстан бітімгершілікке қатысады.", "kk")])
    for query in ("Казакстан", "битимгершилик"):
        assert _hits(conn, query) == []
        found = conn.execute(
            "SELECT rowid FROM word_forms WHERE word_forms MATCH ?", [keyboard_query(query)]
        ).fetchall()
        assert found == [(1,)]
    assert keyboard_query("Қазақстан") is None  # Kazakh letters typed: nothing looser to ask


def test_query_language_prefix_exclude_or() -> None:
    conn = _index([("Миротворцы ООН", "ru"), ("Миротворцы НАТО", "ru"), ("Миссия ООН", "ru")])
    assert _hits(conn, "миротворец -НАТО") == [1]
    assert _hits(conn, "миротворец OR миссия") == [1, 2, 3]
    assert _hits(conn, "мисс*") == [3]
