"""The import boundary: whatever a file does to the readers, the person gets a refusal, never
a traceback, and nothing is written.

Every path that reads and imports a figures file (the import job, `chitieu import`, the web
preview, the API's submission) runs its reading and importing inside `guarded(name)`. The
import's own refusals (ImportRejected, FiguresFileError, PermissionDenied) pass through
unchanged; any other exception is logged with its trace for the administrator (logger
"chitieu.imports", which settings.LOGGING sends to var/log/errors.log) and becomes
`FileUnreadable`, an ImportRejected naming the file. import_figures is one transaction, so
an error inside it has already rolled back when the guard sees it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from django.core.exceptions import PermissionDenied
from django.db import OperationalError

from chitieu.ingest.figures_file import FiguresFileError, Place, Problem
from chitieu.web.figures.imports import ImportRejected

logger = logging.getLogger("chitieu.imports")

UNREADABLE = "file_unreadable"
# The import's own refusals, and the database being busy or gone (not the file's fault: the
# caller reports it, a job is retried) pass through.
REFUSALS: tuple[type[BaseException], ...] = (
    ImportRejected,
    FiguresFileError,
    PermissionDenied,
    OperationalError,
)


class FileUnreadable(ImportRejected):
    """A file the readers failed on in a way nobody foresaw: refused as a whole (row 0)."""

    def __init__(self, name: str) -> None:
        message = (
            "tệp không đọc được (nội dung không đúng mẫu hoặc bị hỏng); chưa ghi số liệu nào. "
            "Hãy xuất lại tệp từ mẫu nhập liệu; nếu vẫn lỗi, báo quản trị viên."
        )
        super().__init__(name, [Problem(Place(None, 0), message, UNREADABLE)])
        self.args = (f"Tệp {name}: {message}",)

    def heading(self) -> str:
        return f"Tệp {self.name} không đọc được; chưa ghi số liệu nào"

    def __str__(self) -> str:
        return str(self.args[0])


@contextmanager
def guarded(name: str) -> Iterator[None]:
    """Run a file's reading and importing; an unexpected error becomes FileUnreadable(name)."""
    try:
        yield
    except REFUSALS:
        raise
    except Exception as error:
        logger.exception("Tệp %s không đọc được: %s", name, type(error).__name__)
        raise FileUnreadable(name) from error
