"""Report downloads: a stored plan's results table or progress report as file bytes.

`build_report` reads the plan through the adapters (report_inputs), builds the report
model with the pure core (chitieu.reports) and writes Word, Excel or PDF. The web's
download views and `chitieu report` both call it; Django is set up by the caller.

A report is official (chính thức: approved and published figures only, the default, for
a signed report) or a working draft (dự thảo: every figure but returned ones, those not
yet approved marked, "DỰ THẢO" on every page); figures.visibility holds the rule.
The heading and signature block follow the plan's issuer (reports/issuers.py); a plan
that names none is reported by the People's Committee of its place, and `BuiltReport.note`
says so.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from urllib.parse import quote

from django.utils import timezone

from chitieu.profile.model import LEVEL_WORDS
from chitieu.reports.docx_progress import progress_docx
from chitieu.reports.docx_writer import results_docx
from chitieu.reports.issuers import DEFAULT_KIND, ISSUER_KINDS, issuer_kind, issuing_body, signature
from chitieu.reports.model import ReportHeading, ResultsTable
from chitieu.reports.pdf import docx_to_pdf
from chitieu.reports.progress import UNAPPROVED_MARK, progress_report, span_words
from chitieu.reports.progress import report_years as progress_years
from chitieu.reports.results import results_table
from chitieu.reports.xlsx_progress import progress_xlsx
from chitieu.reports.xlsx_writer import results_xlsx
from chitieu.web.dashboard.report_inputs import stored_catalogue, stored_past_term, task_notes
from chitieu.web.figures.visibility import ViewMode
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
_NOT_PAST = (
    "Kế hoạch “{code}” không phải kết quả nhiệm kỳ trước; hãy xuất báo cáo tiến độ (progress)."
)
_PAST = "Kế hoạch “{code}” là kết quả nhiệm kỳ trước; hãy xuất bảng kết quả (results)."
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
    note: str = ""  # what a person should know: how the issuer was chosen

    @property
    def ascii_filename(self) -> str:
        return ascii_filename(self.filename)

    @property
    def content_disposition(self) -> str:
        """`attachment` with an ASCII `filename` and the UTF-8 `filename*` (RFC 6266)."""
        utf8 = quote(self.filename, safe="")
        return f"attachment; filename=\"{self.ascii_filename}\"; filename*=UTF-8''{utf8}"


def build_report(
    kind: str,
    plan_code: str,
    fmt: str,
    *,
    year: int | None = None,
    issuer: str | None = None,
    mode: ViewMode = ViewMode.OFFICIAL,
) -> BuiltReport:
    """One report of a stored plan as file bytes: kind "results" (a past term's table,
    Phụ lục 1A/1B) or "progress" (a resolution's or annual plan's year, default now),
    official or a working draft (`mode`)."""
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
        return _results(plan, fmt, issuer, mode)
    if kind == "progress":
        return _progress(plan, fmt, report_year(plan, year), issuer, mode)
    raise DownloadError(
        f"Loại báo cáo không hợp lệ: {kind} (results, progress)", code="kind", place=kind
    )


def check_report(kind: str, plan: Plan, fmt: str) -> None:
    """Refuse at once what build_report would refuse (before a job is started for it)."""
    if fmt not in FORMATS:
        raise DownloadError(
            f"Định dạng không hợp lệ: {fmt} (docx, xlsx, pdf)", code="format", place=fmt
        )
    if kind not in KINDS:
        raise DownloadError(
            f"Loại báo cáo không hợp lệ: {kind} (results, progress)", code="kind", place=kind
        )
    if kind == "results" and plan.kind != PlanKind.PAST_TERM:
        raise DownloadError(_NOT_PAST.format(code=plan.code), code="kind", place=plan.code)
    if kind == "progress" and plan.kind == PlanKind.PAST_TERM:
        raise DownloadError(_PAST.format(code=plan.code), code="kind", place=plan.code)


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


def _results(plan: Plan, fmt: str, issuer: str | None, mode: ViewMode) -> BuiltReport:
    if plan.kind != PlanKind.PAST_TERM:
        raise DownloadError(_NOT_PAST.format(code=plan.code), code="kind", place=plan.code)
    heading = _heading(
        plan,
        issuer,
        f"Kết quả thực hiện các chỉ tiêu nhiệm kỳ {plan.term_start} - {plan.term_end}",
        mode,
    )
    term, groups, unapproved = stored_past_term(plan, mode=mode)
    table = _marked(results_table(term, groups=groups), unapproved)
    content = _write(
        fmt, lambda: results_docx(table, heading), lambda: results_xlsx(table, heading)
    )
    name = f"Kết quả thực hiện chỉ tiêu - {plan.name}{_suffix(mode)}.{fmt}"
    return BuiltReport(content, safe_filename(name), MEDIA_TYPES[fmt], heading.basis)


def _marked(table: ResultsTable, unapproved: frozenset[tuple[str, str]]) -> ResultsTable:
    """The rows whose result is not yet approved, by (STT, name), marked "*"."""
    if not unapproved:
        return table
    rows = tuple(
        replace(row, result_text=row.result_text + UNAPPROVED_MARK)
        if (row.stt, row.name) in unapproved and row.result_text
        else row
        for row in table.rows
    )
    return replace(table, rows=rows)


def _suffix(mode: ViewMode) -> str:
    return " (dự thảo)" if mode is ViewMode.WORKING else ""


def _progress(plan: Plan, fmt: str, year: int, issuer: str | None, mode: ViewMode) -> BuiltReport:
    if plan.kind == PlanKind.PAST_TERM:
        raise DownloadError(_PAST.format(code=plan.code), code="kind", place=plan.code)
    span = span_words(plan.term_start, plan.term_end)
    subject = f"Tình hình thực hiện các chỉ tiêu {span}"
    heading = _heading(
        plan, issuer, subject if span.endswith(str(year)) else f"{subject}, năm {year}", mode
    )
    catalogue, figures, unapproved = stored_catalogue(plan, mode=mode)
    report = progress_report(
        catalogue,
        figures,
        year,
        task_notes=task_notes(plan, year),
        charts=fmt != "xlsx",
        draft=mode is ViewMode.WORKING,
        unapproved=unapproved,
    )
    content = _write(
        fmt, lambda: progress_docx(report, heading), lambda: progress_xlsx(report, heading)
    )
    place = bare_name(_issuing_name(plan)) or plan.name
    name = f"Tình hình thực hiện chỉ tiêu năm {year} - {place}{_suffix(mode)}.{fmt}"
    return BuiltReport(content, safe_filename(name), MEDIA_TYPES[fmt], heading.basis)


def _write(fmt: str, docx: Callable[[], bytes], xlsx: Callable[[], bytes]) -> bytes:
    if fmt == "xlsx":
        return bytes(xlsx())
    content = bytes(docx())
    return docx_to_pdf(content) if fmt == "pdf" else content


def _heading(
    plan: Plan, issuer: str | None, subtitle: str, mode: ViewMode = ViewMode.OFFICIAL
) -> ReportHeading:
    """The heading: the body that issues the plan (`issuer`, else the plan's own: a Party
    committee, a People's Council or a People's Committee) of the plan's place at its level
    (a province, a city, a commune, a ward, a special zone: whatever the store's locality
    is), with that body's national heading and signature block, signed in that place.
    A plan that names no body is reported by the place's People's Committee, and
    `basis` says so."""
    name = _issuing_name(plan)
    named = issuer or plan.issuer
    kind = issuer_kind(named) if named else None
    basis = ""
    if kind is None and not issuer:
        basis = (
            f"Kế hoạch “{plan.name}” không ghi cơ quan ban hành"
            + (f" (ghi “{named}”)" if named else "")
            + f"; báo cáo đứng tên Ủy ban nhân dân {name or 'của địa phương'} "
            "theo địa bàn và cấp của kế hoạch."
        )
    body = issuing_body(kind or ISSUER_KINDS[DEFAULT_KIND], _issuing_level(plan), name)
    if kind is None and issuer:  # a body the table does not know, as the person wrote it
        body = issuer
    kind = kind or ISSUER_KINDS[DEFAULT_KIND]
    return ReportHeading(
        issuer=body.strip(),
        place=bare_name(name) or "…",
        subtitle=subtitle,
        party=kind.code == "dang_bo",
        number=kind.number,
        national=kind.national,
        motto=kind.motto,
        separator=kind.separator,
        signer=signature(kind),
        draft=mode is ViewMode.WORKING,
        basis=basis,
    )


def _issuing_level(plan: Plan) -> str:
    locality = plan.locality
    if locality is None:
        return ""
    found = locality.parent or locality
    return KIND_LEVELS.get(found.kind, found.kind)


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
