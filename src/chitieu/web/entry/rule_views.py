"""The planner's pages for the plausibility rules: every indicator's effective rule, and one
indicator's overrides (chitieu.assess.plausibility; written by plans.rules)."""

from __future__ import annotations

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from chitieu.assess._vi_number import format_number
from chitieu.assess.plausibility import RULE_FIELDS, Rule, effective_rule, read_overrides
from chitieu.ingest.figures_file import export_value
from chitieu.web.accounts.permissions import require_planner
from chitieu.web.entry.forms import RuleForm
from chitieu.web.figures.plausibility import rule_of, unit_symbol
from chitieu.web.plans.models import Indicator, PlanKind
from chitieu.web.plans.rules import FIELD_LABELS, NO_CHECK, RuleError, set_plausibility_rule


def _shown(value: Decimal | None) -> str:
    return NO_CHECK if value is None else format_number(value)


def _lines(indicator: Indicator, rule: Rule) -> list[dict[str, str]]:
    """One line a field: its label, the value in force, where it comes from, the default."""
    default = effective_rule(indicator.unit, indicator.name)
    return [
        {
            "name": name,
            "label": FIELD_LABELS[name],
            "value": _shown(getattr(rule, name)),
            "origin": rule.origin(name),
            "default": _shown(getattr(default, name)),
        }
        for name in RULE_FIELDS
    ]


@login_required
@require_GET
def rules(request: HttpRequest) -> HttpResponse:
    """Every active indicator of the plans with targets, with the rule in force."""
    require_planner(request.user, "xem quy tắc kiểm tra số liệu")
    indicators = (
        Indicator.objects.filter(active=True)
        .exclude(plan__kind=PlanKind.PAST_TERM)
        .select_related("plan")
        .order_by("plan__code", "position", "code")
    )
    rows = []
    for indicator in indicators:
        rule = rule_of(indicator)
        rows.append((indicator, rule, _lines(indicator, rule), unit_symbol(indicator.unit)))
    return render(request, "entry/rules.html", {"rows": rows})


def _initial(indicator: Indicator) -> dict[str, str]:
    initial = {}
    for name, value in read_overrides(indicator.plausibility).items():
        initial[name] = "không" if value is None else export_value(value)
    return initial


@login_required
@require_http_methods(["GET", "POST"])
def rule(request: HttpRequest, code: str) -> HttpResponse:
    """One indicator's rule: what is in force and why, and the planner's overrides."""
    require_planner(request.user, "đặt quy tắc kiểm tra số liệu")
    indicator = get_object_or_404(Indicator.objects.select_related("plan"), code=code)
    form = RuleForm(request.POST or None, initial=_initial(indicator))
    if request.method == "POST" and form.is_valid():
        try:
            set_plausibility_rule(indicator, form.overrides(), actor=request.user)
        except RuleError as error:
            form.add_error(None, ValidationError(str(error), code=error.code))
        else:
            messages.success(request, f"Đã lưu quy tắc kiểm tra số liệu của {indicator.code}.")
            return redirect("entry:rule", code=indicator.code)
    rule = rule_of(indicator)
    context = {
        "indicator": indicator,
        "rule": rule,
        "lines": _lines(indicator, rule),
        "unit": unit_symbol(indicator.unit),
        "form": form,
    }
    return render(request, "entry/rule.html", context, status=400 if form.errors else 200)
