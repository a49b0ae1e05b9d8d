"""The last page where the work's own text ends, and the journal's running issue number."""

from __future__ import annotations

from pathlib import Path

from archive.ingest.analyse import analyse
from archive.metadata.extent import last_page
from archive.metadata.running import candidates, parse_running
from archive.models import Block
from archive.origins import Origin

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_d613d50ca8d86847.txt"


def blocks(*pages_roles: tuple[int, str]) -> list[Block]:
    return [Block(text="x", role=role, page=page) for page, role in pages_roles]


def test_summaries_after_the_last_running_line_extend_the_range() -> None:
    [cand] = last_page(blocks((38, "body"), (39, "body"), (40, "abstract"), (41, "foreign")),
                       [36, 38, 39])
    assert (cand.field, cand.value, cand.origin) == ("last_page", 40, "text-extent")
    assert "abstract" in (cand.detail or "")


def test_foreign_text_and_far_pages_do_not() -> None:
    assert last_page(blocks((39, "body"), (40, "foreign"), (41, "foreign")), [36, 39]) == []
    assert last_page(blocks((39, "body"), (45, "body")), [36, 39]) == []
    assert last_page(blocks((39, "body"),), []) == []


def test_running_line_gives_the_cumulative_issue() -> None:
    line = parse_running("Право и государство, № 4 (105), 2024 39", origin=Origin.RUNNING_FOOTER)
    assert line is not None
    found = {c.field: c.value for c in candidates([line], [])}
    assert found["issue"] == "4" and found["cumulative_issue"] == "105"


def test_the_seed_article_ends_on_page_40_of_issue_4_105() -> None:
    result = analyse(SEED.read_bytes())
    meta = result.metadata
    assert (meta.issue, meta.cumulative_issue) == ("4", "105")
    assert (meta.first_page, meta.last_page) == (35, 40)


def test_the_front_matters_citation_line_outranks_a_misspelt_running_footer() -> None:
    # The running footers print "Кұқық" (a Cyrillic К for Kazakh Қ); a citation line in the
    # front matter, as many Kazakh journals print one, spells the name right and wins.
    lines = SEED.read_text(encoding="utf-8").split("\n")
    at = lines.index("ГРНТИ 10.87.68") + 1
    lines[at:at] = ["", "Дәйексөз үшін: Қалила А.Т. БҰҰ бітімгершілік миссияларында … // "
                        "Құқық және мемлекет. – 2024. – № 4 (105). – Б. 35-40."]
    meta = analyse("\n".join(lines).encode()).metadata
    assert meta.journal == "Құқық және мемлекет"
    assert (meta.issue, meta.cumulative_issue, meta.first_page, meta.last_page) == (
        "4", "105", 35, 40)
