"""Exporting every figure in the columns `chitieu import` reads, so export → edit → import round-trips."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from django.db.models import QuerySet

from chitieu.catalog.model import FigureStatus
from chitieu.exchange.cell_text import text_row, workbook_row
from chitieu.exchange.plain import unit_symbol
from chitieu.ingest.figures_file import COLUMNS, LABELS, export_value, plain
from chitieu.web.figures.models import Figure

HEADER = [LABELS[column] for column in COLUMNS]


def export_rows(
    *, numbers: bool = False, figures: QuerySet[Figure] | None = None
) -> Iterator[list[object]]:
    """One row per figure (of `figures`, default all), in a stable order; values as Decimal
    or as Vietnamese text."""
    if figures is None:
        figures = Figure.objects.all()
    figures = figures.select_related("indicator", "locality").order_by(
        "indicator__code", "locality__code", "year", "period", "status"
    )
    for figure in figures.iterator(chunk_size=2000):
        yield [
            figure.indicator.code,
            figure.locality.code,
            figure.period,
            plain(figure.value) if numbers else export_value(figure.value),
            FigureStatus(figure.status).label,
            unit_symbol(figure.indicator.unit),
            figure.source,
            figure.note,
        ]


def export_csv(stream: IO[str]) -> int:
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(HEADER)
    count = 0
    for count, row in enumerate(export_rows(), start=1):  # noqa: B007
        writer.writerow(text_row(row))
    return count


def export_workbook(path: Path, *, figures: QuerySet[Figure] | None = None) -> int:
    """An .xlsx with numbers stored as numbers (and the header `chitieu import` expects)."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("So lieu")
    sheet.append(HEADER)
    count = 0
    for count, row in enumerate(export_rows(numbers=True, figures=figures), start=1):  # noqa: B007
        sheet.append(workbook_row(sheet, row))
    workbook.save(path)
    return count


def export_figures(target: Path | IO[str]) -> int:
    """Write all figures to a .xlsx or .csv path (by extension) or a text stream; return the count."""
    if isinstance(target, Path):
        if target.suffix.lower() == ".xlsx":
            return export_workbook(target)
        with target.open("w", encoding="utf-8", newline="") as stream:
            return export_csv(stream)
    return export_csv(target)
