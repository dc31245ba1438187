"""The private Vietnamese number helpers and the doctest examples of the assess modules."""

from __future__ import annotations

import doctest
import importlib
from decimal import Decimal

import pytest

from chitieu.assess._vi_number import format_number, format_percent


@pytest.mark.parametrize("name", ["_vi_number", "compare", "explain"])
def test_doctest_examples_hold(name: str) -> None:
    module = importlib.import_module(f"chitieu.assess.{name}")
    outcome = doctest.testmod(module)
    assert (outcome.failed, outcome.attempted > 0) == (0, True)


def test_thousands_and_decimals_together() -> None:
    assert format_number(Decimal("1234567.5")) == "1.234.567,5"


def test_rounding_is_half_up() -> None:
    assert format_number(Decimal("0.125"), 2) == "0,13"


def test_negative_zero_has_no_sign() -> None:
    assert format_number(Decimal("-0.001"), 2) == "0"


def test_percent_of_one_is_100() -> None:
    assert format_percent(Decimal(1)) == "100%"
