"""Which value of a target expression a path aims at."""

from __future__ import annotations

from decimal import Decimal

import pytest

from chitieu.catalog.model import (
    Aggregation,
    Baseline,
    Direction,
    Indicator,
    IndicatorTarget,
    Source,
)
from chitieu.outlook.goal import NoGoalError, Scale, is_percent_unit, resolve_goal
from chitieu.quantity.target import Target, TargetKind

SRC = Source(document="test")


def _indicator(
    target: Target,
    direction: Direction = Direction.HIGHER,
    unit: str | None = "pct",
    aggregation: Aggregation = Aggregation.LEVEL,
    baseline: str | None = "40",
) -> tuple[Indicator, IndicatorTarget]:
    it = IndicatorTarget(target, 2026, 2030, aggregation, SRC)
    bases = () if baseline is None else (Baseline(2025, Decimal(baseline), unit, SRC),)
    ind = Indicator("x.y", "Chỉ tiêu", "g", None, unit, direction, (it,), bases)
    return ind, it


def test_point_target_is_its_value_and_baseline_comes_from_the_indicator() -> None:
    ind, it = _indicator(Target("50 %", TargetKind.POINT, Decimal(50), Decimal(50)))
    g = resolve_goal(ind, it)
    assert (g.value, g.baseline_value, g.baseline_year, g.scale) == (
        Decimal(50),
        Decimal(40),
        2025,
        Scale.BOUNDED,
    )
    assert (g.lower_limit, g.upper_limit) == (0.0, 100.0)


def test_range_aims_at_the_unfavourable_bound_and_reports_the_midpoint() -> None:
    """10-11 %/năm, higher is better: 10 must be reached; the midpoint 10,5 is reported."""
    ind, it = _indicator(Target("10-11%", TargetKind.RANGE, Decimal(10), Decimal(11)))
    g = resolve_goal(ind, it)
    assert (g.value, g.midpoint) == (Decimal(10), Decimal("10.5"))
    assert g.note == "Lộ trình hướng tới mức thấp nhất của khoảng mục tiêu (10)."
    assert "cận" not in g.note


def test_range_lower_is_better_aims_at_the_high_bound() -> None:
    ind, it = _indicator(
        Target("1-2%", TargetKind.RANGE, Decimal(1), Decimal(2)), direction=Direction.LOWER
    )
    assert resolve_goal(ind, it).value == Decimal(2)


def test_exclusive_min_still_aims_at_the_bound_and_says_so() -> None:
    """'Trên 15 bác sỹ': the path aims at 15 itself."""
    ind, it = _indicator(
        Target("Trên 15", TargetKind.MIN, Decimal(15), None, low_inclusive=False), unit=None
    )
    g = resolve_goal(ind, it)
    assert g.value == Decimal(15)
    assert g.note == "Mục tiêu là trên 15: lộ trình lấy mức 15 làm đích."


def test_max_aims_at_high_for_lower_is_better() -> None:
    ind, it = _indicator(
        Target("Dưới 0,5%", TargetKind.MAX, None, Decimal("0.5")), direction=Direction.LOWER
    )
    g = resolve_goal(ind, it)
    assert (g.value, g.direction, g.achieved_high) == (Decimal("0.5"), -1, 0.5)


def test_ratio_reduction_is_baseline_times_one_minus_ratio() -> None:
    """Cut poor households by 1/3 from 3 %: 3 × (1 − 1/3) = 2."""
    third = Decimal(1) / Decimal(3)
    ind, it = _indicator(
        Target("1/3", TargetKind.RATIO, third, third, ratio=(1, 3)),
        direction=Direction.LOWER,
        baseline="3",
    )
    g = resolve_goal(ind, it)
    assert g.value == pytest.approx(Decimal(2), abs=Decimal("1e-20"))
    assert g.value_for(6.0) == pytest.approx(4.0)  # a commune's own baseline


def test_ratio_without_baseline_has_no_goal() -> None:
    ind, it = _indicator(
        Target("1/3", TargetKind.RATIO, Decimal("0.3"), Decimal("0.3"), ratio=(1, 3)),
        baseline=None,
    )
    with pytest.raises(NoGoalError, match="năm gốc"):
        resolve_goal(ind, it)


@pytest.mark.parametrize(
    ("kind", "why"),
    [(TargetKind.RANK, "xếp hạng"), (TargetKind.TEXT, "định tính")],
)
def test_rank_and_text_targets_have_no_path(kind: TargetKind, why: str) -> None:
    ind, it = _indicator(Target("Nhóm 10 tỉnh dẫn đầu", kind, None, Decimal(10)))
    with pytest.raises(NoGoalError, match=why):
        resolve_goal(ind, it)


def test_growth_and_cumulative_targets_in_percent_are_not_bounded() -> None:
    ind, it = _indicator(
        Target("10%", TargetKind.POINT, Decimal(10), Decimal(10)),
        aggregation=Aggregation.AVG_GROWTH,
    )
    assert resolve_goal(ind, it).scale is Scale.MULTIPLICATIVE


def test_band_direction_points_towards_the_band_from_the_baseline() -> None:
    ind, it = _indicator(
        Target("8-10%", TargetKind.RANGE, Decimal(8), Decimal(10)),
        direction=Direction.BAND,
        baseline="12",
    )
    g = resolve_goal(ind, it)
    assert (g.direction, g.value, g.achieved_low, g.achieved_high) == (-1, Decimal(10), 8.0, 10.0)


def test_percent_unit_codes() -> None:
    assert is_percent_unit("pct") and is_percent_unit("%") and not is_percent_unit("ty_dong")
