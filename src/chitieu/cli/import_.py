"""`chitieu import FILE`: check a figures workbook or CSV, then write all of it or nothing."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from chitieu.cli._errors import InputFile
from chitieu.cli._progress import announced, counter, wanted
from chitieu.cli.load import USER_OPTION


@click.command("import")
@click.argument("file", type=InputFile())
@click.option("--dry-run", is_flag=True, help="Chỉ kiểm tra và cho biết sẽ thay đổi gì.")
@click.option("-v", "--verbose", is_flag=True, help="Liệt kê từng dòng sẽ thêm hoặc sửa.")
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Hiện số dòng đã đọc, đã ghi (mặc định: khi chạy trên màn hình).",
)
@click.option(
    "--confirm-warnings",
    "note",
    metavar="GHI_CHU",
    default="",
    help="Xác nhận các số liệu bất thường (vd. gấp hơn 10 lần kỳ trước) kèm ghi chú lý do; "
    "không có thì tệp có số liệu bất thường không được ghi.",
)
@USER_OPTION
def command(
    file: Path, dry_run: bool, verbose: bool, progress: bool | None, note: str, user: str | None
) -> None:
    """Nhập số liệu từ mẫu Excel (.xlsx) hoặc CSV; có lỗi thì không ghi gì."""
    from chitieu.ingest.figures_file import read_figures
    from chitieu.web.setup import actor_named, migrate

    show = counter if wanted(progress) else None
    migrate()  # Django set up first: the import boundary's guard belongs to the web app
    from chitieu.web.figures.import_guard import guarded
    from chitieu.web.figures.imports import ImportRejected, WarningsUnconfirmed, import_figures

    actor = actor_named(user)
    try:
        with guarded(file.name):
            report = import_figures(
                read_figures(file, progress=show),
                actor=actor,
                dry_run=dry_run,
                progress=announced(show),
                confirm_warnings=note,
            )
    except ImportRejected as rejected:
        click.echo(str(rejected), err=True)
        if isinstance(rejected, WarningsUnconfirmed):
            click.echo('Nếu các số liệu này đúng: --confirm-warnings "ghi chú lý do".', err=True)
        sys.exit(1)
    except ValueError as error:
        raise click.ClickException(str(error)) from error
    for warning in report.warnings:
        click.echo(f"Bất thường: {warning}", err=True)
    if verbose or dry_run:
        for change in report.changes:
            if change.action != "unchanged":
                click.echo(change.describe())
    click.echo(report.summary())
