"""The indicator page: definition, targets with their source lines, figures, chart, path."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import Any

from django.utils import timezone

from chitieu.assess import DEFAULT_RULES, Rules
from chitieu.assess.aggregate import yearly_figures
from chitieu.assess.periods import PartYear, part_year
from chitieu.catalog import model
from chitieu.catalog.period import Period
from chitieu.outlook import NoGoalError, RequiredPath, required_path, resolve_goal
from chitieu.outlook.annual_plan import committed, verdict
from chitieu.quantity import target as model_target
from chitieu.reports.charts import indicator_chart
from chitieu.web.dashboard.baselines import Baselines, baselines_of, stated_baselines
from chitieu.web.dashboard.services import (
    Row,
    build_row,
    figures_by_indicator,
    plan_locality,
)
from chitieu.web.dashboard.templatetags.chitieu_format import vi_value
from chitieu.web.figures import adapters as figure_adapters
from chitieu.web.figures.models import Figure, FigureRevision
from chitieu.web.figures.series import PeriodSeries, series_of
from chitieu.web.figures.visibility import ViewMode, counted, counted_states
from chitieu.web.plans import adapters as plan_adapters
from chitieu.web.plans.models import (
    Indicator,
    LinkState,
    Locality,
    PlanKind,
    Target,
    TaskIndicator,
)

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
    tasks: list[TaskIndicator]  # confirmed and suggested links, not the removed
    series: list[PeriodSeries]
    annual: list[AnnualRow]
    base: Baselines = field(default_factory=lambda: Baselines(None, None))  # stated, revised
    rebased_path: RequiredPath | None = None  # the path from the revised baseline
    latest_plan_part: PartYear | None = None  # the latest part-year figure vs the annual plan
    mode: ViewMode = ViewMode.WORKING

    @property
    def approved_only(self) -> bool:
        return self.mode is ViewMode.OFFICIAL

    @cached_property
    def uncounted(self) -> set[int]:
        """Ids of the figures in the table that this view does not count (returned ones,
        and in the official view those not yet approved)."""
        counted_ids = {f.pk for f in self.counted_figures}
        return {f.pk for f in self.figures if f.pk not in counted_ids}

    @property
    def counted_figures(self) -> list[Figure]:
        states = counted_states(self.mode)
        return [f for f in self.figures if f.review_state in states]

    @property
    def path_note(self) -> str:
        return path_note(self.path) if self.path is not None else ""

    @property
    def path_start(self) -> str:
        """Which baseline the path starts from, in words."""
        start = self.base.start
        if start is None or self.path is None:
            return ""
        origin = "theo nghị quyết" if start is self.base.stated else "theo số liệu đã có"
        return f"tính từ năm gốc {start.year} {origin}: {baseline_value(start)}"

    @property
    def stated_text(self) -> str:
        return baseline_value(self.base.stated) if self.base.stated else ""

    @property
    def stated_where(self) -> str:
        return baseline_source(self.base.stated) if self.base.stated else ""

    @property
    def revised_text(self) -> str:
        return baseline_value(self.base.revised) if self.base.revised else ""

    @property
    def revised_where(self) -> str:
        return baseline_source(self.base.revised) if self.base.revised else ""


def baseline_value(baseline: model.Baseline) -> str:
    """ "74.432 tỷ đồng (ước tính)"."""
    shown = vi_value(baseline.value, baseline.unit)
    if not baseline.status:
        return shown
    return f"{shown} ({model.FigureStatus(baseline.status).label.lower()})"


def baseline_source(baseline: model.Baseline) -> str:
    """ "bao-cao.txt, dòng 48", or the publication's address."""
    where = baseline.source
    return f"{where.document}, dòng {where.line}" if where.line else where.document


def indicator_page(
    indicator: Indicator,
    *,
    locality_code: str = "",
    rules: Rules = DEFAULT_RULES,
    mode: ViewMode = ViewMode.WORKING,
) -> IndicatorPage:
    """The page of an indicator: assessed, charted and path-drawn from the figures that
    count in `mode`; the figures table lists every stored figure with its review state."""
    plan = indicator.plan
    locality = plan_locality(plan, locality_code)
    core_figures = figures_by_indicator(plan, locality, mode=mode).get(indicator.pk, [])
    stated = stated_baselines(plan, locality).get(indicator.pk)
    row = build_row(
        indicator, core_figures, plan, rules=rules, as_of=timezone.localdate().year, stated=stated
    )
    stored = list(
        Figure.objects.filter(indicator=indicator, locality=locality)
        .select_related("entered_by", "reviewed_by")
        .order_by("year", "period", "status")
    )
    used = list(
        counted(Figure.objects.filter(indicator=indicator, locality=locality), mode)
        .select_related("indicator", "locality", "entered_by")
        .order_by("year", "period", "status")
    )
    target = row.target
    baselines = baseline_figures(used, target)
    both = baselines_of(target, dict(_yearly(core_figures)), row.core.unit, stated)
    path = _path(row, both.start)
    rebased = _path(row, both.revised) if both.stated is not None and both.revised else None
    chart = indicator_chart(row.core, [figure_adapters.figure(f) for f in used], target, path)
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
        tasks=list(
            TaskIndicator.objects.filter(indicator=indicator)
            .exclude(state=LinkState.REMOVED)
            .select_related("task")
            .order_by("task__plan", "task__position")
        ),
        series=series_of(indicator, locality, mode=mode) if locality is not None else [],
        annual=_annual(indicator, row, path),
        base=both,
        rebased_path=rebased,
        latest_plan_part=_plan_part(indicator, row),
        mode=mode,
    )


def baseline_figures(stored: list[Figure], target: model.IndicatorTarget | None) -> list[Figure]:
    """Yearly figures of the years before the target's period (plan values left out); figures
    of part of a year (2025-9M) are not baselines, they stay in the figures table."""
    if target is None:
        return []
    return [
        f
        for f in stored
        if f.year < target.period_start
        and Period.parse(f.period).is_year
        and f.status != model.FigureStatus.PLAN.value
    ]


def _yearly(figures: list[model.Figure]) -> dict[int, model.Figure]:
    return yearly_figures(figures) if figures else {}


def _plan_part(indicator: Indicator, row: Row) -> PartYear | None:
    """The latest year-to-date figure beside the annual plan's target of its year."""
    if row.latest_part is None or row.latest is None or not row.latest_part.year_to_date:
        return None
    year = row.latest.period.year
    for stored in indicator.targets.filter(
        plan__kind=PlanKind.ANNUAL_PLAN, period_end=year
    ).order_by("position"):
        target = plan_adapters.indicator_target(stored)
        found = part_year(row.latest, row.core.unit, target) if target else None
        if found is not None and found.target_share is not None:
            return found
    return None


def _path(row: Row, baseline: model.Baseline | None) -> RequiredPath | None:
    """The required path from `baseline`; None when the core cannot draw one."""
    if row.target is None:
        return None
    try:
        found = required_path(resolve_goal(row.core, row.target, baseline))
    except (NoGoalError, ValueError, ArithmeticError):
        return None
    return found if found.milestones else None


PATH_SHAPES = {
    "compound": "tăng đều theo tỷ lệ mỗi năm",
    "gap": "thu hẹp đều khoảng cách còn lại mỗi năm",
    "linear": "thay đổi đều một lượng mỗi năm",
    "flat": "giữ mức mục tiêu mỗi năm",
    "even_share": "chia đều tổng cho các năm",
    "none": "chưa lập được",
}


def path_note(path: RequiredPath) -> str:
    """Why the path has its shape, in words; the shape's name when the core gives no note."""
    return path.note or PATH_SHAPES.get(path.shape, path.shape)


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
