"""Reading: plans, indicators and targets, localities, figures and their history,
assessments, outlook, coherence checks and tasks."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Schema

from chitieu.web.plans.models import Plan

router = Router(tags=["Đọc"])


class PlanOut(Schema):
    code: str
    name: str


@router.get("/plans", response=list[PlanOut], summary="Các kế hoạch, nghị quyết")
def list_plans(request: HttpRequest) -> list[Plan]:
    return list(Plan.objects.order_by("code"))
