"""The required path from the baseline to the target: one milestone per year.

The milestones are what an annual plan should ask for. They are exact
Decimals (stored values), computed by the aggregation of the target:

- LEVEL / CHANGE, money and counts: compound growth y0 * (y*/y0) ** (k/N);
- LEVEL / CHANGE, a % far from 0 and 100 (or any zero or negative value): straight line;
- LEVEL / CHANGE, a % target near its natural limit: the distance to the limit shrinks
  by the same proportion each year (the compound path of the distance);
- AVG_GROWTH, AVG_LEVEL, EVERY_YEAR: the target value itself each year;
- CUMULATIVE: the total spread evenly, target / N per year, with the running total;
- a level already on the favourable side of the target at the start: the target itself each
  year ("already_met"), since a path that falls from the baseline to the target would ask
  for decline.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from chitieu.catalog.model import Aggregation
from chitieu.outlook.goal import Goal
from chitieu.outlook.projection import level_measure
from chitieu.outlook.settings import DEFAULT_SETTINGS, Measure, OutlookSettings
from chitieu.quantity.format import format_number, plain

_PLACES = Decimal("0.000001")


@dataclass(frozen=True)
class Milestone:
    year: int
    value: Decimal  # the level, rate or yearly amount to reach in `year`
    cumulative: Decimal | None = None  # running total (CUMULATIVE only)


@dataclass(frozen=True)
class RequiredPath:
    indicator: str
    shape: str  # "compound" | "gap" | "linear" | "flat" | "even_share" | "none"
    target: Decimal
    milestones: tuple[Milestone, ...]
    midpoint: Decimal | None = None  # of a range target, reported beside the bound aimed at
    note: str = ""  # Vietnamese: why the shape, or why there is no path


def required_path(
    goal: Goal,
    start_year: int | None = None,
    start_value: Decimal | None = None,
    settings: OutlookSettings = DEFAULT_SETTINGS,
) -> RequiredPath:
    """The path from the baseline (or from a later `start_year`/`start_value`) to the target."""
    year = goal.baseline_year if start_year is None else start_year
    start = goal.baseline_value if start_value is None else start_value
    years = range(year + 1, goal.target_year + 1)
    target = goal.value
    if goal.aggregation is Aggregation.CUMULATIVE:
        return _even_share(goal, target)
    if goal.aggregation is not Aggregation.LEVEL and goal.aggregation is not Aggregation.CHANGE:
        flat = tuple(Milestone(y, target) for y in years)
        return RequiredPath(goal.indicator, "flat", target, flat, goal.midpoint, goal.note)
    if start is None:
        return RequiredPath(
            goal.indicator,
            "none",
            target,
            (),
            goal.midpoint,
            "Chưa có số liệu năm gốc: không lập được lộ trình.",
        )
    if _already_met(goal, start, target):
        kept = tuple(Milestone(y, target) for y in years)
        note = (
            f"Năm {year} đã đạt mục tiêu ({_vi(start)} so với {_vi(target)}): "
            "mỗi năm chỉ cần giữ không kém mục tiêu."
        )
        return RequiredPath(goal.indicator, "already_met", target, kept, goal.midpoint, note)
    n = goal.target_year - year
    measure = level_measure(goal, float(start), float(target), (), settings)
    steps = tuple(
        Milestone(y, _tidy(_point(goal, measure, start, target, Decimal(y - year) / n)))
        for y in years
    )
    shape = {Measure.LOG: "compound", Measure.GAP: "gap"}.get(measure, "linear")
    return RequiredPath(goal.indicator, shape, target, steps, goal.midpoint, goal.note)


def _already_met(goal: Goal, start: Decimal, target: Decimal) -> bool:
    return (goal.direction > 0 and start >= target) or (goal.direction < 0 and start <= target)


def _vi(value: Decimal) -> str:
    return format_number(_tidy(value))


def _point(goal: Goal, measure: Measure, y0: Decimal, target: Decimal, share: Decimal) -> Decimal:
    if measure is Measure.LOG:
        return y0 * (target / y0) ** share
    if measure is Measure.GAP:
        limit = Decimal(str(goal.favourable_limit))
        gap0, gap_t = limit - y0, limit - target
        return limit - gap0 * (gap_t / gap0) ** share
    return y0 + (target - y0) * share


def _even_share(goal: Goal, total: Decimal) -> RequiredPath:
    n = goal.years
    yearly = total / n
    steps = tuple(
        Milestone(goal.baseline_year + k, _tidy(yearly), _tidy(yearly * k)) for k in range(1, n + 1)
    )
    return RequiredPath(goal.indicator, "even_share", total, steps, goal.midpoint, goal.note)


def _tidy(value: Decimal) -> Decimal:
    """Six decimal places at most, without trailing zeros or an exponent."""
    return plain(value.quantize(_PLACES))
