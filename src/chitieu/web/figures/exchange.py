"""The store's side of the exchange formats: which figures, as records, in which format.

chitieu.exchange writes the files from plain records; here the figures are selected
(plan, indicator, locality, years, view) and turned into those records, and the
store's indicators and localities become the structure's code lists.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from django.db.models import QuerySet

from chitieu.catalog.model import FigureStatus
from chitieu.catalog.period import Period
from chitieu.exchange import plain, sdmx_csv, sdmx_json, sdmx_targets
from chitieu.exchange.mapping import AGENCY
from chitieu.exchange.records import CodeItem, Codes, FigureRecord, TargetRecord
from chitieu.exchange.structure import structure_xml
from chitieu.web.figures.models import Figure, ReviewState
from chitieu.web.figures.visibility import ViewMode, counted
from chitieu.web.plans.models import Indicator, Locality, Plan, Target

TEXT_FORMATS = ("csv", "json", "sdmx-csv", "sdmx-json")
FORMATS = (*TEXT_FORMATS, "xlsx")
MEDIA_TYPES = {
    "csv": plain.CSV_MEDIA_TYPE,
    "json": plain.JSON_MEDIA_TYPE,
    "sdmx-csv": sdmx_csv.MEDIA_TYPE,
    "sdmx-json": sdmx_json.MEDIA_TYPE,
}
EXTENSIONS = {"csv": "csv", "json": "json", "sdmx-csv": "csv", "sdmx-json": "json", "xlsx": "xlsx"}
STRUCTURE_MEDIA_TYPE = "application/vnd.sdmx.structure+xml; version=2.1"


class SelectionError(ValueError):
    """A filter naming a plan, indicator or locality the store does not have."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class Selection:
    """Which figures to export; `mode` None is every figure (the full export of old)."""

    plan: str | None = None
    indicator: str | None = None
    locality: str | None = None
    years: tuple[int, ...] = ()
    mode: ViewMode | None = None


def selected_figures(selection: Selection) -> QuerySet[Figure]:
    figures = Figure.objects.select_related("indicator", "locality")
    checks = (
        ("plan", selection.plan, Plan, "kế hoạch", "indicator__plan__code"),
        ("indicator", selection.indicator, Indicator, "chỉ tiêu", "indicator__code"),
        ("locality", selection.locality, Locality, "địa bàn", "locality__code"),
    )
    for field, code, model, noun, lookup in checks:
        if code:
            if not model.objects.filter(code=code).exists():
                raise SelectionError(field, f"Không có {noun} mã “{code}”.")
            figures = figures.filter(**{lookup: code})
    if selection.years:
        figures = figures.filter(year__in=selection.years)
    if selection.mode is not None:
        figures = counted(figures, selection.mode)
    return figures.order_by("indicator__code", "locality__code", "year", "period", "status")


def figure_records(selection: Selection) -> Iterator[FigureRecord]:
    for figure in selected_figures(selection).iterator(chunk_size=2000):
        yield FigureRecord(
            indicator=figure.indicator.code,
            locality=figure.locality.code,
            period=Period.parse(figure.period),
            status=FigureStatus(figure.status),
            value=figure.value,
            unit=figure.indicator.unit,
            source=figure.source,
            note=figure.note,
            value_text=figure.source_text,
            review_state=figure.review_state,
        )


def store_codes() -> Codes:
    """Every indicator and locality of the store (with parents), and the review states."""
    indicators = Indicator.objects.select_related("parent").order_by("code")
    localities = Locality.objects.select_related("parent").order_by("code")
    return Codes(
        indicators=tuple(
            CodeItem(i.code, i.name, i.parent.code if i.parent else None) for i in indicators
        ),
        localities=tuple(
            CodeItem(loc.code, loc.name, loc.parent.code if loc.parent else None)
            for loc in localities
        ),
        review_states=tuple(CodeItem(state.value, state.label) for state in ReviewState),
        plans=tuple(CodeItem(plan.code, plan.name) for plan in Plan.objects.order_by("code")),
    )


def target_records(selection: Selection) -> Iterator[TargetRecord]:
    """The targets of the selected plan and indicator (years and view do not apply)."""
    targets = Target.objects.select_related("plan", "plan__locality", "indicator")
    for field, code, model, noun, lookup in (
        ("plan", selection.plan, Plan, "kế hoạch", "plan__code"),
        ("indicator", selection.indicator, Indicator, "chỉ tiêu", "indicator__code"),
    ):
        if code:
            if not model.objects.filter(code=code).exists():
                raise SelectionError(field, f"Không có {noun} mã “{code}”.")
            targets = targets.filter(**{lookup: code})
    for target in targets.order_by("plan__code", "indicator__code", "position"):
        yield TargetRecord(
            plan=target.plan.code,
            indicator=target.indicator.code,
            locality=target.plan.locality.code if target.plan.locality else "",
            period_start=target.period_start,
            period_end=target.period_end,
            kind=target.kind,
            aggregation=target.aggregation,
            low=target.low,
            high=target.high,
            low_inclusive=target.low_inclusive,
            high_inclusive=target.high_inclusive,
            unit=target.unit,
            text=target.text,
        )


def targets_sdmx_csv(selection: Selection, *, agency: str = AGENCY) -> str:
    """The targets as SDMX-CSV of the dataflow DF_TARGETS."""
    return sdmx_targets.write_targets_sdmx_csv(target_records(selection), agency=agency)


def export_text(fmt: str, selection: Selection, *, agency: str = AGENCY) -> str:
    """The selected figures as CSV, JSON, SDMX-CSV or SDMX-JSON text."""
    records = figure_records(selection)
    if fmt == "csv":
        return plain.write_csv(records)
    if fmt == "json":
        return plain.write_json(records)
    if fmt == "sdmx-csv":
        return sdmx_csv.write_sdmx_csv(records, agency=agency)
    if fmt == "sdmx-json":
        return sdmx_json.write_sdmx_json(records, agency=agency)
    raise ValueError(f"Định dạng không hỗ trợ: {fmt} ({', '.join(FORMATS)}).")


def structure(*, agency: str = AGENCY) -> bytes:
    """The SDMX-ML structure (DSD, code lists, dataflow) of the store's figures."""
    return structure_xml(store_codes(), agency=agency)


def write_export(fmt: str, target: Path | IO[str], selection: Selection) -> int:
    """Write the selection to a path or a text stream; return the number of figures."""
    if fmt == "xlsx":
        from chitieu.web.figures.exports import export_workbook

        if not isinstance(target, Path):
            raise ValueError("Tệp Excel cần một đường dẫn (-o tệp.xlsx).")
        return export_workbook(target, figures=selected_figures(selection))
    text = export_text(fmt, selection)
    if isinstance(target, Path):
        target.write_text(text, encoding="utf-8")
    else:
        target.write(text)
    return selected_figures(selection).count()


def filename(fmt: str, selection: Selection) -> str:
    """so-lieu[-plan][-locality][-years].ext, for a download."""
    parts = ["so-lieu", selection.plan, selection.indicator, selection.locality]
    if selection.years:
        parts.append("-".join(str(year) for year in selection.years))
    if fmt.startswith("sdmx"):
        parts.append("sdmx")
    stem = "-".join(part for part in parts if part)
    return f"{stem}.{EXTENSIONS[fmt]}"
