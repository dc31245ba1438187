"""Applying a departments file (or a profile's departments) to the store, all or nothing."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import transaction

from chitieu.profile.departments import DepartmentsFileError, DepartmentSpec
from chitieu.web.audit.models import AuditAction
from chitieu.web.audit.services import record_audit
from chitieu.web.plans.models import Department
from chitieu.web.plans.ownership import wanted_indicators
from chitieu.web.plans.services import (
    AssignmentError,
    assign_department,
    define_department,
    match_indicators,
    match_localities,
)


@transaction.atomic
def apply_departments(specs: Sequence[DepartmentSpec], *, actor: Any | None) -> list[str]:
    """Define every department with its rules, then give each what the rules give it (an
    indicator a person assigned on the assignment page keeps its departments); a line of
    summary per department.

    An entry the store does not know rejects the whole file, naming its row and column
    (or its key in a profile).
    """
    defined: list[tuple[DepartmentSpec, Department]] = []
    for spec in specs:
        department = define_department(spec.code, spec.name, actor=actor)
        for field, check, entries in (
            ("indicators", match_indicators, spec.indicators),
            ("localities", match_localities, spec.localities),
        ):
            try:
                check(entries)
            except AssignmentError as error:
                raise DepartmentsFileError(spec.where(field), str(error)) from None
        rules = {
            "indicators": list(spec.indicators),
            "topics": list(spec.topics),
            "groups": list(spec.groups),
            "default": spec.default,
        }
        if department.rules != rules:
            record_audit(
                actor=actor,
                action=AuditAction.DEPARTMENT_DEFINED,
                subject=spec.code,
                summary=f"Đổi quy tắc giao chỉ tiêu mặc định của {department.name}.",
                changes={"rules": [department.rules or None, rules]},
            )
            department.rules = rules
            department.save(update_fields=["rules"])
        defined.append((spec, department))
    wanted = wanted_indicators()
    lines = []
    for spec, department in defined:
        assign_department(
            department,
            indicators=wanted[spec.code],
            localities=spec.localities,
            actor=actor,
        )
        lines.append(
            f"{spec.code} ({spec.name}): {department.indicators.count()} chỉ tiêu, "
            f"{department.localities.count()} địa bàn."
        )
    listed = {spec.code for spec, _ in defined}
    for other in Department.objects.exclude(code__in=listed):
        if other.rules:  # a department of an earlier file: its share may have moved
            localities = list(other.localities.values_list("code", flat=True))
            assign_department(
                other, indicators=wanted[other.code], localities=localities, actor=actor
            )
    return lines
