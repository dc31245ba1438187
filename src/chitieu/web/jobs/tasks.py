"""The one task every job goes through: django-tasks hands it the job's id."""

from __future__ import annotations

from django.conf import settings
from django_tasks import task

from chitieu.web.jobs import handlers, runner


# The queue is checked against the backend's QUEUES when this module is imported.
@task(queue_name=settings.CHITIEU_JOB_QUEUE)
def run_job(job_id: int) -> str:
    """Run the job `job_id` with its kind's handler; return its final state."""
    return runner.execute(job_id, handlers.HANDLERS)
