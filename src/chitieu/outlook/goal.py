"""The number an indicator must reach, resolved from its target expression.

A `Goal` is what every outlook computation works on: plain numbers (target
value, baseline, direction, scale, natural limits) taken from the catalogue
types. Rank and text targets have no goal; `resolve_goal` raises `NoGoalError`
with the Vietnamese reason.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from chitieu.catalog.model import Aggregation, Baseline, Direction, Indicator, IndicatorTarget
from chitieu.quantity.format import format_number, plain
from chitieu.quantity.target import Target, TargetKind


class Scale(StrEnum):
    """How an indicator's level moves: proportionally (money, counts) or within [0, 100] (%)."""

    MULTIPLICATIVE = "multiplicative"
    BOUNDED = "bounded"


PERCENT_UPPER = 100.0


class NoGoalError(ValueError):
    """A target without a number to aim at (rank, text) or without the baseline it needs."""

    def __init__(self, indicator: str, message: str) -> None:
        super().__init__(f"{indicator}: {message}")
        self.indicator = indicator
        self.message = message


@dataclass(frozen=True)
class Goal:
    """One indicator target as numbers. `value` is what the path must reach.

    `achieved_low`/`achieved_high` bound the values that count as the target
    reached (open sides are infinite); `midpoint` is the middle of a range target.
    `lower_limit`/`upper_limit` are natural limits used to clip projections.
    """

    indicator: str
    value: Decimal
    direction: int  # +1 higher is better, -1 lower is better
    aggregation: Aggregation
    scale: Scale
    baseline_year: int
    target_year: int
    baseline_value: Decimal | None = None
    achieved_low: float = -math.inf
    achieved_high: float = math.inf
    lower_limit: float = -math.inf
    upper_limit: float = math.inf
    midpoint: Decimal | None = None
    # A target set as a change from the baseline: each series' own baseline gives its value.
    relative_change: float | None = None  # signed fraction: -1/3 for "giảm 1/3"
    absolute_change: float | None = None  # signed amount in the indicator's unit
    note: str = ""  # Vietnamese remark on how the value was chosen

    def value_for(self, baseline: float | None) -> float:
        """The value to reach for a series whose own baseline is `baseline`."""
        if baseline is not None and self.relative_change is not None:
            return baseline * (1.0 + self.relative_change)
        if baseline is not None and self.absolute_change is not None:
            return baseline + self.absolute_change
        return float(self.value)

    @property
    def years(self) -> int:
        return self.target_year - self.baseline_year

    @property
    def favourable_limit(self) -> float:
        return self.upper_limit if self.direction > 0 else self.lower_limit


def is_percent_unit(unit: str | None) -> bool:
    """Shares and rates: the unit code `pct` (and `%` as written).

    >>> is_percent_unit("pct"), is_percent_unit("%"), is_percent_unit("ty_dong")
    (True, True, False)
    """
    if unit is None:
        return False
    cleaned = unit.strip().lower()
    return cleaned in {"pct", "%", "phần trăm", "percent"}


def resolve_goal(
    indicator: Indicator,
    target: IndicatorTarget,
    baseline: Baseline | None = None,
) -> Goal:
    """Turn a catalogue target into a `Goal`; `baseline` defaults to the indicator's own."""
    base = baseline if baseline is not None else _default_baseline(indicator, target)
    value = target.value
    direction = _direction(indicator.direction, value, base)
    y0 = base.value if base is not None else None
    goal_value, midpoint, note = _goal_value(indicator.code, value, direction, target, y0)
    relative, absolute = _change(value, direction, target)
    unit = indicator.unit or value.unit
    bounded = is_percent_unit(unit) and target.aggregation not in (
        Aggregation.AVG_GROWTH,
        Aggregation.CUMULATIVE,
    )
    low_lim, high_lim = _limits(bounded, y0, goal_value)
    ach_low, ach_high = _achieved_interval(indicator.direction, value, direction, goal_value)
    return Goal(
        indicator=indicator.code,
        value=goal_value,
        direction=direction,
        aggregation=target.aggregation,
        scale=Scale.BOUNDED if bounded else Scale.MULTIPLICATIVE,
        baseline_year=base.year if base is not None else target.period_start - 1,
        target_year=target.period_end,
        baseline_value=y0,
        achieved_low=ach_low,
        achieved_high=ach_high,
        lower_limit=low_lim,
        upper_limit=high_lim,
        midpoint=midpoint,
        relative_change=relative,
        absolute_change=absolute,
        note=note,
    )


def _default_baseline(indicator: Indicator, target: IndicatorTarget) -> Baseline | None:
    """The plan's own baseline of the latest year before the period starts."""
    own = [b for b in indicator.baselines if b.locality is None and b.year < target.period_start]
    return max(own, key=lambda b: b.year) if own else None


def _direction(direction: Direction, value: Target, base: Baseline | None) -> int:
    if direction is Direction.LOWER:
        return -1
    if direction is Direction.HIGHER:
        return 1
    # A band: move towards the band from the side the baseline is on.
    if base is not None and value.high is not None and base.value > value.high:
        return -1
    return 1


def _goal_value(
    code: str,
    value: Target,
    direction: int,
    target: IndicatorTarget,
    y0: Decimal | None,
) -> tuple[Decimal, Decimal | None, str]:
    kind = value.kind
    if kind in (TargetKind.RANK, TargetKind.TEXT):
        why = (
            "chỉ tiêu xếp hạng so với các tỉnh khác, không có lộ trình giá trị riêng"
            if kind is TargetKind.RANK
            else "chỉ tiêu định tính, cần người đánh giá"
        )
        raise NoGoalError(code, f"Không lập lộ trình: {why}.")
    if kind is TargetKind.RATIO or target.aggregation is Aggregation.CHANGE:
        return _change_value(code, value, direction, y0)
    if kind in (TargetKind.POINT, TargetKind.APPROX):
        return _require(code, value.low if value.low is not None else value.high), None, ""
    if kind is TargetKind.MIN:
        low = _require(code, value.low)
        note = (
            ""
            if value.low_inclusive
            else f"Mục tiêu là trên {_vi(low)}: lộ trình lấy mức {_vi(low)} làm đích."
        )
        return low, None, note
    if kind is TargetKind.MAX:
        high = _require(code, value.high)
        note = (
            ""
            if value.high_inclusive
            else f"Mục tiêu là dưới {_vi(high)}: lộ trình lấy mức {_vi(high)} làm đích."
        )
        return high, None, note
    low, high = _require(code, value.low), _require(code, value.high)
    midpoint = (low + high) / 2
    # The bound on the unfavourable side is the least that must be reached.
    if direction > 0:
        return low, midpoint, f"Lộ trình hướng tới mức thấp nhất của khoảng mục tiêu ({_vi(low)})."
    return high, midpoint, f"Lộ trình hướng tới mức cao nhất của khoảng mục tiêu ({_vi(high)})."


def _change_value(
    code: str, value: Target, direction: int, y0: Decimal | None
) -> tuple[Decimal, Decimal | None, str]:
    if y0 is None:
        raise NoGoalError(code, "Chỉ tiêu thay đổi so với năm gốc nhưng chưa có số liệu năm gốc.")
    change = _require(code, value.low if value.low is not None else value.high)
    if value.kind is TargetKind.RATIO:
        return y0 * (1 + direction * abs(change)), None, "Mục tiêu tính từ năm gốc theo tỷ lệ."
    return y0 + direction * abs(change), None, "Mục tiêu tính từ năm gốc theo mức thay đổi."


def _change(
    value: Target, direction: int, target: IndicatorTarget
) -> tuple[float | None, float | None]:
    if value.kind is not TargetKind.RATIO and target.aggregation is not Aggregation.CHANGE:
        return None, None
    number = value.low if value.low is not None else value.high
    if number is None:
        return None, None
    signed = direction * abs(float(number))
    return (signed, None) if value.kind is TargetKind.RATIO else (None, signed)


def _vi(number: Decimal) -> str:
    return format_number(plain(number))


def _require(code: str, number: Decimal | None) -> Decimal:
    if number is None:
        raise NoGoalError(code, "Mục tiêu thiếu giá trị số.")
    return number


def _limits(bounded: bool, y0: Decimal | None, goal: Decimal) -> tuple[float, float]:
    if bounded:
        return 0.0, PERCENT_UPPER
    if goal >= 0 and (y0 is None or y0 >= 0):
        return 0.0, math.inf  # money and counts do not go below zero
    return -math.inf, math.inf


def _achieved_interval(
    direction: Direction, value: Target, sign: int, goal: Decimal
) -> tuple[float, float]:
    if direction is Direction.BAND and value.low is not None and value.high is not None:
        return float(value.low), float(value.high)
    return (float(goal), math.inf) if sign > 0 else (-math.inf, float(goal))
