"""The command line end to end: exit codes, JSON contracts, idempotency, bad inputs."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pdfgen
import pytest
from clirun import run

from archive.hashing import sha256_hex
from archive.segment.breaks import RULES

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
COUNTED = ("sources", "files", "paragraphs", "paragraph_versions", "metadata_values", "artifacts")


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


def counts(home: Path) -> dict[str, int]:
    conn = sqlite3.connect(home / "archive.db")
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COUNTED}
    finally:
        conn.close()


def ingest_json(home: Path, *paths: Path | str) -> tuple[int, dict]:
    code, out, _ = run(home, "ingest", "--json", *map(str, paths))
    return code, json.loads(out)


def test_ingest_seeds_then_again_changes_nothing(home):
    code, report = ingest_json(home, SEEDS)
    assert code == 0
    assert [f["status"] for f in report["files"]] == ["new", "new"]
    assert report["summary"]["new"] == 2 and report["summary"]["failed"] == 0
    keys = {f["key"] for f in report["files"]}
    assert all(f["sha256"] == sha256_hex(Path(f["path"]).read_bytes()) for f in report["files"])
    before = counts(home)

    code, again = ingest_json(home, SEEDS)
    assert code == 0
    assert [f["status"] for f in again["files"]] == ["duplicate", "duplicate"]
    assert {f["key"] for f in again["files"]} == keys
    assert counts(home) == before
    conn = sqlite3.connect(home / "archive.db")
    seen_again = conn.execute("SELECT count(*) FROM events WHERE type = 'duplicate'").fetchone()
    assert seen_again[0] == 2


def test_stored_object_hash_equals_recorded_hash(home):
    ingest_json(home, SEEDS)
    conn = sqlite3.connect(home / "archive.db")
    for (digest,) in conn.execute("SELECT sha256 FROM files"):
        stored = home / "objects" / "sha256" / digest[:2] / digest[2:4] / digest
        assert sha256_hex(stored.read_bytes()) == digest
    code, out, _ = run(home, "verify")
    assert code == 0 and "2 ok, 0 failed" in out


def test_show_json_contract_and_no_absolute_paths(home, tmp_path):
    _, report = ingest_json(home, SEEDS / "000_d613d50ca8d86847.txt")
    key = report["files"][0]["key"]
    code, out, _ = run(home, "show", key, "--json")
    assert code == 0
    data = json.loads(out)
    assert set(data) >= {"source", "files", "paragraphs"}
    for name in (
        "key",
        "title",
        "authors",
        "year",
        "date",
        "doi",
        "udc",
        "grnti",
        "journal",
        "issue",
        "first_page",
        "last_page",
        "language",
        "keywords",
        "abstracts",
        "publisher",
        "url",
    ):
        assert name in data["source"]
    assert data["source"]["key"] == key
    assert isinstance(data["source"]["udc"], list) and isinstance(data["source"]["keywords"], dict)
    file = data["files"][0]
    assert file["original_name"] == "000_d613d50ca8d86847.txt"
    assert file["media_type"] == "text/plain" and file["size"] == 44797
    paragraph = data["paragraphs"][0]
    assert set(paragraph) == {"id", "label", "seq", "page", "role", "lang", "section", "text"}
    assert paragraph["id"] == f"{key}-p1" and paragraph["label"] == "1"
    assert [p["seq"] for p in data["paragraphs"]] == list(range(1, len(data["paragraphs"]) + 1))
    assert str(ROOT) not in out and str(tmp_path) not in out
    code, text, _ = run(home, "show", key)
    assert code == 0 and key in text


def test_show_unknown_key_exits_4(home):
    ingest_json(home, SEEDS)
    code, _, err = run(home, "show", "nobody-1999")
    assert code == 4
    assert "nobody-1999" in err and len(err.strip().splitlines()) == 1


def _bad_inputs(folder: Path) -> dict[str, str]:
    """Bad files next to a good one; values are words the one-line error must contain."""
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    article, _ = pdfgen.multi_page_kazakh(2)
    (folder / "truncated.pdf").write_bytes(pdfgen.truncated(article))
    (folder / "locked.pdf").write_bytes(pdfgen.encrypted(article))
    (folder / "junk.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "scan.pdf").write_bytes(pdfgen.scanned_like())
    shutil.copy(SEEDS / "001_0956fffff0b724be.txt", folder / "good.txt")
    return {
        "empty.txt": "empty",
        "truncated.pdf": "",
        "locked.pdf": "encrypt",
        "junk.txt": "",
        "scan.pdf": "text",
    }


def test_bad_inputs_fail_one_line_each_and_the_rest_lands(home, tmp_path):
    expected = _bad_inputs(tmp_path / "in")
    code, report = ingest_json(home, tmp_path / "in")
    assert code == 2
    status = {Path(f["path"]).name: f for f in report["files"]}
    assert status["good.txt"]["status"] == "new"
    for name, word in expected.items():
        assert status[name]["status"] == "failed", name
        assert word.lower() in status[name]["error"].lower(), (name, status[name]["error"])
        assert "\n" not in status[name]["error"]
    assert report["summary"]["failed"] == len(expected)
    assert counts(home)["sources"] == 1

    code, out, err = run(home, "ingest", str(tmp_path / "in"))
    assert code == 2
    failed_lines = [line for line in err.splitlines() if line.startswith("archive: ")]
    assert len(failed_lines) == len(expected)
    assert all(any(name in line for line in failed_lines) for name in expected)
    assert "1 already present" in out


def test_missing_path_and_unreadable_folder(home, tmp_path, monkeypatch):
    good = tmp_path / "good.txt"
    shutil.copy(SEEDS / "001_0956fffff0b724be.txt", good)
    locked = tmp_path / "locked"
    locked.mkdir()
    real_iterdir = Path.iterdir

    def iterdir(self: Path):
        if self == locked:
            raise PermissionError(13, "Permission denied")
        return real_iterdir(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    code, report = ingest_json(home, tmp_path / "nope.pdf", locked, good)
    assert code == 2
    by_name = {Path(f["path"]).name: f for f in report["files"]}
    assert "no such file" in by_name["nope.pdf"]["error"]
    assert "Permission denied" in by_name["locked"]["error"]
    assert by_name["good.txt"]["status"] == "new"


def test_a_failed_write_leaves_no_trace(home, tmp_path, monkeypatch):
    from archive.store import write

    shutil.copy(SEEDS / "001_0956fffff0b724be.txt", tmp_path / "a.txt")
    original = write.write_file_rows

    def broken(db, plan, ingest_id, at, terms):
        original(db, plan, ingest_id, at, terms)  # every row written ... then the disk "fails"
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(write, "write_file_rows", broken)
    code, report = ingest_json(home, tmp_path / "a.txt")
    assert code == 2 and "disk I/O error" in report["files"][0]["error"]
    assert counts(home) == dict.fromkeys(COUNTED, 0)


def test_type_comes_from_bytes_not_extension(home, tmp_path):
    pdf, _ = pdfgen.multi_page_kazakh(2)
    disguised = tmp_path / "article.txt"
    disguised.write_bytes(pdf)
    code, report = ingest_json(home, disguised)
    assert code == 0
    code, out, _ = run(home, "show", report["files"][0]["key"], "--json")
    assert json.loads(out)["files"][0]["media_type"] == "application/pdf"


def test_generated_kazakh_pdf_keeps_page_numbers(home, tmp_path):
    pdf, gold = pdfgen.multi_page_kazakh(4, first_page=101)
    (tmp_path / "kk.pdf").write_bytes(pdf)
    _, report = ingest_json(home, tmp_path / "kk.pdf")
    _, out, _ = run(home, "show", report["files"][0]["key"], "--json")
    data = json.loads(out)
    pages = {p["text"]: p["page"] for p in data["paragraphs"]}
    for expected in gold:
        assert pages.get(expected["text"]) == expected["page"], expected["text"][:40]
    assert {p["lang"] for p in data["paragraphs"] if p["role"] == "body"} == {"kk"}


def test_ids_do_not_depend_on_argument_order_or_jobs(tmp_path):
    def ids(home: Path, *args: str) -> list[str]:
        run(home, "ingest", *args)
        conn = sqlite3.connect(home / "archive.db")
        return [r[0] for r in conn.execute("SELECT id FROM paragraphs ORDER BY id")]

    a = ids(
        tmp_path / "a",
        str(SEEDS / "000_d613d50ca8d86847.txt"),
        str(SEEDS / "001_0956fffff0b724be.txt"),
    )
    b = ids(
        tmp_path / "b",
        str(SEEDS / "001_0956fffff0b724be.txt"),
        str(SEEDS / "000_d613d50ca8d86847.txt"),
        "--jobs",
        "2",
    )
    assert a == b and a


def test_folders_skip_hidden_entries_and_link_cycles(home, tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(SEEDS / "001_0956fffff0b724be.txt", folder / "sub" / "news.txt")
    (folder / ".DS_Store").write_bytes(b"\x00\x01junk")
    (folder / "sub" / "loop").symlink_to(folder, target_is_directory=True)
    code, report = ingest_json(home, folder)
    assert code == 0
    assert [Path(f["path"]).name for f in report["files"]] == ["news.txt"]


@pytest.mark.parametrize("stage", ["analyse", "identify"])
def test_a_defect_on_one_file_does_not_stop_the_run(home, monkeypatch, stage):
    """A defect while analysing (in a worker) or while writing one file fails that file."""
    import archive.ingest.identify
    import archive.ingest.workers

    # ``identify`` is imported by the ingest when a file is new; ``analyse`` by what a
    # worker runs.
    module = archive.ingest.workers if stage == "analyse" else archive.ingest.identify
    real = getattr(module, stage)

    def fragile(*args):
        text = args[0] if stage == "analyse" else args[1].segmentation.blocks[0].text.encode()
        if b"Zakon.kz" in text:
            raise IndexError("list index out of range")
        return real(*args)

    monkeypatch.setattr(module, stage, fragile)
    code, report = ingest_json(home, SEEDS)
    assert code == 2
    status = {Path(f["path"]).name: f for f in report["files"]}
    assert status["000_d613d50ca8d86847.txt"]["status"] == "new"
    failed = status["001_0956fffff0b724be.txt"]
    assert failed["status"] == "failed" and "IndexError" in failed["error"]
    assert counts(home)["sources"] == 1


def test_copies_of_a_bad_file_fail_alike_and_the_run_goes_on(home, tmp_path):
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_bytes(b"")
    shutil.copy(SEEDS / "001_0956fffff0b724be.txt", tmp_path / "c.txt")
    code, report = ingest_json(home, tmp_path)
    assert code == 2
    status = {Path(f["path"]).name: (f["status"], f["error"]) for f in report["files"]}
    assert status["a.txt"] == status["b.txt"] == ("failed", "empty file (0 bytes)")
    assert status["c.txt"][0] == "new"
    assert counts(home)["sources"] == 1


@pytest.mark.parametrize("command", [["verify"], ["show", "kalila-2024"],
                                     ["cite", "kalila-2024-p1"], ["metadata", "apply"]])
def test_a_mistyped_home_is_not_a_new_archive(tmp_path, command):
    typo = tmp_path / "typo"
    code, _, err = run(typo, *command)
    assert code == 5
    assert err.strip() == (
        f"archive: error: {typo}: no archive here "
        "(check --home or ARCHIVE_HOME; `archive ingest` creates an archive)"
    )
    assert not typo.exists()


def test_show_explain_says_which_pass_gave_each_label(home, tmp_path):
    seed = SEEDS / "001_0956fffff0b724be.txt"
    paragraphs = seed.read_text(encoding="utf-8").split("\n\n")
    merged = [*paragraphs[:4], paragraphs[4] + " " + paragraphs[5], *paragraphs[6:]]
    (tmp_path / "merged.txt").write_text("\n\n".join(merged), encoding="utf-8")
    ingest_json(home, seed)
    code, report = ingest_json(home, tmp_path / "merged.txt")
    assert code == 0 and report["files"][0]["status"] == "new_version"
    key = report["files"][0]["key"]
    code, out, _ = run(home, "show", key, "--json", "--explain")
    decided = {p["label"]: p["label_decided_by"] for p in json.loads(out)["paragraphs"]}
    assert decided["1"]["match_kind"] == "exact" and decided["1"]["related"] == []
    assert decided["5"]["match_kind"] == "merged"
    assert decided["5"]["related"] == [f"{key}-p6"]
    code, text, _ = run(home, "show", key, "--explain")
    assert f"label: merged 1.00, continues {key}-p6" in text
    _, plain, _ = run(home, "show", key, "--json")
    assert all("label_decided_by" not in p for p in json.loads(plain)["paragraphs"])


def test_show_explain_says_which_rule_opened_each_paragraph(home, tmp_path):
    text = ("Title of a note\n\nThe first paragraph ends here with a sentence.\n"
            "This line opens in capitals after a finished sentence.\n\n"
            "Figure 1. A caption of its own\n")
    (tmp_path / "note.txt").write_text(text, encoding="utf-8")
    code, report = ingest_json(home, tmp_path / "note.txt")
    assert code == 0
    key = report["files"][0]["key"]
    code, out, _ = run(home, "show", key, "--json", "--explain")
    assert code == 0
    opened = {p["text"]: p.get("opened_by") for p in json.loads(out)["paragraphs"]}
    assert opened["Title of a note"] == "first_line"
    assert opened["Figure 1. A caption of its own"] == "caption"
    assert set(opened.values()) <= {r.__name__ for r in RULES} | {"first_line"}
    _, shown, _ = run(home, "show", key, "--explain")
    assert "opened by: caption" in shown


def test_verify_checks_objects_database_and_strays(home, tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "bad.pdf").write_bytes(b"%PDF-1.4\n truncated")
    shutil.copy(SEEDS / "001_0956fffff0b724be.txt", inputs / "good.txt")
    code, report = ingest_json(home, inputs)
    assert code == 2
    code, out, _ = run(home, "verify", "--json")
    data = json.loads(out)
    # The failed file's bytes are kept on purpose and referred to by its failure event.
    assert code == 0 and data["ok"] and data["unreferenced_objects"] == []
    assert data["summary"] == {"ok": 1, "failed": 0, "integrity_problems": 0,
                               "unreferenced_objects": 0}
    conn = sqlite3.connect(home / "archive.db")
    failed = conn.execute(
        "SELECT file_sha256, outcome FROM events WHERE type = 'ingest-failed'").fetchall()
    bad = next(f for f in report["files"] if f["status"] == "failed")
    assert failed == [(bad["sha256"], bad["error"])]
    stray = home / "objects" / "sha256" / "ab" / "cd" / ("abcd" + "0" * 60)
    stray.parent.mkdir(parents=True)
    stray.write_bytes(b"nobody's")
    code, out, _ = run(home, "verify")
    assert code == 1
    assert f"UNREFERENCED {stray.name}" in out
    assert out.strip().endswith("1 ok, 0 failed, 0 database problems, 1 unreferenced objects")


def test_verify_says_what_is_wrong_with_an_object(home, monkeypatch):
    ingest_json(home, SEEDS / "001_0956fffff0b724be.txt")
    real_read = Path.read_bytes

    def read_bytes(path: Path) -> bytes:
        if "objects" in path.parts:  # as for an object whose permissions were taken away
            raise PermissionError(13, "Permission denied")
        return real_read(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    code, out, _ = run(home, "verify", "--json")
    [result] = json.loads(out)["files"]
    assert code == 1 and result["problem"] == "cannot read the object: Permission denied"


def test_a_killed_run_is_marked_and_its_leftovers_cleaned(home, tmp_path):
    import os
    import time

    ingest_json(home, SEEDS / "001_0956fffff0b724be.txt")
    conn = sqlite3.connect(home / "archive.db")
    # A run whose process is gone (no process has a number this large) and a temporary
    # object file a killed writer left an hour ago.
    conn.execute("INSERT INTO ingests (started_at, tool_version, pid, status) "
                 "VALUES ('2026-01-01T00:00:00+00:00', 'archive 0', 2147483647, 'running')")
    conn.commit()
    leftover = next((home / "objects" / "sha256").glob("??/??")) / ".incoming-abc"
    leftover.write_bytes(b"half an object")
    old = time.time() - 7200
    os.utime(leftover, (old, old))
    fresh = leftover.with_name(".incoming-def")
    fresh.write_bytes(b"another writer's, still in use")
    ingest_json(home, SEEDS / "000_d613d50ca8d86847.txt")
    statuses = [r[0] for r in conn.execute("SELECT status FROM ingests ORDER BY id")]
    assert statuses == ["finished", "interrupted", "finished"]
    assert not leftover.exists() and fresh.exists()


def test_failures_give_their_hint_and_names_are_escaped(home, tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "two\nlines.txt").write_bytes(b"")
    code, _, err = run(home, "ingest", str(inputs))
    assert code == 2
    [line] = [ln for ln in err.splitlines() if ln.startswith("archive: ")]
    assert line == (f"archive: {inputs}/two\\nlines.txt: empty file (0 bytes) "
                    "(the file has zero bytes; check the download or copy)")
    _, report = ingest_json(home, inputs)
    [failed] = report["files"]
    assert failed["path"].endswith("two\\nlines.txt")
    assert failed["hint"] == "the file has zero bytes; check the download or copy"


def test_a_malformed_sidecar_during_ingest_exits_3(home, tmp_path):
    seed = SEEDS / "001_0956fffff0b724be.txt"
    sidecars = tmp_path / "metadata"
    sidecars.mkdir()
    code, report = ingest_json(home, seed)
    key = report["files"][0]["key"]
    (sidecars / f"{key}.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    reissue = tmp_path / "reissue.txt"
    reissue.write_text(seed.read_text(encoding="utf-8") + "\nОдин абзац в конце.\n",
                       encoding="utf-8")
    code, _, err = run(home, "ingest", "--metadata", str(sidecars), str(reissue))
    assert code == 3
    assert f"{key}.yaml" in err


def test_search_finds_word_forms_and_keyboard_kazakh_with_filters(home):
    ingest_json(home, SEEDS)
    code, out, _ = run(home, "search", "миротворец", "--json")
    assert code == 0
    found = json.loads(out)
    texts = [h["text"] for h in found["hits"]]
    # The dictionary form finds the genitive plural "миротворцев".
    assert any("казахстанских миротворцев" in t for t in texts)
    assert found["matching"] == len(found["hits"]) and not found["capped"]
    # Kazakh typed on a Russian keyboard, filtered to Kazakh body paragraphs.
    code, out, _ = run(home, "search", "Казакстан", "--lang", "kk", "--role", "body", "--json")
    hits = json.loads(out)["hits"]
    assert hits and all(h["lang"] == "kk" and h["role"] == "body" for h in hits)
    assert all("Қазақстан" in h["text"] for h in hits)
    # The words as written: the inflected form only.
    code, out, _ = run(home, "search", "миротворец", "--exact", "--json")
    assert json.loads(out)["hits"] == []
    code, text, _ = run(home, "search", "бітімгершілік", "--limit", "2")
    assert code == 0 and text.splitlines()[0].endswith("the best 2 shown:")
    assert len(text.splitlines()) == 3


def test_search_sources_by_the_word_forms_of_their_titles(home):
    ingest_json(home, SEEDS)
    # Another form of a word of the Kazakh article's title (set in capitals) finds it.
    code, out, _ = run(home, "search", "бітімгершілікке", "--sources", "--json")
    assert code == 0
    found = json.loads(out)
    assert [h["key"] for h in found["hits"]] == ["kalila-2024"]
    assert found["hits"][0]["title"].startswith("БҰҰ БІТІМГЕРШІЛІК")
    # The words as written: that form is not in the title.
    code, out, _ = run(home, "search", "бітімгершілікке", "--sources", "--exact", "--json")
    assert json.loads(out)["hits"] == []
    code, text, _ = run(home, "search", "бітімгершілік", "--sources")
    assert code == 0 and text.splitlines()[0] == "1 sources match; the best 1 shown:"
    assert text.splitlines()[1].split()[0] == "kalila-2024"
    # Paragraph filters do not apply to sources.
    code, out, err = run(home, "search", "бітімгершілік", "--sources", "--lang", "kk")
    assert code == 2 and "filter paragraphs, not sources" in err
