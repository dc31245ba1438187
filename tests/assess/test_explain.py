"""The Vietnamese sentence: every basis says what decided the status, with its numbers."""

from __future__ import annotations

from decimal import Decimal

from chitieu.assess.compare import compare
from chitieu.assess.explain import comparison_clause, comparison_working, show_target, show_value
from chitieu.assess.rules import DEFAULT_RULES, Rules
from chitieu.catalog.model import Direction
from chitieu.quantity.target import Target

from .builders import approx, at_least, below, point, range_, rank, ratio

D = Decimal
H, L = Direction.HIGHER, Direction.LOWER


def clause(
    value: str, target: Target, direction: Direction = H, rules: Rules = DEFAULT_RULES
) -> str:
    return comparison_clause(compare(D(value), target, direction, rules), target, rules)


def test_exact_match() -> None:
    assert clause("71", point("71")) == "bằng mục tiêu 71%"


def test_excess_below_the_margin() -> None:
    assert clause("92.3", point("92")) == (
        "cao hơn mục tiêu 92%, tốt hơn 0,33% (dưới 1%) nên tính là đạt, không tính vượt"
    )


def test_exceeded_names_the_margin() -> None:
    assert clause("133", point("130", "trieu_dong")) == (
        "vượt 2,31% so với mục tiêu 130 triệu đồng"
    )


def test_lower_is_better_states_target_over_result() -> None:
    assert clause("20", point("22.0"), L) == ("thấp hơn mục tiêu 22%, tốt hơn mục tiêu 10%")


def test_shortfall_outside_tolerance_names_the_floor() -> None:
    assert clause("27.8", point("30")) == (
        "mới bằng 92,67% mục tiêu 30%, thiếu hơn 5% so với mục tiêu"
    )


def test_range_beyond_the_end_names_the_end() -> None:
    assert clause("9.9", range_("7.5", "8")) == (
        "vượt 23,75% so với mức cao nhất (8%) của khoảng mục tiêu 7,5-8%"
    )


def test_range_inside() -> None:
    assert clause("2.4", range_("2", "2.5")) == "nằm trong khoảng mục tiêu 2-2,5%"


def test_capped_at_100() -> None:
    assert clause("100", point("95")) == (
        "là mức tối đa, tính là đạt mục tiêu 95% (chạm 100% không tính là vượt)"
    )


def test_ceiling_met() -> None:
    assert clause("0.35", below("1"), L) == "đạt mục tiêu < 1%"


def test_exclusive_bound_hit() -> None:
    assert clause("15", at_least("15", inclusive=False, unit=None)) == (
        "bằng đúng ngưỡng của mục tiêu > 15 nhưng chưa vượt qua ngưỡng,"
        " thiếu không quá 5% so với mục tiêu (mức cơ bản đạt)"
    )


def test_band() -> None:
    assert clause("63.4", point("66"), Direction.BAND) == (
        "lệch 3,94% so với mục tiêu 66%, trong mức dao động cho phép 5%"
    )


def test_zero_target_has_no_margin_or_tolerance() -> None:
    assert clause("0.1", point("0"), L) == (
        "chưa đạt mục tiêu 0% (mục tiêu bằng 0 nên không tính mức cơ bản đạt)"
    )


def test_rank_outside_the_group() -> None:
    assert clause("12", rank(10), L) == "nằm ngoài nhóm 10 dẫn đầu"


def test_ratio_target_is_shown_as_fraction_and_percentage() -> None:
    assert show_target(ratio(1, 3), DEFAULT_RULES) == "1/3 (33,33%)"


def test_inclusive_min_target_is_shown_with_at_least_sign() -> None:
    assert show_target(at_least("80"), DEFAULT_RULES) == "≥ 80%"


def test_approx_target_is_shown_with_khoang() -> None:
    assert show_target(approx("600000", "ty_dong"), DEFAULT_RULES) == "khoảng 600.000 tỷ đồng"


def test_ratio_result_is_shown_as_percentage() -> None:
    assert show_value(D(30) / D(77), ratio(1, 3), DEFAULT_RULES) == "38,96%"


def test_growth_unit_is_attached_to_the_number() -> None:
    assert show_value(D("8.36"), point("10", "pct_per_year"), DEFAULT_RULES) == "8,36%/năm"


def test_word_unit_follows_after_a_space() -> None:
    assert show_value(D(133), point("130", "trieu_dong"), DEFAULT_RULES) == "133 triệu đồng"


def test_unknown_unit_code_is_left_out() -> None:
    assert show_value(D(2), point("1", "khong_co"), DEFAULT_RULES) == "2"


def working(
    value: str, target: Target, direction: Direction = H, rules: Rules = DEFAULT_RULES
) -> tuple[str, ...]:
    return comparison_working(compare(D(value), target, direction, rules), D(value), target, rules)


def test_working_of_a_shortfall_is_the_division_and_the_scale() -> None:
    assert working("27.8", point("30")) == (
        "Tỷ lệ so với mục tiêu: 27,8 / 30 = 92,67%",
        "Thang đánh giá: từ 101% là vượt; từ 100% là đạt; từ 95% là cơ bản đạt;"
        " dưới 95% là không đạt",
    )


def test_working_of_lower_is_better_divides_the_target_by_the_result() -> None:
    assert working("20", point("22.0"), L)[0] == (
        "Mục tiêu so với kết quả (càng thấp càng tốt): 22 / 20 = 110%"
    )


def test_working_of_a_band_is_the_deviation() -> None:
    assert working("63.4", point("66"), Direction.BAND) == (
        "Độ lệch: |63,4 − 66| / 66 = 3,94%",
        "Mức dao động cho phép: 5%",
    )


def test_working_of_the_cap_states_the_rule() -> None:
    assert working("100", point("95"))[-1] == (
        "Quy tắc: tỷ lệ đạt 100% so với mục tiêu dưới 100% tính là đạt, không vượt"
    )


def test_working_of_a_zero_target_compares_directly() -> None:
    assert working("0.1", point("0"), L)[0] == (
        "Không tính tỷ lệ (mục tiêu bằng 0): so trực tiếp 0,1 với 0"
    )


def test_no_jargon_in_the_sentence_of_a_range() -> None:
    text = clause("9.9", range_("7.5", "8"))
    assert "cận" not in text and "mức cao nhất (8%)" in text
