"""Loading a catalogue into the store, and reloading a corrected one.

A reload updates plans, groups, indicators, targets and tasks in place and
never touches a figure: an indicator that has left the catalogue is marked
inactive (its figures stay), targets and tasks are replaced.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from chitieu.catalog import model
from chitieu.quantity.target import Target as TargetValue
from chitieu.quantity.target import TargetKind
from chitieu.web.accounts.permissions import require_admin, require_planner
from chitieu.web.plans.models import (
    Department,
    Group,
    Indicator,
    Locality,
    LocalityKind,
    Plan,
    PlanKind,
    Target,
    Task,
)

# Names for the localities a catalogue names only by code; a localities CSV may rename them.
KNOWN_LOCALITIES = {
    "hung_yen": ("Tỉnh Hưng Yên", LocalityKind.PROVINCE),
    "hung_yen_cu": ("Tỉnh Hưng Yên (cũ)", LocalityKind.FORMER_PROVINCE),
    "thai_binh_cu": ("Tỉnh Thái Bình (cũ)", LocalityKind.FORMER_PROVINCE),
}


@dataclass
class LoadReport:
    plans: list[str] = field(default_factory=list)
    created: int = 0  # indicators
    updated: int = 0
    deactivated: list[str] = field(default_factory=list)
    targets: int = 0
    tasks: int = 0

    def summary(self) -> str:
        text = (
            f"Đã nạp {', '.join(self.plans)}: {self.created} chỉ tiêu mới, {self.updated} chỉ tiêu "
            f"cập nhật, {self.targets} mục tiêu, {self.tasks} nhiệm vụ."
        )
        if self.deactivated:
            text += (
                f" {len(self.deactivated)} chỉ tiêu không còn trong danh mục (giữ số liệu): "
                + ", ".join(self.deactivated)
            )
        return text


def past_term_indicator_code(term: model.PastTerm, position: int) -> str:
    """A stable code for row `position` (1-based) of a past-term results table."""
    return f"{term.code}.{position:03d}"


@transaction.atomic
def load_catalogue(
    catalogue: model.Catalogue,
    *,
    actor: Any | None,
    progress: Callable[[int, int], None] | None = None,
) -> LoadReport:
    """Load or reload a catalogue; figures are never touched.

    `progress(done, total)` is called after each indicator and each past-term row is
    written, ending with (total, total).
    """
    require_admin(actor)
    report = LoadReport()
    tick = _Ticker(
        len(catalogue.indicators) + sum(len(t.rows) for t in catalogue.past_terms), progress
    )
    locality = _locality(catalogue.plan.locality, parent=None) if catalogue.plan.locality else None
    plan = _plan(catalogue.plan, locality)
    report.plans.append(plan.code)
    groups = _groups(plan, catalogue.groups)
    _indicators(plan, catalogue.indicators, groups, report, tick=tick)
    _tasks(plan, catalogue.tasks, report)
    for term in catalogue.past_terms:
        _past_term(term, catalogue, parent_locality=locality, report=report, tick=tick)
    tick.finish()
    return report


class _Ticker:
    """Counts written rows towards a known total and reports each step."""

    def __init__(self, total: int, progress: Callable[[int, int], None] | None) -> None:
        self.total = total
        self.done = 0
        self.progress = progress

    def __call__(self) -> None:
        self.done += 1
        if self.progress is not None:
            self.progress(self.done, self.total)

    def finish(self) -> None:
        """An empty catalogue still reports (0, 0) once, so a counter line is closed."""
        if self.progress is not None and self.total == 0:
            self.progress(0, 0)


def ensure_locality(code: str, *, parent: Locality | None = None) -> Locality:
    return _locality(code, parent=parent)


def _locality(code: str, *, parent: Locality | None) -> Locality:
    name, kind = KNOWN_LOCALITIES.get(code, (code, LocalityKind.OTHER))
    locality, created = Locality.objects.get_or_create(
        code=code, defaults={"name": name, "kind": kind, "parent": parent}
    )
    if not created and parent is not None and locality.parent_id is None and locality != parent:
        locality.parent = parent
        locality.save(update_fields=["parent"])
    return locality


def _plan(source: model.Plan, locality: Locality | None, *, kind: str | None = None) -> Plan:
    parent = Plan.objects.filter(code=source.parent).first() if source.parent else None
    plan, _ = Plan.objects.update_or_create(
        code=source.code,
        defaults={
            "name": source.name,
            "issuer": source.issuer,
            "kind": kind or source.kind,
            "term_start": source.term_start,
            "term_end": source.term_end,
            "document": source.document,
            "locality": locality,
            "parent": parent,
        },
    )
    return plan


def _groups(plan: Plan, groups: Iterable[model.Group]) -> dict[str, Group]:
    result = {}
    for position, group in enumerate(groups):
        row, _ = Group.objects.update_or_create(
            plan=plan,
            code=group.code,
            defaults={"name": group.name, "numeral": group.numeral, "position": position},
        )
        result[group.code] = row
    return result


def _indicators(
    plan: Plan,
    indicators: Iterable[model.Indicator],
    groups: dict[str, Group],
    report: LoadReport,
    *,
    tick: Callable[[], None] | None = None,
) -> None:
    Target.objects.filter(plan=plan).delete()
    seen: dict[str, Indicator] = {}
    items = list(indicators)
    for position, item in enumerate(items):
        row, created = Indicator.objects.update_or_create(
            code=item.code,
            defaults={
                "plan": plan,
                "group": groups.get(item.group),
                "name": item.name,
                "unit": item.unit or "",
                "direction": item.direction.value,
                "stt": item.stt or "",
                "position": position,
                "active": True,
                **_source_fields(item.source),
            },
        )
        report.created += created
        report.updated += not created
        seen[item.code] = row
        for index, target in enumerate(item.targets):
            _target(
                plan,
                row,
                target.value,
                (target.period_start, target.period_end),
                position=index,
                aggregation=target.aggregation.value,
                source=target.source,
            )
            report.targets += 1
        if tick is not None:
            tick()
    for item in items:
        parent = seen.get(item.parent) if item.parent else None
        if seen[item.code].parent_id != (parent.pk if parent else None):
            seen[item.code].parent = parent
            seen[item.code].save(update_fields=["parent"])
    gone = Indicator.objects.filter(plan=plan, active=True).exclude(code__in=seen)
    report.deactivated += list(gone.values_list("code", flat=True))
    for indicator in gone:
        indicator.active = False
        indicator.save(update_fields=["active"])


@transaction.atomic
def add_target(
    indicator: Indicator,
    plan: Plan,
    target: model.IndicatorTarget,
    *,
    actor: Any | None,
    official_assessment: str = "",
) -> Target:
    """Attach one more target of `plan` to an indicator (an annual plan's target for a
    resolution's indicator), after the plan's targets the indicator already has.

    Targets keep no history: like load_catalogue, the catalogue and the plan are the
    record; reloading the plan (load_catalogue) removes its targets before adding them again.
    """
    require_planner(actor, "đặt mục tiêu kế hoạch")
    position = Target.objects.filter(plan=plan, indicator=indicator).count()
    return _target(
        plan,
        indicator,
        target.value,
        (target.period_start, target.period_end),
        position=position,
        aggregation=target.aggregation.value,
        source=target.source,
        official_assessment=official_assessment,
    )


def _target(
    plan: Plan,
    indicator: Indicator,
    value: TargetValue,
    period: tuple[int, int],
    *,
    position: int,
    aggregation: str,
    source: model.Source,
    official_assessment: str = "",
) -> Target:
    return Target.objects.create(
        plan=plan,
        indicator=indicator,
        position=position,
        period_start=period[0],
        period_end=period[1],
        aggregation=aggregation,
        text=value.text,
        kind=value.kind.value,
        low=value.low,
        high=value.high,
        low_inclusive=value.low_inclusive,
        high_inclusive=value.high_inclusive,
        unit=value.unit or "",
        ratio_numerator=value.ratio[0] if value.ratio else None,
        ratio_denominator=value.ratio[1] if value.ratio else None,
        ambiguous=value.ambiguous,
        readings=[
            {"value": str(r.value), "convention": r.convention, "note": r.note}
            for r in value.readings
        ],
        flags=list(value.flags),
        official_assessment=official_assessment,
        **_source_fields(source),
    )


def _tasks(plan: Plan, tasks: Iterable[model.Task], report: LoadReport) -> None:
    Task.objects.filter(plan=plan).delete()
    for position, task in enumerate(tasks):
        row = Task.objects.create(
            plan=plan,
            code=task.code,
            kind=task.kind,
            number=task.number,
            heading=task.heading,
            text=task.text,
            line_start=task.line_start,
            line_end=task.line_end,
            parent_code=task.parent or "",
            position=position,
        )
        row.indicators.set(Indicator.objects.filter(code__in=task.indicators))
        report.tasks += 1


def _past_term(
    term: model.PastTerm,
    catalogue: model.Catalogue,
    *,
    parent_locality: Locality | None,
    report: LoadReport,
    tick: Callable[[], None] | None = None,
) -> None:
    """A 2020-2025 results table becomes a plan of kind past_term, one indicator per row."""
    locality = _locality(term.locality, parent=parent_locality)
    plan = _plan(
        model.Plan(
            code=term.code,
            name=term.name,
            issuer=catalogue.plan.issuer,
            term_start=term.period_start,
            term_end=term.period_end,
            document=catalogue.plan.document,
        ),
        locality,
        kind=PlanKind.PAST_TERM,
    )
    report.plans.append(plan.code)
    used_groups = {row.group for row in term.rows if row.group}
    named = term.groups or tuple(g for g in catalogue.groups if g.code in used_groups)
    groups = _groups(plan, named)
    indicators = []
    for position, row in enumerate(term.rows, start=1):
        indicators.append(
            model.Indicator(
                code=past_term_indicator_code(term, position),
                name=row.indicator,
                group=row.group or "",
                parent=None,
                unit=row.unit,
                direction=_past_direction(row),
                stt=row.stt,
                source=row.source,
            )
        )
    _indicators(plan, indicators, groups, report, tick=tick)
    for position, row in enumerate(term.rows, start=1):
        if row.target is None:
            continue
        indicator = Indicator.objects.get(code=past_term_indicator_code(term, position))
        _target(
            plan,
            indicator,
            row.target,
            (term.period_start, term.period_end),
            position=0,
            aggregation="",  # the results table does not say how the target aggregates
            source=row.source,
            official_assessment=row.official_assessment or "",
        )
        report.targets += 1


def _past_direction(row: model.PastTermRow) -> model.Direction:
    """The table gives no direction; an upper-bound target ("Dưới 1,5%") means lower is better."""
    if row.target is not None and row.target.kind is TargetKind.MAX:
        return model.Direction.LOWER
    return model.Direction.HIGHER


def _source_fields(source: model.Source | None) -> dict[str, Any]:
    if source is None:
        return {
            "source_document": "",
            "source_line": None,
            "source_line_end": None,
            "source_text": "",
        }
    return {
        "source_document": source.document,
        "source_line": source.line,
        "source_line_end": source.line_end,
        "source_text": source.text,
    }


class AssignmentError(ValueError):
    """An indicator or locality code of an assignment that the store does not have."""

    def __init__(self, message: str, *, code: str, value: str) -> None:
        super().__init__(message)
        self.code = code
        self.value = value


@transaction.atomic
def define_department(code: str, name: str, *, actor: Any | None) -> Department:
    """The department with this code, created or renamed."""
    require_planner(actor, "khai báo sở, ngành")
    department, created = Department.objects.get_or_create(code=code, defaults={"name": name})
    if not created and name and department.name != name:
        department.name = name
        department.save(update_fields=["name"])
    return department


@transaction.atomic
def assign_department(
    department: Department,
    *,
    indicators: Sequence[str] = (),
    localities: Sequence[str] = (),
    actor: Any | None,
) -> Department:
    """Give a department exactly these indicators and localities (replacing what it had).

    An indicator entry is a code or a prefix ending in ".*" ("kt.thu_ngan_sach.*": the
    code itself and every code under it); a locality entry is a code, or "code/*" for the
    locality and every locality under it. An entry that matches nothing is an error.
    """
    require_planner(actor, "giao chỉ tiêu cho sở, ngành")
    department.indicators.set(match_indicators(indicators))
    department.localities.set(match_localities(localities))
    return department


def match_indicators(entries: Sequence[str]) -> list[Indicator]:
    """The active indicators named by codes or ".*" prefixes, in code order."""
    active = list(Indicator.objects.filter(active=True).order_by("code"))
    found: dict[int, Indicator] = {}
    for entry in entries:
        entry = entry.strip()
        if entry.endswith(".*"):
            stem = entry[:-2]
            hits = [i for i in active if i.code == stem or i.code.startswith(stem + ".")]
        else:
            hits = [i for i in active if i.code == entry]
        if not hits:
            raise AssignmentError(
                f"Không có chỉ tiêu nào mã “{entry}”.", code="unknown_indicator", value=entry
            )
        found.update((i.pk, i) for i in hits)
    return sorted(found.values(), key=lambda i: i.code)


def match_localities(entries: Sequence[str]) -> list[Locality]:
    """The localities named by codes, or "code/*" for a locality and everything under it."""
    found: dict[int, Locality] = {}
    for entry in entries:
        entry = entry.strip()
        code = entry.removesuffix("/*")
        root = Locality.objects.filter(code=code).first()
        if root is None:
            raise AssignmentError(
                f"Không có địa bàn mã “{code}”.", code="unknown_locality", value=entry
            )
        found[root.pk] = root
        if entry.endswith("/*"):
            found.update((loc.pk, loc) for loc in _descendants(root))
    return sorted(found.values(), key=lambda loc: loc.code)


def _descendants(root: Locality) -> list[Locality]:
    below: list[Locality] = []
    level = list(root.children.all())
    while level:
        below += level
        level = list(Locality.objects.filter(parent__in=level))
    return below
