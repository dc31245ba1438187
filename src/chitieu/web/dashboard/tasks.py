"""The task tree of part two, and progress notes per task and period (history kept).

A task that a reloaded catalogue no longer has is inactive: it is listed apart, with
its notes, and takes no new note.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone

from chitieu.catalog.period import Period
from chitieu.web.accounts.models import Role
from chitieu.web.accounts.permissions import PermissionDenied, role_of
from chitieu.web.dashboard.models import TaskNote
from chitieu.web.plans.models import Indicator, LinkState, Plan, Task

NOTE_ROLES = (Role.ADMIN, Role.PLANNER, Role.DEPARTMENT)
LINK_ROLES = (Role.ADMIN, Role.PLANNER)
KIND_LABELS = {
    "focus": "Nhiệm vụ trọng tâm",
    "pillar": "Trụ cột",
    "breakthrough": "Đột phá chiến lược",
    "area": "Nhiệm vụ, giải pháp",
}
INACTIVE = "inactive"
INACTIVE_LABEL = "Không còn trong danh mục (giữ ghi chú tiến độ)"


class NoteError(ValueError):
    """A note without text or with a period that does not parse."""

    def __init__(self, message: str, *, code: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


@dataclass
class TaskNode:
    task: Task
    children: list[TaskNode] = field(default_factory=list)
    notes: list[TaskNote] = field(default_factory=list)  # the latest note of each period

    @property
    def confirmed(self) -> list[Indicator]:
        """The targets a person confirmed the task concerns, in catalogue order."""
        rows = [link for link in self.task.links.all() if link.state == LinkState.CONFIRMED]
        return [link.indicator for link in sorted(rows, key=lambda r: r.indicator.position)]

    @property
    def suggested(self) -> int:
        return sum(1 for link in self.task.links.all() if link.state == LinkState.SUGGESTED)


@dataclass(frozen=True)
class TaskSection:
    kind: str
    label: str
    nodes: list[TaskNode]


def may_write_notes(user: Any) -> bool:
    return role_of(user) in NOTE_ROLES


def may_edit_links(user: Any) -> bool:
    """Mirrors plans.task_links (require_planner): the planner decides a task's targets."""
    return role_of(user) in LINK_ROLES


@transaction.atomic
def record_task_note(task: Task, period: str, text: str, *, actor: Any) -> TaskNote:
    """Add a progress note; a change to a period's note is a new row, never an overwrite."""
    if role_of(actor) not in NOTE_ROLES:
        raise PermissionDenied(
            f"Người dùng {actor.get_username()} chỉ được xem, không được ghi tiến độ nhiệm vụ.",
            code="read_only",
        )
    if not task.active:
        raise NoteError(
            "Nhiệm vụ này không còn trong danh mục; các ghi chú cũ vẫn giữ, "
            "không ghi thêm tiến độ.",
            code="inactive",
        )
    text = text.strip()
    if not text:
        raise NoteError("Hãy ghi nội dung tiến độ.", code="empty")
    try:
        parsed = Period.parse(period.strip())
    except ValueError as error:
        raise NoteError(
            f"Kỳ “{period}” không hợp lệ (ví dụ 2026, 2026-H1).", code="period"
        ) from error
    return TaskNote.objects.create(
        task=task, period=str(parsed), text=text, author=actor, at=timezone.now()
    )


def note_history(task: Task) -> list[TaskNote]:
    return list(task.notes.select_related("author").order_by("-at", "-pk"))


def task_tree(plan: Plan) -> list[TaskSection]:
    """The plan's tasks by kind, each with its sub-tasks and the latest note per period;
    inactive tasks come last in a section of their own, flat, so no note is hidden."""
    tasks = list(
        Task.objects.filter(plan=plan).prefetch_related("links__indicator").order_by("position")
    )
    latest: dict[int, dict[str, TaskNote]] = defaultdict(dict)
    notes = TaskNote.objects.filter(task__plan=plan).select_related("author").order_by("at", "pk")
    for note in notes:
        latest[note.task_id][note.period] = note
    nodes = {
        t.code: TaskNode(t, notes=sorted(latest[t.pk].values(), key=lambda n: n.period))
        for t in tasks
    }
    roots: dict[str, list[TaskNode]] = defaultdict(list)
    for task in tasks:
        if not task.active:
            roots[INACTIVE].append(nodes[task.code])
            continue
        parent = nodes.get(task.parent_code) if task.parent_code else None
        if parent is not None and parent.task.active:
            parent.children.append(nodes[task.code])
        else:
            roots[task.kind].append(nodes[task.code])
    kinds = [*KIND_LABELS, *(k for k in roots if k not in KIND_LABELS and k != INACTIVE)]
    labels = {**KIND_LABELS, INACTIVE: INACTIVE_LABEL}
    return [TaskSection(k, labels.get(k, k), roots[k]) for k in [*kinds, INACTIVE] if roots.get(k)]
