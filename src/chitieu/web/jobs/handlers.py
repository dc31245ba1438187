"""What each kind of job does, in a worker: import a figures file, build a report, reload
a catalogue. Each takes the job and its Reporter and returns an Outcome, or raises
JobFailed with the reason people read."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.conf import settings

from chitieu.web.jobs import files
from chitieu.web.jobs.models import Job
from chitieu.web.jobs.runner import Handler, JobFailed, Outcome, Reporter

READING = "Đang đọc tệp…"
CHECKING = "Đang kiểm tra và ghi số liệu (ghi tất cả hoặc không ghi gì)…"
WRITING = "Đang ghi số liệu…"
BUILDING = "Đang tạo báo cáo…"
LOADING = "Đang nạp danh mục…"


def input_file(job: Job) -> Path:
    found = sorted(files.input_dir(job.token).glob("*"))
    if not found:
        raise JobFailed("Không còn tệp đầu vào của tác vụ; hãy tải tệp lên lại.")
    return found[0]


def run_import(job: Job, reporter: Reporter) -> Outcome:
    """Read the file outside any transaction, then check and write it in one."""
    from chitieu.ingest.figures_file import FiguresFileError, read_figures
    from chitieu.ingest.file_limits import FileLimitError
    from chitieu.web.entry.uploads import limits
    from chitieu.web.figures.import_guard import guarded
    from chitieu.web.figures.imports import ImportRejected, import_figures

    reporter.stage(READING)
    pause = float(settings.CHITIEU_JOB_TEST_PAUSE)

    def writing(done: int, total: int) -> None:
        reporter.stage_text = WRITING
        reporter.count(done, total)
        if pause:
            time.sleep(pause)

    path = input_file(job)
    try:
        with guarded(path.name):
            figures_file = read_figures(path, progress=reporter.count, limits=limits())
            reporter.stage(CHECKING, 0, len(figures_file.rows))
            with reporter.holding_write():
                report = import_figures(
                    figures_file,
                    actor=job.started_by,
                    progress=writing,
                    confirm_warnings=str(job.params.get("confirm_warnings", "")),
                )
    except FileLimitError as error:
        files.drop_input(job.token)  # refused by a limit: a retry would be refused again
        raise JobFailed(str(error), {"code": error.code, "problems": []}) from error
    except (ImportRejected, FiguresFileError) as error:
        problems = error.problems if isinstance(error, ImportRejected) else []
        raise JobFailed(
            str(error).split("\n", 1)[0], {"problems": [_problem(p) for p in problems]}
        ) from error
    counts = {action: report.count(action) for action in ("create", "update", "unchanged")}
    reporter.done = reporter.total = counts["create"] + counts["update"]
    return Outcome(report.summary(), {"summary": report.summary(), **counts})


def _problem(problem: Any) -> dict[str, Any]:
    place = problem.place
    return {
        "sheet": place.sheet,
        "row": place.row,
        "column": place.column,
        "message": problem.message,
        "code": problem.code,
    }


def run_report(job: Job, reporter: Reporter) -> Outcome:
    """Build a report (dashboard.downloads) and keep its file in the job's folder."""
    from chitieu.reports.pdf import PdfUnavailableError
    from chitieu.web.dashboard.downloads import DownloadError, build_report
    from chitieu.web.figures.visibility import ViewMode

    reporter.stage(BUILDING)
    params = job.params
    try:
        built = build_report(
            str(params["kind"]),
            str(params["plan"]),
            str(params["fmt"]),
            year=params.get("year"),
            issuer=params.get("issuer") or None,
            mode=ViewMode(params.get("mode", ViewMode.OFFICIAL.value)),
        )
    except DownloadError as error:
        raise JobFailed(error.message, {"code": error.code, "place": error.place}) from error
    except PdfUnavailableError as error:
        raise JobFailed(str(error), {"code": "pdf"}) from error
    folder = files.result_dir(job.token)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / built.filename).write_bytes(built.content)
    return Outcome(
        f"Đã tạo {built.filename}.",
        {"filename": built.filename, "media_type": built.media_type, "note": built.note},
        f"{job.token}/result/{built.filename}",
    )


def run_reload(job: Job, reporter: Reporter) -> Outcome:
    """Load or reload the catalogue file the job kept (plans.services.load_catalogue)."""
    from chitieu.catalog.io import read_catalogue
    from chitieu.web.plans.services import load_catalogue

    reporter.stage(READING)
    try:
        parsed = read_catalogue(input_file(job))
    except ValueError as error:
        raise JobFailed(str(error)) from error
    reporter.stage(LOADING)
    try:
        with reporter.holding_write():
            report = load_catalogue(parsed, actor=job.started_by, progress=reporter.count)
    except ValueError as error:
        raise JobFailed(str(error)) from error
    return Outcome(report.summary(), {"summary": report.summary()})


HANDLERS: dict[str, Handler] = {"import": run_import, "report": run_report, "reload": run_reload}
