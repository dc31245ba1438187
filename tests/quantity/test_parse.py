"""The target grammar: points, ranges, bounds, approximations, ratios, ranks and text goals."""

from __future__ import annotations

from decimal import Decimal

import pytest

from chitieu.quantity import NotATargetError, TargetKind, UnknownUnitError, parse_target

D = Decimal

# (text, kind, low, high, unit)
POINTS_AND_RANGES = [
    ("10%-11%", TargetKind.RANGE, D(10), D(11), "pct"),
    ("7,5-8", TargetKind.RANGE, D("7.5"), D(8), None),
    ("50-60", TargetKind.RANGE, D(50), D(60), None),
    ("9-10", TargetKind.RANGE, D(9), D(10), None),
    ("60 - 70%", TargetKind.RANGE, D(60), D(70), "pct"),
    ("10-11%/năm", TargetKind.RANGE, D(10), D(11), "pct_per_year"),
    ("10 – 11%", TargetKind.RANGE, D(10), D(11), "pct"),
    ("10—11%", TargetKind.RANGE, D(10), D(11), "pct"),
    ("từ 10 đến 11%", TargetKind.RANGE, D(10), D(11), "pct"),
    ("-2,5–-1%", TargetKind.RANGE, D("-2.5"), D(-1), "pct"),
    ("100 %", TargetKind.POINT, D(100), D(100), "pct"),
    ("15 %", TargetKind.POINT, D(15), D(15), "pct"),
    ("0,79", TargetKind.POINT, D("0.79"), D("0.79"), None),
    ("180 triệu đồng", TargetKind.POINT, D(180), D(180), "trieu_dong"),
    ("99% dân số", TargetKind.POINT, D(99), D(99), "pct"),
    ("-2,5%", TargetKind.POINT, D("-2.5"), D("-2.5"), "pct"),
    ("Khoảng 600.000 tỷ đồng", TargetKind.APPROX, D(600000), D(600000), "ty_dong"),
    ("Khoảng 180 triệu đồng/năm", TargetKind.APPROX, D(180), D(180), "trieu_dong_per_year"),
    ("gần 50%", TargetKind.APPROX, D(50), D(50), "pct"),
    ("xấp xỉ 10%", TargetKind.APPROX, D(10), D(10), "pct"),
    ("trên dưới 10%", TargetKind.APPROX, D(10), D(10), "pct"),
]


@pytest.mark.parametrize(("text", "kind", "low", "high", "unit"), POINTS_AND_RANGES)
def test_points_ranges_and_approximations(
    text: str, kind: TargetKind, low: Decimal, high: Decimal, unit: str | None
) -> None:
    target = parse_target(text)
    assert (target.kind, target.low, target.high, target.unit) == (kind, low, high, unit)
    assert target.text == text
    assert not target.ambiguous


# (text, kind, bound value, inclusive, unit)
BOUNDS = [
    ("<1 %", TargetKind.MAX, D(1), False, "pct"),
    ("< 1", TargetKind.MAX, D(1), False, None),
    ("≤ 5%", TargetKind.MAX, D(5), True, "pct"),
    ("Dưới 1,5%", TargetKind.MAX, D("1.5"), False, "pct"),
    ("không quá 5%", TargetKind.MAX, D(5), True, "pct"),
    ("tối đa 5%", TargetKind.MAX, D(5), True, "pct"),
    ("5% trở xuống", TargetKind.MAX, D(5), True, "pct"),
    (">70", TargetKind.MIN, D(70), False, None),
    ("> 90", TargetKind.MIN, D(90), False, None),
    ("≥ 80%", TargetKind.MIN, D(80), True, "pct"),
    ("Trên 15 bác sỹ", TargetKind.MIN, D(15), False, "bac_sy_per_10k"),
    ("80 trở lên", TargetKind.MIN, D(80), True, None),
    ("Từ 3%/tổng số đảng viên trở lên", TargetKind.MIN, D(3), True, "pct"),
    ("từ 3% trở lên/tổng số đảng viên", TargetKind.MIN, D(3), True, "pct"),
    ("ít nhất 15%", TargetKind.MIN, D(15), True, "pct"),
    ("tối thiểu 70 tuổi", TargetKind.MIN, D(70), True, "tuoi"),
    ("không dưới 50%", TargetKind.MIN, D(50), True, "pct"),
    ("< -1%", TargetKind.MAX, D(-1), False, "pct"),
]


@pytest.mark.parametrize(("text", "kind", "value", "inclusive", "unit"), BOUNDS)
def test_bounds_and_their_inclusiveness(
    text: str, kind: TargetKind, value: Decimal, inclusive: bool, unit: str | None
) -> None:
    """Dưới, Trên, <, > exclude the number; không quá, tối đa, từ … trở lên, tối thiểu,
    ít nhất, không dưới, ≤, ≥ include it."""
    target = parse_target(text)
    assert (target.kind, target.unit) == (kind, unit)
    if kind is TargetKind.MIN:
        assert (target.low, target.low_inclusive, target.high) == (value, inclusive, None)
    else:
        assert (target.high, target.high_inclusive, target.low) == (value, inclusive, None)


@pytest.mark.parametrize(("text", "ratio"), [("1/3", (1, 3)), ("30/77", (30, 77))])
def test_a_fraction_of_whole_numbers_is_a_ratio_with_its_decimal_value(
    text: str, ratio: tuple[int, int]
) -> None:
    target = parse_target(text)
    assert target.kind is TargetKind.RATIO
    assert target.ratio == ratio
    assert target.low == target.high == D(ratio[0]) / D(ratio[1])


@pytest.mark.parametrize(
    "text",
    [
        "Nhóm 10 tỉnh dẫn đầu",
        "Thuộc nhóm 10 tỉnh, thành phố trực thuộc Trung ương dẫn đầu",
        "top 10",
    ],
)
def test_a_leading_group_is_a_rank_target_of_at_most_that_rank(text: str) -> None:
    target = parse_target(text)
    assert (target.kind, target.high, target.high_inclusive, target.low) == (
        TargetKind.RANK,
        D(10),
        True,
        None,
    )


def test_a_group_without_a_leading_phrase_is_not_a_rank() -> None:
    assert parse_target("nhóm 10 tỉnh").kind is not TargetKind.RANK


@pytest.mark.parametrize(
    "text",
    [
        "Bảo đảm vững chắc quốc phòng, an ninh",
        "Hoàn thành",
        "đến năm 2030",  # a year in prose is no quantity: no anchor introduces it
    ],
)
def test_words_without_a_quantity_are_a_text_target(text: str) -> None:
    target = parse_target(text)
    assert target.kind is TargetKind.TEXT
    assert (target.low, target.high, target.unit) == (None, None, None)


def test_a_subject_may_precede_the_quantity_after_an_anchor_word() -> None:
    target = parse_target("thời gian sống khỏe mạnh tối thiểu 70 năm")
    assert (target.kind, target.low, target.unit) == (TargetKind.MIN, D(70), "nam")


def test_a_subject_may_precede_the_quantity_after_a_colon() -> None:
    target = parse_target("Tỷ lệ đô thị hoá đến năm 2030: 50%")
    assert (target.kind, target.low, target.unit) == (TargetKind.POINT, D(50), "pct")


def test_numbers_after_the_target_are_flagged_for_review() -> None:
    target = parse_target("76,8 năm, trong đó, thời gian sống khỏe mạnh tối thiểu 70 năm")
    assert target.low == D("76.8")
    assert "more_numbers" in target.flags


def test_a_later_trở_lên_belonging_to_another_phrase_does_not_change_the_bound() -> None:
    target = parse_target("trên 90% tổ chức cơ sở đảng xếp loại từ hoàn thành tốt nhiệm vụ trở lên")
    assert (target.kind, target.low, target.low_inclusive) == (TargetKind.MIN, D(90), False)


def test_the_default_unit_applies_only_when_the_text_names_none() -> None:
    assert parse_target("250.000", unit="ty_dong").unit == "ty_dong"
    assert parse_target("15%", unit="ty_dong").unit == "pct"


def test_an_unknown_default_unit_is_refused() -> None:
    with pytest.raises(UnknownUnitError):
        parse_target("5", unit="furlong")


def test_an_ambiguous_number_makes_the_target_ambiguous_with_its_readings() -> None:
    target = parse_target("328,096", unit="ty_dong")
    assert target.ambiguous
    assert (target.low, target.high) == (None, None)
    assert {r.value for r in target.readings} == {D("328.096"), D(328096)}


def test_an_ambiguous_range_end_leaves_only_that_bound_open_and_says_which() -> None:
    target = parse_target("10-1,500")
    assert target.ambiguous and target.low == D(10) and target.high is None
    assert all(r.note.startswith("cận trên") for r in target.readings)


def test_an_english_decimal_in_a_target_is_read_and_flagged() -> None:
    target = parse_target("26.55%")
    assert target.low == D("26.55") and "english_decimal" in target.flags


def test_units_of_different_dimensions_at_the_two_ends_of_a_range_are_refused() -> None:
    with pytest.raises(NotATargetError, match="khác loại"):
        parse_target("10%-11 tỷ đồng")


def test_a_range_written_high_first_is_ordered_and_flagged() -> None:
    target = parse_target("11-10%")
    assert (target.low, target.high) == (D(10), D(11)) and "reversed_range" in target.flags


@pytest.mark.parametrize("text", ["", "   ", "...", "-", '"', "1,2,3", "12..5", "(;)"])
def test_input_that_is_no_target_at_all_raises_a_vietnamese_error(text: str) -> None:
    with pytest.raises(NotATargetError, match="không phải là chỉ tiêu"):
        parse_target(text)


def test_not_a_target_error_is_a_value_error_and_can_be_located() -> None:
    with pytest.raises(ValueError) as caught:
        parse_target("12..5")
    assert isinstance(caught.value, NotATargetError)
    located = caught.value.at("Phụ lục 1A, dòng 867")
    assert str(located).startswith("Phụ lục 1A, dòng 867: ")


# Scale words between a number and its unit (footnotes of the seed: "127 nghìn tỷ đồng",
# "10,6 triệu lượt người"). (text, kind, low, high, unit)
SCALED = [
    ("khoảng 1,2 triệu tỷ đồng", TargetKind.APPROX, D(1200000), D(1200000), "ty_dong"),
    ("127 nghìn tỷ đồng", TargetKind.POINT, D(127000), D(127000), "ty_dong"),
    ("100 ngàn tỷ đồng", TargetKind.POINT, D(100000), D(100000), "ty_dong"),
    ("10,6 triệu lượt người", TargetKind.POINT, D(10600000), D(10600000), "luot_nguoi"),
    ("Dưới 1 triệu người", TargetKind.MAX, None, D(1000000), "nguoi"),
    ("10-12 nghìn tỷ đồng", TargetKind.RANGE, D(10000), D(12000), "ty_dong"),
]


@pytest.mark.parametrize(("text", "kind", "low", "high", "unit"), SCALED)
def test_a_scale_word_before_a_unit_multiplies_the_value_and_keeps_the_unit(
    text: str, kind: TargetKind, low: Decimal | None, high: Decimal | None, unit: str
) -> None:
    target = parse_target(text)
    assert (target.kind, target.low, target.high, target.unit) == (kind, low, high, unit)
    assert target.text == text


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("11.968 triệu USD", D(11968), "trieu_usd"),
        ("hơn 16 tỷ USD", D(16), "ty_usd"),
        ("305,8 nghìn tấn", D("305.8"), "nghin_tan"),
        ("180 triệu đồng", D(180), "trieu_dong"),
    ],
)
def test_a_scale_the_unit_table_spells_is_that_unit(text: str, value: Decimal, unit: str) -> None:
    """'triệu USD', 'nghìn tấn', 'triệu đồng' are catalogued units: the value is not multiplied."""
    target = parse_target(text)
    assert (target.low if target.low is not None else target.high, target.unit) == (value, unit)


def test_a_scale_word_without_a_known_unit_keeps_the_number_and_is_flagged() -> None:
    """'12 triệu lượt khách': nothing to carry the scale, so a reviewer is told."""
    target = parse_target("đạt 12 triệu lượt khách du lịch")
    assert (target.low, target.unit) == (D(12), None)
    assert "scale_without_unit" in target.flags


def test_an_ambiguous_number_before_a_scale_word_scales_every_reading() -> None:
    target = parse_target("328,096 nghìn tỷ đồng")
    assert target.ambiguous
    assert [r.value for r in target.readings] == [D(328096), D(328096000)]
