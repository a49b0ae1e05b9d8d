"""The one exception tree of archive.

    ArchiveError                 exit 1   anything the library refuses, with a hint
    ├── InputError               exit 2   a file cannot be ingested
    │   ├── EmptyFileError                zero bytes
    │   ├── UnsupportedTypeError          bytes of a kind we do not read
    │   ├── CorruptFileError              truncated or damaged container
    │   ├── EncryptedFileError            password-protected PDF
    │   ├── UndecodableTextError          binary junk or an unknown encoding
    │   ├── NoTextError                   nothing to read (a scan without a text layer)
    │   ├── TooLittleTextError            fewer letters than a source needs to be cited
    │   ├── TooLargeError                 more bytes than the archive's maximum
    │   └── UnreadablePathError           missing file, no permission, unreadable folder
    ├── SidecarError             exit 3   a metadata sidecar is malformed (file, line, field)
    ├── NotFoundError            exit 4   no source / paragraph with that key or ID
    ├── StoreError               exit 5   the archive home or database is unusable
    └── ClusterError             exit 6   the Dask cluster of ``ingest --cluster`` is
                                          unreachable, has no workers or other software

Third-party exceptions are translated where they are raised (``raise … from exc``);
the CLI is the only place that turns these into messages and exit codes.
"""

from __future__ import annotations


class ArchiveError(Exception):
    exit_code = 1
    hint = ""

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        if hint is not None:
            self.hint = hint


class InputError(ArchiveError):
    exit_code = 2


class EmptyFileError(InputError):
    hint = "the file has zero bytes; check the download or copy"


class UnsupportedTypeError(InputError):
    hint = "archive reads PDF, HTML and plain-text files"


class CorruptFileError(InputError):
    hint = "the file looks truncated or damaged; fetch it again"


class EncryptedFileError(InputError):
    hint = "remove the password (e.g. qpdf --decrypt) and ingest the result"


class UndecodableTextError(InputError):
    hint = "save the text as UTF-8 and ingest it again"


class NoTextError(InputError):
    hint = "a scanned PDF needs OCR first (e.g. ocrmypdf), then ingest the result"


class TooLittleTextError(InputError):
    hint = "a source needs text to cite; `archive ingest --min-letters N` lowers the minimum"


class TooLargeError(InputError):
    hint = "`archive ingest --max-mb N` raises the maximum if the file is meant to be kept"


class UnreadablePathError(InputError):
    hint = "check that the path exists and is readable"


class SidecarError(ArchiveError):
    exit_code = 3
    hint = "fix the sidecar file; nothing was changed"


class NotFoundError(ArchiveError):
    exit_code = 4


class StoreError(ArchiveError):
    exit_code = 5


class ClusterError(ArchiveError):
    exit_code = 6
    hint = "check the scheduler's address (tcp://HOST:8786) and that its workers are up"
