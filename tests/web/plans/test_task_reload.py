"""Reloading the real catalogue keeps every task progress note on its task (plans.services).

Tasks are updated in place by code; a task that has left the catalogue is kept, inactive,
with its notes; a task with notes cannot be deleted.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.db.models import ProtectedError

from chitieu.catalog import model
from chitieu.web.dashboard.models import TaskNote
from chitieu.web.dashboard.tasks import record_task_note
from chitieu.web.plans.models import Task
from chitieu.web.plans.services import load_catalogue

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def real(seed_path: Path) -> model.Catalogue:
    from chitieu.ingest.pipeline import ingest

    return ingest(seed_path)


@pytest.fixture
def noted(real: model.Catalogue, user: Callable[[str], Any]) -> dict[str, list[str]]:
    """The real catalogue loaded and two notes on every one of its tasks: code → texts."""
    load_catalogue(real, actor=None)
    planner = user("tonghop")
    written: dict[str, list[str]] = {}
    for task in Task.objects.filter(plan__code=real.plan.code):
        for period in ("2026", "2027"):
            text = f"Tiến độ {task.code} năm {period}."
            record_task_note(task, period, text, actor=planner)
            written.setdefault(task.code, []).append(text)
    return written


def notes_by_code() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for note in TaskNote.objects.select_related("task").order_by("task__code", "period"):
        found.setdefault(note.task.code, []).append(note.text)
    return found


def without(catalogue: model.Catalogue, gone: str, renamed: str) -> model.Catalogue:
    """The catalogue with task `gone` removed and task `renamed` given a corrected heading
    and one indicator fewer."""
    tasks = []
    for task in catalogue.tasks:
        if task.code == gone:
            continue
        if task.code == renamed:
            task = dataclasses.replace(
                task, heading=task.heading + " (đã sửa)", indicators=task.indicators[1:]
            )
        tasks.append(task)
    return dataclasses.replace(catalogue, tasks=tuple(tasks))


def test_the_real_catalogue_has_tasks_worth_noting(
    real: model.Catalogue, noted: dict[str, list[str]]
) -> None:
    assert len(real.tasks) > 20 and len(noted) == len(real.tasks)


def test_reloading_the_same_catalogue_keeps_every_note_and_every_task_row(
    real: model.Catalogue, noted: dict[str, list[str]]
) -> None:
    rows = dict(Task.objects.values_list("code", "pk"))
    report = load_catalogue(real, actor=None)
    assert notes_by_code() == noted
    assert dict(Task.objects.values_list("code", "pk")) == rows
    assert report.deactivated_tasks == [] and Task.objects.filter(active=False).count() == 0


def test_a_reload_without_one_task_and_with_a_corrected_heading_keeps_every_note(
    real: model.Catalogue, noted: dict[str, list[str]]
) -> None:
    gone = next(t for t in real.tasks if t.kind == "area" and t.parent is not None)
    renamed = next(t for t in real.tasks if len(t.indicators) >= 2 and t.code != gone.code)
    before = Task.objects.get(code=renamed.code)
    report = load_catalogue(without(real, gone.code, renamed.code), actor=None)

    assert notes_by_code() == noted  # every note, on the task code it was written for
    assert report.deactivated_tasks == [gone.code]
    assert not Task.objects.get(code=gone.code).active
    after = Task.objects.get(code=renamed.code)
    assert (after.pk, after.active) == (before.pk, True)
    assert after.heading == renamed.heading + " (đã sửa)"
    assert set(after.indicators.values_list("code", flat=True)) == set(renamed.indicators[1:])
    assert Task.objects.filter(active=True).count() == len(real.tasks) - 1


def test_a_task_that_comes_back_is_active_again_with_its_notes(
    real: model.Catalogue, noted: dict[str, list[str]]
) -> None:
    gone = real.tasks[-1]
    load_catalogue(dataclasses.replace(real, tasks=real.tasks[:-1]), actor=None)
    load_catalogue(real, actor=None)
    task = Task.objects.get(code=gone.code)
    assert task.active and [n.text for n in task.notes.order_by("period")] == noted[gone.code]


def test_a_task_with_notes_cannot_be_deleted(noted: dict[str, list[str]]) -> None:
    """TaskNote.task is PROTECT: a stray delete fails loudly instead of losing notes."""
    task = Task.objects.get(code=next(iter(noted)))
    with pytest.raises(ProtectedError):
        task.delete()
    assert task.notes.count() == 2
