"""The import boundary: an error nobody foresaw, anywhere in reading or importing a file, is a
"tệp không đọc được" refusal naming the file, logged with its trace, and nothing is written,
on every path (the helper itself, the web preview, the import job, `chitieu import`, the API).
The error is simulated after the rows were written, inside the import's transaction."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from django.core.exceptions import PermissionDenied

from chitieu.ingest.figures_file import FiguresFileError, Place, Problem
from chitieu.web.figures import imports
from chitieu.web.figures.import_guard import UNREADABLE, FileUnreadable, guarded
from chitieu.web.figures.imports import ImportRejected
from chitieu.web.figures.models import Figure, FigureRevision
from chitieu.web.jobs.models import Job, JobState
from tests.web.entry.workbooks import GRDP_ROW, filled_template

pytestmark = pytest.mark.django_db

CSV = "indicator;locality;period;value;status\nkt.grdp.tang_truong;hung_yen;2026;8,1;ước\n"


@pytest.fixture
def broken_write(monkeypatch: pytest.MonkeyPatch) -> None:
    """The rows are written, then something unforeseen breaks inside the transaction."""
    real = imports._write

    def write_then_fail(*args: Any, **kwargs: Any) -> None:
        real(*args, **kwargs)
        assert Figure.objects.exists(), "the rows were written before the failure"
        raise ZeroDivisionError("simulated")

    monkeypatch.setattr(imports, "_write", write_then_fail)


def nothing_written() -> bool:
    return not Figure.objects.exists() and not FigureRevision.objects.exists()


def test_an_unforeseen_error_becomes_a_refusal_naming_the_file_logged_with_its_trace(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with (
        caplog.at_level(logging.ERROR, logger="chitieu"),
        pytest.raises(FileUnreadable) as caught,
        guarded("so_lieu.xlsx"),
    ):
        raise KeyError("xl/sharedStrings.xml")
    (problem,) = caught.value.problems
    assert problem.code == UNREADABLE and "không đọc được" in problem.message
    assert "so_lieu.xlsx" in str(caught.value) and "Traceback" not in str(caught.value)
    (record,) = caplog.records
    assert record.name.startswith("chitieu") and "so_lieu.xlsx" in record.getMessage()
    assert record.exc_info is not None and record.exc_info[0] is KeyError


@pytest.mark.parametrize(
    "refusal",
    [
        ImportRejected("a.csv", [Problem(Place(None, 2, "D"), "sai", "not_a_number")]),
        FiguresFileError("a.pdf: chỉ nhận tệp .xlsx"),
        PermissionDenied("chỉ được xem"),
    ],
)
def test_the_imports_own_refusals_pass_through_unchanged(refusal: Exception) -> None:
    with pytest.raises(type(refusal)) as caught, guarded("a.csv"):
        raise refusal
    assert caught.value is refusal


def test_the_web_preview_shows_the_refusal(
    client: Any, user: Callable[[str], Any], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from chitieu.web.entry import uploads

    def unreadable(path: Any, **kwargs: Any) -> Any:
        raise IndexError("simulated")

    monkeypatch.setattr(uploads, "read_figures", unreadable)
    client.force_login(user("tonghop"))
    path = filled_template(tmp_path, {GRDP_ROW: ("8,1", "ước")})
    with path.open("rb") as handle:
        response = client.post("/nhap-lieu/nhap-tep/", {"file": handle})
    assert response.status_code == 200
    assert "không đọc được" in response.content.decode() and nothing_written()


def test_the_import_job_fails_with_the_reason_and_writes_nothing(
    client: Any, user: Callable[[str], Any], broken_write: None, tmp_path: Path
) -> None:
    client.force_login(user("tonghop"))
    path = filled_template(tmp_path, {GRDP_ROW: ("8,1", "ước")})
    with path.open("rb") as handle:
        token = client.post("/nhap-lieu/nhap-tep/", {"file": handle}).context["staged"].token
    client.post("/nhap-lieu/nhap-tep/xac-nhan/", {"token": token})
    job = Job.objects.get()
    assert job.state == JobState.FAILED.value and "không đọc được" in job.message
    assert job.result["problems"][0]["code"] == UNREADABLE and nothing_written()


def test_the_cli_refuses_with_exit_status_1_and_writes_nothing(
    store: dict[str, Any], broken_write: None, tmp_path: Path
) -> None:
    from chitieu.cli import main

    path = tmp_path / "so_lieu.csv"
    path.write_text(CSV, encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(path)])
    assert result.exit_code == 1 and not isinstance(result.exception, ZeroDivisionError)
    assert "so_lieu.csv" in result.output and "không đọc được" in result.output
    assert nothing_written()
