"""`chitieu import-published [--profile FILE] [--report FILE] [--dry-run] [--db FILE]`.

Reads the published CSVs the place profile names through their mapping, writes
every mapped figure through the normal import (all or nothing), keeps conflicting
sources beside their figure, loads the annual plans given as targets CSVs, and
writes a Markdown import report in Vietnamese: counts, unmapped rows, conflicts,
revision chains and each annual plan against the resolution's milestones
(chitieu.web.figures.published). The resolution must be loaded (`chitieu init`).
"""

from __future__ import annotations

from pathlib import Path

import click

from chitieu.cli._profile import PROFILE_OPTION, load_profile
from chitieu.cli.load import USER_OPTION
from chitieu.cli.serve import DB_OPTION, use_database


@click.command("import-published")
@PROFILE_OPTION
@click.option("--report", type=click.Path(dir_okay=False, path_type=Path), default=None)
@click.option("--dry-run", is_flag=True, help="Chỉ kiểm tra, không ghi gì.")
@DB_OPTION
@USER_OPTION
def command(
    profile_file: Path | None, report: Path | None, dry_run: bool, db: Path | None, user: str | None
) -> None:
    """Nhập số liệu đã công bố và kế hoạch năm của hồ sơ địa phương, kèm báo cáo nhập."""
    profile = load_profile(profile_file)
    use_database(db)
    from chitieu.web.setup import actor_named, migrate

    migrate()
    from chitieu.web.figures.imports import ImportRejected
    from chitieu.web.figures.published import import_published_figures

    try:
        result = import_published_figures(profile, actor=actor_named(user), dry_run=dry_run)
    except ImportRejected as error:
        raise click.ClickException(str(error)) from error
    except (ValueError, OSError) as error:  # a missing file or column, a bad mapping
        raise click.ClickException(f"Chưa ghi gì: {error}") from error
    if report is not None:
        report.write_text(result.report, encoding="utf-8")
        click.echo(f"Báo cáo nhập: {report}")
    click.echo(result.summary)
