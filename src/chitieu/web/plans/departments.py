"""Applying a departments file (or a profile's departments) to the store, all or nothing."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import transaction

from chitieu.profile.departments import DepartmentsFileError, DepartmentSpec
from chitieu.web.plans.services import AssignmentError, assign_department, define_department


@transaction.atomic
def apply_departments(specs: Sequence[DepartmentSpec], *, actor: Any | None) -> list[str]:
    """Define and assign every department; a line of summary per department.

    An entry the store does not know rejects the whole file, naming its row and column
    (or its key in a profile).
    """
    lines = []
    for spec in specs:
        department = define_department(spec.code, spec.name, actor=actor)
        try:
            assign_department(
                department, indicators=spec.indicators, localities=spec.localities, actor=actor
            )
        except AssignmentError as error:
            field = "indicators" if error.code == "unknown_indicator" else "localities"
            raise DepartmentsFileError(spec.where(field), str(error)) from None
        lines.append(
            f"{spec.code} ({spec.name}): {department.indicators.count()} chỉ tiêu, "
            f"{department.localities.count()} địa bàn."
        )
    return lines
