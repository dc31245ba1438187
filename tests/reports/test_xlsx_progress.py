"""The progress workbook: the explanation column prints the sentence, its note the arithmetic."""

from __future__ import annotations

from decimal import Decimal
from io import BytesIO

from openpyxl import load_workbook

from chitieu.catalog.model import Catalogue, Figure, FigureStatus
from chitieu.catalog.period import Period
from chitieu.reports.model import ReportHeading
from chitieu.reports.progress import progress_report
from chitieu.reports.xlsx_progress import INDICATOR_HEADER, progress_xlsx


def _figure(code: str, year: int, value: str) -> Figure:
    return Figure(code, "hung_yen", Period.year_of(year), Decimal(value), FigureStatus.OFFICIAL)


def test_the_explanation_cell_carries_the_arithmetic_as_a_note(catalogue: Catalogue) -> None:
    figures = (_figure("kt.grdp.quy_mo", 2025, "328283"), _figure("kt.grdp.quy_mo", 2026, "345000"))
    report = progress_report(catalogue, figures, 2026, charts=False)
    heading = ReportHeading(issuer="ỦY BAN NHÂN DÂN", place="Nơi A", title="Báo cáo")
    sheet = load_workbook(BytesIO(progress_xlsx(report, heading)))["Chỉ tiêu"]
    column = len(INDICATOR_HEADER)
    row = next(
        r
        for r in range(1, sheet.max_row + 1)
        if sheet.cell(r, 2).value and str(sheet.cell(r, 2).value).startswith("Quy mô")
    )
    cell = sheet.cell(row, column)
    assert str(cell.value).startswith("Tốc độ tăng thực tế")
    assert "^" not in str(cell.value)
    assert cell.comment is not None
    assert cell.comment.text.startswith("Cách tính:\n- Số liệu năm 2026")
    assert "Tỷ lệ tiến độ R = " in cell.comment.text
