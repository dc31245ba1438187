"""Template filters: computed values rounded for reading, periods in words."""

from __future__ import annotations

from decimal import Decimal

import pytest

from chitieu.web.dashboard.templatetags.chitieu_format import period_label, vi_value


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [
        (Decimal("370364.169711"), "ty_dong", "370.364 tỷ đồng"),  # a GRDP milestone
        (Decimal("65000.0000"), "ty_dong", "65.000 tỷ đồng"),
        (Decimal("10.991465"), "pct", "10,99%"),
        (Decimal("113.822294"), "trieu_dong", "113,82 triệu đồng"),
        (Decimal("0.769131"), None, "0,769"),  # HDI keeps three decimals
        (Decimal("10"), "pct_per_year", "10%/năm"),
    ],
)
def test_a_computed_value_is_rounded_and_carries_its_unit(
    value: Decimal, unit: str | None, shown: str
) -> None:
    assert vi_value(value, unit) == shown


@pytest.mark.parametrize(
    ("period", "shown"),
    [
        ("2025", "Năm 2025"),
        ("2025-9M", "9 tháng năm 2025"),
        ("2026-01", "Tháng 01/2026"),
        ("2024-Q2", "Quý 2 năm 2024"),
        ("không phải kỳ", "không phải kỳ"),
    ],
)
def test_a_period_is_written_in_words(period: str, shown: str) -> None:
    assert period_label(period) == shown
