"""A job's page and status, its result file, retrying it; report downloads as jobs."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from chitieu.web.figures.models import Figure
from chitieu.web.jobs.models import Job, JobKind, JobState
from tests.web.entry.helpers import grdp_figure
from tests.web.jobs.helpers import import_job

PROGRESS = "/bao-cao/hung_yen_2025_2030/tien-do-2026.xlsx"


def _login(client: Client, user: Any, name: str) -> Client:
    client.force_login(user(name))
    return client


def _stale(job: Job) -> Job:
    long_ago = timezone.now() - timedelta(hours=1)
    Job.objects.filter(pk=job.pk).update(
        state=JobState.RUNNING.value, heartbeat_at=long_ago, started_at=long_ago, attempts=1
    )
    return job


@pytest.mark.django_db
def test_a_report_download_is_a_job_whose_file_is_reused_until_the_data_changes(
    client: Client, user: Any, store: dict[str, Any]
) -> None:
    client = _login(client, user, "tonghop")
    first = client.get(PROGRESS)
    assert first.status_code == 200 and first["Content-Type"].endswith("spreadsheetml.sheet")
    assert "filename*=UTF-8''" in first["Content-Disposition"]
    again = client.get(PROGRESS)
    assert again.content == first.content
    assert Job.objects.filter(kind=JobKind.REPORT.value).count() == 1, "the stored file reused"
    grdp_figure(store, "8.1")
    client.get(PROGRESS)
    assert Job.objects.filter(kind=JobKind.REPORT.value).count() == 2, "new data, new report"


@pytest.mark.django_db
def test_a_queued_report_sends_the_browser_to_the_job_page(
    client: Client, user: Any, store: dict[str, Any], settings: Any
) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    client = _login(client, user, "tonghop")
    response = client.get(PROGRESS)
    job = Job.objects.get(kind=JobKind.REPORT.value)
    assert response.status_code == 302 and response["Location"] == f"/tac-vu/{job.token}/"
    page = client.get(response["Location"]).content.decode()
    assert (
        'id="import-bar"' in page and f'data-status-url="/tac-vu/{job.token}/trang-thai/"' in page
    )
    status = client.get(f"/tac-vu/{job.token}/trang-thai/").json()
    assert (status["state"], status["finished"]) == (JobState.QUEUED.value, False)


@pytest.mark.django_db
def test_a_finished_report_job_offers_its_file(
    client: Client, user: Any, store: dict[str, Any]
) -> None:
    client = _login(client, user, "tonghop")
    client.get(PROGRESS)
    job = Job.objects.get(kind=JobKind.REPORT.value)
    page = client.get(f"/tac-vu/{job.token}/").content.decode()
    assert 'id="job-download"' in page
    download = client.get(f"/tac-vu/{job.token}/tai-ve/")
    assert download.status_code == 200 and b"".join(download.streaming_content)[:2] == b"PK"


@pytest.mark.django_db
def test_a_stopped_job_shows_its_reason_and_a_retry_button_that_runs_it_again(
    client: Client, user: Any, store: dict[str, Any], tmp_path: Path
) -> None:
    job = _stale(import_job(tmp_path, user("tonghop")))
    client = _login(client, user, "tonghop")
    page = client.get(f"/nhap-lieu/nhap-tep/tien-do/{job.token}/").content.decode()
    assert "Tiến trình xử lý đã dừng" in page and 'id="job-retry"' in page
    response = client.post(f"/tac-vu/{job.token}/chay-lai/")
    assert response.status_code == 302
    assert Job.objects.get(pk=job.pk).state == JobState.DONE.value
    assert Figure.objects.count() == 2


@pytest.mark.django_db
def test_another_users_job_is_not_found(
    client: Client, user: Any, store: dict[str, Any], tmp_path: Path
) -> None:
    job = import_job(tmp_path, user("tonghop"))
    client = _login(client, user, "sokhdt")
    for suffix in ("", "trang-thai/", "tai-ve/"):
        assert client.get(f"/tac-vu/{job.token}/{suffix}").status_code == 404
    assert client.post(f"/tac-vu/{job.token}/chay-lai/").status_code == 404
    admin = _login(Client(), user, "quantri")
    assert admin.get(f"/tac-vu/{job.token}/trang-thai/").status_code == 200


@pytest.mark.django_db
def test_one_person_builds_at_most_a_few_reports_at_once_and_a_repeat_waits_for_its_job(
    client: Client, user: Any, store: dict[str, Any], settings: Any
) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    settings.CHITIEU_REPORT_JOBS_PER_USER = 2
    client = _login(client, user, "tonghop")
    first = client.get(PROGRESS)
    assert client.get(PROGRESS)["Location"] == first["Location"], "the same report: the same job"
    client.get(PROGRESS.replace(".xlsx", ".docx"))
    third = client.get(PROGRESS.replace("2026.xlsx", "2027.xlsx"))
    assert third.status_code == 429 and "tối đa 2 việc cùng lúc" in third.content.decode()
    assert Job.objects.filter(kind=JobKind.REPORT.value).count() == 2
    other = _login(Client(), user, "quantri").get(PROGRESS.replace("2026.xlsx", "2027.xlsx"))
    assert other.status_code == 302, "the limit is per person"
