"""`chitieu backup [-o FILE]`: dump the whole store as JSON (stdout by default)."""

from __future__ import annotations

import sys
from pathlib import Path

import click


@click.command("backup")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None)
def command(output: Path | None) -> None:
    """Sao lưu toàn bộ cơ sở dữ liệu ra tệp JSON (khôi phục bằng chitieu restore)."""
    from chitieu.web.setup import migrate

    migrate()
    from chitieu.web.backup import backup_database, backup_to_file

    if output is None:
        backup_database(sys.stdout)
        return
    backup_to_file(output)
    click.echo(f"Đã sao lưu vào {output}.", err=True)
