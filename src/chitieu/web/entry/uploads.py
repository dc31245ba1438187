"""Uploaded figures files kept on the server between the check and the confirmation.

The confirm step imports the very file that was checked: it is stored under a
random token kept in the user's session, never sent back by the browser.
"""

from __future__ import annotations

import secrets
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils.text import get_valid_filename

from chitieu.ingest.figures_file import read_figures
from chitieu.web.figures.import_guard import guarded
from chitieu.web.figures.imports import ImportReport, import_figures

SESSION_KEY = "entry_import"
MAX_AGE = 24 * 3600  # staged files older than this are removed


def upload_root() -> Path:
    configured = getattr(settings, "CHITIEU_UPLOAD_DIR", None)
    return Path(configured) if configured else Path(tempfile.gettempdir()) / "chitieu-uploads"


@dataclass(frozen=True)
class Staged:
    token: str
    name: str

    @property
    def path(self) -> Path:
        return upload_root() / self.token / self.name

    def as_session(self) -> dict[str, str]:
        return {"token": self.token, "name": self.name}


def stage(upload: Any) -> Staged:
    """Write the uploaded file under a fresh token; its own name is kept for the messages."""
    _sweep()
    staged = Staged(secrets.token_hex(16), get_valid_filename(Path(upload.name).name))
    staged.path.parent.mkdir(parents=True, exist_ok=True)
    with staged.path.open("wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    return staged


def from_session(session: Any, token: str) -> Staged | None:
    """The staged file for `token` if this session uploaded it and it is still there."""
    known = session.get(SESSION_KEY)
    if not known or not secrets.compare_digest(str(known.get("token", "")), token):
        return None
    staged = Staged(known["token"], known["name"])
    return staged if staged.path.is_file() else None


def discard(staged: Staged) -> None:
    shutil.rmtree(staged.path.parent, ignore_errors=True)


def run_import(staged: Staged, *, actor: Any, dry_run: bool) -> ImportReport:
    """Read and check the staged file, then import it (or, dry run, say what would change).

    Raises FiguresFileError (not a workbook) or ImportRejected (every problem, with its place;
    FileUnreadable for a file the readers failed on).
    """
    with guarded(staged.name):
        return import_figures(read_figures(staged.path), actor=actor, dry_run=dry_run)


def _sweep() -> None:
    root = upload_root()
    if not root.is_dir():
        return
    limit = time.time() - MAX_AGE
    for folder in root.iterdir():
        if folder.is_dir() and folder.stat().st_mtime < limit:
            shutil.rmtree(folder, ignore_errors=True)
