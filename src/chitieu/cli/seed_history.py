"""`chitieu seed-history CATALOGUE`: store the document's baselines and past-term results."""

from __future__ import annotations

from pathlib import Path

import click

from chitieu.cli._errors import InputFile
from chitieu.cli.load import USER_OPTION


@click.command("seed-history")
@click.argument("catalogue", type=InputFile())
@USER_OPTION
def command(catalogue: Path, user: str | None) -> None:
    """Lưu số liệu của văn bản (năm gốc, kết quả nhiệm kỳ trước) kèm dòng nguồn."""
    from chitieu.catalog.io import read_catalogue
    from chitieu.web.setup import actor_named, migrate

    try:
        parsed = read_catalogue(catalogue)
    except ValueError as error:
        raise click.ClickException(str(error)) from error
    migrate()
    from chitieu.web.figures.seeding import seed_history

    try:
        click.echo(seed_history(parsed, actor=actor_named(user)).summary())
    except ValueError as error:
        raise click.ClickException(str(error)) from error
