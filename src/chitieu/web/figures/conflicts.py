"""Importing the published figures: context indicators, figures, conflicts and the 2026 plan.

One transaction: the supplementary plan and its indicators, every mapped figure
through imports.import_figures (the normal checks), every second source with
another value through services.record_conflict, and the annual plan's targets.
Any problem: nothing is written (import_figures raises ImportRejected).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction

from chitieu.catalog import model
from chitieu.ingest.figures_file import FigureRow, FiguresFile, Place, Problem
from chitieu.ingest.published import MappedFigure, Published, PublishedMapping
from chitieu.outlook.annual_plan import AnnualTarget
from chitieu.web.figures.imports import ImportRejected, ImportReport, import_figures
from chitieu.web.figures.models import Figure
from chitieu.web.figures.services import record_conflict
from chitieu.web.plans.models import Indicator, Plan, PlanKind
from chitieu.web.plans.services import add_target, ensure_locality, load_catalogue

ANNUAL_PLAN_CODE = "hung_yen_2026"


@dataclass
class PublishedImport:
    figures: ImportReport
    conflicts: int = 0
    annual_targets: int = 0


@transaction.atomic
def import_published(
    published: Published,
    mapping: PublishedMapping,
    *,
    actor: Any | None,
    dry_run: bool = False,
    annual: tuple[AnnualTarget, ...] = (),
    resolution: str | None = None,
) -> PublishedImport:
    """Write the published figures (and the annual plan) or, with dry_run, only check them.

    A malformed row (a value or status that does not read, a locality the mapping does
    not know) rejects the whole import: ImportRejected names its file and row.
    """
    problems = malformed(published, mapping)
    if problems:
        raise ImportRejected("số liệu đã công bố", problems)
    parent = ensure_locality("hung_yen")
    for code in {m.figure.locality for m in published.figures}:
        ensure_locality(code, parent=parent if code != "hung_yen" else None)
    load_catalogue(_supplementary_catalogue(mapping), actor=actor)
    report = import_figures(
        _figures_file(published),
        actor=actor,
        dry_run=dry_run,
        description="Nhập số liệu đã công bố",
    )
    result = PublishedImport(report)
    if not dry_run:
        for conflict in published.conflicts:
            result.conflicts += _conflict(conflict.kept, conflict.other, actor)
        if annual and resolution:
            result.annual_targets = load_annual_plan(annual, resolution, actor=actor)
    if dry_run:
        transaction.set_rollback(True)
    return result


def malformed(published: Published, mapping: PublishedMapping) -> list[Problem]:
    """Unmapped rows that are errors, not choices: an unreadable value or status, an unknown
    locality. (A multi-year period or a left-out indicator stays an unmapped row.)"""
    problems = []
    for item in published.unmapped:
        row = item.row
        if mapping.locality(row.locality) is None:
            message = f"địa bàn “{row.locality}” không có trong ánh xạ."
            problems.append(Problem(Place(row.file, row.line, "“locality”"), message, "locality"))
        try:
            Decimal(row.value)
        except InvalidOperation:
            message = f"giá trị “{row.value}” không phải số (viết 1234.5)."
            problems.append(Problem(Place(row.file, row.line, "“value”"), message, "bad_value"))
        try:
            model.FigureStatus.from_label(row.status)
        except ValueError:
            message = (
                f"loại số liệu “{row.status}” không hợp lệ (ước, sơ bộ, chính thức, kế hoạch)."
            )
            problems.append(Problem(Place(row.file, row.line, "“status”"), message, "bad_status"))
    return problems


def load_annual_plan(
    annual: tuple[AnnualTarget, ...], resolution: str, *, actor: Any | None
) -> int:
    """The annual plan as its own plan (kind annual_plan, parent the resolution).

    A target the mapping links to a resolution indicator is attached to that indicator;
    the others become the annual plan's own indicators ("kh2026.NN").
    """
    parent = Plan.objects.get(code=resolution)
    own = tuple(
        model.Indicator(
            code=f"kh2026.{item.line - 1:02d}",
            name=item.name,
            group="",
            parent=None,
            unit=item.target.unit,
            direction=model.Direction.HIGHER,
            targets=(_annual_target(item),),
        )
        for item in annual
        if item.code is None
    )
    plan = model.Plan(
        code=ANNUAL_PLAN_CODE,
        name="Kế hoạch phát triển kinh tế - xã hội năm 2026 (dự thảo)",
        issuer="UBND tỉnh Hưng Yên",
        term_start=2026,
        term_end=2026,
        document="plan-2026-draft.csv",
        kind="annual_plan",
        locality=parent.locality.code if parent.locality else "hung_yen",
        parent=parent.code,
    )
    load_catalogue(model.Catalogue(plan=plan, indicators=own), actor=actor)
    stored = Plan.objects.get(code=ANNUAL_PLAN_CODE)
    count = len(own)
    for item in annual:
        if item.code is not None:
            indicator = Indicator.objects.get(code=item.code)
            add_target(indicator, stored, _annual_target(item), actor=actor)
            count += 1
    return count


def _annual_target(item: AnnualTarget) -> model.IndicatorTarget:
    source = model.Source(item.source[:300], item.line, text=item.target.text)
    return model.IndicatorTarget(item.target, 2026, 2026, model.Aggregation.LEVEL, source)


def _conflict(kept: MappedFigure, other: MappedFigure, actor: Any | None) -> int:
    f = kept.figure
    figure = Figure.objects.get(
        indicator__code=f.indicator,
        locality__code=f.locality,
        period=str(f.period),
        status=f.status.value,
    )
    note = f"{other.row.place}. {other.figure.note}".strip()
    record_conflict(figure, other.figure.value, source=other.figure.source, note=note, actor=actor)
    return 1


def _supplementary_catalogue(mapping: PublishedMapping) -> model.Catalogue:
    code, name, start, end = mapping.supplementary_plan
    plan = model.Plan(
        code=code,
        name=name,
        issuer="",
        term_start=start,
        term_end=end,
        document="data/hung-yen/published",
        kind=PlanKind.CONTEXT.value,
        locality="hung_yen",
    )
    indicators = tuple(
        model.Indicator(s.code, s.name, "", None, s.unit, model.Direction.HIGHER)
        for s in mapping.supplementary
    )
    return model.Catalogue(plan=plan, indicators=indicators)


def _figures_file(published: Published) -> FiguresFile:
    rows = tuple(_row(m) for m in published.figures)
    return FiguresFile("published", rows, ())


def _row(item: MappedFigure) -> FigureRow:
    f = item.figure
    return FigureRow(
        place=Place(item.row.file, item.row.line),
        indicator=f.indicator,
        locality=f.locality,
        period=f.period,
        value=f.value,
        value_text=item.row.value,
        status=f.status,
        unit="",  # the mapping checked the published unit (and converted tỷ → triệu USD)
        source=f.source,
        note=f.note,
        cells=(),
    )


def best_values(published: Published, locality: str, year: int) -> dict[str, Decimal]:
    """The best actual value of each code for one yearly period (for baselines)."""
    from chitieu.ingest.published import best_actual

    grouped: dict[str, list[model.Figure]] = {}
    for m in published.figures:
        f = m.figure
        if f.locality == locality and f.period.is_year and f.period.year == year:
            grouped.setdefault(f.indicator, []).append(f)
    found = {code: best_actual(items) for code, items in grouped.items()}
    return {code: f.value for code, f in found.items() if f is not None}
