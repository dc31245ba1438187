"""The progress report of a plan for one year: per indicator where it stands and where it heads.

For each indicator with a target in the plan's term: the target, the baseline,
the latest yearly figure with its status (ước / sơ bộ / chính thức), the status
assessed so far (chitieu.assess), the pace needed in the remaining years, the
projection and the on-track rating (chitieu.outlook); then the targets at risk,
the plan's coherence findings, a chart per indicator with figures, and the
tasks with their progress notes. Missing figures are said plainly:
"Chưa có số liệu", never guessed.

A working draft (`draft=True`) may use figures not yet approved: their keys are
given as `unapproved`, and every value shown from one carries UNAPPROVED_MARK.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace

from chitieu.assess import AssessmentError, assess_target
from chitieu.assess.periods import averaged_span, part_months, part_year
from chitieu.assess.rules import DEFAULT_RULES, Rules
from chitieu.catalog.model import (
    Assessment,
    Baseline,
    Catalogue,
    Figure,
    FigureStatus,
    Indicator,
    IndicatorTarget,
    Source,
)
from chitieu.catalog.period import Period
from chitieu.outlook import NoGoalError, Outlook, Rating, rate, required_path, resolve_goal
from chitieu.outlook.goal import Goal
from chitieu.quantity import format_number, format_value
from chitieu.reports.charts import indicator_chart
from chitieu.reports.model import (
    NO_DATA,
    Chart,
    ProgressReport,
    ProgressRow,
    TaskNote,
)
from chitieu.reports.progress_text import (
    coherence_findings,
    projection_text,
    required_text,
    unit_symbol,
)
from chitieu.reports.results import roman, row_kind
from chitieu.reports.stored import as_written

# Best first: the figure a year is represented by.
STATUS_ORDER = (FigureStatus.OFFICIAL, FigureStatus.PRELIMINARY, FigureStatus.ESTIMATE)
AT_RISK = (Rating.NEEDS_ACCELERATION, Rating.LIMITED_PROGRESS, Rating.DETERIORATION)
TASK_KINDS = {
    "focus": "Nhiệm vụ trọng tâm",
    "pillar": "Trụ cột",
    "breakthrough": "Đột phá chiến lược",
    "area": "Nhiệm vụ, giải pháp",
}
NO_TASK_NOTE = "Chưa có ghi nhận tiến độ"
NO_OUTLOOK = "Không dự báo được"
UNAPPROVED_MARK = "*"
UNAPPROVED_LEGEND = "* Số liệu chưa duyệt"
FigureKey = tuple[str, str, str, str]


def figure_key(figure: Figure) -> FigureKey:
    """(indicator, locality, period, status): what names one stored figure."""
    return (figure.indicator, figure.locality, str(figure.period), figure.status.value)


class ReportError(ValueError):
    def __init__(self, message: str, *, place: str) -> None:
        super().__init__(f"{place}: {message}")
        self.place = place


@dataclass(frozen=True)
class _Series:
    """One indicator's yearly figures, one per year (the best status), up to the report year."""

    by_year: dict[int, Figure]

    def years(self, first: int, last: int) -> list[int]:
        return [y for y in sorted(self.by_year) if first <= y <= last]

    def latest(self, first: int, last: int) -> Figure | None:
        years = self.years(first, last)
        return self.by_year[years[-1]] if years else None


def report_years(first: int, last: int) -> range:
    """The years a progress report may cover: a term's years after the one it starts from
    (2026-2030 of a 2025-2030 term), or an annual plan's own year.

    >>> list(report_years(2020, 2025)), list(report_years(2024, 2024))
    ([2021, 2022, 2023, 2024, 2025], [2024])
    """
    return range(first if first == last else first + 1, last + 1)


def plan_words(kind: str, first: int, last: int) -> str:
    """What the plan is called in a sentence: "Nghị quyết nhiệm kỳ 2020 - 2025",
    "Kế hoạch 5 năm 2021 - 2025", "Kế hoạch năm 2024"."""
    if first == last:
        return f"Kế hoạch năm {first}"
    if kind == "five_year_plan":
        return f"Kế hoạch 5 năm {first} - {last}"
    return f"Nghị quyết nhiệm kỳ {first} - {last}"


def span_words(first: int, last: int) -> str:
    """ "nhiệm kỳ 2020 - 2025", or "kế hoạch năm 2024" for one year."""
    return f"kế hoạch năm {first}" if first == last else f"nhiệm kỳ {first} - {last}"


def progress_report(
    catalogue: Catalogue,
    figures: Sequence[Figure],
    year: int,
    *,
    locality: str | None = None,
    task_notes: Mapping[str, str] | None = None,
    rules: Rules = DEFAULT_RULES,
    charts: bool = True,
    draft: bool = False,
    unapproved: Collection[FigureKey] = frozenset(),
) -> ProgressReport:
    """The report for `year` (a year of the plan's term after its first) from these figures.

    `draft`: a working draft; `unapproved` the keys (figure_key) of the figures not yet
    approved, whose values are marked."""
    plan = catalogue.plan
    first, last = plan.years
    if year not in report_years(first, last):
        years = report_years(first, last)
        raise ReportError(
            f"Năm báo cáo {year} không thuộc {span_words(first, last)} "
            f"(chọn từ {years.start} đến {years.stop - 1})",
            place=plan.code,
        )
    place = locality or plan.locality
    series = _series(figures, place, year)
    parts = latest_part_year(figures, place, year)
    rows: list[ProgressRow] = []
    groups: list[tuple[str, str, int]] = []
    drawn: list[Chart] = []
    names = {g.code: g.name for g in catalogue.groups}
    for indicator in catalogue.indicators:
        if indicator.group and (not groups or groups[-1][1] != names.get(indicator.group)):
            numeral = roman(len(groups) + 1)
            groups.append((numeral, names.get(indicator.group, indicator.group), len(rows)))
        own = series.get(indicator.code, _Series({}))
        target = _plan_target(indicator, last)
        row, goal = _row(indicator, target, own, year, place, rules, frozenset(unapproved))
        if indicator.code in parts and target is not None:
            row = _with_part_year(row, parts[indicator.code], indicator, target, own)
        rows.append(row)
        if charts and target is not None and own.by_year:
            drawn.append(_chart(indicator, own, target, goal))
    return ProgressReport(
        plan_code=plan.code,
        plan_name=plan.name,
        year=year,
        term=f"{first} - {last}",
        plan_words=plan_words(plan.kind, first, last),
        locality=place,
        rows=tuple(rows),
        groups=tuple(groups),
        coherence=coherence_findings(catalogue),
        charts=tuple(drawn),
        tasks=_tasks(catalogue, task_notes or {}),
        draft=draft,
    )


def _series(figures: Sequence[Figure], locality: str, year: int) -> dict[str, _Series]:
    chosen: dict[str, dict[int, Figure]] = {}
    for figure in figures:
        if figure.locality != locality or not figure.period.is_year:
            continue
        if figure.status is FigureStatus.PLAN or figure.period.year > year:
            continue
        years = chosen.setdefault(figure.indicator, {})
        held = years.get(figure.period.year)
        if held is None or _rank(figure) < _rank(held):
            years[figure.period.year] = figure
    return {code: _Series(years) for code, years in chosen.items()}


def latest_part_year(figures: Sequence[Figure], locality: str, year: int) -> dict[str, Figure]:
    """Per indicator, the figure of part of `year` that ends last (its most final status)."""
    found: dict[str, Figure] = {}
    for figure in figures:
        period = figure.period
        if figure.locality != locality or period.is_year or period.year != year:
            continue
        if figure.status is FigureStatus.PLAN:
            continue
        held = found.get(figure.indicator)
        key = (_months_to(period), -_rank(figure))
        if held is None or key >= (_months_to(held.period), -_rank(held)):
            found[figure.indicator] = figure
    return found


def _months_to(period: Period) -> int:
    return part_months(period)[1]


def _with_part_year(
    row: ProgressRow,
    figure: Figure,
    indicator: Indicator,
    target: IndicatorTarget,
    series: _Series,
) -> ProgressRow:
    """The latest column with the year so far beside the last yearly figure: a figure of
    part of a year is shown for what it is, never as the year's result."""
    if figure.period.year in series.by_year:
        return row
    part = part_year(figure, indicator.unit, target)
    if part is None:
        return row
    shown = format_value(as_written(figure.value, ""), indicator.unit)
    text = f"{shown} ({part.label}, {figure.status.label})"
    if part.shares_text:
        text += f": {part.shares_text}"
    text += "; chưa có số cả năm"
    if row.latest_text and row.latest_text != NO_DATA:
        text = f"{row.latest_text}; {text}"
    return replace(row, latest_text=text)


def _rank(figure: Figure) -> int:
    return STATUS_ORDER.index(figure.status)


def _plan_target(indicator: Indicator, term_end: int) -> IndicatorTarget | None:
    targets = [t for t in indicator.targets if t.period_end == term_end]
    return targets[0] if targets else (indicator.targets[0] if indicator.targets else None)


def _row(
    indicator: Indicator,
    target: IndicatorTarget | None,
    series: _Series,
    year: int,
    locality: str,
    rules: Rules,
    unapproved: frozenset[FigureKey] = frozenset(),
) -> tuple[ProgressRow, Goal | None]:
    blank = _heading_row(indicator)
    if target is None:
        return blank, None
    baseline, revised = _baselines(indicator, target, series, locality)
    latest = series.latest(target.period_start, year)
    stored_base = series.by_year.get(target.period_start - 1)
    latest_marked = latest is not None and figure_key(latest) in unapproved
    base_marked = (
        baseline is not None and stored_base is not None and figure_key(stored_base) in unapproved
    )
    status, status_reason, status_working, averaged = _assess(
        indicator, target, series, year, baseline, rules
    )
    goal, outlook, no_goal = _outlook(indicator, target, series, year, baseline, locality)
    rating = outlook.rating if outlook is not None else None
    row = replace(
        blank,
        target_text=target.value.text,
        baseline_text=_baseline_text(baseline, indicator.unit, revised, marked=base_marked),
        latest_text=_figure_text(latest, indicator.unit, marked=latest_marked) + averaged,
        status=status.label,
        status_reason=status_reason,
        required_text=required_text(outlook, indicator.unit) if outlook else "",
        projection_text=projection_text(outlook, indicator.unit) if outlook else "",
        rating=rating.label if rating is not None else NO_OUTLOOK,
        rating_reason=outlook.reason if outlook is not None else no_goal,
        at_risk=rating in AT_RISK or status is Assessment.NOT_ACHIEVED,
        latest_value=as_written(latest.value, "") if latest is not None else None,
        baseline_value=as_written(baseline.value, "") if baseline is not None else None,
        latest_unapproved=latest_marked,
        baseline_unapproved=base_marked,
        status_working=status_working,
        rating_working=outlook.working if outlook is not None else (),
    )
    return row, goal


def _heading_row(indicator: Indicator) -> ProgressRow:
    """The row with only the indicator's own cells (a heading row has nothing else)."""
    return ProgressRow(
        code=indicator.code,
        stt=indicator.stt or "",
        name=indicator.name,
        unit=unit_symbol(indicator.unit),
        kind=row_kind(indicator.stt or "", indicator.name),
        target_text="",
        baseline_text="",
        latest_text="",
        status="",
        status_reason="",
        required_text="",
        projection_text="",
        rating="",
        rating_reason="",
        at_risk=False,
    )


def _baselines(
    indicator: Indicator, target: IndicatorTarget, series: _Series, locality: str
) -> tuple[Baseline | None, Baseline | None]:
    """The baseline and a later revision of it. The document's own figure of the year before
    the period (a baseline with its line) is the plan as written: it is the baseline, and a
    stored figure of that year with another value is the revision shown beside it
    (docs/outlook-method.md). Else the stored figure, else the catalogue's baseline."""
    year = target.period_start - 1
    stored = series.by_year.get(year)
    kept = None
    if stored is not None:
        where = Source(document=stored.source, text=format_number(stored.value))
        kept = Baseline(year, stored.value, indicator.unit, where, locality)
    stated = _single(
        [
            b
            for b in indicator.baselines
            if b.year == year and b.source.line is not None and b.locality in (None, locality)
        ]
    )
    if stated is not None:
        return stated, kept if kept is not None and kept.value != stated.value else None
    if kept is not None:
        return kept, None
    own = [b for b in indicator.baselines if b.year <= year and b.locality in (None, locality)]
    return (max(own, key=lambda b: b.year) if len(own) == 1 else _single(own)), None


def _single(baselines: list[Baseline]) -> Baseline | None:
    """Several numbers for the same year are not a baseline: none rather than a guess."""
    if not baselines:
        return None
    latest = max(b.year for b in baselines)
    values = {b.value for b in baselines if b.year == latest}
    return next(b for b in baselines if b.year == latest) if len(values) == 1 else None


def _baseline_text(
    baseline: Baseline | None,
    unit: str | None,
    revised: Baseline | None = None,
    *,
    marked: bool = False,
) -> str:
    if baseline is None:
        return NO_DATA
    mark = UNAPPROVED_MARK if marked else ""
    shown = format_value(as_written(baseline.value, ""), unit) + mark
    if revised is None:
        return f"{shown} ({baseline.year})"
    later = format_value(as_written(revised.value, ""), unit)
    return f"{shown} ({baseline.year}, theo nghị quyết); số điều chỉnh sau: {later}"


def _figure_text(figure: Figure | None, unit: str | None, *, marked: bool = False) -> str:
    if figure is None:
        return NO_DATA
    shown = format_value(as_written(figure.value, ""), unit)
    mark = UNAPPROVED_MARK if marked else ""
    return f"{shown}{mark} ({figure.period.year}, {figure.status.label})"


def _assess(
    indicator: Indicator,
    target: IndicatorTarget,
    series: _Series,
    year: int,
    baseline: Baseline | None,
    rules: Rules,
) -> tuple[Assessment, str, tuple[str, ...], str]:
    """The status, its reason, its arithmetic, and for an average target "; bình quân
    2026–2027: 10%/năm" (the years averaged so far, so the latest year is not read as the
    period's average)."""
    period = [series.by_year[y] for y in series.years(target.period_start, year)]
    if not period:
        return Assessment.NO_DATA, f"Chưa có số liệu từ năm {target.period_start}.", (), ""
    try:
        result = assess_target(
            target, indicator.direction, period, rules=rules, as_of=year, baseline=baseline
        )
    except AssessmentError as error:
        return Assessment.NO_DATA, str(error), (), ""
    span = averaged_span(target, result.years_used)
    if not span or result.achieved_value is None:
        return result.status, result.reason, result.working, ""
    shown = format_value(as_written(result.achieved_value, ""), indicator.unit)
    return result.status, result.reason, result.working, f"; {span}: {shown}"


def _outlook(
    indicator: Indicator,
    target: IndicatorTarget,
    series: _Series,
    year: int,
    baseline: Baseline | None,
    locality: str,
) -> tuple[Goal | None, Outlook | None, str]:
    try:
        goal = resolve_goal(indicator, target, baseline)
    except NoGoalError as error:
        return None, None, error.message
    years = series.years(goal.baseline_year, year)
    values = [series.by_year[y].value for y in years]
    return goal, rate(goal, years, values, locality), ""


def _chart(
    indicator: Indicator, series: _Series, target: IndicatorTarget, goal: Goal | None
) -> Chart:
    path = required_path(goal) if goal is not None else None
    spec = indicator_chart(indicator, list(series.by_year.values()), target, path)
    return Chart(indicator.code, indicator.name, spec)


def _tasks(catalogue: Catalogue, notes: Mapping[str, str]) -> tuple[TaskNote, ...]:
    names = {i.code: i.name for i in catalogue.indicators}
    return tuple(
        TaskNote(
            number=task.number,
            heading=task.heading,
            kind=TASK_KINDS.get(task.kind, task.kind),
            indicators="; ".join(names.get(code, code) for code in task.indicators),
            note=notes.get(task.code) or NO_TASK_NOTE,
        )
        for task in catalogue.tasks
    )
