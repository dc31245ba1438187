"""Small builders for targets and figures, so assessment tests read like the tables."""

from __future__ import annotations

from decimal import Decimal

from chitieu.catalog.model import (
    Aggregation,
    Figure,
    FigureStatus,
    IndicatorTarget,
    Source,
)
from chitieu.catalog.period import Period
from chitieu.quantity.target import Target, TargetKind

D = Decimal


def point(value: str, unit: str | None = "pct") -> Target:
    return Target(value, TargetKind.POINT, D(value), D(value), unit=unit)


def approx(value: str, unit: str | None = None) -> Target:
    return Target(f"Khoảng {value}", TargetKind.APPROX, D(value), D(value), unit=unit)


def range_(low: str, high: str, unit: str | None = "pct") -> Target:
    return Target(f"{low}-{high}", TargetKind.RANGE, D(low), D(high), unit=unit)


def at_least(value: str, *, inclusive: bool = True, unit: str | None = "pct") -> Target:
    text = f"{value} trở lên" if inclusive else f"> {value}"
    return Target(text, TargetKind.MIN, low=D(value), low_inclusive=inclusive, unit=unit)


def below(value: str, *, inclusive: bool = False, unit: str | None = "pct") -> Target:
    text = f"không quá {value}" if inclusive else f"< {value}"
    return Target(text, TargetKind.MAX, high=D(value), high_inclusive=inclusive, unit=unit)


def ratio(numerator: int, denominator: int) -> Target:
    value = D(numerator) / D(denominator)
    return Target(
        f"{numerator}/{denominator}",
        TargetKind.RATIO,
        value,
        value,
        ratio=(numerator, denominator),
    )


def rank(limit: int) -> Target:
    return Target(f"Nhóm {limit} tỉnh dẫn đầu", TargetKind.RANK, high=D(limit))


def text_goal() -> Target:
    return Target("Xây dựng Đảng bộ trong sạch, vững mạnh", TargetKind.TEXT)


def planned(
    target: Target,
    aggregation: Aggregation = Aggregation.LEVEL,
    start: int = 2021,
    end: int = 2025,
) -> IndicatorTarget:
    return IndicatorTarget(target, start, end, aggregation, Source("test.txt", 1))


def fig(
    year: int,
    value: str,
    status: FigureStatus = FigureStatus.OFFICIAL,
    indicator: str = "kt.test",
    locality: str = "hung_yen",
) -> Figure:
    return Figure(indicator, locality, Period.year_of(year), D(value), status)


def figs(values: dict[int, str], status: FigureStatus = FigureStatus.OFFICIAL) -> list[Figure]:
    return [fig(year, value, status) for year, value in values.items()]
