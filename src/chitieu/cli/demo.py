"""`chitieu demo [--port N] [--db FILE]`: build a fresh demo database, then serve it.

Reads the seed document (the Hưng Yên political report), loads its catalogue
and figures, creates departments and one user per role (password
`chitieu-demo`), prints the logins and serves http://127.0.0.1:PORT/.
"""

from __future__ import annotations

from pathlib import Path

import click

from chitieu.cli.serve import PORT_OPTION, run_server, use_database

SEED = Path("data") / "hung-yen" / "bao-cao-chinh-tri-hung-yen-2025-2030.txt"
DEFAULT_DB = Path("var") / "demo.sqlite3"


@click.command("demo")
@PORT_OPTION
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    default=DEFAULT_DB,
    show_default=True,
    help="Tệp SQLite của bản demo (được tạo mới, tệp cũ bị xoá).",
)
@click.option(
    "--document",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help=f"Văn bản nguồn (.txt, .docx); mặc định {SEED}.",
)
@click.option("--no-serve", is_flag=True, help="Chỉ tạo cơ sở dữ liệu, không chạy máy chủ.")
def command(port: int, db: Path, document: Path | None, no_serve: bool) -> None:
    """Tạo cơ sở dữ liệu demo từ văn bản mẫu và chạy trang web."""
    source = document or SEED
    if not source.exists():
        raise click.ClickException(f"Không thấy văn bản mẫu {source}; dùng --document.")
    from chitieu.ingest.pipeline import ingest

    click.echo(f"Đọc văn bản {source} …")
    try:
        catalogue = ingest(source)
    except ValueError as error:
        raise click.ClickException(str(error)) from error
    db.parent.mkdir(parents=True, exist_ok=True)
    db.unlink(missing_ok=True)
    use_database(db)
    from chitieu.web.setup import migrate

    migrate()
    from chitieu.web.dashboard.demo import DEMO_PASSWORD, build_demo

    report = build_demo(catalogue)
    click.echo(report.load)
    click.echo(report.seed)
    click.echo(report.published)
    click.echo(f"Cơ sở dữ liệu demo: {db}  (chạy lại: chitieu serve --db {db})")
    click.echo(f"Tài khoản (mật khẩu chung: {DEMO_PASSWORD}):")
    for username, role in report.logins:
        click.echo(f"  {username:<12} {role}")
    if not no_serve:
        run_server(port)
