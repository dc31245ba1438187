"""The dashboard of a plan: one row per indicator, assessed and rated by the core.

Stored rows become core objects (plans/figures adapters); `assess_target` gives
the status and its reason, `outlook.rate` the at-risk rating. Everything for a
plan is read in a handful of queries, so the real plan (~60 indicators) stays fast.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch
from django.utils import timezone

from chitieu.assess import DEFAULT_RULES, AssessmentError, Result, Rules, assess_target
from chitieu.assess.aggregate import yearly_figures
from chitieu.assess.periods import PartYear, averaged_span, part_year
from chitieu.catalog import model
from chitieu.catalog.period import Period, PeriodKind
from chitieu.outlook import NoGoalError, Outlook, Rating, rate, resolve_goal
from chitieu.quantity import QuantityError, format_value
from chitieu.reports.progress import figure_key
from chitieu.web.dashboard.baselines import baselines_of, stated_baselines
from chitieu.web.dashboard.templatetags.chitieu_format import plain
from chitieu.web.figures import adapters as figure_adapters
from chitieu.web.figures.models import Figure
from chitieu.web.figures.visibility import ViewMode, counted, counted_states
from chitieu.web.plans import adapters as plan_adapters
from chitieu.web.plans.models import Department, Group, Indicator, Locality, Plan, PlanKind

STATUSES: tuple[model.Assessment, ...] = tuple(model.Assessment)
AT_RISK = (Rating.NEEDS_ACCELERATION, Rating.LIMITED_PROGRESS, Rating.DETERIORATION)


@dataclass(frozen=True)
class Filters:
    """The dashboard's GET filters; an empty string means 'all'."""

    group: str = ""
    status: str = ""
    department: str = ""
    locality: str = ""
    # Which figures count (figures.visibility): official (approved or published) or working.
    mode: ViewMode = ViewMode.WORKING


@dataclass(frozen=True)
class Row:
    indicator: Indicator
    core: model.Indicator
    target: model.IndicatorTarget | None
    target_text: str
    latest: model.Figure | None
    latest_text: str
    result: Result
    series: tuple[tuple[int, Decimal], ...]  # best figure of each year, for the sparkline
    outlook: Outlook | None
    departments: tuple[str, ...]
    latest_part: PartYear | None = None  # the latest figure when it is of part of a year
    baseline: model.Baseline | None = None  # the path's start (see baseline_of)

    @property
    def latest_period_text(self) -> str:
        """The latest figure's period and status: "lũy kế tháng 1/2026 · ước"."""
        if self.latest is None:
            return ""
        period = self.latest_part.label if self.latest_part else self.latest.period.label()
        return f"{period} · {self.latest.status.label}"

    @property
    def averaged(self) -> str:
        """For an average target, the years its result averages: "bình quân 2026–2026"."""
        if self.target is None or self.result.achieved_value is None:
            return ""
        return averaged_span(self.target, self.result.years_used)

    latest_unapproved: bool = False  # the working view's latest figure is not yet approved

    @property
    def status(self) -> model.Assessment:
        return self.result.status

    @property
    def reason(self) -> str:
        """The assessment's reason without the status the badge beside it already shows."""
        return without_label(self.result.reason, self.status.label)

    @property
    def outlook_reason(self) -> str:
        if self.outlook is None:
            return ""
        return without_label(self.outlook.reason, self.outlook.rating.label)

    @property
    def rated(self) -> bool:
        return self.outlook is not None and self.outlook.rating is not Rating.INSUFFICIENT_DATA

    @property
    def at_risk(self) -> bool:
        return self.outlook is not None and self.outlook.rating in AT_RISK


@dataclass(frozen=True)
class GroupCounts:
    code: str
    name: str
    counts: tuple[tuple[model.Assessment, int], ...]
    total: int


@dataclass(frozen=True)
class Dashboard:
    plan: Plan
    locality: Locality | None
    rows: list[Row]  # after every filter
    groups: list[GroupCounts]  # counts before the status filter
    at_risk: list[Row]
    totals: tuple[tuple[model.Assessment, int], ...] = field(default=())
    mode: ViewMode = ViewMode.WORKING

    @property
    def approved_only(self) -> bool:
        return self.mode is ViewMode.OFFICIAL

    @property
    def view_label(self) -> str:
        """Which figures the page is computed from."""
        if self.approved_only:
            return "Số liệu chính thức: chỉ tính số liệu đã duyệt và số liệu công bố"
        return "Bản làm việc (dự thảo): tính mọi số liệu đã nhập, kể cả chưa duyệt"

    @property
    def total(self) -> int:
        return sum(n for _, n in self.totals)

    @property
    def unapproved(self) -> bool:
        """Whether a value shown is not yet approved (the legend "* Số liệu chưa duyệt")."""
        return any(r.latest_unapproved for r in self.rows)

    @property
    def closed(self) -> bool:
        """A past term: its figures are final, so 'at risk' reads as 'fell behind its path'."""
        return bool(self.plan.kind == PlanKind.PAST_TERM)

    @property
    def with_target(self) -> int:
        return sum(1 for r in self.rows if r.target is not None)

    @property
    def unrated(self) -> int:
        """Rows with a target that the outlook could not rate for lack of figures."""
        return sum(1 for r in self.rows if r.target is not None and not r.rated)


def default_plan() -> Plan | None:
    """The newest resolution, else the newest plan of any kind."""
    plans = Plan.objects.all()
    return plans.filter(kind=PlanKind.RESOLUTION).first() or plans.first()


def plan_locality(plan: Plan, code: str = "") -> Locality | None:
    if code:
        found = Locality.objects.filter(code=code).first()
        if found is not None:
            return found
    return plan.locality


def dashboard(plan: Plan, *, filters: Filters, rules: Rules = DEFAULT_RULES) -> Dashboard:
    """The rows, the counts per group and the targets at risk of a plan."""
    locality = plan_locality(plan, filters.locality)
    rows = dashboard_rows(
        plan,
        locality=locality,
        department=filters.department,
        rules=rules,
        mode=filters.mode,
    )
    if filters.group:
        rows = [r for r in rows if r.core.group == filters.group]
    groups = group_counts(plan, rows)
    totals = _counts(rows)
    shown = [r for r in rows if not filters.status or r.status.value == filters.status]
    at_risk = [r for r in rows if r.at_risk]
    return Dashboard(plan, locality, shown, groups, at_risk, totals, filters.mode)


def dashboard_rows(
    plan: Plan,
    *,
    locality: Locality | None,
    department: str = "",
    rules: Rules = DEFAULT_RULES,
    as_of: int | None = None,
    mode: ViewMode = ViewMode.WORKING,
) -> list[Row]:
    """One row per active indicator of the plan, with its figures in `locality` that
    count in `mode` (never a returned one)."""
    indicators = (
        Indicator.objects.filter(plan=plan, active=True)
        .select_related("group", "parent")
        .prefetch_related(
            "targets",
            Prefetch("department_set", queryset=Department.objects.only("name"), to_attr="deps"),
        )
        .order_by("position")
    )
    if department:
        indicators = indicators.filter(department__code=department)
    by_indicator = figures_by_indicator(plan, locality, mode=mode)
    unapproved = unapproved_keys(plan, locality, mode=mode)
    stated = stated_baselines(plan, locality)
    year = as_of if as_of is not None else timezone.localdate().year
    return [
        build_row(
            i,
            by_indicator.get(i.pk, []),
            plan,
            rules=rules,
            as_of=year,
            stated=stated.get(i.pk),
            unapproved=unapproved,
        )
        for i in indicators
    ]


def figures_by_indicator(
    plan: Plan, locality: Locality | None, *, mode: ViewMode = ViewMode.WORKING
) -> dict[int, list[model.Figure]]:
    """The core figures (plan values left out) of every indicator of the plan that count
    in `mode`."""
    rows = counted(
        Figure.objects.filter(indicator__plan=plan, locality=locality)
        .exclude(status=model.FigureStatus.PLAN.value)
        .select_related("indicator", "locality", "entered_by")
        .order_by("year", "period"),
        mode,
    )
    found: dict[int, list[model.Figure]] = defaultdict(list)
    for row in rows:
        found[row.indicator_id].append(figure_adapters.figure(row))
    return found


def unapproved_keys(
    plan: Plan, locality: Locality | None, *, mode: ViewMode = ViewMode.WORKING
) -> frozenset[tuple[str, str, str, str]]:
    """The keys (reports.progress.figure_key) of the figures counted in `mode` that are not
    yet approved: none in the official view."""
    rows = counted(Figure.objects.filter(indicator__plan=plan, locality=locality), mode)
    rows = rows.exclude(review_state__in=counted_states(ViewMode.OFFICIAL))
    return frozenset(
        (code, place, period, status)
        for code, place, period, status in rows.values_list(
            "indicator__code", "locality__code", "period", "status"
        )
    )


def build_row(
    indicator: Indicator,
    figures: Sequence[model.Figure],
    plan: Plan,
    *,
    rules: Rules,
    as_of: int,
    stated: Mapping[int, model.Baseline] | None = None,
    unapproved: frozenset[tuple[str, str, str, str]] = frozenset(),
) -> Row:
    """The row of one indicator; `stated` are the baselines its resolution states, by year."""
    core = plan_adapters.indicator(indicator, with_targets=False)
    target = plan_target(indicator, plan)
    yearly = yearly_figures(figures) if figures else {}
    baseline = baseline_of(target, yearly, core.unit, stated)
    result = assess(core, target, figures, rules=rules, as_of=as_of, baseline=baseline)
    latest = latest_figure(figures, yearly)
    return Row(
        indicator=indicator,
        core=core,
        target=target,
        target_text=_target_text(indicator, plan),
        latest=latest,
        latest_text=show(latest.value, core.unit) if latest else "",
        result=result,
        series=tuple((y, f.value) for y, f in sorted(yearly.items())),
        outlook=outlook_of(core, target, yearly, baseline),
        departments=tuple(d.name for d in getattr(indicator, "deps", [])),
        latest_part=part_year(latest, core.unit, target) if latest else None,
        baseline=baseline,
        latest_unapproved=latest is not None and figure_key(latest) in unapproved,
    )


def without_label(reason: str, label: str) -> str:
    """ "Chưa có số liệu: chưa có số liệu năm nào…" -> "Chưa có số liệu năm nào…".

    >>> without_label("Chưa đủ số liệu: cần giá trị năm gốc.", "Chưa đủ số liệu")
    'Cần giá trị năm gốc.'
    >>> without_label("Kết quả 9,9% vượt mục tiêu.", "Vượt")
    'Kết quả 9,9% vượt mục tiêu.'
    """
    prefix = f"{label}: "
    if not reason.lower().startswith(prefix.lower()):
        return reason
    rest = reason[len(prefix) :]
    return rest[:1].upper() + rest[1:]


def latest_figure(
    figures: Sequence[model.Figure], yearly: dict[int, model.Figure]
) -> model.Figure | None:
    """The figure of the period that ends last: January 2026 after the year 2025, but the
    year 2025 (its best status) over "10 months of 2025" and over December 2025."""
    candidates = list(yearly.values()) + [f for f in figures if not f.period.is_year]
    if not candidates:
        return None
    return max(candidates, key=lambda f: (_end_month(f.period), f.period.is_year))


def _end_month(period: Period) -> int:
    months = {
        PeriodKind.YEAR: 12,
        PeriodKind.HALF: 6 * period.index,
        PeriodKind.QUARTER: 3 * period.index,
    }
    return period.year * 12 + months.get(period.kind, period.index)


def plan_target(indicator: Indicator, plan: Plan) -> model.IndicatorTarget | None:
    """The indicator's first target in the plan. A past term's table does not say how the
    target aggregates; its result is the term's own figure, so it is compared as a level,
    and the term's first year (2020 of 2020–2025) is its baseline year."""
    rows = [t for t in indicator.targets.all() if t.plan_id == plan.pk]
    if not rows:
        return None
    row = min(rows, key=lambda t: t.position)
    found = plan_adapters.indicator_target(row)
    if found is not None:
        return found
    start = row.period_start
    if start == plan.term_start and row.period_end > start:
        start += 1
    return model.IndicatorTarget(
        value=plan_adapters.target_value(row),
        period_start=start,
        period_end=row.period_end,
        aggregation=model.Aggregation.LEVEL,
        source=plan_adapters.source_of(row),
    )


def _target_text(indicator: Indicator, plan: Plan) -> str:
    rows = sorted((t for t in indicator.targets.all() if t.plan_id == plan.pk), key=_position)
    return "; ".join(t.text for t in rows)


def _position(row: object) -> int:
    return int(getattr(row, "position", 0))


def baseline_of(
    target: model.IndicatorTarget | None,
    yearly: dict[int, model.Figure],
    unit: str | None,
    stated: Mapping[int, model.Baseline] | None = None,
) -> model.Baseline | None:
    """The baseline the target is assessed and its path drawn from: the one the resolution
    states (`stated`, by year), else the last yearly figure before the period starts
    (dashboard/baselines.py; a later revision is shown beside it, not used instead)."""
    return baselines_of(target, yearly, unit, stated).start


def assess(
    core: model.Indicator,
    target: model.IndicatorTarget | None,
    figures: Sequence[model.Figure],
    *,
    rules: Rules,
    as_of: int | None,
    baseline: model.Baseline | None,
) -> Result:
    """The core assessment; a target the core cannot assess says why instead of failing."""
    if target is None:
        return Result(
            model.Assessment.NO_DATA, False, None, None, "Chưa có mục tiêu trong kế hoạch."
        )
    in_period = [f for f in figures if target.period_start <= f.period.year <= target.period_end]
    try:
        return assess_target(
            target, core.direction, in_period, rules=rules, as_of=as_of, baseline=baseline
        )
    except AssessmentError as error:
        return Result(model.Assessment.NO_DATA, False, None, None, f"Chưa đánh giá được: {error}.")


def outlook_of(
    core: model.Indicator,
    target: model.IndicatorTarget | None,
    yearly: dict[int, model.Figure],
    baseline: model.Baseline | None,
) -> Outlook | None:
    """The on-track rating of an open target; None when the core has nothing to rate."""
    if target is None or not yearly:
        return None
    try:
        goal = resolve_goal(core, target, baseline)
        years = sorted(y for y in yearly if y >= goal.baseline_year)
        if not years:
            return None
        return rate(goal, years, [yearly[y].value for y in years], locality=None)
    except (NoGoalError, ValueError, ArithmeticError):
        return None


def show(value: Decimal, unit: str | None) -> str:
    """A value with its unit the Vietnamese way; an unknown unit code is shown as written."""
    value = plain(value)
    try:
        return format_value(value, unit)
    except (QuantityError, KeyError, ValueError):
        return format_value(value, None) + (f" {unit}" if unit else "")


def group_counts(plan: Plan, rows: Iterable[Row]) -> list[GroupCounts]:
    by_group: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        by_group[row.core.group].append(row)
    groups = list(Group.objects.filter(plan=plan).order_by("position"))
    found = [
        GroupCounts(g.code, g.name, _counts(by_group[g.code]), len(by_group[g.code]))
        for g in groups
        if by_group.get(g.code)
    ]
    if by_group.get(""):
        found.append(GroupCounts("", "Chưa xếp nhóm", _counts(by_group[""]), len(by_group[""])))
    return found


def _counts(rows: Iterable[Row]) -> tuple[tuple[model.Assessment, int], ...]:
    counted = Counter(row.status for row in rows)
    return tuple((status, counted.get(status, 0)) for status in STATUSES)
