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
@click.option(
    "--background",
    is_flag=True,
    help="Chạy như tác vụ nền (chitieu worker nạp; xem tiến độ ở /tac-vu/<mã>/ hoặc API).",
)
@USER_OPTION
def command(
    catalogue: Path, seed_history: bool, progress: bool | None, user: str | None, background: bool
) -> None:
    """Nạp (hoặc nạp lại) tệp danh mục vào cơ sở dữ liệu; số liệu đã có được giữ nguyên."""
    from chitieu.catalog.io import read_catalogue
    from chitieu.web.setup import actor_named, migrate

    try:
        parsed = read_catalogue(catalogue)
    except ValueError as error:
        raise click.ClickException(str(error)) from error
    migrate()
    if background:
        if seed_history:
            raise click.BadParameter("--seed-history chưa chạy được như tác vụ nền.")
        _in_background(catalogue, actor_named(user))
        return
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


def _in_background(catalogue: Path, actor: object | None) -> None:
    """A reload job with a copy of the file as its input; the worker does the rest."""
    import shutil
    import tempfile

    from chitieu.web.jobs.files import keep_input
    from chitieu.web.jobs.models import JobKind
    from chitieu.web.jobs.services import create_job, enqueue_job

    job = create_job(JobKind.RELOAD, name=f"Nạp danh mục {catalogue.name}", params={}, actor=actor)
    copy = Path(tempfile.mkdtemp(prefix="chitieu-load-")) / catalogue.name
    shutil.copyfile(catalogue, copy)
    keep_input(job.token, copy, catalogue.name)
    copy.parent.rmdir()
    job = enqueue_job(job)
    click.echo(f"Đã xếp tác vụ nạp danh mục, mã {job.token} ({job.get_state_display()}).")
    click.echo("Tiến trình “chitieu worker” sẽ nạp; xem tiến độ ở /tac-vu/" + job.token + "/.")
