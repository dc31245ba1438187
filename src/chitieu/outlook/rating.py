"""On-track rating of one series: plain Python, the reference for the vectorised panel.

R (Open SDG / Statistics Canada): the actual pace from the baseline to the
latest value divided by the pace required from the baseline to the target.
A (UN ESCAP anticipated progress): the share of the required change that
the trend projection reaches by the target year. With three or more points
the rating uses min(R, A), else R. Cut-offs: 0.95, 0.60, 0.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from chitieu.catalog.model import Aggregation
from chitieu.outlook.goal import Goal
from chitieu.outlook.projection import (
    FlowProjection,
    LevelProjection,
    Points,
    points,
    project_flow,
    project_level,
)
from chitieu.outlook.reason import reason_text
from chitieu.outlook.settings import DEFAULT_SETTINGS, Measure, OutlookSettings, Rating
from chitieu.outlook.working import working_lines

LEVEL_AGGREGATIONS = (Aggregation.LEVEL, Aggregation.CHANGE)
FLOW_MEASURES = {
    Aggregation.AVG_GROWTH: Measure.AVG_GROWTH,
    Aggregation.AVG_LEVEL: Measure.AVG_LEVEL,
    Aggregation.CUMULATIVE: Measure.CUMULATIVE,
}


@dataclass(frozen=True)
class Outlook:
    """The rating of one (indicator, locality) series with the numbers behind it.

    Paces are in % per year for LOG, GAP and AVG_GROWTH measures, in the
    indicator's unit per year for LINEAR and CUMULATIVE, and in the unit
    itself for AVG_LEVEL and EVERY_YEAR. These are derived estimates, kept as
    floats; None where a number does not apply.
    """

    indicator: str
    locality: str | None
    rating: Rating
    measure: Measure
    target: float | None  # the value to reach for this series
    target_year: int
    latest_year: int | None = None
    latest_value: float | None = None
    ratio: float | None = None  # R
    anticipated: float | None = None  # A
    projected: float | None = None  # at the target year
    interval: tuple[float, float] | None = None  # prediction interval of `projected`
    actual_pace: float | None = None
    required_pace: float | None = None  # from the baseline, the whole period
    required_remaining: float | None = None  # per remaining year, from the latest value
    points: int = 0
    imputed: int = 0  # missing years filled with the observed average (flows)
    reason: str = ""  # the sentence (chitieu.outlook.reason)
    working: tuple[str, ...] = ()  # its arithmetic, one line each (chitieu.outlook.working)


def category(score: float, settings: OutlookSettings = DEFAULT_SETTINGS) -> Rating:
    """Open SDG cut-offs on R (or min(R, A)).

    >>> category(0.78).value, category(0.95).value, category(-0.1).value
    ('needs_acceleration', 'on_track', 'deterioration')
    """
    if score >= settings.on_track:
        return Rating.ON_TRACK
    if score >= settings.acceleration:
        return Rating.NEEDS_ACCELERATION
    if score >= 0:
        return Rating.LIMITED_PROGRESS
    return Rating.DETERIORATION


def rate(
    goal: Goal,
    years: Sequence[int],
    values: Sequence[float | Decimal],
    locality: str | None = None,
    settings: OutlookSettings = DEFAULT_SETTINGS,
) -> Outlook:
    """Rate one series of yearly values (the baseline year's value may be among them)."""
    pts = points(goal, years, values)
    if goal.aggregation in FLOW_MEASURES:
        outlook = _rate_flow(goal, pts, locality, settings)
    elif goal.aggregation is Aggregation.EVERY_YEAR:
        outlook = _rate_every_year(goal, pts, locality, settings)
    else:
        outlook = _rate_level(goal, pts, locality, settings)
    return with_reason(outlook, goal, settings)


def with_reason(
    outlook: Outlook, goal: Goal, settings: OutlookSettings = DEFAULT_SETTINGS
) -> Outlook:
    """The outlook with its sentence and the arithmetic behind it."""
    return replace(
        outlook,
        reason=reason_text(outlook, goal),
        working=working_lines(outlook, goal, settings),
    )


def _base(goal: Goal, pts: Points, locality: str | None, measure: Measure) -> Outlook:
    target = goal.value_for(pts.baseline) if goal.aggregation in LEVEL_AGGREGATIONS else None
    return Outlook(
        indicator=goal.indicator,
        locality=locality,
        rating=Rating.INSUFFICIENT_DATA,
        measure=measure,
        target=target if target is not None else float(goal.value),
        target_year=goal.target_year,
        latest_year=pts.years[-1] if pts.years else None,
        latest_value=pts.values[-1] if pts.values else None,
        points=len(pts.values) + (pts.baseline is not None),
    )


def _achieved(goal: Goal, value: float) -> bool:
    return goal.achieved_low <= value <= goal.achieved_high


def _rate_level(goal: Goal, pts: Points, locality: str | None, s: OutlookSettings) -> Outlook:
    proj = project_level(goal, pts, s)
    if proj is None or pts.baseline is None:
        return _base(goal, pts, locality, Measure.NONE)
    out = _base(goal, pts, locality, proj.measure)
    d, rem = goal.direction, goal.target_year - pts.years[-1]
    actual, required = _paces(proj, d, goal.years)
    numbers = dict(
        projected=proj.projected,
        interval=None if math.isnan(proj.low) else (proj.low, proj.high),
        required_remaining=_remaining(proj, pts.values[-1], rem, d, goal.favourable_limit),
    )
    if _achieved(goal, pts.values[-1]):
        return _replace(out, Rating.TARGET_ACHIEVED, **numbers)
    if d * (proj.target - pts.baseline) <= 0:  # the baseline already met the target
        return _replace(out, Rating.DETERIORATION, **numbers)
    sign = 1 if proj.measure is Measure.GAP else d
    ratio = sign * actual / abs(required)
    score, anticipated = ratio, None
    if len(pts.values) >= 2 and rem > 0:
        anticipated = (proj.z_projected - proj.z0) / (proj.z_target - proj.z0)
        score = min(ratio, anticipated)
    return _replace(
        out,
        category(score, s),
        ratio=ratio,
        anticipated=anticipated,
        actual_pace=actual,
        required_pace=required,
        **numbers,
    )


def _paces(proj: LevelProjection, d: int, years: int) -> tuple[float, float]:
    """Actual and required pace from the baseline (LOG/GAP in %/year, LINEAR per year)."""
    required_slope = (proj.z_target - proj.z0) / years
    if proj.measure is Measure.LOG:
        return math.expm1(proj.slope) * 100, math.expm1(required_slope) * 100
    if proj.measure is Measure.GAP:  # how fast the distance to the limit shrinks
        return -math.expm1(-d * proj.slope) * 100, -math.expm1(-d * required_slope) * 100
    return proj.slope, required_slope


def _remaining(proj: LevelProjection, yi: float, rem: int, d: int, limit: float) -> float | None:
    if rem <= 0:
        return None
    if proj.measure is Measure.LOG:
        return ((proj.target / yi) ** (1 / rem) - 1) * 100
    if proj.measure is Measure.GAP:
        return (1 - ((limit - proj.target) / (limit - yi)) ** (1 / rem)) * 100
    return (proj.target - yi) / rem


def _replace(out: Outlook, rating: Rating, **numbers: object) -> Outlook:
    return replace(out, rating=rating, **numbers)  # type: ignore[arg-type]


def _rate_flow(goal: Goal, pts: Points, locality: str | None, s: OutlookSettings) -> Outlook:
    measure = FLOW_MEASURES[goal.aggregation]
    proj = project_flow(goal, pts, s)
    out = replace(_base(goal, pts, locality, measure), points=len(pts.values))
    if proj is None:
        return out
    out = _replace(out, Rating.INSUFFICIENT_DATA, points=proj.observed, imputed=proj.imputed)
    target, d, big_n = float(goal.value), goal.direction, goal.years
    rem = big_n - proj.elapsed
    cumulative = measure is Measure.CUMULATIVE
    actual = proj.actual / proj.elapsed if cumulative else proj.actual
    required = target / big_n if cumulative else target
    numbers: dict[str, object] = dict(
        projected=proj.projected,
        actual_pace=actual,
        required_pace=required,
        required_remaining=_flow_remaining(measure, proj, target, big_n, rem),
    )
    complete = rem <= 0
    if (complete or (cumulative and d > 0)) and _achieved(goal, proj.actual):
        return _replace(out, Rating.TARGET_ACHIEVED, **numbers)
    if d * required <= 0:  # no ratio for a zero or wrong-signed target: compare directly
        ok = d * (actual - required) >= 0
        return _replace(out, Rating.ON_TRACK if ok else Rating.NEEDS_ACCELERATION, **numbers)
    ratio = d * actual / abs(required)
    score, anticipated = ratio, None
    if proj.trend:
        anticipated = d * proj.projected / abs(target)
        score = min(ratio, anticipated)
    return _replace(out, category(score, s), ratio=ratio, anticipated=anticipated, **numbers)


def _flow_remaining(
    measure: Measure, proj: FlowProjection, target: float, big_n: int, rem: int
) -> float | None:
    if rem <= 0:
        return None
    if measure is Measure.AVG_GROWTH:
        needed = big_n * math.log1p(target / 100) - proj.elapsed * math.log1p(proj.actual / 100)
        return math.expm1(needed / rem) * 100
    if measure is Measure.AVG_LEVEL:
        return (big_n * target - proj.elapsed * proj.actual) / rem
    return (target - proj.actual) / rem


def _rate_every_year(goal: Goal, pts: Points, locality: str | None, s: OutlookSettings) -> Outlook:
    out = _base(goal, pts, locality, Measure.EVERY_YEAR)
    if not pts.values:
        return out
    proj = project_level(goal, pts, s)
    numbers: dict[str, object] = dict(
        required_remaining=float(goal.value) if pts.years[-1] < goal.target_year else None
    )
    if proj is not None:
        numbers["projected"] = proj.projected
        numbers["interval"] = None if math.isnan(proj.low) else (proj.low, proj.high)
    yi = pts.values[-1]
    missing = pts.years[-1] - goal.baseline_year - len(pts.values)
    if _achieved(goal, yi):
        complete = pts.years[-1] >= goal.target_year and missing == 0
        all_met = all(_achieved(goal, v) for v in pts.values)
        rating = Rating.TARGET_ACHIEVED if complete and all_met else Rating.ON_TRACK
        return _replace(out, rating, imputed=missing, **numbers)
    previous = pts.values[-2] if len(pts.values) >= 2 else pts.baseline
    worse = previous is not None and goal.direction * (yi - previous) < 0
    rating = Rating.DETERIORATION if worse else Rating.NEEDS_ACCELERATION
    return _replace(out, rating, imputed=missing, **numbers)
