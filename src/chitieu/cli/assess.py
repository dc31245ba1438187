"""`chitieu assess CATALOGUE FIGURES [--as-of YEAR] [--tolerance T] [--format table|json]`:
each target's status from a figures file (CSV or .xlsx: indicator, locality, period,
value, status), read with chitieu.ingest.figures_file.

One line per (target, locality): the localities are those the figures name for the
indicator, or the plan's own locality when there is no figure (Chưa có số liệu).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import click

from chitieu.assess import AssessmentError, Rules, assess_target
from chitieu.assess._vi_number import format_number
from chitieu.catalog.io import read_catalogue
from chitieu.catalog.model import Catalogue, Figure, Indicator, IndicatorTarget
from chitieu.cli._errors import InputFile
from chitieu.ingest.figures_file import FiguresFileError, read_figures


@dataclass(frozen=True)
class Line:
    code: str
    locality: str
    target: str
    period: str
    value: Decimal | None
    status: str | None  # Assessment value; None when the target cannot be assessed
    label: str
    provisional: bool
    reason: str
    working: tuple[str, ...] = ()  # the arithmetic behind the reason


def assess_catalogue(
    catalogue: Catalogue, figures: Sequence[Figure], rules: Rules, as_of: int | None
) -> list[Line]:
    by_key: dict[tuple[str, str], list[Figure]] = defaultdict(list)
    for figure in figures:
        by_key[(figure.indicator, figure.locality)].append(figure)
    lines = []
    for indicator in catalogue.indicators:
        localities = sorted({loc for code, loc in by_key if code == indicator.code})
        for locality in localities or [catalogue.plan.locality]:
            found = by_key.get((indicator.code, locality), [])
            for target in indicator.targets:
                lines.append(_line(indicator, target, locality, found, rules, as_of))
    return lines


def _line(
    indicator: Indicator,
    target: IndicatorTarget,
    locality: str,
    figures: Sequence[Figure],
    rules: Rules,
    as_of: int | None,
) -> Line:
    period = f"{target.period_start}-{target.period_end}"
    baseline = next(
        (b for b in indicator.baselines if b.locality in (None, locality)),
        None,
    )
    try:
        result = assess_target(
            target, indicator.direction, figures, rules=rules, as_of=as_of, baseline=baseline
        )
    except AssessmentError as error:
        return Line(
            indicator.code,
            locality,
            target.value.text,
            period,
            None,
            None,
            "Không đánh giá được",
            False,
            str(error),
        )
    return Line(
        indicator.code,
        locality,
        target.value.text,
        period,
        result.achieved_value,
        result.status.value,
        result.status.label,
        result.provisional,
        result.reason,
        result.working,
    )


def _tolerance(ctx: click.Context, param: click.Parameter, value: str | None) -> Decimal | None:
    """'0.05', '0,05' or '5%'."""
    if value is None:
        return None
    text = value.strip().replace(",", ".")
    try:
        number = Decimal(text.rstrip("%"))
    except InvalidOperation:
        raise click.BadParameter(f"không phải một số: {value!r}") from None
    number = number / 100 if text.endswith("%") else number
    if not Decimal(0) <= number < 1:
        raise click.BadParameter("ngưỡng cơ bản đạt phải trong khoảng [0, 1), ví dụ 0,05 hoặc 5%")
    return number


def _json(line: Line) -> dict[str, Any]:
    value = None if line.value is None else format_number(line.value)
    return {
        "code": line.code,
        "locality": line.locality,
        "target": line.target,
        "period": line.period,
        "value": value,
        "status": line.status,
        "status_label": line.label,
        "provisional": line.provisional,
        "reason": line.reason,
        "working": list(line.working),
    }


def _table(lines: Sequence[Line]) -> str:
    headers = ["Mã chỉ tiêu", "Địa bàn", "Mục tiêu", "Kết quả", "Đánh giá", "Tạm tính", "Lý do"]
    rows = [
        [
            line.code,
            line.locality,
            line.target,
            "" if line.value is None else format_number(line.value),
            line.label,
            "có" if line.provisional else "",
            line.reason,
        ]
        for line in lines
    ]
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers[:-1])]
    out = []
    for row in [headers, *rows]:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        out.append("  ".join([*cells, row[-1]]))
    return "\n".join(out)


@click.command(name="assess")
@click.argument("catalogue", type=InputFile())
@click.argument("figures", type=InputFile())
@click.option("--as-of", type=int, help="Năm đánh giá; trước năm cuối giai đoạn là tạm tính.")
@click.option("--tolerance", callback=_tolerance, help="Ngưỡng cơ bản đạt (0,05 hoặc 5%).")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
def command(
    catalogue: Path, figures: Path, as_of: int | None, tolerance: Decimal | None, fmt: str
) -> None:
    """Đánh giá từng chỉ tiêu của danh mục từ tệp số liệu (CSV hoặc .xlsx)."""
    try:
        plan = read_catalogue(catalogue)
        read = read_figures(figures)
    except (ValueError, FiguresFileError) as error:
        click.echo(f"Lỗi: {error}", err=True)
        raise SystemExit(2) from None
    for problem in read.problems:
        click.echo(f"Cảnh báo: {read.name}: {problem}", err=True)
    rules = Rules.for_catalogue(plan)
    if tolerance is not None:
        rules = replace(rules, tolerance=tolerance)
    rows = [
        Figure(r.indicator, r.locality, r.period, r.value, r.status, r.source, r.note)
        for r in read.rows
    ]
    lines = assess_catalogue(plan, rows, rules, as_of)
    if fmt == "json":
        click.echo(json.dumps({"results": [_json(x) for x in lines]}, ensure_ascii=False, indent=2))
    else:
        click.echo(_table(lines))
