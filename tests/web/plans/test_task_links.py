"""plans.task_links: a person confirms, adds and removes task–target links, with an audit
entry each time; reloading the catalogue keeps every decision."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import pytest

from chitieu.catalog import model
from chitieu.web.accounts.permissions import PermissionDenied
from chitieu.web.audit.models import AuditAction, AuditEntry
from chitieu.web.plans import adapters
from chitieu.web.plans.models import Indicator, LinkState, Plan, Task, TaskIndicator
from chitieu.web.plans.services import load_catalogue
from chitieu.web.plans.task_links import (
    LinkError,
    add_task_link,
    addable_indicators,
    confirm_task_link,
    remove_task_link,
    task_links,
)
from tests.web.builders import DOCTORS, GRDP, web_catalogue

pytestmark = pytest.mark.django_db

PLAN = "hung_yen_2025_2030"


def catalogue(*codes: str) -> model.Catalogue:
    """The test catalogue with task vi.1.1 suggesting these indicators."""
    base = web_catalogue()
    (task,) = base.tasks
    return dataclasses.replace(base, tasks=(dataclasses.replace(task, indicators=codes),))


def states() -> dict[str, str]:
    return dict(
        TaskIndicator.objects.filter(task__code="vi.1.1").values_list("indicator__code", "state")
    )


@pytest.fixture
def task(store: dict[str, Any]) -> Task:
    load_catalogue(catalogue(GRDP, DOCTORS), actor=None)
    return Task.objects.get(code="vi.1.1", plan__code=PLAN)


def test_the_reader_s_links_are_loaded_as_suggestions(task: Task) -> None:
    assert states() == {GRDP: LinkState.SUGGESTED, DOCTORS: LinkState.SUGGESTED}
    links = task_links(task)
    assert [link.indicator.code for link in links.suggested] == [GRDP, DOCTORS]
    assert links.confirmed == [] and links.removed == []


def test_confirming_a_suggestion_records_who_when_and_an_audit_entry(
    task: Task, store: dict[str, Any], user: Callable[[str], Any]
) -> None:
    planner = user("tonghop")
    link = confirm_task_link(task, store["grdp"], actor=planner)
    assert (link.state, link.decided_by, link.decided_at is not None) == (
        LinkState.CONFIRMED,
        planner,
        True,
    )
    entry = AuditEntry.objects.get(action=AuditAction.TASK_LINK_CHANGED)
    assert entry.actor == planner and entry.subject == f"{PLAN}: vi.1.1"
    assert entry.changes == {
        "task": "vi.1.1",
        "indicator": GRDP,
        "state": {"old": "goi_y", "new": "xac_nhan"},
    }
    assert "Xác nhận liên kết nhiệm vụ 1.1" in entry.summary


def test_confirming_twice_writes_one_audit_entry(
    task: Task, store: dict[str, Any], user: Callable[[str], Any]
) -> None:
    confirm_task_link(task, store["grdp"], actor=user("tonghop"))
    confirm_task_link(task, store["grdp"], actor=user("tonghop"))
    assert AuditEntry.objects.filter(action=AuditAction.TASK_LINK_CHANGED).count() == 1


def test_removing_keeps_the_row_as_removed(
    task: Task, store: dict[str, Any], user: Callable[[str], Any]
) -> None:
    remove_task_link(task, store["doctors"], actor=user("tonghop"))
    assert states()[DOCTORS] == LinkState.REMOVED
    assert [link.indicator.code for link in task_links(task).removed] == [DOCTORS]
    entry = AuditEntry.objects.get(action=AuditAction.TASK_LINK_CHANGED)
    assert entry.changes["state"] == {"old": "goi_y", "new": "da_bo"}


def test_adding_a_link_the_reader_missed_confirms_it(
    store: dict[str, Any], user: Callable[[str], Any]
) -> None:
    load_catalogue(catalogue(GRDP), actor=None)
    task = Task.objects.get(code="vi.1.1", plan__code=PLAN)
    assert [i.code for i in addable_indicators(task)] == [
        i.code for i in Indicator.objects.filter(plan=task.plan, active=True).exclude(code=GRDP)
    ]
    add_task_link(task, store["doctors"], actor=user("quantri"))
    assert states() == {GRDP: LinkState.SUGGESTED, DOCTORS: LinkState.CONFIRMED}
    entry = AuditEntry.objects.get(action=AuditAction.TASK_LINK_CHANGED)
    assert entry.changes["state"] == {"old": None, "new": "xac_nhan"}
    assert "Thêm liên kết" in entry.summary
    assert DOCTORS not in [i.code for i in addable_indicators(task)]


def test_a_reload_keeps_confirmations_and_removals(
    task: Task, store: dict[str, Any], user: Callable[[str], Any]
) -> None:
    confirm_task_link(task, store["grdp"], actor=user("tonghop"))
    remove_task_link(task, store["doctors"], actor=user("tonghop"))
    load_catalogue(catalogue(GRDP, DOCTORS), actor=None)
    assert states() == {GRDP: LinkState.CONFIRMED, DOCTORS: LinkState.REMOVED}
    # The reader no longer finds either: the person's decisions still stand.
    load_catalogue(catalogue(), actor=None)
    assert states() == {GRDP: LinkState.CONFIRMED, DOCTORS: LinkState.REMOVED}
    assert TaskIndicator.objects.get(indicator__code=GRDP).decided_by == user("tonghop")


def test_a_reload_withdraws_a_suggestion_the_reader_no_longer_makes(task: Task) -> None:
    load_catalogue(catalogue(DOCTORS), actor=None)
    assert states() == {DOCTORS: LinkState.SUGGESTED}


@pytest.mark.parametrize("username", ["sokhdt", "xem"])
def test_only_the_planner_and_the_administrator_decide(
    task: Task, store: dict[str, Any], user: Callable[[str], Any], username: str
) -> None:
    with pytest.raises(PermissionDenied) as caught:
        confirm_task_link(task, store["grdp"], actor=user(username))
    assert caught.value.code == "not_planner"
    assert states()[GRDP] == LinkState.SUGGESTED
    assert not AuditEntry.objects.filter(action=AuditAction.TASK_LINK_CHANGED).exists()


def test_an_indicator_of_another_plan_is_refused(task: Task, user: Callable[[str], Any]) -> None:
    other = Indicator.objects.exclude(plan=task.plan).first()
    assert other is not None
    with pytest.raises(LinkError) as caught:
        add_task_link(task, other, actor=user("tonghop"))
    assert caught.value.code == "other_plan" and "không thuộc kế hoạch" in caught.value.message


def test_an_inactive_task_takes_no_decision(
    task: Task, store: dict[str, Any], user: Callable[[str], Any]
) -> None:
    load_catalogue(dataclasses.replace(web_catalogue(), tasks=()), actor=None)
    task.refresh_from_db()
    with pytest.raises(LinkError) as caught:
        confirm_task_link(task, store["grdp"], actor=user("tonghop"))
    assert caught.value.code == "inactive"


def test_the_core_task_carries_only_confirmed_links(
    task: Task, store: dict[str, Any], user: Callable[[str], Any]
) -> None:
    assert adapters.task(task).indicators == ()
    confirm_task_link(task, store["doctors"], actor=user("tonghop"))
    confirm_task_link(task, store["grdp"], actor=user("tonghop"))
    remove_task_link(task, store["grdp"], actor=user("tonghop"))
    assert adapters.task(Task.objects.get(pk=task.pk)).indicators == (DOCTORS,)


def test_suggestions_link_only_indicators_of_the_task_s_own_plan(task: Task) -> None:
    plans = set(TaskIndicator.objects.values_list("indicator__plan__code", flat=True))
    assert plans == {PLAN} and Plan.objects.count() > 1
