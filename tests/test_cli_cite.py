"""`archive cite` and `archive check` against a real archive, old IDs included."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from clirun import run

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT / "seeds" / "001_0956fffff0b724be.txt"
ARTICLE = ROOT / "seeds" / "000_d613d50ca8d86847.txt"


@pytest.fixture
def home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    assert run(home, "ingest", str(ARTICLE), str(NEWS))[0] == 0
    return home


def paragraphs(home: Path, key: str) -> list[dict]:
    return json.loads(run(home, "show", key, "--json")[1])["paragraphs"]


def test_cite_gost_has_page_pinpoint_id_and_doi(home):
    body = next(p for p in paragraphs(home, "kalila-2024") if p["role"] == "body")
    code, out, _ = run(home, "cite", body["id"])
    assert code == 0
    assert out.startswith("Қалила, А. Т.")
    reference, footnote = out.strip().split("\n")
    assert body["id"] not in reference and "Б. 35–" in reference
    assert f"Б. {body['page']}" in footnote
    assert footnote.endswith(f"¶ {body['id']}.")
    assert "DOI 10.51634/2307-5201_2024_4_35" in reference


def test_cite_accepts_the_prose_form_and_every_style(home):
    for style in ("gost", "apa", "chicago", "bibtex", "csl-json"):
        code, out, _ = run(home, "cite", "kalila-2024 ¶7", "--style", style)
        assert code == 0, style
        assert "kalila-2024-p7" in out, style
    data = json.loads(run(home, "cite", "kalila-2024-p7", "--style", "csl-json")[1])
    [item] = data["citationItems"]
    assert item["locator"] == "7" and item["label"] == "paragraph"
    assert item["itemData"]["DOI"] == "10.51634/2307-5201_2024_4_35"


def test_cite_warns_on_stderr_where_the_citation_misleads(home):
    foreign = next(p for p in paragraphs(home, "kalila-2024") if p["role"] == "foreign")
    code, out, err = run(home, "cite", foreign["id"])
    assert code == 0 and foreign["id"] in out
    assert "role 'foreign'" in err and foreign["id"] not in out.split("\n")[0]
    body = next(p for p in paragraphs(home, "kalila-2024") if p["role"] == "body")
    code, _, err = run(home, "cite", body["id"])
    assert "role 'foreign'" not in err and "tombstone" not in err


def test_cite_quote_includes_the_words(home):
    first = paragraphs(home, "zakon-kz-2025-10-23")[0]
    code, out, _ = run(home, "cite", first["id"], "--quote")
    assert code == 0 and first["text"][:40] in out


def test_cite_unknown_id_suggests_neighbours_and_exits_4(home):
    code, _, err = run(home, "cite", "kalila-2024-p9999")
    assert code == 4 and "kalila-2024-p" in err


def test_cite_unknown_style_is_refused(home):
    code, _, err = run(home, "cite", "kalila-2024-p7", "--style", "mla")
    assert code == 1 and "mla" in err


def test_cite_and_check_after_the_source_changed(home, tmp_path):
    news = paragraphs(home, "zakon-kz-2025-10-23")
    body = [p for p in news if p["role"] == "body"]
    edited, deleted, kept = body[1], body[2], body[3]
    # A corrected re-issue: one word fixed, one paragraph gone.
    lines = NEWS.read_text(encoding="utf-8")
    changed_text = edited["text"].replace("Казахстан", "Республика Казахстан", 1)
    lines = lines.replace(edited["text"], changed_text).replace(deleted["text"] + "\n", "")
    (tmp_path / "news-v2.txt").write_text(lines, encoding="utf-8")
    code, out, _ = run(home, "ingest", "--json", str(tmp_path / "news-v2.txt"))
    assert json.loads(out)["files"][0]["status"] == "new_version"

    code, out, _ = run(home, "cite", edited["id"])
    assert code == 0 and "edited" in out and edited["text"][:30] in out
    code, out, _ = run(home, "cite", deleted["id"])
    assert code == 0 and "deleted" in out and deleted["text"][:30] in out

    draft = tmp_path / "draft.md"
    draft.write_text(
        f"As reported, «{kept['text'][:60]}» ({kept['id']}).\n"
        f"Earlier: «{edited['text'][:80]}» ({edited['id']}).\n"
        f"Gone: {deleted['id']}. Typo: zakon-kz-2025-10-23-p999.\n",
        encoding="utf-8",
    )
    code, out, _ = run(home, "check", str(draft))
    assert code == 1
    assert edited["id"] in out and deleted["id"] in out and "p999" in out
    assert kept["id"] not in out
    clean = tmp_path / "clean.md"
    clean.write_text(f"«{kept['text'][:50]}» ({kept['id']})\n", encoding="utf-8")
    code, out, _ = run(home, "check", str(clean))
    assert code == 0, out
