"""assess_target: figures of a period -> status, provisional flag and reason (docs/assessment.md)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest

from chitieu.assess import AssessmentError, Rules, assess_target, record_manual_assessment
from chitieu.catalog.model import Aggregation, Assessment, Baseline, Direction, Source
from chitieu.catalog.model import FigureStatus as S

from .builders import below, fig, figs, planned, point, range_, rank, ratio, text_goal

D = Decimal
A = Assessment
H, L = Direction.HIGHER, Direction.LOWER


def test_level_target_uses_the_end_year_figure() -> None:
    result = assess_target(planned(point("20")), H, figs({2024: "21", 2025: "19.29"}))
    assert (result.status, result.achieved_value, result.years_used) == (
        A.BASICALLY_ACHIEVED,
        D("19.29"),
        (2025,),
    )


def test_level_reason_is_a_sentence_and_the_arithmetic_is_apart() -> None:
    result = assess_target(planned(point("20")), H, figs({2025: "19.29"}))
    assert result.reason == (
        "Năm 2025 đạt 19,29%, bằng 96,45% mục tiêu 20%,"
        " thiếu không quá 5% so với mục tiêu (mức cơ bản đạt)."
    )
    assert result.working == (
        "Số liệu năm 2025: 19,29%",
        "Tỷ lệ so với mục tiêu: 19,29 / 20 = 96,45%",
        "Thang đánh giá: từ 101% là vượt; từ 100% là đạt; từ 95% là cơ bản đạt;"
        " dưới 95% là không đạt",
    )


def test_growth_reason_has_no_formula_and_the_working_has_the_compound_average() -> None:
    target = planned(point("10", "pct_per_year"), Aggregation.AVG_GROWTH, 2026, 2026)
    result = assess_target(target, H, figs({2026: "9.6"}))
    assert result.reason == (
        "Tăng trưởng bình quân năm 2026 đạt 9,6%/năm, bằng 96% mục tiêu 10%/năm,"
        " thiếu không quá 5% so với mục tiêu (mức cơ bản đạt)."
    )
    assert "^" not in result.reason
    assert result.working[:2] == (
        "Tăng trưởng bình quân năm 2026 từ tốc độ tăng từng năm: (1,096)^(1/1) − 1 = 9,6%/năm",
        "Tỷ lệ so với mục tiêu: 9,6 / 10 = 96%",
    )


def test_growth_from_levels_names_both_levels_in_the_working() -> None:
    levels = [fig(2020, "100", indicator="kt.level"), fig(2025, "161.05", indicator="kt.level")]
    target = planned(point("10", "pct_per_year"), Aggregation.AVG_GROWTH)
    result = assess_target(target, H, [], levels=levels)
    assert result.reason == "Tăng trưởng bình quân 2021-2025 đạt 10%/năm, bằng mục tiêu 10%/năm."
    assert result.working[0] == (
        "Tăng trưởng bình quân 2021-2025 từ mức năm 2020 (100) và năm 2025 (161,05):"
        " (161,05/100)^(1/5) − 1 = 10%/năm"
    )


def test_average_reason_says_the_years_and_the_working_the_sum() -> None:
    levels = figs({2021: "94", 2022: "96", 2023: "95"})
    target = planned(point("95"), Aggregation.AVG_LEVEL)
    result = assess_target(target, H, levels, as_of=2023)
    assert result.reason == (
        "Bình quân 2021-2023 (giai đoạn 2021-2025 chưa kết thúc) đạt 95%, bằng mục tiêu 95%."
    )
    assert result.working[0] == "Bình quân 2021-2023 = (94 + 96 + 95)/3 = 95%"


def test_reduction_ratio_reason_and_working() -> None:
    target = planned(ratio(1, 3), Aggregation.CHANGE)
    result = assess_target(target, H, figs({2020: "77", 2025: "47"}))
    assert result.reason == (
        "Mức giảm năm 2025 so với năm 2020 đạt 38,96%, vượt 16,88% so với mục tiêu 1/3 (33,33%)."
    )
    assert result.working[:2] == (
        "Mức giảm năm 2025 so với năm 2020: (77 − 47)/77 = 38,96%",
        "Tỷ lệ so với mục tiêu: 38,96% / 33,33% = 116,88%",
    )


def test_range_reason_names_the_end_in_words_not_jargon() -> None:
    result = assess_target(planned(range_("7.5", "8")), H, figs({2025: "7.3"}))
    assert result.reason == (
        "Năm 2025 đạt 7,3%, bằng 97,33% mức thấp nhất (7,5%) của khoảng mục tiêu 7,5-8%,"
        " thiếu không quá 5% so với mục tiêu (mức cơ bản đạt)."
    )
    assert "Tỷ lệ so với mục tiêu: 7,3 / 7,5 = 97,33%" in result.working


def test_ceiling_reason_and_working() -> None:
    result = assess_target(planned(below("1")), L, figs({2025: "1.2"}))
    assert result.reason == (
        "Năm 2025 ở mức 1,2%, cao hơn mục tiêu < 1% (chỉ tiêu càng thấp càng tốt),"
        " chênh lệch hơn 5% so với mục tiêu."
    )
    assert result.working[1:] == (
        "Mục tiêu so với kết quả (càng thấp càng tốt): 1 / 1,2 = 83,33%",
        "Thang đánh giá: từ 100% là đạt; từ 95% là cơ bản đạt; dưới 95% là không đạt",
    )


def test_no_data_reason_and_how_it_will_be_computed() -> None:
    target = planned(point("8000", None), Aggregation.CUMULATIVE, 2026, 2030)
    result = assess_target(target, H, [])
    assert result.reason == "Chưa có số liệu: chưa có số liệu 2026-2030."
    assert result.working == ("Cách tính: cộng số liệu các năm 2026-2030 rồi so với mục tiêu",)


def test_every_year_working_lists_each_year() -> None:
    target = planned(point("10"), Aggregation.EVERY_YEAR)
    result = assess_target(target, H, figs({2021: "11", 2022: "9.7", 2023: "10"}), as_of=2023)
    assert result.reason == (
        "Đạt mục tiêu 2/3 năm có số liệu (2021-2023); năm kém nhất 2022 đạt 9,7%,"
        " bằng 97% mục tiêu 10%, thiếu không quá 5% so với mục tiêu (mức cơ bản đạt),"
        " giai đoạn chưa kết thúc nên đánh giá là chưa đạt."
    )
    assert result.working[:3] == (
        "Năm 2021: 11% — Vượt",
        "Năm 2022: 9,7% — Cơ bản đạt",
        "Năm 2023: 10% — Đạt",
    )


def test_rank_reason_and_working() -> None:
    result = assess_target(planned(rank(10)), L, figs({2025: "12"}))
    assert (result.reason, result.working[-1]) == (
        "Năm 2025 xếp hạng 12, nằm ngoài nhóm 10 dẫn đầu.",
        "Xếp hạng 12 > 10",
    )


def test_official_figures_of_a_closed_period_are_final() -> None:
    assert assess_target(planned(point("20")), H, figs({2025: "21"})).provisional is False


def test_estimate_makes_the_result_provisional() -> None:
    result = assess_target(planned(point("20")), H, figs({2025: "21"}, S.ESTIMATE))
    assert result.provisional is True


def test_estimate_is_marked_in_the_reason() -> None:
    result = assess_target(planned(point("20")), H, figs({2025: "21"}, S.ESTIMATE))
    assert "(số ước)" in result.reason
    assert result.working[0] == "Số liệu năm 2025 (số ước): 21%"


def test_preliminary_figure_is_marked_in_the_reason() -> None:
    result = assess_target(planned(point("20")), H, figs({2025: "21"}, S.PRELIMINARY))
    assert (result.provisional, "(số sơ bộ)" in result.reason) == (True, True)


def test_plan_figure_is_rejected() -> None:
    with pytest.raises(AssessmentError, match="kế hoạch"):
        assess_target(planned(point("20")), H, figs({2025: "21"}, S.PLAN))


def test_no_figures_gives_no_data() -> None:
    result = assess_target(planned(point("20")), H, [])
    assert (result.status, result.achieved_value, result.ratio) == (A.NO_DATA, None, None)


def test_closed_period_without_end_year_gives_no_data_not_an_older_level() -> None:
    result = assess_target(planned(point("95")), H, figs({2024: "96"}))
    assert (result.status, result.reason) == (
        A.NO_DATA,
        "Chưa có số liệu: chưa có số liệu năm 2025 (số gần nhất: năm 2024 là 96).",
    )


def test_open_period_shortfall_reads_not_yet_achieved() -> None:
    result = assess_target(planned(point("45")), H, figs({2023: "39.8"}), as_of=2023)
    assert (result.status, result.provisional) == (A.NOT_YET_ACHIEVED, True)


def test_open_period_target_already_met_is_achieved_but_provisional() -> None:
    result = assess_target(planned(point("45")), H, figs({2023: "45"}), as_of=2023)
    assert (result.status, result.provisional) == (A.ACHIEVED, True)


def test_as_of_the_end_year_closes_the_period() -> None:
    result = assess_target(planned(point("45")), H, figs({2025: "39.8"}), as_of=2025)
    assert result.status is A.NOT_ACHIEVED


def test_avg_growth_target_from_yearly_rates() -> None:
    rates = figs({2021: "8", 2022: "9", 2023: "8", 2024: "8.5", 2025: "8.36"})
    result = assess_target(planned(point("10"), Aggregation.AVG_GROWTH), H, rates)
    assert (result.status, result.achieved_value) == (A.NOT_ACHIEVED, D("8.37"))


def test_avg_growth_target_from_levels_when_rates_are_missing() -> None:
    levels = [fig(2020, "100", indicator="kt.level"), fig(2025, "161.05", indicator="kt.level")]
    target = planned(point("10"), Aggregation.AVG_GROWTH)
    result = assess_target(target, H, [], levels=levels)
    assert (result.status, result.achieved_value) == (A.ACHIEVED, D("10.00"))


def test_avg_growth_with_a_missing_year_is_provisional() -> None:
    rates = figs({2021: "10", 2022: "10", 2024: "10", 2025: "10"})
    result = assess_target(planned(point("10"), Aggregation.AVG_GROWTH), H, rates)
    assert (result.status, result.provisional, result.missing_years) == (A.ACHIEVED, True, (2023,))


def test_avg_level_target_averages_the_years() -> None:
    levels = figs({2021: "94", 2022: "96", 2023: "95", 2024: "95", 2025: "95"})
    result = assess_target(planned(point("95"), Aggregation.AVG_LEVEL), H, levels)
    assert (result.status, result.achieved_value) == (A.ACHIEVED, D("95.00"))


def test_cumulative_target_sums_the_years() -> None:
    yearly = figs({2021: "1600", 2022: "1700", 2023: "1700", 2024: "1700", 2025: "1700"})
    result = assess_target(planned(point("8000", None), Aggregation.CUMULATIVE), H, yearly)
    assert (result.status, result.achieved_value) == (A.EXCEEDED, D(8400))


def test_cumulative_shortfall_with_a_missing_year_is_not_yet_achieved() -> None:
    yearly = figs({2021: "1600", 2022: "1700", 2024: "1700", 2025: "1700"})
    result = assess_target(planned(point("8000", None), Aggregation.CUMULATIVE), H, yearly)
    assert (result.status, result.provisional) == (A.NOT_YET_ACHIEVED, True)


def test_cumulative_shortfall_with_a_missing_year_says_the_period_cannot_be_assessed() -> None:
    yearly = figs({2021: "1600", 2022: "1700", 2024: "1700", 2025: "1700"})
    result = assess_target(planned(point("8000", None), Aggregation.CUMULATIVE), H, yearly)
    assert "thiếu số liệu năm 2023" in result.reason
    assert "chưa đánh giá được cả giai đoạn" in result.reason


def test_cumulative_already_met_with_a_missing_year_keeps_its_status_provisionally() -> None:
    yearly = figs({2021: "3000", 2022: "3000", 2024: "3000"})
    result = assess_target(planned(point("8000", None), Aggregation.CUMULATIVE), H, yearly)
    assert (result.status, result.provisional) == (A.EXCEEDED, True)


def test_change_target_compares_end_level_with_baseline() -> None:
    target = planned(point("5"), Aggregation.CHANGE)
    baseline = Baseline(2020, D(40), "pct", Source("test.txt"))
    result = assess_target(target, H, figs({2025: "46"}), baseline=baseline)
    assert (result.status, result.achieved_value) == (A.EXCEEDED, D(6))


def test_ratio_target_with_change_computes_the_reduction_from_levels() -> None:
    """Poor households 77 -> 47: a cut of 30/77, better than the 1/3 asked for."""
    result = assess_target(
        planned(ratio(1, 3), Aggregation.CHANGE), H, figs({2020: "77", 2025: "47"})
    )
    assert (result.status, result.achieved_value) == (A.EXCEEDED, D(30) / D(77))


def test_ratio_target_given_as_the_fraction_achieved() -> None:
    result = assess_target(planned(ratio(1, 3)), H, [fig(2025, str(D(30) / D(77)))])
    assert result.status is A.EXCEEDED


def test_every_year_met_each_year_is_achieved() -> None:
    yearly = figs({2021: "1.6", 2022: "1.7", 2023: "1.5", 2024: "1.5", 2025: "1.7"})
    result = assess_target(planned(point("1.7"), Aggregation.EVERY_YEAR), L, yearly)
    assert result.status is A.ACHIEVED


def test_every_year_all_exceeded_is_exceeded() -> None:
    yearly = figs({2021: "1.5", 2022: "1.5", 2023: "1.5", 2024: "1.5", 2025: "1.5"})
    result = assess_target(planned(point("1.7"), Aggregation.EVERY_YEAR), L, yearly)
    assert result.status is A.EXCEEDED


def test_every_year_takes_the_worst_year() -> None:
    yearly = figs({2021: "1.6", 2022: "1.7", 2023: "1.8", 2024: "1.5", 2025: "1.7"})
    result = assess_target(planned(point("1.7"), Aggregation.EVERY_YEAR), L, yearly)
    assert (result.status, result.achieved_value) == (A.NOT_ACHIEVED, D("1.8"))


def test_every_year_reports_each_year() -> None:
    yearly = figs({2021: "1.6", 2022: "1.8"})
    target = planned(point("1.7"), Aggregation.EVERY_YEAR, 2021, 2022)
    result = assess_target(target, L, yearly)
    assert result.per_year == ((2021, A.EXCEEDED), (2022, A.NOT_ACHIEVED))


def test_every_year_with_a_missing_year_is_provisional() -> None:
    yearly = figs({2021: "1.6", 2022: "1.6", 2024: "1.6", 2025: "1.6"})
    result = assess_target(planned(point("1.7"), Aggregation.EVERY_YEAR), L, yearly)
    assert (result.provisional, result.missing_years) == (True, (2023,))


def test_every_year_failed_year_in_an_open_period_reads_not_yet_achieved() -> None:
    yearly = figs({2021: "1.6", 2022: "1.9"})
    target = planned(point("1.7"), Aggregation.EVERY_YEAR)
    assert assess_target(target, L, yearly, as_of=2022).status is A.NOT_YET_ACHIEVED


def test_every_year_without_figures_gives_no_data() -> None:
    result = assess_target(planned(point("1.7"), Aggregation.EVERY_YEAR), L, [])
    assert result.status is A.NO_DATA


def test_rules_are_passed_per_plan() -> None:
    result = assess_target(
        planned(point("30")), H, figs({2025: "27.8"}), rules=Rules(tolerance=D("0.08"))
    )
    assert result.status is A.BASICALLY_ACHIEVED


def test_text_target_waits_for_a_person() -> None:
    result = assess_target(planned(text_goal()), H, figs({2025: "1"}))
    assert (result.status, result.assessed_by) == (A.NO_DATA, None)


def test_manual_assessment_records_who_and_when() -> None:
    when = datetime(2025, 10, 1, 9, 30)
    result = record_manual_assessment(
        planned(text_goal()), A.ACHIEVED, assessed_by="Nguyễn Văn A", assessed_at=when
    )
    assert (result.status, result.assessed_by, result.assessed_at) == (
        A.ACHIEVED,
        "Nguyễn Văn A",
        when,
    )


def test_manual_assessment_reason_names_the_person_date_and_note() -> None:
    result = record_manual_assessment(
        planned(text_goal()),
        A.BASICALLY_ACHIEVED,
        assessed_by="Sở Nội vụ",
        assessed_at=datetime(2025, 10, 1),
        note="còn 2 xã chưa hoàn thành",
    )
    assert (
        result.reason
        == "Cơ bản đạt theo đánh giá của Sở Nội vụ ngày 01/10/2025: còn 2 xã chưa hoàn thành."
    )


def test_manual_assessment_needs_a_person() -> None:
    with pytest.raises(AssessmentError, match="người đánh giá"):
        record_manual_assessment(
            planned(text_goal()), A.ACHIEVED, assessed_by=" ", assessed_at=datetime(2025, 1, 1)
        )


def test_manual_assessment_cannot_be_no_data() -> None:
    with pytest.raises(AssessmentError, match="mức đánh giá"):
        record_manual_assessment(
            planned(text_goal()), A.NO_DATA, assessed_by="A", assessed_at=datetime(2025, 1, 1)
        )


@pytest.mark.parametrize(
    "aggregation",
    [Aggregation.AVG_GROWTH, Aggregation.AVG_LEVEL, Aggregation.CUMULATIVE, Aggregation.LEVEL],
)
def test_a_year_before_the_targets_period_is_not_assessed(aggregation: Aggregation) -> None:
    """The API let a client ask for 2024 of a 2026–2030 target: an empty span of years
    then crashed the growth average (found by schemathesis)."""
    target = planned(point("10", "pct_per_year"), aggregation, 2026, 2030)
    result = assess_target(target, H, figs({2026: "9.6"}), as_of=2024)
    assert result.status is Assessment.NO_DATA
    assert result.reason.startswith("Chưa đến kỳ của mục tiêu (từ năm 2026)")
