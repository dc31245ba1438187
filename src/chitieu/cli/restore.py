"""`chitieu restore FILE`: load a `chitieu backup` dump into a new, empty database."""

from __future__ import annotations

from pathlib import Path

import click

from chitieu.cli._errors import InputFile


@click.command("restore")
@click.argument("file", type=InputFile())
def command(file: Path) -> None:
    """Khôi phục cơ sở dữ liệu từ bản sao lưu (chỉ vào cơ sở dữ liệu trống)."""
    from chitieu.web.setup import migrate

    migrate()
    from chitieu.web.backup import restore_database

    try:
        restore_database(file)
    except ValueError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Đã khôi phục từ {file}.")
