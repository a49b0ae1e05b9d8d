"""Shared fixtures. PDF fixtures are generated once per test session (see ``pdfgen``)."""

from __future__ import annotations

from typing import Any

import pdfgen
import pytest

from archive.extract.pdf import extract_pdf
from archive.models import Document


@pytest.fixture(scope="session")
def journal_pdf() -> tuple[bytes, list[dict[str, Any]]]:
    """The generated journal article (page numbers in the footer) and its gold."""
    return pdfgen.journal_article()


@pytest.fixture(scope="session")
def journal_doc(journal_pdf: tuple[bytes, list[dict[str, Any]]]) -> Document:
    return extract_pdf(journal_pdf[0])


@pytest.fixture(scope="session")
def journal_glued_pdf() -> tuple[bytes, list[dict[str, Any]]]:
    """The same article with page numbers glued to the issue year in the footer."""
    return pdfgen.journal_article(glued_page_numbers=True)
