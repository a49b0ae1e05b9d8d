"""Draft checking: finding IDs and quotations, and reporting what changed."""

from __future__ import annotations

from pathlib import Path

from archive.ids import normalise
from archive.reading.check import (
    DraftCitation,
    check_citations,
    find_citations,
    quote_in,
    word_diff,
)
from archive.store.records import Related, Resolution

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_d613d50ca8d86847.txt"
PARAS = [p for p in SEED.read_text(encoding="utf-8").split("\n\n") if p.strip()]

DRAFT = """# Бітімгершілік

Қалила «Зерттеу пәні – Қазақстан Республикасы Қарулы Күштерінің бітімгершілік
іс-шараларға қатысуы» деп жазады (kalila-2024-p2). Ал kalila-2024 ¶ 3 басқа
нәрсе туралы: “Зерттеудің мақсаты – Біріккен Ұлттар Ұйымының бітімгершілік қызметін”.

Бұрын айтылғандай (kalila-2024-p6b), ал «мүлдем басқа сөздер» Kalila-2024-P40 дейді.
See zakon-kz-2025-10-23 ¶17 and kalila-2024-p1.
"""


def _citations() -> list[DraftCitation]:
    return find_citations(DRAFT)


def test_finds_every_id_form_with_line_and_column() -> None:
    found = _citations()
    assert [c.id for c in found] == [
        "kalila-2024-p2",
        "kalila-2024-p3",
        "kalila-2024-p6b",
        "kalila-2024-p40",
        "zakon-kz-2025-10-23-p17",
        "kalila-2024-p1",
    ]
    assert [(c.line, c.column) for c in found][:2] == [(4, 35), (4, 55)]
    assert found[3].raw == "Kalila-2024-P40"


def test_quotations_go_to_the_nearest_id() -> None:
    found = {c.id: c.quote for c in _citations()}
    assert found["kalila-2024-p2"] == (
        "Зерттеу пәні – Қазақстан Республикасы Қарулы Күштерінің бітімгершілік іс-шараларға қатысуы"
    )
    assert found["kalila-2024-p3"] == (
        "Зерттеудің мақсаты – Біріккен Ұлттар Ұйымының бітімгершілік қызметін"
    )
    assert found["kalila-2024-p6b"] is None
    assert found["kalila-2024-p40"] == "мүлдем басқа сөздер"
    assert found["kalila-2024-p1"] is None


def test_quote_containment_ignores_wrapping_and_allows_ellipses() -> None:
    assert quote_in("Біріккен Ұлттар Ұйымы бітімгершілік", PARAS[0])
    assert quote_in("Қазақстан Республикасы […] бітімгершілік миссияларына", PARAS[0])
    assert not quote_in("талқыланады […] Біріккен Ұлттар", PARAS[0])
    assert not quote_in("Біріккен Ұлттар Одағы", PARAS[0])


def _resolution(
    pid: str, status: str, text: str, first_text: str | None, into: tuple[str, ...] = ()
) -> Resolution:
    return Resolution(
        query=pid, status=status, id=pid, source="kalila-2024", text=text,
        first_text=first_text, successors=tuple(Related(i, "live", None) for i in into),
    )


def _store() -> dict[str, Resolution]:
    edited_first = PARAS[1]
    edited_now = PARAS[1].replace("қатысуы", "қатысу тәжірибесі")
    return {
        "kalila-2024-p2": _resolution("kalila-2024-p2", "live", edited_now, edited_first),
        "kalila-2024-p3": _resolution("kalila-2024-p3", "live", PARAS[2], PARAS[2]),
        "kalila-2024-p40": _resolution(
            "kalila-2024-p40", "merged", PARAS[39], PARAS[39], ("kalila-2024-p39",)
        ),
        "kalila-2024-p39": _resolution("kalila-2024-p39", "live", PARAS[38], None),
        "kalila-2024-p1": _resolution("kalila-2024-p1", "deleted", PARAS[0], PARAS[0]),
    }


def test_check_reports_status_quotes_and_unknown_ids() -> None:
    store = _store()
    known = [*sorted(store), "kalila-2024-p6", "kalila-2024-p7", "zakon-kz-2025-10-23-p1"]
    findings = check_citations(_citations(), store.get, known)
    got = [(f.citation.id, f.kind, f.severity) for f in findings]
    assert got == [
        ("kalila-2024-p2", "edited", "warning"),
        ("kalila-2024-p2", "quote-outdated", "warning"),
        ("kalila-2024-p6b", "unknown-id", "error"),
        ("kalila-2024-p40", "merged", "warning"),
        ("kalila-2024-p40", "quote-mismatch", "error"),
        ("zakon-kz-2025-10-23-p17", "unknown-id", "error"),
        ("kalila-2024-p1", "deleted", "error"),
    ]
    by = {(f.citation.id, f.kind): f for f in findings}
    assert by[("kalila-2024-p6b", "unknown-id")].suggestions[:2] == (
        "kalila-2024-p6",
        "kalila-2024-p7",
    )
    assert "zakon-kz-2025-10-23-p1" in by[("zakon-kz-2025-10-23-p17", "unknown-id")].suggestions
    diff = by[("kalila-2024-p2", "quote-outdated")].diff or ""
    assert diff.endswith("[-қатысуы-] {+қатысу тәжірибесі.+}")
    assert by[("kalila-2024-p40", "merged")].suggestions == ("kalila-2024-p39",)


def test_quote_found_in_a_merged_paragraph_is_fine() -> None:
    store = _store()
    target = normalise(PARAS[38])
    assert target
    cite = DraftCitation(
        "kalila-2024-p40", "kalila-2024", "40", 1, 1, "kalila-2024-p40", PARAS[38][:40]
    )
    kinds = [f.kind for f in check_citations([cite], store.get, list(store))]
    assert kinds == ["merged"]


def test_word_diff_marks_changed_words_only() -> None:
    text = "Қазақстан Республикасы әлемдік қоғамдастықтың белсенді қатысушысы"
    assert word_diff("Республикасы әлемдік қауымдастықтың белсенді", text) == (
        "Республикасы әлемдік [-қауымдастықтың-] {+қоғамдастықтың+} белсенді"
    )


def test_draft_without_ids() -> None:
    assert find_citations("Ешқандай сілтеме жоқ. p17 and 2024-p") == []
    assert check_citations([], lambda _: None, []) == []


def test_malformed_label_is_reported_not_skipped() -> None:
    found = find_citations("Бұл туралы kalila-2024-p17a айтылған.")
    assert [c.id for c in found] == ["kalila-2024-p17a"]
    findings = check_citations(found, lambda _: None, ["kalila-2024-p17", "kalila-2024-p18"])
    assert findings[0].kind == "unknown-id"
    assert findings[0].suggestions[0] == "kalila-2024-p17"
