"""A web import run in the background; the page that started it polls its progress.

start_import records an ImportJob and runs the import in a thread (or at once when
settings.CHITIEU_IMPORT_SYNC is true). The import itself is one transaction, so
its progress cannot be read from the database while it runs: the running count
lives in this process (LIVE), the job row holds the state, and at the end the
final count, the summary or every problem. All or nothing is unchanged: a
failing import writes no figure and ends in state "failed" with its problems.
"""

from __future__ import annotations

import logging
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection
from django.utils import timezone

from chitieu.ingest.figures_file import FiguresFileError, Problem, read_figures
from chitieu.web.figures.imports import ImportRejected, import_figures
from chitieu.web.figures.models import ImportJob, JobState

log = logging.getLogger(__name__)

FINISHED = (JobState.DONE.value, JobState.FAILED.value)
READING = "Đang đọc và kiểm tra lại tệp…"
WRITING = "Đang ghi số liệu…"


@dataclass
class _Live:
    done: int = 0
    total: int = 0
    message: str = READING


LIVE: dict[str, _Live] = {}  # token -> the running count of a job of this process
_LOCK = threading.Lock()


def start_import(
    path: Path,
    name: str,
    *,
    actor: Any,
    cleanup: Callable[[], None] = lambda: None,
    confirm_warnings: str = "",
) -> ImportJob:
    """Record a job for the file at `path` and run it; cleanup() runs when it ends.

    `confirm_warnings` is the note confirming the unusual values the preview listed."""
    job = ImportJob.objects.create(
        token=secrets.token_hex(16),
        name=name,
        started_by=actor if getattr(actor, "pk", None) else None,
        created_at=timezone.now(),
        message=READING,
    )
    if getattr(settings, "CHITIEU_IMPORT_SYNC", False):
        run_job(job.pk, path, actor, cleanup, confirm_warnings)
    else:
        thread = threading.Thread(
            target=_in_thread, args=(job.pk, path, actor, cleanup, confirm_warnings), daemon=True
        )
        thread.start()
    return job


def _in_thread(
    pk: int, path: Path, actor: Any, cleanup: Callable[[], None], confirm_warnings: str
) -> None:
    try:
        run_job(pk, path, actor, cleanup, confirm_warnings)
    finally:
        connection.close()  # this thread's own connection; Django never closes it itself


def run_job(
    pk: int, path: Path, actor: Any, cleanup: Callable[[], None], confirm_warnings: str = ""
) -> None:
    """Read, check and import the file, keeping the job's progress and then its result."""
    job = ImportJob.objects.get(pk=pk)
    live = _Live()
    with _LOCK:
        LIVE[job.token] = live
    ImportJob.objects.filter(pk=pk).update(state=JobState.RUNNING.value)

    def progress(done: int, total: int) -> None:
        live.done, live.total, live.message = done, total, WRITING

    try:
        report = import_figures(
            read_figures(path), actor=actor, progress=progress, confirm_warnings=confirm_warnings
        )
    except (ImportRejected, FiguresFileError) as error:
        _finish(job, live, JobState.FAILED, _first_line(error), _failure(error))
    except Exception as error:  # the job must end, whatever happens; the trace goes to the log
        log.exception("import job %s failed", job.token)
        message = f"Lỗi không lường trước khi nhập; chưa ghi số liệu nào ({error})."
        _finish(job, live, JobState.FAILED, message, {"problems": []})
    else:
        counts = {a: report.count(a) for a in ("create", "update", "unchanged")}
        written = counts["create"] + counts["update"]
        live.done = live.total = written
        _finish(job, live, JobState.DONE, report.summary(), {"summary": report.summary(), **counts})
    finally:
        with _LOCK:
            LIVE.pop(job.token, None)
        cleanup()


def _finish(
    job: ImportJob, live: _Live, state: JobState, message: str, result: dict[str, Any]
) -> None:
    ImportJob.objects.filter(pk=job.pk).update(
        state=state.value,
        done=live.done,
        total=live.total,
        message=message,
        result=result,
        finished_at=timezone.now(),
    )


def _first_line(error: Exception) -> str:
    return str(error).split("\n", 1)[0]


def _failure(error: ImportRejected | FiguresFileError) -> dict[str, Any]:
    problems = error.problems if isinstance(error, ImportRejected) else []
    return {"problems": [_problem(p) for p in problems]}


def _problem(problem: Problem) -> dict[str, Any]:
    place = problem.place
    return {
        "sheet": place.sheet,
        "row": place.row,
        "column": place.column,
        "message": problem.message,
        "code": problem.code,
    }


def job_status(job: ImportJob) -> dict[str, Any]:
    """What the polling page needs, as JSON: state, counts, message, and the result when done."""
    with _LOCK:
        live = LIVE.get(job.token)
    done, total, message = (
        (live.done, live.total, live.message)
        if live
        else (
            job.done,
            job.total,
            job.message,
        )
    )
    return {
        "token": job.token,
        "name": job.name,
        "state": job.state,
        "state_label": JobState(job.state).label,
        "finished": job.state in FINISHED,
        "done": done,
        "total": total,
        "message": message,
        "result": job.result if job.state in FINISHED else {},
    }
