"""Who enters each indicator: the profile's default owners, and a person's choice that stays.

Every active indicator of a plan with targets (a resolution, a five-year or an annual
plan) goes to the departments its profile rules give it (chitieu.profile.owners:
codes, then topics, then groups, then the default department). A department's rules
are stored on it when a profile or a departments file is applied, so loading a plan
later (`chitieu load`, an annual plan) assigns its new indicators the same way.
Past-term results and context series have no one to enter them; only codes a
department names explicitly reach them.

An administrator may give an indicator other departments on the assignment page
(`assign_indicator`). That choice is recorded as made by a person (ManualAssignment),
and the defaults never change it again, until the administrator hands the indicator
back to the rules (`restore_default_owners`). Every change leaves an audit entry.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from chitieu.profile.owners import IndicatorFacts, OwnerRules, Owners, default_owners
from chitieu.web.accounts.permissions import require_admin, require_planner
from chitieu.web.audit.models import AuditAction
from chitieu.web.audit.services import record_audit
from chitieu.web.plans.models import Department, Indicator, ManualAssignment, PlanKind
from chitieu.web.plans.services import assign_department

# Plans whose indicators someone must report against.
OWNED_KINDS = (PlanKind.RESOLUTION, PlanKind.FIVE_YEAR_PLAN, PlanKind.ANNUAL_PLAN)


def rules_of(department: Department) -> OwnerRules | None:
    """The department's stored rules; None for a department defined by hand (never automatic)."""
    rules = department.rules
    if not rules:
        return None
    return OwnerRules(
        department.code,
        indicators=tuple(rules.get("indicators", ())),
        topics=tuple(rules.get("topics", ())),
        groups=tuple(rules.get("groups", ())),
        default=bool(rules.get("default", False)),
    )


def facts_of(indicator: Indicator) -> IndicatorFacts:
    group = indicator.group
    return IndicatorFacts(
        indicator.code,
        indicator.name,
        group.code if group is not None else "",
        group.name if group is not None else "",
    )


def default_owners_of(indicator: Indicator, rules: Sequence[OwnerRules]) -> Owners:
    """What the rules give this indicator (only explicit codes outside the owned plans)."""
    if indicator.plan.kind in OWNED_KINDS:
        return default_owners(facts_of(indicator), rules)
    explicit = [OwnerRules(r.code, indicators=r.indicators) for r in rules]
    return default_owners(facts_of(indicator), explicit)


def wanted_indicators() -> dict[str, list[str]]:
    """Each rule department's indicator codes: what its rules give, plus what a person gave it."""
    departments = [d for d in Department.objects.all() if d.rules]
    rules = [r for r in map(rules_of, departments) if r is not None]
    wanted: dict[str, set[str]] = {d.code: set() for d in departments}
    manual = set(ManualAssignment.objects.values_list("indicator_id", flat=True))
    for department in departments:
        wanted[department.code].update(
            department.indicators.filter(pk__in=manual, active=True).values_list("code", flat=True)
        )
    indicators = (
        Indicator.objects.filter(active=True).exclude(pk__in=manual).select_related("plan", "group")
    )
    for indicator in indicators:
        for code in default_owners_of(indicator, rules).departments:
            wanted[code].add(indicator.code)
    return {code: sorted(codes) for code, codes in wanted.items()}


@transaction.atomic
def refresh_default_owners(*, actor: Any | None) -> int:
    """Give every rule department what its rules give it now (a person's choices stay);
    the number of departments whose indicators changed. Nothing to do without rules."""
    require_planner(actor, "giao chỉ tiêu cho sở, ngành")
    changed = 0
    for code, indicators in wanted_indicators().items():
        department = Department.objects.get(code=code)
        before = set(department.indicators.values_list("code", flat=True))
        if before == set(indicators):
            continue
        localities = list(department.localities.values_list("code", flat=True))
        assign_department(department, indicators=indicators, localities=localities, actor=actor)
        changed += 1
    return changed


@transaction.atomic
def assign_indicator(
    indicator: Indicator, departments: Sequence[Department], *, actor: Any | None
) -> ManualAssignment:
    """Give the indicator exactly these departments, as a person's decision that a reload of
    the profile keeps. Only the administrator (or the system) may."""
    require_admin(actor)
    before = sorted(indicator.department_set.values_list("code", flat=True))
    after = sorted(d.code for d in departments)
    indicator.department_set.set(departments)
    manual, _ = ManualAssignment.objects.update_or_create(
        indicator=indicator, defaults={"by": actor, "at": timezone.now()}
    )
    names = ", ".join(d.name for d in sorted(departments, key=lambda d: d.name)) or "không ai"
    record_audit(
        actor=actor,
        action=AuditAction.DEPARTMENT_ASSIGNED,
        subject=indicator.code,
        summary=(
            f"Giao chỉ tiêu {indicator.code} cho {names} (do người giao; nạp lại hồ sơ "
            "không thay đổi)."
        ),
        changes={"departments": [before, after], "manual": True},
    )
    return manual


@transaction.atomic
def restore_default_owners(indicator: Indicator, *, actor: Any | None) -> list[str]:
    """Hand the indicator back to the profile's rules; the departments it now has."""
    require_admin(actor)
    deleted, _ = ManualAssignment.objects.filter(indicator=indicator).delete()
    before = sorted(indicator.department_set.values_list("code", flat=True))
    departments = [d for d in Department.objects.all() if d.rules]
    rules = [r for r in map(rules_of, departments) if r is not None]
    owners = default_owners_of(indicator, rules).departments
    # departments without rules keep it: nobody but a person gave it to them
    kept = [d for d in indicator.department_set.all() if not d.rules]
    indicator.department_set.set(kept + [d for d in departments if d.code in owners])
    after = sorted(indicator.department_set.values_list("code", flat=True))
    if deleted or before != after:
        record_audit(
            actor=actor,
            action=AuditAction.DEPARTMENT_ASSIGNED,
            subject=indicator.code,
            summary=f"Trả chỉ tiêu {indicator.code} về phân công mặc định của hồ sơ.",
            changes={"departments": [before, after], "manual": False},
        )
    return after


def owned_indicators() -> Any:
    """The active indicators someone must enter: those of the plans with targets to report."""
    return Indicator.objects.filter(
        Q(plan__kind__in=OWNED_KINDS) | Q(targets__plan__kind__in=OWNED_KINDS), active=True
    ).distinct()


def unassigned_indicators() -> Any:
    """The indicators someone must enter that no department has, in code order."""
    return owned_indicators().filter(department__isnull=True).order_by("code")


@dataclass
class OwnerRow:
    """One indicator on the assignment page."""

    indicator: Indicator
    departments: list[Department]
    manual: ManualAssignment | None
    default: Owners


def owner_rows(plan_id: int) -> list[OwnerRow]:
    """Every active indicator of the plan (its own, and those it sets targets for), in order."""
    indicators = sorted(
        Indicator.objects.filter(Q(targets__plan_id=plan_id) | Q(plan_id=plan_id), active=True)
        .distinct()
        .select_related("plan", "group", "manual_assignment__by")
        .prefetch_related("department_set"),
        key=lambda i: (i.plan_id != plan_id, i.position, i.code),
    )
    departments = [d for d in Department.objects.all() if d.rules]
    rules = [r for r in map(rules_of, departments) if r is not None]
    rows = []
    for indicator in indicators:
        manual = getattr(indicator, "manual_assignment", None)
        owned = sorted(indicator.department_set.all(), key=lambda d: d.name)
        rows.append(OwnerRow(indicator, owned, manual, default_owners_of(indicator, rules)))
    return rows
