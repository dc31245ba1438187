"""The indicator page: definition, targets with their source lines, figures, chart, path."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils import timezone

from chitieu.assess import DEFAULT_RULES, Rules
from chitieu.catalog import model
from chitieu.outlook import NoGoalError, RequiredPath, required_path, resolve_goal
from chitieu.outlook.annual_plan import committed, verdict
from chitieu.quantity import target as model_target
from chitieu.reports.charts import indicator_chart
from chitieu.web.dashboard.services import (
    Row,
    build_row,
    figures_by_indicator,
    plan_locality,
)
from chitieu.web.figures import adapters as figure_adapters
from chitieu.web.figures.models import Figure, FigureRevision
from chitieu.web.figures.series import PeriodSeries, series_of
from chitieu.web.plans.models import Indicator, Locality, PlanKind, Target, Task

DIRECTIONS = {
    model.Direction.HIGHER.value: "Càng cao càng tốt",
    model.Direction.LOWER.value: "Càng thấp càng tốt",
}


@dataclass(frozen=True)
class AnnualRow:
    """An annual plan's target for this indicator beside the resolution's milestone that year."""

    target: Target
    milestone: Decimal | None
    verdict: str
    explanation: str


@dataclass(frozen=True)
class IndicatorPage:
    indicator: Indicator
    locality: Locality | None
    row: Row
    direction: str
    targets: list[Target]
    baselines: list[Figure]
    figures: list[Figure]
    path: RequiredPath | None
    chart: dict[str, Any]
    history: list[FigureRevision]
    tasks: list[Task]
    series: list[PeriodSeries]
    annual: list[AnnualRow]


def indicator_page(
    indicator: Indicator, *, locality_code: str = "", rules: Rules = DEFAULT_RULES
) -> IndicatorPage:
    plan = indicator.plan
    locality = plan_locality(plan, locality_code)
    core_figures = figures_by_indicator(plan, locality).get(indicator.pk, [])
    row = build_row(indicator, core_figures, plan, rules=rules, as_of=timezone.localdate().year)
    stored = list(
        Figure.objects.filter(indicator=indicator, locality=locality)
        .select_related("entered_by", "reviewed_by")
        .order_by("year", "period", "status")
    )
    target = row.target
    baselines = [f for f in stored if target is not None and f.year < target.period_start]
    path = _path(row)
    chart = indicator_chart(row.core, [figure_adapters.figure(f) for f in stored], target, path)
    return IndicatorPage(
        indicator=indicator,
        locality=locality,
        row=row,
        direction=DIRECTIONS.get(indicator.direction, indicator.direction),
        targets=list(indicator.targets.select_related("plan").order_by("plan", "position")),
        baselines=baselines,
        figures=stored,
        path=path,
        chart=chart,
        history=list(
            FigureRevision.objects.filter(figure__indicator=indicator, figure__locality=locality)
            .select_related("figure", "actor")
            .order_by("-at", "-pk")
        ),
        tasks=list(indicator.task_set.order_by("plan", "position")),
        series=series_of(indicator, locality) if locality is not None else [],
        annual=_annual(indicator, row, path),
    )


def _path(row: Row) -> RequiredPath | None:
    """The required path from the baseline; None when the core cannot draw one."""
    if row.target is None:
        return None
    yearly = dict(row.series)
    before = [y for y in yearly if y < row.target.period_start]
    baseline = None
    if before:
        year = max(before)
        baseline = model.Baseline(year, yearly[year], row.core.unit, model.Source(""))
    try:
        found = required_path(resolve_goal(row.core, row.target, baseline))
    except (NoGoalError, ValueError, ArithmeticError):
        return None
    return found if found.milestones else None


VERDICT_LABELS = {
    "consistent": "Phù hợp lộ trình",
    "weaker": "Thấp hơn lộ trình",
    "contradicts": "Ngược mục tiêu",
    "cannot_check": "Không so được",
}


def _annual(indicator: Indicator, row: Row, path: RequiredPath | None) -> list[AnnualRow]:
    """Targets of annual plans for this indicator, each beside the path's milestone of its year."""
    found = []
    targets = indicator.targets.filter(plan__kind=PlanKind.ANNUAL_PLAN).select_related("plan")
    for target in targets:
        milestones = {m.year: m.value for m in path.milestones} if path else {}
        milestone = milestones.get(target.period_end)
        core = row.target
        value = committed(_core_target(target), row.core.direction)
        if milestone is None or core is None or value is None:
            found.append(AnnualRow(target, milestone, VERDICT_LABELS["cannot_check"], ""))
            continue
        base = dict(row.series).get(core.period_start - 1)
        word, why = verdict(row.core, core.aggregation, value, milestone, base, core.value)
        found.append(AnnualRow(target, milestone, VERDICT_LABELS[word], why))
    return found


def _core_target(target: Target) -> model_target.Target:
    return model_target.Target(
        text=target.text,
        kind=model_target.TargetKind(target.kind),
        low=target.low,
        high=target.high,
    )
