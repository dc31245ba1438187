"""`chitieu export [-o FILE] [--format …] [filters] [--structure FILE]`: figures out.

Without --format, as before: every figure, CSV on the screen or by the file's
extension (.xlsx or .csv) in the columns `chitieu import` reads. --format picks CSV,
JSON, SDMX-CSV, SDMX-JSON or Excel; --structure also writes the SDMX structure (DSD) as SDMX-ML.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

FORMATS = ("csv", "json", "sdmx-csv", "sdmx-json", "xlsx")


@click.command("export")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Tệp kết quả; bỏ trống là in ra màn hình (trừ Excel).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="Định dạng; mặc định theo đuôi tệp (.xlsx là Excel, còn lại là CSV).",
)
@click.option("--plan", default=None, help="Chỉ số liệu các chỉ tiêu của kế hoạch này (mã).")
@click.option("--indicator", default=None, help="Chỉ số liệu của chỉ tiêu này (mã).")
@click.option("--locality", default=None, help="Chỉ số liệu của địa bàn này (mã).")
@click.option("--year", "years", type=int, multiple=True, help="Chỉ các năm này (lặp lại được).")
@click.option(
    "--view",
    type=click.Choice(["chinh-thuc", "du-thao"]),
    default=None,
    help="chinh-thuc: chỉ số liệu đã duyệt, đã công bố; du-thao: mọi số liệu trừ số bị trả lại; "
    "bỏ trống: mọi số liệu.",
)
@click.option(
    "--targets",
    "targets",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Ghi thêm mục tiêu (theo --plan, --indicator) dạng SDMX-CSV vào tệp này.",
)
@click.option(
    "--structure",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Ghi thêm cấu trúc SDMX (DSD, danh mục mã) dạng SDMX-ML vào tệp này.",
)
def command(
    output: Path | None,
    fmt: str | None,
    plan: str | None,
    indicator: str | None,
    locality: str | None,
    years: tuple[int, ...],
    view: str | None,
    targets: Path | None,
    structure: Path | None,
) -> None:
    """Xuất số liệu ra CSV, JSON, SDMX-CSV, SDMX-JSON hoặc Excel; --structure ghi cấu trúc SDMX."""
    from chitieu.web.setup import migrate

    migrate()
    from chitieu.exchange.mapping import MappingError
    from chitieu.web.figures import exchange
    from chitieu.web.figures.visibility import parse_mode

    if fmt is None:
        fmt = "xlsx" if output is not None and output.suffix.lower() == ".xlsx" else "csv"
    if fmt == "xlsx" and output is None:
        raise click.UsageError("Xuất Excel cần -o tệp.xlsx.")
    selection = exchange.Selection(
        plan=plan,
        indicator=indicator,
        locality=locality,
        years=years,
        mode=parse_mode(view) if view else None,
    )
    try:
        count = exchange.write_export(fmt, output if output is not None else sys.stdout, selection)
        if targets is not None:
            targets.write_text(exchange.targets_sdmx_csv(selection), encoding="utf-8")
        if structure is not None:
            structure.write_bytes(exchange.structure())
    except (exchange.SelectionError, MappingError) as error:
        raise click.ClickException(str(error)) from error
    if output is not None:
        click.echo(f"Đã xuất {count} số liệu ra {output}.", err=True)
    if targets is not None:
        click.echo(f"Đã ghi mục tiêu SDMX-CSV ra {targets}.", err=True)
    if structure is not None:
        click.echo(f"Đã ghi cấu trúc SDMX ra {structure}.", err=True)
