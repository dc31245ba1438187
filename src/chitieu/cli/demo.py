"""`chitieu demo [PROFILE] [--port N] [--db FILE] [--no-serve]`: a fresh demo database, served.

Applies a place profile (default: the shipped demo profile, data/profiles.yaml)
to a new SQLite file, with the profile's demo users (password `chitieu-demo`),
prints what it did and the logins, and serves http://127.0.0.1:PORT/ with a background
worker beside the server (`chitieu worker`, stopped with it; --no-worker leaves it out).
"""

from __future__ import annotations

from pathlib import Path

import click

from chitieu.cli._profile import load_profile
from chitieu.cli.init import prepare_database
from chitieu.cli.serve import PORT_OPTION, run_server, use_database
from chitieu.cli.worker import worker_beside
from chitieu.deployment import is_production


@click.command("demo")
@click.argument(
    "profile_file", metavar="[PROFILE]", required=False, type=click.Path(path_type=Path)
)
@PORT_OPTION
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Tệp SQLite của bản demo (được tạo mới, tệp cũ bị xoá); mặc định var/demo.sqlite3.",
)
@click.option("--no-serve", is_flag=True, help="Chỉ tạo cơ sở dữ liệu, không chạy máy chủ.")
@click.option(
    "--no-worker",
    is_flag=True,
    help="Không chạy tiến trình xử lý tác vụ nền (nhập tệp, báo cáo) bên cạnh máy chủ.",
)
def command(
    profile_file: Path | None, port: int, db: Path | None, no_serve: bool, no_worker: bool
) -> None:
    """Tạo cơ sở dữ liệu demo từ hồ sơ địa phương (mặc định: hồ sơ demo) và chạy trang web."""
    if is_production():
        raise click.ClickException(
            "Không chạy bản demo khi CHITIEU_PRODUCTION=1: người dùng demo dùng chung một mật khẩu "
            "công khai. Trên máy chủ thật, tạo người dùng bằng “chitieu users add”."
        )
    from chitieu.paths import demo_database_file

    profile = load_profile(profile_file)
    db = (db or demo_database_file()).resolve()
    db.parent.mkdir(parents=True, exist_ok=True)
    db.unlink(missing_ok=True)
    use_database(db)
    click.echo(f"Cơ sở dữ liệu: {prepare_database()} (mới).")
    from chitieu.web.dashboard.demo import DEMO_PASSWORD, build_demo

    try:
        report = build_demo(profile)
    except (ValueError, OSError) as error:
        raise click.ClickException(str(error)) from error
    for step in report.steps:
        click.echo(step)
    click.echo(f"Cơ sở dữ liệu demo: {db}  (chạy lại: chitieu serve --db {db})")
    click.echo(f"Tài khoản (mật khẩu chung: {DEMO_PASSWORD}):")
    for username, role in report.logins:
        click.echo(f"  {username:<12} {role}")
    if no_serve:
        return
    if no_worker:
        run_server(port)
        return
    with worker_beside(db):  # the imports and reports of the demo's pages run there
        run_server(port)
