"""`chitieu worker [--db FILE] [--batch]`: run background jobs (imports, reports, reloads).

The worker of the configured queue (docs/jobs.md): the database queue's `db_worker`, or,
with CHITIEU_REDIS_URL set, an RQ worker on that Redis. Before it starts it marks failed
every job whose worker has stopped (no heartbeat for CHITIEU_JOB_TIMEOUT seconds).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from chitieu.cli.serve import DB_OPTION, use_database


def run_worker(*, batch: bool = False, quiet: bool = False) -> None:
    """Expire stale jobs, then run the configured backend's worker until stopped."""
    from django.conf import settings
    from django.core.management import call_command

    from chitieu.web.jobs.services import expire_stale_jobs

    expired = expire_stale_jobs()
    if expired and not quiet:
        click.echo(f"Đã đánh dấu lỗi {expired} tác vụ có tiến trình xử lý đã dừng.")
    from django.db import connections

    connections.close_all()  # an RQ worker forks for each job: no connection is inherited
    queue = settings.CHITIEU_JOB_QUEUE
    verbosity = 0 if quiet else 1
    if settings.TASKS["default"]["BACKEND"].endswith("RQBackend"):
        if not quiet:
            click.echo(f"Tiến trình xử lý tác vụ (RQ, hàng đợi “{queue}”) đang chạy.")
        call_command(
            "rqworker", queue, job_class="django_tasks_rq.Job", burst=batch, verbosity=verbosity,
            with_scheduler=False,
        )  # fmt: skip
        return
    if not quiet:
        click.echo(f"Tiến trình xử lý tác vụ (hàng đợi “{queue}” trong cơ sở dữ liệu) đang chạy.")
    call_command(
        "db_worker", queue_name=queue, batch=batch, reload=False, startup_delay=False,
        interval=0.5, verbosity=verbosity,
    )  # fmt: skip


@contextmanager
def worker_beside(db: Path | None) -> Iterator[subprocess.Popen[bytes]]:
    """A `chitieu worker` process for the server this process runs; stopped with it."""
    args = [sys.executable, "-m", "chitieu", "worker", *(["--db", str(db)] if db else [])]
    process = subprocess.Popen(args, env=os.environ.copy())
    click.echo(f"Tiến trình xử lý tác vụ nền: pid {process.pid}.")
    try:
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@click.command("worker")
@DB_OPTION
@click.option("--batch", is_flag=True, help="Chạy hết các tác vụ đang chờ rồi dừng.")
def command(db: Path | None, batch: bool) -> None:
    """Chạy tiến trình xử lý tác vụ nền (nhập tệp, tạo báo cáo, nạp danh mục)."""
    use_database(db)
    from chitieu.web.setup import migrate

    migrate()
    try:
        run_worker(batch=batch)
    except KeyboardInterrupt:
        click.echo("Đã dừng.")
