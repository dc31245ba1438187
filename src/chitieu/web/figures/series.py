"""One figure with its history of revisions: every status of a period, in publication order.

The store keys a figure by (indicator, locality, period, status), so the estimate,
the preliminary and the official figure of one year are three rows. Here they are
read back as one story: ước → sơ bộ → chính thức, each row's own revisions, the
other sources kept beside it, and the current best value (kế hoạch is a target,
never an actual).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from chitieu.catalog.model import FigureStatus
from chitieu.catalog.period import Period
from chitieu.web.figures.models import Figure, FigureConflict
from chitieu.web.figures.visibility import ViewMode, counted
from chitieu.web.plans.models import Indicator, Locality

# Publication order of the actual statuses; the last present is the best.
ORDER = (FigureStatus.ESTIMATE, FigureStatus.PRELIMINARY, FigureStatus.OFFICIAL)


@dataclass(frozen=True)
class Step:
    """One revision of one status row."""

    status: FigureStatus
    value: Decimal | None
    source: str
    action: str
    at: datetime


@dataclass(frozen=True)
class PeriodSeries:
    period: str
    steps: tuple[Step, ...]  # time order within status order: ước, sơ bộ, chính thức
    best: Figure | None  # chính thức > sơ bộ > ước
    plan: Figure | None  # the kế hoạch row, if any
    conflicts: tuple[FigureConflict, ...] = field(default=())

    @property
    def chain(self) -> tuple[Step, ...]:
        """The latest step of each status: the ước → sơ bộ → chính thức chain."""
        last: dict[FigureStatus, Step] = {}
        for step in self.steps:
            last[step.status] = step
        return tuple(last[s] for s in ORDER if s in last)


def revisions_of(indicator: Indicator, locality: Locality, period: Period | str) -> PeriodSeries:
    """Every status row of the period with its revisions in time order, and the best value."""
    rows = list(
        Figure.objects.filter(
            indicator=indicator, locality=locality, period=str(period)
        ).prefetch_related("revisions", "conflicts")
    )
    return _series(str(period), rows)


def series_of(
    indicator: Indicator, locality: Locality, *, mode: ViewMode | None = None
) -> list[PeriodSeries]:
    """revisions_of for every period that has a figure, oldest period first; with `mode`,
    only the figures that count in it (figures.visibility)."""
    found = Figure.objects.filter(indicator=indicator, locality=locality)
    if mode is not None:
        found = counted(found, mode)
    rows = list(found.prefetch_related("revisions", "conflicts").order_by("year", "period"))
    periods: dict[str, list[Figure]] = {}
    for row in rows:
        periods.setdefault(row.period, []).append(row)
    ordered = sorted(periods, key=Period.parse)
    return [_series(p, periods[p]) for p in ordered]


def _series(period: str, rows: list[Figure]) -> PeriodSeries:
    actual = sorted(
        (r for r in rows if r.status != FigureStatus.PLAN.value),
        key=lambda r: ORDER.index(FigureStatus(r.status)),
    )
    steps = tuple(
        Step(
            FigureStatus(r.status), rev.new_value, rev.new_source, rev.get_action_display(), rev.at
        )
        for r in actual
        for rev in sorted(r.revisions.all(), key=lambda v: v.version)
        if rev.new_value is not None and rev.new_value != rev.old_value
    )
    plan = next((r for r in rows if r.status == FigureStatus.PLAN.value), None)
    conflicts = tuple(c for r in rows for c in r.conflicts.all())
    return PeriodSeries(period, steps, actual[-1] if actual else None, plan, conflicts)
