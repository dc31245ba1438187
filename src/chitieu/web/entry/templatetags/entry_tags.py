"""Filters for the entry pages: numbers as 1.234,5, unit symbols, status words."""

from __future__ import annotations

from decimal import Decimal

from django import template

from chitieu.catalog.model import FigureStatus
from chitieu.quantity import get_unit
from chitieu.quantity.errors import UnknownUnitError
from chitieu.web.entry.services import show_number

register = template.Library()


@register.filter
def entry_number(value: Decimal | None) -> str:
    """1234.500000 → "1.234,5"; None → "" ."""
    return "" if value is None else show_number(value)


@register.filter
def entry_unit(code: str) -> str:
    """A unit code as written in documents ("pct_per_year" → "%/năm")."""
    if not code:
        return ""
    try:
        return get_unit(code).symbol
    except UnknownUnitError:
        return code


@register.filter
def entry_status(code: str) -> str:
    """A figure status code as its word ("uoc" → "ước")."""
    try:
        return FigureStatus(code).label
    except ValueError:
        return code
