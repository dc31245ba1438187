"""`chitieu serve [--port N] [--db FILE]`: serve an existing database over HTTP.

A threaded WSGI server (the one behind Django's runserver, without autoreload);
static files come from WhiteNoise, so DEBUG may stay off. Background jobs (imports,
reports) need a `chitieu worker`; `--with-worker` runs one beside the server. For a real
deployment put a WSGI server such as gunicorn behind a proxy (docs/deployment.md).
"""

from __future__ import annotations

import os
from pathlib import Path

import click

HOST = "127.0.0.1"
PORT_OPTION = click.option(
    "--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Cổng."
)


DB_OPTION = click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Tệp SQLite; bỏ trống là cơ sở dữ liệu của DATABASE_URL hoặc var/chitieu.sqlite3.",
)


def use_database(db: Path | None) -> None:
    """Point the settings at an SQLite file (before Django starts); None keeps DATABASE_URL."""
    if db is not None:
        os.environ["DATABASE_URL"] = f"sqlite:///{db.resolve()}"


def run_server(port: int) -> None:
    """Serve the application on 127.0.0.1:port until interrupted."""
    from django.core.servers.basehttp import run
    from django.core.wsgi import get_wsgi_application

    from chitieu.web.setup import setup

    setup()
    click.echo(f"Địa chỉ: http://{HOST}:{port}/  (Ctrl+C để dừng)")
    try:
        run(HOST, port, get_wsgi_application(), threading=True)
    except KeyboardInterrupt:
        click.echo("Đã dừng.")
    except OSError as error:
        raise click.ClickException(f"Không mở được cổng {port}: {error}") from error


@click.command("serve")
@PORT_OPTION
@DB_OPTION
@click.option(
    "--with-worker",
    is_flag=True,
    help="Chạy kèm một tiến trình xử lý tác vụ nền (chitieu worker), dừng cùng máy chủ.",
)
def command(port: int, db: Path | None, with_worker: bool) -> None:
    """Chạy trang web trên một cơ sở dữ liệu đã có (cập nhật cấu trúc nếu cần)."""
    if db is not None and not db.exists():
        raise click.ClickException(f"Không có tệp cơ sở dữ liệu {db}; hãy chạy “chitieu demo”.")
    use_database(db)
    from chitieu.web.setup import migrate

    migrate()
    if not with_worker:
        run_server(port)
        return
    from chitieu.cli.worker import worker_beside

    with worker_beside(db):
        run_server(port)
