"""Reading figures: a filtered, paginated list in the caller's view, one figure with its
entity tag, and its history."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Field, Query, Router, Schema

from chitieu.web.api.etags import figure_etag
from chitieu.web.api.problems import COMMON_ERRORS
from chitieu.web.api.reading import VIEW_NAMES, get_or_404, plain, view_for
from chitieu.web.figures.models import Figure, FigureRevision
from chitieu.web.figures.visibility import counted, may_see_working
from chitieu.web.plans.models import Indicator, Locality, Plan

router = Router(tags=["Số liệu"])

FigureStatusName = Literal["ke_hoach", "uoc", "so_bo", "chinh_thuc"]
ReviewStateName = Literal["nhap", "cho_duyet", "da_duyet", "tra_lai", "cong_bo"]
# The figure list also offers "all": every figure, returned ones too, for the office to find
# what it must correct; the results endpoints count figures, so they have official|working.
FigureView = Literal["official", "working", "all"]
PERIOD_PATTERN = r"^\d{4}(-(H[12]|Q[1-4]|(0[1-9]|1[0-2])))?$"
MAX_LIMIT = 500


class FigureOut(Schema):
    id: int
    indicator: str
    locality: str
    period: str
    year: int
    status: str
    status_label: str
    value: str = Field(description="Giá trị, số thập phân viết thường (dấu chấm), không làm tròn.")
    source_text: str = Field(description="Giá trị như đã ghi trong nguồn.")
    source: str
    note: str
    review_state: str
    review_state_label: str
    review_comment: str
    version: int = Field(description='Phiên bản; ETag của số liệu là "v<version>".')
    entered_by: str | None
    entered_at: datetime
    reviewed_by: str | None
    reviewed_at: datetime | None


class FigurePage(Schema):
    view: FigureView = Field(
        description="Cách xem đã dùng: official (chỉ đã duyệt, công bố), working (trừ số liệu "
        "bị trả lại), all (mọi số liệu)."
    )
    total: int
    page: int
    limit: int
    items: list[FigureOut]


class RevisionOut(Schema):
    version: int
    action: str
    action_label: str
    old_value: str | None
    new_value: str | None
    old_source: str
    new_source: str
    review_state: str
    reason: str
    actor: str | None
    at: datetime


class FigureFilters(Schema):
    plan: str | None = Field(None, description="Mã kế hoạch: số liệu các chỉ tiêu của kế hoạch.")
    indicator: str | None = None
    locality: str | None = None
    period: str | None = Field(
        None, pattern=PERIOD_PATTERN, description="2026, 2026-H1, 2026-Q2, 2026-03"
    )
    year: int | None = Field(None, ge=1900, le=2200)
    status: FigureStatusName | None = None
    review_state: ReviewStateName | None = None
    changed_since: datetime | None = Field(
        None, description="Chỉ số liệu có thay đổi (tạo, sửa, gửi, duyệt…) từ lúc này."
    )
    view: FigureView | None = Field(
        None,
        description="official, working (mặc định với người nhập, duyệt) hoặc all (cả số liệu "
        "bị trả lại); người xem luôn official.",
    )
    page: int = Field(1, ge=1, le=100_000)
    limit: int = Field(100, ge=1, le=MAX_LIMIT)


def _name(user: Any) -> str | None:
    return user.get_username() if user is not None else None


def figure_out(figure: Figure) -> FigureOut:
    return FigureOut(
        id=figure.pk,
        indicator=figure.indicator.code,
        locality=figure.locality.code,
        period=figure.period,
        year=figure.year,
        status=figure.status,
        status_label=figure.get_status_display(),
        value=plain(figure.value) or "0",
        source_text=figure.source_text,
        source=figure.source,
        note=figure.note,
        review_state=figure.review_state,
        review_state_label=figure.get_review_state_display(),
        review_comment=figure.review_comment,
        version=figure.version,
        entered_by=_name(figure.entered_by),
        entered_at=figure.entered_at,
        reviewed_by=_name(figure.reviewed_by),
        reviewed_at=figure.reviewed_at,
    )


_FIGURES = Figure.objects.select_related("indicator", "locality", "entered_by", "reviewed_by")


def filtered(filters: FigureFilters, user: Any) -> tuple[QuerySet[Figure], FigureView]:
    """The figures the filters pick among those the caller's view shows, and the view."""
    view: FigureView
    if filters.view == "all" and may_see_working(user):
        rows, view = _FIGURES.all(), "all"
    else:
        mode = view_for(user, None if filters.view == "all" else filters.view)
        rows, view = counted(_FIGURES, mode), VIEW_NAMES[mode]
    if filters.plan:
        rows = rows.filter(indicator__plan=get_or_404(Plan.objects, "kế hoạch", code=filters.plan))
    if filters.indicator:
        found = get_or_404(Indicator.objects, "chỉ tiêu", code=filters.indicator)
        rows = rows.filter(indicator=found)
    if filters.locality:
        rows = rows.filter(locality=get_or_404(Locality.objects, "địa bàn", code=filters.locality))
    if filters.period:
        rows = rows.filter(period=filters.period)
    if filters.year is not None:
        rows = rows.filter(year=filters.year)
    if filters.status:
        rows = rows.filter(status=filters.status)
    if filters.review_state:
        rows = rows.filter(review_state=filters.review_state)
    if filters.changed_since is not None:
        since = filters.changed_since
        if timezone.is_naive(since):
            since = timezone.make_aware(since)
        changed = FigureRevision.objects.filter(at__gte=since).values("figure")
        rows = rows.filter(pk__in=changed)
    order = ("indicator__code", "locality__code", "year", "period", "status", "pk")
    return rows.order_by(*order), view


def visible_figure(user: Any, figure_id: int) -> Figure:
    """One figure, if the caller may see it: a viewer only an official one (as a 404
    otherwise, so that its existence is not told either)."""
    rows = _FIGURES if may_see_working(user) else counted(_FIGURES, view_for(user, None))
    return get_or_404(rows, "số liệu", pk=figure_id)


@router.get(
    "/figures",
    response={200: FigurePage, **COMMON_ERRORS},
    summary="Số liệu, lọc và chia trang",
    description=(
        "Số liệu theo cách xem của người gọi (như trên web): người xem chỉ thấy số liệu "
        "đã duyệt, đã công bố; người nhập, duyệt mặc định thấy bản làm việc (mọi số liệu "
        "trừ số liệu bị trả lại) và có thể hỏi `view=official`. Chia trang bằng `page` "
        f"(từ 1) và `limit` (1–{MAX_LIMIT}); `total` là tổng số dòng khớp bộ lọc."
    ),
)
def list_figures(request: HttpRequest, filters: Query[FigureFilters]) -> FigurePage:
    rows, view = filtered(filters, request.user)
    total = rows.count()
    start = (filters.page - 1) * filters.limit
    items = [figure_out(f) for f in rows[start : start + filters.limit]]
    return FigurePage(view=view, total=total, page=filters.page, limit=filters.limit, items=items)


@router.get(
    "/figures/{figure_id}",
    response={200: FigureOut, 304: None, **COMMON_ERRORS},
    summary="Một số liệu (ETag: phiên bản)",
    description=(
        'Trả về tiêu đề `ETag: "v<phiên bản>"`; gửi lại trong `If-None-Match` để nhận 304 '
        "khi số liệu chưa đổi, hoặc trong `If-Match` khi sửa số liệu."
    ),
)
def get_figure(request: HttpRequest, figure_id: int, response: HttpResponse) -> Any:
    figure = visible_figure(request.user, figure_id)
    tag = figure_etag(figure)
    if _matches(request.headers.get("If-None-Match", ""), tag):
        not_modified = HttpResponse(status=304)
        not_modified["ETag"] = tag
        return not_modified
    response["ETag"] = tag
    return figure_out(figure)


def _matches(if_none_match: str, tag: str) -> bool:
    """Whether an `If-None-Match` header names `tag` (weak comparison, RFC 9110 13.1.2)."""
    asked = [part.strip().removeprefix("W/") for part in if_none_match.split(",")]
    return tag in asked or "*" in asked


@router.get(
    "/figures/{figure_id}/history",
    response={200: list[RevisionOut], **COMMON_ERRORS},
    summary="Lịch sử một số liệu: ai, lúc nào, thao tác, giá trị cũ và mới, lý do",
)
def figure_history(request: HttpRequest, figure_id: int) -> list[RevisionOut]:
    figure = visible_figure(request.user, figure_id)
    revisions = figure.revisions.select_related("actor").order_by("version")
    return [
        RevisionOut(
            version=r.version,
            action=r.action,
            action_label=r.get_action_display(),
            old_value=plain(r.old_value),
            new_value=plain(r.new_value),
            old_source=r.old_source,
            new_source=r.new_source,
            review_state=r.review_state,
            reason=r.reason,
            actor=_name(r.actor),
            at=r.at,
        )
        for r in revisions
    ]
