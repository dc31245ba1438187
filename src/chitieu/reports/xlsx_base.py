"""Workbook helpers: the house look of a report sheet.

Numbers are stored as numbers. Their format code uses the neutral placeholders
"#,##0.0": "," means "thousands separator" and "." means "decimal separator",
and Excel/LibreOffice draw them with the separators of the reader's locale. On a
vi-VN machine 44923.5 shows as 44.923,5, the Vietnamese way; on an en-US
machine as 44,923.5. No format code can force the Vietnamese separators on
every machine without storing text, so the sheet records its language as
Vietnamese (cell comments and headers) and docs/reports.md tells users to set
the vi-VN locale (LibreOffice: Tools > Options > Language Settings > Locale).

A value shows the decimals it really has, at most MAX_DECIMALS: the store keeps six
decimal places (328283.000000), which are storage, not precision. Rows are given a
height that fits their wrapped text (`fit_heights`): Excel and LibreOffice print the
height stored in the file, so an unset height prints wrapped lines over each other.
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
DRAFT_FILL = PatternFill("solid", fgColor="FDE9E7")
DRAFT_WORD = "DỰ THẢO"
MAX_DECIMALS = 2
LINE_POINTS = 15.75  # one line of 12 pt Times New Roman
CHAR_FACTOR = 1.1  # a 12 pt Times character against the width unit of a column


def decimals_of(value: Decimal, *, most: int = MAX_DECIMALS) -> int:
    """The decimals `value` is written with, at most `most`. A value with more decimals than
    that is a stored one (six places): its trailing zeros are storage, not precision.

    >>> decimals_of(Decimal("328283.000000")), decimals_of(Decimal("9.170000")), decimals_of(Decimal("1.23456"))
    (0, 2, 2)
    >>> decimals_of(Decimal("95.0")), decimals_of(Decimal("44923"))
    (1, 0)
    """
    exponent = value.as_tuple().exponent
    if not isinstance(exponent, int):
        return 0
    if -exponent > most:
        exponent = value.normalize().as_tuple().exponent
        assert isinstance(exponent, int)
    return min(max(0, -exponent), most)


def number_format(value: Decimal, *, marked: bool = False) -> str:
    """The format code that shows `value` with the decimals it has; `marked` adds "*"
    (a value not yet approved).

    >>> number_format(Decimal("9.9")), number_format(Decimal("44923.000000")), number_format(Decimal("0.35"))
    ('#,##0.0', '#,##0', '#,##0.00')
    >>> number_format(Decimal("1234.5"), marked=True)
    '#,##0.0"*"'
    """
    decimals = decimals_of(value)
    code = "#,##0" + ("." + "0" * decimals if decimals else "")
    return code + '"*"' if marked else code


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


def mark_draft(sheet: Worksheet) -> None:
    """ "DỰ THẢO" in the header of every printed page of the sheet."""
    sheet.oddHeader.right.text = f"&B{DRAFT_WORD}"
    sheet.oddHeader.right.color = "C00000"
    sheet.oddHeader.right.size = 13
    sheet.firstHeader.right.text = f"&B{DRAFT_WORD}"


def draft_banner(sheet: Worksheet, row: int, ncols: int, text: str) -> None:
    """A visible banner line across the sheet: what a draft is and how it is marked."""
    cell = sheet.cell(row=row, column=1, value=text)
    cell.font = Font(name=FONT, size=12, bold=True, color="C00000")
    cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    cell.fill = DRAFT_FILL
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=ncols)
    sheet.row_dimensions[row].height = 2 * LINE_POINTS


def fit_heights(sheet: Worksheet, first_row: int, *, minimum: float = LINE_POINTS + 3) -> None:
    """Give every row from `first_row` the height its wrapped text needs when printed."""
    widths = {
        index: sheet.column_dimensions[get_column_letter(index)].width or 9.0
        for index in range(1, sheet.max_column + 1)
    }
    spans = {
        (r.min_row, r.min_col): sum(widths.get(c, 9.0) for c in range(r.min_col, r.max_col + 1))
        for r in sheet.merged_cells.ranges
    }
    for row in sheet.iter_rows(min_row=first_row, max_row=sheet.max_row):
        lines = 1
        for cell in row:
            if cell.value is None or isinstance(cell.value, (int, float)):
                continue
            width = spans.get((cell.row, cell.column), widths.get(cell.column, 9.0))
            lines = max(lines, text_lines(str(cell.value), width))
        height = max(minimum, lines * LINE_POINTS + 4)
        current = sheet.row_dimensions[row[0].row].height or 0
        sheet.row_dimensions[row[0].row].height = max(height, current)


def text_lines(text: str, width: float) -> int:
    """How many lines `text` wraps to in a column `width` characters wide (a word longer
    than the column counts as its share of lines).

    >>> text_lines("Tỷ lệ hộ nghèo", 20), text_lines("một hai ba bốn năm sáu bảy tám chín mười", 12)
    (1, 5)
    """
    room = max(1.0, (width - 1) / CHAR_FACTOR)
    total = 0
    for paragraph in text.split("\n"):
        used, count = 0.0, 1
        for word in paragraph.split():
            size = len(word)
            if used and used + 1 + size > room:
                count += 1
                used = 0.0
            used += size + (1 if used else 0)
            while used > room:
                count += 1
                used -= room
        total += count
    return max(total, 1)


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
    marked: bool = False,
) -> None:
    """A text or a number (a Decimal is stored as a number with its own decimals);
    `marked`: a value not yet approved, in italic (a number also with "*")."""
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, Decimal):
        cell.value = float(value) if value != value.to_integral_value() else int(value)
        cell.number_format = number_format(value, marked=marked)
        align = "right"
    else:
        cell.value = value if value else None
    cell.font = Font(name=FONT, size=12, bold=bold, italic=marked)
    cell.alignment = Alignment(horizontal=align, vertical="center", wrap_text=True)
    cell.border = BORDER
