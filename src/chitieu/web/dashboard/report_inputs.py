"""The store's rows as the inputs of the pure report builders (chitieu.reports).

A past-term plan becomes a PastTerm (results table), a resolution or annual plan a
Catalogue with its figures (progress report); the task notes of a year become the
progress report's "Nhiệm vụ" column. Rows go through the plans/figures adapters.
Only the figures that count in the report's mode are read (figures.visibility): the
official report approved and published ones, the working draft everything but returned
figures, with the keys of those not yet approved so the report can mark them.
"""

from __future__ import annotations

from dataclasses import replace

from django.db.models import QuerySet

from chitieu.catalog import model
from chitieu.catalog.period import Period, PeriodError
from chitieu.reports.progress import figure_key
from chitieu.reports.stored import StoredRow, past_term_from_store
from chitieu.web.dashboard.baselines import stated_baselines
from chitieu.web.dashboard.models import TaskNote
from chitieu.web.figures import adapters as figure_adapters
from chitieu.web.figures.models import Figure
from chitieu.web.figures.visibility import ViewMode, counted, is_official
from chitieu.web.plans import adapters
from chitieu.web.plans.models import Plan

STATUS_ORDER = ("chinh_thuc", "so_bo", "uoc")
FigureKey = tuple[str, str, str, str]  # reports.progress.figure_key


def stored_past_term(
    plan: Plan, *, mode: ViewMode = ViewMode.OFFICIAL
) -> tuple[model.PastTerm, tuple[model.Group, ...], frozenset[tuple[str, str]]]:
    """A past-term plan's rows as a PastTerm, with the groups the store names and the
    (STT, name) of the rows whose result is not yet approved."""
    rows = []
    indicators = plan.indicators.filter(active=True).order_by("position").select_related("group")
    figures = _best_figures(
        counted(
            Figure.objects.filter(
                indicator__plan=plan, locality=plan.locality, period=str(plan.term_end)
            ),
            mode,
        )
    )
    unapproved = frozenset(
        (indicator.stt, indicator.name)
        for indicator in indicators
        if (found := figures.get(indicator.pk)) is not None and not is_official(found.review_state)
    )
    for indicator in indicators:
        target = indicator.targets.filter(plan=plan).order_by("position").first()
        figure = figures.get(indicator.pk)
        rows.append(
            StoredRow(
                stt=indicator.stt,
                name=indicator.name,
                unit=indicator.unit or None,
                group=indicator.group.code if indicator.group else None,
                source=adapters.source_of(indicator),
                target=adapters.target_value(target) if target is not None else None,
                official=target.official_assessment if target is not None else "",
                value=figure.value if figure is not None else None,
                written=figure.source_text if figure is not None else "",
            )
        )
    term = past_term_from_store(
        code=plan.code,
        name=plan.name,
        locality=plan.locality.code if plan.locality else "",
        period=(plan.term_start, plan.term_end),
        rows=rows,
    )
    return term, _groups(plan), unapproved


def _best_figures(rows: QuerySet[Figure]) -> dict[int, Figure]:
    """indicator id -> its figure of the best status (chính thức, sơ bộ, ước)."""
    best: dict[int, Figure] = {}
    for row in rows:
        if row.status not in STATUS_ORDER:
            continue
        held = best.get(row.indicator_id)
        if held is None or STATUS_ORDER.index(row.status) < STATUS_ORDER.index(held.status):
            best[row.indicator_id] = row
    return best


def stored_catalogue(
    plan: Plan, *, mode: ViewMode = ViewMode.OFFICIAL
) -> tuple[model.Catalogue, list[model.Figure], frozenset[FigureKey]]:
    """A plan's indicators, groups and tasks as a Catalogue, its figures that count in
    `mode`, and the keys of those not yet approved."""
    rows = list(
        plan.indicators.filter(active=True).order_by("position").select_related("group", "parent")
    )
    indicators = [adapters.indicator(row) for row in rows]
    stored = counted(
        Figure.objects.filter(indicator__plan=plan).select_related(
            "indicator", "locality", "entered_by"
        ),
        mode,
    )
    figures: list[model.Figure] = []
    unapproved: set[FigureKey] = set()
    for row in stored:
        figure = figure_adapters.figure(row)
        figures.append(figure)
        if not is_official(row.review_state):
            unapproved.add(figure_key(figure))
    locality = plan.locality.code if plan.locality else ""
    indicators = [_with_stored_baselines(i, figures, locality, plan.term_start) for i in indicators]
    stated = stated_baselines(plan, plan.locality)
    indicators = [
        _with_stated_baseline(i, stated.get(row.pk, {}), plan.term_start)
        for i, row in zip(indicators, rows, strict=True)
    ]
    catalogue = model.Catalogue(
        plan=adapters.plan(plan),
        groups=_groups(plan),
        indicators=tuple(indicators),
        tasks=tuple(
            adapters.task(task)
            for task in plan.tasks.filter(active=True).prefetch_related("links__indicator")
        ),
    )
    return catalogue, figures, frozenset(unapproved)


def task_notes(plan: Plan, year: int) -> dict[str, str]:
    """task code -> the latest note recorded for a period of `year` (2026, 2026-H1, …).

    A note for part of the year says which part: "6 tháng đầu năm 2026: …".
    """
    latest: dict[str, TaskNote] = {}
    notes = TaskNote.objects.filter(task__plan=plan, period__startswith=str(year))
    for note in notes.select_related("task").order_by("at", "pk"):
        period = _period(note.period)
        if period is not None and period.year == year:
            latest[note.task.code] = note
    return {code: _note_text(note) for code, note in latest.items()}


def _period(text: str) -> Period | None:
    try:
        return Period.parse(text)
    except PeriodError:
        return None


def _note_text(note: TaskNote) -> str:
    period = Period.parse(note.period)
    return note.text if period.is_year else f"{period.label()}: {note.text}"


def _groups(plan: Plan) -> tuple[model.Group, ...]:
    return tuple(model.Group(g.code, g.name, g.numeral) for g in plan.groups.all())


def _with_stored_baselines(
    indicator: model.Indicator, figures: list[model.Figure], locality: str, year: int
) -> model.Indicator:
    """The stored figure of the base year as the indicator's baseline (coherence needs it)."""
    held = [
        f
        for f in figures
        if f.indicator == indicator.code
        and f.locality == locality
        and f.period.is_year
        and f.period.year == year
        and f.status.value in STATUS_ORDER
    ]
    if not held:
        return indicator
    best = min(held, key=lambda f: STATUS_ORDER.index(f.status.value))
    source = model.Source(document=best.source, text=best.note)
    return replace(indicator, baselines=(model.Baseline(year, best.value, indicator.unit, source),))


def _with_stated_baseline(
    indicator: model.Indicator, stated: dict[int, model.Baseline], year: int
) -> model.Indicator:
    """The resolution's own figure of the base year first (the plan as written; a stored
    revision of it stays beside it): reports/progress.py tells them apart by its line."""
    own = stated.get(year)
    if own is None:
        return indicator
    return replace(indicator, baselines=(own, *indicator.baselines))
