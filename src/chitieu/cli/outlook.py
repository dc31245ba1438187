"""`chitieu outlook CATALOGUE [FIGURES] [--format json] [--assumptions FILE]`.

Required paths of every quantitative target, on-track ratings from figures,
the coherence of the plan and the check of the prose claims, built by
chitieu.outlook.overview (the JSON keys are a contract: other tools read them).
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from chitieu.cli._errors import InputFile


@click.command(name="outlook")
@click.argument("catalogue", type=InputFile())
@click.argument("figures", required=False, type=InputFile())
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.option(
    "--assumptions",
    "assumptions_file",
    type=InputFile(),
    help="Tệp YAML/JSON ghi đè giả định (giảm phát, tỷ giá, di cư...).",
)
def command(catalogue: Path, figures: Path | None, fmt: str, assumptions_file: Path | None) -> None:
    """Lộ trình, đánh giá khả năng đạt, tính nhất quán của kế hoạch và kiểm tra số liệu trong văn bản."""
    from chitieu.outlook.assumptions import DEFAULT_ASSUMPTIONS, load_assumptions
    from chitieu.outlook.overview import load, render, report

    try:
        assumptions = (
            load_assumptions(assumptions_file) if assumptions_file else DEFAULT_ASSUMPTIONS
        )
        loaded = load(catalogue)
        data = report(loaded, figures, assumptions)
    except (OSError, ValueError) as error:  # AssumptionsError and the readers' errors too
        click.echo(f"Lỗi: {error}", err=True)
        raise SystemExit(2) from None
    if fmt == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(render(data, {i.code: i for i in loaded.indicators}))
