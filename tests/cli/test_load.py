"""`chitieu load`: creates the schema on a new database, loads, reloads keeping figures."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from chitieu.catalog.io import write_catalogue
from chitieu.cli import main
from tests.web.builders import web_catalogue


@pytest.fixture
def catalogue_file(tmp_path: Path) -> Path:
    path = tmp_path / "hung_yen.yaml"
    write_catalogue(web_catalogue(), path)
    return path


@pytest.mark.django_db
def test_load_reports_what_it_stored(catalogue_file: Path) -> None:
    result = CliRunner().invoke(main, ["load", str(catalogue_file)])
    assert result.exit_code == 0, result.output
    assert "hung_yen_2025_2030" in result.output and "4 chỉ tiêu mới" in result.output


@pytest.mark.django_db
def test_load_with_seed_history_stores_the_documents_figures(catalogue_file: Path) -> None:
    from chitieu.web.figures.models import Figure

    result = CliRunner().invoke(main, ["load", "--seed-history", str(catalogue_file)])
    assert result.exit_code == 0, result.output
    assert Figure.objects.count() == 3


@pytest.mark.django_db
def test_an_invalid_catalogue_is_refused_with_its_errors(tmp_path: Path) -> None:
    path = tmp_path / "hong.yaml"
    path.write_text("plan: {code: 1}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["load", str(path)])
    assert result.exit_code == 1
    assert "không hợp lệ" in result.output


@pytest.mark.django_db
def test_an_unknown_user_is_refused(catalogue_file: Path) -> None:
    result = CliRunner().invoke(main, ["load", "--user", "ai_do", str(catalogue_file)])
    assert result.exit_code == 1 and "ai_do" in result.output


def test_load_on_a_new_sqlite_file_creates_the_schema(catalogue_file: Path, tmp_path: Path) -> None:
    """No set-up: CHITIEU_HOME/var/chitieu.sqlite3 is created, migrated and loaded."""
    env = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    env["CHITIEU_HOME"] = str(tmp_path)
    for _ in range(2):  # the second run is a reload on an existing database
        subprocess.run(
            [sys.executable, "-m", "chitieu", "load", str(catalogue_file)],
            env=env, check=True, capture_output=True,
        )  # fmt: skip
    database = sqlite3.connect(tmp_path / "var" / "chitieu.sqlite3")
    (count,) = database.execute("select count(*) from plans_indicator").fetchone()
    assert count == 4  # two indicators and the two rows of the past term


@pytest.mark.django_db
def test_progress_counts_the_written_rows_on_stderr(catalogue_file: Path) -> None:
    result = CliRunner().invoke(main, ["load", "--progress", str(catalogue_file)])
    assert result.exit_code == 0, result.output
    counter = result.stderr.split("Đang ghi:")[1]
    total = counter.strip().rsplit("/", 1)[1].split()[0]
    assert f"{total}/{total} dòng" in counter and "1/" in counter
    assert "Đang ghi" not in result.stdout


@pytest.mark.django_db
def test_no_progress_keeps_stderr_quiet(catalogue_file: Path) -> None:
    result = CliRunner().invoke(main, ["load", "--no-progress", str(catalogue_file)])
    assert result.exit_code == 0, result.output
    assert "Đang ghi" not in result.stderr


@pytest.mark.django_db
def test_a_plan_without_years_is_refused_with_what_to_write(tmp_path: Path) -> None:
    """The reader leaves unknown years empty; load asks for them instead of guessing."""
    from dataclasses import replace

    catalogue = web_catalogue()
    catalogue = replace(catalogue, plan=replace(catalogue.plan, term_start=None, term_end=None))
    path = tmp_path / "khong-nam.yaml"
    write_catalogue(catalogue, path)
    result = CliRunner().invoke(main, ["load", str(path)])
    assert result.exit_code != 0
    assert "chưa có nhiệm kỳ hoặc năm" in result.output
    assert "--term" in result.output


@pytest.mark.django_db
def test_load_in_the_background_queues_a_reload_job(
    catalogue_file: Path, settings: Any, tmp_path: Path
) -> None:
    from chitieu.web.jobs.models import Job, JobKind, JobState
    from chitieu.web.plans.models import Plan

    settings.CHITIEU_JOBS_DIR = tmp_path / "jobs"
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    result = CliRunner().invoke(main, ["load", "--background", str(catalogue_file)])
    assert result.exit_code == 0, result.output
    job = Job.objects.get()
    assert (job.kind, job.state) == (JobKind.RELOAD.value, JobState.QUEUED.value)
    assert f"mã {job.token}" in result.output and not Plan.objects.exists()
    assert (tmp_path / "jobs" / job.token / "input" / catalogue_file.name).is_file()
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    from chitieu.web.jobs.tasks import run_job

    assert run_job.call(job.pk) == JobState.DONE.value
    job.refresh_from_db()
    assert (
        "hung_yen_2025_2030" in job.message
        and Plan.objects.filter(code="hung_yen_2025_2030").exists()
    )
