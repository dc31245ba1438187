"""Figures for the dashboard tests, stored through the figures service as the system."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from chitieu.catalog.period import Period


def put(indicator: Any, locality: Any, year: int, value: str, status: str = "chinh_thuc") -> Any:
    from chitieu.web.figures.services import record_figure

    return record_figure(
        indicator,
        locality,
        Period.year_of(year),
        status,
        Decimal(value),
        actor=None,
        expected_version=None,
        source="Cục Thống kê",
    )
