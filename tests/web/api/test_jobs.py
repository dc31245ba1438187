"""GET /api/v1/jobs/{token}: a job's state and progress; its file; retrying it."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from chitieu.web.jobs.models import Job, JobKind, JobState
from chitieu.web.jobs.services import enqueue_job
from tests.web.jobs.helpers import import_job


@pytest.mark.django_db
def test_a_finished_import_reads_done_with_its_counts(
    api_client: Any, user: Any, store: dict[str, Any], tmp_path: Path
) -> None:
    job = enqueue_job(import_job(tmp_path, user("tonghop")))
    response = api_client("tonghop").get(f"/api/v1/jobs/{job.token}")
    assert response.status_code == 200
    data = response.json()
    assert (data["state"], data["finished"], data["done"], data["total"]) == ("xong", True, 2, 2)
    assert data["result"]["create"] == 2 and data["result_url"] is None and data["error"] == ""


@pytest.mark.django_db
def test_a_running_job_reads_its_stage_and_a_dead_one_failed_with_its_reason(
    api_client: Any, user: Any, store: dict[str, Any], tmp_path: Path, settings: Any
) -> None:
    settings.CHITIEU_JOB_TIMEOUT = 60
    job = import_job(tmp_path, user("tonghop"))
    now = timezone.now()
    Job.objects.filter(pk=job.pk).update(
        state=JobState.RUNNING.value, stage="Đang đọc tệp…", done=3, total=10, heartbeat_at=now
    )
    client = api_client("tonghop")
    data = client.get(f"/api/v1/jobs/{job.token}").json()
    assert (data["state"], data["stage"], data["done"], data["total"]) == (
        "dang_chay", "Đang đọc tệp…", 3, 10,
    )  # fmt: skip
    Job.objects.filter(pk=job.pk).update(heartbeat_at=now - timedelta(seconds=61))
    data = client.get(f"/api/v1/jobs/{job.token}").json()
    assert data["state"] == "loi" and data["error"].startswith("Tiến trình xử lý đã dừng")
    retried = client.post(f"/api/v1/jobs/{job.token}/retry")
    assert retried.status_code == 200 and retried.json()["state"] == "xong"
    again = client.post(f"/api/v1/jobs/{job.token}/retry")
    assert again.status_code == 409 and again.json()["code"] == "not_failed"


@pytest.mark.django_db
def test_a_report_job_links_its_file(
    api_client: Any, client: Client, user: Any, store: dict[str, Any]
) -> None:
    client.force_login(user("tonghop"))
    client.get("/bao-cao/hung_yen_2025_2030/tien-do-2026.docx")
    job = Job.objects.get(kind=JobKind.REPORT.value)
    api = api_client("tonghop")
    data = api.get(f"/api/v1/jobs/{job.token}").json()
    assert data["result_url"] == f"http://testserver/api/v1/jobs/{job.token}/file"
    download = api.get(f"/api/v1/jobs/{job.token}/file")
    assert download.status_code == 200
    assert b"".join(download.streaming_content)[:2] == b"PK"


@pytest.mark.django_db
def test_another_users_job_is_a_404_problem(
    api_client: Any, user: Any, store: dict[str, Any], tmp_path: Path
) -> None:
    job = import_job(tmp_path, user("tonghop"))
    response = api_client("sokhdt").get(f"/api/v1/jobs/{job.token}")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/problem+json")
    assert response.json()["code"] == "not_found"
