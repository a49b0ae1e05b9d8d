"""Fuzzing the front ends: whatever the bytes, ``analyse`` returns an analysis or raises an
``ArchiveError`` — never anything else, which would be a defect named "please report".

Three sources of bytes: arbitrary ones; a real text, PDF or web page with bytes flipped,
cut, or spliced in; and text built from awkward characters (controls, marks, bidi, lone
surrogates' replacements, form feeds, very long words).
"""

from __future__ import annotations

import functools
from pathlib import Path

import pdfgen
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive.errors import ArchiveError
from archive.ingest.analyse import analyse

ROOT = Path(__file__).resolve().parent.parent
# Seeded and without an example database, so every run tries the same inputs.
_FUZZ = settings(deadline=None, derandomize=True, database=None,
                 suppress_health_check=[HealthCheck.too_slow])


def fuzz(examples: int) -> settings:
    return settings(_FUZZ, max_examples=examples)


@functools.cache
def _real(kind: str) -> bytes:
    if kind == "pdf":
        return pdfgen.multi_page_kazakh(1)[0]
    if kind == "html":
        return (ROOT / "tests" / "data" / "html" / "kk_news.html").read_bytes()
    return (ROOT / "seeds" / "001_0956fffff0b724be.txt").read_bytes()


def _survives(data: bytes) -> None:
    try:
        analysis = analyse(data)
    except ArchiveError as exc:
        assert str(exc) and "\n" not in str(exc), repr(exc)
        return
    assert analysis.sha256 and analysis.segmentation.blocks


@st.composite
def mutated(draw: st.DrawFn, kind: str) -> bytes:
    data = bytearray(_real(kind))
    for _ in range(draw(st.integers(0, 8))):
        at = draw(st.integers(0, len(data) - 1))
        what = draw(st.sampled_from(["flip", "cut", "splice", "delete"]))
        if what == "flip":
            data[at] = draw(st.integers(0, 255))
        elif what == "cut":
            del data[at:]
            if not data:
                break
        elif what == "splice":
            data[at:at] = draw(st.binary(max_size=64))
        else:
            del data[at : at + draw(st.integers(1, 512))]
            if not data:
                break
    return bytes(data)


@fuzz(300)
@given(st.binary(max_size=4096))
def test_arbitrary_bytes(data: bytes) -> None:
    _survives(data)


@fuzz(120)
@given(st.sampled_from([b"%PDF-1.4\n", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", b"\x1f\x8b",
                        b"\xef\xbb\xbf", b"\xff\xfe", b"<html>", b"<!DOCTYPE html>"]),
       st.binary(max_size=2048))
def test_arbitrary_bytes_behind_a_known_header(header: bytes, rest: bytes) -> None:
    _survives(header + rest)


@fuzz(80)
@given(mutated("pdf"))
def test_mutated_pdf(data: bytes) -> None:
    _survives(data)


@fuzz(80)
@given(mutated("text"))
def test_mutated_text(data: bytes) -> None:
    _survives(data)


@fuzz(60)
@given(mutated("html"))
def test_mutated_web_page(data: bytes) -> None:
    _survives(data)


_AWKWARD = st.characters(codec="utf-8", categories=["L", "M", "N", "P", "S", "Z", "Cc", "Cf"])


@fuzz(200)
@given(st.text(_AWKWARD, max_size=2000), st.sampled_from(["utf-8", "utf-16", "cp1251"]))
def test_awkward_text(text: str, encoding: str) -> None:
    _survives(text.encode(encoding, errors="replace"))
