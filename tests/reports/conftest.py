"""The real catalogue and document, read once for the report tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from chitieu.catalog.model import Catalogue
from chitieu.ingest import Document, read_text
from chitieu.ingest.pipeline import ingest

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "reports"


@pytest.fixture(scope="session")
def catalogue(seed_path: Path) -> Catalogue:
    return ingest(seed_path)


@pytest.fixture(scope="session")
def document(seed_path: Path) -> Document:
    return read_text(seed_path)


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
