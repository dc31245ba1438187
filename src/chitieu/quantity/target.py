"""A target expression as data: what a resolution asks for, before any period or aggregation."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum


class TargetKind(StrEnum):
    POINT = "point"  # 50 %
    RANGE = "range"  # 10%-11%, 7,5-8
    MIN = "min"  # > 90, Trên 15, 80 trở lên, ít nhất 15%
    MAX = "max"  # < 1 %, Dưới 1,5%, không quá, tối đa
    APPROX = "approx"  # Khoảng 600.000 tỷ đồng, gần, xấp xỉ
    RATIO = "ratio"  # 1/3 (cut poor households by a third), 30/77
    RANK = "rank"  # Nhóm 10 tỉnh dẫn đầu: rank at most 10
    TEXT = "text"  # a qualitative goal: a person assesses it


@dataclass(frozen=True)
class NumberReading:
    """One way of reading a written number, with the convention that gives it."""

    value: Decimal
    convention: str  # "vi" (1.234,5), "en" (1,234.5)
    note: str = ""  # Vietnamese explanation shown to a reviewer


@dataclass(frozen=True)
class Target:
    """A parsed target expression.

    `low`/`high` bound the accepted values (either may be None for an open
    side); a point or approximate target has low == high. A ratio keeps its
    fraction in `ratio` (numerator, denominator) and its decimal value in low
    and high. A rank target ("Nhóm 10 tỉnh dẫn đầu") has high = 10 and
    high_inclusive = True: rank 1..10 meets it. A text target has no bounds.
    """

    text: str
    kind: TargetKind
    low: Decimal | None = None
    high: Decimal | None = None
    low_inclusive: bool = True
    high_inclusive: bool = True
    unit: str | None = None  # a unit code from chitieu.quantity.units
    ratio: tuple[int, int] | None = None
    ambiguous: bool = False
    readings: tuple[NumberReading, ...] = ()  # the candidate readings when ambiguous
    flags: tuple[str, ...] = ()  # notes for a reviewer, e.g. "english_decimal"
