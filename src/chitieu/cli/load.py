"""`chitieu load CATALOGUE`: create the schema if needed, then load or reload a catalogue."""

from __future__ import annotations

import sys
from pathlib import Path

import click

USER_OPTION = click.option(
    "--user",
    envvar="CHITIEU_USER",
    default=None,
    help="Người dùng thực hiện (ghi vào lịch sử); bỏ trống là hệ thống.",
)


@click.command("load")
@click.argument("catalogue", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--seed-history", is_flag=True, help="Lưu luôn số liệu của văn bản (như seed-history)."
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Hiện số chỉ tiêu, số dòng kết quả đã ghi (mặc định: khi chạy trên màn hình).",
)
@USER_OPTION
def command(catalogue: Path, seed_history: bool, progress: bool | None, user: str | None) -> None:
    """Nạp (hoặc nạp lại) tệp danh mục vào cơ sở dữ liệu; số liệu đã có được giữ nguyên."""
    from chitieu.catalog.io import read_catalogue
    from chitieu.cli.import_ import _progress, _writing  # here: import_ imports this module
    from chitieu.web.setup import actor_named, migrate

    try:
        parsed = read_catalogue(catalogue)
    except ValueError as error:
        raise click.ClickException(str(error)) from error
    migrate()
    from chitieu.web.figures.seeding import seed_history as seed
    from chitieu.web.plans.services import load_catalogue

    try:
        actor = actor_named(user)
        show = _writing(_progress) if _shown(progress) else None
        click.echo(load_catalogue(parsed, actor=actor, progress=show).summary())
        if seed_history:
            click.echo(seed(parsed, actor=actor).summary())
    except ValueError as error:
        raise click.ClickException(str(error)) from error


def _shown(progress: bool | None) -> bool:
    """--progress / --no-progress, else on when stderr is a terminal."""
    return sys.stderr.isatty() if progress is None else progress
