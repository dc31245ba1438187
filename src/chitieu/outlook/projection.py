"""Projection of one series to the target year: plain Python, one series at a time.

Levels are projected in a transformed space where the required path is a
straight line (see `Measure`): log of the level (compound), log of the
distance to a natural limit (near 0 % or 100 %), or the level itself. With
two points the line goes through the baseline and the latest value (compound
continuation); with three or more it is a time-weighted least-squares line
with a prediction interval. `chitieu.outlook.panel` does the same for many
series at once and must agree with this module.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from chitieu.catalog.model import Aggregation
from chitieu.outlook._tdist import t_quantile
from chitieu.outlook.goal import Goal, Scale
from chitieu.outlook.settings import DEFAULT_SETTINGS, Measure, OutlookSettings

NAN = math.nan
MIN_GROWTH = -0.999999  # a yearly fall of 100 % or more would break the compound average


@dataclass(frozen=True)
class Points:
    """A series cut to the plan period: the baseline and the yearly values after it."""

    baseline: float | None
    years: tuple[int, ...]  # strictly after the baseline year, up to the target year
    values: tuple[float, ...]


def points(goal: Goal, years: Sequence[int], values: Sequence[float | Decimal]) -> Points:
    """Keep one value per year (the last given) inside (baseline year, target year].

    The baseline is the series' own value in the baseline year when present,
    else the goal's baseline.
    """
    by_year = {int(y): float(v) for y, v in zip(years, values, strict=True)}
    base = by_year.get(goal.baseline_year)
    if base is None and goal.baseline_value is not None:
        base = float(goal.baseline_value)
    kept = sorted(y for y in by_year if goal.baseline_year < y <= goal.target_year)
    return Points(base, tuple(kept), tuple(by_year[y] for y in kept))


def level_measure(
    goal: Goal, y0: float, target: float, values: Sequence[float], settings: OutlookSettings
) -> Measure:
    """LOG for positive money/counts, GAP for a % target near its limit, else LINEAR."""
    allv = (y0, *values)
    if goal.scale is Scale.MULTIPLICATIVE:
        return Measure.LOG if target > 0 and all(v > 0 for v in allv) else Measure.LINEAR
    d, limit = goal.direction, goal.favourable_limit
    near = abs(limit - target) <= settings.near_limit and target != limit
    inside = all(d * (limit - v) > 0 for v in allv)
    return Measure.GAP if near and inside else Measure.LINEAR


def to_z(measure: Measure, y: float, d: int, limit: float) -> float:
    if measure is Measure.LOG:
        return math.log(y)
    if measure is Measure.GAP:
        return -d * math.log(d * (limit - y))
    return y


def from_z(measure: Measure, z: float, d: int, limit: float) -> float:
    if measure is Measure.LOG:
        return math.exp(z)
    if measure is Measure.GAP:
        return limit - d * math.exp(-d * z)
    return z


@dataclass(frozen=True)
class Line:
    """A weighted least-squares line z = mean_z + slope * (x - mean_x), x = year - origin."""

    mean_x: float
    mean_z: float
    slope: float
    sum_w: float
    sxx: float
    sigma2: float  # weighted residual variance, n - 2 degrees of freedom
    n: int

    def at(self, x: float) -> float:
        return self.mean_z + self.slope * (x - self.mean_x)

    def half_width(self, x: float, level: float) -> float:
        """Half the prediction interval for a new value of weight 1 (the latest's weight)."""
        var = self.sigma2 * (1.0 + 1.0 / self.sum_w + (x - self.mean_x) ** 2 / self.sxx)
        return t_quantile(0.5 + level / 2.0, self.n - 2) * math.sqrt(var)


def fit_line(xs: Sequence[float], zs: Sequence[float], decay: float) -> Line:
    """Time-weighted least squares: weight decay ** (x_last - x); needs 3+ distinct x."""
    last = max(xs)
    ws = [decay ** (last - x) for x in xs]
    sw = math.fsum(ws)
    mx = math.fsum(w * x for w, x in zip(ws, xs, strict=True)) / sw
    mz = math.fsum(w * z for w, z in zip(ws, zs, strict=True)) / sw
    sxx = math.fsum(w * (x - mx) ** 2 for w, x in zip(ws, xs, strict=True))
    sxz = math.fsum(w * (x - mx) * (z - mz) for w, x, z in zip(ws, xs, zs, strict=True))
    slope = sxz / sxx
    rss = math.fsum(
        w * (z - mz - slope * (x - mx)) ** 2 for w, x, z in zip(ws, xs, zs, strict=True)
    )
    return Line(mx, mz, slope, sw, sxx, rss / (len(xs) - 2), len(xs))


@dataclass(frozen=True)
class LevelProjection:
    measure: Measure
    target: float
    z0: float
    z_target: float
    slope: float  # actual z change per year, baseline to latest
    projected: float
    low: float  # prediction interval (NaN with fewer than 3 points)
    high: float
    z_projected: float  # for the anticipated-progress share (clipped for LINEAR)


def project_level(
    goal: Goal, pts: Points, settings: OutlookSettings = DEFAULT_SETTINGS
) -> LevelProjection | None:
    """Project a level to the target year; None without a baseline and a later value."""
    if pts.baseline is None or not pts.values:
        return None
    y0, t0, d = pts.baseline, goal.baseline_year, goal.direction
    target = goal.value_for(y0)
    measure = level_measure(goal, y0, target, pts.values, settings)
    limit = goal.favourable_limit
    zs = [to_z(measure, v, d, limit) for v in (y0, *pts.values)]
    xs = [0.0, *(float(y - t0) for y in pts.years)]
    big_x, xi = float(goal.years), xs[-1]
    slope = (zs[-1] - zs[0]) / xi
    low = high = NAN
    if xi >= big_x:
        z_hat = zs[-1]
    elif len(xs) >= 3:
        line = fit_line(xs, zs, settings.decay)
        z_hat = line.at(big_x)
        half = line.half_width(big_x, settings.level)
        low, high = (_clip(goal, from_z(measure, z_hat + s * half, d, limit)) for s in (-1, 1))
    else:
        z_hat = zs[0] + slope * big_x
    projected = _clip(goal, from_z(measure, z_hat, d, limit))
    z_proj = projected if measure is Measure.LINEAR else z_hat
    z_target = to_z(measure, target, d, limit)
    return LevelProjection(measure, target, zs[0], z_target, slope, projected, low, high, z_proj)


def _clip(goal: Goal, y: float) -> float:
    return min(max(y, goal.lower_limit), goal.upper_limit)


@dataclass(frozen=True)
class FlowProjection:
    """Averages and totals over the period, from the yearly values observed so far."""

    observed: int  # years with a value
    imputed: int  # missing years before the latest, filled with the observed average
    elapsed: int  # latest year - baseline year
    actual: float  # the period statistic so far (average growth in %, average level, total)
    projected: float  # the same statistic at the target year, from the trend
    trend: bool  # True when the remaining years come from the weighted line


def project_flow(
    goal: Goal, pts: Points, settings: OutlookSettings = DEFAULT_SETTINGS
) -> FlowProjection | None:
    """AVG_GROWTH (compound, values in %), AVG_LEVEL (mean) or CUMULATIVE (sum)."""
    if not pts.values:
        return None
    growth = goal.aggregation is Aggregation.AVG_GROWTH
    t0, big_n = goal.baseline_year, goal.years
    k = len(pts.values)
    elapsed = pts.years[-1] - t0
    imputed = elapsed - k
    # Growth rates are averaged (and their trend fitted) as log(1 + g): the compound average.
    vs = (
        [math.log1p(max(v / 100.0, MIN_GROWTH)) for v in pts.values] if growth else list(pts.values)
    )
    mean = math.fsum(vs) / k
    remaining = [float(y - t0) for y in range(pts.years[-1] + 1, goal.target_year + 1)]
    trend = k >= 3 and bool(remaining)
    if trend:
        line = fit_line([float(y - t0) for y in pts.years], vs, settings.decay)
        future = [line.at(x) for x in remaining]
    else:
        future = [mean] * len(remaining)
    so_far = math.fsum(vs) + imputed * mean
    at_end = so_far + math.fsum(future)
    if growth:
        return FlowProjection(
            k, imputed, elapsed, math.expm1(mean) * 100, math.expm1(at_end / big_n) * 100, trend
        )
    if goal.aggregation is Aggregation.CUMULATIVE:
        return FlowProjection(k, imputed, elapsed, so_far, at_end, trend)
    return FlowProjection(k, imputed, elapsed, mean, at_end / big_n, trend)
