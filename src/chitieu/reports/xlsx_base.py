"""Workbook helpers: the house look of a report sheet.

Numbers are stored as numbers. Their format code uses the neutral placeholders
"#,##0.0": "," means "thousands separator" and "." means "decimal separator",
and Excel/LibreOffice draw them with the separators of the reader's locale. On a
vi-VN machine 44923.5 shows as 44.923,5, the Vietnamese way; on an en-US
machine as 44,923.5. No format code can force the Vietnamese separators on
every machine without storing text, so the sheet records its language as
Vietnamese (cell comments and headers) and docs/reports.md tells users to set
the vi-VN locale (LibreOffice: Tools > Options > Language Settings > Locale).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

FONT = "Times New Roman"
_THIN = Side(style="thin", color="000000")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
GROUP_FILL = PatternFill("solid", fgColor="F2F2F2")


def number_format(value: Decimal) -> str:
    """The format code that shows `value` with the decimals it has.

    >>> number_format(Decimal("9.9")), number_format(Decimal("44923")), number_format(Decimal("0.35"))
    ('#,##0.0', '#,##0', '#,##0.00')
    """
    exponent = value.as_tuple().exponent
    decimals = max(0, -exponent) if isinstance(exponent, int) else 0
    return "#,##0" + ("." + "0" * decimals if decimals else "")


def setup_sheet(sheet: Worksheet, title: str, widths: Sequence[float], *, landscape: bool) -> None:
    sheet.title = title[:31]
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6
    sheet.oddFooter.center.text = "Trang &P / &N"


def title_rows(sheet: Worksheet, lines: Sequence[str], ncols: int) -> int:
    """Merged, centred title lines; returns the next free row."""
    for row, text in enumerate(lines, start=1):
        sheet.cell(row=row, column=1, value=text).font = Font(name=FONT, size=13, bold=True)
        sheet.cell(row=row, column=1).alignment = Alignment(horizontal="center", wrap_text=True)
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=ncols)
        sheet.row_dimensions[row].height = 34 if len(text) > 90 else 18
    return len(lines) + 2


def header_row(sheet: Worksheet, row: int, header: Sequence[str]) -> None:
    for column, text in enumerate(header, start=1):
        cell = sheet.cell(row=row, column=column, value=text)
        cell.font = Font(name=FONT, size=12, bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = BORDER
        cell.fill = HEADER_FILL
    sheet.row_dimensions[row].height = 45
    sheet.freeze_panes = sheet.cell(row=row + 1, column=3)
    sheet.print_title_rows = f"{row}:{row}"


def write_cell(
    sheet: Worksheet,
    row: int,
    column: int,
    value: str | Decimal | None,
    *,
    bold: bool = False,
    align: str = "center",
) -> None:
    """A text or a number (a Decimal is stored as a number with its own decimals)."""
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, Decimal):
        cell.value = float(value) if value != value.to_integral_value() else int(value)
        cell.number_format = number_format(value)
        align = "right"
    else:
        cell.value = value if value else None
    cell.font = Font(name=FONT, size=12, bold=bold)
    cell.alignment = Alignment(horizontal=align, vertical="center", wrap_text=True)
    cell.border = BORDER
