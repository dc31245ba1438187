"""A confirmed web import runs as a job: its progress page, its JSON status, its result."""

from __future__ import annotations

import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from chitieu.web.figures.models import Figure, FigureRevision
from chitieu.web.figures.services import approve_figure
from chitieu.web.jobs import files
from chitieu.web.jobs.handlers import WRITING
from chitieu.web.jobs.models import Job, JobKind, JobState
from tests.web.entry.helpers import grdp_figure
from tests.web.entry.workbooks import DOCTORS_ROW, GRDP_ROW, filled_template

Login = Callable[[str], Client]
CONFIRM = "/nhap-lieu/nhap-tep/xac-nhan/"


@pytest.fixture
def as_user(client: Client, user: Callable[[str], Any]) -> Login:
    def login(username: str) -> Client:
        client.force_login(user(username))
        return client

    return login


def confirm(client: Client, path: Path) -> Any:
    """Upload and check the file, then confirm it; the response redirects to the job page."""
    with path.open("rb") as handle:
        preview = client.post("/nhap-lieu/nhap-tep/", {"file": handle})
    return client.post(CONFIRM, {"token": preview.context["staged"].token})


def status(client: Client, token: str) -> dict[str, Any]:
    response = client.get(f"/nhap-lieu/nhap-tep/tien-do/{token}/trang-thai/")
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    data: dict[str, Any] = response.json()
    return data


def job_row(user: Any, state: JobState, **fields: Any) -> Job:
    now = timezone.now()
    return Job.objects.create(
        token=f"t{state.value}", kind=JobKind.IMPORT.value, name="so_lieu.xlsx",
        state=state.value, started_by=user, created_at=now, heartbeat_at=now, **fields,
    )  # fmt: skip


# -- with the job run at once (django-tasks' immediate backend, tests/web/conftest.py) -----


@pytest.fixture
def sync() -> None:
    """The immediate backend is every web test's default."""


@pytest.mark.django_db
def test_a_confirmed_import_ends_done_with_its_figures_written(
    sync: None, as_user: Login, store: dict[str, Any], tmp_path: Path
) -> None:
    client = as_user("tonghop")
    path = filled_template(tmp_path, {GRDP_ROW: ("8,1", "ước"), DOCTORS_ROW: ("11,5", "ước")})
    response = confirm(client, path)
    assert response.status_code == 302
    token = response["Location"].rstrip("/").split("/")[-1]
    data = status(client, token)
    assert (data["state"], data["finished"], data["done"], data["total"]) == ("xong", True, 2, 2)
    assert data["result"]["summary"].startswith("Đã ghi: 2 số liệu mới")
    assert Figure.objects.count() == 2
    page = client.get(response["Location"]).content.decode()
    assert 'id="import-result"' in page and "Đã ghi: 2 số liệu mới" in page
    assert 'id="import-bar"' not in page, "a finished job shows no progress bar"


@pytest.mark.django_db
def test_a_failing_import_ends_failed_with_its_problems_and_writes_nothing(
    sync: None, as_user: Login, store: dict[str, Any], tmp_path: Path
) -> None:
    client = as_user("tonghop")
    path = filled_template(tmp_path, {GRDP_ROW: ("8,1", "ước"), DOCTORS_ROW: ("11,5", "ước")})
    with path.open("rb") as handle:
        token = client.post("/nhap-lieu/nhap-tep/", {"file": handle}).context["staged"].token
    approve_figure(grdp_figure(store, "7.9"), actor=None)  # locked after the check
    revisions = FigureRevision.objects.count()
    job_page = client.post(CONFIRM, {"token": token}, follow=True)
    job = Job.objects.get()
    assert job.state == JobState.FAILED.value and job.finished_at is not None
    (problem,) = job.result["problems"]
    assert (problem["code"], problem["row"]) == ("locked", 2)
    assert "chưa ghi số liệu nào" in job.message
    assert Figure.objects.count() == 1 and FigureRevision.objects.count() == revisions
    assert 'data-code="locked"' in job_page.content.decode()


@pytest.mark.django_db
def test_the_staged_file_is_removed_when_the_job_ends(
    sync: None, as_user: Login, store: dict[str, Any], tmp_path: Path, settings: Any
) -> None:
    settings.CHITIEU_UPLOAD_DIR = str(tmp_path / "uploads")
    confirm(as_user("tonghop"), filled_template(tmp_path, {GRDP_ROW: ("8,1", "ước")}))
    assert not any((tmp_path / "uploads").iterdir())


# -- the status endpoint and the progress page -------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("state", "finished"),
    [
        (JobState.QUEUED, False),
        (JobState.RUNNING, False),
        (JobState.DONE, True),
        (JobState.FAILED, True),
    ],
)
def test_the_status_says_the_state_and_gives_the_result_only_at_the_end(
    as_user: Login, user: Any, store: dict[str, Any], state: JobState, finished: bool
) -> None:
    client = as_user("tonghop")
    job = job_row(user("tonghop"), state, done=3, total=10, result={"summary": "x"})
    data = status(client, job.token)
    assert (data["state"], data["finished"], data["done"], data["total"]) == (
        state.value, finished, 3, 10,
    )  # fmt: skip
    assert data["result"] == ({"summary": "x"} if finished else {})


@pytest.mark.django_db
def test_a_running_job_shows_the_count_its_worker_wrote_beside_the_database(
    as_user: Login, user: Any, store: dict[str, Any]
) -> None:
    """Inside the import's write transaction the worker writes its count to a side file."""
    client = as_user("tonghop")
    job = job_row(user("tonghop"), JobState.RUNNING, stage="Đang đọc tệp…")
    files.write_side(job.token, files.SideProgress(WRITING, 40, 100, timezone.now()))
    data = status(client, job.token)
    assert (data["done"], data["total"], data["message"]) == (40, 100, WRITING)


@pytest.mark.django_db
def test_the_progress_page_has_a_labelled_bar_and_a_live_message(
    as_user: Login, user: Any, store: dict[str, Any]
) -> None:
    client = as_user("tonghop")
    job = job_row(user("tonghop"), JobState.RUNNING, done=40, total=100)
    page = client.get(f"/nhap-lieu/nhap-tep/tien-do/{job.token}/").content.decode()
    assert '<label for="import-bar">' in page
    assert '<progress id="import-bar" max="100" value="40">' in page
    assert 'aria-live="polite"' in page
    assert f'data-status-url="/nhap-lieu/nhap-tep/tien-do/{job.token}/trang-thai/"' in page


@pytest.mark.django_db
def test_another_users_job_is_not_found(as_user: Login, user: Any, store: dict[str, Any]) -> None:
    job = job_row(user("tonghop"), JobState.DONE)
    client = as_user("sokhdt")
    assert client.get(f"/nhap-lieu/nhap-tep/tien-do/{job.token}/trang-thai/").status_code == 404
    assert client.get(f"/nhap-lieu/nhap-tep/tien-do/{job.token}/").status_code == 404


# -- queued for a worker (committed data: a transactional test) ---------------------------


@pytest.mark.django_db(transaction=True)
def test_a_queued_job_waits_for_a_worker_then_ends_done(
    as_user: Login, store: dict[str, Any], tmp_path: Path, settings: Any
) -> None:
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }
    client = as_user("tonghop")
    path = filled_template(tmp_path, {GRDP_ROW: ("8,1", "ước"), DOCTORS_ROW: ("11,5", "ước")})
    token = confirm(client, path)["Location"].rstrip("/").split("/")[-1]
    assert status(client, token)["state"] == JobState.QUEUED.value
    assert Figure.objects.count() == 0
    call_command("db_worker", batch=True, reload=False, startup_delay=False, verbosity=0)
    deadline = time.monotonic() + 20
    data = status(client, token)
    while not data["finished"] and time.monotonic() < deadline:
        time.sleep(0.05)
        data = status(client, token)
    assert data["state"] == "xong", data
    assert Figure.objects.get(indicator=store["grdp"]).value == Decimal("8.1")
