"""Importing the published figures: context indicators, figures and conflicts.

One transaction: the supplementary plan and its indicators, every mapped figure
through imports.import_figures (the normal checks), and every second source with
another value through services.record_conflict. Any problem: nothing is written
(import_figures raises ImportRejected). The place and its localities come from
the caller (a place profile), never from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction

from chitieu.catalog import model
from chitieu.ingest.figures_file import FigureRow, FiguresFile, Place, Problem
from chitieu.ingest.published import MappedFigure, Published, PublishedMapping
from chitieu.web.figures.imports import ImportRejected, ImportReport, import_figures
from chitieu.web.figures.models import Figure
from chitieu.web.figures.services import record_conflict
from chitieu.web.plans.models import PlanKind
from chitieu.web.plans.services import ensure_locality, load_catalogue

# A publication is what it says: an unusual value in it is stored as published, with the
# warning in its history and in the import's summary for the planner to look at.
PUBLISHED_AS_IS = "Số liệu đã công bố, ghi đúng như nguồn; người duyệt xem lại"


@dataclass
class PublishedImport:
    figures: ImportReport
    conflicts: int = 0


@transaction.atomic
def import_published(
    published: Published,
    mapping: PublishedMapping,
    *,
    place: str,
    document: str,
    actor: Any | None,
    dry_run: bool = False,
) -> PublishedImport:
    """Write the published figures or, with dry_run, only check them.

    `place` is the code of the place the figures are about (its other localities go
    under it); `document` names the files in the supplementary plan. A malformed row (a
    value or status that does not read, a locality the mapping does not know) rejects
    the whole import: ImportRejected names its file and row.
    """
    problems = malformed(published, mapping)
    if problems:
        raise ImportRejected("số liệu đã công bố", problems)
    parent = ensure_locality(place)
    for code in {m.figure.locality for m in published.figures} - {place}:
        ensure_locality(code, parent=parent)
    load_catalogue(_supplementary_catalogue(mapping, place, document), actor=actor)
    report = import_figures(
        _figures_file(published),
        actor=actor,
        dry_run=dry_run,
        description="Nhập số liệu đã công bố",
        published=True,
        confirm_warnings=PUBLISHED_AS_IS,
    )
    result = PublishedImport(report)
    if not dry_run:
        for conflict in published.conflicts:
            result.conflicts += _conflict(conflict.kept, conflict.other, actor)
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


def _supplementary_catalogue(
    mapping: PublishedMapping, place: str, document: str
) -> model.Catalogue:
    code, name, start, end = mapping.supplementary_plan
    plan = model.Plan(
        code=code,
        name=name,
        issuer="",
        term_start=start,
        term_end=end,
        document=document,
        kind=PlanKind.CONTEXT.value,
        locality=place,
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
