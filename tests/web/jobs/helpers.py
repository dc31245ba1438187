"""Jobs made for tests: an import job with its input file kept, as the import page makes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from chitieu.web.jobs import files
from chitieu.web.jobs.models import Job, JobKind
from chitieu.web.jobs.services import create_job
from tests.web.entry.workbooks import DOCTORS_ROW, GRDP_ROW, filled_template


def import_job(folder: Path, actor: Any, *, name: str = "so_lieu.xlsx") -> Job:
    """A queued import of the GRDP and doctors values of 2026 (not yet handed to a worker)."""
    path = filled_template(
        folder, {GRDP_ROW: ("8,1", "ước"), DOCTORS_ROW: ("11,5", "ước")}, name=name
    )
    job = create_job(JobKind.IMPORT, name=name, params={}, actor=actor)
    files.keep_input(job.token, path, name)
    return job
