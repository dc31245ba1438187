"""`chitieu localities FILE`: load communes and wards (code, name, parent_code, kind) from CSV."""

from __future__ import annotations

from pathlib import Path

import click

from chitieu.cli._errors import InputFile
from chitieu.cli.load import USER_OPTION


@click.command("localities")
@click.argument("file", type=InputFile())
@USER_OPTION
def command(file: Path, user: str | None) -> None:
    """Nạp danh sách địa bàn (xã, phường …) từ tệp CSV: code, name, parent_code, kind."""
    from chitieu.web.setup import actor_named, migrate

    migrate()
    from chitieu.web.plans.localities import load_localities, read_localities

    try:
        rows = read_localities(file.read_bytes(), name=file.name)
        created, updated = load_localities(rows, actor=actor_named(user))
    except ValueError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Đã nạp {created} địa bàn mới, cập nhật {updated} địa bàn.")
