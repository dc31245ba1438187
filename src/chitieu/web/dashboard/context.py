"""Template context: the signed-in user's role, so menus mirror what the services allow."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from chitieu.web.accounts.models import Role
from chitieu.web.accounts.permissions import role_of


def role(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    current = role_of(user)
    return {
        "role": current,
        "role_label": current.label if current else "",
        "may_enter": current in (Role.ADMIN, Role.PLANNER, Role.DEPARTMENT),
        "may_review": current in (Role.ADMIN, Role.PLANNER),
        "is_administrator": current is Role.ADMIN,
    }
