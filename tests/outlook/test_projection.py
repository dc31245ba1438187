"""Projection to the target year: compound continuation, weighted regression, clipping."""

from __future__ import annotations

import pytest

from chitieu.catalog.model import Aggregation
from chitieu.outlook.projection import fit_line, points, project_flow, project_level
from chitieu.outlook.settings import Measure

from ._helpers import goal


def test_points_keep_the_plan_period_and_prefer_the_series_own_baseline() -> None:
    pts = points(goal(200, baseline=100), [2024, 2025, 2027, 2026, 2031], [1, 90, 3, 2, 9])
    assert pts.baseline == 90.0  # the series' own 2025 value beats the goal's 100
    assert (pts.years, pts.values) == ((2026, 2027), (2.0, 3.0))


def test_two_points_continue_compound_growth_from_the_baseline() -> None:
    """100 → 110 in one year; 2030: 100 × 1,1^5 = 161,051."""
    g = goal(200, baseline=100)
    proj = project_level(g, points(g, [2026], [110]))
    assert proj is not None and proj.measure is Measure.LOG
    assert proj.projected == pytest.approx(161.051)


def test_two_points_of_a_share_continue_linearly() -> None:
    """40 → 42: +2 points a year; 2030: 50."""
    g = goal(50, baseline=40, percent=True)
    proj = project_level(g, points(g, [2026], [42]))
    assert proj is not None and proj.projected == pytest.approx(50.0)


def test_share_projection_is_clipped_at_100() -> None:
    """99 → 99,5 in a year, target 100 (the limit: linear): 99 + 0,5 × 5 = 101,5 → 100."""
    g = goal(100, baseline=99, percent=True)
    proj = project_level(g, points(g, [2026], [99.5]))
    assert proj is not None and proj.measure is Measure.LINEAR
    assert proj.projected == 100.0


def test_poverty_projection_is_clipped_at_zero() -> None:
    """2 → 1,5 in a year, target 0: 2 − 0,5 × 5 = −0,5 → 0."""
    g = goal(0, baseline=2, direction=-1, percent=True)
    proj = project_level(g, points(g, [2026], [1.5]))
    assert proj is not None and proj.projected == 0.0


def test_weighted_line_by_hand() -> None:
    """x = 0, 1, 2; z = 0, 2, 1; decay 0,5 → weights 0,25; 0,5; 1 (Σw = 1,75).

    mean x = 2,5/1,75 = 1,428571; mean z = 2/1,75 = 1,142857; Sxx = 0,928571;
    Sxz = 0,142857; slope = 2/13; z(5) = 22/13; weighted RSS = 9/13 (1 d.f.).
    Half-width at x = 5 (80 %): t(0,9; 1) = 3,077684 × √(9/13 × (1 + 1/1,75 +
    3,571429²/0,928571)) = 3,077684 × √10,597633 = 10,019.
    """
    line = fit_line([0.0, 1.0, 2.0], [0.0, 2.0, 1.0], decay=0.5)
    assert line.slope == pytest.approx(2 / 13)
    assert line.at(5.0) == pytest.approx(22 / 13)
    assert line.sigma2 == pytest.approx(9 / 13)
    assert line.half_width(5.0, 0.80) == pytest.approx(10.019, abs=1e-3)


def test_points_on_an_exact_line_give_an_exact_projection_and_a_zero_width_interval() -> None:
    """40, 42, 44 (2025-2027), a share: 2030 = 50 ± 0."""
    g = goal(60, baseline=40, percent=True)
    proj = project_level(g, points(g, [2026, 2027], [42, 44]))
    assert proj is not None
    assert (proj.projected, proj.low, proj.high) == pytest.approx((50.0, 50.0, 50.0))


def test_exact_compound_growth_is_fitted_in_logs() -> None:
    """100, 110, 121: 10 %/year exactly; 2030 = 161,051 and the interval collapses."""
    g = goal(200, baseline=100)
    proj = project_level(g, points(g, [2026, 2027], [110, 121]))
    assert proj is not None
    assert (proj.projected, proj.low, proj.high) == pytest.approx((161.051, 161.051, 161.051))


def test_a_noisy_series_has_an_interval_around_the_projection() -> None:
    g = goal(200, baseline=100)
    proj = project_level(g, points(g, [2026, 2027, 2028], [112, 115, 131]))
    assert proj is not None
    assert proj.low < proj.projected < proj.high


def test_latest_value_at_the_target_year_is_the_projection() -> None:
    g = goal(200, baseline=100)
    proj = project_level(g, points(g, [2028, 2030], [150, 190]))
    assert proj is not None and proj.projected == 190.0


def test_fewer_than_two_points_cannot_be_projected() -> None:
    g = goal(200, baseline=100)
    assert project_level(g, points(g, [], [])) is None
    assert project_level(goal(200), points(goal(200), [2026], [110])) is None


def test_average_growth_with_two_years_continues_the_observed_average() -> None:
    """8 % and 9 %: compound average √(1,08 × 1,09) − 1 = 8,4989 %; projected the same."""
    g = goal(10, aggregation=Aggregation.AVG_GROWTH)
    proj = project_flow(g, points(g, [2026, 2027], [8, 9]))
    assert proj is not None
    assert proj.actual == pytest.approx(8.4989, abs=1e-4)
    assert proj.projected == pytest.approx(proj.actual)


def test_cumulative_projection_adds_the_trend_of_the_yearly_amounts() -> None:
    """200, 210, 220 (+10 a year exactly): 2029 = 230, 2030 = 240; total 630 + 470 = 1.100."""
    g = goal(1100, aggregation=Aggregation.CUMULATIVE)
    proj = project_flow(g, points(g, [2026, 2027, 2028], [200, 210, 220]))
    assert proj is not None and proj.trend
    assert (proj.actual, proj.projected) == pytest.approx((630.0, 1100.0))
