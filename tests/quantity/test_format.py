"""Writing back the Vietnamese way, and the round trip format -> parse."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from chitieu.quantity import (
    UNITS,
    Target,
    TargetKind,
    format_number,
    format_target,
    format_value,
    parse_number,
    parse_target,
)
from chitieu.quantity.vocab import UNIT_WORDS

D = Decimal


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [
        ("1100000", None, "1.100.000"),
        ("1234.5", None, "1.234,5"),
        ("9.9", None, "9,9"),
        ("0.764", None, "0,764"),
        ("-2.5", None, "-2,5"),
        ("22.0", None, "22,0"),
        ("9.87", 1, "9,9"),
        ("0.05", 1, "0,1"),  # half up, as official rounding
        ("1E+3", None, "1.000"),
        ("-0", None, "0"),
    ],
)
def test_format_number_writes_decimal_comma_and_thousands_dots(
    value: str, decimals: int | None, text: str
) -> None:
    assert format_number(D(value), decimals=decimals) == text


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [
        ("9.9", "pct", "9,9%"),
        ("10", "pct_per_year", "10%/năm"),
        ("600000", "ty_dong", "600.000 tỷ đồng"),
        ("15", "bac_sy_per_10k", "15 bác sỹ/vạn dân"),
        ("0.79", None, "0,79"),
    ],
)
def test_format_value_puts_percent_right_after_the_number_and_other_units_after_a_space(
    value: str, unit: str | None, text: str
) -> None:
    assert format_value(D(value), unit) == text


@pytest.mark.parametrize(
    ("written", "display"),
    [
        ("10-11%/năm", "10–11%/năm"),
        ("<1 %", "< 1%"),
        ("Trên 15 bác sỹ", "Trên 15 bác sỹ/vạn dân"),
        ("Khoảng 600.000  tỷ đồng", "Khoảng 600.000 tỷ đồng"),
        ("Dưới 1,5%", "Dưới 1,5%"),
        ("80 trở lên", "Từ 80 trở lên"),
        ("không quá 5%", "Không quá 5%"),
        ("≥ 80%", "≥ 80%"),
        ("1/3", "1/3"),
        ("Thuộc nhóm 10 tỉnh, thành phố trực thuộc Trung ương dẫn đầu", "Nhóm 10 tỉnh dẫn đầu"),
        ("Bảo đảm an ninh", "Bảo đảm an ninh"),
        ("328,096", "328,096"),  # unknown value: shown as written
    ],
)
def test_format_target_writes_the_document_style(written: str, display: str) -> None:
    assert format_target(parse_target(written)) == display


# Decimals of many magnitudes and decimal places, negatives included.
decimals = st.builds(
    lambda digits, places, negative: D(digits).scaleb(-places) * (-1 if negative else 1),
    st.integers(min_value=0, max_value=10**15),
    st.integers(min_value=0, max_value=6),
    st.booleans(),
)


def _honestly_ambiguous(text: str) -> bool:
    """A 1–3 digit integer part (not 0) and exactly three decimals: '328,096'."""
    return re.fullmatch(r"-?[1-9]\d{0,2},\d{3}", text) is not None


@given(decimals)
def test_format_then_parse_gives_the_same_value(value: Decimal) -> None:
    text = format_number(value)
    parsed = parse_number(text)
    assert value in [r.value for r in parsed.readings if r.convention == "vi"]
    if not _honestly_ambiguous(text):
        assert parsed.value == value and not parsed.ambiguous


@given(decimals)
def test_format_then_parse_is_ambiguous_exactly_for_the_comma_three_digit_shape(
    value: Decimal,
) -> None:
    text = format_number(value)
    assert parse_number(text).ambiguous == _honestly_ambiguous(text)


# The units a document may write (code-only units of the published figures are never read
# from text, so a target in one cannot be read back).
units = st.sampled_from([None, *(code for code in UNITS if code in UNIT_WORDS)])


def _target_values(draw: st.DrawFn) -> Decimal:
    value = draw(decimals)
    assume(not _honestly_ambiguous(format_number(value)))
    return value


@st.composite
def quantitative_targets(draw: st.DrawFn) -> Target:
    kind = draw(
        st.sampled_from(
            [k for k in TargetKind if k not in (TargetKind.TEXT, TargetKind.RATIO, TargetKind.RANK)]
        )
    )
    unit = draw(units)
    first = _target_values(draw)
    if kind is TargetKind.RANGE:
        second = _target_values(draw)
        low, high = sorted((first, second))
        return Target("", kind, low, high, unit=unit)
    if kind is TargetKind.MIN:
        symbol = draw(st.sampled_from(["", "≥"]))
        return Target(symbol, kind, low=first, low_inclusive=draw(st.booleans()), unit=unit)
    if kind is TargetKind.MAX:
        symbol = draw(st.sampled_from(["", "<"]))
        return Target(symbol, kind, high=first, high_inclusive=draw(st.booleans()), unit=unit)
    return Target("", kind, first, first, unit=unit)


def _same(parsed: Target, original: Target) -> bool:
    return (
        parsed.kind,
        parsed.low,
        parsed.high,
        parsed.unit,
        parsed.low_inclusive if parsed.low is not None else None,
        parsed.high_inclusive if parsed.high is not None else None,
    ) == (
        original.kind,
        original.low,
        original.high,
        original.unit,
        original.low_inclusive if original.low is not None else None,
        original.high_inclusive if original.high is not None else None,
    )


@given(quantitative_targets())
def test_format_then_parse_gives_the_same_target(target: Target) -> None:
    written = format_target(target)
    assert _same(parse_target(written), target), written


@given(st.integers(1, 10**6), st.integers(1, 10**6))
def test_ratios_round_trip(numerator: int, denominator: int) -> None:
    target = Target("", TargetKind.RATIO, ratio=(numerator, denominator))
    parsed = parse_target(format_target(target))
    assert parsed.kind is TargetKind.RATIO and parsed.ratio == (numerator, denominator)


@given(st.integers(1, 100))
def test_ranks_round_trip(rank: int) -> None:
    target = Target("", TargetKind.RANK, high=D(rank), unit="hang")
    assert _same(parse_target(format_target(target)), target)


@pytest.mark.parametrize(
    ("written", "display"),
    [
        ("khoảng 1,2 triệu tỷ đồng", "Khoảng 1.200.000 tỷ đồng"),
        ("127 nghìn tỷ đồng", "127.000 tỷ đồng"),
        ("10,6 triệu lượt người", "10.600.000 lượt người"),
        ("2 triệu USD", "2 triệu USD"),
        ("305,8 nghìn tấn", "305,8 nghìn tấn"),
    ],
)
def test_a_scaled_target_is_written_in_its_unit_and_reads_back(written: str, display: str) -> None:
    """The scale word is folded into the value; format then parse gives the same target."""
    target = parse_target(written)
    assert format_target(target) == display
    again = parse_target(display)
    assert (again.kind, again.low, again.high, again.unit) == (
        target.kind,
        target.low,
        target.high,
        target.unit,
    )
