"""`chitieu template PLAN --year 2026 -o mau.xlsx`: the Excel entry template of a plan."""

from __future__ import annotations

from pathlib import Path

import click


@click.command("template")
@click.argument("plan")
@click.option(
    "--year", type=click.IntRange(1990, 2100), required=True, help="Năm cần nhập số liệu."
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("mau_nhap_so_lieu.xlsx"),
    show_default=True,
)
@click.option(
    "--locality", default=None, help="Mã địa bàn điền sẵn (mặc định: địa bàn của kế hoạch)."
)
def command(plan: str, year: int, output: Path, locality: str | None) -> None:
    """Tạo mẫu Excel nhập số liệu cho một kế hoạch (mỗi nhóm chỉ tiêu một trang)."""
    from chitieu.web.setup import migrate

    migrate()
    from chitieu.web.figures.template import write_template

    try:
        count = write_template(plan, year, output, locality=locality)
    except ValueError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Đã tạo {output} với {count} chỉ tiêu.")
