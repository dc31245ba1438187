"""Report downloads: a stored plan's results table or progress report as file bytes.

`build_report` reads the plan through the adapters (report_inputs), builds the report
model with the pure core (chitieu.reports) and writes Word, Excel or PDF. The web's
download views and `chitieu report` both call it; Django is set up by the caller.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote

from django.utils import timezone

from chitieu.profile.model import LEVEL_WORDS
from chitieu.reports.docx_progress import progress_docx
from chitieu.reports.docx_writer import results_docx
from chitieu.reports.model import ReportHeading
from chitieu.reports.pdf import docx_to_pdf
from chitieu.reports.progress import progress_report, span_words
from chitieu.reports.progress import report_years as progress_years
from chitieu.reports.results import results_table
from chitieu.reports.xlsx_progress import progress_xlsx
from chitieu.reports.xlsx_writer import results_xlsx
from chitieu.web.dashboard.report_inputs import stored_catalogue, stored_past_term, task_notes
from chitieu.web.plans.models import Plan, PlanKind

FORMATS = ("docx", "xlsx", "pdf")
FORMAT_LABELS = {"docx": "Word", "xlsx": "Excel", "pdf": "PDF"}
MEDIA_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}
KINDS = ("results", "progress")
KIND_LEVELS = {"tinh_cu": "tinh"}  # a locality kind -> the level whose word names it
NO_PDF = (
    "Máy chủ chưa cài LibreOffice nên chưa xuất được bản PDF. "
    "Hãy tải bản Word (.docx) rồi in ra PDF, hoặc đề nghị quản trị viên cài LibreOffice "
    "(apt-get install libreoffice-writer)."
)
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


class DownloadError(ValueError):
    """A report that cannot be built: unknown plan, kind, format or year."""

    def __init__(self, message: str, *, code: str, place: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = code  # "plan", "kind", "format", "year"
        self.place = place


@dataclass(frozen=True)
class BuiltReport:
    content: bytes
    filename: str  # Vietnamese: "Kết quả thực hiện chỉ tiêu - Kim Sơn (cũ) 2020-2025.docx"
    media_type: str

    @property
    def ascii_filename(self) -> str:
        return ascii_filename(self.filename)

    @property
    def content_disposition(self) -> str:
        """`attachment` with an ASCII `filename` and the UTF-8 `filename*` (RFC 6266)."""
        utf8 = quote(self.filename, safe="")
        return f"attachment; filename=\"{self.ascii_filename}\"; filename*=UTF-8''{utf8}"


def build_report(
    kind: str, plan_code: str, fmt: str, *, year: int | None = None, issuer: str | None = None
) -> BuiltReport:
    """One report of a stored plan as file bytes: kind "results" (a past term's table,
    Phụ lục 1A/1B) or "progress" (a resolution's or annual plan's year, default now)."""
    if fmt not in FORMATS:
        raise DownloadError(
            f"Định dạng không hợp lệ: {fmt} (docx, xlsx, pdf)", code="format", place=fmt
        )
    plan = Plan.objects.filter(code=plan_code).select_related("locality__parent").first()
    if plan is None:
        raise DownloadError(
            f"Không có kế hoạch mã “{plan_code}” (xem “chitieu plans”).",
            code="plan",
            place=plan_code,
        )
    if kind == "results":
        return _results(plan, fmt, issuer)
    if kind == "progress":
        return _progress(plan, fmt, report_year(plan, year), issuer)
    raise DownloadError(
        f"Loại báo cáo không hợp lệ: {kind} (results, progress)", code="kind", place=kind
    )


def report_years(plan: Plan) -> range:
    """The years a progress report may cover (chitieu.reports.progress.report_years)."""
    return progress_years(plan.term_start, plan.term_end)


def default_year(plan: Plan) -> int:
    """This year, kept within the plan's report years."""
    years = report_years(plan)
    return min(max(timezone.localdate().year, years.start), years.stop - 1)


def report_year(plan: Plan, year: int | None) -> int:
    if year is None:
        return default_year(plan)
    years = report_years(plan)
    if year not in years:
        raise DownloadError(
            f"Năm báo cáo {year} không thuộc {span_words(plan.term_start, plan.term_end)} "
            f"(chọn từ {years.start} đến {years.stop - 1}).",
            code="year",
            place=plan.code,
        )
    return year


def _results(plan: Plan, fmt: str, issuer: str | None) -> BuiltReport:
    if plan.kind != PlanKind.PAST_TERM:
        raise DownloadError(
            f"Kế hoạch “{plan.code}” không phải kết quả nhiệm kỳ trước; "
            "hãy xuất báo cáo tiến độ (progress).",
            code="kind",
            place=plan.code,
        )
    heading = _heading(
        plan, issuer, f"Kết quả thực hiện các chỉ tiêu nhiệm kỳ {plan.term_start} - {plan.term_end}"
    )
    term, groups = stored_past_term(plan)
    table = results_table(term, groups=groups)
    content = _write(
        fmt, lambda: results_docx(table, heading), lambda: results_xlsx(table, heading)
    )
    name = f"Kết quả thực hiện chỉ tiêu - {plan.name}.{fmt}"
    return BuiltReport(content, safe_filename(name), MEDIA_TYPES[fmt])


def _progress(plan: Plan, fmt: str, year: int, issuer: str | None) -> BuiltReport:
    if plan.kind == PlanKind.PAST_TERM:
        raise DownloadError(
            f"Kế hoạch “{plan.code}” là kết quả nhiệm kỳ trước; hãy xuất bảng kết quả (results).",
            code="kind",
            place=plan.code,
        )
    span = span_words(plan.term_start, plan.term_end)
    subject = f"Tình hình thực hiện các chỉ tiêu {span}"
    heading = _heading(
        plan, issuer, subject if span.endswith(str(year)) else f"{subject}, năm {year}"
    )
    catalogue, figures = stored_catalogue(plan)
    report = progress_report(
        catalogue, figures, year, task_notes=task_notes(plan, year), charts=fmt != "xlsx"
    )
    content = _write(
        fmt, lambda: progress_docx(report, heading), lambda: progress_xlsx(report, heading)
    )
    place = bare_name(_issuing_name(plan)) or plan.name
    name = f"Tình hình thực hiện chỉ tiêu năm {year} - {place}.{fmt}"
    return BuiltReport(content, safe_filename(name), MEDIA_TYPES[fmt])


def _write(fmt: str, docx: Callable[[], bytes], xlsx: Callable[[], bytes]) -> bytes:
    if fmt == "xlsx":
        return bytes(xlsx())
    content = bytes(docx())
    return docx_to_pdf(content) if fmt == "pdf" else content


def _heading(plan: Plan, issuer: str | None, subtitle: str) -> ReportHeading:
    """The heading: the committee of the plan's place at its level (a province, a city, a
    commune, a ward, a special zone: whatever the store's locality is), signed in that place."""
    name = _issuing_name(plan)
    return ReportHeading(
        issuer=issuer or "\n".join(("ỦY BAN NHÂN DÂN", name.upper())).strip(),
        place=bare_name(name) or "…",
        subtitle=subtitle,
    )


def _issuing_name(plan: Plan) -> str:
    """The full name ("Tỉnh X", "Xã Y") of the place that issues the plan's report: the plan's
    locality, or the one above it (a former unit's results are reported by the place it was
    merged into); a name stored without its level word gets the word of its kind."""
    locality = plan.locality
    if locality is None:
        return ""
    found = locality.parent or locality
    name = found.name.replace("(cũ)", "").strip()
    word = LEVEL_WORDS.get(KIND_LEVELS.get(found.kind, found.kind))
    if word and bare_name(name) == name:
        return f"{word} {name}"
    return name


def bare_name(name: str) -> str:
    """A place's name without its level word or "(cũ)", as a report is signed: "X, ngày …".

    >>> bare_name("Tỉnh Sông Cầu (cũ)"), bare_name("Thành phố Cửa Biển"), bare_name("xã Tân Phú")
    ('Sông Cầu', 'Cửa Biển', 'Tân Phú')
    """
    name = name.replace("(cũ)", "").strip()
    for word in sorted(LEVEL_WORDS.values(), key=len, reverse=True):
        if name.lower().startswith(word.lower() + " "):
            return name[len(word) :].strip()
    return name


def safe_filename(name: str) -> str:
    """A file name without the characters Windows or a header refuses.

    >>> safe_filename("Kết quả: 1A/1B.docx")
    'Kết quả 1A-1B.docx'
    """
    cleaned = _UNSAFE.sub(
        lambda m: "-" if "/" in m.group() else "", unicodedata.normalize("NFC", name)
    )
    return re.sub(r"\s+", " ", cleaned).strip()


def ascii_filename(name: str) -> str:
    """The name without tone marks, đ as d, spaces as hyphens: for old browsers' `filename`.

    >>> ascii_filename("Kết quả thực hiện chỉ tiêu - Kim Sơn (cũ) 2020-2025.docx")
    'Ket-qua-thuc-hien-chi-tieu-Kim-Son-(cu)-2020-2025.docx'
    """
    text = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[^A-Za-z0-9.()_-]+", "-", text.encode("ascii", "ignore").decode())
    return re.sub(r"-{2,}", "-", text).strip("-")
