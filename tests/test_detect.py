import pytest

from archive.errors import EmptyFileError, UnsupportedTypeError
from archive.extract.detect import HTML, PDF, TEXT, detect_media_type


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"%PDF-1.7\n...", PDF),
        (b"\xef\xbb\xbf  %PDF-1.4", PDF),  # junk before the header, as readers allow
        (b"<!DOCTYPE html><html><body>x</body></html>", HTML),
        (b"\n  <html lang='kk'>", HTML),
        ("Қазақстан".encode(), TEXT),
    ],
)
def test_type_comes_from_the_bytes(data, expected):
    assert detect_media_type(data) == expected


def test_empty_file_is_refused():
    with pytest.raises(EmptyFileError, match="0 bytes"):
        detect_media_type(b"")


@pytest.mark.parametrize(("data", "name"), [(b"PK\x03\x04rest", "ZIP"), (b"\x89PNG\r\n", "PNG")])
def test_known_binary_formats_are_named(data, name):
    with pytest.raises(UnsupportedTypeError, match=name):
        detect_media_type(data)
