"""The Excel entry template: one sheet per indicator group, codes hidden, cells validated.

Its header is the one chitieu.ingest.figures_file reads, so a filled template
goes straight back through `chitieu import`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from chitieu.catalog.model import FigureStatus
from chitieu.exchange.cell_text import formulas_as_text
from chitieu.ingest.figures_file import INSTRUCTIONS_SHEET, LABELS
from chitieu.quantity import get_unit
from chitieu.quantity.errors import UnknownUnitError
from chitieu.web.plans.models import Indicator, Plan

COLUMNS = (
    "indicator",
    "stt",
    "name",
    "unit",
    "locality",
    "period",
    "value",
    "status",
    "source",
    "note",
)
TITLES = {**LABELS, "stt": "STT", "name": "Tên chỉ tiêu"}
WIDTHS = {
    "stt": 6,
    "name": 60,
    "unit": 14,
    "locality": 14,
    "period": 10,
    "value": 14,
    "status": 14,
    "source": 30,
    "note": 30,
}
INSTRUCTIONS = (
    "Hướng dẫn nhập số liệu",
    "",
    "1. Mỗi trang là một nhóm chỉ tiêu; mỗi dòng là một số liệu của một chỉ tiêu, một địa bàn, một kỳ.",
    "2. Chỉ điền các cột Giá trị, Loại số liệu, Nguồn và Ghi chú. Không sửa cột Mã chỉ tiêu (đang ẩn).",
    "3. Giá trị là số, gõ như thường lệ trên máy cài đặt tiếng Việt (dấu phẩy thập phân: 1.234,5).",
    "   Giá trị phải theo đúng đơn vị ở cột Đơn vị. Không dùng công thức; không gộp ô.",
    "4. Loại số liệu: kế hoạch, ước, sơ bộ hoặc chính thức (chọn trong danh sách).",
    "5. Kỳ: 2026 (cả năm), 2026-H1 (6 tháng đầu năm), 2026-Q1 (quý 1), 2026-03 (tháng 3).",
    "6. Dòng để trống giá trị sẽ được bỏ qua. Có thể chép thêm dòng cho kỳ hoặc địa bàn khác.",
    "7. Nộp tệp bằng lệnh: chitieu import <tệp>.xlsx (thêm --dry-run để kiểm tra trước).",
    "   Nếu có lỗi, không số liệu nào được ghi; danh sách lỗi cho biết trang, dòng và cột.",
)


class TemplateError(ValueError):
    """A template asked for a plan that is not in the store."""


def write_template(plan_code: str, year: int, path: Path, *, locality: str | None = None) -> int:
    """Write the entry template of `plan_code` for `year`; return the number of indicator rows."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.worksheet.datavalidation import DataValidation

    plan = Plan.objects.filter(code=plan_code).select_related("locality").first()
    if plan is None:
        raise TemplateError(f"Không có kế hoạch mã “{plan_code}”; hãy chạy “chitieu load” trước.")
    locality_code = locality or (plan.locality.code if plan.locality else "")
    workbook = Workbook()
    guide = workbook.active
    guide.title = INSTRUCTIONS_SHEET
    for line in INSTRUCTIONS:
        guide.append([line])
    guide["A1"].font = Font(bold=True, size=14)
    guide.column_dimensions["A"].width = 110
    lists = workbook.create_sheet("_danh_sach")
    for row, status in enumerate(FigureStatus, start=1):
        lists.cell(row=row, column=1, value=status.label)
    lists.sheet_state = "hidden"
    count = 0
    indicators = Indicator.objects.filter(plan=plan, active=True).select_related("group")
    for group_name, members in _by_group(indicators):
        sheet = workbook.create_sheet(_sheet_title(group_name, workbook.sheetnames))
        sheet.append([TITLES[c] for c in COLUMNS])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for indicator in members:
            sheet.append(
                [indicator.code, indicator.stt, indicator.name, _unit(indicator.unit),
                 locality_code, str(year), None, None, None, None]
            )  # fmt: skip
            count += 1
        _format(sheet, len(members) + 1, DataValidation)
    formulas_as_text(workbook).save(path)  # names come from documents
    return count


def _by_group(indicators: Iterable[Indicator]) -> list[tuple[str, list[Indicator]]]:
    groups: dict[str, list[Indicator]] = {}
    for indicator in indicators:
        name = indicator.group.name if indicator.group else "Chỉ tiêu"
        groups.setdefault(name, []).append(indicator)
    return list(groups.items())


def _format(sheet: Any, last_row: int, validation_type: Any) -> None:
    letters = {column: chr(ord("A") + index) for index, column in enumerate(COLUMNS)}
    sheet.column_dimensions[letters["indicator"]].hidden = True
    for column, width in WIDTHS.items():
        sheet.column_dimensions[letters[column]].width = width
    sheet.freeze_panes = "D2"
    rows = f"{{}}2:{{}}{max(last_row, 2) + 500}"
    number = validation_type(
        type="decimal",
        operator="between",
        formula1="-1000000000000000",
        formula2="1000000000000000",
        showErrorMessage=True,
        errorTitle="Giá trị không hợp lệ",
        error="Hãy nhập một số (ví dụ 8,1 hoặc 1.234,5).",
    )
    status = validation_type(
        type="list",
        formula1=f"=_danh_sach!$A$1:$A${len(FigureStatus)}",
        showErrorMessage=True,
        errorTitle="Loại số liệu không hợp lệ",
        error="Chọn: kế hoạch, ước, sơ bộ hoặc chính thức.",
    )
    number.add(rows.format(letters["value"], letters["value"]))
    status.add(rows.format(letters["status"], letters["status"]))
    sheet.add_data_validation(number)
    sheet.add_data_validation(status)


def _sheet_title(name: str, taken: list[str]) -> str:
    """Excel sheet names: at most 31 characters, none of []:*?/\\, unique."""
    base = re.sub(r"[\[\]:*?/\\]", " ", name).strip()[:28] or "Nhóm"
    title, number = base, 2
    while title in taken:
        title, number = f"{base} {number}", number + 1
    return title


def _unit(code: str) -> str:
    try:
        return get_unit(code).symbol if code else ""
    except UnknownUnitError:
        return code
