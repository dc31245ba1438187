"""`chitieu import FILE`: check a figures workbook or CSV, then write all of it or nothing."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from chitieu.cli.load import USER_OPTION


def _progress(done: int, total: int) -> None:
    click.echo(f"\r  … {done}/{total} dòng", nl=False, err=True)


@click.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Chỉ kiểm tra và cho biết sẽ thay đổi gì.")
@click.option("-v", "--verbose", is_flag=True, help="Liệt kê từng dòng sẽ thêm hoặc sửa.")
@USER_OPTION
def command(file: Path, dry_run: bool, verbose: bool, user: str | None) -> None:
    """Nhập số liệu từ mẫu Excel (.xlsx) hoặc CSV; có lỗi thì không ghi gì."""
    from chitieu.ingest.figures_file import read_figures
    from chitieu.web.setup import actor_named, migrate

    try:
        figures_file = read_figures(file, progress=_progress if sys.stderr.isatty() else None)
    except ValueError as error:
        raise click.ClickException(str(error)) from error
    migrate()
    from chitieu.web.figures.imports import ImportRejected, import_figures

    try:
        report = import_figures(figures_file, actor=actor_named(user), dry_run=dry_run)
    except ImportRejected as rejected:
        click.echo(str(rejected), err=True)
        sys.exit(1)
    except ValueError as error:
        raise click.ClickException(str(error)) from error
    if verbose or dry_run:
        for change in report.changes:
            if change.action != "unchanged":
                click.echo(change.describe())
    click.echo(report.summary())
