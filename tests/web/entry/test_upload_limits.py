"""The import page's upload limits: a too-large or hostile file is refused in Vietnamese and
never kept; a file refused by a limit inside its job loses its input (no retry)."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from chitieu.ingest.file_limits import MB, FileLimitError
from chitieu.web.entry import uploads
from chitieu.web.jobs import files
from chitieu.web.jobs.models import Job, JobState
from chitieu.web.jobs.services import JobError, retry_job
from tests.ingest import hostile_files as hostile
from tests.web.entry.workbooks import GRDP_ROW, filled_template

pytestmark = pytest.mark.django_db

Login = Callable[[str], Client]
PAGE = "/nhap-lieu/nhap-tep/"


@pytest.fixture
def as_user(client: Client, user: Callable[[str], Any]) -> Login:
    def login(username: str) -> Client:
        client.force_login(user(username))
        return client

    return login


@pytest.fixture(autouse=True)
def upload_dir(settings: Any, tmp_path: Path) -> Path:
    folder = tmp_path / "uploads"
    settings.CHITIEU_UPLOAD_DIR = str(folder)
    return folder


def staged_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()] if folder.exists() else []


def test_a_file_over_the_limit_is_refused_before_it_is_kept(
    as_user: Login, store: dict[str, Any], settings: Any, upload_dir: Path
) -> None:
    settings.CHITIEU_MAX_UPLOAD_MB = 0.5
    big = SimpleUploadedFile("so_lieu.csv", b"x" * 550_000)
    response = as_user("tonghop").post(PAGE, {"file": big})
    assert response.status_code == 200
    assert response.context["form"].has_error("file", code="file_too_large")
    assert "Tệp tải lên (0,52 MB) lớn hơn giới hạn 0,50 MB" in response.content.decode()
    assert staged_files(upload_dir) == []


def test_a_request_declaring_a_too_large_body_is_refused_unread(
    as_user: Login, store: dict[str, Any], settings: Any, upload_dir: Path
) -> None:
    settings.CHITIEU_MAX_UPLOAD_MB = 0.5
    big = SimpleUploadedFile("so_lieu.csv", b"x" * 1_000_000)
    response = as_user("tonghop").post(PAGE, {"file": big})
    assert response.status_code == 413
    assert "Tệp tải lên" in response.content.decode()
    assert staged_files(upload_dir) == []


def test_a_hostile_workbook_is_refused_with_its_reason_and_removed(
    as_user: Login, store: dict[str, Any], tmp_path: Path, upload_dir: Path
) -> None:
    bomb = hostile.entity_bomb(tmp_path / "bom.xlsx")
    with bomb.open("rb") as handle:
        started = time.monotonic()
        response = as_user("tonghop").post(PAGE, {"file": handle})
    assert time.monotonic() - started < 2
    assert "khai báo DOCTYPE/ENTITY" in response.content.decode()
    assert staged_files(upload_dir) == []


def test_a_workbook_of_100_sheets_is_refused_and_removed(
    as_user: Login, store: dict[str, Any], tmp_path: Path, upload_dir: Path
) -> None:
    with hostile.many_sheets(tmp_path / "trang.xlsx", 100).open("rb") as handle:
        response = as_user("tonghop").post(PAGE, {"file": handle})
    assert "100 trang tính, vượt giới hạn" in response.content.decode()
    assert staged_files(upload_dir) == []


def test_the_staged_file_goes_whatever_error_ends_the_check(
    as_user: Login, store: dict[str, Any], tmp_path: Path, upload_dir: Path, monkeypatch: Any
) -> None:
    from django.db import OperationalError

    def broken(*args: Any, **kwargs: Any) -> Any:
        # An error the import boundary lets through (the database, not the file, failed).
        raise OperationalError("database is locked")

    monkeypatch.setattr(uploads, "import_figures", broken)
    path = filled_template(tmp_path, {GRDP_ROW: ("8,1", "ước")})
    with path.open("rb") as handle, pytest.raises(OperationalError):
        as_user("tonghop").post(PAGE, {"file": handle})
    assert staged_files(upload_dir) == []


def test_stage_itself_refuses_a_file_over_the_limit(settings: Any, upload_dir: Path) -> None:
    settings.CHITIEU_MAX_UPLOAD_MB = 0.001
    with pytest.raises(FileLimitError) as refused:
        uploads.stage(SimpleUploadedFile("a.csv", b"x" * 5_000))
    assert refused.value.code == "file_too_large"
    assert staged_files(upload_dir) == []


def test_a_file_refused_by_a_limit_in_its_job_loses_its_input_and_is_not_retried(
    as_user: Login, store: dict[str, Any], tmp_path: Path, settings: Any, user: Any
) -> None:
    client = as_user("tonghop")
    with filled_template(tmp_path, {GRDP_ROW: ("8,1", "ước")}).open("rb") as handle:
        preview = client.post(PAGE, {"file": handle})
    settings.CHITIEU_MAX_UPLOAD_MB = 0.001  # lowered between the check and the job
    client.post(f"{PAGE}xac-nhan/", {"token": preview.context["staged"].token})
    job = Job.objects.get()
    assert job.state == JobState.FAILED.value and "lớn hơn giới hạn" in job.error
    assert job.result["code"] == "file_too_large"
    assert not files.input_dir(job.token).exists() or not any(files.input_dir(job.token).iterdir())
    with pytest.raises(JobError) as refused:
        retry_job(job, actor=user("tonghop"))
    assert refused.value.code == "input_gone"


def test_old_staged_files_are_swept_at_the_next_upload(upload_dir: Path) -> None:
    old = uploads.stage(SimpleUploadedFile("cu.csv", b"a"))
    fresh = uploads.stage(SimpleUploadedFile("moi.csv", b"b"))
    long_ago = time.time() - uploads.MAX_AGE - 60
    os.utime(old.path.parent, (long_ago, long_ago))
    uploads.stage(SimpleUploadedFile("khac.csv", b"c"))
    assert not old.path.exists() and fresh.path.exists()


def test_a_request_body_read_into_memory_is_held_to_the_upload_limit(settings: Any) -> None:
    """Django's own bound (the API's JSON body), else its 2,5 MB default would apply."""
    assert int(settings.CHITIEU_MAX_UPLOAD_MB * MB) == settings.DATA_UPLOAD_MAX_MEMORY_SIZE
