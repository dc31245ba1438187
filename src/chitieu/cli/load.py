"""`chitieu load CATALOGUE`: create the schema if needed, then load or reload a catalogue."""

from __future__ import annotations

from pathlib import Path

import click

from chitieu.cli._errors import InputFile
from chitieu.cli._progress import announced, counter, wanted

USER_OPTION = click.option(
    "--user",
    envvar="CHITIEU_USER",
    default=None,
    help="Người dùng thực hiện (ghi vào lịch sử); bỏ trống là hệ thống.",
)


@click.command("load")
@click.argument("catalogue", type=InputFile())
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
        show = announced(counter) if wanted(progress) else None
        click.echo(load_catalogue(parsed, actor=actor, progress=show).summary())
        if seed_history:
            click.echo(seed(parsed, actor=actor).summary())
    except ValueError as error:
        raise click.ClickException(str(error)) from error
