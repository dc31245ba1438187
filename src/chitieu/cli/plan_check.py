"""`chitieu plan-check [--plan CODE] [--format text|json] [--profile FILE] [--db FILE]`.

The stored annual plan's targets beside its resolution's milestones for the plan's
year, and the national table's target for the place when the profile names one
(chitieu.web.figures.plan_checks). Without --plan: the latest annual plan stored.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from chitieu.cli._profile import PROFILE_OPTION
from chitieu.cli.serve import DB_OPTION, use_database
from chitieu.profile.model import NationalTargets


@click.command("plan-check")
@click.option(
    "--plan", "plan_code", default=None, help="Mã kế hoạch năm; mặc định: kế hoạch năm mới nhất."
)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@PROFILE_OPTION
@DB_OPTION
def command(plan_code: str | None, fmt: str, profile_file: Path | None, db: Path | None) -> None:
    """So mục tiêu kế hoạch năm với mốc lộ trình của nghị quyết năm đó."""
    from chitieu.outlook.annual_plan import check_json, check_text

    national = _national(profile_file)
    use_database(db)
    from chitieu.web.setup import migrate

    migrate()
    from chitieu.web.figures.plan_checks import plan_checks

    try:
        found = plan_checks(plan_code, national=national)
    except ValueError as error:
        raise click.ClickException(str(error)) from error
    if fmt == "json":
        data = {
            "plan": found.plan,
            "checks": [check_json(c) for c in found.checks],
            "national": check_json(found.national) if found.national else None,
        }
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    for check in found.checks:
        click.echo(check_text(check))
    if found.national is not None:
        click.echo("Bảng mục tiêu quốc gia: " + check_text(found.national))


def _national(path: Path | None) -> NationalTargets | None:
    """The profile's national table; none when no profile is named and there is no default."""
    from chitieu.cli._profile import load_profile
    from chitieu.paths import default_profile

    if path is None and default_profile() is None:
        return None
    return load_profile(path).documents.national_targets
