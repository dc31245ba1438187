"""`chitieu init PROFILE [--db FILE] [--user NAME]`: build or update a database from a profile.

One step (chitieu.web.plans.profiles.apply_profile): the schema, the localities,
the resolution and the document's own figures, annual plans, the published
figures and the departments. Safe to re-run: every step updates in place, and
any problem leaves the database as it was. Prints one line per step.
"""

from __future__ import annotations

from pathlib import Path

import click

from chitieu.cli._profile import load_profile
from chitieu.cli.load import USER_OPTION
from chitieu.cli.serve import DB_OPTION, use_database


@click.command("init")
@click.argument("profile_file", metavar="PROFILE", type=click.Path(path_type=Path))
@DB_OPTION
@USER_OPTION
def command(profile_file: Path, db: Path | None, user: str | None) -> None:
    """Tạo hoặc cập nhật cơ sở dữ liệu từ hồ sơ địa phương (chạy lại an toàn)."""
    profile = load_profile(profile_file)
    use_database(db)
    click.echo(f"Cơ sở dữ liệu: {prepare_database()} (đã cập nhật cấu trúc).")
    from chitieu.web.plans.profiles import apply_profile
    from chitieu.web.setup import actor_named

    try:
        report = apply_profile(profile, actor=actor_named(user))
    except (ValueError, OSError) as error:
        raise click.ClickException(f"Chưa thay đổi gì: {error}") from error
    for step in report.steps:
        click.echo(step)


def prepare_database() -> str:
    """Migrate the database the settings name; what it is, for the first line."""
    from chitieu.web.setup import migrate

    migrate()
    from django.conf import settings

    database = settings.DATABASES["default"]
    engine = str(database["ENGINE"]).rsplit(".", 1)[-1]
    return f"{engine} {database['NAME']}"
