"""Periods told apart, on the real resolution's targets and the place's published January."""

from __future__ import annotations

from decimal import Decimal

import pytest

from chitieu.assess import assess_target
from chitieu.assess.periods import averaged_span, is_yearly_flow, part_year, share_text
from chitieu.catalog.model import (
    Aggregation,
    Catalogue,
    Figure,
    FigureStatus,
    Indicator,
    IndicatorTarget,
)
from chitieu.catalog.period import Period
from chitieu.ingest.published import read_mapping, read_published
from tests.profiles import seed_profile, seed_resolution

BUDGET = "kt.thu_ngan_sach.tong"  # "Khoảng 65.000 tỷ đồng" by 2030, a level
GROWTH = "kt.grdp.tang_truong"  # 10-11%/năm on average over 2026-2030
DOCTORS = "xh.y_te.bac_sy"  # a density: a stock


@pytest.fixture(scope="module")
def resolution() -> Catalogue:
    return seed_resolution()


@pytest.fixture(scope="module")
def january() -> dict[str, Figure]:
    """The place's published figures of January 2026 (data/hung-yen/published), by code."""
    spec = seed_profile().documents.published
    assert spec is not None
    published = read_published(spec.files, read_mapping(spec.mapping))
    return {
        m.figure.indicator: m.figure
        for m in published.figures
        if str(m.figure.period) == "2026-01" and m.figure.locality == "hung_yen"
    }


def _indicator(catalogue: Catalogue, code: str) -> Indicator:
    return next(i for i in catalogue.indicators if i.code == code)


def _figure(code: str, period: str, value: str) -> Figure:
    return Figure(code, "hung_yen", Period.parse(period), Decimal(value), FigureStatus.ESTIMATE)


def test_the_published_january_budget_is_the_year_so_far_with_both_shares(
    resolution: Catalogue, january: dict[str, Figure]
) -> None:
    budget = _indicator(resolution, BUDGET)
    found = part_year(january[BUDGET], budget.unit, budget.targets[0])
    assert found is not None
    assert found.label == "lũy kế tháng 1/2026" and found.year_to_date
    assert found.annual_target == Decimal(65000)
    assert share_text(found.target_share or Decimal(0)) == "9,1%"
    assert share_text(found.elapsed_share or Decimal(0)) == "8,3%"
    assert found.shares_text == (
        "đạt 9,1% mục tiêu năm (65.000 tỷ đồng), đã qua 8,3% thời gian của năm"
    )


def test_a_january_figure_is_never_the_years_result(
    resolution: Catalogue, january: dict[str, Figure]
) -> None:
    budget = _indicator(resolution, BUDGET)
    result = assess_target(budget.targets[0], budget.direction, [january[BUDGET]], as_of=2026)
    assert result.achieved_value is None and result.status.value == "chua_co_so_lieu"


def test_a_rate_read_in_january_is_a_month_not_a_share(
    resolution: Catalogue,
) -> None:
    """A density (doctors per 10,000) in January is where it stood then: no 'lũy kế'."""
    doctors = _indicator(resolution, DOCTORS)
    found = part_year(_figure(DOCTORS, "2026-01", "12"), doctors.unit, doctors.targets[0])
    assert found is not None
    assert found.label == "tháng 1/2026" and not found.year_to_date
    assert found.target_share is None and found.shares_text == ""


@pytest.mark.parametrize(
    ("period", "label", "months", "shared"),
    [
        ("2026-5M", "lũy kế 5 tháng năm 2026", 5, True),
        ("2026-Q1", "lũy kế quý 1/2026", 3, True),
        ("2026-H1", "lũy kế 6 tháng đầu năm 2026", 6, True),
        ("2026-05", "tháng 5/2026", 5, False),  # one month of a flow, not the year so far
        ("2026-Q2", "quý 2/2026", 6, False),
    ],
)
def test_a_flows_period_is_the_year_so_far_only_when_it_starts_in_january(
    resolution: Catalogue, period: str, label: str, months: int, shared: bool
) -> None:
    budget = _indicator(resolution, BUDGET)
    found = part_year(_figure(BUDGET, period, "30000"), budget.unit, budget.targets[0])
    assert found is not None
    assert (found.label, found.months, found.target_share is not None) == (label, months, shared)


def test_a_figure_before_the_period_has_no_share_of_its_target(resolution: Catalogue) -> None:
    budget = _indicator(resolution, BUDGET)
    found = part_year(_figure(BUDGET, "2025-9M", "71062"), budget.unit, budget.targets[0])
    assert found is not None and found.label == "lũy kế 9 tháng năm 2025"
    assert found.target_share is None


def test_a_period_total_is_shared_evenly_over_its_years(resolution: Catalogue) -> None:
    """Investment 2026-2030 in total: a year's share is of a fifth of the total."""
    investment = _indicator(resolution, "kt.von_dau_tu.tong")
    target = investment.targets[0]
    assert target.aggregation is Aggregation.CUMULATIVE
    found = part_year(_figure(investment.code, "2026-6M", "100000"), investment.unit, target)
    assert found is not None and found.annual_target is not None
    periods = target.period_end - target.period_start + 1
    assert found.annual_target * periods == target.value.low


def test_a_yearly_figure_is_not_part_of_a_year(resolution: Catalogue) -> None:
    budget = _indicator(resolution, BUDGET)
    assert part_year(_figure(BUDGET, "2026", "70000"), budget.unit, budget.targets[0]) is None


def test_flows_are_money_or_units_per_year_and_never_averages() -> None:
    assert is_yearly_flow("ty_dong", Aggregation.LEVEL)
    assert is_yearly_flow("dang_vien_per_year", Aggregation.EVERY_YEAR)
    assert not is_yearly_flow("pct_per_year", Aggregation.LEVEL)
    assert not is_yearly_flow("ty_dong", Aggregation.AVG_GROWTH)
    assert not is_yearly_flow("xa", Aggregation.LEVEL)
    assert not is_yearly_flow(None, Aggregation.LEVEL)


def test_an_average_target_names_the_years_it_averaged(resolution: Catalogue) -> None:
    """GRDP growth 10-11%/năm on average 2026-2030, with 2026 only: 'bình quân 2026–2026'."""
    growth = _indicator(resolution, GROWTH)
    target = growth.targets[0]
    assert target.aggregation is Aggregation.AVG_GROWTH
    result = assess_target(target, growth.direction, [_figure(GROWTH, "2026", "9.5")], as_of=2026)
    assert result.achieved_value == Decimal("9.50")
    assert averaged_span(target, result.years_used) == "bình quân 2026–2026"
    later = assess_target(
        target,
        growth.direction,
        [_figure(GROWTH, "2026", "9.5"), _figure(GROWTH, "2027", "10.5")],
        as_of=2027,
    )
    assert averaged_span(target, later.years_used) == "bình quân 2026–2027"


def test_growth_from_levels_averages_the_years_after_the_base() -> None:
    growth = seed_resolution()
    target = _indicator(growth, GROWTH).targets[0]
    assert averaged_span(target, (2025, 2027)) == "bình quân 2026–2027"


def test_a_level_target_has_no_averaged_span(resolution: Catalogue) -> None:
    target: IndicatorTarget = _indicator(resolution, BUDGET).targets[0]
    assert averaged_span(target, (2026,)) == ""
