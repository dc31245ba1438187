"""`chitieu parse "EXPR" [--unit CODE]`: show how a target expression is read, as JSON."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import click

from chitieu.quantity import NotATargetError, QuantityError, Target, get_unit, parse_target


def _number(value: Decimal | None) -> int | float | None:
    # JSON has one number type; integers stay integers so "1100000" prints as such.
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def target_json(target: Target) -> dict[str, Any]:
    return {
        "text": target.text,
        "kind": target.kind.value,
        "low": _number(target.low),
        "high": _number(target.high),
        "low_inclusive": target.low_inclusive,
        "high_inclusive": target.high_inclusive,
        "unit": target.unit,
        "ambiguous": target.ambiguous,
        "flags": list(target.flags),
        "readings": [
            {"value": _number(r.value), "convention": r.convention, "note": r.note}
            for r in target.readings
        ],
    }


def _unit_code(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        get_unit(value)
    except QuantityError as error:
        raise click.BadParameter(error.message) from None
    return value


@click.command(name="parse")
@click.argument("expression")
@click.option("--unit", callback=_unit_code, help="Mã đơn vị mặc định (ví dụ pct, ty_dong).")
def command(expression: str, unit: str | None) -> None:
    """Đọc một biểu thức chỉ tiêu (ví dụ "10-11%/năm") và in kết quả dạng JSON."""
    try:
        target = parse_target(expression, unit=unit)
    except NotATargetError as error:
        click.echo(f"Lỗi: {error}", err=True)
        raise SystemExit(2) from None
    click.echo(json.dumps(target_json(target), ensure_ascii=False))
