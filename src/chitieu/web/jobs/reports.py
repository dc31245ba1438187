"""Report downloads as jobs: the same report on the same data reuses the stored file."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.models import Max

from chitieu.web.jobs.models import Job, JobKind
from chitieu.web.jobs.services import require_capacity, reusable, start_job


def data_version() -> str:
    """Changes whenever anything a report reads changes: a figure or its review (a history
    row), a task note, a catalogue reload or any audited change."""
    from chitieu.web.audit.models import AuditEntry
    from chitieu.web.dashboard.models import TaskNote
    from chitieu.web.figures.models import FigureRevision

    marks = [
        model.objects.aggregate(last=Max("pk"))["last"] or 0
        for model in (FigureRevision, TaskNote, AuditEntry)
    ]
    return ".".join(str(mark) for mark in marks)


def report_key(params: dict[str, Any]) -> str:
    parts = [params["kind"], params["plan"], params["fmt"], params.get("year"), params["mode"]]
    return ":".join(str(part) for part in [*parts, data_version()])[:128]


def start_report(params: dict[str, Any], *, name: str, actor: Any) -> Job:
    """The job of the same report on the same data (finished, or still on its way), else a
    new job: at most settings.CHITIEU_REPORT_JOBS_PER_USER at once for one person (JobError),
    as a PDF build holds a worker for many seconds."""
    key = report_key(params)
    found = reusable(JobKind.REPORT, key)
    if found is not None:
        return found
    require_capacity(JobKind.REPORT, actor, settings.CHITIEU_REPORT_JOBS_PER_USER)
    return start_job(JobKind.REPORT, name=name, params=params, actor=actor, key=key)
