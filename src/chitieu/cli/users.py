"""`chitieu users add USERNAME --role ROLE [--department CODE] [--password-stdin] [--user NAME]`.

Creates a user with a role (or gives an existing user a new role) through
accounts.services.create_user / set_role; only an administrator (or the system)
may. Without --password-stdin the user has no usable password yet.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from chitieu.cli.load import USER_OPTION

ROLES = {
    "administrator": "quan_tri",
    "planner": "tong_hop",
    "department": "nhap_lieu",
    "viewer": "xem",
}


@click.group("users")
def command() -> None:
    """Quản lý người dùng và vai trò."""


@command.command("add")
@click.argument("username")
@click.option("--role", type=click.Choice(list(ROLES)), required=True, help="Vai trò.")
@click.option("--department", default=None, help="Mã sở, ngành (bắt buộc với vai trò department).")
@click.option("--password-stdin", is_flag=True, help="Đọc mật khẩu từ dòng đầu của đầu vào chuẩn.")
@USER_OPTION
def add(
    username: str, role: str, department: str | None, password_stdin: bool, user: str | None
) -> None:
    """Tạo người dùng với vai trò; người đã có thì đổi vai trò."""
    from chitieu.web.setup import actor_named, migrate

    password = _password() if password_stdin else None
    migrate()
    try:
        click.echo(add_user(username, ROLES[role], department, password, actor=actor_named(user)))
    except ValueError as error:
        raise click.ClickException(str(error)) from error


def _password() -> str:
    line = sys.stdin.readline().rstrip("\r\n")
    if not line:
        raise click.ClickException("Không đọc được mật khẩu từ đầu vào chuẩn (dòng trống).")
    return line


def add_user(
    username: str, role_code: str, department_code: str | None, password: str | None, *, actor: Any
) -> str:
    """Create (or re-role) the user; a line saying what was done, in Vietnamese."""
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from chitieu.web.accounts.models import Role
    from chitieu.web.accounts.services import AccountError, create_user, set_role
    from chitieu.web.plans.models import Department

    role = Role(role_code)
    department = None
    if department_code:
        department = Department.objects.filter(code=department_code).first()
        if department is None:
            raise AccountError(f"Không có sở, ngành mã “{department_code}”.")
    with transaction.atomic():
        existing = get_user_model().objects.filter(username=username).first()
        if existing is None:
            create_user(username, role=role, department=department, password=password, actor=actor)
            done = "Đã tạo"
        else:
            set_role(existing, role=role, department=department, actor=actor)
            if password is not None:
                existing.set_password(password)
                existing.save(update_fields=["password"])
            done = "Đã đổi vai trò của"
    where = f", {department.name}" if department else ""
    return f"{done} người dùng {username}: {role.label}{where}."
