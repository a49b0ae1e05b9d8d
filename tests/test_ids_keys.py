"""Source keys, romanisation, labels and paragraph IDs."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from archive.ids import (
    label_sort_key,
    mint_source_key,
    next_label_after,
    paragraph_id,
    parse_paragraph_id,
    romanise,
)


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Қалила", "kalila"),
        ("ҚАЛИЛА", "kalila"),
        ("Ерлан", "yerlan"),  # BGN/PCGN: е → ye at the start of a word
        ("Алексеев", "alekseyev"),  # … and after a vowel
        ("Щербаков", "shcherbakov"),
        ("Жұмағұлов", "zhumagulov"),
        ("Өмірзақ", "omirzak"),
        ("Müller-Lüdenscheidt", "muller-ludenscheidt"),
        ("O'Brien", "o-brien"),
    ],
)
def test_romanise(name: str, slug: str) -> None:
    assert romanise(name) == slug


def test_source_key_from_author_year() -> None:
    assert mint_source_key("Қалила", 2024, None, None, set()) == "kalila-2024"
    assert mint_source_key("Қалила", None, None, "2024-05-01", set()) == "kalila-2024"
    assert mint_source_key("Қалила", None, None, None, set()) == "kalila-nd"
    # An unparsed author string: initials never reach the key.
    assert mint_source_key("Қалила А.Т.", 2024, None, None, set()) == "kalila-2024"
    assert mint_source_key("А. Т. Қалила", 2024, None, None, set()) == "kalila-2024"


def test_source_key_from_site_and_date() -> None:
    key = mint_source_key(None, None, "Zakon.kz", "2025-10-23", set())
    assert key == "zakon-kz-2025-10-23"
    assert mint_source_key(None, None, "https://www.zakon.kz/news/1", "2025-10", set()) == (
        "zakon-kz-2025-10"
    )


def test_source_key_fallbacks() -> None:
    assert mint_source_key(None, 2020, None, None, set(), title="Миротворцы ООН: итоги") == (
        "mirotvortsy-oon-itogi-2020"
    )
    sha = "D613D50CA8D86847" + "0" * 48
    assert mint_source_key(None, None, None, None, set(), sha256=sha) == "source-d613d50c"


def test_collisions_get_letters_in_order() -> None:
    taken = {"kalila-2024"}
    assert mint_source_key("Қалила", 2024, None, None, taken) == "kalila-2024-b"
    taken |= {f"kalila-2024-{c}" for c in "bcdefghijklmnopqrstuvwxyz"}
    assert mint_source_key("Қалила", 2024, None, None, taken) == "kalila-2024-aa"
    assert mint_source_key("Қалила", 2024, None, None, lambda k: k == "kalila-2024") == (
        "kalila-2024-b"
    )


def test_key_never_looks_like_it_ends_in_a_label() -> None:
    key = mint_source_key(None, None, None, None, set(), title="Part p12")
    assert parse_paragraph_id(paragraph_id(key, "3")) == (key, "3")


def test_label_order_and_insertions() -> None:
    labels = ["7", "6c", "10", "6", "6b", "6zb", "6z"]
    assert sorted(labels, key=label_sort_key) == ["6", "6b", "6c", "6z", "6zb", "7", "10"]
    assert next_label_after("6", set()) == "6b"
    assert next_label_after("6b", set()) == "6c"
    assert next_label_after("6", {"6b", "6c"}) == "6d"
    assert next_label_after("6z", set()) == "6zb"
    assert next_label_after(None, set()) == "0b"
    with pytest.raises(ValueError):
        label_sort_key("6a")
    with pytest.raises(ValueError):
        label_sort_key("p6")


@given(st.lists(st.sampled_from(["1", "2", "6", "6b", "6c", "0b"]), max_size=10))
def test_next_label_is_fresh_and_sorts_between(taken: list[str]) -> None:
    for prev in [None, "6", "6b"]:
        label = next_label_after(prev, set(taken))
        assert label not in taken
        low = label_sort_key(prev) if prev else (0, "")
        assert low < label_sort_key(label) < (low[0] + 1, "")


def test_paragraph_id_round_trip_and_prose_forms() -> None:
    assert paragraph_id("kalila-2024", "17") == "kalila-2024-p17"
    assert parse_paragraph_id("kalila-2024-p17") == ("kalila-2024", "17")
    assert parse_paragraph_id("kalila-2024 ¶17") == ("kalila-2024", "17")
    assert parse_paragraph_id("kalila-2024 ¶ 6b") == ("kalila-2024", "6b")
    assert parse_paragraph_id("kalila-2024-b-p6b") == ("kalila-2024-b", "6b")
    assert parse_paragraph_id("kalila-2024") is None
    assert parse_paragraph_id("kalila-2024-p6a") is None
    with pytest.raises(ValueError):
        paragraph_id("Kalila 2024", "1")
