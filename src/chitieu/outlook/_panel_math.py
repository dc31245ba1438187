"""The vectorised arithmetic of the panel: one block of series, a dense (series × year) matrix.

Every formula mirrors the plain-Python reference in projection.py and rating.py;
tests/outlook/test_panel.py checks that they agree series by series.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from chitieu.outlook._tdist import t_quantile
from chitieu.outlook.projection import MIN_GROWTH
from chitieu.outlook.settings import MEASURES, RATINGS, Measure, OutlookSettings, Rating

F = npt.NDArray[np.float64]
IntArr = npt.NDArray[np.int64]
AnyArr = npt.NDArray[Any]
B = npt.NDArray[np.bool_]

# Aggregation codes of the goal table.
AGG_LEVEL, AGG_GROWTH, AGG_AVG_LEVEL, AGG_CUMULATIVE, AGG_EVERY_YEAR = range(5)
SCALE_MULTIPLICATIVE, SCALE_BOUNDED = 0, 1

M_LOG, M_GAP, M_LINEAR = (MEASURES.index(m) for m in (Measure.LOG, Measure.GAP, Measure.LINEAR))
M_NONE, M_EVERY = MEASURES.index(Measure.NONE), MEASURES.index(Measure.EVERY_YEAR)
FLOW_MEASURE = {
    AGG_GROWTH: MEASURES.index(Measure.AVG_GROWTH),
    AGG_AVG_LEVEL: MEASURES.index(Measure.AVG_LEVEL),
    AGG_CUMULATIVE: MEASURES.index(Measure.CUMULATIVE),
}
R_ACHIEVED, R_ON_TRACK, R_ACCEL, R_LIMITED, R_DETER, R_INSUFFICIENT = (
    RATINGS.index(r)
    for r in (
        Rating.TARGET_ACHIEVED,
        Rating.ON_TRACK,
        Rating.NEEDS_ACCELERATION,
        Rating.LIMITED_PROGRESS,
        Rating.DETERIORATION,
        Rating.INSUFFICIENT_DATA,
    )
)


@dataclass(frozen=True)
class SeriesParams:
    """Per-series goal parameters, one array element per series of the block."""

    agg: IntArr
    scale: IntArr
    d: F
    t0: F
    big_t: F
    baseline: F  # the goal's baseline (NaN when unknown)
    target: F
    relative: F  # NaN unless the target is a change from the baseline
    absolute: F
    ach_low: F
    ach_high: F
    lower: F
    upper: F


def _where(mask: B, a: F | float, b: F | float) -> F:
    return np.asarray(np.where(mask, a, b), dtype=np.float64)


def _last_index(mask: B) -> IntArr:
    width = mask.shape[1]
    return np.asarray(width - 1 - np.argmax(mask[:, ::-1], axis=1), dtype=np.int64)


def _take(v: F, idx: IntArr) -> F:
    return np.asarray(np.take_along_axis(v, idx[:, None], axis=1)[:, 0], dtype=np.float64)


def _quantiles(df: F, level: float) -> F:
    out = np.full(df.shape, np.nan)
    for value in np.unique(df[np.isfinite(df) & (df >= 1)]):
        out[df == value] = t_quantile(0.5 + level / 2.0, float(value))
    return out


def _category(score: F, s: OutlookSettings) -> IntArr:
    return np.asarray(
        np.select(
            [score >= s.on_track, score >= s.acceleration, score >= 0],
            [R_ON_TRACK, R_ACCEL, R_LIMITED],
            R_DETER,
        ),
        dtype=np.int64,
    )


def compute_block(v: F, years: F, p: SeriesParams, s: OutlookSettings) -> dict[str, npt.NDArray]:
    """Rate every series of the block; `v` is (series × year) with NaN for missing."""
    with np.errstate(all="ignore"):
        return _compute(v, years, p, s)


def _compute(v: F, years: F, p: SeriesParams, s: OutlookSettings) -> dict[str, npt.NDArray]:
    rows = np.arange(v.shape[0])
    col0 = (p.t0 - years[0]).astype(np.int64)
    inside = (col0 >= 0) & (col0 < v.shape[1])
    own = _where(inside, v[rows, np.clip(col0, 0, v.shape[1] - 1)], np.nan)
    b = _where(np.isnan(own), p.baseline, own)
    yr = years[None, :]
    m = ~np.isnan(v) & (yr > p.t0[:, None]) & (yr <= p.big_t[:, None])
    k = m.sum(axis=1).astype(np.float64)
    li = _last_index(m)
    ti = _where(k > 0, years[li], np.nan)
    yi = _where(k > 0, _take(v, li), np.nan)
    big_x, xi = p.big_t - p.t0, ti - p.t0
    rem = p.big_t - ti
    x = yr - p.t0[:, None]
    w = _where(m, s.decay ** (ti[:, None] - yr), 0.0)
    common = dict(b=b, m=m, k=k, ti=ti, yi=yi, big_x=big_x, xi=xi, rem=rem, x=x, w=w)
    level = _level(v, p, s, **common)
    flow = _flow(v, p, s, **common)
    every = _every(v, p, level, **common)
    out: dict[str, npt.NDArray] = {}
    is_flow = (p.agg == AGG_GROWTH) | (p.agg == AGG_AVG_LEVEL) | (p.agg == AGG_CUMULATIVE)
    is_every = p.agg == AGG_EVERY_YEAR
    for key in level:
        out[key] = np.where(is_flow, flow[key], np.where(is_every, every[key], level[key]))
    out["latest_year"] = ti
    out["latest_value"] = yi
    return out


def _wls(x: F, z: F, w: F, x0: F | None, z0: F | None, w0: F | None) -> tuple[F, F, F, F, F, F]:
    """Weighted line over the masked points (weight 0 elsewhere), plus one optional extra point."""
    sw = w.sum(axis=1)
    swx = (w * x).sum(axis=1)
    swz = np.nansum(w * z, axis=1)
    if x0 is not None and z0 is not None and w0 is not None:
        sw, swx, swz = sw + w0, swx + w0 * x0, swz + w0 * z0
    mx, mz = swx / sw, swz / sw
    dx = x - mx[:, None]
    dz = _where(w > 0, z - mz[:, None], 0.0)
    sxx = (w * dx * dx).sum(axis=1)
    sxz = (w * dx * dz).sum(axis=1)
    if x0 is not None and z0 is not None and w0 is not None:
        sxx = sxx + w0 * (x0 - mx) ** 2
        sxz = sxz + w0 * (x0 - mx) * (z0 - mz)
    slope = sxz / sxx
    resid = _where(w > 0, dz - slope[:, None] * dx, 0.0)
    rss = (w * resid * resid).sum(axis=1)
    if x0 is not None and z0 is not None and w0 is not None:
        rss = rss + w0 * (z0 - mz - slope * (x0 - mx)) ** 2
    return mx, mz, slope, sw, sxx, rss


def _to_z(meas: F | IntArr, y: F, d: F, lim: F) -> F:
    return _where(meas == M_LOG, np.log(y), _where(meas == M_GAP, -d * np.log(d * (lim - y)), y))


def _from_z(meas: IntArr, z: F, d: F, lim: F, p: SeriesParams) -> F:
    y = _where(meas == M_LOG, np.exp(z), _where(meas == M_GAP, lim - d * np.exp(-d * z), z))
    return np.minimum(np.maximum(y, p.lower), p.upper)


def _level(v: F, p: SeriesParams, s: OutlookSettings, **c: AnyArr) -> dict[str, npt.NDArray]:
    b, m, k, yi, big_x, xi, rem, x, w = (
        c[n] for n in ["b", "m", "k", "yi", "big_x", "xi", "rem", "x", "w"]
    )
    d = p.d
    target = _where(
        np.isnan(b) | (np.isnan(p.relative) & np.isnan(p.absolute)),
        p.target,
        _where(np.isnan(p.relative), b + p.absolute, b * (1.0 + p.relative)),
    )
    lim = _where(d > 0, p.upper, p.lower)
    dcol = d[:, None]
    positive = np.all(~m | (v > 0), axis=1) & (b > 0) & (target > 0)
    near = (np.abs(lim - target) <= s.near_limit) & (target != lim)
    within = np.all(~m | (dcol * (lim[:, None] - v) > 0), axis=1) & (d * (lim - b) > 0)
    meas = np.where(
        p.scale == SCALE_MULTIPLICATIVE,
        np.where(positive, M_LOG, M_LINEAR),
        np.where(near & within, M_GAP, M_LINEAR),
    ).astype(np.int64)
    mcol = meas[:, None]
    z = _where(m, _to_z(mcol, v, dcol, lim[:, None]), np.nan)
    z0, zt = _to_z(meas, b, d, lim), _to_z(meas, target, d, lim)
    zi = _take(np.nan_to_num(z), _last_index(m))
    slope = (zi - z0) / xi
    n = k + 1
    regress = (n >= 3) & (xi < big_x)
    mx, mz, bslope, sw, sxx, rss = _wls(x, z, w, np.zeros_like(xi), z0, s.decay**xi)
    z_fit = mz + bslope * (big_x - mx)
    z_hat = _where(xi >= big_x, zi, _where(n >= 3, z_fit, z0 + slope * big_x))
    var = rss / (n - 2) * (1.0 + 1.0 / sw + (big_x - mx) ** 2 / sxx)
    half = _quantiles(_where(regress, n - 2, np.nan), s.level) * np.sqrt(var)
    projected = _from_z(meas, z_hat, d, lim, p)
    low = _where(regress, _from_z(meas, z_hat - half, d, lim, p), np.nan)
    high = _where(regress, _from_z(meas, z_hat + half, d, lim, p), np.nan)
    z_proj = _where(meas == M_LINEAR, projected, z_hat)
    req_slope = (zt - z0) / big_x
    actual = _where(
        meas == M_LOG,
        np.expm1(slope) * 100,
        _where(meas == M_GAP, -np.expm1(-d * slope) * 100, slope),
    )
    required = _where(
        meas == M_LOG,
        np.expm1(req_slope) * 100,
        _where(meas == M_GAP, -np.expm1(-d * req_slope) * 100, req_slope),
    )
    remaining = _where(
        meas == M_LOG,
        ((target / yi) ** (1 / rem) - 1) * 100,
        _where(
            meas == M_GAP,
            (1 - ((lim - target) / (lim - yi)) ** (1 / rem)) * 100,
            (target - yi) / rem,
        ),
    )
    remaining = _where(rem > 0, remaining, np.nan)
    ratio = _where(meas == M_GAP, 1.0, d) * actual / np.abs(required)
    anticipated = _where(regress, (z_proj - z0) / (zt - z0), np.nan)
    score = _where(regress, np.fmin(ratio, anticipated), ratio)
    insufficient = np.isnan(b) | (k == 0)
    achieved = ~insufficient & (p.ach_low <= yi) & (yi <= p.ach_high)
    met_at_base = ~insufficient & ~achieved & (d * (target - b) <= 0)
    rated = ~insufficient & ~achieved & ~met_at_base
    rating = np.select(
        [insufficient, achieved, met_at_base],
        [R_INSUFFICIENT, R_ACHIEVED, R_DETER],
        _category(score, s),
    )
    known = ~insufficient
    return dict(
        rating=rating,
        measure=np.where(insufficient, M_NONE, meas),
        target=target,
        ratio=_where(rated, ratio, np.nan),
        anticipated=_where(rated, anticipated, np.nan),
        projected=_where(known, projected, np.nan),
        interval_low=_where(known, low, np.nan),
        interval_high=_where(known, high, np.nan),
        actual_pace=_where(rated, actual, np.nan),
        required_pace=_where(rated, required, np.nan),
        required_remaining=_where(known, remaining, np.nan),
        points=k + ~np.isnan(b),
        imputed=np.zeros_like(k),
    )


def _flow(v: F, p: SeriesParams, s: OutlookSettings, **c: AnyArr) -> dict[str, npt.NDArray]:
    m, k, xi, rem, x, w = (c[n] for n in ["m", "k", "xi", "rem", "x", "w"])
    growth, cumulative = p.agg == AGG_GROWTH, p.agg == AGG_CUMULATIVE
    d, target, big_n = p.d, p.target, p.big_t - p.t0
    vals = _where(growth[:, None], np.log1p(np.maximum(v / 100.0, MIN_GROWTH)), v)
    vals = _where(m, vals, np.nan)
    total = np.nansum(vals, axis=1)
    mean = total / k
    imputed = xi - k
    trend = (k >= 3) & (rem > 0)
    mx, mz, slope, _, _, _ = _wls(x, vals, w, None, None, None)
    count = np.maximum(rem, 0.0)
    sum_x = count * (xi + 1 + big_n) / 2.0
    future = _where(trend, count * mz + slope * (sum_x - count * mx), count * mean)
    so_far = total + imputed * mean
    at_end = so_far + future
    actual = _where(growth, np.expm1(mean) * 100, _where(cumulative, so_far, mean))
    projected = _where(
        growth, np.expm1(at_end / big_n) * 100, _where(cumulative, at_end, at_end / big_n)
    )
    pace = _where(cumulative, actual / xi, actual)
    required = _where(cumulative, target / big_n, target)
    remaining = _where(
        growth,
        np.expm1((big_n * np.log1p(target / 100) - xi * np.log1p(actual / 100)) / rem) * 100,
        _where(cumulative, (target - actual) / rem, (big_n * target - xi * actual) / rem),
    )
    remaining = _where(rem > 0, remaining, np.nan)
    insufficient = k == 0
    complete = rem <= 0
    achieved = (
        ~insufficient
        & (complete | (cumulative & (d > 0)))
        & (p.ach_low <= actual)
        & (actual <= p.ach_high)
    )
    no_ratio = ~insufficient & ~achieved & (d * required <= 0)
    rated = ~insufficient & ~achieved & ~no_ratio
    ratio = d * pace / np.abs(required)
    anticipated = _where(trend, d * projected / np.abs(target), np.nan)
    score = _where(trend, np.fmin(ratio, anticipated), ratio)
    direct = np.where(d * (pace - required) >= 0, R_ON_TRACK, R_ACCEL)
    rating = np.select(
        [insufficient, achieved, no_ratio],
        [R_INSUFFICIENT, R_ACHIEVED, direct],
        _category(score, s),
    )
    measure = np.select(
        [growth, cumulative],
        [FLOW_MEASURE[AGG_GROWTH], FLOW_MEASURE[AGG_CUMULATIVE]],
        FLOW_MEASURE[AGG_AVG_LEVEL],
    )
    known = ~insufficient
    nan = np.full(k.shape, np.nan)
    return dict(
        rating=rating,
        measure=measure,
        target=target,
        ratio=_where(rated, ratio, np.nan),
        anticipated=_where(rated, anticipated, np.nan),
        projected=_where(known, projected, np.nan),
        interval_low=nan,
        interval_high=nan,
        actual_pace=_where(known, pace, np.nan),
        required_pace=_where(known, required, np.nan),
        required_remaining=_where(known, remaining, np.nan),
        points=k,
        imputed=_where(known, imputed, 0.0),
    )


def _every(
    v: F, p: SeriesParams, level: dict[str, npt.NDArray], **c: AnyArr
) -> dict[str, npt.NDArray]:
    b, m, k, yi, xi, rem = (c[n] for n in ["b", "m", "k", "yi", "xi", "rem"])
    met = (p.ach_low[:, None] <= v) & (v <= p.ach_high[:, None])
    all_met = np.all(~m | met, axis=1)
    missing = xi - k
    latest_met = (p.ach_low <= yi) & (yi <= p.ach_high)
    complete = (rem <= 0) & (missing == 0)
    before = m.copy()
    before[np.arange(m.shape[0]), _last_index(m)] = False
    previous = _where(k >= 2, _take(v, _last_index(before)), b)
    worse = ~np.isnan(previous) & (p.d * (yi - previous) < 0)
    insufficient = k == 0
    rating = np.select(
        [insufficient, latest_met & complete & all_met, latest_met, worse],
        [R_INSUFFICIENT, R_ACHIEVED, R_ON_TRACK, R_DETER],
        R_ACCEL,
    )
    has_level = ~insufficient & ~np.isnan(b)
    nan = np.full(k.shape, np.nan)
    return dict(
        rating=rating,
        measure=np.full(k.shape, M_EVERY),
        target=p.target,
        ratio=nan,
        anticipated=nan,
        projected=_where(has_level, level["projected"], np.nan),
        interval_low=_where(has_level, level["interval_low"], np.nan),
        interval_high=_where(has_level, level["interval_high"], np.nan),
        actual_pace=nan,
        required_pace=nan,
        required_remaining=_where(~insufficient & (rem > 0), p.target, np.nan),
        points=k + ~np.isnan(b),
        imputed=_where(insufficient, 0.0, missing),
    )
