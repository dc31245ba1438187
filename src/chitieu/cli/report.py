"""`chitieu report results|progress --plan CODE [--year YEAR] --format docx|xlsx|pdf -o FILE`.

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
    help="Cơ quan ban hành (mặc định: Ủy ban nhân dân của địa phương có kế hoạch).",
)
def command(
    kind: str, plan_code: str, year: int | None, fmt: str, output: Path, issuer: str | None
) -> None:
    """Xuất báo cáo kết quả nhiệm kỳ (results) hoặc tiến độ một năm (progress)."""
    from chitieu.web.setup import migrate

    migrate()
    from chitieu.web.dashboard.downloads import build_report

    try:
        report = build_report(kind, plan_code, fmt, year=year, issuer=issuer)
    except (ValueError, KeyError) as error:
        raise click.ClickException(str(error).strip("'\"")) from error
    output.write_bytes(report.content)
    click.echo(f"Đã ghi {output} ({len(report.content):,} byte).".replace(",", "."))
