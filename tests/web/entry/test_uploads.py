"""Staged uploads: the confirm step finds only the file this session checked."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from chitieu.web.entry import uploads


@pytest.fixture(autouse=True)
def upload_dir(settings: Any, tmp_path: Path) -> Path:
    settings.CHITIEU_UPLOAD_DIR = str(tmp_path)
    return tmp_path


def test_a_staged_file_keeps_its_name_under_a_random_token() -> None:
    staged = uploads.stage(SimpleUploadedFile("số liệu 2026.csv", b"a;b"))
    assert staged.path.read_bytes() == b"a;b"
    assert len(staged.token) == 32 and staged.path.name.endswith("2026.csv")


def test_the_session_must_hold_the_token() -> None:
    staged = uploads.stage(SimpleUploadedFile("a.csv", b"x"))
    session = {uploads.SESSION_KEY: staged.as_session()}
    assert uploads.from_session(session, staged.token) == staged
    assert uploads.from_session(session, "0" * 32) is None
    assert uploads.from_session({}, staged.token) is None


def test_a_discarded_file_is_gone() -> None:
    staged = uploads.stage(SimpleUploadedFile("a.csv", b"x"))
    uploads.discard(staged)
    session = {uploads.SESSION_KEY: staged.as_session()}
    assert uploads.from_session(session, staged.token) is None
