"""Putting a user in place by name: created with a role, or given a new role; changing one.

`put_user` is the one entry point for `chitieu users add` and a profile's demo
users; `change_user` serves the users page. The writes (and their audit entries)
are accounts.services' create_user, set_role, set_password and set_active.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction

from chitieu.web.accounts.models import Role
from chitieu.web.accounts.services import (
    AccountError,
    create_user,
    set_active,
    set_password,
    set_role,
)
from chitieu.web.plans.models import Department

# The role words of the command line and of a place profile.
ROLES = {
    "administrator": Role.ADMIN,
    "planner": Role.PLANNER,
    "department": Role.DEPARTMENT,
    "viewer": Role.VIEWER,
}


@transaction.atomic
def put_user(
    username: str,
    *,
    role: Role,
    department: str | None = None,
    password: str | None = None,
    temporary: bool = True,
    actor: Any | None,
) -> str:
    """Create the user, or give an existing one this role (and password, when given).

    A password given for a new user is temporary unless `temporary=False` (the demo's).

    Returns what was done, one line in Vietnamese.
    """
    found = None
    if department:
        found = Department.objects.filter(code=department).first()
        if found is None:
            raise AccountError(
                f"Không có sở, ngành mã “{department}”; khai báo bằng “chitieu departments”."
            )
    existing = get_user_model().objects.filter(username=username).first()
    if existing is None:
        create_user(
            username,
            role=role,
            department=found,
            password=password,
            temporary=temporary,
            actor=actor,
        )
        done = "Đã tạo"
    else:
        set_role(existing, role=role, department=found, actor=actor)
        if password is not None:
            set_password(existing, password, actor=actor)
        done = "Đã đổi vai trò của"
    where = f", {found.name}" if found else ""
    return f"{done} người dùng {username}: {role.label}{where}."


@transaction.atomic
def change_user(
    user: Any,
    *,
    role: Role,
    department: Department | None,
    active: bool,
    password: str | None = None,
    actor: Any | None,
) -> str:
    """Give the user this role, department and state (and password, when given): each change
    audited, all or nothing. Returns what was done, one line in Vietnamese."""
    set_role(
        user, role=role, department=department if role is Role.DEPARTMENT else None, actor=actor
    )
    set_active(user, active, actor=actor)
    if password:
        set_password(user, password, actor=actor)
    state = "đang dùng" if active else "đã khoá"
    where = f", {department.name}" if department is not None and role is Role.DEPARTMENT else ""
    return f"Đã lưu người dùng {user.get_username()}: {role.label}{where}, {state}."
