"""The assignment page: every indicator of a plan with its departments, what nobody enters yet,
and the administrator's changes (the planner may look).

Each view: check the role, make one service call, render or redirect.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from chitieu.web.accounts.models import Role
from chitieu.web.accounts.permissions import require_admin, require_planner, role_of
from chitieu.web.plans.models import Department, Indicator, Plan
from chitieu.web.plans.ownership import (
    OWNED_KINDS,
    assign_indicator,
    owner_rows,
    restore_default_owners,
)


def _plans() -> list[Plan]:
    """The plans whose indicators someone enters: the resolution first, then by year."""
    found = Plan.objects.filter(kind__in=OWNED_KINDS)
    return sorted(found, key=lambda p: (p.kind != "resolution", p.term_start, p.code))


@login_required
@require_GET
def owners(request: HttpRequest) -> HttpResponse:
    require_planner(request.user, "xem phân công sở, ngành")
    plans = _plans()
    if not plans:
        raise Http404("Chưa có kế hoạch nào được nạp; hãy chạy “chitieu init” hoặc “chitieu demo”.")
    code = request.GET.get("ke_hoach", "")
    plan = next((p for p in plans if p.code == code), None) if code else plans[0]
    if plan is None:
        raise Http404("Không có kế hoạch này.")
    rows = owner_rows(plan.pk)
    context: dict[str, Any] = {
        "plan": plan,
        "plans": plans,
        "rows": rows,
        "unassigned": [row for row in rows if not row.departments],
        "manual_count": sum(row.manual is not None for row in rows),
        "departments": list(Department.objects.order_by("name")),
        "may_change": role_of(request.user) is Role.ADMIN,
    }
    return render(request, "plans/owners.html", context)


@login_required
@require_POST
def assign(request: HttpRequest, code: str) -> HttpResponse:
    require_admin(request.user)
    indicator = get_object_or_404(Indicator, code=code, active=True)
    if request.POST.get("action") == "restore":
        restore_default_owners(indicator, actor=request.user)
        messages.success(request, f"Đã trả chỉ tiêu {indicator.code} về phân công theo hồ sơ.")
    else:
        codes = set(request.POST.getlist("so_nganh"))
        chosen = Department.objects.filter(code__in=codes)
        if chosen.count() != len(codes):
            raise Http404("Không có sở, ngành này.")
        assign_indicator(indicator, list(chosen), actor=request.user)
        names = ", ".join(d.name for d in chosen.order_by("name")) or "không sở, ngành nào"
        messages.success(request, f"Đã giao chỉ tiêu {indicator.code} cho {names}.")
    plan = request.POST.get("ke_hoach", "")
    query = f"?ke_hoach={plan}" if Plan.objects.filter(code=plan).exists() else ""
    return redirect(reverse("plans:owners") + query + f"#ct-{indicator.pk}")
