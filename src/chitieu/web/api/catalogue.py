"""Reading the catalogue: plans, indicators with their targets and sources, localities, tasks."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Query, Router, Schema

from chitieu.web.api.problems import COMMON_ERRORS
from chitieu.web.api.reading import SourceOut, get_or_404, invalid, plain, source_of
from chitieu.web.plans.models import (
    Indicator,
    LinkState,
    Locality,
    LocalityKind,
    Plan,
    Target,
    Task,
)

router = Router(tags=["Danh mục"])


class PlanOut(Schema):
    code: str
    name: str
    issuer: str
    kind: str
    kind_label: str
    term_start: int
    term_end: int
    document: str
    locality: str | None
    parent: str | None


class TargetOut(Schema):
    plan: str
    period_start: int
    period_end: int
    aggregation: str
    text: str
    kind: str
    low: str | None
    high: str | None
    low_inclusive: bool
    high_inclusive: bool
    unit: str
    ambiguous: bool
    official_assessment: str
    source: SourceOut


class IndicatorOut(Schema):
    code: str
    name: str
    plan: str
    group: str | None
    parent: str | None
    unit: str
    direction: str
    stt: str
    active: bool
    source: SourceOut
    targets: list[TargetOut]


class LocalityOut(Schema):
    code: str
    name: str
    kind: str
    kind_label: str
    parent: str | None


class LinkedIndicator(Schema):
    code: str
    name: str
    state: str
    state_label: str


class TaskOut(Schema):
    code: str
    kind: str
    number: str
    heading: str
    text: str
    line_start: int
    line_end: int
    parent: str | None
    active: bool
    indicators: list[LinkedIndicator]


class LocalityFilters(Schema):
    parent: str | None = None
    kind: str | None = None


def plan_out(plan: Plan) -> PlanOut:
    return PlanOut(
        code=plan.code,
        name=plan.name,
        issuer=plan.issuer,
        kind=plan.kind,
        kind_label=plan.get_kind_display(),
        term_start=plan.term_start,
        term_end=plan.term_end,
        document=plan.document,
        locality=plan.locality.code if plan.locality else None,
        parent=plan.parent.code if plan.parent else None,
    )


def target_out(target: Target) -> TargetOut:
    return TargetOut(
        plan=target.plan.code,
        period_start=target.period_start,
        period_end=target.period_end,
        aggregation=target.aggregation,
        text=target.text,
        kind=target.kind,
        low=plain(target.low),
        high=plain(target.high),
        low_inclusive=target.low_inclusive,
        high_inclusive=target.high_inclusive,
        unit=target.unit,
        ambiguous=target.ambiguous,
        official_assessment=target.official_assessment,
        source=source_of(target),
    )


def indicator_out(indicator: Indicator) -> IndicatorOut:
    return IndicatorOut(
        code=indicator.code,
        name=indicator.name,
        plan=indicator.plan.code,
        group=indicator.group.code if indicator.group else None,
        parent=indicator.parent.code if indicator.parent else None,
        unit=indicator.unit,
        direction=indicator.direction,
        stt=indicator.stt,
        active=indicator.active,
        source=source_of(indicator),
        targets=[target_out(t) for t in indicator.targets.all()],
    )


def locality_out(locality: Locality) -> LocalityOut:
    return LocalityOut(
        code=locality.code,
        name=locality.name,
        kind=locality.kind,
        kind_label=locality.get_kind_display(),
        parent=locality.parent.code if locality.parent else None,
    )


def task_out(task: Task) -> TaskOut:
    links = task.links.select_related("indicator").exclude(state=LinkState.REMOVED)
    return TaskOut(
        code=task.code,
        kind=task.kind,
        number=task.number,
        heading=task.heading,
        text=task.text,
        line_start=task.line_start,
        line_end=task.line_end,
        parent=task.parent_code or None,
        active=task.active,
        indicators=[
            LinkedIndicator(
                code=link.indicator.code,
                name=link.indicator.name,
                state=link.state,
                state_label=link.get_state_display(),
            )
            for link in links.order_by("indicator__position")
        ],
    )


_PLANS = Plan.objects.select_related("locality", "parent")
_INDICATORS = Indicator.objects.select_related("plan", "group", "parent").prefetch_related(
    "targets__plan"
)


def find_plan(code: str) -> Plan:
    return get_or_404(_PLANS, "kế hoạch", code=code)


@router.get(
    "/plans", response={200: list[PlanOut], **COMMON_ERRORS}, summary="Các kế hoạch, nghị quyết"
)
def list_plans(request: HttpRequest) -> list[PlanOut]:
    return [plan_out(p) for p in _PLANS.order_by("code")]


@router.get("/plans/{code}", response={200: PlanOut, **COMMON_ERRORS}, summary="Một kế hoạch")
def get_plan(request: HttpRequest, code: str) -> PlanOut:
    return plan_out(find_plan(code))


@router.get(
    "/plans/{code}/indicators",
    response={200: list[IndicatorOut], **COMMON_ERRORS},
    summary="Các chỉ tiêu của kế hoạch, với mục tiêu và nguồn",
)
def list_indicators(request: HttpRequest, code: str) -> list[IndicatorOut]:
    plan = find_plan(code)
    return [indicator_out(i) for i in _INDICATORS.filter(plan=plan).order_by("position")]


@router.get(
    "/indicators/{code}", response={200: IndicatorOut, **COMMON_ERRORS}, summary="Một chỉ tiêu"
)
def get_indicator(request: HttpRequest, code: str) -> IndicatorOut:
    return indicator_out(get_or_404(_INDICATORS, "chỉ tiêu", code=code))


@router.get(
    "/localities", response={200: list[LocalityOut], **COMMON_ERRORS}, summary="Các địa bàn"
)
def list_localities(request: HttpRequest, filters: Query[LocalityFilters]) -> list[LocalityOut]:
    rows = Locality.objects.select_related("parent").order_by("code")
    if filters.kind:
        kinds = [kind.value for kind in LocalityKind]
        if filters.kind not in kinds:
            known = ", ".join(kinds)
            raise invalid(
                "kind", f"Loại địa bàn “{filters.kind}” không có; dùng một trong: {known}."
            )
        rows = rows.filter(kind=filters.kind)
    if filters.parent:
        parent = get_or_404(Locality.objects, "địa bàn", code=filters.parent)
        rows = rows.filter(parent=parent)
    return [locality_out(loc) for loc in rows]


@router.get(
    "/localities/{code}", response={200: LocalityOut, **COMMON_ERRORS}, summary="Một địa bàn"
)
def get_locality(request: HttpRequest, code: str) -> LocalityOut:
    return locality_out(get_or_404(Locality.objects.select_related("parent"), "địa bàn", code=code))


@router.get(
    "/plans/{code}/tasks",
    response={200: list[TaskOut], **COMMON_ERRORS},
    summary="Các nhiệm vụ của kế hoạch, với chỉ tiêu liên quan",
)
def list_tasks(request: HttpRequest, code: str) -> list[TaskOut]:
    plan = find_plan(code)
    return [task_out(t) for t in Task.objects.filter(plan=plan).order_by("position")]


@router.get(
    "/plans/{code}/tasks/{task}",
    response={200: TaskOut, **COMMON_ERRORS},
    summary="Một nhiệm vụ",
)
def get_task(request: HttpRequest, code: str, task: str) -> TaskOut:
    plan = find_plan(code)
    return task_out(get_or_404(Task.objects.filter(plan=plan), "nhiệm vụ", code=task))
