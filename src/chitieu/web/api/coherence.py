"""Reading a plan's coherence checks: do its own targets agree with each other? The same
checks, on the same stored catalogue, as the progress report (docs/coherence.md)."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from chitieu.outlook.coherence import CHECK_TITLES, CoherenceCheck, Outcome, check_plan
from chitieu.web.api.catalogue import find_plan
from chitieu.web.api.problems import COMMON_ERRORS
from chitieu.web.api.reading import VIEW_NAMES, ViewName, plain, view_for
from chitieu.web.dashboard.report_inputs import stored_catalogue

router = Router(tags=["Đánh giá"])


class InputOut(Schema):
    name: str
    value: str
    unit: str | None
    line: int | None
    text: str


class CoherenceOut(Schema):
    check: str
    title: str
    verdict: str = Field(
        description="coherent, assumption, incoherent; not_checked khi thiếu dữ liệu"
    )
    verdict_label: str
    formula: str
    result: str
    explanation: str
    assumptions: list[str]
    inputs: list[InputOut]


class Coherence(Schema):
    plan: str
    view: ViewName
    checks: list[CoherenceOut]


class CoherenceQuery(Schema):
    view: ViewName | None = Field(
        None, description="official hoặc working; người xem luôn official."
    )


@router.get(
    "/plans/{code}/coherence",
    response={200: Coherence, **COMMON_ERRORS},
    summary="Kiểm tra tính nhất quán giữa các mục tiêu của kế hoạch (như trong báo cáo)",
)
def coherence(request: HttpRequest, code: str, query: Query[CoherenceQuery]) -> Coherence:
    plan = find_plan(code)
    mode = view_for(request.user, query.view)
    catalogue, _, _ = stored_catalogue(plan, mode=mode)
    checks = [check_out(outcome) for outcome in check_plan(catalogue)]
    return Coherence(plan=plan.code, view=VIEW_NAMES[mode], checks=checks)


def check_out(outcome: Outcome) -> CoherenceOut:
    if not isinstance(outcome, CoherenceCheck):
        return CoherenceOut(
            check=outcome.check,
            title=CHECK_TITLES.get(outcome.check, outcome.check),
            verdict="not_checked",
            verdict_label="Chưa kiểm tra được",
            formula="",
            result="",
            explanation=outcome.reason,
            assumptions=[],
            inputs=[],
        )
    return CoherenceOut(
        check=outcome.check,
        title=outcome.title,
        verdict=outcome.verdict.value,
        verdict_label=outcome.verdict.label,
        formula=outcome.formula,
        result=outcome.result,
        explanation=outcome.explanation,
        assumptions=list(outcome.assumptions),
        inputs=[
            InputOut(
                name=i.name, value=plain(i.value) or "0", unit=i.unit, line=i.line, text=i.text
            )
            for i in outcome.inputs
        ],
    )
