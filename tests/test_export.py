"""`archive export`: every format read back by the client that real users load it with.

CSL-JSON is validated against the CSL data schema and rendered by citeproc-py, BibTeX parsed
by bibtexparser, RIS by rispy (the parser behind several reference managers' importers), and
the bag validated by bagit-python, on both seeds and a generated journal PDF.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

import bagit
import bibtexparser
import jsonschema
import pytest
import rispy
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON
from clirun import run
from test_cite_golden import SOURCES

from archive.cite.bibtex import reference as bibtex_reference
from archive.cite.csljson import item as csl_item
from archive.export.ris import entry as ris_entry

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CSL = ROOT / "tests" / "data" / "csl"
KEYS = ["kalila-2024", "zakon-kz-2025-10-23"]


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory, journal_pdf: tuple[bytes, Any]) -> Path:
    base = tmp_path_factory.mktemp("export")
    (base / "in").mkdir()
    (base / "in" / "journal.pdf").write_bytes(journal_pdf[0])
    home = base / "home"
    code, _, err = run(home, "ingest", "--json", str(SEEDS), str(base / "in"))
    assert code == 0, err
    return home


@pytest.fixture(scope="module")
def keys(home: Path) -> list[str]:
    data = json.loads(run(home, "export", "--format", "csl-json")[1])
    return [item["id"] for item in data]


def test_every_source_is_exported(keys: list[str]) -> None:
    assert len(keys) == 3 and set(KEYS) <= set(keys)


def test_csl_json_is_a_schema_valid_array_that_citeproc_renders(home: Path, keys) -> None:
    code, out, _ = run(home, "export", "--format", "csl-json")
    assert code == 0
    items = json.loads(out)
    schema = json.loads((CSL / "csl-data.json").read_text(encoding="utf-8"))
    jsonschema.validate(items, schema)
    style = CitationStylesStyle(str(CSL / "apa.csl"), validate=False)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        bib = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
        for key in keys:
            bib.register(Citation([CitationItem(key)]))
        entries = [str(e) for e in bib.bibliography()]
    assert len(entries) == len(keys)
    assert any(e.startswith("Қалила, А. Т. (2024).") for e in entries)


def test_csl_citation_of_a_paragraph_is_schema_valid(home: Path) -> None:
    code, out, _ = run(home, "cite", "kalila-2024-p30", "--style", "csl-json", "--quote")
    assert code == 0
    cited = json.loads(out)
    data = json.loads((CSL / "csl-data.json").read_text(encoding="utf-8"))
    schema = json.loads((CSL / "csl-citation.json").read_text(encoding="utf-8"))
    registry = jsonschema.validators.validator_for(schema)(schema)
    # The citation schema refers to the data schema by its published address; resolve it here.
    from referencing import Registry, Resource

    resources = Registry().with_resources([
        (data["$id"], Resource.from_contents(data)),
        ("https://resource.citationstyles.org/schema/v1.0/input/json/csl-data.json",
         Resource.from_contents(data)),
    ])
    type(registry)(schema, registry=resources).validate(cited)
    assert cited["citationItems"][0]["prefix"].startswith("“Барлығы 1993")


def test_bibtex_one_entry_per_source_parsed_without_failures(home: Path, keys) -> None:
    code, out, _ = run(home, "export", "--format", "bibtex")
    assert code == 0
    library = bibtexparser.parse_string(out)
    assert library.failed_blocks == []
    assert sorted(e.key for e in library.entries) == sorted(keys)
    types = {e.key: e.entry_type for e in library.entries}
    assert types["kalila-2024"] == "article" and types["zakon-kz-2025-10-23"] == "online"
    kalila = next(e for e in library.entries if e.key == "kalila-2024")
    assert kalila["pages"].startswith("35--")
    assert "note" not in kalila.fields_dict


def test_two_paragraphs_of_one_source_cite_one_entry(home: Path) -> None:
    entries = []
    for pid in ("kalila-2024-p30", "kalila-2024-p40"):
        out = run(home, "cite", pid, "--style", "bibtex")[1]
        library = bibtexparser.parse_string(out)
        assert library.failed_blocks == []
        [entry] = library.entries
        entries.append(entry.raw)
        assert f"¶~{pid}" in out.split("\n% ")[1]
    assert entries[0] == entries[1]


def test_ris_is_read_by_rispy(home: Path, keys) -> None:
    code, out, _ = run(home, "export", "--format", "ris")
    assert code == 0
    records = rispy.loads(out)
    assert sorted(r["id"] for r in records) == sorted(keys)
    kalila = next(r for r in records if r["id"] == "kalila-2024")
    assert kalila["type_of_reference"] == "JOUR"
    assert kalila["authors"] == ["Қалила, А.Т."]
    assert kalila["doi"] == "10.51634/2307-5201_2024_4_35"
    assert kalila["start_page"] == "35"
    assert kalila["secondary_title"] == "Кұқық және мемлекет"
    news = next(r for r in records if r["id"] == "zakon-kz-2025-10-23")
    assert news["type_of_reference"] == "NEWS" and news["date"] == "2025/10/23/"


def test_query_selects_sources(home: Path) -> None:
    # Kazakh-only words find the Kazakh article alone; the Russian word is in both seeds
    # (the article's Russian abstract) but not in the English-language PDF.
    code, out, _ = run(home, "export", "--format", "ris", "--query", "бітімгершілік")
    assert code == 0 and [r["id"] for r in rispy.loads(out)] == ["kalila-2024"]
    code, out, _ = run(home, "export", "--format", "ris", "--query", "миротворческих")
    assert sorted(r["id"] for r in rispy.loads(out)) == KEYS
    code, _, err = run(home, "export", "--query", "xyzzyqwerty")
    assert code == 4 and "no source" in err


def test_bag_is_valid_and_carries_everything(home: Path, keys, tmp_path: Path) -> None:
    target = tmp_path / "bag"
    code, _, err = run(home, "export", "--format", "bagit", "--out", str(target))
    assert code == 0, err
    bag = bagit.Bag(str(target))
    bag.validate()
    assert set(bag.algorithms) == {"sha256", "sha512"}
    assert (target / "tagmanifest-sha512.txt").is_file()
    assert bag.info["Payload-Oxum"]
    original = (SEEDS / "000_d613d50ca8d86847.txt").read_bytes()
    meta = json.loads((target / "data/sources/kalila-2024/metadata.json").read_text())
    [f] = meta["files"]
    assert (target / f["path"]).read_bytes() == original
    assert meta["record"]["doi"] == "10.51634/2307-5201_2024_4_35"
    assert any(c["origin"] == "running-footer" for c in meta["candidates"])
    paragraphs = json.loads((target / "data/sources/kalila-2024/paragraphs.json").read_text())
    assert paragraphs[0]["id"] == "kalila-2024-p1"
    assert all(p["lineage"] and p["lineage"][0]["file_sha256"] == f["sha256"]
               for p in paragraphs)
    events = json.loads((target / "data/sources/kalila-2024/events.json").read_text())["events"]
    assert events[0]["eventType"] == "ingestion"
    assert events[0]["linkingObjectIdentifier"]["linkingObjectIdentifierValue"] == f["sha256"]
    assert {p.name for p in (target / "data/sources").iterdir()} == set(keys)
    # A damaged payload is caught by the validator: the manifests are real.
    (target / f["path"]).write_bytes(original + b"x")
    with pytest.raises(bagit.BagValidationError):
        bagit.Bag(str(target)).validate()


@pytest.mark.parametrize(("args", "code", "words"), [
    (["--format", "mla"], 1, "unknown export format 'mla'"),
    (["nobody-1999"], 4, "unknown source key 'nobody-1999'"),
    (["--format", "bagit"], 1, "--out"),
    (["kalila-2024", "--query", "x"], 1, "not both"),
])
def test_bad_input_is_one_line_and_non_zero(home: Path, args, code, words) -> None:
    got, out, err = run(home, "export", *args)
    assert got == code and words in err and out == ""
    assert len(err.strip().splitlines()) == 1


def test_bag_refuses_a_directory_that_is_not_empty(home: Path, tmp_path: Path) -> None:
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x").write_text("x")
    code, _, err = run(home, "export", "--format", "bagit", "--out", str(tmp_path / "full"))
    assert code == 1 and "not empty" in err


# --- every golden source, through each writer and the client that reads its format -------


def test_every_golden_source_in_every_reference_format() -> None:
    sources = list(SOURCES.values())
    items = [csl_item(s) for s in sources]
    jsonschema.validate(items, json.loads((CSL / "csl-data.json").read_text(encoding="utf-8")))
    CiteProcJSON(items)
    library = bibtexparser.parse_string("\n\n".join(bibtex_reference(s) for s in sources))
    assert library.failed_blocks == [] and len(library.entries) == len(sources)
    types = {e.key: e.entry_type for e in library.entries}
    assert (types["petrov-2018"], types["brown-2023"], types["smith-2020"]) == (
        "book", "online", "article")
    seitov = next(e for e in library.entries if e.key == "seitov-2021")
    assert seitov.entry_type == "incollection" and seitov["location"] == "Астана"
    assert seitov["booktitle"].startswith("Казахстан и глобальная безопасность")
    records = rispy.loads("".join(ris_entry(s) for s in sources))
    assert [r["id"] for r in records] == [s.key for s in sources]
    by_key = {r["id"]: r for r in records}
    assert by_key["doyle-2006"]["type_of_reference"] == "BOOK"
    assert by_key["doyle-2006"]["place_published"] == "Princeton"
    assert by_key["abdirov-2023"]["access_date"] == "2024/05/14"
