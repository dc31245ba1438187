"""Vietnamese number format for explanations: the shared formatter, without trailing zeros."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

from chitieu.quantity.format import format_number as shared_format_number
from chitieu.quantity.format import plain


def format_number(value: Decimal, places: int | None = None) -> str:
    """Write a number the Vietnamese way, without trailing zeros (rounded half up to `places`).

    >>> format_number(Decimal("19.29"))
    '19,29'
    >>> format_number(Decimal("1686"))
    '1.686'
    >>> format_number(Decimal("95.0"))
    '95'
    >>> format_number(Decimal("-2.5"))
    '-2,5'
    >>> format_number(Decimal("0.964523"), places=4)
    '0,9645'
    """
    if places is not None:
        value = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return shared_format_number(plain(value))


def format_percent(ratio: Decimal, places: int = 2) -> str:
    """A ratio as a percentage: 0.9645 -> '96,45%'.

    >>> format_percent(Decimal("0.05"))
    '5%'
    >>> format_percent(Decimal(1) / Decimal(3))
    '33,33%'
    """
    return format_number(ratio * 100, places) + "%"


def year_span(years: Sequence[int]) -> str:
    """Years as officials write them: a run as '2021-2025', otherwise a list.

    >>> year_span([2021, 2022, 2023])
    '2021-2023'
    >>> year_span([2021, 2023])
    '2021, 2023'
    >>> year_span([2025])
    'năm 2025'
    """
    if len(years) == 1:
        return f"năm {years[0]}"
    if list(years) == list(range(years[0], years[-1] + 1)):
        return f"{years[0]}-{years[-1]}"
    return ", ".join(map(str, years))
