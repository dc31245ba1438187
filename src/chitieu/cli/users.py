"""`chitieu users add USERNAME --role ROLE [--department CODE] [--password-stdin] [--db FILE]`.

Creates a user with a role (or gives an existing user a new role) through
chitieu.web.accounts.users.put_user; only an administrator (or the system) may.
Without --password-stdin the user has no usable password yet.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from chitieu.cli.load import USER_OPTION
from chitieu.cli.serve import DB_OPTION, use_database

ROLE_WORDS = ("administrator", "planner", "department", "viewer")


@click.group("users")
def command() -> None:
    """Quản lý người dùng và vai trò."""


@command.command("add")
@click.argument("username")
@click.option("--role", type=click.Choice(ROLE_WORDS), required=True, help="Vai trò.")
@click.option("--department", default=None, help="Mã sở, ngành (bắt buộc với vai trò department).")
@click.option("--password-stdin", is_flag=True, help="Đọc mật khẩu từ dòng đầu của đầu vào chuẩn.")
@DB_OPTION
@USER_OPTION
def add(
    username: str,
    role: str,
    department: str | None,
    password_stdin: bool,
    db: Path | None,
    user: str | None,
) -> None:
    """Tạo người dùng với vai trò; người đã có thì đổi vai trò."""
    use_database(db)
    from chitieu.web.setup import actor_named, migrate

    password = _password() if password_stdin else None
    migrate()
    from chitieu.web.accounts.users import ROLES, put_user

    try:
        done = put_user(
            username,
            role=ROLES[role],
            department=department,
            password=password,
            actor=actor_named(user),
        )
    except ValueError as error:
        raise click.ClickException(str(error)) from error
    click.echo(done)


def _password() -> str:
    line = sys.stdin.readline().rstrip("\r\n")
    if not line:
        raise click.ClickException("Không đọc được mật khẩu từ đầu vào chuẩn (dòng trống).")
    return line
