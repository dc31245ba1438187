"""On-track rating of one series: the rules, with the arithmetic worked by hand."""

from __future__ import annotations

import pytest

from chitieu.catalog.model import Aggregation
from chitieu.outlook.rating import category, rate
from chitieu.outlook.settings import Measure, OutlookSettings, Rating

from ._helpers import goal

CUMULATIVE, GROWTH = Aggregation.CUMULATIVE, Aggregation.AVG_GROWTH


@pytest.mark.parametrize(
    ("score", "rating"),
    [
        (0.95, Rating.ON_TRACK),
        (0.9499, Rating.NEEDS_ACCELERATION),
        (0.60, Rating.NEEDS_ACCELERATION),
        (0.5999, Rating.LIMITED_PROGRESS),
        (0.0, Rating.LIMITED_PROGRESS),
        (-0.0001, Rating.DETERIORATION),
    ],
)
def test_open_sdg_cut_offs(score: float, rating: Rating) -> None:
    assert category(score) is rating


def test_target_exactly_met_is_achieved() -> None:
    assert rate(goal(200, baseline=100), [2028], [200]).rating is Rating.TARGET_ACHIEVED


def test_compound_ratio_and_reason_in_vietnamese_notation() -> None:
    """100 → 108 in a year against 100 → 200 in five: R = 8 % / 14,8698 % = 0,538.

    From 2026 the remaining four years need (200/108)^(1/4) − 1 = 16,655 %.
    """
    out = rate(goal(200, baseline=100), [2026], [108])
    assert out.measure is Measure.LOG
    assert out.ratio == pytest.approx(8 / 14.869835, rel=1e-6)
    assert out.rating is Rating.LIMITED_PROGRESS
    assert out.reason == (
        "Tốc độ tăng thực tế 8,0%/năm, mới bằng 54% tốc độ cần thiết (14,9%/năm). "
        "Để đạt mục tiêu, các năm còn lại cần tăng bình quân 16,7%/năm."
    )
    assert "^" not in out.reason and "lần" not in out.reason
    assert "Tỷ lệ tiến độ R = 8,0 / 14,9 = 0,54" in out.working
    assert out.working[-1] == "Các năm còn lại (4 năm) cần: (200 / 108)^(1/4) − 1 = 16,7%/năm"


@pytest.mark.parametrize(
    ("latest", "rating"), [(51, Rating.TARGET_ACHIEVED), (49, Rating.DETERIORATION)]
)
def test_baseline_equal_to_target_is_achieved_or_deterioration(
    latest: float, rating: Rating
) -> None:
    """50 → 50: no growth is required, so no ratio (no division by zero)."""
    out = rate(goal(50, baseline=50), [2026], [latest])
    assert (out.rating, out.ratio) == (rating, None)


def test_baseline_beyond_target_then_falling_below_is_deterioration() -> None:
    out = rate(goal(50, baseline=60, percent=True), [2026], [45])
    assert out.rating is Rating.DETERIORATION
    assert "Năm gốc đã đạt mục tiêu" in out.reason


def test_zero_baseline_uses_linear_progress() -> None:
    """Count 0 → 100 by 2030; 30 in 2027: 15 a year against 20 needed, R = 0,75."""
    out = rate(goal(100, baseline=0), [2027], [30])
    assert out.measure is Measure.LINEAR
    assert out.ratio == pytest.approx(0.75)
    assert out.rating is Rating.NEEDS_ACCELERATION


def test_poverty_to_zero_uses_linear_progress_not_the_0_001_substitution() -> None:
    """2 % → 0 %; 1,7 % in 2026: −0,3 points against −0,4 needed, R = 0,75.

    Open SDG would use 0,001: required CAGR (0,001/2)^(1/5) − 1 = −78,2 %, actual −15 %,
    R = 0,19 (limited progress) for a series that is three quarters on pace.
    """
    out = rate(goal(0, baseline=2, direction=-1, percent=True), [2026], [1.7])
    assert out.measure is Measure.LINEAR
    assert out.ratio == pytest.approx(0.75)
    assert out.rating is Rating.NEEDS_ACCELERATION


def test_rate_near_100_uses_the_distance_to_the_limit() -> None:
    """95 % → 99 %: the gap 5 → 1 must shrink 1 − 0,2^(1/5) = 27,522 % a year.

    96 % in 2026: the gap shrank 5 → 4, 20 %; R = 20/27,522 = 0,7267. The four
    remaining years need 1 − (1/4)^(1/4) = 29,289 % a year.
    """
    out = rate(goal(99, baseline=95, percent=True), [2026], [96])
    assert out.measure is Measure.GAP
    assert out.ratio == pytest.approx(20 / 27.5220, rel=1e-4)
    assert out.required_remaining == pytest.approx(29.2893, rel=1e-4)
    assert out.rating is Rating.NEEDS_ACCELERATION


def test_rate_at_99_is_not_projected_past_100() -> None:
    """99 → 100 (the limit: linear): 99,5 in 2026 is +0,5 against +0,2 needed; R = 2,5."""
    out = rate(goal(100, baseline=99, percent=True), [2026], [99.5])
    assert out.ratio == pytest.approx(2.5)
    assert out.projected == 100.0
    assert out.rating is Rating.ON_TRACK


def test_negative_growth_is_deterioration() -> None:
    """100 → 150 needs 1,5^(1/5) − 1 = 8,447 %/year; 95 in 2026 is −5 %: R = −0,592."""
    out = rate(goal(150, baseline=100), [2026], [95])
    assert out.ratio == pytest.approx(-5 / 8.4472, rel=1e-4)
    assert out.rating is Rating.DETERIORATION


def test_sign_change_uses_linear_measures() -> None:
    """−50 → 100 (a balance): CAGR undefined; −20 in 2026 is +30 against +30 needed, R = 1."""
    out = rate(goal(100, baseline=-50), [2026], [-20])
    assert out.measure is Measure.LINEAR
    assert out.ratio == pytest.approx(1.0)
    assert out.rating is Rating.ON_TRACK


def test_missing_year_respects_the_spacing() -> None:
    """2026 missing, 121 in 2027: 10 %/year over two years; R = 10/14,8698 = 0,6725."""
    out = rate(goal(200, baseline=100), [2027], [121])
    assert out.ratio == pytest.approx(10 / 14.869835, rel=1e-6)
    assert out.projected == pytest.approx(161.051)
    assert out.rating is Rating.NEEDS_ACCELERATION


def test_fewer_than_two_points_is_insufficient_data() -> None:
    assert rate(goal(200, baseline=100), [], []).rating is Rating.INSUFFICIENT_DATA
    no_baseline = rate(goal(200), [2026], [110])
    assert no_baseline.rating is Rating.INSUFFICIENT_DATA
    assert no_baseline.reason.startswith("Chưa đủ số liệu")


def test_lower_is_better_compound() -> None:
    """200 → 100 needs 0,5^(1/5) − 1 = −12,945 %/year; 180 in 2026 is −10 %: R = 0,7725."""
    out = rate(goal(100, baseline=200, direction=-1), [2026], [180])
    assert out.ratio == pytest.approx(10 / 12.9449, rel=1e-4)
    assert out.rating is Rating.NEEDS_ACCELERATION
    assert (
        rate(goal(100, baseline=200, direction=-1), [2027], [95]).rating is Rating.TARGET_ACHIEVED
    )


def test_anticipated_progress_downgrades_a_slowing_series() -> None:
    """40 % → 50 %, then 48, 47, 46: R = (46 − 40)/3 / 2 = 1,0 (on pace so far).

    Weighted line, decay 0,5 (weights 0,125; 0,25; 0,5; 1 at x = 0..3): mean x = 2,266667,
    mean z = 46,133333, Sxx = 1,616667, Sxz = 0,933333, slope = 0,577320;
    z(5) = 47,711340, so A = 7,711340/10 = 0,7711 and min(R, A) → needs acceleration.
    """
    out = rate(
        goal(50, baseline=40, percent=True),
        [2026, 2027, 2028],
        [48, 47, 46],
        settings=OutlookSettings(decay=0.5),
    )
    assert out.ratio == pytest.approx(1.0)
    assert out.anticipated == pytest.approx(0.771134, rel=1e-5)
    assert out.rating is Rating.NEEDS_ACCELERATION
    assert "theo xu hướng, năm 2030 ước đạt 47,71 so với mục tiêu 50" in out.reason
    assert "Mức xét = min(R, A) = 0,77" in out.working


def test_cumulative_total_pace() -> None:
    """1.100.000 over 2026-2030; 200.000 + 210.000: 205.000 a year against 220.000, R = 0,9318.

    The three remaining years need (1.100.000 − 410.000)/3 = 230.000 a year.
    """
    out = rate(goal(1_100_000, aggregation=CUMULATIVE), [2026, 2027], [200_000, 210_000])
    assert out.ratio == pytest.approx(205 / 220)
    assert out.required_remaining == pytest.approx(230_000)
    assert out.rating is Rating.NEEDS_ACCELERATION
    assert out.reason == (
        "Bình quân mỗi năm đã thực hiện 205.000/năm, mới bằng 93% mức cần mỗi năm "
        "(220.000/năm). Để đạt mục tiêu, các năm còn lại cần thực hiện bình quân 230.000/năm."
    )
    assert "Mức cần mỗi năm: 1.100.000 / 5 năm = 220.000/năm" in out.working
    assert out.working[-1] == (
        "Các năm còn lại (3 năm) cần: (1.100.000 − 410.000) / 3 = 230.000/năm"
    )


def test_cumulative_missing_year_is_filled_with_the_observed_average() -> None:
    """200, (missing), 260: average 230 fills 2027; total 690 after 3 years, R = 230/220."""
    out = rate(goal(1100, aggregation=CUMULATIVE), [2026, 2028], [200, 260])
    assert out.imputed == 1
    assert out.ratio == pytest.approx(230 / 220)
    assert out.required_remaining == pytest.approx(205.0)
    assert out.rating is Rating.ON_TRACK


def test_cumulative_reached_early_is_achieved() -> None:
    out = rate(goal(1100, aggregation=CUMULATIVE), [2026, 2027], [500, 650])
    assert out.rating is Rating.TARGET_ACHIEVED


def test_average_growth_and_the_rate_required_for_the_remaining_years() -> None:
    """Target 10 %/year over 2026-2030; 8 % and 9 %: average √(1,08 × 1,09) − 1 = 8,4989 %.

    R = 0,8499. Remaining: (1,1^5 / 1,1772)^(1/3) − 1 = 1,368085^(1/3) − 1 = 11,012 %.
    """
    out = rate(goal(10, aggregation=GROWTH), [2026, 2027], [8, 9])
    assert out.ratio == pytest.approx(0.84989, rel=1e-4)
    assert out.required_remaining == pytest.approx(11.012, rel=1e-4)
    assert out.rating is Rating.NEEDS_ACCELERATION
    assert "8,5%/năm, mới bằng 85% mục tiêu (10,0%/năm)" in out.reason
    assert "các năm còn lại cần tăng bình quân 11,0%/năm" in out.reason
    assert out.working[-1] == (
        "Các năm còn lại (3 năm) cần: ((1 + 10,0%)^5 / (1 + 8,5%)^2)^(1/3) − 1 = 11,0%/năm"
    )


def test_average_growth_over_the_complete_period_is_achieved() -> None:
    out = rate(goal(10, aggregation=GROWTH), range(2026, 2031), [11, 10, 12, 9.5, 11])
    assert out.rating is Rating.TARGET_ACHIEVED


@pytest.mark.parametrize(
    ("values", "rating"), [([0.8, 0.9], Rating.ON_TRACK), ([1.2, 1.3], Rating.NEEDS_ACCELERATION)]
)
def test_growth_cap_lower_is_better_compares_directly(values: list[float], rating: Rating) -> None:
    """Population growth below 1 %/year: no meaningful ratio; compare the average with the cap."""
    out = rate(goal(1, aggregation=GROWTH, direction=-1), [2026, 2027], values)
    assert (out.rating, out.ratio) == (rating, None)


@pytest.mark.parametrize(
    ("years", "values", "rating"),
    [
        ([2026, 2027], [3.2, 2.9], Rating.DETERIORATION),
        ([2026, 2027], [2.8, 2.9], Rating.NEEDS_ACCELERATION),
        ([2026, 2027], [2.8, 3.0], Rating.ON_TRACK),
        (list(range(2026, 2031)), [3.0, 3.1, 3.2, 3.0, 3.3], Rating.TARGET_ACHIEVED),
        ([2026, 2027, 2029, 2030], [3.0, 3.1, 3.0, 3.3], Rating.ON_TRACK),
    ],
)
def test_every_year_target(years: list[int], values: list[float], rating: Rating) -> None:
    """At least 3 % every year: the latest year decides; achieved only with every year met."""
    g = goal(3, baseline=3.1, aggregation=Aggregation.EVERY_YEAR, percent=True)
    assert rate(g, years, values).rating is rating


def test_reason_of_a_target_achieved_and_its_working() -> None:
    out = rate(goal(200, baseline=100), [2028], [200])
    assert out.reason == "Năm 2028 đạt 200, đã đạt mục tiêu 200."
    assert out.working == ("Số liệu năm 2028: 200", "Mục tiêu năm 2030: 200")


def test_reason_of_a_series_moving_away_from_its_target() -> None:
    out = rate(goal(200, baseline=100), [2026, 2027], [95, 90])
    assert out.rating is Rating.DETERIORATION
    assert out.reason.startswith(
        "Tốc độ tăng thực tế -5,1%/năm, ngược chiều mục tiêu (tốc độ cần thiết 14,9%/năm)"
    )
    assert out.reason.endswith("các năm còn lại cần tăng bình quân 30,5%/năm.")
    assert "Tỷ lệ tiến độ R = -5,1 / 14,9 = -0,35" in out.working
    assert (
        "Xếp loại theo mức xét: từ 0,95 đúng tiến độ; từ 0,60 cần tăng tốc; "
        "từ 0 tiến bộ hạn chế; dưới 0 đi xuống"
    ) in out.working


def test_on_track_reason_asks_nothing_of_the_remaining_years() -> None:
    out = rate(goal(200, baseline=100), [2026, 2027], [116, 135])
    assert out.rating is Rating.ON_TRACK
    assert "Để đạt mục tiêu" not in out.reason
    assert "bằng 109% tốc độ cần thiết (14,9%/năm)" in out.reason


def test_every_year_reason_and_working() -> None:
    out = rate(goal(10, aggregation=Aggregation.EVERY_YEAR), [2026, 2027], [11, 9])
    assert (out.rating, out.reason) == (
        Rating.DETERIORATION,
        "Năm 2027 đạt 9 so với mục tiêu hằng năm 10, chưa đạt và kém hơn năm trước.",
    )
    assert out.working == ("Số liệu năm 2027: 9", "Mục tiêu hằng năm: 10")


def test_insufficient_data_reason_and_working() -> None:
    out = rate(goal(200), [2026], [110])
    assert out.reason == "Chưa đủ số liệu: cần giá trị năm gốc và ít nhất một năm sau đó."
    assert out.working == ("Số năm có số liệu (kể cả năm gốc): 1",)


def test_gap_reason_speaks_of_the_distance_to_100() -> None:
    out = rate(goal(98, baseline=90, percent=True), [2026, 2027], [91, 92])
    assert out.reason.startswith("Khoảng cách tới mức 100% thu hẹp thực tế 10,6%/năm")
    assert out.working[-1] == (
        "Các năm còn lại (3 năm) cần: 1 − ((100 − 98) / (100 − 92))^(1/3) = 37,0%/năm"
    )
