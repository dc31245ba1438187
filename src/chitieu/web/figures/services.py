"""The life of a figure: record, submit, approve, return, reopen.

Each function checks the actor's role, checks the optimistic lock, changes the
figure with a conditional UPDATE (… WHERE version = expected) and writes its
FigureRevision, all in one transaction. Nothing else writes Figure rows.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from chitieu.catalog.period import Period
from chitieu.quantity import format_number
from chitieu.web.accounts.permissions import require_edit, require_planner
from chitieu.web.figures.models import (
    Action,
    Figure,
    FigureConflict,
    FigureRevision,
    ReviewState,
    Status,
)
from chitieu.web.figures.rights import entered_it, require_status
from chitieu.web.plans.models import Indicator, Locality

LOCKED_STATES = (ReviewState.SUBMITTED, ReviewState.APPROVED, ReviewState.PUBLISHED)


class ConflictError(ValueError):
    """Someone changed the figure since it was read: both values are shown, nothing is saved."""

    def __init__(
        self, figure: Figure, *, expected_version: int | None, your_value: Decimal | None
    ) -> None:
        self.figure = figure
        self.expected_version = expected_version
        self.current_version = figure.version
        self.current_value = figure.value
        self.your_value = your_value
        who = _who(figure.entered_by)
        yours = "" if your_value is None else f"; giá trị bạn nhập: {_number(your_value)}"
        super().__init__(
            f"Số liệu {_describe(figure)} vừa được {who} thay đổi lúc {_when(figure.entered_at)} "
            f"(giá trị hiện tại: {_number(figure.value)}{yours}). "
            "Chưa lưu gì; hãy xem lại rồi lưu lần nữa."
        )


class LockedError(ValueError):
    """The figure is approved or pending review; `reason` says which, in Vietnamese."""

    def __init__(self, figure: Figure, reason: str) -> None:
        self.figure = figure
        self.reason = reason
        super().__init__(reason)


class ReviewError(ValueError):
    """A review step that does not fit the figure's state (approving a returned figure …)."""

    def __init__(self, message: str, *, code: str) -> None:
        super().__init__(message)
        self.code = code


class ReasonRequiredError(ValueError):
    """Changing a figure's value needs a reason, kept in its history."""

    code = "reason_required"

    def __init__(self, figure: Figure) -> None:
        self.figure = figure
        super().__init__(
            f"Sửa số liệu đã có ({_describe(figure)}, giá trị hiện tại {_number(figure.value)}) "
            "phải ghi lý do sửa."
        )


def lock_reason(figure: Figure, *, publishing: bool = False) -> str | None:
    """Why the figure cannot be edited now, in Vietnamese; None when it can.

    A published figure is locked for entry but not for a newer publication (`publishing`).
    """
    if figure.review_state == ReviewState.PUBLISHED and not publishing:
        return (
            f"Là số liệu công bố ({figure.source or 'không rõ nguồn'}); "
            "muốn sửa phải đề nghị bộ phận tổng hợp mở lại."
        )
    if figure.review_state == ReviewState.APPROVED:
        return (
            f"Đã được {_who(figure.reviewed_by)} duyệt lúc {_when(figure.reviewed_at)}; "
            "muốn sửa phải đề nghị bộ phận tổng hợp mở lại."
        )
    if figure.review_state == ReviewState.SUBMITTED:
        submitted = figure.revisions.filter(action=Action.SUBMIT).order_by("-version").first()
        by = _who(submitted.actor) if submitted else _who(figure.entered_by)
        at = _when(submitted.at if submitted else figure.entered_at)
        return f"Đang chờ duyệt (do {by} gửi lúc {at}); chưa sửa được cho đến khi được duyệt hoặc trả lại."
    return None


@transaction.atomic
def record_figure(
    indicator: Indicator,
    locality: Locality,
    period: Period | str,
    status: Status | str,
    value: Decimal,
    *,
    actor: Any | None,
    expected_version: int | None,
    source: str = "",
    note: str = "",
    source_text: str = "",
    reason: str = "",
    published: bool = False,
) -> Figure:
    """Create or change a figure.

    expected_version is the version the actor saw: None when they saw no figure.
    If the figure changed meanwhile (or appeared), ConflictError carries both values.
    Changing an existing value without a reason raises ReasonRequiredError.
    `published`: the value is taken from a publication (the resolution, a yearbook), so
    the figure is stored as published (ReviewState.PUBLISHED), not as a draft.
    """
    require_edit(actor, indicator, locality)
    period = period if isinstance(period, Period) else Period.parse(period)
    status = Status(status)
    require_status(actor, status)
    existing = Figure.objects.filter(
        indicator=indicator, locality=locality, period=str(period), status=status
    ).first()
    if existing is None:
        return _create(
            indicator, locality, period, status, value,
            actor=actor, source=source, note=note, source_text=source_text, reason=reason,
            published=published,
        )  # fmt: skip
    if existing.version != expected_version:
        raise ConflictError(existing, expected_version=expected_version, your_value=value)
    _require_unlocked(existing, publishing=published)
    same = (existing.value, existing.source, existing.note) == (value, source, note)
    if same and (not published or existing.review_state == ReviewState.PUBLISHED):
        return existing
    if existing.value != value and not reason.strip():
        raise ReasonRequiredError(existing)
    fields: dict[str, Any] = {
        "value": value, "source": source, "note": note, "source_text": source_text,
    }  # fmt: skip
    if published:
        fields["review_state"] = ReviewState.PUBLISHED
    return write_change(
        existing,
        action=Action.PUBLISH if published and same else Action.UPDATE,
        actor=actor,
        reason=reason,
        new_value=value,
        fields=fields,
    )


@transaction.atomic
def submit_figure(figure: Figure, *, actor: Any | None) -> Figure:
    """A department sends its figure for review; it is locked until approved or returned."""
    require_edit(actor, figure.indicator, figure.locality)
    if figure.review_state not in (ReviewState.DRAFT, ReviewState.RETURNED):
        raise ReviewError(
            f"Không gửi duyệt được: số liệu đang ở trạng thái “{figure.get_review_state_display()}”.",
            code="not_draft",
        )
    return write_change(
        figure, action=Action.SUBMIT, actor=actor, fields={"review_state": ReviewState.SUBMITTED}
    )


@transaction.atomic
def approve_figure(figure: Figure, *, actor: Any | None, comment: str = "") -> Figure:
    """The planner approves a submitted figure someone else entered; it is then locked.

    Four eyes (figures.rights): a person approves only what was sent for review and not
    their own entry; the system (actor=None) may also approve a draft."""
    require_planner(actor, "duyệt số liệu")
    reviewable = (ReviewState.SUBMITTED,) if actor is not None else (
        ReviewState.DRAFT, ReviewState.SUBMITTED)  # fmt: skip
    if figure.review_state not in reviewable:
        hint = (
            " Số liệu phải được gửi duyệt trước."
            if figure.review_state == ReviewState.DRAFT
            else ""
        )
        raise ReviewError(
            f"Không duyệt được: số liệu đang ở trạng thái “{figure.get_review_state_display()}”."
            + hint,
            code="not_reviewable",
        )
    if entered_it(actor, figure):
        raise ReviewError(
            "Không tự duyệt số liệu do chính mình nhập: cần một người khác duyệt (nguyên tắc "
            "bốn mắt).",
            code="own_entry",
        )
    return write_change(
        figure,
        action=Action.APPROVE,
        actor=actor,
        reason=comment,
        fields={"review_state": ReviewState.APPROVED, "review_comment": comment},
        reviewed=True,
    )


@transaction.atomic
def return_figure(figure: Figure, *, actor: Any | None, comment: str) -> Figure:
    """The planner sends a submitted figure back with a comment; the department may edit again."""
    require_planner(actor, "trả lại số liệu")
    if not comment.strip():
        raise ReviewError("Trả lại số liệu phải ghi rõ lý do.", code="comment_required")
    if figure.review_state != ReviewState.SUBMITTED:
        raise ReviewError("Chỉ trả lại được số liệu đang chờ duyệt.", code="not_submitted")
    return write_change(
        figure,
        action=Action.RETURN,
        actor=actor,
        reason=comment,
        fields={"review_state": ReviewState.RETURNED, "review_comment": comment},
        reviewed=True,
    )


@transaction.atomic
def reopen_figure(figure: Figure, *, actor: Any | None, reason: str) -> Figure:
    """The planner unlocks an approved (or published) figure, saying why; it goes back to draft."""
    require_planner(actor, "mở lại số liệu đã duyệt")
    if not reason.strip():
        raise ReviewError("Mở lại số liệu đã duyệt phải ghi rõ lý do.", code="reason_required")
    if figure.review_state not in (ReviewState.APPROVED, ReviewState.PUBLISHED):
        raise ReviewError("Chỉ mở lại được số liệu đã duyệt.", code="not_approved")
    return write_change(
        figure,
        action=Action.REOPEN,
        actor=actor,
        reason=reason,
        fields={"review_state": ReviewState.DRAFT, "review_comment": reason},
    )


def _create(
    indicator: Indicator,
    locality: Locality,
    period: Period,
    status: Status,
    value: Decimal,
    *,
    actor: Any | None,
    source: str,
    note: str,
    source_text: str,
    reason: str,
    published: bool = False,
) -> Figure:
    now = timezone.now()
    state = ReviewState.PUBLISHED if published else ReviewState.DRAFT
    figure = Figure.objects.create(
        review_state=state,
        indicator=indicator,
        locality=locality,
        period=str(period),
        year=period.year,
        status=status,
        value=value,
        source=source,
        note=note,
        source_text=source_text,
        entered_by=actor,
        entered_at=now,
    )
    FigureRevision.objects.create(
        figure=figure,
        version=figure.version,
        action=Action.CREATE,
        new_value=value,
        new_source=source,
        review_state=figure.review_state,
        reason=reason,
        actor=actor,
        at=now,
    )
    return figure


def write_change(
    figure: Figure,
    *,
    action: Action,
    actor: Any | None,
    fields: dict[str, Any],
    reason: str = "",
    new_value: Decimal | None = None,
    reviewed: bool = False,
) -> Figure:
    """Apply `fields` only if nobody changed the figure since it was read; write the revision.

    The caller has already checked the actor's rights and the lock (the services
    above, or imports.import_figures for a whole file).
    """
    now = timezone.now()
    stamp = {"reviewed_by": actor, "reviewed_at": now} if reviewed else {}
    if action is Action.UPDATE:
        stamp = {"entered_by": actor, "entered_at": now}
    updated = Figure.objects.filter(pk=figure.pk, version=figure.version).update(
        version=F("version") + 1, **fields, **stamp
    )
    if updated == 0:
        current = Figure.objects.get(pk=figure.pk)
        raise ConflictError(current, expected_version=figure.version, your_value=new_value)
    old_value, old_source = figure.value, figure.source
    figure.refresh_from_db()
    FigureRevision.objects.create(
        figure=figure,
        version=figure.version,
        action=action,
        old_value=old_value,
        new_value=figure.value,
        old_source=old_source,
        new_source=figure.source,
        review_state=figure.review_state,
        reason=reason,
        actor=actor,
        at=now,
    )
    return figure


def _require_unlocked(figure: Figure, *, publishing: bool = False) -> None:
    reason = lock_reason(figure, publishing=publishing)
    if reason is not None:
        raise LockedError(figure, reason)


def _describe(figure: Figure) -> str:
    return f"{figure.indicator.code} – {figure.locality.name} – {figure.period} ({figure.get_status_display()})"


def _who(user: Any | None) -> str:
    return "hệ thống" if user is None else str(user.get_username())


def _when(moment: Any | None) -> str:
    if moment is None:
        return "(không rõ)"
    return str(timezone.localtime(moment).strftime("%H:%M ngày %d/%m/%Y"))


def _number(value: Decimal) -> str:
    return format_number(value.normalize())


@transaction.atomic
def record_conflict(
    figure: Figure, value: Decimal, *, source: str, note: str = "", actor: Any | None
) -> FigureConflict:
    """Keep a second source's different value beside the figure; the figure is unchanged.

    Recording the same value and source twice returns the existing row.
    """
    require_edit(actor, figure.indicator, figure.locality)
    existing = figure.conflicts.filter(value=value, source=source).first()
    if existing is not None:
        return existing
    return FigureConflict.objects.create(
        figure=figure, value=value, source=source, note=note, recorded_by=actor, at=timezone.now()
    )
