"""Template filters: numbers as 1.234,5, dates as dd/mm/yyyy, a sparkline as inline SVG."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django import template
from django.utils import timezone
from django.utils.safestring import SafeString

from chitieu.catalog.period import Period, PeriodError
from chitieu.quantity import UnknownUnitError, format_number, get_unit

register = template.Library()


def plain(value: Decimal) -> Decimal:
    """The Decimal without the store's trailing zeros (2.580000 -> 2.58, 1E+3 -> 1000).

    >>> plain(Decimal("2.580000")), plain(Decimal("328283.000000"))
    (Decimal('2.58'), Decimal('328283'))
    """
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


@register.filter
def vi_number(value: Any, decimals: int | None = None) -> str:
    """1234.5 -> "1.234,5"; None or text that is not a number is shown unchanged ("" for None)."""
    if value is None or value == "":
        return ""
    try:
        number = value if isinstance(value, Decimal) else Decimal(str(value))
    except (InvalidOperation, ValueError):
        return str(value)
    if decimals is None:
        return format_number(plain(number))
    return format_number(number, decimals=int(decimals))


def sensible(value: Decimal) -> Decimal:
    """A computed value rounded for reading: whole numbers from 1.000 up, else 2 decimals
    at most, trailing zeros dropped.

    >>> sensible(Decimal("370364.169711")), sensible(Decimal("10.991465")), sensible(Decimal("65000.00"))
    (Decimal('370364'), Decimal('10.99'), Decimal('65000'))
    >>> sensible(Decimal("0.769131"))
    Decimal('0.769')
    """
    if abs(value) >= 1000:
        return plain(value.quantize(Decimal(1)))
    places = 3 if abs(value) < 1 else 2
    return plain(value.quantize(Decimal(1).scaleb(-places)))


@register.filter
def vi_value(value: Any, unit: str | None = None) -> str:
    """A computed value (a path's milestone) rounded sensibly, with its unit: "370.364 tỷ đồng"."""
    if value is None or value == "":
        return ""
    try:
        number = sensible(value if isinstance(value, Decimal) else Decimal(str(value)))
    except (InvalidOperation, ValueError):
        return str(value)
    symbol = unit_label(unit)
    if not symbol:
        return format_number(number)
    attached = symbol.startswith("%")
    return f"{format_number(number)}{'' if attached else ' '}{symbol}"


@register.filter
def period_label(value: Any) -> str:
    """A stored period in words: "2025-10M" -> "10 tháng năm 2025", "2026-01" -> "Tháng 01/2026",
    "2025" -> "Năm 2025"; text that is not a period is shown unchanged."""
    try:
        return Period.parse(str(value)).label()
    except PeriodError:
        return str(value)


@register.filter
def unit_label(code: str | None) -> str:
    """A unit code as people write it ("ty_dong" -> "tỷ đồng"); an unknown code unchanged."""
    if not code:
        return ""
    try:
        return str(get_unit(code).symbol)
    except (UnknownUnitError, KeyError, ValueError):
        return code


@register.filter
def vi_date(value: date | datetime | None) -> str:
    """A date as dd/mm/yyyy (a datetime in the local time zone)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
    return value.strftime("%d/%m/%Y")


@register.filter
def vi_datetime(value: datetime | None) -> str:
    """A moment as dd/mm/yyyy HH:MM in the local time zone."""
    if value is None:
        return ""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return local.strftime("%d/%m/%Y %H:%M")


@register.simple_tag
def sparkline(series: Sequence[tuple[int, Decimal]], width: int = 90, height: int = 24) -> str:
    """A small trend line of (year, value) pairs as inline SVG; a dash with fewer than 2."""
    if len(series) < 2:
        return SafeString('<span class="muted" aria-hidden="true">–</span>')
    return SafeString(_svg(series, width, height))


def _svg(series: Sequence[tuple[int, Decimal]], width: int, height: int) -> str:
    values = [float(v) for _, v in series]
    low, high = min(values), max(values)
    span = (high - low) or 1.0
    step = (width - 4) / (len(values) - 1)
    points = [
        (2 + i * step, height - 2 - (v - low) / span * (height - 4)) for i, v in enumerate(values)
    ]
    path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
    first, last = series[0], series[-1]
    label = (
        f"Xu hướng {first[0]}–{last[0]}: từ {format_number(plain(first[1]))} "
        f"đến {format_number(plain(last[1]))}"
    )
    end_x, end_y = points[-1]
    return (
        f'<svg class="sparkline" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'role="img" aria-label="{label}"><title>{label}</title>'
        f'<polyline fill="none" stroke="currentColor" stroke-width="1.5" points="{path}"/>'
        f'<circle cx="{end_x:.1f}" cy="{end_y:.1f}" r="2" fill="currentColor"/></svg>'
    )
