"""Small builders for outlook tests: goals without going through the catalogue."""

from __future__ import annotations

import math
from decimal import Decimal

from chitieu.catalog.model import Aggregation
from chitieu.outlook.goal import Goal, Scale


def goal(
    target: float | str,
    *,
    baseline: float | str | None = None,
    direction: int = 1,
    aggregation: Aggregation = Aggregation.LEVEL,
    percent: bool = False,
    baseline_year: int = 2025,
    target_year: int = 2030,
    relative_change: float | None = None,
) -> Goal:
    value = float(target)
    return Goal(
        indicator="test.chi_tieu",
        value=Decimal(str(target)),
        direction=direction,
        aggregation=aggregation,
        scale=Scale.BOUNDED if percent else Scale.MULTIPLICATIVE,
        baseline_year=baseline_year,
        target_year=target_year,
        baseline_value=None if baseline is None else Decimal(str(baseline)),
        achieved_low=value if direction > 0 else -math.inf,
        achieved_high=math.inf if direction > 0 else value,
        lower_limit=0.0 if percent or (value >= 0 and float(baseline or 0) >= 0) else -math.inf,
        upper_limit=100.0 if percent else math.inf,
        relative_change=relative_change,
    )
