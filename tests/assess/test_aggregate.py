"""From figures to the achieved value of a period (docs/assessment.md §Aggregations)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from chitieu.assess import aggregate as agg
from chitieu.assess.errors import AssessmentError
from chitieu.catalog.model import Baseline, Figure, FigureStatus, Source
from chitieu.catalog.period import Period

from .builders import fig, figs

D = Decimal
S = FigureStatus


def test_official_figure_wins_over_an_estimate_of_the_same_year() -> None:
    chosen = agg.yearly_figures([fig(2025, "9", S.OFFICIAL), fig(2025, "10", S.ESTIMATE)])
    assert chosen[2025].value == D(9)


def test_later_figure_of_the_same_status_wins() -> None:
    chosen = agg.yearly_figures([fig(2025, "9", S.ESTIMATE), fig(2025, "9.5", S.ESTIMATE)])
    assert chosen[2025].value == D("9.5")


def test_plan_figure_is_rejected() -> None:
    with pytest.raises(AssessmentError, match="kế hoạch"):
        agg.yearly_figures([fig(2025, "9", S.PLAN)])


def test_figures_of_two_indicators_are_rejected() -> None:
    with pytest.raises(AssessmentError, match="lẫn chỉ tiêu"):
        agg.yearly_figures([fig(2024, "1"), fig(2025, "2", indicator="kt.other")])


def test_sub_year_figures_are_left_out() -> None:
    quarter = Figure("kt.test", "hung_yen", Period.parse("2025-Q2"), D(3), S.OFFICIAL)
    assert agg.yearly_figures([quarter]) == {}


def test_level_uses_the_end_year() -> None:
    by_year = agg.yearly_figures(figs({2024: "90", 2025: "92"}))
    assert agg.level(by_year, 2021, 2025, closed=True).value == D(92)


def test_level_without_end_year_has_no_value_and_names_the_latest() -> None:
    by_year = agg.yearly_figures(figs({2024: "90"}))
    found = agg.level(by_year, 2021, 2025, closed=True)
    assert (found.value, found.note) == (
        None,
        "chưa có số liệu năm 2025 (số gần nhất: năm 2024 là 90)",
    )


def test_level_in_an_open_period_uses_the_latest_year() -> None:
    by_year = agg.yearly_figures(figs({2022: "88", 2023: "90"}))
    assert agg.level(by_year, 2021, 2025, closed=False).years_used == (2023,)


def test_avg_growth_compounds_the_yearly_rates() -> None:
    """(1,10 × 1,05)^(1/2) − 1 = 7,47%, not the arithmetic mean 7,5%."""
    by_year = agg.yearly_figures(figs({2021: "10", 2022: "5"}))
    assert agg.avg_growth(by_year, {}, 2021, 2022).value == D("7.47")


def test_avg_growth_handles_a_negative_year() -> None:
    """(1,10 × 0,95)^(1/2) − 1 = 2,23%."""
    by_year = agg.yearly_figures(figs({2021: "10", 2022: "-5"}))
    assert agg.avg_growth(by_year, {}, 2021, 2022).value == D("2.23")


def test_avg_growth_of_minus_100_percent_is_refused() -> None:
    by_year = agg.yearly_figures(figs({2021: "-100", 2022: "5"}))
    with pytest.raises(AssessmentError, match="-100%"):
        agg.avg_growth(by_year, {}, 2021, 2022)


def test_avg_growth_from_levels_when_rates_are_missing() -> None:
    """(121/100)^(1/2) − 1 = 10%."""
    levels = agg.yearly_figures(figs({2020: "100", 2022: "121"}))
    found = agg.avg_growth({}, levels, 2021, 2022)
    assert (found.value, found.years_used) == (D("10.00"), (2020, 2022))


def test_avg_growth_from_levels_uses_the_baseline_for_the_base_year() -> None:
    levels = agg.yearly_figures(figs({2022: "121"}))
    baseline = Baseline(2020, D(100), None, Source("test.txt"))
    assert agg.avg_growth({}, levels, 2021, 2022, baseline=baseline).value == D("10.00")


def test_avg_growth_with_a_missing_year_uses_the_years_there_are() -> None:
    by_year = agg.yearly_figures(figs({2021: "10", 2023: "10"}))
    found = agg.avg_growth(by_year, {}, 2021, 2023)
    assert (found.value, found.missing_years) == (D("10.00"), (2022,))


def test_avg_level_is_the_mean_of_the_years() -> None:
    by_year = agg.yearly_figures(figs({2021: "90", 2022: "91", 2023: "95"}))
    assert agg.avg_level(by_year, 2021, 2023).value == D("92.00")


def test_cumulative_sums_the_years() -> None:
    by_year = agg.yearly_figures(figs({2021: "1600", 2022: "1700"}))
    found = agg.cumulative(by_year, 2021, 2022)
    assert (found.value, found.working) == (D(3300), "Tổng 2021-2022 = 1.600 + 1.700")


def test_cumulative_names_the_missing_year() -> None:
    by_year = agg.yearly_figures(figs({2021: "1", 2023: "1"}))
    assert agg.cumulative(by_year, 2021, 2023).missing_years == (2022,)


def test_change_is_end_level_minus_baseline_figure() -> None:
    by_year = agg.yearly_figures(figs({2020: "40", 2025: "47"}))
    found = agg.change(by_year, 2021, 2025, closed=True, baseline=None, relative_reduction=False)
    assert found.value == D(7)


def test_change_as_reduction_ratio_of_the_baseline() -> None:
    by_year = agg.yearly_figures(figs({2025: "47"}))
    baseline = Baseline(2020, D(77), "ho", Source("test.txt"))
    found = agg.change(by_year, 2021, 2025, closed=True, baseline=baseline, relative_reduction=True)
    assert found.value == D(30) / D(77)


def test_change_without_baseline_has_no_value() -> None:
    by_year = agg.yearly_figures(figs({2025: "47"}))
    found = agg.change(by_year, 2021, 2025, closed=True, baseline=None, relative_reduction=False)
    assert (found.value, found.note) == (None, "chưa có số liệu gốc năm 2020 để so sánh")


@pytest.mark.parametrize(
    ("start", "end", "words"), [(2026, 2026, "năm 2026"), (2026, 2030, "2026-2030")]
)
def test_avg_growth_without_figures_names_the_years_as_officials_write_them(
    start: int, end: int, words: str
) -> None:
    found = agg.avg_growth({}, {}, start, end)
    assert found.value is None
    assert found.note == f"chưa có số liệu tăng trưởng {words}"


@pytest.mark.parametrize("combine", [agg.avg_level, agg.cumulative])
def test_a_one_year_period_without_figures_says_which_year(
    combine: Callable[[dict[int, Figure], int, int], agg.Aggregate],
) -> None:
    found = combine({}, 2026, 2026)
    assert found.note == "chưa có số liệu năm 2026"
