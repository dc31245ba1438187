"""`chitieu report results|progress --plan CODE [--year YEAR] --format docx|xlsx|pdf
[--mode chinh-thuc|du-thao] -o FILE`.

A thin caller of the web layer's `chitieu.web.dashboard.downloads.build_report`, the
same function the download views use: it reads the stored plan, builds the report
with the pure core (chitieu.reports) and writes the file.
"""

from __future__ import annotations

from pathlib import Path

import click


@click.command("report")
@click.argument("kind", type=click.Choice(["results", "progress"]))
@click.option("--plan", "plan_code", required=True, help="Mã kế hoạch (xem “chitieu plans”).")
@click.option("--year", type=int, default=None, help="Năm báo cáo (báo cáo tiến độ).")
@click.option(
    "--format", "fmt", type=click.Choice(["docx", "xlsx", "pdf"]), required=True, help="Định dạng."
)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True)
@click.option(
    "--issuer",
    default=None,
    help=(
        "Cơ quan ban hành (mặc định: cơ quan ban hành của kế hoạch; kế hoạch không ghi thì "
        "Ủy ban nhân dân của địa phương có kế hoạch)."
    ),
)
@click.option(
    "--mode",
    type=click.Choice(["chinh-thuc", "du-thao"]),
    default="chinh-thuc",
    show_default=True,
    help=(
        "chinh-thuc: chỉ số liệu đã duyệt và số liệu công bố (bản để ký); du-thao: mọi số "
        "liệu đã nhập trừ số liệu bị trả lại, số liệu chưa duyệt đánh dấu *, "
        "mỗi trang ghi “DỰ THẢO”."
    ),
)
def command(
    kind: str,
    plan_code: str,
    year: int | None,
    fmt: str,
    output: Path,
    issuer: str | None,
    mode: str,
) -> None:
    """Xuất báo cáo kết quả nhiệm kỳ (results) hoặc tiến độ một năm (progress)."""
    from chitieu.web.setup import migrate

    migrate()
    from chitieu.web.dashboard.downloads import build_report
    from chitieu.web.figures.visibility import ViewMode

    try:
        report = build_report(kind, plan_code, fmt, year=year, issuer=issuer, mode=ViewMode(mode))
    except (ValueError, KeyError) as error:
        raise click.ClickException(str(error).strip("'\"")) from error
    if report.note:
        click.echo(report.note)
    output.write_bytes(report.content)
    click.echo(f"Đã ghi {output} ({len(report.content):,} byte).".replace(",", "."))
