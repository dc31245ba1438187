"""Who may write which kind of figure, and who may approve what: one rule for the entry form,
the file import and the API (they all reach it through figures.services or figures.imports).

- A plan value ("kế hoạch") is the planner's: it comes from the resolution or the annual plan.
  A department writes what it measures: estimates, preliminary and official figures.
- Four eyes: a person approves only a figure that was sent for review, and never one whose
  current value they entered themselves. The system (`actor=None`: a CLI job run by the
  holder of the database) may approve a draft, as it loads figures nobody in the office entered.
"""

from __future__ import annotations

from typing import Any

from chitieu.catalog.model import FigureStatus
from chitieu.web.accounts.models import Role
from chitieu.web.accounts.permissions import PermissionDenied, role_of

# The statuses a department enters, least to most authoritative.
ENTRY_STATUSES = (FigureStatus.ESTIMATE, FigureStatus.PRELIMINARY, FigureStatus.OFFICIAL)
_EVERY_STATUS = tuple(FigureStatus)


def writable_statuses(user: Any | None) -> tuple[FigureStatus, ...]:
    role = role_of(user)
    if user is None or role in (Role.ADMIN, Role.PLANNER):
        return _EVERY_STATUS
    if role is Role.DEPARTMENT:
        return ENTRY_STATUSES
    return ()


def status_refusal(user: Any | None, status: FigureStatus) -> str | None:
    """Why `user` may not write a figure of `status`, in Vietnamese; None when they may."""
    if status in writable_statuses(user):
        return None
    if role_of(user) is Role.DEPARTMENT:
        return (
            f"số liệu loại “{status.label}” do bộ phận tổng hợp ghi (từ nghị quyết, kế hoạch); "
            "sở, ngành chỉ nhập số ước, sơ bộ và chính thức."
        )
    return "người dùng chỉ được xem, không được nhập số liệu."


def require_status(user: Any | None, status: FigureStatus) -> None:
    reason = status_refusal(user, status)
    if reason is not None:
        raise PermissionDenied(reason[0].upper() + reason[1:], code="status_not_allowed")


def entered_it(user: Any | None, figure: Any) -> bool:
    """Whether `user` entered the figure's current value (the four-eyes rule's question)."""
    return user is not None and figure.entered_by_id == getattr(user, "pk", None)
