"""`chitieu backtest --as-of 2022|2023 [--format json|text] [DIR] [--document FILE]`.

Runs the outlook on the 2020-2025 term as a mid-term review would have, with the
published figures known at the end of the chosen year, and compares its ratings
and projections with the appendix's final results (docs/backtest.md). The JSON
shape {"cases": [...], "hit_rate"} is a contract.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from chitieu.quantity import format_number

PUBLISHED = Path("data") / "hung-yen" / "published"
SEED = Path("data") / "hung-yen" / "bao-cao-chinh-tri-hung-yen-2025-2030.txt"


@click.command("backtest")
@click.argument(
    "directory", required=False, type=click.Path(file_okay=False, path_type=Path), default=PUBLISHED
)
@click.option(
    "--as-of", "as_of", type=int, required=True, help="Năm cuối cùng có số liệu (2022, 2023)."
)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option(
    "--document",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=SEED,
    show_default=True,
    help="Văn bản có Phụ lục 1A/1B (kết quả nhiệm kỳ trước).",
)
def command(directory: Path, as_of: int, fmt: str, document: Path) -> None:
    """Kiểm tra lại dự báo trên nhiệm kỳ 2020-2025: xếp loại giữa kỳ so với kết quả cuối kỳ."""
    from chitieu.ingest.pipeline import ingest
    from chitieu.ingest.published import read_published
    from chitieu.outlook.backtest import backtest, hit_rate

    try:
        catalogue = ingest(document)
        published = read_published(directory)
    except (OSError, ValueError) as error:
        raise click.ClickException(str(error)) from error
    cases = backtest(catalogue, published.core_figures(), as_of)
    rate = hit_rate(cases)
    if fmt == "json":
        data = {
            "cases": [c.as_dict() for c in cases],
            "hit_rate": None if rate is None else float(rate),
        }
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    click.echo(f"Kiểm tra lại dự báo với số liệu biết đến cuối năm {as_of}:")
    for case in cases:
        mark = {True: "đúng", False: "SAI", None: "không dự báo"}[case.hit]
        projected = "—" if case.projected is None else format_number(case.projected.normalize())
        final = "—" if case.final is None else format_number(case.final)
        click.echo(
            f"  {case.code} {case.locality}: {case.rating}, dự báo 2025 {projected}, "
            f"kết quả {final} ({case.final_assessment}) → {mark}"
        )
    shown = "—" if rate is None else f"{rate * 100:.1f}%"
    click.echo(
        f"Tỷ lệ đúng: {shown} trên {sum(c.hit is not None for c in cases)} chỉ tiêu có dự báo."
    )
