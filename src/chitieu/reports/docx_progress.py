"""The progress report as Word: overview, table, targets at risk, charts, coherence, tasks."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from io import BytesIO

from docx.document import Document
from docx.shared import Mm

from chitieu.reports.chart_images import chart_png
from chitieu.reports.docx_base import (
    add_row,
    add_table,
    fill,
    heading_values,
    mark_draft,
    paragraph,
)
from chitieu.reports.model import NO_DATA, ProgressReport, ReportHeading, RowKind
from chitieu.reports.progress import TASK_KINDS, UNAPPROVED_LEGEND
from chitieu.reports.progress_text import NOT_CHECKED

TABLE_HEADER = (
    "STT",
    "Chỉ tiêu",
    "Mục tiêu",
    "Năm gốc",
    "Số liệu mới nhất",
    "Đánh giá",
    "Khả năng đạt",
)
TABLE_WIDTHS = (12.0, 45.0, 22.0, 21.0, 24.0, 19.0, 22.0)
_STYLES = (
    "CT Ô giữa",
    "CT Ô bảng",
    "CT Ô giữa",
    "CT Ô giữa",
    "CT Ô giữa",
    "CT Ô giữa",
    "CT Ô giữa",
)
TASK_HEADER = ("Số", "Nhiệm vụ", "Tiến độ")
TASK_WIDTHS = (14.0, 96.0, 55.0)
TASK_ORDER = tuple(TASK_KINDS[k] for k in ("focus", "breakthrough", "pillar", "area"))
ChartRenderer = Callable[[dict[str, object]], bytes]


def progress_docx(
    report: ProgressReport,
    heading: ReportHeading,
    *,
    signer: str | None = None,
    render: ChartRenderer = chart_png,
) -> bytes:
    """The report in the template; a working draft says "DỰ THẢO" on every page."""
    document = fill(
        heading_values(heading, signer=signer), lambda d: progress_body(d, report, render)
    )
    if report.draft or heading.draft:
        mark_draft(document)
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def progress_body(document: Document, report: ProgressReport, render: ChartRenderer) -> None:
    paragraph(document, "I. TÌNH HÌNH CHUNG", "CT Mục")
    paragraph(document, overview(report))
    paragraph(document, "II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", "CT Mục")
    _table(document, report)
    if report.unapproved:
        paragraph(document, UNAPPROVED_LEGEND, "CT Ghi chú")
    paragraph(document, "III. CÁC CHỈ TIÊU CÓ NGUY CƠ KHÔNG ĐẠT", "CT Mục")
    _at_risk(document, report)
    paragraph(document, "IV. DIỄN BIẾN TỪNG CHỈ TIÊU", "CT Mục")
    _charts(document, report, render)
    paragraph(document, "V. TÍNH NHẤT QUÁN CỦA CÁC MỤC TIÊU", "CT Mục")
    _coherence(document, report)
    paragraph(document, "VI. TIẾN ĐỘ THỰC HIỆN CÁC NHIỆM VỤ", "CT Mục")
    _tasks(document, report)


def overview(report: ProgressReport) -> str:
    """One paragraph with the counts, in words; a count of none is said in words too."""
    measured = report.measured
    with_data = [r for r in measured if r.latest_text != NO_DATA]
    ratings = Counter(r.rating for r in with_data)
    parts = ", ".join(f"{count} chỉ tiêu “{label}”" for label, count in ratings.most_common())
    text = f"{report.plan_words} đặt mục tiêu cho {len(measured)} chỉ tiêu. "
    if with_data:
        text += f"Đến năm {report.year}, {len(with_data)} chỉ tiêu đã có số liệu"
        text += f" ({parts})." if parts else "."
    else:
        text += f"Đến năm {report.year}, chưa chỉ tiêu nào có số liệu của kỳ đánh giá."
    missing = len(measured) - len(with_data)
    if with_data and missing:
        text += f" {missing} chỉ tiêu chưa có số liệu (ghi “{NO_DATA}”)."
    elif missing:
        text += f" Các ô tương ứng trong bảng ghi “{NO_DATA}”."
    if report.at_risk:
        text += f" Có {len(report.at_risk)} chỉ tiêu có nguy cơ không đạt (xem mục III)."
    else:
        text += " Theo số liệu hiện có, chưa xác định chỉ tiêu nào có nguy cơ không đạt."
    return text


def _table(document: Document, report: ProgressReport) -> None:
    grid = add_table(document, TABLE_HEADER, TABLE_WIDTHS)
    starts = {index: (numeral, name) for numeral, name, index in report.groups}
    for index, row in enumerate(report.rows):
        if index in starts:
            numeral, name = starts[index]
            cells = (numeral, name, "", "", "", "", "")
            add_row(grid, cells, _STYLES, TABLE_WIDTHS, bold=True, merge_from=1)
        name = f"{row.name} ({row.unit})" if row.unit else row.name
        cells = (
            row.stt,
            name,
            row.target_text,
            row.baseline_text,
            row.latest_text,
            row.status,
            row.rating,
        )
        heading_row = row.kind is RowKind.INDICATOR and not row.target_text
        marked = {3} if row.baseline_unapproved else set()
        marked |= {4} if row.latest_unapproved else set()
        add_row(grid, cells, _STYLES, TABLE_WIDTHS, bold=heading_row, italics=marked)


def _at_risk(document: Document, report: ProgressReport) -> None:
    if not report.at_risk:
        paragraph(document, "Chưa có chỉ tiêu nào có nguy cơ không đạt theo số liệu hiện có.")
        return
    for row in report.at_risk:
        text = f"- {row.name}: mục tiêu {row.target_text}; số liệu mới nhất {row.latest_text}."
        said = "còn lại cần" in row.rating_reason
        for extra in ("" if said else row.required_text, row.rating_reason):
            if extra:
                text += f" {extra.rstrip('.')}."
        if row.projection_text:
            text += f" Dự báo theo xu hướng: {row.projection_text}."
        paragraph(document, text)


def _charts(document: Document, report: ProgressReport, render: ChartRenderer) -> None:
    if not report.charts:
        paragraph(document, f"{NO_DATA}: chưa có chỉ tiêu nào có số liệu để vẽ biểu đồ.")
        return
    rows = {row.code: row for row in report.rows}
    for number, chart in enumerate(report.charts, start=1):
        picture = paragraph(document, "", "CT Hình")
        picture.runs[0].add_picture(BytesIO(render(chart.spec)), width=Mm(150))
        paragraph(document, f"Hình {number}. {chart.title}", "CT Hình", italic=True)
        row = rows.get(chart.code)
        if row is not None:
            words = [row.rating_reason, row.required_text]
            paragraph(document, " ".join(w.rstrip(".") + "." for w in words if w))


def _coherence(document: Document, report: ProgressReport) -> None:
    """The checks that found something to note; those the plan has no figures for are only
    counted (a commune's plan has no GRDP to check), not listed as problems."""
    unchecked = [f for f in report.coherence if f.verdict == NOT_CHECKED]
    problems = [f for f in report.coherence if f.verdict not in ("Nhất quán", NOT_CHECKED)]
    fine = len(report.coherence) - len(problems) - len(unchecked)
    text = (
        f"Đã kiểm tra {len(report.coherence) - len(unchecked)} quan hệ giữa các mục tiêu: "
        f"{fine} nhất quán, {len(problems)} cần lưu ý."
    )
    if unchecked:
        text += (
            f" {len(unchecked)} quan hệ chưa kiểm tra được vì kế hoạch thiếu chỉ tiêu hoặc số"
            " liệu cần cho phép kiểm tra (xem bảng tính nhất quán trong bản Excel)."
        )
    paragraph(document, text)
    for finding in problems:
        paragraph(document, f"- {finding.title} ({finding.verdict}): {finding.explanation}")


def _tasks(document: Document, report: ProgressReport) -> None:
    if not report.tasks:
        paragraph(document, "Danh mục chưa có nhiệm vụ.")
        return
    grid = add_table(document, TASK_HEADER, TASK_WIDTHS)
    styles = ("CT Ô giữa", "CT Ô bảng", "CT Ô bảng")
    kind = ""
    order = {k: i for i, k in enumerate(TASK_ORDER)}
    for task in sorted(report.tasks, key=lambda t: order.get(t.kind, len(order))):
        if task.kind != kind:
            kind = task.kind
            add_row(grid, ("", kind, ""), styles, TASK_WIDTHS, bold=True, merge_from=1)
        add_row(grid, (task.number, task.heading, task.note), styles, TASK_WIDTHS)
