"""The stored plan as a catalogue for the reports: only what the catalogue still has."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import pytest

from chitieu.web.dashboard.report_inputs import stored_catalogue
from chitieu.web.plans.models import Plan
from chitieu.web.plans.services import load_catalogue
from tests.web.builders import web_catalogue

pytestmark = pytest.mark.django_db


def test_a_task_that_left_the_catalogue_is_not_reported(store: dict[str, Any]) -> None:
    plan = Plan.objects.get(code="hung_yen_2025_2030")
    assert [t.code for t in stored_catalogue(plan)[0].tasks] == ["vi.1.1"]
    load_catalogue(dataclasses.replace(web_catalogue(), tasks=()), actor=None)
    assert stored_catalogue(plan)[0].tasks == ()


def test_only_confirmed_task_links_reach_the_report(
    store: dict[str, Any], user: Callable[[str], Any]
) -> None:
    """The reader suggested GRDP and doctors for 1.1; the planner confirms GRDP and removes
    the doctors: the progress report lists GRDP only, and nothing before the decision."""
    from io import BytesIO

    from openpyxl import load_workbook

    from chitieu.web.dashboard.downloads import build_report
    from chitieu.web.plans.models import Task
    from chitieu.web.plans.task_links import confirm_task_link, remove_task_link
    from tests.web.builders import DOCTORS, GRDP

    base = web_catalogue()
    (task,) = base.tasks
    suggested = dataclasses.replace(task, indicators=(GRDP, DOCTORS))
    load_catalogue(dataclasses.replace(base, tasks=(suggested,)), actor=None)
    plan = Plan.objects.get(code="hung_yen_2025_2030")

    def related() -> Any:
        content = build_report("progress", plan.code, "xlsx", year=2026).content
        rows = load_workbook(BytesIO(content))["Nhiệm vụ"].iter_rows(values_only=True)
        return next(r for r in rows if "1.1" in r)[3]

    assert stored_catalogue(plan)[0].tasks[0].indicators == ()
    assert not related()
    row = Task.objects.get(plan=plan, code="vi.1.1")
    confirm_task_link(row, store["grdp"], actor=user("tonghop"))
    remove_task_link(row, store["doctors"], actor=user("tonghop"))
    assert stored_catalogue(plan)[0].tasks[0].indicators == (GRDP,)
    assert related() == store["grdp"].name
