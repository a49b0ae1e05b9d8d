"""Malformed and hostile inputs, each given to ``archive ingest`` beside a good file.

Every bad input must get exactly one line on stderr, ``archive: <path>: <reason> (<hint>)``,
the run's exit status must say what went wrong (2 for a file, 3 for a sidecar), nothing of
the bad file may reach the database (no source, file or paragraph row; SQLite's integrity
check clean), and the good file of the same run must land. Inputs that look hostile but are
readable (UTF-16 without a BOM, a few damaged UTF-8 bytes, a megabyte on one line) must land.
"""

from __future__ import annotations

import gzip
import os
import random
import re
import socket
import sqlite3
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pdfgen
import pymupdf
import pytest
import webcaptures
from test_cli import run

from archive import errors
from archive.hashing import sha256_hex
from archive.ingest.analyse import _NO_TEXT_HINT
from archive.ingest.inputs import _SPECIAL_FILE_HINT, read_at_most
from archive.segment.overlong import MAX_PARAGRAPH

ROOT = Path(__file__).resolve().parent.parent
SEED_NEWS = ROOT / "seeds" / "001_0956fffff0b724be.txt"
NEWS_KEY = "zakon-kz-2025-10-23"  # the key the seed news item is given
GOOD_TEXT = ("Ауыл шаруашылығы министрлігі жаңа бағдарламаны таныстырды.\n\n"
             "Министерство сельского хозяйства представило новую программу.\n").encode()
RND = random.Random(12)


def _pdf_with_text(text: str) -> bytes:
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), text)
    data = doc.tobytes()
    doc.close()
    return data


def _raw_pdf(*objects: bytes) -> bytes:
    """A PDF written by hand, for structures no writer would produce."""
    body = b"".join(b"%d 0 obj%s endobj\n" % (n, o) for n, o in enumerate(objects, start=1))
    return b"%PDF-1.4\n" + body + b"trailer<</Root 1 0 R>>\n%%EOF\n"


_CATALOG = b"<</Type/Catalog/Pages 2 0 R>>"


def _inflating_pdf() -> bytes:
    """A page whose content stream inflates from 64 KB to 64 MB: a decompression bomb."""
    raw = zlib.compress(b" " * (64 * 2**20), 9)
    return _raw_pdf(
        _CATALOG, b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents 4 0 R>>",
        b"<</Length %d/Filter/FlateDecode>>stream\n%s\nendstream" % (len(raw), raw),
    )


def _page() -> bytes:
    return webcaptures.page("zakon_article.html")


def _half(data: bytes) -> bytes:
    return data[: len(data) // 2]


def _article() -> bytes:
    return pdfgen.multi_page_kazakh(2)[0]


def _gzip_cut_short() -> bytes:
    return gzip.compress(RND.randbytes(8192))[:4000]


# Reasons and the hints printed with them, as the user reads them.
EMPTY = f"empty file (0 bytes) ({errors.EmptyFileError.hint})"
NUL = f"binary data (NUL bytes) in a text file ({errors.UndecodableTextError.hint})"
CONTROLS = f"binary data (control characters) in a text file ({errors.UndecodableTextError.hint})"
BLANK = "no text (only whitespace) (the file holds only spaces and line breaks)"
NO_TEXT = f"no text: nothing to index ({_NO_TEXT_HINT})"
SCAN = f"no text layer (a scan?): nothing to index ({errors.NoTextError.hint})"
UNREADABLE_PDF = "not a readable PDF: {} (" + errors.CorruptFileError.hint + ")"


def little(letters: int) -> str:
    noun = "letter" if letters == 1 else "letters"
    return (f"too little text to cite: {letters} {noun}, fewer than the minimum of 20 "
            f"({errors.TooLittleTextError.hint})")


def unsupported(what: str) -> str:
    return f"unsupported file type: {what} ({errors.UnsupportedTypeError.hint})"


def bad_bom(encoding: str) -> str:
    return f"invalid {encoding} after its byte-order mark ({errors.UndecodableTextError.hint})"


# name → (bytes, the reason and hint after "archive: <path>: ", as a regex or exact text)
BAD_FILES: dict[str, tuple[Callable[[], bytes], str | re.Pattern[str]]] = {
    # nothing, or too little, to cite
    "empty.txt": (lambda: b"", EMPTY),
    "a.txt": (lambda: b"a", little(1)),
    "a-newline.txt": (lambda: b"a\n", little(1)),
    "spaces.txt": (lambda: b"   \n\n\t \n", BLANK),
    "crlf-only.txt": (lambda: b"\r\n" * 50, BLANK),
    "digits.txt": (lambda: b"12345 67890 2024\n", little(0)),
    "punctuation.txt": (lambda: b"... ,,, !!! ??? --- ***\n", little(0)),
    "nineteen-letters.txt": (lambda: b"abcdefghij klmnopqrs\n", little(19)),
    "bom-only.txt": (lambda: b"\xef\xbb\xbf", BLANK),
    "utf16-bom-only.txt": (lambda: b"\xff\xfe", BLANK),
    "one-pdf-letter.pdf": (lambda: _pdf_with_text("a"), little(1)),
    "empty.html": (lambda: b"<html></html>", NO_TEXT),
    "scripts-only.html": (lambda: b"<html><head><script>var a = 'many letters here in code';"
                                  b"</script></head><body></body></html>", NO_TEXT),
    "unclosed.html": (lambda: b"<html><body><p>Only a few words", little(13)),
    "deep.html": (lambda: b"<html><body>" + b"<div>" * 100_000 + b"</body></html>", NO_TEXT),
    "empty-inside.txt.gz": (lambda: gzip.compress(b""), EMPTY),
    # binary junk, whatever its name says
    "nul.txt": (lambda: b"\x00", NUL),
    "all-bytes.txt": (lambda: bytes(range(256)) * 8, NUL),
    "random.txt": (lambda: RND.randbytes(4096), NUL),
    "zeros.txt": (lambda: b"\x00" * 4096, NUL),
    "one-nul.txt": (lambda: b"A perfectly ordinary sentence.\x00And another one.\n", NUL),
    "escapes.txt": (lambda: b"\x1b[31mred\x1b[0m " * 50, CONTROLS),
    "controls.txt": (lambda: bytes(range(1, 32)) * 40, CONTROLS),
    "late-pdf-header.txt": (lambda: b"\x00" * 2000 + b"%PDF-1.4\n", NUL),
    "image.txt": (lambda: b"\x89PNG\r\n\x1a\n" + RND.randbytes(64), unsupported("a PNG image")),
    "photo.txt": (lambda: b"\xff\xd8\xff\xe0" + RND.randbytes(64), unsupported("a JPEG image")),
    "anim.txt": (lambda: b"GIF89a" + RND.randbytes(64), unsupported("a GIF image")),
    "scan.tif.txt": (lambda: b"II*\x00" + RND.randbytes(64), unsupported("a TIFF image")),
    "report.docx.pdf": (lambda: b"PK\x03\x04" + RND.randbytes(64),
                        unsupported("a ZIP container (DOCX/EPUB/ODT?)")),
    "old.doc.txt": (lambda: b"\xd0\xcf\x11\xe0" + RND.randbytes(64),
                    unsupported("an OLE2 document (DOC/XLS?)")),
    "a.7z.txt": (lambda: b"7z\xbc\xaf\x27\x1c" + RND.randbytes(64),
                 unsupported("a 7-Zip archive")),
    "a.rar.txt": (lambda: b"Rar!\x1a\x07" + RND.randbytes(64), unsupported("a RAR archive")),
    "program.txt": (lambda: b"\x7fELF" + RND.randbytes(64), unsupported("an executable")),
    # text in broken encodings
    "bad-utf16-bom.txt": (lambda: b"\xff\xfea\x00b\x00\x00\xd8", bad_bom("utf-16")),
    "bad-utf8-bom.txt": (lambda: b"\xef\xbb\xbf" + b"\xff\xfe\xfd" * 10, bad_bom("utf-8")),
    "bad-utf32-bom.txt": (lambda: b"\xff\xfe\x00\x00" + b"\xff\xff\xff\xff" * 4,
                          bad_bom("utf-32")),
    # compressed
    "damaged.txt.gz": (lambda: b"\x1f\x8b\x08\x00" + RND.randbytes(64), re.compile(
        r"a damaged gzip file: Error -3 while decompressing data: [a-z ]+ "
        + re.escape(f"({errors.CorruptFileError.hint})"))),
    "cut-short.txt.gz": (_gzip_cut_short,
                         f"a gzip file cut short ({errors.CorruptFileError.hint})"),
    "double.txt.gz": (lambda: gzip.compress(gzip.compress(b"text " * 100)),
                      f"a gzip file inside a gzip file ({errors.UnsupportedTypeError.hint})"),
    # PDFs
    "truncated.pdf": (lambda: pdfgen.truncated(_article()),
                      f"the PDF is truncated (no end-of-file marker) "
                      f"({errors.CorruptFileError.hint})"),
    "header-only.pdf": (lambda: b"%PDF-1.4\n", UNREADABLE_PDF.format("Failed to open stream")),
    "junk-after-header.pdf": (lambda: b"%PDF-1.7\n" + RND.randbytes(2048),
                              UNREADABLE_PDF.format("Failed to open stream")),
    "locked.pdf": (lambda: pdfgen.encrypted(_article()),
                   f"the PDF is encrypted with a user password ({errors.EncryptedFileError.hint})"),
    "zero-pages.pdf": (lambda: _raw_pdf(_CATALOG, b"<</Type/Pages/Kids[]/Count 0>>"),
                       f"the PDF has no pages ({errors.CorruptFileError.hint})"),
    "page-tree-loop.pdf": (lambda: _raw_pdf(_CATALOG,
                                            b"<</Type/Pages/Kids[2 0 R]/Count 1000000000>>"),
                           UNREADABLE_PDF.format("Invalid number of pages")),
    "scan.pdf": (pdfgen.scanned_like, SCAN),
    "blank-page.pdf": (lambda: _pdf_with_text(" "), SCAN),
    "inflation-bomb.pdf": (_inflating_pdf, SCAN),
    # web pages and captures
    "app-shell.html": (lambda: b'<!doctype html><html><head><title>App</title>'
                               b'<script src="/app.js"></script></head><body><div id="root">'
                               b'</div><noscript>You need to enable JavaScript to run this '
                               b'app.</noscript></body></html>', NO_TEXT),
    "login-wall.html": (lambda: b'<html><body><form action="/login"><label>Email</label>'
                                b'<input name=e><label>Password</label><input type=password>'
                                b'<button>Sign in</button></form></body></html>', little(19)),
    "broken-markup.html": (lambda: b"<html><body><div><p>\xd0\x9f\xd1\x80\xd0\xb8</div>"
                                   b"</td></tr></table><<<>>> <p class=\">", little(3)),
    "cut.warc": (lambda: _half(webcaptures.warc(_page())),
                 f"a WARC file cut short in record 4 ({errors.CorruptFileError.hint})"),
    "cut.warc.gz": (lambda: _half(webcaptures.warc(_page(), gz=True)),
                    f"a WARC.gz file cut short ({errors.CorruptFileError.hint})"),
    "header-only.warc": (lambda: b"WARC/1.0\r\nWARC-Type: response\r\n",
                         "a WARC file cut short in the header of record 1 "
                         f"({errors.CorruptFileError.hint})"),
    "trailing-junk.warc.gz": (lambda: webcaptures.warc(_page(), gz=True) + b"junk",
                              "a WARC.gz file with bytes after its last gzip member "
                              f"({errors.CorruptFileError.hint})"),
    "no-page.warc": (webcaptures.warc_without_page,
                     "the WARC holds no HTML page (archive reads the HTML response records "
                     "of a WARC; this one holds only other records)"),
    "not-a-warc.warc.gz": (lambda: gzip.compress(RND.randbytes(3000)), NUL),
    "no-html.mht": (lambda: webcaptures.mhtml(_page(), with_page=False),
                    "the MHTML file holds no HTML part (save the page again as 'Webpage, "
                    "Single File' or as HTML)"),
    "no-parts.mht": (lambda: b"MIME-Version: 1.0\r\nContent-Type: multipart/related; "
                             b"boundary=x\r\n\r\n",
                     "a damaged MHTML file: StartBoundaryNotFoundDefect "
                     f"({errors.CorruptFileError.hint})"),
}


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _socket(path: Path) -> None:
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))


def _loop(path: Path) -> None:
    path.symlink_to(path.with_name("other"))
    path.with_name("other").symlink_to(path)


ROOT_READS_ALL = "running as root: permissions are not enforced, every file is readable"
as_root = pytest.mark.skipif(os.geteuid() == 0, reason=ROOT_READS_ALL)


def _unreadable(path: Path) -> None:
    path.write_bytes(GOOD_TEXT)
    path.chmod(0)


def _unreadable_folder(path: Path) -> None:
    path.mkdir()
    (path / "inside.txt").write_bytes(GOOD_TEXT)
    path.chmod(0)


_NOT_THERE = f"no such file or directory ({errors.UnreadablePathError.hint})"

# name → (makes the path, or names an existing one; the reason and hint)
BAD_PATHS: dict[str, tuple[Callable[[Path], Path | None], str]] = {
    "missing.pdf": (lambda p: None, _NOT_THERE),
    "dangling": (lambda p: p.symlink_to(p.with_name("nowhere")),
                 "a broken symbolic link (its target does not exist) "
                 f"({errors.UnreadablePathError.hint})"),
    "self-link": (lambda p: p.symlink_to(p),
                  f"a loop of symbolic links ({errors.UnreadablePathError.hint})"),
    "link-loop": (_loop, f"a loop of symbolic links ({errors.UnreadablePathError.hint})"),
    "fifo": (_fifo, f"a named pipe (FIFO), not a regular file ({_SPECIAL_FILE_HINT})"),
    "socket": (_socket, f"a socket, not a regular file ({_SPECIAL_FILE_HINT})"),
    "/dev/null": (lambda p: Path(os.devnull),
                  f"a device, not a regular file ({_SPECIAL_FILE_HINT})"),
    "/dev/zero": (lambda p: Path("/dev/zero"),
                  f"a device, not a regular file ({_SPECIAL_FILE_HINT})"),
    "unreadable.txt": (_unreadable, f"cannot read: Permission denied "
                                    f"({errors.UnreadablePathError.hint})"),
    "unreadable-folder": (_unreadable_folder, f"cannot read directory: Permission denied "
                                              f"({errors.UnreadablePathError.hint})"),
}
NEEDS_PERMISSIONS = {"unreadable.txt", "unreadable-folder"}

# file names a terminal would act on, shown escaped (the content is empty: a failure to print)
HOSTILE_NAMES = {
    "two\nlines.txt": "two\\nlines.txt",
    "tab\there.txt": "tab\\there.txt",
    "\x1b[31mred.txt": "\\x1b[31mred.txt",
    "bell\x07.txt": "bell\\x07.txt",
    "back\rover.txt": "back\\rover.txt",
    "rtl\u202etxt.exe": "rtl\\u202etxt.exe",
    os.fsdecode(b"latin1-\xe9t\xe9.txt"): "latin1-\\xe9t\\xe9.txt",
}

def sidecar(problem: str) -> re.Pattern[str]:
    """The reason given for the seed news item's sidecar: ``problem`` is a regex."""
    return re.compile(rf"metadata/{NEWS_KEY}\.yaml{problem} "
                      + re.escape(f"({errors.SidecarError.hint})"))


# sidecar text for the seed news item → the reason after "archive: <path>: "
BAD_SIDECARS: dict[str, tuple[str | bytes, re.Pattern[str]]] = {
    "unclosed": ("title: [unclosed\n", sidecar(r", line \d, field 'title': not valid YAML: .+")),
    "tab-indent": ("titles:\n\tru: Заголовок\n",
                   sidecar(r", line 2, field 'titles': not valid YAML: .+")),
    "list-at-top": ("- title\n- year\n", sidecar(r", line 1: expected a mapping of fields")),
    "unknown-field": ("titel: Typo\n",
                      sidecar(r", line 1, field 'titel': unknown field \(known: title, .+\)")),
    "given-twice": ("year: 2024\nyear: 2025\n", sidecar(r", line 2, field 'year': given twice")),
    "year-text": ("year: soon\n",
                  sidecar(r", line 1, field 'year': expected a whole number, got 'soon'")),
    "bad-date": ("date: 2024-13-45\n", sidecar(
        r", line 1, field 'date': not a date YYYY\[-MM\[-DD\]\]: '2024-13-45'")),
    "bad-doi": ("doi: not-a-doi\n", sidecar(r", line 1, field 'doi': not a DOI: 'not-a-doi'")),
    "bad-udc": ("udc: [hello]\n",
                sidecar(r", line 1, field 'udc': not a valid UDC code: 'hello'")),
    "country-code": ("language: kz\n", sidecar(
        r", line 1, field 'language': 'kz' is a country code; the language code is 'kk'")),
    "title-mapping": ("title: {a: b}\n",
                      sidecar(r", line 1, field 'title': expected .+, got a .+")),
    "bad-orcid": ("authors:\n  - family: Ким\n    orcid: 0000-0002-1825-0098\n", sidecar(
        r", line 2, field 'authors': not a valid ORCID iD \(check digit\): "
        r"'0000-0002-1825-0098'")),
    "unknown-author-key": ("authors:\n  - famly: Ким\n", sidecar(
        r", line 2, field 'authors': unknown author key 'famly' \(known: .+\)")),
    "not-utf8": (b"title: \xff\xfe\n", re.compile(
        rf".*{NEWS_KEY}\.yaml: cannot read: .+ " + re.escape(f"({errors.SidecarError.hint})"))),
    "nul-byte": ("title: a\x00b\n", sidecar(r", line 1, field 'title': not valid YAML: .+")),
}


@dataclass(frozen=True)
class Run:
    code: int
    errors: list[str]  # stderr lines that report a file
    home: Path


def _ingest(home: Path, *args: str | Path) -> Run:
    code, _, err = run(home, "ingest", *map(str, args))
    lines = [ln for ln in err.splitlines() if ln.startswith("archive: ")
             and not ln.startswith("archive: warning: ")]
    return Run(code, lines, home)


def _rows(home: Path, sql: str, *params: object) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(home / "archive.db")
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def assert_only_good_landed(home: Path, good: Path, bad_sha: str | None = None) -> None:
    """The good file is the archive's one source, and nothing else was written."""
    assert _rows(home, "PRAGMA integrity_check") == [("ok",)]
    assert _rows(home, "SELECT sha256 FROM files") == [(sha256_hex(good.read_bytes()),)]
    [(key,)] = _rows(home, "SELECT key FROM sources")
    assert _rows(home, "SELECT DISTINCT source FROM paragraphs") == [(key,)]
    assert _rows(home, "SELECT count(*) FROM metadata_values WHERE source != ?", key) == [(0,)]
    if bad_sha is not None:
        assert _rows(home, "SELECT count(*) FROM files WHERE sha256 = ?", bad_sha) == [(0,)]
    assert _rows(home, "SELECT status FROM ingests") == [("finished",)]


def _expect(line: str, shown: str, reason: str | re.Pattern[str]) -> None:
    prefix = f"archive: {shown}: "
    assert line.startswith(prefix), line
    rest = line[len(prefix):]
    if isinstance(reason, re.Pattern):
        assert reason.fullmatch(rest), rest
    else:
        assert rest == reason


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good" / "good.txt"
    path.parent.mkdir()
    path.write_bytes(GOOD_TEXT)
    return path


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_a_bad_file_gets_one_line_and_the_good_one_lands(name, tmp_path, good):
    make, reason = BAD_FILES[name]
    data = make()
    bad = tmp_path / "in" / name
    bad.parent.mkdir()
    bad.write_bytes(data)
    result = _ingest(tmp_path / "home", bad, good)
    assert result.code == 2
    [line] = result.errors
    _expect(line, str(bad), reason)
    assert_only_good_landed(result.home, good, sha256_hex(data))


@pytest.mark.parametrize("name", sorted(BAD_PATHS))
def test_a_path_that_is_no_file_gets_one_line(name, tmp_path, good):
    if name in NEEDS_PERMISSIONS and os.geteuid() == 0:
        pytest.skip(ROOT_READS_ALL)
    make, reason = BAD_PATHS[name]
    path = tmp_path / "in" / name.replace("/", "_")
    path.parent.mkdir()
    path = make(path) or path
    try:
        result = _ingest(tmp_path / "home", path, good)
    finally:
        if name in NEEDS_PERMISSIONS:
            path.chmod(0o755)
    assert result.code == 2
    assert len(result.errors) == 1
    _expect(result.errors[0], str(path), reason)
    assert_only_good_landed(result.home, good)


@pytest.mark.parametrize("name", sorted(HOSTILE_NAMES))
def test_a_hostile_file_name_is_escaped(name, tmp_path, good):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / name).write_bytes(b"")
    result = _ingest(tmp_path / "home", folder, good)
    assert result.code == 2
    [line] = result.errors
    _expect(line, f"{folder}/{HOSTILE_NAMES[name]}", EMPTY)
    assert line.isprintable()
    assert_only_good_landed(result.home, good)


@pytest.mark.parametrize("name", sorted(BAD_SIDECARS))
def test_a_bad_sidecar_fails_its_file_alone_with_status_3(name, tmp_path, good):
    text, reason = BAD_SIDECARS[name]
    sidecars = tmp_path / "metadata"
    sidecars.mkdir()
    target = sidecars / f"{NEWS_KEY}.yaml"
    if isinstance(text, bytes):
        target.write_bytes(text)
    else:
        target.write_text(text, encoding="utf-8")
    result = _ingest(tmp_path / "home", "--metadata", sidecars, SEED_NEWS, good)
    assert result.code == 3
    [line] = result.errors
    _expect(line, str(SEED_NEWS), reason)
    assert_only_good_landed(result.home, good, sha256_hex(SEED_NEWS.read_bytes()))
    assert _rows(result.home, "SELECT count(*) FROM sources WHERE key = ?", NEWS_KEY) == [(0,)]


def test_the_size_limit_refuses_before_reading(tmp_path, good, monkeypatch):
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 300_000)  # 1.4 MB
    opened: list[int] = []
    real_open = Path.open

    def watched(self: Path, *args, **kwargs):  # the whole file is never read
        handle = real_open(self, *args, **kwargs)
        if self == big:
            real_read = handle.read
            handle = _Reads(handle, real_read, opened)
        return handle

    monkeypatch.setattr(Path, "open", watched)
    result = _ingest(tmp_path / "home", "--max-mb", "1", big, good)
    assert result.code == 2
    [line] = result.errors
    _expect(line, str(big), "file too large: 1.4 MB, more than the maximum of 1 MB "
                             f"({errors.TooLargeError.hint})")
    assert opened and max(opened) <= 2**20 + 1
    assert_only_good_landed(result.home, good)


def test_a_file_of_the_maximum_size_is_read_and_one_byte_more_is_refused(tmp_path):
    path = tmp_path / "file.txt"
    path.write_bytes(b"x" * 100)
    assert read_at_most(path, 100) == b"x" * 100
    with pytest.raises(errors.TooLargeError):
        read_at_most(path, 99)


@pytest.mark.skipif(not Path("/proc/self/status").is_file(), reason="no procfs")
def test_a_file_longer_than_its_stated_size_is_read_up_to_the_limit():
    # procfs states a size of 0 for files that hold text, as a file that grows while it is
    # read holds more than it stated.
    status = Path("/proc/self/status")
    assert status.stat().st_size == 0
    assert read_at_most(status, 1 << 20).startswith(b"Name:")
    with pytest.raises(errors.TooLargeError):
        read_at_most(status, 10)


class _Reads:
    """A file handle that notes how much each ``read`` asked for."""

    def __init__(self, handle, read, sizes: list[int]) -> None:
        self._handle, self._read, self._sizes = handle, read, sizes

    def read(self, size: int = -1) -> bytes:
        self._sizes.append(size if size >= 0 else 1 << 62)
        return self._read(size)

    def __getattr__(self, name: str):
        return getattr(self._handle, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc: object) -> None:
        self._handle.close()


def test_a_gzip_bomb_is_refused_unpacked(tmp_path, good, monkeypatch):
    monkeypatch.setattr("archive.extract.detect.MAX_UNPACKED", 2**20)
    bomb = tmp_path / "bomb.txt.gz"
    bomb.write_bytes(gzip.compress(b"a" * 2 * 2**20))
    result = _ingest(tmp_path / "home", bomb, good)
    assert result.code == 2
    [line] = result.errors
    _expect(line, str(bomb), "a gzip file that unpacks to more than 1 MiB "
                             "(unpack it yourself if its content is meant to be kept)")
    assert_only_good_landed(result.home, good)


def _utf16_no_bom(order: str) -> bytes:
    return "Sources in UTF-16 written without a byte-order mark.\n".encode(f"utf-16-{order}")


_BEFORE_BAD_BYTE = "Қазақ тілінде жазылған мәтін, бір байты бүлінген.\n".encode()
_DAMAGED_UTF8 = _BEFORE_BAD_BYTE + b"\xff" + "Екінші жол да қазақша жазылған.\n".encode()


# Inputs that look hostile but are readable: they land, with the warning they deserve.
READABLE: dict[str, tuple[bytes, tuple[str, ...], str | None]] = {
    "utf16le-no-bom.txt": (_utf16_no_bom("le"), (), None),
    "utf16be-no-bom.txt": (_utf16_no_bom("be"), (), None),
    "one-bad-byte.txt": (_DAMAGED_UTF8, (), "1 byte(s) that are not UTF-8 (at offset "
                                           f"{len(_BEFORE_BAD_BYTE)}) replaced with U+FFFD"),
    "latin1.txt": ("Une étude naïve du français écrit à l'école.\n".encode("latin-1"), (), None),
    "crlf.txt": (b"Lines ended the Windows way.\r\nAnd a second one here.\r\n", (), None),
    "twenty-letters.txt": (b"abcdefghij klmnopqrst\n", (), None),
    "a-allowed.txt": (b"a", ("--min-letters", "0"), None),
}


@pytest.mark.parametrize("name", sorted(READABLE))
def test_odd_but_readable_input_lands(name, tmp_path):
    data, options, warning = READABLE[name]
    path = tmp_path / name
    path.write_bytes(data)
    code, _, err = run(tmp_path / "home", "ingest", *options, str(path))
    assert code == 0, err
    warnings = [ln for ln in err.splitlines() if ln.startswith("archive: warning: ")]
    assert warnings == ([f"archive: warning: {path}: {warning}"] if warning else [])
    assert _rows(tmp_path / "home", "SELECT sha256 FROM files") == [(sha256_hex(data),)]


def test_a_megabyte_on_one_line_becomes_paragraphs_cut_at_sentences(tmp_path):
    sentence = "Every source keeps its paragraphs with stable identifiers. "
    path = tmp_path / "one-line.txt"
    path.write_text(sentence * (2**20 // len(sentence)), encoding="utf-8")
    code, _, err = run(tmp_path / "home", "ingest", str(path))
    assert code == 0, err
    texts = [t for (t,) in _rows(tmp_path / "home", "SELECT text FROM paragraphs ORDER BY seq")]
    assert len(texts) > 100 and max(map(len, texts)) <= MAX_PARAGRAPH
    assert all(t.endswith("identifiers.") and t.startswith("Every") for t in texts)


def test_a_link_back_to_a_folder_is_read_once(tmp_path, good):
    (good.parent / "up").symlink_to(good.parent)
    code, _, err = run(tmp_path / "home", "ingest", str(good.parent))
    assert code == 0, err
    assert_only_good_landed(tmp_path / "home", good)


def test_all_of_them_in_one_run(tmp_path, good):
    """Every bad file of the table in one folder with the good one: one line each, the good
    one lands, and the archive verifies clean (failed bytes are referenced by events)."""
    folder = good.parent
    for name, (make, _) in BAD_FILES.items():
        (folder / name).write_bytes(make())
    result = _ingest(tmp_path / "home", folder)
    assert result.code == 2
    shown = sorted(line.split(": ", 2)[1] for line in result.errors)
    assert shown == sorted(str(folder / name) for name in BAD_FILES)
    assert_only_good_landed(result.home, good)
    code, out, _ = run(result.home, "verify")
    assert code == 0, out
