"""Creating users, giving them a role, setting their password, locking them out.

Only an administrator (or the system) may; every change leaves an audit entry in the
same transaction (audit.services.record_audit), so a refused change leaves none.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import ValidationError
from django.db import transaction

from chitieu.web.accounts.models import Profile, Role
from chitieu.web.accounts.permissions import require_admin
from chitieu.web.audit.models import AuditAction
from chitieu.web.audit.services import record_audit
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
    temporary: bool = True,
    actor: Any | None,
) -> Any:
    """Create a user with a role; a department user must belong to a department.

    A password given here is someone else's choice, so by default it is temporary: the user
    changes it at the first sign-in. `temporary=False` is for the demo's shared password."""
    require_admin(actor)
    _check_role(role, department)
    user = get_user_model()(username=username, is_staff=role is Role.ADMIN)
    if password is None:
        user.set_unusable_password()
    else:
        check_password_strength(password, user)
        user.set_password(password)
    user.save()
    Profile.objects.create(
        user=user,
        role=role,
        department=department,
        must_change_password=password is not None and temporary,
    )
    where = f", {department.name}" if department else ""
    record_audit(
        actor=actor,
        action=AuditAction.USER_CREATED,
        subject=username,
        summary=f"Tạo người dùng {username} với vai trò {role.label}{where}.",
        changes={"role": role.value, "department": _code(department)},
    )
    return user


@transaction.atomic
def set_role(
    user: Any, *, role: Role, department: Department | None = None, actor: Any | None
) -> Profile:
    """Give the user this role (and department); an unchanged role leaves no audit entry."""
    require_admin(actor)
    _check_role(role, department)
    before = Profile.objects.filter(user=user).select_related("department").first()
    old_role = before.role if before is not None else None
    old_department = _code(before.department) if before is not None else None
    profile, _ = Profile.objects.update_or_create(
        user=user, defaults={"role": role, "department": department}
    )
    changes: dict[str, Any] = {}
    if old_role != role.value:
        changes["role"] = [old_role, role.value]
    if old_department != _code(department):
        changes["department"] = [old_department, _code(department)]
    if changes:
        old_label = Role(old_role).label if old_role else "chưa có"
        where = f", {department.name}" if department else ""
        record_audit(
            actor=actor,
            action=AuditAction.ROLE_CHANGED,
            subject=user.get_username(),
            summary=(
                f"Đổi vai trò của {user.get_username()} từ {old_label} sang {role.label}{where}."
            ),
            changes=changes,
        )
    return profile


@transaction.atomic
def set_password(user: Any, password: str, *, actor: Any | None) -> Any:
    """Set a user's password: the administrator's job, or the user's own.

    A password set by anyone but the user is temporary: the user must change it at the
    next sign-in. The audit entry says that it changed, never what it is.
    """
    own = actor is not None and actor.pk == user.pk
    if not own:
        require_admin(actor)
    if not password:
        raise AccountError("Mật khẩu không được để trống.")
    check_password_strength(password, user)
    user.set_password(password)
    user.save(update_fields=["password"])
    Profile.objects.filter(user=user).update(must_change_password=not own)
    record_audit(
        actor=actor,
        action=AuditAction.PASSWORD_CHANGED,
        subject=user.get_username(),
        summary=f"Đổi mật khẩu của người dùng {user.get_username()}.",
    )
    return user


@transaction.atomic
def set_active(user: Any, active: bool, *, actor: Any | None) -> Any:
    """Lock a user out (the account and its history stay) or let it sign in again.

    An administrator cannot lock themself out; an unchanged state leaves no audit entry.
    """
    require_admin(actor)
    if not active and actor is not None and actor.pk == user.pk:
        raise AccountError("Không thể tự khoá tài khoản của chính mình.")
    if user.is_active == active:
        return user
    user.is_active = active
    user.save(update_fields=["is_active"])
    verb = "Mở lại" if active else "Khoá"
    record_audit(
        actor=actor,
        action=AuditAction.USER_ACTIVE_CHANGED,
        subject=user.get_username(),
        summary=f"{verb} người dùng {user.get_username()}.",
        changes={"active": [not active, active]},
    )
    return user


# Django's Vietnamese catalogue lacks some of these messages: ours, by the validator's code.
_PASSWORD_MESSAGES = {
    "password_too_short": "cần ít nhất {min_length} ký tự",
    "password_too_common": "quá phổ biến, dễ bị đoán",
    "password_entirely_numeric": "không được chỉ gồm chữ số",
    "password_too_similar": "quá giống tên đăng nhập hoặc thông tin của người dùng",
}


def check_password_strength(password: str, user: Any) -> None:
    """Django's validators (settings.AUTH_PASSWORD_VALIDATORS), answered in Vietnamese."""
    try:
        password_validation.validate_password(password, user)
    except ValidationError as error:
        reasons = [_reason(each) for each in error.error_list]
        raise AccountError("Mật khẩu chưa đạt: " + "; ".join(reasons) + ".") from error


def _reason(error: ValidationError) -> str:
    template = _PASSWORD_MESSAGES.get(error.code or "")
    if template is None:
        return " ".join(error.messages)
    return template.format(**(error.params or {}))


def _check_role(role: Role, department: Department | None) -> None:
    if role is Role.DEPARTMENT and department is None:
        raise AccountError("Vai trò nhập liệu cần chọn sở, ngành phụ trách.")


def _code(department: Department | None) -> str | None:
    return department.code if department is not None else None
