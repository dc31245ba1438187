"""The vocabulary of plan coherence checks: inputs with their lines, a verdict, helpers.

Verdict rules (docs/coherence.md):
- coherent: the plan's own numbers agree, by arithmetic alone, within the
  rounding of the numbers as written;
- assumption: they agree only under an assumption the plan does not state
  (a deflator, an exchange rate, a smooth path, no net migration...), or only
  for part of a stated range;
- incoherent: they disagree even over the whole range the assumptions allow.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, localcontext
from enum import StrEnum

from chitieu.catalog.model import Baseline, Catalogue, Indicator, IndicatorTarget, Source
from chitieu.quantity.format import format_number
from chitieu.quantity.target import TargetKind
from chitieu.quantity.units import convert

# Shares are written with one decimal: a sum of four such numbers may be off by
# 4 x 0,05 = 0,2 points from rounding alone.
SHARE_SUM_TOLERANCE = Decimal("0.2")
HUNDRED = Decimal(100)
ONE = Decimal(1)


class Verdict(StrEnum):
    COHERENT = "coherent"
    ASSUMPTION = "assumption"
    INCOHERENT = "incoherent"

    @property
    def label(self) -> str:
        return {
            Verdict.COHERENT: "Nhất quán",
            Verdict.ASSUMPTION: "Chỉ đúng với giả định",
            Verdict.INCOHERENT: "Không nhất quán",
        }[self]


@dataclass(frozen=True)
class Input:
    name: str  # what the number is, in Vietnamese
    value: Decimal
    unit: str | None
    line: int | None
    text: str  # as written in the document


@dataclass(frozen=True)
class CoherenceCheck:
    check: str  # stable id: "co_cau.tong_2030"
    title: str  # Vietnamese
    inputs: tuple[Input, ...]
    formula: str
    result: str  # the computed numbers, Vietnamese notation
    verdict: Verdict
    assumptions: tuple[str, ...]
    explanation: str


@dataclass(frozen=True)
class Missing:
    """A check that could not run: which one and what it lacks."""

    check: str
    reason: str


Outcome = CoherenceCheck | Missing


def find(catalogue: Catalogue, code: str) -> Indicator | None:
    for indicator in catalogue.indicators:
        if indicator.code == code:
            return indicator
    return None


def main_target(catalogue: Catalogue, indicator: Indicator) -> IndicatorTarget | None:
    """The target for the plan's end year (the first one when none ends there)."""
    if not indicator.targets:
        return None
    for target in indicator.targets:
        if target.period_end == catalogue.plan.term_end:
            return target
    return indicator.targets[0]


def bounds(target: IndicatorTarget) -> tuple[Decimal, Decimal] | None:
    """(low, high) of a numeric target; an open side takes the closed one (a cap is its value)."""
    value = target.value
    if value.kind in (TargetKind.RANK, TargetKind.TEXT, TargetKind.RATIO):
        return None
    low = value.low if value.low is not None else value.high
    high = value.high if value.high is not None else value.low
    if low is None or high is None:
        return None
    return low, high


def baseline(indicator: Indicator, year: int) -> Baseline | None:
    for base in indicator.baselines:
        if base.locality is None and base.year == year:
            return base
    return None


def base_year(catalogue: Catalogue) -> int:
    """The year before the period: 2025 for targets over 2026-2030."""
    starts = [t.period_start for i in catalogue.indicators for t in i.targets]
    return (min(starts) if starts else catalogue.plan.years[0] + 1) - 1


def target_input(name: str, indicator: Indicator, target: IndicatorTarget) -> Input:
    low_high = bounds(target)
    value = low_high[0] if low_high is not None else Decimal(0)
    return _input(name, value, indicator.unit or target.value.unit, target.source)


def target_inputs(
    name: str, indicator: Indicator, target: IndicatorTarget
) -> tuple[Decimal, Decimal, Input]:
    """Low and high of a numeric target and its Input (the value shown is the text's)."""
    low_high = bounds(target)
    if low_high is None:
        raise ValueError(f"{indicator.code}: mục tiêu không có giá trị số.")
    low, high = low_high
    return low, high, _input(name, low, indicator.unit or target.value.unit, target.source)


def baseline_input(name: str, indicator: Indicator, base: Baseline) -> Input:
    return _input(name, base.value, base.unit or indicator.unit, base.source)


def assumed_input(name: str, value: Decimal, unit: str | None, text: str) -> Input:
    return Input(name, value, unit, None, text)


def _input(name: str, value: Decimal, unit: str | None, source: Source) -> Input:
    return Input(name, value, unit, source.line, source.text)


def in_unit(value: Decimal, unit: str | None, wanted: str) -> Decimal:
    """`value` in the unit `wanted`; a missing unit is taken as already `wanted`."""
    if unit is None or unit == wanted:
        return value
    return convert(value, unit, wanted)


def cagr(ratio: Decimal, years: int) -> Decimal:
    """Compound yearly rate (a fraction) that multiplies by `ratio` in `years` years.

    >>> round(cagr(Decimal("1.21"), 2), 6)
    Decimal('0.100000')
    """
    with localcontext() as ctx:
        ctx.prec = 28
        return ratio ** (ONE / Decimal(years)) - ONE


def pct(fraction: Decimal, decimals: int = 2) -> str:
    """A fraction written as a Vietnamese percentage.

    >>> pct(Decimal("0.128186"))
    '12,82%'
    """
    return format_number(fraction * HUNDRED, decimals=decimals) + "%"


def num(value: Decimal, decimals: int = 2) -> str:
    """A number in Vietnamese notation, rounded.

    >>> num(Decimal("2391431.6497"), 0)
    '2.391.432'
    """
    return format_number(value, decimals=decimals)


def overlap(
    a: tuple[Decimal, Decimal], b: tuple[Decimal, Decimal]
) -> tuple[Decimal, Decimal] | None:
    """The common part of two closed intervals, or None."""
    low, high = max(a[0], b[0]), min(a[1], b[1])
    return (low, high) if low <= high else None


def range_verdict(found: tuple[Decimal, Decimal], allowed: tuple[Decimal, Decimal]) -> Verdict:
    """An implied range against an assumed plausible range.

    Inside it: holds under the assumption; partly inside: still only under an
    assumption (and for part of the stated range); outside: incoherent.
    """
    return Verdict.ASSUMPTION if overlap(found, allowed) is not None else Verdict.INCOHERENT


def missing(check: str, codes: Iterable[str]) -> Missing:
    return Missing(check, "Thiếu chỉ tiêu hoặc số liệu: " + ", ".join(codes) + ".")
