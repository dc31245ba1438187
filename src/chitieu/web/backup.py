"""Backup and restore: a JSON dump that restores to an identical database (SQLite or PostgreSQL).

Primary keys are kept, so the dump of a restored database equals the dump it
came from. Content types and permissions are left out: every database makes
its own, and the dump refers to them by natural key. So are the task queue's rows.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import IO, Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction

from chitieu.web.figures.models import Figure
from chitieu.web.plans.models import Plan

# The queue's own rows (django_tasks_db, django_rq) are not data: restored, they would run
# their tasks again. A job's row (jobs.Job) is kept, with how it ended.
EXCLUDED = ("contenttypes", "auth.permission", "sessions")
QUEUE_APPS = ("django_tasks_database", "django_rq")  # app labels, when installed


class RestoreError(ValueError):
    """A restore that cannot start: a database that already holds data, or a damaged file."""


def backup_database(stream: IO[str]) -> None:
    call_command(
        "dumpdata",
        natural_foreign=True,
        exclude=[*EXCLUDED, *_installed(QUEUE_APPS)],
        indent=1,
        format="json",
        stdout=stream,
    )


def backup_to_file(path: Path) -> None:
    """Write the dump beside `path`, then rename it over `path`: a backup that fails half-way
    leaves the previous good file as it was, and no partial file behind."""
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            backup_database(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(name, path)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise


def check_backup(path: Path) -> None:
    """Read the whole file before anything is touched: valid JSON, a list of stored rows."""
    try:
        with path.open(encoding="utf-8") as stream:
            rows: Any = json.load(stream)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise RestoreError(
            f"Tệp sao lưu {path.name} hỏng hoặc không đọc được ({error}); chưa khôi phục gì."
        ) from error
    if not isinstance(rows, list) or not all(_is_row(row) for row in rows):
        raise RestoreError(
            f"Tệp {path.name} không phải bản sao lưu của chitieu (thiếu model, fields); "
            "chưa khôi phục gì."
        )


def _is_row(row: Any) -> bool:
    return isinstance(row, dict) and isinstance(row.get("model"), str) and "fields" in row


def _installed(labels: tuple[str, ...]) -> list[str]:
    present = {config.label for config in apps.get_app_configs()}
    return [label for label in labels if label in present]


@transaction.atomic
def restore_database(path: Path) -> None:
    """Load a dump into an empty, migrated database; a damaged file changes nothing."""
    check_backup(path)
    if Plan.objects.exists() or Figure.objects.exists() or get_user_model().objects.exists():
        raise RestoreError(
            "Cơ sở dữ liệu đã có dữ liệu; chỉ khôi phục vào cơ sở dữ liệu mới (trống)."
        )
    if path.suffix == ".json":
        call_command("loaddata", str(path), verbosity=0)
        return
    with tempfile.TemporaryDirectory() as folder:  # loaddata knows the format by the extension
        copy = Path(folder) / "backup.json"
        shutil.copyfile(path, copy)
        call_command("loaddata", str(copy), verbosity=0)
