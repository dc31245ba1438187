"""Required paths: one milestone per year from the baseline to the target."""

from __future__ import annotations

from decimal import Decimal

import pytest

from chitieu.catalog.model import Aggregation
from chitieu.outlook.paths import required_path

from ._helpers import goal


def test_money_level_grows_compound() -> None:
    """100 → 200 over 2025-2030: 100 × 2^(k/5); 2026 = 114,869835, 2028 = 151,571657."""
    path = required_path(goal(200, baseline=100))
    assert path.shape == "compound"
    assert [m.year for m in path.milestones] == [2026, 2027, 2028, 2029, 2030]
    assert path.milestones[0].value == Decimal("114.869835")
    assert path.milestones[2].value == Decimal("151.571657")
    assert path.milestones[-1].value == Decimal(200)


def test_share_far_from_its_limits_is_a_straight_line() -> None:
    """40 % → 50 %: +2 points a year."""
    path = required_path(goal(50, baseline=40, percent=True))
    assert path.shape == "linear"
    assert [m.value for m in path.milestones] == [Decimal(v) for v in (42, 44, 46, 48, 50)]


def test_share_near_100_shrinks_the_distance_to_100_by_a_constant_factor() -> None:
    """95 % → 99 %: the gap 5 → 1 shrinks by (1/5)^(1/5) = 0,724780 a year; 2026 = 100 − 3,623898."""
    path = required_path(goal(99, baseline=95, percent=True))
    assert path.shape == "gap"
    assert path.milestones[0].value == Decimal("96.376102")
    assert path.milestones[-1].value == Decimal(99)


def test_poverty_to_zero_is_linear_not_a_huge_compound_rate() -> None:
    """2 % → 0 %: the limit itself; no 0,001 substitution, −0,4 points a year."""
    path = required_path(goal(0, baseline=2, direction=-1, percent=True))
    assert path.shape == "linear"
    assert [m.value for m in path.milestones] == [
        Decimal(v) for v in ("1.6", "1.2", "0.8", "0.4", "0")
    ]


def test_zero_baseline_count_is_linear() -> None:
    """0 → 50 (a count): compound growth from zero is undefined; 10 a year."""
    path = required_path(goal(50, baseline=0))
    assert path.shape == "linear"
    assert path.milestones[0].value == Decimal(10)


def test_negative_baseline_is_linear() -> None:
    """−50 → 100: sign change, CAGR undefined; +30 a year."""
    path = required_path(goal(100, baseline=-50))
    assert path.shape == "linear"
    assert [m.value for m in path.milestones][:2] == [Decimal(-20), Decimal(10)]


def test_baseline_equal_to_target_is_flat() -> None:
    assert {m.value for m in required_path(goal(50, baseline=50)).milestones} == {Decimal(50)}


def test_cumulative_total_is_spread_evenly_with_running_total() -> None:
    """1.100.000 over 5 years: 220.000 a year; 660.000 by 2028."""
    path = required_path(goal(1_100_000, aggregation=Aggregation.CUMULATIVE))
    assert path.shape == "even_share"
    assert path.milestones[2].value == Decimal(220_000)
    assert path.milestones[2].cumulative == Decimal(660_000)


@pytest.mark.parametrize(
    "aggregation", [Aggregation.AVG_GROWTH, Aggregation.EVERY_YEAR, Aggregation.AVG_LEVEL]
)
def test_rate_targets_ask_for_the_rate_every_year(aggregation: Aggregation) -> None:
    path = required_path(goal(10, aggregation=aggregation))
    assert path.shape == "flat"
    assert [m.value for m in path.milestones] == [Decimal(10)] * 5


def test_no_baseline_no_level_path() -> None:
    path = required_path(goal(200))
    assert path.milestones == ()
    assert "năm gốc" in path.note


def test_replanning_from_a_later_year_and_value() -> None:
    """From 130 in 2027 to 200 in 2030, compound: (200/130)^(1/3) = exp(0,430783/3) = 1,154416."""
    path = required_path(goal(200, baseline=100), start_year=2027, start_value=Decimal(130))
    assert [m.year for m in path.milestones] == [2028, 2029, 2030]
    assert path.milestones[0].value == Decimal("150.074038")  # 130 × 1,154416


def test_a_baseline_already_past_the_target_asks_only_to_keep_the_target() -> None:
    """Budget revenue: 100.299 in 2025 against 65.000 by 2030 (higher is better). A path
    falling from 100.299 to 65.000 would ask for decline; each year must keep 65.000."""
    path = required_path(goal(65000, baseline=100299))
    assert path.shape == "already_met"
    assert [m.value for m in path.milestones] == [Decimal(65000)] * 5
    assert "đã đạt mục tiêu (100.299 so với 65.000)" in path.note


def test_a_lower_is_better_baseline_already_below_the_target_keeps_the_target() -> None:
    """Unemployment 1,3% in 2025 against "below 1,5%": keep at most 1,5% each year."""
    path = required_path(goal(1.5, baseline=1.3, direction=-1, percent=True))
    assert path.shape == "already_met"
    assert {m.value for m in path.milestones} == {Decimal("1.5")}
