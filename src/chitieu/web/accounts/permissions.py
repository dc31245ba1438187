"""Who may do what. Every service calls these; templates only mirror them.

`actor=None` is the system: a CLI job run by someone who already holds the
database credentials (loading a catalogue, seeding the document's figures).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied

from chitieu.web.accounts.models import Role

if TYPE_CHECKING:
    from chitieu.web.plans.models import Department, Indicator, Locality


class PermissionDenied(DjangoPermissionDenied, ValueError):
    """The actor's role does not allow the action; the message says why, in Vietnamese."""

    def __init__(self, message: str, *, code: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = code

    def __str__(self) -> str:
        return self.message


def role_of(user: Any | None) -> Role | None:
    """The user's role; a superuser is an administrator; None for the system."""
    if user is None:
        return None
    if getattr(user, "is_superuser", False):
        return Role.ADMIN
    profile = getattr(user, "profile", None)
    if profile is None or not user.is_active:
        return Role.VIEWER
    return Role(profile.role)


def department_of(user: Any | None) -> Department | None:
    profile = getattr(user, "profile", None) if user is not None else None
    return profile.department if profile is not None else None


def _name(user: Any | None) -> str:
    return "hệ thống" if user is None else str(user.get_username())


def require_admin(user: Any | None) -> None:
    if user is not None and role_of(user) is not Role.ADMIN:
        raise PermissionDenied(
            f"Người dùng {_name(user)} không có quyền quản trị.", code="not_admin"
        )


def require_planner(user: Any | None, action: str) -> None:
    """Approving, returning and reopening belong to the planner (and the administrator)."""
    if user is not None and role_of(user) not in (Role.ADMIN, Role.PLANNER):
        raise PermissionDenied(
            f"Người dùng {_name(user)} không có quyền {action}; chỉ bộ phận tổng hợp được làm việc này.",
            code="not_planner",
        )


def may_edit(user: Any | None, indicator: Indicator, locality: Locality) -> bool:
    role = role_of(user)
    if user is None or role in (Role.ADMIN, Role.PLANNER):
        return True
    if role is not Role.DEPARTMENT:
        return False
    department = department_of(user)
    return (
        department is not None
        and department.indicators.filter(pk=indicator.pk).exists()
        and department.localities.filter(pk=locality.pk).exists()
    )


def require_edit(user: Any | None, indicator: Indicator, locality: Locality) -> None:
    """Department users edit only their assigned indicators, in their assigned localities."""
    if may_edit(user, indicator, locality):
        return
    role = role_of(user)
    if role is Role.DEPARTMENT:
        raise PermissionDenied(
            f"{_name(user)} không được giao nhập chỉ tiêu {indicator.code} "
            f"cho địa bàn {locality.name}.",
            code="not_assigned",
        )
    raise PermissionDenied(
        f"Người dùng {_name(user)} chỉ được xem, không được nhập số liệu.", code="read_only"
    )


class EditScope:
    """The indicators and localities a user may edit, read once for a whole import."""

    def __init__(self, user: Any | None) -> None:
        self.user = user
        role = role_of(user)
        self.everything = user is None or role in (Role.ADMIN, Role.PLANNER)
        self.indicator_ids: set[int] = set()
        self.locality_ids: set[int] = set()
        department = department_of(user) if role is Role.DEPARTMENT else None
        if department is not None:
            self.indicator_ids = set(department.indicators.values_list("pk", flat=True))
            self.locality_ids = set(department.localities.values_list("pk", flat=True))

    def allows(self, indicator_id: int, locality_id: int) -> bool:
        return self.everything or (
            indicator_id in self.indicator_ids and locality_id in self.locality_ids
        )
