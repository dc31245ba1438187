"""The seed read once per session, through both readers."""

from __future__ import annotations

from pathlib import Path

import pytest

from chitieu.ingest import Document, read_docx, read_text
from tests.ingest.docx_builder import build_docx


@pytest.fixture(scope="session")
def seed_document(seed_path: Path) -> Document:
    return read_text(seed_path)


@pytest.fixture(scope="session")
def seed_docx(seed_document: Document, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real .docx built from the seed: headings, tables, 73 real footnotes."""
    return build_docx(seed_document, tmp_path_factory.mktemp("docx") / "bao-cao.docx")


@pytest.fixture(scope="session")
def docx_document(seed_docx: Path) -> Document:
    return read_docx(seed_docx)
