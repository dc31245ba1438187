"""Rate and project a whole panel (indicator × locality × year) in one vectorised pass.

Input: a figures frame with columns `indicator`, `locality`, `year`, `value`
and optionally `quarter` (1-4 for a quarterly figure; 0 or missing for the
year's own figure), and the goals (one per indicator). The figures become a
dense (series × year) matrix; quarters fill a year without its own figure
(sum for flows, last = Q4 for levels, or mean); the arithmetic then runs on
blocks of series with numpy (see _panel_math.py). No Python loop per series.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Literal

import numpy as np
import numpy.typing as npt
import pandas as pd  # type: ignore[import-untyped]

from chitieu.catalog.model import Aggregation
from chitieu.outlook._panel_math import (
    AGG_AVG_LEVEL,
    AGG_CUMULATIVE,
    AGG_EVERY_YEAR,
    AGG_GROWTH,
    AGG_LEVEL,
    SCALE_BOUNDED,
    SCALE_MULTIPLICATIVE,
    SeriesParams,
    compute_block,
)
from chitieu.outlook.goal import Goal, Scale
from chitieu.outlook.rating import Outlook, with_reason
from chitieu.outlook.settings import (
    DEFAULT_SETTINGS,
    MEASURES,
    RATINGS,
    Measure,
    OutlookSettings,
    Rating,
)

QuarterRule = Literal["auto", "sum", "last", "mean"]

_AGG_CODES = {
    Aggregation.LEVEL: AGG_LEVEL,
    Aggregation.CHANGE: AGG_LEVEL,
    Aggregation.AVG_GROWTH: AGG_GROWTH,
    Aggregation.AVG_LEVEL: AGG_AVG_LEVEL,
    Aggregation.CUMULATIVE: AGG_CUMULATIVE,
    Aggregation.EVERY_YEAR: AGG_EVERY_YEAR,
}
_FLOAT_COLUMNS = (
    "target",
    "latest_value",
    "ratio",
    "anticipated",
    "projected",
    "interval_low",
    "interval_high",
    "actual_pace",
    "required_pace",
    "required_remaining",
)


class PanelError(ValueError):
    """Figures that cannot be rated: an unknown indicator, a missing column."""


def goal_table(goals: Iterable[Goal]) -> pd.DataFrame:
    """One row per indicator code with the numbers the panel needs."""
    rows = [
        {
            "indicator": g.indicator,
            "agg": _AGG_CODES[g.aggregation],
            "scale": SCALE_BOUNDED if g.scale is Scale.BOUNDED else SCALE_MULTIPLICATIVE,
            "d": float(g.direction),
            "t0": float(g.baseline_year),
            "big_t": float(g.target_year),
            "baseline": math.nan if g.baseline_value is None else float(g.baseline_value),
            "target": float(g.value),
            "relative": math.nan if g.relative_change is None else g.relative_change,
            "absolute": math.nan if g.absolute_change is None else g.absolute_change,
            "ach_low": g.achieved_low,
            "ach_high": g.achieved_high,
            "lower": g.lower_limit,
            "upper": g.upper_limit,
        }
        for g in goals
    ]
    table = pd.DataFrame(rows).set_index("indicator")
    if not table.index.is_unique:
        raise PanelError("Mỗi chỉ tiêu chỉ được có một mục tiêu trong bảng tổng hợp.")
    return table


def rate_panel(
    figures: pd.DataFrame,
    goals: Iterable[Goal],
    quarters: QuarterRule = "auto",
    settings: OutlookSettings = DEFAULT_SETTINGS,
    block: int = 65_536,
) -> pd.DataFrame:
    """One row per (indicator, locality) series; the columns of `Outlook` without the reason.

    `quarters="auto"` sums the quarters of CUMULATIVE indicators and takes Q4
    for the others; a year with its own figure ignores its quarters.
    """
    goal_list = list(goals)
    table = goal_table(goal_list)
    ind = _indicator_codes(figures, table)
    loc_codes, localities = pd.factorize(figures["locality"], sort=False)
    n_loc = max(len(localities), 1)
    key = ind.astype(np.int64) * n_loc + loc_codes
    series_codes, series_keys = pd.factorize(key, sort=True)
    series_ind = (np.asarray(series_keys) // n_loc).astype(np.int64)
    series_loc = (np.asarray(series_keys) % n_loc).astype(np.int64)
    year = figures["year"].to_numpy(dtype=np.int64)
    first, width = int(year.min()), int(year.max() - year.min() + 1)
    values = _yearly_matrix(figures, series_codes, year - first, len(series_keys), width)
    _fill_from_quarters(values, figures, series_codes, year - first, series_ind, table, quarters)
    years = np.arange(first, first + width, dtype=np.float64)
    parts = [
        compute_block(
            values[i : i + block], years, _params(table, series_ind[i : i + block]), settings
        )
        for i in range(0, len(series_keys), block)
    ]
    merged = {k: np.concatenate([part[k] for part in parts]) for k in parts[0]}
    return _frame(merged, table.index, series_ind, localities, series_loc, table)


def _indicator_codes(figures: pd.DataFrame, table: pd.DataFrame) -> npt.NDArray[np.int64]:
    missing_cols = {"indicator", "locality", "year", "value"} - set(figures.columns)
    if missing_cols:
        raise PanelError(f"Bảng số liệu thiếu cột: {', '.join(sorted(missing_cols))}.")
    column = figures["indicator"]
    if isinstance(column.dtype, pd.CategoricalDtype):
        lookup = table.index.get_indexer(column.cat.categories)
        codes = column.cat.codes.to_numpy()
        ind = np.where(codes >= 0, lookup[codes], -1)
    else:
        ind = table.index.get_indexer(column)
    if (ind < 0).any():
        unknown = sorted(set(column[ind < 0].astype(str)))[:5]
        raise PanelError(f"Số liệu của chỉ tiêu chưa có mục tiêu: {', '.join(unknown)}.")
    return np.asarray(ind, dtype=np.int64)


def _quarter(figures: pd.DataFrame) -> npt.NDArray[np.int64]:
    if "quarter" not in figures.columns:
        return np.zeros(len(figures), dtype=np.int64)
    return np.asarray(figures["quarter"].fillna(0).to_numpy(dtype=np.int64))


def _yearly_matrix(
    figures: pd.DataFrame,
    series: npt.NDArray[np.intp],
    col: npt.NDArray[np.int64],
    n: int,
    width: int,
) -> npt.NDArray[np.float64]:
    values = np.full((n, width), np.nan)
    yearly = _quarter(figures) == 0
    values[series[yearly], col[yearly]] = figures["value"].to_numpy(dtype=np.float64)[yearly]
    return values


def _fill_from_quarters(
    values: npt.NDArray[np.float64],
    figures: pd.DataFrame,
    series: npt.NDArray[np.intp],
    col: npt.NDArray[np.int64],
    series_ind: npt.NDArray[np.int64],
    table: pd.DataFrame,
    rule: QuarterRule,
) -> None:
    quarter = _quarter(figures)
    q = quarter > 0
    if not q.any():
        return
    n, width = values.shape
    cell = series[q].astype(np.int64) * width + col[q]
    val = figures["value"].to_numpy(dtype=np.float64)[q]
    count = np.bincount(cell, minlength=n * width).reshape(n, width)
    total = np.bincount(cell, weights=val, minlength=n * width).reshape(n, width)
    last = np.full(n * width, np.nan)
    q4 = quarter[q] == 4
    last[cell[q4]] = val[q4]
    last = last.reshape(n, width)
    complete = np.where(count == 4, total, np.nan)
    if rule == "auto":
        flows = (table["agg"].to_numpy() == AGG_CUMULATIVE)[series_ind]
        from_q = np.where(flows[:, None], complete, last)
    else:
        from_q = {"sum": complete, "mean": complete / 4.0, "last": last}[rule]
    np.copyto(values, from_q, where=np.isnan(values))


def _params(table: pd.DataFrame, ind: npt.NDArray[np.int64]) -> SeriesParams:
    def col(name: str) -> npt.NDArray[np.float64]:
        return np.asarray(table[name].to_numpy(dtype=np.float64)[ind])

    return SeriesParams(
        agg=table["agg"].to_numpy(dtype=np.int64)[ind],
        scale=table["scale"].to_numpy(dtype=np.int64)[ind],
        d=col("d"),
        t0=col("t0"),
        big_t=col("big_t"),
        baseline=col("baseline"),
        target=col("target"),
        relative=col("relative"),
        absolute=col("absolute"),
        ach_low=col("ach_low"),
        ach_high=col("ach_high"),
        lower=col("lower"),
        upper=col("upper"),
    )


def _frame(
    merged: dict[str, npt.NDArray],
    indicators: pd.Index,
    series_ind: npt.NDArray[np.int64],
    localities: pd.Index,
    series_loc: npt.NDArray[np.int64],
    table: pd.DataFrame,
) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "indicator": pd.Categorical.from_codes(series_ind, categories=indicators),
            "locality": pd.Categorical.from_codes(series_loc, categories=localities),
            "rating": pd.Categorical.from_codes(
                merged["rating"].astype(np.int64), categories=[r.value for r in RATINGS]
            ),
            "measure": pd.Categorical.from_codes(
                merged["measure"].astype(np.int64), categories=[m.value for m in MEASURES]
            ),
            "target_year": table["big_t"].to_numpy(dtype=np.int64)[series_ind],
            "latest_year": pd.array(
                np.where(np.isnan(merged["latest_year"]), 0, merged["latest_year"]).astype(
                    np.int64
                ),
                dtype="Int64",
            ),
            "points": merged["points"].astype(np.int64),
            "imputed": merged["imputed"].astype(np.int64),
        }
    )
    frame.loc[np.isnan(merged["latest_year"]), "latest_year"] = pd.NA
    for name in _FLOAT_COLUMNS:
        frame[name] = merged[name].astype(np.float64)
    return frame


def outlooks(
    frame: pd.DataFrame, goals: Iterable[Goal], settings: OutlookSettings = DEFAULT_SETTINGS
) -> list[Outlook]:
    """The panel's rows as `Outlook` values with their Vietnamese reasons (a loop: for display)."""
    by_code = {g.indicator: g for g in goals}
    result = []
    for row in frame.itertuples(index=False):
        low, high = _opt(row.interval_low), _opt(row.interval_high)
        outlook = Outlook(
            indicator=str(row.indicator),
            locality=str(row.locality),
            rating=Rating(row.rating),
            measure=Measure(row.measure),
            target=_opt(row.target),
            target_year=int(row.target_year),
            latest_year=None if pd.isna(row.latest_year) else int(row.latest_year),
            latest_value=_opt(row.latest_value),
            ratio=_opt(row.ratio),
            anticipated=_opt(row.anticipated),
            projected=_opt(row.projected),
            interval=None if low is None or high is None else (low, high),
            actual_pace=_opt(row.actual_pace),
            required_pace=_opt(row.required_pace),
            required_remaining=_opt(row.required_remaining),
            points=int(row.points),
            imputed=int(row.imputed),
        )
        goal = by_code[outlook.indicator]
        result.append(with_reason(outlook, goal, settings))
    return result


def _opt(x: object) -> float | None:
    value = float(x)  # type: ignore[arg-type]
    return None if math.isnan(value) else value
