"""An annual plan given as a targets CSV: its own plan under the resolution, its targets.

A target the profile links to a resolution indicator is attached to that
indicator; the others become the annual plan's own indicators, coded
"<plan code>.<NN>" from their line in the file. Reloading replaces the plan's
targets (load_catalogue removes them before adding them again).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import transaction

from chitieu.catalog import model
from chitieu.outlook.annual_plan import AnnualTarget
from chitieu.profile.model import AnnualPlanSpec, Place
from chitieu.web.plans.models import Indicator, Plan, PlanKind
from chitieu.web.plans.services import add_target, load_catalogue


def annual_plan_code(spec: AnnualPlanSpec, place: Place) -> str:
    """The plan's code: the profile's, else "<place>_<year>"."""
    return spec.code or f"{place.code}_{spec.year}"


def annual_plan(spec: AnnualPlanSpec, place: Place, resolution: Plan) -> model.Plan:
    """The core plan of a targets-CSV annual plan, under its resolution."""
    name = spec.name or f"Kế hoạch phát triển kinh tế - xã hội năm {spec.year}"
    return model.Plan(
        code=annual_plan_code(spec, place),
        name=name,
        issuer=spec.issuer,
        term_start=spec.year,
        term_end=spec.year,
        document=spec.targets.name if spec.targets else "",
        kind=PlanKind.ANNUAL_PLAN.value,
        locality=resolution.locality.code if resolution.locality else place.code,
        parent=resolution.code,
        level=place.level,
        place=place.name,
    )


@transaction.atomic
def load_annual_plan(plan: model.Plan, annual: Sequence[AnnualTarget], *, actor: Any | None) -> int:
    """Store the annual plan and every target; the number of targets stored."""
    year = plan.years[0]
    own = tuple(
        model.Indicator(
            code=f"{plan.code}.{item.line - 1:02d}",
            name=item.name,
            group="",
            parent=None,
            unit=item.target.unit,
            direction=model.Direction.HIGHER,
            targets=(_annual_target(item, year),),
        )
        for item in annual
        if item.code is None
    )
    load_catalogue(model.Catalogue(plan=plan, indicators=own), actor=actor)
    stored = Plan.objects.get(code=plan.code)
    count = len(own)
    for item in annual:
        if item.code is not None:
            indicator = Indicator.objects.filter(code=item.code).first()
            if indicator is None:
                raise ValueError(
                    f"Kế hoạch {plan.code}, dòng {item.line}: “{item.name}” được gán mã "
                    f"“{item.code}” mà cơ sở dữ liệu không có; sửa mục indicators của kế hoạch "
                    "năm trong hồ sơ địa phương."
                )
            add_target(indicator, stored, _annual_target(item, year), actor=actor)
            count += 1
    return count


def _annual_target(item: AnnualTarget, year: int) -> model.IndicatorTarget:
    source = model.Source(item.source[:300], item.line, text=item.target.text)
    return model.IndicatorTarget(item.target, year, year, model.Aggregation.LEVEL, source)
