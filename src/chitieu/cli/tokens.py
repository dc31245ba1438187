"""`chitieu tokens issue USERNAME --name TEXT`, `chitieu tokens list`, `chitieu tokens revoke PREFIX`.

Personal API tokens through chitieu.web.api.services: issuing shows the token once
(only its digest is kept); revoking takes the first characters the list shows.
Only an administrator (or the system) may issue or revoke.
"""

from __future__ import annotations

from pathlib import Path

import click

from chitieu.cli.load import USER_OPTION
from chitieu.cli.serve import DB_OPTION, use_database


@click.group("tokens")
def command() -> None:
    """Quản lý mã truy cập API (cấp, liệt kê, thu hồi)."""


@command.command("issue")
@click.argument("username")
@click.option("--name", required=True, help="Mã dùng cho việc gì, ở đâu (ví dụ: Cục Thống kê).")
@DB_OPTION
@USER_OPTION
def issue(username: str, name: str, db: Path | None, user: str | None) -> None:
    """Cấp mã truy cập API cho người dùng; mã chỉ hiện một lần."""
    use_database(db)
    from chitieu.web.setup import actor_named, migrate

    migrate()
    from django.contrib.auth import get_user_model

    from chitieu.web.api.services import issue_token

    owner = get_user_model().objects.filter(username=username).first()
    if owner is None:
        raise click.ClickException(f"Không có người dùng “{username}”.")
    try:
        token, text = issue_token(owner, name, actor=actor_named(user))
    except (ValueError, PermissionError) as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Đã cấp mã truy cập API {token.prefix}… ({token.name}) cho {username}:")
    click.echo(text)
    click.echo("Hãy lưu mã này ngay: mã sẽ không được hiển thị lại.", err=True)


@command.command("list")
@click.option("--active", is_flag=True, help="Chỉ các mã còn hiệu lực.")
@DB_OPTION
def list_(active: bool, db: Path | None) -> None:
    """Liệt kê mã truy cập API: đầu mã, người dùng, tên, lúc cấp, lần dùng gần nhất, trạng thái."""
    use_database(db)
    from chitieu.web.setup import migrate

    migrate()
    from chitieu.web.api.services import list_tokens

    tokens = list_tokens(active_only=active)
    if not tokens:
        click.echo("Chưa có mã truy cập API nào.")
    for token in tokens:
        used = _when(token.last_used_at) if token.last_used_at else "chưa dùng"
        state = f"đã thu hồi {_when(token.revoked_at)}" if token.revoked_at else "còn hiệu lực"
        click.echo(
            f"{token.prefix}…\t{token.user.get_username()}\t{token.name}\t"
            f"cấp {_when(token.created_at)}\t{used}\t{state}"
        )


@command.command("revoke")
@click.argument("prefix")
@DB_OPTION
@USER_OPTION
def revoke(prefix: str, db: Path | None, user: str | None) -> None:
    """Thu hồi mã truy cập API theo phần đầu mã (như trong danh sách)."""
    use_database(db)
    from chitieu.web.setup import actor_named, migrate

    migrate()
    from chitieu.web.api.services import TokenError, revoke_token, token_by_prefix

    try:
        token = token_by_prefix(prefix)
        was_active = token.active
        revoke_token(token, actor=actor_named(user))
    except (TokenError, PermissionError, ValueError) as error:
        raise click.ClickException(str(error)) from error
    if was_active:
        click.echo(f"Đã thu hồi mã truy cập API {token.prefix}… ({token.name}).")
    else:
        click.echo(f"Mã {token.prefix}… ({token.name}) đã bị thu hồi từ trước.")


def _when(moment: object) -> str:
    from django.utils import timezone

    return timezone.localtime(moment).strftime("%d/%m/%Y %H:%M")
