"""`chitieu worker`: expires the jobs whose worker died, then runs the queue; `chitieu demo`
runs one beside its server (worker_beside)."""

from __future__ import annotations

import time
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from chitieu.cli.worker import run_worker, worker_beside


@pytest.mark.django_db(transaction=True)
def test_a_starting_worker_fails_the_jobs_whose_worker_died(settings: Any, tmp_path: Path) -> None:
    from chitieu.web.jobs.models import Job, JobKind, JobState

    settings.CHITIEU_JOBS_DIR = tmp_path
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }
    long_ago = timezone.now() - timedelta(hours=1)
    job = Job.objects.create(
        token="chet", kind=JobKind.REPORT.value, name="Báo cáo", state=JobState.RUNNING.value,
        created_at=long_ago, started_at=long_ago, heartbeat_at=long_ago, attempts=1,
    )  # fmt: skip
    run_worker(batch=True, quiet=True)
    job.refresh_from_db()
    assert job.state == JobState.FAILED.value
    assert job.error.startswith("Tiến trình xử lý đã dừng")


@pytest.mark.slow
def test_the_worker_beside_a_server_stops_with_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CHITIEU_JOBS_DIR", str(tmp_path / "jobs"))
    with worker_beside(tmp_path / "demo.sqlite3") as process:
        time.sleep(1)
        assert process.poll() is None, "the worker runs while the server does"
    assert process.returncode is not None
