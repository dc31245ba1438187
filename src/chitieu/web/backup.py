"""Backup and restore: a JSON dump that restores to an identical database (SQLite or PostgreSQL).

Primary keys are kept, so the dump of a restored database equals the dump it
came from. Content types and permissions are left out: every database makes
its own, and the dump refers to them by natural key.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import IO

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction

from chitieu.web.figures.models import Figure
from chitieu.web.plans.models import Plan

EXCLUDED = ("contenttypes", "auth.permission", "sessions")


class RestoreError(ValueError):
    """Restoring into a database that already holds data would mix two stores."""


def backup_database(stream: IO[str]) -> None:
    call_command(
        "dumpdata",
        natural_foreign=True,
        exclude=list(EXCLUDED),
        indent=1,
        format="json",
        stdout=stream,
    )


@transaction.atomic
def restore_database(path: Path) -> None:
    """Load a dump into an empty, migrated database."""
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
