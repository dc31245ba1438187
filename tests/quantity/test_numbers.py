"""The number rules: decimal comma, thousands dot, English slips flagged, ambiguity returned."""

from __future__ import annotations

from decimal import Decimal

import pytest

from chitieu.quantity import NumberFormatError, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("9,17", "9.17"),
        ("328.283", "328283"),
        ("1.100.000", "1100000"),
        ("0,764", "0.764"),
        ("44.923", "44923"),
        ("1,5", "1.5"),
        ("2541,3", "2541.3"),
        ("1.234,5", "1234.5"),
        ("130", "130"),
        ("22,0", "22.0"),
        ("-2,5", "-2.5"),
    ],
)
def test_vietnamese_convention_decimal_comma_thousands_dot(text: str, value: str) -> None:
    parsed = parse_number(text)
    assert parsed.value == Decimal(value)
    assert not parsed.ambiguous
    assert parsed.flags == ()


def test_the_digits_written_are_kept_as_the_decimal_exponent() -> None:
    """'22,0' keeps its one decimal place: a report can write it back as it was."""
    assert str(parse_number("22,0").value) == "22.0"


@pytest.mark.parametrize(
    ("text", "value"), [("26.55", "26.55"), ("0.764", "0.764"), ("1.2345", "1.2345")]
)
def test_a_dot_not_followed_by_three_digits_is_an_english_decimal_point(
    text: str, value: str
) -> None:
    parsed = parse_number(text)
    assert parsed.value == Decimal(value)
    assert parsed.flags == ("english_decimal",)
    assert parsed.readings[0].convention == "en"


@pytest.mark.parametrize(("text", "value"), [("1,234,567", "1234567"), ("1,234.5", "1234.5")])
def test_english_thousands_commas_are_read_english_style_and_flagged(text: str, value: str) -> None:
    parsed = parse_number(text)
    assert parsed.value == Decimal(value)
    assert parsed.flags == ("english_thousands",)


def test_a_comma_before_exactly_three_digits_is_ambiguous() -> None:
    """328,096: Vietnamese 328.096, or an English thousands comma, 328096. Both are returned."""
    parsed = parse_number("328,096")
    assert parsed.ambiguous
    assert parsed.value is None
    assert {(r.convention, r.value) for r in parsed.readings} == {
        ("vi", Decimal("328.096")),
        ("en", Decimal("328096")),
    }
    assert all(r.note for r in parsed.readings)


def test_a_leading_zero_cannot_start_an_english_thousands_group() -> None:
    assert not parse_number("0,764").ambiguous


def test_a_comma_before_two_digits_is_only_a_decimal_comma() -> None:
    assert not parse_number("9,17").ambiguous


def test_a_dot_before_three_digits_is_the_vietnamese_thousands_dot_not_an_ambiguity() -> None:
    """44.923 would need three decimals and a foreign decimal mark to be 44,923."""
    assert parse_number("44.923").value == Decimal(44923)
    assert not parse_number("44.923").ambiguous


def test_an_ambiguous_negative_number_negates_both_readings() -> None:
    parsed = parse_number("-1,500")
    assert {r.value for r in parsed.readings} == {Decimal("-1.5"), Decimal("-1500")}


@pytest.mark.parametrize("text", ["1,2,3", "12..5", "1.23.4", "1,,5", "", "abc", "1.000,5,3"])
def test_malformed_numbers_raise_with_a_vietnamese_message(text: str) -> None:
    with pytest.raises(NumberFormatError, match="không phải là một số"):
        parse_number(text)


def test_a_malformed_number_error_suggests_the_likely_spelling() -> None:
    with pytest.raises(NumberFormatError) as caught:
        parse_number("12..5")
    assert caught.value.suggestions == ("12,5",)
