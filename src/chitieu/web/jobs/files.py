"""A job's folder under the data home: its input, its result, its side-channel progress.

CHITIEU_JOBS_DIR (default var/jobs under chitieu's home) / <token>/ holds `input/` (the
file a job reads, kept until the job ends well so that a failed job can be retried),
`result/` (the file a job produced, e.g. a report) and `progress.json`.

progress.json is the side channel of a job whose work holds a write transaction on
SQLite: while that transaction is open no other connection may write, so the running
count and the heartbeat go into this small file (replaced atomically), which every
process on the same host reads. On PostgreSQL the count goes to the row through the
heartbeat thread's own connection instead (jobs.runner).
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from django.conf import settings

PROGRESS = "progress.json"


def jobs_root() -> Path:
    return Path(settings.CHITIEU_JOBS_DIR)


def job_dir(token: str) -> Path:
    return jobs_root() / token


def input_dir(token: str) -> Path:
    return job_dir(token) / "input"


def result_dir(token: str) -> Path:
    return job_dir(token) / "result"


def keep_input(token: str, source: Path, name: str) -> Path:
    """Move `source` into the job's input folder (a copy when it lies on another disk)."""
    folder = input_dir(token)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    shutil.move(str(source), target)
    return target


def drop_input(token: str) -> None:
    shutil.rmtree(input_dir(token), ignore_errors=True)


def result_path(relative: str) -> Path | None:
    """The stored result file named by Job.result_file, if it is still there."""
    if not relative:
        return None
    path = (jobs_root() / relative).resolve()
    if jobs_root().resolve() not in path.parents or not path.is_file():
        return None
    return path


@dataclass(frozen=True)
class SideProgress:
    stage: str
    done: int
    total: int
    at: datetime  # the heartbeat: when the worker last wrote this


def write_side(token: str, progress: SideProgress) -> None:
    folder = job_dir(token)
    folder.mkdir(parents=True, exist_ok=True)
    data = {**asdict(progress), "at": progress.at.isoformat()}
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".progress-")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump(data, out, ensure_ascii=False)
    os.replace(temporary, folder / PROGRESS)


def read_side(token: str) -> SideProgress | None:
    try:
        data = json.loads((job_dir(token) / PROGRESS).read_text(encoding="utf-8"))
        return SideProgress(
            str(data["stage"]), int(data["done"]), int(data["total"]),
            datetime.fromisoformat(data["at"]),
        )  # fmt: skip
    except (OSError, ValueError, KeyError, TypeError):
        return None


def drop_side(token: str) -> None:
    (job_dir(token) / PROGRESS).unlink(missing_ok=True)
