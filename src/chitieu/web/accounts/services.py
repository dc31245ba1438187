"""Creating users and giving them a role; only an administrator (or the system) may."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction

from chitieu.web.accounts.models import Profile, Role
from chitieu.web.accounts.permissions import require_admin
from chitieu.web.plans.models import Department


class AccountError(ValueError):
    """A role given without what it needs (a department user without a department)."""


@transaction.atomic
def create_user(
    username: str,
    *,
    role: Role,
    department: Department | None = None,
    password: str | None = None,
    actor: Any | None,
) -> Any:
    """Create a user with a role; a department user must belong to a department."""
    require_admin(actor)
    _check_role(role, department)
    user = get_user_model().objects.create_user(username=username, password=password)
    if role is Role.ADMIN:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    Profile.objects.create(user=user, role=role, department=department)
    return user


@transaction.atomic
def set_role(
    user: Any, *, role: Role, department: Department | None = None, actor: Any | None
) -> Profile:
    require_admin(actor)
    _check_role(role, department)
    profile, _ = Profile.objects.update_or_create(
        user=user, defaults={"role": role, "department": department}
    )
    return profile


def _check_role(role: Role, department: Department | None) -> None:
    if role is Role.DEPARTMENT and department is None:
        raise AccountError("Vai trò nhập liệu cần chọn sở, ngành phụ trách.")
