"""`chitieu departments FILE [--user NAME]`: departments and what each one enters.

FILE is CSV or YAML (chitieu.profile.departments describes both); each department
gets what the file's rules give it (codes, topics, groups, the default department),
except indicators the administrator assigned by hand on the assignment page, which
keep their departments; any problem and nothing is changed.
"""

from __future__ import annotations

import csv
from pathlib import Path

import click

from chitieu.cli._errors import InputFile
from chitieu.cli.load import USER_OPTION


@click.command("departments")
@click.argument("file", type=InputFile())
@USER_OPTION
def command(file: Path, user: str | None) -> None:
    """Khai báo sở, ngành và giao chỉ tiêu, địa bàn từ tệp CSV hoặc YAML."""
    from chitieu.profile.departments import read_departments
    from chitieu.web.setup import actor_named, migrate

    try:
        specs = read_departments(file)
    except (ValueError, csv.Error) as error:
        raise click.ClickException(str(error)) from error
    migrate()
    from chitieu.web.plans.departments import apply_departments

    try:
        for line in apply_departments(specs, actor=actor_named(user)):
            click.echo(line)
    except ValueError as error:
        raise click.ClickException(str(error)) from error
