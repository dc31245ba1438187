"""The progress report as a workbook: one sheet per part, values as numbers."""

from __future__ import annotations

from io import BytesIO

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.worksheet.worksheet import Worksheet

from chitieu.exchange.cell_text import formulas_as_text
from chitieu.reports.model import NO_DATA, ProgressReport, ReportHeading, RowKind
from chitieu.reports.progress import UNAPPROVED_LEGEND
from chitieu.reports.xlsx_base import (
    DRAFT_WORD,
    GROUP_FILL,
    draft_banner,
    fit_heights,
    header_row,
    mark_draft,
    setup_sheet,
    title_rows,
    write_cell,
)

DRAFT_BANNER = f"{DRAFT_WORD}: bản làm việc, chưa dùng để ký ban hành. {UNAPPROVED_LEGEND}."

INDICATOR_HEADER = (
    "STT",
    "Chỉ tiêu",
    "Đơn vị tính",
    "Mục tiêu",
    "Năm gốc",
    "Giá trị năm gốc",
    "Số liệu mới nhất",
    "Giá trị mới nhất",
    "Đánh giá",
    "Khả năng đạt",
    "Cần đạt những năm còn lại",
    "Dự báo",
    "Giải thích",
)
INDICATOR_WIDTHS = (6, 45, 12, 16, 18, 12, 20, 12, 14, 16, 30, 22, 60)


def progress_xlsx(report: ProgressReport, heading: ReportHeading) -> bytes:
    workbook = Workbook()
    first = workbook.active
    assert first is not None
    indicators_sheet(first, report, heading)
    _simple(
        workbook.create_sheet(),
        "Nguy cơ không đạt",
        ("Chỉ tiêu", "Mục tiêu", "Số liệu mới nhất", "Khả năng đạt", "Giải thích"),
        (45, 18, 22, 16, 80),
        [(r.name, r.target_text, r.latest_text, r.rating, r.rating_reason) for r in report.at_risk],
        report,
    )
    _simple(
        workbook.create_sheet(),
        "Tính nhất quán",
        ("Nội dung kiểm tra", "Kết luận", "Giải thích"),
        (50, 20, 100),
        [(f.title, f.verdict, f.explanation) for f in report.coherence],
        report,
    )
    _simple(
        workbook.create_sheet(),
        "Nhiệm vụ",
        ("Số", "Loại", "Nhiệm vụ", "Chỉ tiêu liên quan", "Tiến độ"),
        (8, 20, 70, 40, 40),
        [(t.number, t.kind, t.heading, t.indicators, t.note) for t in report.tasks],
        report,
    )
    if report.draft or heading.draft:
        for sheet in workbook.worksheets:
            mark_draft(sheet)
    buffer = BytesIO()
    formulas_as_text(workbook).save(buffer)
    return buffer.getvalue()


def indicators_sheet(sheet: Worksheet, report: ProgressReport, heading: ReportHeading) -> int:
    setup_sheet(sheet, "Chỉ tiêu", INDICATOR_WIDTHS, landscape=True)
    title = f"TÌNH HÌNH THỰC HIỆN CÁC CHỈ TIÊU NĂM {report.year}"
    start = title_rows(sheet, [heading.issuer, title, report.plan_name], len(INDICATOR_HEADER))
    if report.draft or heading.draft:
        draft_banner(sheet, start - 1, len(INDICATOR_HEADER), DRAFT_BANNER)
    header_row(sheet, start, INDICATOR_HEADER)
    starts = {index: (numeral, name) for numeral, name, index in report.groups}
    line = start
    for index, row in enumerate(report.rows):
        if index in starts:
            line += 1
            numeral, name = starts[index]
            write_cell(sheet, line, 1, numeral, bold=True)
            write_cell(sheet, line, 2, name, bold=True, align="left")
            for column in range(3, len(INDICATOR_HEADER) + 1):
                write_cell(sheet, line, column, None)
            sheet.merge_cells(
                start_row=line, start_column=2, end_row=line, end_column=len(INDICATOR_HEADER)
            )
            for column in range(1, len(INDICATOR_HEADER) + 1):
                sheet.cell(row=line, column=column).fill = GROUP_FILL
        line += 1
        values = (
            row.stt,
            row.name,
            row.unit,
            row.target_text,
            row.baseline_text,
            row.baseline_value,
            row.latest_text,
            row.latest_value,
            row.status,
            row.rating,
            row.required_text,
            row.projection_text,
            row.explanation[0],
        )
        bold = row.kind is RowKind.INDICATOR and not row.target_text
        marked = {5, 6} if row.baseline_unapproved else set()
        marked |= {7, 8} if row.latest_unapproved else set()
        for column, value in enumerate(values, start=1):
            align = "left" if column in (2, 11, 12, 13) else "center"
            write_cell(sheet, line, column, value, bold=bold, align=align, marked=column in marked)
        working = row.explanation[1]
        if working:
            note = "Cách tính:\n" + "\n".join(f"- {step}" for step in working)
            comment = Comment(note, "chitieu", width=420, height=28 + 18 * len(working))
            sheet.cell(row=line, column=len(INDICATOR_HEADER)).comment = comment
    if report.unapproved:
        line += 2
        write_cell(sheet, line, 2, UNAPPROVED_LEGEND, align="left", marked=True)
    fit_heights(sheet, start + 1)
    return start


def _simple(
    sheet: Worksheet,
    title: str,
    header: tuple[str, ...],
    widths: tuple[int, ...],
    rows: list[tuple[str, ...]],
    report: ProgressReport,
) -> None:
    setup_sheet(sheet, title, widths, landscape=True)
    start = title_rows(sheet, [f"{title.upper()} - NĂM {report.year}"], len(header))
    if report.draft:
        draft_banner(sheet, start - 1, len(header), DRAFT_BANNER)
    header_row(sheet, start, header)
    if not rows:
        write_cell(sheet, start + 1, 1, f"Không có ({NO_DATA.lower()} hoặc không có mục nào).")
    for offset, values in enumerate(rows, start=1):
        for column, value in enumerate(values, start=1):
            write_cell(sheet, start + offset, column, value, align="left")
    fit_heights(sheet, start + 1)
