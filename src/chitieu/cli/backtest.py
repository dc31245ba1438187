"""`chitieu backtest --as-of YEAR [--format json|text] [--profile FILE]`.

Runs the outlook on the past term whose results tables the profile's resolution
carries, as a mid-term review would have, with the published figures known at
the end of the chosen year, and compares its ratings and projections with the
tables' final results (docs/backtest.md). The JSON shape {"cases": [...],
"hit_rate"} is a contract.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from chitieu.cli._profile import PROFILE_OPTION, load_profile
from chitieu.quantity import format_number


@click.command("backtest")
@click.option(
    "--as-of",
    "as_of",
    type=int,
    required=True,
    help="Năm cuối cùng có số liệu (ví dụ năm giữa kỳ).",
)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@PROFILE_OPTION
def command(as_of: int, fmt: str, profile_file: Path | None) -> None:
    """Kiểm tra lại dự báo trên nhiệm kỳ trước: xếp loại giữa kỳ so với kết quả cuối kỳ."""
    from chitieu.outlook.backtest import backtest, hit_rate
    from chitieu.profile.documents import read_published_figures, read_resolution

    profile = load_profile(profile_file)
    try:
        catalogue = read_resolution(profile)
        published = read_published_figures(profile)
    except (OSError, ValueError) as error:
        raise click.ClickException(str(error)) from error
    if published is None:
        raise click.ClickException(
            f"Hồ sơ {profile.file} không khai báo số liệu đã công bố (documents.published)."
        )
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
            f"  {case.code} {case.locality}: {case.rating}, dự báo cuối kỳ {projected}, "
            f"kết quả {final} ({case.final_assessment}) → {mark}"
        )
    shown = "—" if rate is None else f"{rate * 100:.1f}%"
    click.echo(
        f"Tỷ lệ đúng: {shown} trên {sum(c.hit is not None for c in cases)} chỉ tiêu có dự báo."
    )
