"""Starting, reading, expiring and retrying background jobs.

A job is created (a row, its input kept under its folder), then handed to the task
backend (jobs.tasks.run_job, django-tasks: the database queue or RQ). A worker runs it
(jobs.runner). Anyone reading a job first applies the stale rule: a running job whose
heartbeat is older than CHITIEU_JOB_TIMEOUT has lost its worker; it is marked failed with
the reason, and may be retried. Its work was one transaction, so nothing of it was kept.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from chitieu.web.accounts.models import Role
from chitieu.web.accounts.permissions import PermissionDenied, role_of
from chitieu.web.jobs import files
from chitieu.web.jobs.models import FINISHED, Job, JobKind, JobState

STALE = (
    "Tiến trình xử lý đã dừng giữa chừng (không còn tín hiệu từ {at}); "
    "tác vụ không ghi gì. Có thể chạy lại."
)
WAITING = "Đang chờ tiến trình xử lý (chitieu worker) nhận tác vụ…"


UNFINISHED = (JobState.QUEUED.value, JobState.RUNNING.value)


class JobError(ValueError):
    def __init__(self, message: str, *, code: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


def _actor(actor: Any) -> Any:
    return actor if getattr(actor, "pk", None) else None


@transaction.atomic
def create_job(
    kind: JobKind, *, name: str, params: dict[str, Any], actor: Any, key: str = ""
) -> Job:
    """A queued job's row (not yet handed to a worker: enqueue_job, after the commit)."""
    return Job.objects.create(
        token=secrets.token_hex(16),
        kind=kind.value,
        name=name[:255],
        params=params,
        key=key,
        message=WAITING,
        started_by=_actor(actor),
        created_at=timezone.now(),
    )


def enqueue_job(job: Job) -> Job:
    """Hand the job to the configured task backend; the immediate backend runs it now."""
    if transaction.get_connection().in_atomic_block and not settings.TASKS["default"][
        "BACKEND"
    ].endswith("ImmediateBackend"):
        # A worker must see the row: enqueue once the caller's transaction commits.
        transaction.on_commit(lambda: _enqueue(job))
    else:
        _enqueue(job)
    job.refresh_from_db()
    return job


def _enqueue(job: Job) -> None:
    from chitieu.web.jobs.tasks import run_job

    queued = run_job.using(queue_name=settings.CHITIEU_JOB_QUEUE).enqueue(job.pk)
    Job.objects.filter(pk=job.pk).update(task_id=str(queued.id)[:64])


def start_job(
    kind: JobKind, *, name: str, params: dict[str, Any], actor: Any, key: str = ""
) -> Job:
    return enqueue_job(create_job(kind, name=name, params=params, actor=actor, key=key))


def last_beat(job: Job) -> datetime | None:
    """The freshest heartbeat: the row's, or the side channel's (jobs.files)."""
    side = files.read_side(job.token)
    beats = [at for at in (job.heartbeat_at, side.at if side else None) if at is not None]
    return max(beats) if beats else None


def expire_if_stale(job: Job, *, now: datetime | None = None) -> Job:
    """A running job without a heartbeat for CHITIEU_JOB_TIMEOUT seconds: failed, with why."""
    if job.state != JobState.RUNNING.value:
        return job
    now = now or timezone.now()
    beat = last_beat(job) or job.started_at or job.created_at
    if now - beat <= timedelta(seconds=float(settings.CHITIEU_JOB_TIMEOUT)):
        return job
    reason = STALE.format(at=timezone.localtime(beat).strftime("%H:%M:%S %d/%m/%Y"))
    Job.objects.filter(pk=job.pk, state=JobState.RUNNING.value, attempts=job.attempts).update(
        state=JobState.FAILED.value, stage="", message=reason, error=reason, finished_at=now
    )
    files.drop_side(job.token)
    job.refresh_from_db()
    return job


def expire_stale_jobs() -> int:
    """Apply the stale rule to every running job (a worker does this when it starts)."""
    expired = 0
    for job in Job.objects.filter(state=JobState.RUNNING.value):
        expired += expire_if_stale(job).state == JobState.FAILED.value
    return expired


def may_see(job: Job, user: Any) -> bool:
    """The user who started the job, or an administrator."""
    if not getattr(user, "is_authenticated", False):
        return False
    return job.started_by_id == user.pk or role_of(user) is Role.ADMIN


def retry_job(job: Job, *, actor: Any) -> Job:
    """Queue a failed job again, with the input it kept."""
    _reset_for_retry(job, actor=actor)
    return enqueue_job(job)


@transaction.atomic
def _reset_for_retry(job: Job, *, actor: Any) -> None:
    job = Job.objects.select_for_update().get(pk=job.pk)
    if not may_see(job, actor):
        raise PermissionDenied(
            "Chỉ người tạo tác vụ hoặc quản trị viên được chạy lại.", code="not_job_owner"
        )
    if job.state != JobState.FAILED.value:
        raise JobError(
            f"Tác vụ đang ở trạng thái “{JobState(job.state).label}”; chỉ chạy lại tác vụ lỗi.",
            code="not_failed",
        )
    if job.kind == JobKind.IMPORT.value and not any(files.input_dir(job.token).glob("*")):
        raise JobError(
            "Không còn tệp đầu vào của tác vụ này; hãy tải tệp lên lại.", code="input_gone"
        )
    Job.objects.filter(pk=job.pk).update(
        state=JobState.QUEUED.value,
        stage="",
        done=0,
        total=0,
        message=WAITING,
        result={},
        error="",
        started_at=None,
        finished_at=None,
        heartbeat_at=None,
    )


def job_status(job: Job) -> dict[str, Any]:
    """What a polling page or API client needs: state, stage, counts, result once finished."""
    job = expire_if_stale(job)
    stage, done, total = job.stage, job.done, job.total
    side = files.read_side(job.token) if job.state == JobState.RUNNING.value else None
    if side is not None and (job.heartbeat_at is None or side.at >= job.heartbeat_at):
        stage, done, total = side.stage, side.done, side.total
    finished = job.state in FINISHED
    return {
        "token": job.token,
        "kind": job.kind,
        "name": job.name,
        "state": job.state,
        "state_label": JobState(job.state).label,
        "finished": finished,
        "stage": stage,
        "done": done,
        "total": total,
        "message": stage if job.state == JobState.RUNNING.value and stage else job.message,
        "result": job.result if finished else {},
        "has_file": bool(job.state == JobState.DONE.value and files.result_path(job.result_file)),
        "error": job.error,
        "attempts": job.attempts,
        "created_at": job.created_at,
        "finished_at": job.finished_at,
    }


def reusable(kind: JobKind, key: str) -> Job | None:
    """The latest finished job of this kind and key whose result file is still there, else
    one still queued or running (a repeated request waits for it instead of starting another)."""
    for job in Job.objects.filter(kind=kind.value, key=key, state=JobState.DONE.value)[:3]:
        if files.result_path(job.result_file) is not None:
            return job
    for job in Job.objects.filter(kind=kind.value, key=key, state__in=UNFINISHED)[:3]:
        if expire_if_stale(job).state in UNFINISHED:
            return job
    return None


def require_capacity(kind: JobKind, actor: Any, limit: int) -> None:
    """Refuse a new job when `actor` already has `limit` of this kind waiting or running."""
    person = _actor(actor)
    if person is None:
        return
    mine = [
        job
        for job in Job.objects.filter(kind=kind.value, started_by=person, state__in=UNFINISHED)
        if expire_if_stale(job).state in UNFINISHED
    ]
    if len(mine) >= limit:
        raise JobError(
            f"Bạn đang có {len(mine)} việc “{kind.label.lower()}” chưa xong (tối đa {limit} "
            "việc cùng lúc). Hãy chờ các việc đó xong rồi yêu cầu tiếp.",
            code="too_many_jobs",
        )
