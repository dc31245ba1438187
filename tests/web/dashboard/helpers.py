"""Figures for the dashboard tests, stored through the figures service as the system."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from chitieu.catalog.period import Period


def put(
    indicator: Any,
    locality: Any,
    year: int,
    value: str,
    status: str = "chinh_thuc",
    *,
    approved: bool = False,
) -> Any:
    """A draft figure; `approved`: approved by the system, so it counts in official views."""
    from chitieu.web.figures.services import approve_figure, record_figure

    figure = record_figure(
        indicator,
        locality,
        Period.year_of(year),
        status,
        Decimal(value),
        actor=None,
        expected_version=None,
        source="Cục Thống kê",
    )
    return approve_figure(figure, actor=None) if approved else figure
