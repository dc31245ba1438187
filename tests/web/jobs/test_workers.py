"""Jobs through real worker and server processes (slow): the database queue with
`chitieu worker`, a worker killed half-way, two servers showing the same progress, and
the RQ queue on the Redis at 127.0.0.1:6379."""

from __future__ import annotations

import os
import re
import signal
import uuid
from pathlib import Path
from typing import Any

import pytest
import requests

from chitieu.web.figures.models import Figure, FigureRevision
from chitieu.web.jobs import tasks  # noqa: F401  (imported under the default settings)
from chitieu.web.jobs.handlers import WRITING
from chitieu.web.jobs.models import Job, JobState
from chitieu.web.jobs.services import enqueue_job, job_status, retry_job
from tests.web.entry.workbooks import DOCTORS_ROW, GRDP_ROW, filled_template
from tests.web.jobs.helpers import import_job
from tests.web.jobs.processes import chitieu, environment, free_port, wait_for

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]
DB_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
PASSWORD = "mat-khau-thu-9"


@pytest.fixture
def db_queue(settings: Any) -> None:
    settings.TASKS = DB_QUEUE
    settings.CHITIEU_JOB_QUEUE = "default"


def _state(job: Job) -> dict[str, Any]:
    return job_status(Job.objects.get(pk=job.pk))


def test_a_worker_process_runs_a_queued_import(
    db_queue: None, store: dict[str, Any], user: Any, tmp_path: Path
) -> None:
    job = enqueue_job(import_job(tmp_path, user("tonghop")))
    assert job.state == JobState.QUEUED.value and job.task_id
    log = tmp_path / "worker.log"
    with chitieu("worker", env=environment(), log=log):
        wait_for(lambda: _state(job)["finished"], what="the job to end", log=log)
    data = _state(job)
    assert (data["state"], data["done"], data["total"]) == ("xong", 2, 2), data
    assert Figure.objects.count() == 2


def test_a_worker_killed_half_way_writes_nothing_and_the_job_fails_with_its_reason(
    db_queue: None, store: dict[str, Any], user: Any, tmp_path: Path, settings: Any
) -> None:
    tonghop = user("tonghop")
    revisions = FigureRevision.objects.count()
    job = enqueue_job(import_job(tmp_path, tonghop))
    log = tmp_path / "worker.log"
    # The worker pauses inside the import's write transaction, its rows inserted, uncommitted.
    with chitieu("worker", env=environment(CHITIEU_JOB_TEST_PAUSE="60"), log=log) as worker:
        seen = wait_for(
            lambda: (d := _state(job))["stage"] == WRITING and d["done"] == 2 and d,
            what="the import to be writing",
            log=log,
        )
        assert seen["state"] == JobState.RUNNING.value and seen["total"] == 2
        worker.send_signal(signal.SIGKILL)
        worker.wait()
    assert Figure.objects.count() == 0 and FigureRevision.objects.count() == revisions
    settings.CHITIEU_JOB_TIMEOUT = 1
    failed = wait_for(
        lambda: (d := _state(job))["state"] == JobState.FAILED.value and d, what="stale rule"
    )
    assert failed["message"].startswith("Tiến trình xử lý đã dừng"), failed
    retried = retry_job(Job.objects.get(pk=job.pk), actor=tonghop)
    assert retried.state == JobState.QUEUED.value
    with chitieu("worker", "--batch", env=environment(), log=log) as again:
        again.wait(timeout=60)
    data = _state(job)
    assert (data["state"], data["attempts"]) == ("xong", 2), data
    assert Figure.objects.count() == 2


@pytest.mark.postgres
def test_on_postgresql_the_row_itself_shows_the_count_inside_the_import_transaction(
    db_queue: None, store: dict[str, Any], user: Any, tmp_path: Path
) -> None:
    """The heartbeat thread's own connection commits the count while the import's
    connection holds its transaction; no side file is needed."""
    from django.db import connection

    from chitieu.web.jobs import files

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only (DATABASE_URL)")
    job = enqueue_job(import_job(tmp_path, user("tonghop")))
    log = tmp_path / "worker.log"
    with chitieu("worker", env=environment(CHITIEU_JOB_TEST_PAUSE="5"), log=log):
        row = wait_for(
            lambda: (j := Job.objects.get(pk=job.pk)).stage == WRITING and j.done == 2 and j,
            what="the count in the row",
            log=log,
        )
        assert row.state == JobState.RUNNING.value and files.read_side(job.token) is None
        assert Figure.objects.count() == 0, "not committed yet"
        wait_for(lambda: _state(job)["finished"], what="the job to end", log=log)
    assert _state(job)["state"] == "xong" and Figure.objects.count() == 2


def _sign_in(base: str) -> requests.Session:
    session = requests.Session()
    session.get(f"{base}/accounts/login/", timeout=10)
    response = session.post(
        f"{base}/accounts/login/",
        data={
            "username": "tonghop",
            "password": PASSWORD,
            "csrfmiddlewaretoken": session.cookies["csrftoken"],
        },
        headers={"Referer": f"{base}/accounts/login/"},
        timeout=10,
    )
    assert response.ok and "sessionid" in session.cookies, response.text[-500:]
    return session


def _up(base: str) -> bool:
    try:
        return requests.get(f"{base}/accounts/login/", timeout=10).status_code == 200
    except (requests.ConnectionError, requests.Timeout):  # not up yet, or a busy machine
        return False


def test_a_job_started_through_one_server_shows_its_progress_through_another(
    db_queue: None, store: dict[str, Any], user: Any, tmp_path: Path
) -> None:
    tonghop = user("tonghop")
    tonghop.set_password(PASSWORD)
    tonghop.save()
    path = filled_template(tmp_path, {GRDP_ROW: ("8,1", "ước"), DOCTORS_ROW: ("11,5", "ước")})
    env = environment(CHITIEU_JOB_TEST_PAUSE="2")
    one, two = f"http://127.0.0.1:{free_port()}", f"http://127.0.0.1:{free_port()}"
    with (
        chitieu("serve", "--port", one.rsplit(":", 1)[1], env=env, log=tmp_path / "one.log"),
        chitieu("serve", "--port", two.rsplit(":", 1)[1], env=env, log=tmp_path / "two.log"),
    ):
        wait_for(lambda: _up(one) and _up(two), what="both servers", log=tmp_path / "two.log")
        session = _sign_in(one)
        csrf = {"csrfmiddlewaretoken": session.cookies["csrftoken"]}
        with path.open("rb") as handle:
            preview = session.post(
                f"{one}/nhap-lieu/nhap-tep/", data=csrf, files={"file": handle}, timeout=30
            )
        staged = re.search(r'name="token" value="([0-9a-f]+)"', preview.text)
        assert staged, preview.text[-2000:]
        confirmed = session.post(
            f"{one}/nhap-lieu/nhap-tep/xac-nhan/",
            data={**csrf, "token": staged.group(1)},
            allow_redirects=False,
            timeout=30,
        )
        token = confirmed.headers["Location"].rstrip("/").split("/")[-1]
        status = f"{two}/nhap-lieu/nhap-tep/tien-do/{token}/trang-thai/"
        assert session.get(status, timeout=10).json()["state"] == JobState.QUEUED.value
        seen: list[tuple[str, str, int]] = []

        def finished() -> bool:
            data = session.get(status, timeout=10).json()
            seen.append((data["state"], data["message"], data["done"]))
            return bool(data["finished"])

        log = tmp_path / "worker.log"
        with chitieu("worker", env=env, log=log):
            wait_for(finished, what="the job, seen through the second server", log=log)
        api = session.get(f"{two}/api/v1/jobs/{token}", timeout=10).json()
    assert ("dang_chay", WRITING, 2) in seen, seen
    assert seen[-1][0] == "xong" and api["state"] == "xong" and api["done"] == 2
    assert Figure.objects.count() == 2


def _redis() -> Any:
    import redis

    client = redis.Redis.from_url("redis://127.0.0.1:6379/0")
    try:
        client.ping()
    except redis.ConnectionError:
        if os.environ.get("CHITIEU_TEST_REDIS_REQUIRED") == "1":  # scripts/test.sh, CI
            pytest.fail("no Redis at 127.0.0.1:6379, which the full suite needs")
        pytest.skip("no Redis at 127.0.0.1:6379: runs when one is (scripts/test.sh requires it)")
    return client


def test_the_rq_queue_runs_a_job_through_redis(
    store: dict[str, Any], user: Any, tmp_path: Path, settings: Any, monkeypatch: Any
) -> None:
    import django_rq.settings
    from django_rq import get_queue

    _redis()
    queue = f"chitieu-test-{uuid.uuid4().hex[:12]}"
    url = "redis://127.0.0.1:6379/0"
    monkeypatch.setitem(django_rq.settings.QUEUES, queue, {"URL": url, "DEFAULT_TIMEOUT": 600})
    settings.RQ_QUEUES = {queue: {"URL": url}}
    settings.CHITIEU_JOB_QUEUE = queue
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": [queue]}}
    job_id = ""
    try:
        job = enqueue_job(import_job(tmp_path, user("tonghop")))
        job_id = job.task_id
        assert job.state == JobState.QUEUED.value and job.task_id
        assert get_queue(queue).count == 1
        env = environment(CHITIEU_REDIS_URL=url, CHITIEU_JOB_QUEUE=queue)
        log = tmp_path / "rq.log"
        with chitieu("worker", "--batch", env=env, log=log) as worker:
            worker.wait(timeout=90)
        data = _state(job)
        assert (data["state"], data["done"]) == ("xong", 2), log.read_text()[-3000:]
        assert Figure.objects.count() == 2
    finally:
        rq_queue = get_queue(queue)
        rq_queue.empty()
        rq_queue.delete(delete_jobs=True)
        redis = _redis()
        for pattern in (f"*{queue}*", *([f"*{job_id}*"] if job_id else [])):
            for key in redis.scan_iter(pattern):
                redis.delete(key)
