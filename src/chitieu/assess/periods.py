"""Periods told apart: a figure of part of a year beside a yearly target, and the years an
average target was averaged over.

A figure of part of a year is never a year's result (`aggregate.yearly_figures` leaves it
out of every assessment). It is shown for what it is:

- For a yearly *flow* (a money amount the year sums up: revenue, investment, exports; or a
  unit counted "per year"), a figure whose period starts in January is the year so far:
  "lũy kế tháng 1/2026" (January alone is its own running total), "lũy kế quý 1/2026",
  "lũy kế 6 tháng đầu năm 2026", "lũy kế 5 tháng năm 2026". Beside a target that is a
  yearly amount it carries the share of that amount reached and the share of the year
  elapsed, so 5.914 of 65.000 tỷ đồng after one month reads "9,1% … 8,3%".
- A flow's month, quarter or half that does not start in January (2026-05, 2026-Q2) is one
  span, not the year so far: shown as "tháng 5/2026", without shares.
- Anything else (a rate, a share, a density, a count of communes) is a *stock* or a
  reading: its January value is where it stood in January ("tháng 1/2026"), not a
  fraction of the year, so it has no shares either.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from chitieu.assess._vi_number import format_number
from chitieu.catalog.model import Aggregation, Figure, IndicatorTarget
from chitieu.catalog.period import Period, PeriodKind
from chitieu.quantity import QuantityError, format_value
from chitieu.quantity.format import plain
from chitieu.quantity.target import TargetKind
from chitieu.quantity.units import UNITS

# Money is the one dimension these plans always state as a yearly flow; counts may be
# stocks (communes meeting a standard, enterprises operating) unless the unit says per year.
_FLOW_DIMENSIONS = frozenset({"money_vnd", "money_usd"})
_YEARLY_AMOUNT = (Aggregation.LEVEL, Aggregation.EVERY_YEAR, Aggregation.CUMULATIVE)
_NUMBER_KINDS = (
    TargetKind.POINT,
    TargetKind.APPROX,
    TargetKind.MIN,
    TargetKind.MAX,
    TargetKind.RANGE,
)
_AVERAGES = (Aggregation.AVG_GROWTH, Aggregation.AVG_LEVEL)


@dataclass(frozen=True)
class PartYear:
    """A figure of part of a year as the pages and reports show it."""

    period: Period
    value: Decimal
    label: str  # "lũy kế tháng 1/2026", "tháng 5/2026"
    year_to_date: bool  # the running total of a yearly flow since January
    months: int  # months of the year covered up to the period's end
    annual_target: Decimal | None = None  # the yearly amount the share is of
    target_share: Decimal | None = None  # value / annual_target
    elapsed_share: Decimal | None = None  # months / 12
    unit: str | None = None

    @property
    def target_share_text(self) -> str:
        return share_text(self.target_share) if self.target_share is not None else ""

    @property
    def annual_target_text(self) -> str:
        return _amount(self.annual_target, self.unit) if self.annual_target is not None else ""

    @property
    def shares_text(self) -> str:
        """ "đạt 9,1% mục tiêu năm (65.000 tỷ đồng), đã qua 8,3% thời gian của năm", or ""."""
        if self.target_share is None or self.elapsed_share is None:
            return ""
        assert self.annual_target is not None
        return (
            f"đạt {share_text(self.target_share)} mục tiêu năm "
            f"({_amount(self.annual_target, self.unit)}), "
            f"đã qua {share_text(self.elapsed_share)} thời gian của năm"
        )


def is_yearly_flow(unit: str | None, aggregation: Aggregation | None) -> bool:
    """Whether the indicator's yearly value is the sum of its months.

    >>> is_yearly_flow("ty_dong", Aggregation.LEVEL), is_yearly_flow("pct", Aggregation.LEVEL)
    (True, False)
    >>> is_yearly_flow("ty_dong", Aggregation.AVG_LEVEL), is_yearly_flow("xa", None)
    (False, False)
    """
    if aggregation is not None and aggregation not in _YEARLY_AMOUNT:
        return False
    code = unit or ""
    found = UNITS.get(code)
    if found is None:
        return False
    return found.dimension in _FLOW_DIMENSIONS or (
        code.endswith("_per_year") and found.dimension != "rate"
    )


def part_year(
    figure: Figure, unit: str | None, target: IndicatorTarget | None = None
) -> PartYear | None:
    """How a figure of part of a year reads beside `target`; None for a yearly figure."""
    period = figure.period
    if period.is_year:
        return None
    first, last = part_months(period)
    aggregation = target.aggregation if target is not None else None
    flow = is_yearly_flow(unit, aggregation)
    running = flow and first == 1
    found = PartYear(period, figure.value, _label(period, running), running, last)
    annual = _annual_amount(target, period.year) if running else None
    if annual is None or annual <= 0:
        return found
    return PartYear(
        period,
        figure.value,
        found.label,
        True,
        last,
        annual_target=annual,
        target_share=figure.value / annual,
        elapsed_share=Decimal(last) / 12,
        unit=unit,
    )


def share_text(ratio: Decimal) -> str:
    """A share with one decimal: Decimal('0.0909846') -> '9,1%'.

    >>> share_text(Decimal(1) / 12)
    '8,3%'
    """
    return format_number(ratio * 100, 1) + "%"


def averaged_span(target: IndicatorTarget, years_used: tuple[int, ...]) -> str:
    """The years an average target was actually averaged over: "bình quân 2026–2026".

    Growth from levels uses the base year and the last year (2025, 2026): the years
    averaged are those after the base. Empty for a target that is not an average.

    >>> from chitieu.catalog.model import Source
    >>> from chitieu.quantity.target import Target
    >>> t = IndicatorTarget(Target("10", TargetKind.POINT, Decimal(10), Decimal(10)),
    ...     2026, 2030, Aggregation.AVG_GROWTH, Source("nq.txt"))
    >>> averaged_span(t, (2026,)), averaged_span(t, (2025, 2027)), averaged_span(t, ())
    ('bình quân 2026–2026', 'bình quân 2026–2027', '')
    """
    if target.aggregation not in _AVERAGES or not years_used:
        return ""
    first, last = min(years_used), max(years_used)
    if first < target.period_start:  # growth from the base year's level
        first += 1
    return f"bình quân {first}–{last}"


def _amount(value: Decimal, unit: str | None) -> str:
    try:
        return format_value(plain(value), unit, decimals=None)
    except (QuantityError, KeyError, ValueError):
        return format_number(value)


def _annual_amount(target: IndicatorTarget | None, year: int) -> Decimal | None:
    """The yearly amount a year-to-date figure of `year` is a share of."""
    if target is None or not target.period_start <= year <= target.period_end:
        return None
    value = target.value
    if value.kind not in _NUMBER_KINDS:
        return None
    number = value.low if value.low is not None else value.high
    if number is None:
        return None
    if target.aggregation is Aggregation.CUMULATIVE:
        return number / (target.period_end - target.period_start + 1)
    return number


def part_months(period: Period) -> tuple[int, int]:
    """The first and last month of the year the period covers."""
    if period.kind is PeriodKind.MONTH:
        return period.index, period.index
    if period.kind is PeriodKind.YEAR_TO_DATE:
        return 1, period.index
    if period.kind is PeriodKind.QUARTER:
        return 3 * period.index - 2, 3 * period.index
    if period.kind is PeriodKind.HALF:
        return 6 * period.index - 5, 6 * period.index
    return 1, 12


def _label(period: Period, running: bool) -> str:
    """ "lũy kế tháng 1/2026", "lũy kế 5 tháng năm 2026", "tháng 5/2026", "quý 2/2026"."""
    year, index, kind = period.year, period.index, period.kind
    prefix = "lũy kế " if running else ""
    if kind is PeriodKind.MONTH:
        return f"{prefix}tháng {index}/{year}"
    if kind is PeriodKind.QUARTER:
        return f"{prefix}quý {index}/{year}"
    if kind is PeriodKind.HALF:
        return f"{prefix}6 tháng {'đầu' if index == 1 else 'cuối'} năm {year}"
    if index == 1:
        return f"{prefix}tháng 1/{year}"
    return f"{prefix}{index} tháng năm {year}"
