"""Plausibility rules: the default of each unit, the planner's overrides, each check's finding."""

from __future__ import annotations

from decimal import Decimal

import pytest

from chitieu.assess.plausibility import (
    Measure,
    Neighbours,
    Other,
    Severity,
    check_value,
    effective_rule,
    is_structure,
    measure_of,
    read_overrides,
)
from chitieu.catalog.model import Indicator
from tests.profiles import seed_resolution


def seed_indicator(code: str) -> Indicator:
    """An indicator of the real resolution (read once per session)."""
    return next(i for i in seed_resolution().indicators if i.code == code)


NOTHING = Neighbours()


def codes(value: str, code: str, around: Neighbours = NOTHING, **overrides: str) -> list[str]:
    indicator = seed_indicator(code)
    rule = effective_rule(
        indicator.unit, indicator.name, {k: Decimal(v) for k, v in overrides.items()}
    )
    return [f.code for f in check_value(Decimal(value), rule, around)]


@pytest.mark.parametrize(
    ("code", "measure"),
    [
        ("xh.ho_ngheo", Measure.SHARE),  # Tỷ lệ hộ nghèo, %
        ("kt.co_cau.dich_vu", Measure.SHARE),
        ("xh.bao_hiem.y_te", Measure.SHARE),
        ("kt.grdp.tang_truong", Measure.CHANGE),  # %/năm
        ("xh.tang_dan_so_tu_nhien", Measure.CHANGE),  # "tăng" in a % name: may be negative
        ("kt.thu_ngan_sach.tong", Measure.AMOUNT),  # tỷ đồng
        ("kt.grdp.binh_quan_dau_nguoi", Measure.AMOUNT),  # triệu đồng
        ("xh.y_te.bac_sy", Measure.COUNT),  # per 10,000 inhabitants
        ("xh.tuoi_tho", Measure.COUNT),
        ("kt.xep_hang_chi_so", Measure.RANK),
        ("xh.hdi", Measure.OTHER),  # no unit
        # "giám sát" (supervise) folds like "giảm" (decrease): the tone tells them apart.
        ("xdd.kiem_tra_giam_sat.chi_bo", Measure.SHARE),
    ],
)
def test_each_seed_indicator_gets_the_measure_of_its_unit_and_name(
    code: str, measure: Measure
) -> None:
    indicator = seed_indicator(code)
    assert measure_of(indicator.unit, indicator.name) is measure


def test_a_percentage_against_a_plan_may_exceed_100() -> None:
    name = "Tỷ lệ giải ngân vốn đầu tư công so với kế hoạch Thủ tướng giao"
    assert measure_of("pct", name) is Measure.INDEX
    assert check_value(Decimal("169.4"), effective_rule("pct", name)) == []


@pytest.mark.parametrize(
    ("code", "value", "expected"),
    [
        ("xh.ho_ngheo", "-5", ["pct_out_of_range"]),
        ("xh.ho_ngheo", "1234.5", ["pct_out_of_range"]),
        ("xh.ho_ngheo", "100", []),
        ("xh.ho_ngheo", "0", []),
        ("kt.grdp.tang_truong", "-5", []),  # a growth rate may fall
        ("kt.grdp.tang_truong", "-100.5", ["below_minimum"]),
        ("xh.tang_dan_so_tu_nhien", "-0.2", []),
        ("kt.thu_ngan_sach.tong", "-1", ["negative"]),
        ("kt.thu_ngan_sach.tong", "65000", []),
        ("xh.y_te.bac_sy", "-3", ["negative"]),
        ("kt.xep_hang_chi_so", "0", ["below_minimum"]),
        ("xh.hdi", "-1", []),  # no unit: no range to check
    ],
)
def test_the_default_range_of_each_unit(code: str, value: str, expected: list[str]) -> None:
    assert codes(value, code) == expected


def test_the_range_finding_is_a_refusal_with_a_vietnamese_message() -> None:
    indicator = seed_indicator("xh.ho_ngheo")
    (finding,) = check_value(Decimal("1234.5"), effective_rule(indicator.unit, indicator.name))
    assert finding.severity is Severity.REFUSE and finding.refused
    assert finding.message == "Tỷ lệ phải nằm trong khoảng 0–100%; 1.234,5% nằm ngoài khoảng này."


def test_the_planners_bounds_replace_the_default() -> None:
    # A planner who knows poverty will stay under 10 %: 12 is refused, naming the bound.
    assert codes("12", "xh.ho_ngheo", maximum="10") == ["above_maximum"]
    indicator = seed_indicator("kt.thu_ngan_sach.tong")
    rule = effective_rule(indicator.unit, indicator.name, {"minimum": None})
    assert rule.minimum is None and rule.overridden == {"minimum"}
    assert check_value(Decimal(-1), rule) == []


def test_overrides_read_as_stored() -> None:
    assert read_overrides({"maximum": "10", "minimum": None}) == {
        "maximum": Decimal(10),
        "minimum": None,
    }
    assert read_overrides({"max_ratio": "không"}) == {}  # not a number: the default applies
    assert read_overrides(None) == {}


LAST_POOR = Other("Tỷ lệ hộ nghèo", Decimal("1.2"), "năm 2025")


@pytest.mark.parametrize(
    ("value", "ratio", "expected"),
    [
        ("24", None, ["jump_from_last"]),  # 20 times the last figure
        ("12", None, []),  # exactly 10 times: within the default
        ("0.1", None, ["jump_from_last"]),  # 1/12
        ("0.12", None, []),  # exactly 1/10
        ("24", "25", []),  # the planner allows 25 times
        ("6.5", "5", ["jump_from_last"]),
    ],
)
def test_a_jump_from_the_last_figure_is_a_warning(
    value: str, ratio: str | None, expected: list[str]
) -> None:
    extra = {"max_ratio": ratio} if ratio else {}
    assert codes(value, "xh.ho_ngheo", Neighbours(last=LAST_POOR), **extra) == expected


def test_the_jump_warning_says_how_many_times_and_asks_for_a_note() -> None:
    indicator = seed_indicator("xh.ho_ngheo")
    rule = effective_rule(indicator.unit, indicator.name)
    (finding,) = check_value(Decimal(24), rule, Neighbours(last=LAST_POOR, unit_symbol="%"))
    assert finding.severity is Severity.WARN
    assert finding.message.startswith("24% gấp 20 lần số liệu kỳ trước (năm 2025: 1,2%)")
    assert "xác nhận và ghi chú" in finding.message


def test_no_jump_is_measured_across_zero_or_a_change_of_sign() -> None:
    last = Other("Tốc độ tăng GRDP", Decimal("8.1"), "năm 2025")
    assert codes("-1", "kt.grdp.tang_truong", Neighbours(last=last)) == []
    assert codes("5", "kt.grdp.tang_truong", Neighbours(last=Other("x", Decimal(0)))) == []


def test_shares_of_a_structure_may_not_exceed_100() -> None:
    structure = seed_indicator("kt.co_cau")
    assert is_structure(structure.name)
    shares = (
        Other("Nông, lâm nghiệp và thủy sản", Decimal("7.5")),
        Other("Công nghiệp, xây dựng", Decimal("60.2")),
        Other("Thuế sản phẩm trừ trợ cấp sản phẩm", Decimal("8.3")),
    )
    assert codes("24", "kt.co_cau.dich_vu", Neighbours(shares=shares)) == []  # 100
    assert codes("24.5", "kt.co_cau.dich_vu", Neighbours(shares=shares)) == []  # rounding
    found = check_value(
        Decimal(30), effective_rule("pct", "Thương mại, dịch vụ"), Neighbours(shares=shares)
    )
    assert [f.code for f in found] == ["structure_over_100"]
    assert "tổng là 106%, vượt 100%" in found[0].message


def test_a_sub_item_may_not_exceed_its_total() -> None:
    total = Other("Thu ngân sách trên địa bàn", Decimal(65000))
    assert codes("70000", "kt.thu_ngan_sach.noi_dia", Neighbours(total=total)) == [
        "part_exceeds_total"
    ]
    assert codes("60000", "kt.thu_ngan_sach.noi_dia", Neighbours(total=total)) == []
    part = Other("Thu nội địa", Decimal(60000))
    assert codes("50000", "kt.thu_ngan_sach.tong", Neighbours(parts=(part,))) == [
        "total_below_part"
    ]


def test_refusals_come_before_warnings() -> None:
    around = Neighbours(last=Other("Thu nội địa", Decimal(100)), total=Other("Thu", Decimal(10)))
    found = codes("5000", "kt.thu_ngan_sach.noi_dia", around)
    assert found == ["part_exceeds_total", "jump_from_last"]
