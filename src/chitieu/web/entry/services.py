"""Orchestration for the entry pages: which rows a form shows, saving a page, review steps.

Every rule about a figure (rights, locks, versions, review states) lives in
chitieu.web.figures.services; this module only gathers rows for a page and
calls those services, one row after another, in one transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import transaction

from chitieu.catalog.model import FigureStatus
from chitieu.catalog.period import Period
from chitieu.ingest.figures_file import export_value, plain
from chitieu.quantity import format_number
from chitieu.web.accounts.models import Role
from chitieu.web.accounts.permissions import PermissionDenied, department_of, may_edit, role_of
from chitieu.web.figures.models import Figure, ReviewState
from chitieu.web.figures.rights import ENTRY_STATUSES
from chitieu.web.figures.services import (
    ConflictError,
    LockedError,
    ReasonRequiredError,
    ReviewError,
    approve_figure,
    lock_reason,
    record_figure,
    reopen_figure,
    return_figure,
    submit_figure,
)
from chitieu.web.plans.models import Department, Indicator, Locality, Target

EDITABLE_STATES = (ReviewState.DRAFT, ReviewState.RETURNED)


def show_number(value: Decimal) -> str:
    """A stored value for display: 1.234,5 (trailing zeros dropped)."""
    return format_number(plain(value))


def input_number(value: Decimal) -> str:
    """A stored value for an input box, written so that it reads back exactly and one way only."""
    return export_value(value)


@dataclass
class EntryRow:
    """One indicator of a department's form, in one locality and period."""

    indicator: Indicator
    locality: Locality
    period: Period
    figures: dict[str, Figure] = field(default_factory=dict)  # by status, this period
    previous: Figure | None = None  # the best figure of the same period a year earlier
    plan_figure: Figure | None = None  # the "kế hoạch" figure of this period
    targets: list[Target] = field(default_factory=list)

    @property
    def prefix(self) -> str:
        return f"r{self.indicator.pk}"

    @property
    def current(self) -> Figure | None:
        """The most authoritative figure entered for the period (chính thức > sơ bộ > ước)."""
        for status in reversed(ENTRY_STATUSES):
            if status.value in self.figures:
                return self.figures[status.value]
        return None

    @property
    def lock(self) -> str | None:
        current = self.current
        return lock_reason(current) if current is not None else None

    @property
    def statuses(self) -> tuple[FigureStatus, ...]:
        """Statuses the row may be saved as: all, or (current figure locked) only the higher ones."""
        current = self.current
        if current is None or self.lock is None:
            return ENTRY_STATUSES
        rank = [s.value for s in ENTRY_STATUSES].index(current.status)
        return ENTRY_STATUSES[rank + 1 :]

    @property
    def others(self) -> list[Figure]:
        """Figures of the period other than the current one (an estimate under an official figure)."""
        current = self.current
        return [
            self.figures[s.value]
            for s in ENTRY_STATUSES
            if s.value in self.figures and self.figures[s.value] is not current
        ]

    def version_of(self, status: str) -> int | None:
        figure = self.figures.get(status)
        return figure.version if figure is not None else None


def entry_rows(department: Department, locality: Locality, period: Period) -> list[EntryRow]:
    """The department's active indicators in `locality` for `period`, with figures and targets."""
    indicators = list(
        department.indicators.filter(active=True)
        .select_related("plan", "group")
        .order_by("plan__code", "position", "code")
    )
    rows = {i.pk: EntryRow(i, locality, period) for i in indicators}
    before = Period(period.year - 1, period.kind, period.index)
    found = Figure.objects.filter(
        indicator__in=indicators, locality=locality, period__in=(str(period), str(before))
    ).select_related("indicator", "locality", "entered_by", "reviewed_by")
    for figure in found:
        row = rows[figure.indicator_id]
        if figure.period == str(before):
            row.previous = _better(row.previous, figure)
        elif figure.status == FigureStatus.PLAN:
            row.plan_figure = figure
        else:
            row.figures[figure.status] = figure
    targets = Target.objects.filter(
        indicator__in=indicators, period_start__lte=period.year, period_end__gte=period.year
    ).order_by("plan__term_start", "position")
    for target in targets:
        rows[target.indicator_id].targets.append(target)
    return list(rows.values())


def _better(known: Figure | None, other: Figure) -> Figure:
    order = [s.value for s in FigureStatus]
    if known is None or order.index(other.status) > order.index(known.status):
        return other
    return known


def entry_department(user: Any, code: str) -> Department | None:
    """The department whose form `user` asks for, or PermissionDenied; None if there is none."""
    role = role_of(user)
    if role is Role.VIEWER or role is None:
        raise PermissionDenied(
            f"Người dùng {user.get_username()} chỉ được xem, không được nhập số liệu.",
            code="read_only",
        )
    department = Department.objects.filter(code=code).first()
    if role is Role.DEPARTMENT:
        own = department_of(user)
        if own is None or department is None or own.pk != department.pk:
            raise PermissionDenied(
                f"{user.get_username()} chỉ được nhập số liệu của "
                f"{own.name if own else 'sở, ngành của mình'}.",
                code="other_department",
            )
    return department


@dataclass(frozen=True)
class Change:
    """One row to record: what record_figure needs, and the row it came from."""

    prefix: str
    indicator: Indicator
    locality: Locality
    period: Period
    status: FigureStatus
    value: Decimal
    value_text: str
    source: str
    note: str
    reason: str
    expected_version: int | None


@dataclass
class SaveOutcome:
    saved: int = 0
    submitted: int = 0
    errors: dict[str, ValueError] = field(default_factory=dict)  # row prefix -> error

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        text = f"Đã lưu {self.saved} số liệu."
        if self.submitted:
            text += f" Đã gửi duyệt {self.submitted} số liệu."
        return text


def save_entry(
    changes: Sequence[Change],
    *,
    actor: Any,
    submit: Iterable[EntryRow] = (),
) -> SaveOutcome:
    """Record every change, then submit the given rows' drafts; any error and nothing is kept."""
    outcome = SaveOutcome()
    with transaction.atomic():
        for change in changes:
            try:
                record_figure(
                    change.indicator, change.locality, change.period, change.status, change.value,
                    actor=actor, expected_version=change.expected_version, source=change.source,
                    note=change.note, source_text=change.value_text[:100], reason=change.reason,
                )  # fmt: skip
                outcome.saved += 1
            except (ConflictError, LockedError, ReasonRequiredError, PermissionDenied) as error:
                outcome.errors[change.prefix] = error
        if outcome.ok:
            _submit_drafts(list(submit), actor, outcome)
        if not outcome.ok:
            transaction.set_rollback(True)
            outcome.saved = outcome.submitted = 0
    return outcome


def _submit_drafts(rows: list[EntryRow], actor: Any, outcome: SaveOutcome) -> None:
    if not rows:
        return
    by_indicator = {row.indicator.pk: row for row in rows}
    drafts = Figure.objects.filter(
        indicator__in=by_indicator,
        locality=rows[0].locality,
        period=str(rows[0].period),
        status__in=[s.value for s in ENTRY_STATUSES],
        review_state__in=[s.value for s in EDITABLE_STATES],
    ).select_related("indicator", "locality")
    for figure in drafts:
        if not may_edit(actor, figure.indicator, figure.locality):
            continue
        try:
            submit_figure(figure, actor=actor)
            outcome.submitted += 1
        except (ConflictError, ReviewError, PermissionDenied) as error:
            outcome.errors[by_indicator[figure.indicator_id].prefix] = error


# -- review --------------------------------------------------------------------------

REVIEW_ACTIONS = ("approve", "return", "reopen")


def review_queue(state: ReviewState) -> list[Figure]:
    """Figures in `state` (submitted ones for the queue, approved ones to reopen), oldest first."""
    return list(
        Figure.objects.filter(review_state=state)
        .select_related("indicator", "indicator__plan", "locality", "entered_by", "reviewed_by")
        .order_by("entered_at", "pk")[:500]
    )


def review_figure(
    figure: Figure, action: str, *, comment: str, expected_version: int | None, actor: Any
) -> Figure:
    """Approve, return or reopen the figure the planner saw (ConflictError if it changed since)."""
    if expected_version is not None and figure.version != expected_version:
        raise ConflictError(figure, expected_version=expected_version, your_value=None)
    if action == "approve":
        return approve_figure(figure, actor=actor, comment=comment)
    if action == "return":
        return return_figure(figure, actor=actor, comment=comment)
    return reopen_figure(figure, actor=actor, reason=comment)
