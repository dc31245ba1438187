"""Report model -> .xlsx: one sheet per report part, numbers as numbers (see xlsx_base.py)."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from chitieu.exchange.cell_text import formulas_as_text
from chitieu.reports.model import ReportHeading, ResultsTable, RowKind
from chitieu.reports.progress import UNAPPROVED_LEGEND, UNAPPROVED_MARK
from chitieu.reports.xlsx_base import (
    DRAFT_WORD,
    FONT,
    GROUP_FILL,
    draft_banner,
    fit_heights,
    header_row,
    mark_draft,
    setup_sheet,
    title_rows,
    write_cell,
)

RESULTS_WIDTHS = (7.0, 55.0, 14.0, 14.0, 14.0, 18.0)
_ALIGN = ("center", "left", "center", "center", "center", "center")


def results_xlsx(table: ResultsTable, heading: ReportHeading) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    results_sheet(sheet, table, heading)
    if table.notes:
        notes_sheet(workbook.create_sheet(), table)
    if heading.draft:
        for each in workbook.worksheets:
            mark_draft(each)
    return _bytes(workbook)


def write_results_xlsx(table: ResultsTable, heading: ReportHeading, path: Path) -> Path:
    path.write_bytes(results_xlsx(table, heading))
    return path


def results_sheet(sheet: Worksheet, table: ResultsTable, heading: ReportHeading) -> int:
    """The table on `sheet`; returns the header row's number."""
    name = f"Phụ lục {table.label}" if table.label else "Kết quả"
    setup_sheet(sheet, name, RESULTS_WIDTHS, landscape=True)
    lines = [heading.issuer, table.title, table.caption]
    start = title_rows(sheet, [line for line in lines if line], len(RESULTS_WIDTHS))
    if heading.draft:
        banner = f"{DRAFT_WORD}: bản làm việc, chưa dùng để ký ban hành. {UNAPPROVED_LEGEND}."
        draft_banner(sheet, start - 1, len(RESULTS_WIDTHS), banner)
    header_row(sheet, start, table.header)
    row_number = start
    for row in table.rows:
        row_number += 1
        if row.kind is RowKind.GROUP:
            write_cell(sheet, row_number, 1, row.stt, bold=True)
            write_cell(sheet, row_number, 2, row.name, bold=True, align="left")
            for column in range(3, 7):
                write_cell(sheet, row_number, column, None)
            sheet.merge_cells(
                start_row=row_number, start_column=2, end_row=row_number, end_column=6
            )
            for column in range(1, 7):
                sheet.cell(row=row_number, column=column).fill = GROUP_FILL
            continue
        values = list(row.cells)
        assessment = values[5] + (f" ({row.footnote})" if row.footnote else "")
        cells = (*values[:4], row.result_value if row.result_value is not None else values[4])
        marked = UNAPPROVED_MARK in row.result_text
        for column, value in enumerate((*cells, assessment), start=1):
            write_cell(
                sheet, row_number, column, value, align=_ALIGN[column - 1],
                marked=marked and column == 5,
            )  # fmt: skip
    fit_heights(sheet, start + 1)
    return start


def notes_sheet(sheet: Worksheet, table: ResultsTable) -> None:
    setup_sheet(sheet, "Ghi chú", (8.0, 120.0), landscape=True)
    sheet.cell(row=1, column=1, value="Ghi chú").font = Font(name=FONT, size=13, bold=True)
    for number, note in enumerate(table.notes, start=1):
        sheet.cell(row=number + 1, column=1, value=f"({number})").font = Font(name=FONT, size=12)
        cell = sheet.cell(row=number + 1, column=2, value=note)
        cell.font = Font(name=FONT, size=12)
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def _bytes(workbook: Workbook) -> bytes:
    buffer = BytesIO()
    formulas_as_text(workbook).save(buffer)
    return buffer.getvalue()
