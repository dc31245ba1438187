"""Fixtures shared by every test: the real document, read once."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "data" / "hung-yen" / "bao-cao-chinh-tri-hung-yen-2025-2030.txt"
PUBLISHED = REPO / "data" / "hung-yen" / "published"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed_lines() -> list[str]:
    """The document's lines; seed_lines[n - 1] is line n."""
    return SEED.read_text(encoding="utf-8").split("\n")
