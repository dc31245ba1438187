"""The vectorised panel agrees with the one-series functions and fills years from quarters."""

from __future__ import annotations

import math
import random
from dataclasses import fields, replace

import pandas as pd
import pytest

from chitieu.catalog.model import Aggregation
from chitieu.outlook.goal import Goal
from chitieu.outlook.panel import PanelError, outlooks, rate_panel
from chitieu.outlook.rating import Outlook, rate

from ._helpers import goal

_KINDS = [
    (Aggregation.LEVEL, False),
    (Aggregation.LEVEL, True),
    (Aggregation.CHANGE, True),
    (Aggregation.AVG_GROWTH, False),
    (Aggregation.AVG_LEVEL, True),
    (Aggregation.CUMULATIVE, False),
    (Aggregation.EVERY_YEAR, True),
]


def _random_goals(rng: random.Random, n: int) -> list[Goal]:
    goals = []
    for i in range(n):
        agg, percent = _KINDS[i % len(_KINDS)]
        d = rng.choice([1, -1])
        if agg is Aggregation.AVG_GROWTH:
            target = rng.choice([0.0, 1.0, rng.uniform(5, 12)])
        elif agg is Aggregation.CUMULATIVE:
            target = rng.uniform(500, 1500)
        elif percent:
            target = rng.choice([0.0, 100.0, 99.0, 1.0, rng.uniform(20, 80)])
        else:
            target = rng.choice([0.0, rng.uniform(50, 300)])
        g = goal(
            round(target, 3),
            baseline=round(rng.uniform(2, 98), 3) if rng.random() < 0.8 else None,
            direction=d,
            aggregation=agg,
            percent=percent,
            relative_change=-1 / 3 if agg is Aggregation.CHANGE else None,
        )
        goals.append(Goal(**{**g.__dict__, "indicator": f"i{i:02d}"}))
    return goals


def _random_figures(rng: random.Random, goals: list[Goal], localities: int) -> pd.DataFrame:
    rows = []
    for g in goals:
        percent = g.upper_limit == 100.0
        for loc in range(localities):
            value = rng.choice([0.0, -5.0, rng.uniform(1, 99)])
            last = rng.choice([2025, 2026, 2027, 2028, 2030])
            for year in range(2024, last + 1):
                if rng.random() < 0.8:
                    rows.append((g.indicator, f"xa_{loc}", year, round(value, 4)))
                value = value * rng.uniform(0.85, 1.25) + rng.uniform(-1, 2)
                if percent:
                    value = min(max(value, 0.0), 100.0)
    return pd.DataFrame(rows, columns=["indicator", "locality", "year", "value"])


def _same(a: object, b: object) -> bool:
    if isinstance(a, tuple) and isinstance(b, tuple):
        return all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and isinstance(b, float):
        return math.isclose(a, b, rel_tol=1e-7, abs_tol=1e-9)
    return a == b


def test_panel_equals_the_one_series_functions_on_random_series() -> None:
    """42 indicators × 8 localities, seeded: every field of every Outlook, reasons included."""
    rng = random.Random(20251125)
    goals = _random_goals(rng, 42)
    figures = _random_figures(rng, goals, 8)
    by_code = {g.indicator: g for g in goals}
    panel = {(o.indicator, o.locality): o for o in outlooks(rate_panel(figures, goals), goals)}
    assert len(panel) >= 300
    mismatches = []
    for (code, loc), group in figures.groupby(["indicator", "locality"]):
        single = rate(by_code[code], group["year"].tolist(), group["value"].tolist(), loc)
        other = panel[(code, loc)]
        for f in fields(Outlook):
            if not _same(getattr(single, f.name), getattr(other, f.name)):
                mismatches.append(
                    (code, loc, f.name, getattr(single, f.name), getattr(other, f.name))
                )
    assert mismatches == []
    assert len({o.rating for o in panel.values()}) == 6  # every rating was exercised


def test_blocks_do_not_change_the_result() -> None:
    rng = random.Random(7)
    goals = _random_goals(rng, 14)
    figures = _random_figures(rng, goals, 5)
    whole = rate_panel(figures, goals)
    pd.testing.assert_frame_equal(whole, rate_panel(figures, goals, block=7))


def _quarter_frame(yearly: float | None, quarters: list[tuple[int, float]]) -> pd.DataFrame:
    rows = [("c", "xa", 2025, 0, 100.0)]
    if yearly is not None:
        rows.append(("c", "xa", 2026, 0, yearly))
    rows += [("c", "xa", 2026, q, v) for q, v in quarters]
    return pd.DataFrame(rows, columns=["indicator", "locality", "year", "quarter", "value"])


FOUR = [(1, 10.0), (2, 20.0), (3, 30.0), (4, 40.0)]


@pytest.mark.parametrize(
    ("aggregation", "yearly", "quarters", "latest"),
    [
        (Aggregation.CUMULATIVE, None, FOUR, 100.0),  # flows: the sum of the four quarters
        (Aggregation.LEVEL, None, FOUR, 40.0),  # levels: the fourth quarter
        (Aggregation.LEVEL, 55.0, FOUR, 55.0),  # the year's own figure wins
        (Aggregation.CUMULATIVE, None, FOUR[:3], None),  # three quarters are not a year
    ],
)
def test_quarters_fill_a_year_without_its_own_figure(
    aggregation: Aggregation,
    yearly: float | None,
    quarters: list[tuple[int, float]],
    latest: float | None,
) -> None:
    g = replace(goal(1000, baseline=100, aggregation=aggregation), indicator="c")
    row = rate_panel(_quarter_frame(yearly, quarters), [g]).iloc[0]
    if latest is None:
        assert row["rating"] == "insufficient_data"
    else:
        assert row["latest_value"] == latest


def test_quarter_rule_mean() -> None:
    g = replace(goal(1000, baseline=100), indicator="c")
    row = rate_panel(_quarter_frame(None, FOUR), [g], quarters="mean").iloc[0]
    assert row["latest_value"] == 25.0


def test_figures_of_an_indicator_without_a_goal_are_refused() -> None:
    figures = pd.DataFrame(
        [("khong_co", "xa", 2026, 1.0)], columns=["indicator", "locality", "year", "value"]
    )
    with pytest.raises(PanelError, match="khong_co"):
        rate_panel(figures, [replace(goal(10), indicator="c")])
