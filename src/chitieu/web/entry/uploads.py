"""Uploaded figures files kept on the server between the check and the confirmation.

The confirm step imports the very file that was checked: it is stored under a
random token kept in the user's session, never sent back by the browser.
"""

from __future__ import annotations

import secrets
import shutil
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils.text import get_valid_filename

from chitieu.ingest.figures_file import read_figures
from chitieu.ingest.file_limits import MB, FileLimitError, Limits
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


def limits() -> Limits:
    """The file limits with the web settings' upload size and parse time."""
    return replace(
        Limits.from_env(),
        upload_mb=float(settings.CHITIEU_MAX_UPLOAD_MB),
        parse_seconds=float(settings.CHITIEU_PARSE_SECONDS),
    )


def too_large(size: int) -> str | None:
    """The Vietnamese refusal of an upload of `size` bytes, or None when it is allowed."""
    limit = limits().upload_bytes
    if size <= limit:
        return None
    shown = [f"{value / MB:.2f}".replace(".", ",") for value in (size, limit)]
    return f"Tệp tải lên ({shown[0]} MB) lớn hơn giới hạn {shown[1]} MB; hãy chia thành các tệp nhỏ hơn."


def stage(upload: Any) -> Staged:
    """Write the uploaded file under a fresh token; its own name is kept for the messages.

    A file over the size limit is refused (FileLimitError) before anything is written.
    """
    _sweep()
    refusal = too_large(int(upload.size or 0))
    if refusal is not None:
        raise FileLimitError(refusal, "file_too_large")
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

    Raises FiguresFileError (not a workbook, or refused by a limit: FileLimitError) or
    ImportRejected (every problem, with its place; FileUnreadable for a file the readers
    failed on).
    """
    with guarded(staged.name):
        return import_figures(
            read_figures(staged.path, limits=limits()), actor=actor, dry_run=dry_run
        )


def _sweep() -> None:
    root = upload_root()
    if not root.is_dir():
        return
    limit = time.time() - MAX_AGE
    for folder in root.iterdir():
        if folder.is_dir() and folder.stat().st_mtime < limit:
            shutil.rmtree(folder, ignore_errors=True)
