"""A person's decisions on task–target links: confirm a suggestion, add a link, remove one.

The reader suggests links when a catalogue is loaded (services._suggest_links); the
planner decides which a task really concerns. Each decision writes an audit entry in
the same transaction, and a reload never undoes it: a removed link keeps its row in
the state "đã bỏ", so it is not suggested again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from chitieu.web.accounts.permissions import require_planner
from chitieu.web.audit.models import AuditAction
from chitieu.web.audit.services import record_audit
from chitieu.web.plans.models import Indicator, LinkState, Task, TaskIndicator


class LinkError(ValueError):
    """A decision that cannot be made: an indicator of another plan, an inactive task."""

    def __init__(self, message: str, *, code: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


@dataclass(frozen=True)
class TaskLinks:
    """A task's links by state, each list in catalogue order."""

    confirmed: list[TaskIndicator]
    suggested: list[TaskIndicator]
    removed: list[TaskIndicator]


def task_links(task: Task) -> TaskLinks:
    rows = list(
        task.links.select_related("indicator", "decided_by").order_by("indicator__position")
    )
    return TaskLinks(
        confirmed=[r for r in rows if r.state == LinkState.CONFIRMED],
        suggested=[r for r in rows if r.state == LinkState.SUGGESTED],
        removed=[r for r in rows if r.state == LinkState.REMOVED],
    )


def addable_indicators(task: Task) -> list[Indicator]:
    """The plan's active indicators the task is not linked to (confirmed or suggested)."""
    held = task.links.exclude(state=LinkState.REMOVED).values_list("indicator_id", flat=True)
    return list(
        Indicator.objects.filter(plan=task.plan, active=True)
        .exclude(pk__in=held)
        .order_by("position")
    )


@transaction.atomic
def confirm_task_link(task: Task, indicator: Indicator, *, actor: Any) -> TaskIndicator:
    """The person agrees with a suggestion (or re-adds a removed link): it goes into reports."""
    return _decide(task, indicator, LinkState.CONFIRMED, actor=actor, verb="xác nhận")


@transaction.atomic
def add_task_link(task: Task, indicator: Indicator, *, actor: Any) -> TaskIndicator:
    """A link the reader did not suggest; a person's link is confirmed at once."""
    return _decide(task, indicator, LinkState.CONFIRMED, actor=actor, verb="thêm")


@transaction.atomic
def remove_task_link(task: Task, indicator: Indicator, *, actor: Any) -> TaskIndicator:
    """The task does not concern this target; the link stays out even after a reload."""
    return _decide(task, indicator, LinkState.REMOVED, actor=actor, verb="bỏ")


def _decide(
    task: Task, indicator: Indicator, state: LinkState, *, actor: Any, verb: str
) -> TaskIndicator:
    require_planner(actor, "sửa liên kết nhiệm vụ – chỉ tiêu")
    if indicator.plan_id != task.plan_id:
        raise LinkError(
            f"Chỉ tiêu {indicator.code} không thuộc kế hoạch của nhiệm vụ {task.code}.",
            code="other_plan",
        )
    if not task.active:
        raise LinkError(
            "Nhiệm vụ này không còn trong danh mục; không sửa liên kết chỉ tiêu.",
            code="inactive",
        )
    link, created = TaskIndicator.objects.select_for_update().get_or_create(
        task=task, indicator=indicator, defaults={"state": state}
    )
    before = None if created else link.state
    if before == state:
        return link
    link.state = state
    link.decided_by = actor
    link.decided_at = timezone.now()
    link.save(update_fields=["state", "decided_by", "decided_at"])
    record_audit(
        actor=actor,
        action=AuditAction.TASK_LINK_CHANGED,
        subject=f"{task.plan.code}: {task.code}",
        summary=(
            f"{verb.capitalize()} liên kết nhiệm vụ {task.number} với chỉ tiêu "
            f"“{indicator.name}” ({LinkState(state).label.lower()})."
        ),
        changes={
            "task": task.code,
            "indicator": indicator.code,
            "state": {"old": before, "new": state.value},
        },
    )
    return link
