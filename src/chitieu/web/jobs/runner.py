"""Running one job in a worker: claim it, beat its heartbeat, record how it ended.

Every write here is a short transaction of its own. A job's work may hold one long
transaction (an import writes all or nothing); its progress must not go through that
transaction, which nobody else sees until it commits. So:

- before and after that transaction, `Reporter.stage` writes the row at once;
- inside it (`Reporter.holding_write()`), counts are kept in memory and a heartbeat thread
  writes them every CHITIEU_JOB_HEARTBEAT seconds through the thread's own database
  connection (PostgreSQL: a second connection commits freely while the first holds its
  transaction). On SQLite a second connection cannot write while the first holds the write
  lock, so there the thread writes the job's progress.json instead (jobs.files), which any
  process on the host reads. The thread beats the heartbeat the same way all the time the
  job runs, so a job whose worker died is recognised (services.expire_if_stale).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import connection, connections
from django.utils import timezone

from chitieu.web.jobs import files
from chitieu.web.jobs.models import Job, JobState

log = logging.getLogger(__name__)
COUNT_EVERY = 0.5  # seconds: a running count is not written more often than this


class JobFailed(Exception):
    """An expected end in failure: `message` for people, `result` (e.g. every problem)."""

    def __init__(self, message: str, result: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.result = result or {}


@dataclass
class Outcome:
    message: str
    result: dict[str, Any] = field(default_factory=dict)
    result_file: str = ""  # relative to the jobs folder


Handler = Callable[[Job, "Reporter"], Outcome]


def _sqlite() -> bool:
    return connection.vendor == "sqlite"


class Reporter:
    """The running job's stage and count, written where other processes can read them."""

    def __init__(self, job: Job) -> None:
        self.job = job
        self.stage_text = ""
        self.done = 0
        self.total = 0
        self.holding = False  # inside the work's own write transaction
        self._lock = threading.Lock()  # the stage and counts
        self._writing = threading.Lock()  # a beat's write; entering the transaction waits for it
        self._last_write = 0.0

    def stage(self, text: str, done: int = 0, total: int = 0) -> None:
        """A new step, outside any long transaction: written to the row now."""
        with self._lock:
            self.stage_text, self.done, self.total = text, done, total
        if not self.holding:
            self._write_row()

    def count(self, done: int, total: int) -> None:
        """The running count, written at most every COUNT_EVERY seconds (and at the end);
        inside the work's transaction the heartbeat thread writes it (PostgreSQL) or it goes
        to the side file (SQLite)."""
        with self._lock:
            self.done, self.total = done, total
        if done < total and time.monotonic() - self._last_write < COUNT_EVERY:
            return
        if not self.holding:
            self._write_row()
        elif _sqlite():
            self._write_side()

    @contextmanager
    def holding_write(self) -> Iterator[None]:
        """The work holds a transaction of its own: from here on, the side channel."""
        with self._writing:  # a beat writing the row now finishes before the transaction opens
            self.holding = True
        try:
            yield
        finally:
            self.holding = False
            files.drop_side(self.job.token)

    def beat(self) -> None:
        """From the heartbeat thread: the count and the time, wherever they can go now."""
        with self._writing:
            if self.holding and _sqlite():
                self._write_side()
            else:
                self._write_row()

    def _write_row(self) -> None:
        self._last_write = time.monotonic()
        with self._lock:
            fields = {"stage": self.stage_text, "done": self.done, "total": self.total}
        Job.objects.filter(pk=self.job.pk, attempts=self.job.attempts).update(
            heartbeat_at=timezone.now(), **fields
        )

    def _write_side(self) -> None:
        self._last_write = time.monotonic()
        with self._lock:
            side = files.SideProgress(self.stage_text, self.done, self.total, timezone.now())
        files.write_side(self.job.token, side)


class _Heartbeat(threading.Thread):
    def __init__(self, reporter: Reporter, interval: float) -> None:
        super().__init__(daemon=True, name=f"heartbeat-{reporter.job.token[:8]}")
        self.reporter = reporter
        self.interval = interval
        self.stopped = threading.Event()

    def run(self) -> None:
        try:
            while not self.stopped.wait(self.interval):
                try:
                    self.reporter.beat()
                except Exception:  # a missed beat is not the job's failure
                    log.exception("heartbeat of job %s", self.reporter.job.token)
        finally:
            connections.close_all()  # this thread's own connections


def claim(job_id: int) -> Job | None:
    """Queued → running, once: a second delivery of the same task finds nothing to do."""
    now = timezone.now()
    job = Job.objects.filter(pk=job_id).first()
    if job is None:
        return None
    claimed = Job.objects.filter(pk=job_id, state=JobState.QUEUED.value).update(
        state=JobState.RUNNING.value,
        started_at=now,
        heartbeat_at=now,
        attempts=job.attempts + 1,
        error="",
    )
    if not claimed:
        return None
    job.refresh_from_db()
    return job


def execute(job_id: int, handlers: dict[str, Handler]) -> str:
    """Run the job with its kind's handler; return its final state."""
    job = claim(job_id)
    if job is None:
        return "skipped"
    reporter = Reporter(job)
    beat = _Heartbeat(reporter, float(settings.CHITIEU_JOB_HEARTBEAT))
    # Run inside a caller's transaction (the immediate backend in a test), nobody else could
    # read a beat, and the thread's connection would wait for that transaction's lock.
    if not connection.in_atomic_block:
        beat.start()
    try:
        outcome = handlers[job.kind](job, reporter)
    except JobFailed as failure:
        outcome = Outcome(failure.message, failure.result)
        state, error = JobState.FAILED, failure.message
    except Exception as failure:  # the job must end, whatever happens; the trace goes to the log
        log.exception("job %s failed", job.token)
        text = f"Lỗi không lường trước; tác vụ không ghi gì ({failure})."
        outcome, state, error = Outcome(text), JobState.FAILED, text
    else:
        state, error = JobState.DONE, ""
    finally:
        beat.stopped.set()  # no beat may land after the end is written
        if beat.is_alive():
            beat.join()
    _end(job, reporter, state, outcome, error=error)
    return str(Job.objects.values_list("state", flat=True).get(pk=job.pk))


def _end(job: Job, reporter: Reporter, state: JobState, outcome: Outcome, *, error: str) -> None:
    now = timezone.now()
    Job.objects.filter(pk=job.pk, attempts=job.attempts).update(
        state=state.value,
        stage="",
        done=reporter.done,
        total=reporter.total,
        message=outcome.message,
        result=outcome.result,
        result_file=outcome.result_file,
        error=error,
        finished_at=now,
        heartbeat_at=now,
    )
    files.drop_side(job.token)
    if state is JobState.DONE:
        files.drop_input(job.token)  # a failed job keeps its input, to be retried
