"""A stored annual plan beside its resolution's milestones (chitieu.outlook.annual_plan).

The same checks serve `chitieu plan-check`, the published-figures import report
and any page: the resolution is read back from the store as a catalogue of its
own targets, the annual plan's targets in source order, and the baselines are
the best stored figure of the year before the plan (chính thức > sơ bộ > ước) in
the resolution's locality.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from chitieu.catalog import model
from chitieu.catalog.text import fold
from chitieu.outlook.annual_plan import (
    AnnualTarget,
    PlanCheck,
    compare,
    province_check,
    read_province_targets,
)
from chitieu.profile.model import NationalTargets
from chitieu.web.figures.models import Figure
from chitieu.web.figures.visibility import ViewMode, counted
from chitieu.web.plans import adapters
from chitieu.web.plans.models import Indicator, Plan, PlanKind

BEST_FIRST = ("chinh_thuc", "so_bo", "uoc")


class PlanCheckError(ValueError):
    """A plan that cannot be checked: unknown, or not an annual plan of a resolution."""


@dataclass(frozen=True)
class PlanChecks:
    plan: str
    checks: tuple[PlanCheck, ...]
    national: PlanCheck | None


def plan_checks(plan_code: str | None, *, national: NationalTargets | None = None) -> PlanChecks:
    """Every target of the stored annual plan checked (the latest annual plan when no code
    is given), and the national table's row for the resolution's place when there is one."""
    plan = annual_plan(plan_code)
    resolution = plan.parent
    assert resolution is not None  # annual_plan() refuses a plan without one
    catalogue = stored_resolution(resolution)
    annual = annual_targets(plan, resolution)
    baselines = stored_baselines(
        resolution, plan.term_start - 1, [a.code for a in annual if a.code]
    )
    checks = compare(annual, catalogue, baselines, year=plan.term_end)
    row = national_check(national, catalogue, resolution) if national else None
    return PlanChecks(plan.code, checks, row)


def annual_plan(plan_code: str | None) -> Plan:
    """The annual plan of this code, or the latest one; PlanCheckError says what to do."""
    plans = Plan.objects.select_related("parent", "parent__locality")
    if plan_code is None:
        found = plans.filter(kind=PlanKind.ANNUAL_PLAN).order_by("-term_start", "code").first()
        if found is None:
            raise PlanCheckError(
                "Chưa có kế hoạch năm nào trong cơ sở dữ liệu; nạp hồ sơ địa phương "
                "(chitieu init) hoặc số liệu đã công bố (chitieu import-published)."
            )
        plan_code = found.code
    plan = plans.filter(code=plan_code).first()
    if plan is None:
        raise PlanCheckError(
            f"Không có kế hoạch mã “{plan_code}” trong cơ sở dữ liệu; xem “chitieu plans”."
        )
    if plan.kind != PlanKind.ANNUAL_PLAN or plan.parent is None:
        raise PlanCheckError(
            f"Kế hoạch “{plan_code}” không phải kế hoạch năm thuộc một nghị quyết; "
            "xem “chitieu plans”."
        )
    return plan


def stored_resolution(resolution: Plan) -> model.Catalogue:
    """The resolution as a Catalogue whose indicators carry only the resolution's own targets."""
    rows = Indicator.objects.filter(plan=resolution, active=True).select_related("group", "parent")
    indicators = []
    for row in rows.prefetch_related("targets"):
        core = adapters.indicator(row, with_targets=False)
        own = [t for t in row.targets.all() if t.plan_id == resolution.pk]
        targets = (adapters.indicator_target(t) for t in sorted(own, key=lambda t: t.position))
        indicators.append(replace(core, targets=tuple(t for t in targets if t is not None)))
    return model.Catalogue(plan=adapters.plan(resolution), indicators=tuple(indicators))


def annual_targets(plan: Plan, resolution: Plan) -> list[AnnualTarget]:
    """The annual plan's targets in source order; those on the resolution's indicators keep
    the indicator's code, the plan's own indicators (no resolution counterpart) none."""
    found = []
    for target in plan.targets.select_related("indicator").order_by("source_line", "pk"):
        indicator = target.indicator
        found.append(
            AnnualTarget(
                name=indicator.name,
                target=adapters.target_value(target),
                unit=target.unit,
                source=target.source_document,
                note="",
                line=target.source_line or 0,
                code=indicator.code if indicator.plan_id == resolution.pk else None,
            )
        )
    return found


def stored_baselines(
    resolution: Plan, year: int, codes: Sequence[str]
) -> Mapping[str, model.Baseline]:
    """The best stored figure of `year` for each code, in the resolution's locality (a
    returned figure is never a baseline: figures.visibility)."""
    rows = counted(
        Figure.objects.filter(
            indicator__code__in=codes,
            locality=resolution.locality,
            period=str(year),
            status__in=BEST_FIRST,
        ),
        ViewMode.WORKING,
    ).select_related("indicator")
    best: dict[str, Figure] = {}
    for row in sorted(rows, key=lambda f: BEST_FIRST.index(f.status)):
        best.setdefault(row.indicator.code, row)
    return {
        code: model.Baseline(year, row.value, row.indicator.unit or None, model.Source(row.source))
        for code, row in best.items()
    }


def national_check(
    spec: NationalTargets, catalogue: model.Catalogue, resolution: Plan
) -> PlanCheck | None:
    """The national table's row for the resolution's place (spec.row, else the place's
    name), against the resolution's target; None when the table has no such row."""
    place = (
        spec.row
        or catalogue.plan.place
        or (resolution.locality.name if resolution.locality else "")
    )
    own = [p for p in read_province_targets(spec.path) if _province(p.province) == _province(place)]
    if not own or not any(i.code == spec.indicator for i in catalogue.indicators):
        return None
    return province_check(own[0], catalogue, spec.indicator, table=spec.name)


def _province(name: str) -> str:
    """A place's name without its level word, for matching across tables.

    >>> _province("Tỉnh Sông Cầu") == _province("sông cầu")
    True
    """
    return fold(name).removeprefix("tinh ").removeprefix("thanh pho ").strip()
