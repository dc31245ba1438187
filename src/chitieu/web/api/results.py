"""Reading results: the assessments and outlook of a plan for a year, computed by the
services the dashboard uses, so that the numbers a client reads are the dashboard's."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from chitieu.outlook import Outlook
from chitieu.web.api.catalogue import find_plan
from chitieu.web.api.problems import COMMON_ERRORS
from chitieu.web.api.reading import (
    VIEW_NAMES,
    ViewName,
    get_or_404,
    invalid,
    plain,
    plain_float,
    view_for,
)
from chitieu.web.dashboard.services import Row, dashboard_rows, plan_locality
from chitieu.web.plans.models import Locality, Plan

router = Router(tags=["Đánh giá"])


class ResultQuery(Schema):
    year: int = Field(..., ge=1900, le=2200, description="Đánh giá tính đến năm này.")
    locality: str | None = Field(None, description="Mã địa bàn; mặc định địa bàn của kế hoạch.")
    view: ViewName | None = Field(
        None,
        description="official hoặc working (mặc định với người nhập, duyệt); người xem luôn official.",
    )


class OutlookOut(Schema):
    rating: str
    rating_label: str
    reason: str
    measure: str
    target_value: str | None
    target_year: int
    latest_year: int | None
    latest_value: str | None
    projected: str | None
    projected_low: str | None
    projected_high: str | None
    actual_pace: str | None
    required_pace: str | None
    required_remaining: str | None


class LatestOut(Schema):
    value: str
    period: str
    status: str
    unapproved: bool


class AssessmentOut(Schema):
    indicator: str
    name: str
    group: str
    unit: str
    target_text: str
    latest: LatestOut | None
    status: str = Field(description="vuot, dat, co_ban_dat, khong_dat, chua_dat, chua_co_so_lieu")
    status_label: str
    reason: str
    provisional: bool
    achieved_value: str | None
    ratio: str | None
    years_used: list[int]
    outlook: OutlookOut | None


class IndicatorOutlookOut(OutlookOut):
    indicator: str


class Assessments(Schema):
    plan: str
    year: int
    locality: str | None
    view: ViewName
    rows: list[AssessmentOut]


class Outlooks(Schema):
    plan: str
    year: int
    locality: str | None
    view: ViewName
    rows: list[IndicatorOutlookOut]


def outlook_out(outlook: Outlook) -> OutlookOut:
    low, high = outlook.interval or (None, None)
    return OutlookOut(
        rating=outlook.rating.value,
        rating_label=outlook.rating.label,
        reason=outlook.reason,
        measure=str(outlook.measure.value),
        target_value=plain_float(outlook.target),
        target_year=outlook.target_year,
        latest_year=outlook.latest_year,
        latest_value=plain_float(outlook.latest_value),
        projected=plain_float(outlook.projected),
        projected_low=plain_float(low),
        projected_high=plain_float(high),
        actual_pace=plain_float(outlook.actual_pace),
        required_pace=plain_float(outlook.required_pace),
        required_remaining=plain_float(outlook.required_remaining),
    )


def assessment_out(row: Row) -> AssessmentOut:
    latest = row.latest
    return AssessmentOut(
        indicator=row.indicator.code,
        name=row.indicator.name,
        group=row.core.group,
        unit=row.indicator.unit,
        target_text=row.target_text,
        latest=LatestOut(
            value=plain(latest.value) or "0",
            period=str(latest.period),
            status=latest.status.value,
            unapproved=row.latest_unapproved,
        )
        if latest is not None
        else None,
        status=row.result.status.value,
        status_label=row.result.status.label,
        reason=row.result.reason,
        provisional=row.result.provisional,
        achieved_value=plain(row.result.achieved_value),
        ratio=plain(row.result.ratio),
        years_used=list(row.result.years_used),
        outlook=outlook_out(row.outlook) if row.outlook is not None else None,
    )


def result_rows(
    request: HttpRequest, code: str, query: ResultQuery
) -> tuple[Plan, Locality | None, ViewName, list[Row]]:
    """The dashboard's rows of the plan for the year, in the caller's view."""
    plan = find_plan(code)
    if query.year < plan.term_start:
        # Nothing is assessed before a plan starts (the core cannot assess such a year).
        raise invalid(
            "query.year",
            f"Năm {query.year} trước kỳ của kế hoạch ({plan.term_start}–{plan.term_end}).",
            "year_before_plan",
        )
    if query.locality:
        get_or_404(Locality.objects, "địa bàn", code=query.locality)
    locality = plan_locality(plan, query.locality or "")
    mode = view_for(request.user, query.view)
    rows = dashboard_rows(plan, locality=locality, as_of=query.year, mode=mode)
    return plan, locality, VIEW_NAMES[mode], rows


@router.get(
    "/plans/{code}/assessments",
    response={200: Assessments, **COMMON_ERRORS},
    summary="Đánh giá các chỉ tiêu của kế hoạch đến một năm (như bảng điều khiển)",
)
def assessments(request: HttpRequest, code: str, query: Query[ResultQuery]) -> Assessments:
    plan, locality, view, rows = result_rows(request, code, query)
    return Assessments(
        plan=plan.code,
        year=query.year,
        locality=locality.code if locality else None,
        view=view,
        rows=[assessment_out(r) for r in rows],
    )


@router.get(
    "/plans/{code}/outlook",
    response={200: Outlooks, **COMMON_ERRORS},
    summary="Dự báo khả năng đạt mục tiêu của các chỉ tiêu đến một năm",
)
def outlook(request: HttpRequest, code: str, query: Query[ResultQuery]) -> Outlooks:
    plan, locality, view, rows = result_rows(request, code, query)
    found = [
        IndicatorOutlookOut(indicator=r.indicator.code, **outlook_out(r.outlook).dict())
        for r in rows
        if r.outlook is not None
    ]
    return Outlooks(
        plan=plan.code,
        year=query.year,
        locality=locality.code if locality else None,
        view=view,
        rows=found,
    )
