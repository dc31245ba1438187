"""The rules of comparing one achieved value with a target (docs/assessment.md §Rules)."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from chitieu.assess.compare import Basis, compare, score
from chitieu.assess.errors import AssessmentError
from chitieu.assess.rules import Rules
from chitieu.catalog.model import Assessment, Direction
from chitieu.quantity.target import NumberReading

from .builders import approx, at_least, below, point, range_, rank, ratio, text_goal

D = Decimal
HIGHER, LOWER, BAND = Direction.HIGHER, Direction.LOWER, Direction.BAND
A = Assessment


def test_point_target_exactly_met_is_achieved() -> None:
    result = compare(D(71), point("71"), HIGHER)
    assert (result.status, result.basis, result.ratio) == (A.ACHIEVED, Basis.EQUAL, D(1))


def test_small_excess_below_the_margin_is_achieved_not_exceeded() -> None:
    assert compare(D("92.3"), point("92"), HIGHER).basis is Basis.WITHIN_MARGIN


def test_excess_of_exactly_the_margin_is_exceeded() -> None:
    """80 -> 80,8 is +1,0%: the margin is inclusive ("vượt từ 1% trở lên")."""
    assert compare(D("80.8"), point("80"), HIGHER).status is A.EXCEEDED


def test_exceed_margin_is_configurable() -> None:
    rules = Rules(exceed_margin=D("0.05"))
    assert compare(D(133), point("130", None), HIGHER, rules).status is A.ACHIEVED


def test_shortfall_inside_tolerance_is_basically_achieved() -> None:
    result = compare(D("19.29"), point("20"), HIGHER)
    assert (result.status, result.ratio) == (A.BASICALLY_ACHIEVED, D("0.9645"))


def test_shortfall_of_exactly_the_tolerance_is_basically_achieved() -> None:
    assert compare(D(95), point("100", None), HIGHER).status is A.BASICALLY_ACHIEVED


def test_shortfall_beyond_tolerance_is_not_achieved() -> None:
    assert compare(D("27.8"), point("30"), HIGHER).status is A.NOT_ACHIEVED


def test_tolerance_is_configurable() -> None:
    rules = Rules(tolerance=D("0.08"))
    assert compare(D("27.8"), point("30"), HIGHER, rules).status is A.BASICALLY_ACHIEVED


def test_zero_tolerance_turns_any_shortfall_into_not_achieved() -> None:
    rules = Rules(tolerance=D(0))
    assert compare(D("19.99"), point("20"), HIGHER, rules).status is A.NOT_ACHIEVED


def test_lower_is_better_point_met_when_at_or_below() -> None:
    assert compare(D("1.7"), point("1.7"), LOWER).status is A.ACHIEVED


def test_lower_is_better_score_is_target_over_result() -> None:
    result = compare(D(20), point("22.0"), LOWER)
    assert (result.status, result.ratio) == (A.EXCEEDED, D("1.1"))


def test_lower_is_better_small_overshoot_is_basically_achieved() -> None:
    """1,7 / 1,78 = 95,5%: inside the 5% tolerance."""
    assert compare(D("1.78"), point("1.7"), LOWER).status is A.BASICALLY_ACHIEVED


def test_lower_is_better_result_of_zero_is_exceeded() -> None:
    result = compare(D(0), point("1.7"), LOWER)
    assert (result.status, result.ratio) == (A.EXCEEDED, None)


def test_negative_result_against_positive_growth_target_is_not_achieved() -> None:
    result = compare(D("-2"), point("5"), HIGHER)
    assert (result.status, result.ratio) == (A.NOT_ACHIEVED, D("-0.4"))


def test_negative_target_is_measured_by_relative_difference() -> None:
    """Target "fall by at most 2%" (-2): a fall of 1% is better by 50% of the target."""
    assert compare(D("-1"), point("-2"), HIGHER).status is A.EXCEEDED


def test_zero_target_met_is_achieved_without_a_score() -> None:
    result = compare(D(0), point("0"), LOWER)
    assert (result.status, result.ratio) == (A.ACHIEVED, None)


def test_zero_target_missed_is_not_achieved() -> None:
    assert compare(D("0.1"), point("0"), LOWER).status is A.NOT_ACHIEVED


def test_approx_target_is_compared_like_a_point() -> None:
    assert compare(D(590_000), approx("600000"), HIGHER).status is A.BASICALLY_ACHIEVED


def test_range_inside_is_achieved() -> None:
    assert compare(D("2.4"), range_("2", "2.5"), HIGHER).basis is Basis.INSIDE_RANGE


def test_range_lower_end_is_inside() -> None:
    assert compare(D(9), range_("9", "10"), HIGHER).status is A.ACHIEVED


def test_range_beyond_favourable_end_is_exceeded() -> None:
    result = compare(D("9.9"), range_("7.5", "8"), HIGHER)
    assert (result.status, result.bound) == (A.EXCEEDED, D(8))


def test_range_just_past_favourable_end_is_achieved_by_the_margin() -> None:
    assert compare(D("8.05"), range_("7.5", "8"), HIGHER).status is A.ACHIEVED


def test_range_below_lower_end_is_measured_against_the_lower_end() -> None:
    result = compare(D("7.2"), range_("7.5", "8"), HIGHER)
    assert (result.status, result.bound) == (A.BASICALLY_ACHIEVED, D("7.5"))


def test_range_lower_is_better_beyond_low_end_is_exceeded() -> None:
    assert compare(D("1.5"), range_("2", "2.5"), LOWER).status is A.EXCEEDED


def test_range_lower_is_better_above_high_end_is_a_shortfall() -> None:
    result = compare(D(3), range_("2", "2.5"), LOWER)
    assert (result.status, result.bound) == (A.NOT_ACHIEVED, D("2.5"))


def test_min_bound_met_with_small_excess_is_achieved() -> None:
    assert compare(D("70.5"), at_least("70", inclusive=False), HIGHER).basis is Basis.WITHIN_BOUND


def test_min_bound_far_exceeded_is_exceeded() -> None:
    assert compare(D("91.88"), at_least("70", inclusive=False), HIGHER).status is A.EXCEEDED


def test_inclusive_min_bound_exactly_hit_is_achieved() -> None:
    assert compare(D(80), at_least("80"), HIGHER).status is A.ACHIEVED


def test_exclusive_min_bound_exactly_hit_is_basically_achieved() -> None:
    """ "Trên 15" with 15: not met, but no shortfall at all, so inside the tolerance."""
    result = compare(D(15), at_least("15", inclusive=False, unit=None), HIGHER)
    assert (result.status, result.basis) == (A.BASICALLY_ACHIEVED, Basis.BOUND_HIT)


def test_exclusive_max_bound_exactly_hit_is_basically_achieved() -> None:
    """ "Dưới 1%" with 1: not met; rated by the tolerance like any miss."""
    result = compare(D(1), below("1"), LOWER)
    assert (result.status, result.basis) == (A.BASICALLY_ACHIEVED, Basis.BOUND_HIT)


def test_exclusive_bound_hit_with_zero_tolerance_is_not_achieved() -> None:
    assert compare(D(1), below("1"), LOWER, Rules(tolerance=D(0))).status is A.NOT_ACHIEVED


def test_max_bound_far_under_is_achieved_not_exceeded() -> None:
    assert compare(D("0.35"), below("1"), LOWER).basis is Basis.WITHIN_BOUND


def test_max_bound_can_be_exceeded_when_the_plan_says_so() -> None:
    rules = Rules(max_can_exceed=True)
    assert compare(D("0.35"), below("1"), LOWER, rules).status is A.EXCEEDED


def test_max_bound_side_wins_over_a_contrary_direction() -> None:
    assert compare(D("1.2"), below("1"), HIGHER).status is A.NOT_ACHIEVED


def test_percentage_of_exactly_100_against_lower_target_is_capped_at_achieved() -> None:
    result = compare(D(100), point("95"), HIGHER)
    assert (result.status, result.basis) == (A.ACHIEVED, Basis.CAPPED)


def test_cap_does_not_apply_to_a_range_target() -> None:
    assert compare(D(100), range_("50", "60"), HIGHER).status is A.EXCEEDED


def test_cap_does_not_apply_to_a_non_percentage() -> None:
    assert compare(D(100), point("90", "xa"), HIGHER).status is A.EXCEEDED


def test_cap_can_be_turned_off() -> None:
    assert compare(D(100), point("95"), HIGHER, Rules(cap_at_100=False)).status is A.EXCEEDED


def test_ratio_target_compares_the_fraction_achieved() -> None:
    result = compare(D(30) / D(77), ratio(1, 3), HIGHER)
    assert (result.status, round(result.ratio or 0, 4)) == (A.EXCEEDED, D("1.1688"))


def test_ratio_target_takes_its_value_from_the_fraction() -> None:
    """1/3 as a fraction, not a rounded 0,33: exactly a third is Đạt."""
    inexact = replace(ratio(1, 3), low=D("0.33"), high=D("0.33"))
    assert compare(D(1) / D(3), inexact, HIGHER).status is A.ACHIEVED


def test_band_point_inside_tolerance_is_achieved() -> None:
    assert compare(D("63.4"), point("66"), BAND).status is A.ACHIEVED


def test_band_point_outside_tolerance_is_not_achieved() -> None:
    assert compare(D("6.4"), point("6"), BAND).status is A.NOT_ACHIEVED


def test_band_has_no_exceeded() -> None:
    assert compare(D("66.5"), point("66"), BAND).basis is Basis.BAND_INSIDE


def test_band_range_outside_is_not_achieved() -> None:
    result = compare(D(31), range_("25", "30"), BAND)
    assert (result.status, result.bound) == (A.NOT_ACHIEVED, D(30))


def test_rank_inside_group_is_achieved() -> None:
    assert compare(D(3), rank(10), LOWER).status is A.ACHIEVED


def test_rank_far_better_than_the_group_is_still_only_achieved() -> None:
    assert compare(D(1), rank(10), LOWER).basis is Basis.RANK_IN


def test_rank_just_outside_group_is_not_achieved() -> None:
    assert compare(D(11), rank(10), LOWER).status is A.NOT_ACHIEVED


def test_text_target_cannot_be_compared() -> None:
    with pytest.raises(AssessmentError, match="định tính"):
        compare(D(1), text_goal(), HIGHER)


def test_ambiguous_target_is_refused() -> None:
    readings = (NumberReading(D("328.096"), "vi"), NumberReading(D(328096), "en"))
    target = replace(point("328.096", None), ambiguous=True, readings=readings)
    with pytest.raises(AssessmentError, match="nhiều cách"):
        compare(D(1), target, HIGHER)


def test_target_without_a_bound_is_refused() -> None:
    with pytest.raises(AssessmentError, match="thiếu giá trị"):
        compare(D(1), replace(point("1"), low=None, high=None), HIGHER)


def test_score_is_undefined_for_lower_direction_with_nonpositive_result() -> None:
    assert score(D(0), D(1), LOWER) is None
