"""Rate and project a national panel: 34 provinces + 3,321 communes × 60 indicators × 2021-2025.

Each series has five yearly figures and twenty quarterly ones (about five
million figures, seeded RNG); one yearly figure in ten is left out so that its
quarters stand in. Goals: baseline 2021 (each locality's own 2021 value),
target 2030, a mix of every aggregation and scale. Prints the vectorised
panel's wall time, figures per second and peak memory, then the same work
row by row in plain Python on a sample of series, extrapolated.
"""

from __future__ import annotations

import math
import resource
import time
import tracemalloc
from collections import defaultdict
from decimal import Decimal

import numpy as np
import pandas as pd

from chitieu.catalog.model import Aggregation
from chitieu.outlook.goal import Goal, Scale
from chitieu.outlook.panel import rate_panel
from chitieu.outlook.rating import rate

PROVINCES, COMMUNES, INDICATORS = 34, 3_321, 60
YEARS = range(2021, 2026)
SEED = 20251125
SAMPLE_SERIES = 2_000

_KINDS = (
    (Aggregation.LEVEL, Scale.MULTIPLICATIVE),
    (Aggregation.LEVEL, Scale.BOUNDED),
    (Aggregation.AVG_GROWTH, Scale.MULTIPLICATIVE),
    (Aggregation.CUMULATIVE, Scale.MULTIPLICATIVE),
    (Aggregation.AVG_LEVEL, Scale.BOUNDED),
    (Aggregation.EVERY_YEAR, Scale.BOUNDED),
)


def make_goals(rng: np.random.Generator) -> list[Goal]:
    goals = []
    for i in range(INDICATORS):
        agg, scale = _KINDS[i % len(_KINDS)]
        d = -1 if i % 5 == 0 else 1
        if agg is Aggregation.AVG_GROWTH:
            value = float(rng.uniform(6, 12))
        elif agg is Aggregation.CUMULATIVE:
            value = float(rng.uniform(800, 1_500))
        elif scale is Scale.BOUNDED:
            value = float(rng.choice([5.0, 50.0, 95.0, 100.0, 0.0])) if d > 0 else 2.0
        else:
            value = float(rng.uniform(150, 250)) if d > 0 else 60.0
        bounded = scale is Scale.BOUNDED
        goals.append(
            Goal(
                indicator=f"chi_tieu_{i:02d}",
                value=Decimal(repr(round(value, 4))),
                direction=d,
                aggregation=agg,
                scale=scale,
                baseline_year=2021,
                target_year=2030,
                achieved_low=value if d > 0 else -math.inf,
                achieved_high=math.inf if d > 0 else value,
                lower_limit=0.0,
                upper_limit=100.0 if bounded else math.inf,
            )
        )
    return goals


def make_figures(rng: np.random.Generator, goals: list[Goal]) -> pd.DataFrame:
    """Yearly + quarterly figures as a compact frame (categorical codes, one row per figure)."""
    n_loc, n_ind, n_year = PROVINCES + COMMUNES, len(goals), len(YEARS)
    n_series = n_loc * n_ind
    bounded = np.array([g.scale is Scale.BOUNDED for g in goals])[np.arange(n_series) % n_ind]
    growth = np.array([g.aggregation is Aggregation.AVG_GROWTH for g in goals])[
        np.arange(n_series) % n_ind
    ]
    start = np.where(bounded, rng.uniform(1, 99, n_series), rng.uniform(50, 200, n_series))
    steps = rng.normal(0.05, 0.08, (n_series, n_year))
    steps[:, 0] = 0.0
    level = start[:, None] * np.exp(np.cumsum(steps, axis=1))
    level = np.where(bounded[:, None], np.minimum(level, 100.0), level)
    level = np.where(growth[:, None], rng.normal(8, 2, (n_series, n_year)), level)
    series = np.repeat(np.arange(n_series), n_year)
    year = np.tile(np.array(YEARS, dtype=np.int16), n_series)
    yearly_value = level.ravel()
    keep = rng.random(yearly_value.size) >= 0.1  # one yearly figure in ten is missing
    q_series = np.repeat(series, 4)
    q_year = np.repeat(year, 4)
    q_index = np.tile(np.arange(1, 5, dtype=np.int8), series.size)
    q_value = np.repeat(yearly_value, 4) * np.where(np.repeat(bounded.repeat(n_year), 4), 1.0, 0.25)
    frame = pd.DataFrame(
        {
            "series": np.concatenate([series[keep], q_series]),
            "year": np.concatenate([year[keep], q_year]),
            "quarter": np.concatenate([np.zeros(keep.sum(), dtype=np.int8), q_index]),
            "value": np.concatenate([yearly_value[keep], q_value]),
        }
    )
    codes = frame.pop("series").to_numpy()
    names = [g.indicator for g in goals]
    frame.insert(0, "indicator", pd.Categorical.from_codes(codes % n_ind, categories=names))
    localities = [f"tinh_{i:02d}" for i in range(PROVINCES)] + [
        f"xa_{i:04d}" for i in range(COMMUNES)
    ]
    frame.insert(1, "locality", pd.Categorical.from_codes(codes // n_ind, categories=localities))
    return frame


def row_by_row(frame: pd.DataFrame, goals: list[Goal], sample: int) -> tuple[float, int]:
    """The plain-Python way on the first `sample` series: group rows, fill years, rate."""
    by_code = {g.indicator: g for g in goals}
    n_ind = len(goals)
    loc = frame["locality"].cat.codes.to_numpy().astype(np.int64)
    cut = frame[loc * n_ind + frame["indicator"].cat.codes.to_numpy() < sample]
    rows = list(
        zip(
            cut["indicator"].astype(str),
            cut["locality"].astype(str),
            cut["year"].tolist(),
            cut["quarter"].tolist(),
            cut["value"].tolist(),
            strict=True,
        )
    )
    started = time.perf_counter()
    yearly: dict[tuple[str, str], dict[int, float]] = defaultdict(dict)
    quarters: dict[tuple[str, str, int], dict[int, float]] = defaultdict(dict)
    for ind, loc, year, quarter, value in rows:
        if quarter == 0:
            yearly[(ind, loc)][year] = value
        else:
            quarters[(ind, loc, year)][quarter] = value
    for (ind, loc, year), qs in quarters.items():
        values = yearly[(ind, loc)]
        if year not in values:
            cumulative = by_code[ind].aggregation is Aggregation.CUMULATIVE
            if cumulative and len(qs) == 4:
                values[year] = sum(qs.values())
            elif not cumulative and 4 in qs:
                values[year] = qs[4]
    for (ind, loc), values in yearly.items():
        rate(by_code[ind], list(values), list(values.values()), loc)
    return time.perf_counter() - started, len(rows)


def main() -> None:
    rng = np.random.default_rng(SEED)
    goals = make_goals(rng)
    started = time.perf_counter()
    frame = make_figures(rng, goals)
    n_fig, n_series = len(frame), (PROVINCES + COMMUNES) * INDICATORS
    print(
        f"generated {n_fig:,} figures ({n_series:,} series) in {time.perf_counter() - started:.1f} s"
    )

    started = time.perf_counter()
    result = rate_panel(frame, goals)
    wall = time.perf_counter() - started
    print(
        f"panel: {wall:.2f} s wall, {n_fig / wall:,.0f} figures/s, {n_series / wall:,.0f} series/s"
    )
    print("ratings:", result["rating"].value_counts().to_dict())

    tracemalloc.start()
    rate_panel(frame, goals)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    maxrss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"peak memory: {peak / 2**20:,.0f} MiB allocated during rate_panel (tracemalloc); "
        f"process max RSS {maxrss_mb:,.0f} MiB (includes the generated figures)"
    )

    seconds, rows = row_by_row(frame, goals, SAMPLE_SERIES)
    estimate = seconds * n_series / SAMPLE_SERIES
    print(
        f"row by row (plain Python, rating.rate per series): {SAMPLE_SERIES:,} series "
        f"({rows:,} figures) in {seconds:.2f} s; extrapolated to {n_series:,} series: "
        f"{estimate:,.0f} s ({rows / seconds:,.0f} figures/s); panel speed-up ×{estimate / wall:,.0f}"
    )


if __name__ == "__main__":
    main()
