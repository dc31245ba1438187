"""Jobs' services: starting, the stale-heartbeat rule, retrying, the status a poller reads."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from chitieu.web.accounts.permissions import PermissionDenied
from chitieu.web.figures.models import Figure
from chitieu.web.jobs import files
from chitieu.web.jobs.models import Job, JobState
from chitieu.web.jobs.services import (
    JobError,
    enqueue_job,
    expire_if_stale,
    expire_stale_jobs,
    job_status,
    retry_job,
)
from tests.web.jobs.helpers import import_job


def _running(job: Job, beat_ago: timedelta) -> Job:
    beat = timezone.now() - beat_ago
    Job.objects.filter(pk=job.pk).update(
        state=JobState.RUNNING.value, started_at=beat, heartbeat_at=beat, attempts=1
    )
    job.refresh_from_db()
    return job


@pytest.mark.django_db
def test_an_enqueued_import_runs_and_keeps_no_input_once_done(
    store: dict[str, Any], user: Any, tmp_path: Path
) -> None:
    job = enqueue_job(import_job(tmp_path, user("tonghop")))
    assert job.state == JobState.DONE.value and job.attempts == 1
    assert (job.done, job.total) == (2, 2) and job.result["create"] == 2
    assert job.task_id and job.finished_at is not None and job.heartbeat_at is not None
    assert Figure.objects.get(indicator=store["grdp"]).value == Decimal("8.1")
    assert not files.input_dir(job.token).exists()


@pytest.mark.django_db
def test_a_job_without_a_heartbeat_for_longer_than_the_timeout_is_failed_with_its_reason(
    store: dict[str, Any], user: Any, tmp_path: Path, settings: Any
) -> None:
    settings.CHITIEU_JOB_TIMEOUT = 120
    job = _running(import_job(tmp_path, user("tonghop")), timedelta(seconds=121))
    data = job_status(job)
    assert (data["state"], data["finished"]) == (JobState.FAILED.value, True)
    assert data["message"].startswith("Tiến trình xử lý đã dừng")
    assert data["error"] == data["message"] and "Có thể chạy lại" in data["message"]
    assert Job.objects.get(pk=job.pk).state == JobState.FAILED.value


@pytest.mark.django_db
def test_a_recent_heartbeat_keeps_the_job_running(
    store: dict[str, Any], user: Any, tmp_path: Path, settings: Any
) -> None:
    settings.CHITIEU_JOB_TIMEOUT = 120
    job = _running(import_job(tmp_path, user("tonghop")), timedelta(seconds=100))
    assert expire_if_stale(job).state == JobState.RUNNING.value


@pytest.mark.django_db
def test_the_side_file_heartbeat_counts_as_a_beat(
    store: dict[str, Any], user: Any, tmp_path: Path, settings: Any
) -> None:
    """On SQLite a worker inside its write transaction beats through progress.json."""
    settings.CHITIEU_JOB_TIMEOUT = 120
    job = _running(import_job(tmp_path, user("tonghop")), timedelta(minutes=10))
    files.write_side(job.token, files.SideProgress("Đang ghi số liệu…", 5, 9, timezone.now()))
    data = job_status(job)
    assert (data["state"], data["done"], data["total"]) == (JobState.RUNNING.value, 5, 9)


@pytest.mark.django_db
def test_a_starting_worker_expires_every_stale_job(
    store: dict[str, Any], user: Any, tmp_path: Path
) -> None:
    stale = _running(import_job(tmp_path, user("tonghop"), name="a.xlsx"), timedelta(hours=1))
    fresh = _running(import_job(tmp_path, user("tonghop"), name="b.xlsx"), timedelta(0))
    assert expire_stale_jobs() == 1
    states = dict(Job.objects.values_list("pk", "state"))
    assert states == {stale.pk: JobState.FAILED.value, fresh.pk: JobState.RUNNING.value}


@pytest.mark.django_db
def test_a_stale_import_is_retried_with_the_input_it_kept(
    store: dict[str, Any], user: Any, tmp_path: Path
) -> None:
    tonghop = user("tonghop")
    job = expire_if_stale(_running(import_job(tmp_path, tonghop), timedelta(hours=1)))
    assert job.state == JobState.FAILED.value and Figure.objects.count() == 0
    assert any(files.input_dir(job.token).iterdir()), "a failed job keeps its input"
    retried = retry_job(job, actor=tonghop)
    assert (retried.state, retried.attempts, retried.error) == (JobState.DONE.value, 2, "")
    assert Figure.objects.count() == 2


@pytest.mark.django_db
def test_only_a_failed_job_is_retried(store: dict[str, Any], user: Any, tmp_path: Path) -> None:
    tonghop = user("tonghop")
    job = enqueue_job(import_job(tmp_path, tonghop))
    with pytest.raises(JobError) as refused:
        retry_job(job, actor=tonghop)
    assert refused.value.code == "not_failed"


@pytest.mark.django_db
def test_a_job_whose_input_is_gone_is_not_retried(
    store: dict[str, Any], user: Any, tmp_path: Path
) -> None:
    tonghop = user("tonghop")
    job = expire_if_stale(_running(import_job(tmp_path, tonghop), timedelta(hours=1)))
    files.drop_input(job.token)
    with pytest.raises(JobError) as refused:
        retry_job(job, actor=tonghop)
    assert refused.value.code == "input_gone"


@pytest.mark.django_db
def test_another_user_may_not_retry_a_job(store: dict[str, Any], user: Any, tmp_path: Path) -> None:
    job = expire_if_stale(_running(import_job(tmp_path, user("tonghop")), timedelta(hours=1)))
    with pytest.raises(PermissionDenied) as refused:
        retry_job(job, actor=user("sokhdt"))
    assert refused.value.code == "not_job_owner"
    assert Job.objects.get(pk=job.pk).state == JobState.FAILED.value
