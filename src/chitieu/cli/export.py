"""`chitieu export [-o FILE]`: every figure, in the columns `chitieu import` reads."""

from __future__ import annotations

import sys
from pathlib import Path

import click


@click.command("export")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Tệp .csv hoặc .xlsx; bỏ trống là in CSV ra màn hình.",
)
def command(output: Path | None) -> None:
    """Xuất toàn bộ số liệu (kèm loại số liệu và nguồn) ra CSV hoặc Excel."""
    from chitieu.web.setup import migrate

    migrate()
    from chitieu.web.figures.exports import export_figures

    count = export_figures(output if output is not None else sys.stdout)
    if output is not None:
        click.echo(f"Đã xuất {count} số liệu ra {output}.", err=True)
