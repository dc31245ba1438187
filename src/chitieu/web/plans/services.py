"""Loading a catalogue into the store, and reloading a corrected one.

A reload updates plans, groups, indicators and tasks in place and never touches
a figure or a task note: an indicator or a task that has left the catalogue is
marked inactive (its figures and notes stay); targets are replaced. Every load,
and every change to a department, leaves an audit entry in the same transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from chitieu.catalog import model
from chitieu.ingest.codes import province_name
from chitieu.profile.model import LEVEL_WORDS
from chitieu.quantity.target import Target as TargetValue
from chitieu.quantity.target import TargetKind
from chitieu.web.accounts.permissions import require_admin, require_planner
from chitieu.web.audit.models import AuditAction
from chitieu.web.audit.services import record_audit
from chitieu.web.plans.models import (
    Department,
    Group,
    Indicator,
    LinkState,
    Locality,
    LocalityKind,
    Plan,
    PlanKind,
    Target,
    Task,
    TaskIndicator,
)


@dataclass
class LoadReport:
    plans: list[str] = field(default_factory=list)
    created: int = 0  # indicators
    updated: int = 0
    deactivated: list[str] = field(default_factory=list)
    targets: int = 0
    tasks: int = 0
    deactivated_tasks: list[str] = field(default_factory=list)

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
        if self.deactivated_tasks:
            text += (
                f" {len(self.deactivated_tasks)} nhiệm vụ không còn trong danh mục "
                "(giữ ghi chú tiến độ): " + ", ".join(self.deactivated_tasks)
            )
        return text

    def changes(self) -> dict[str, Any]:
        """The counts and codes an audit entry keeps."""
        return {
            "plans": self.plans,
            "indicators": {
                "created": self.created,
                "updated": self.updated,
                "deactivated": self.deactivated,
            },
            "targets": self.targets,
            "tasks": {"count": self.tasks, "deactivated": self.deactivated_tasks},
        }


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
    reloaded = Plan.objects.filter(code=catalogue.plan.code).exists()
    report = LoadReport()
    tick = _Ticker(
        len(catalogue.indicators) + sum(len(t.rows) for t in catalogue.past_terms), progress
    )
    locality = _plan_locality(catalogue.plan) if catalogue.plan.locality else None
    plan = _plan(catalogue.plan, locality)
    report.plans.append(plan.code)
    groups = _groups(plan, catalogue.groups)
    _indicators(plan, catalogue.indicators, groups, report, tick=tick)
    _tasks(plan, catalogue.tasks, report)
    for term in catalogue.past_terms:
        _past_term(term, catalogue, parent_locality=locality, report=report, tick=tick)
    tick.finish()
    _audit_load(report, reloaded=reloaded, actor=actor)
    # New indicators go to their departments by the rules stored with them (ownership
    # builds on this module, hence the late import).
    from chitieu.web.plans.ownership import refresh_default_owners

    refresh_default_owners(actor=actor)
    return report


def _audit_load(report: LoadReport, *, reloaded: bool, actor: Any | None) -> None:
    plan, *others = report.plans
    gone = ""
    if report.deactivated or report.deactivated_tasks:
        gone = (
            f"; {len(report.deactivated)} chỉ tiêu và {len(report.deactivated_tasks)} nhiệm vụ "
            "không còn trong danh mục"
        )
    record_audit(
        actor=actor,
        action=AuditAction.CATALOGUE_RELOADED if reloaded else AuditAction.CATALOGUE_LOADED,
        subject=plan,
        summary=(
            f"{'Nạp lại' if reloaded else 'Nạp'} danh mục {plan}"
            + (f" (cùng {', '.join(others)})" if others else "")
            + f": {report.created} chỉ tiêu mới, {report.updated} chỉ tiêu cập nhật, "
            f"{report.targets} mục tiêu, {report.tasks} nhiệm vụ{gone}."
        ),
        changes=report.changes(),
    )


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


def ensure_locality(
    code: str, *, parent: Locality | None = None, name: str = "", kind: str = ""
) -> Locality:
    """The locality with this code; a new one takes `name` and `kind` (else its code, "khác").

    Names come from data, never from here: a place profile (`chitieu init`) or a localities
    CSV names the localities first, and a catalogue names its own place and past terms.
    """
    return _locality(code, parent=parent, name=name, kind=kind)


def _locality(code: str, *, parent: Locality | None, name: str = "", kind: str = "") -> Locality:
    locality, created = Locality.objects.get_or_create(
        code=code,
        defaults={"name": name or code, "kind": kind or LocalityKind.OTHER, "parent": parent},
    )
    if not created and parent is not None and locality.parent_id is None and locality != parent:
        locality.parent = parent
        locality.save(update_fields=["parent"])
    return locality


def _plan_locality(plan: model.Plan) -> Locality:
    """The plan's own place, named as its document names it ("Tỉnh X") when it is new."""
    words = LEVEL_WORDS.get(plan.level)
    name = f"{words} {plan.place}" if words and plan.place else plan.place
    return _locality(plan.locality, parent=None, name=name, kind=plan.level)


def _term_locality(term: model.PastTerm, *, parent: Locality | None) -> Locality:
    """A past term's place, named from its table's caption; "_cu" codes are former provinces."""
    found = province_name(term.name)
    former = term.locality.endswith("_cu")
    name = f"Tỉnh {found.title()}" + (" (cũ)" if former else "") if found else ""
    kind = LocalityKind.FORMER_PROVINCE if former else (LocalityKind.PROVINCE if found else "")
    return _locality(term.locality, parent=parent, name=name, kind=kind)


def _plan(source: model.Plan, locality: Locality | None, *, kind: str | None = None) -> Plan:
    """The plan's row; a plan whose document did not give its years or kind is refused
    with what to write (the reader leaves them empty rather than guess)."""
    start, end = source.years
    kind = kind or source.kind
    if kind not in {k.value for k in PlanKind}:
        raise model.PlanIncompleteError(
            f"Kế hoạch {source.code} chưa rõ loại: ghi kind (resolution, annual_plan hoặc "
            "five_year_plan) vào mục plan của tệp danh mục, hoặc đọc lại văn bản với "
            "`chitieu ingest --kind ...`."
        )
    parent = Plan.objects.filter(code=source.parent).first() if source.parent else None
    plan, _ = Plan.objects.update_or_create(
        code=source.code,
        defaults={
            "name": source.name,
            "issuer": source.issuer,
            "kind": kind,
            "term_start": start,
            "term_end": end,
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
    shared: set[str] = set()
    items = list(indicators)
    for position, item in enumerate(items):
        owner = Indicator.objects.filter(code=item.code).select_related("plan").first()
        if owner is not None and not _takes_over(plan, owner.plan):
            # Another plan's measure (the resolution's GRDP growth named again in an annual
            # plan): this plan adds its own target to it and leaves it where it is.
            row, created = owner, False
            shared.add(item.code)
        else:
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
        if item.code in shared:
            continue
        parent = seen.get(item.parent) if item.parent else None
        if seen[item.code].parent_id != (parent.pk if parent else None):
            seen[item.code].parent = parent
            seen[item.code].save(update_fields=["parent"])
    gone = Indicator.objects.filter(plan=plan, active=True).exclude(code__in=seen)
    report.deactivated += list(gone.values_list("code", flat=True))
    for indicator in gone:
        indicator.active = False
        indicator.save(update_fields=["active"])


def _takes_over(plan: Plan, owner: Plan) -> bool:
    """Whether loading `plan` may make an indicator `owner` holds its own: its own, or an
    annual plan's that the resolution (or five-year plan) names too. An annual plan never
    takes a measure from another plan."""
    if owner.pk == plan.pk:
        return True
    return plan.kind != PlanKind.ANNUAL_PLAN and owner.kind == PlanKind.ANNUAL_PLAN


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
    """Update tasks in place by code, so the progress notes people wrote stay attached.

    A task that has left the catalogue is marked inactive, never deleted: its notes are
    what people entered (TaskNote.task is PROTECT, so a delete would fail anyway).
    """
    seen: list[str] = []
    for position, task in enumerate(tasks):
        row, _ = Task.objects.update_or_create(
            plan=plan,
            code=task.code,
            defaults={
                "kind": task.kind,
                "number": task.number,
                "heading": task.heading,
                "text": task.text,
                "line_start": task.line_start,
                "line_end": task.line_end,
                "parent_code": task.parent or "",
                "position": position,
                "active": True,
            },
        )
        _suggest_links(row, task.indicators)
        seen.append(task.code)
        report.tasks += 1
    gone = Task.objects.filter(plan=plan, active=True).exclude(code__in=seen).order_by("position")
    report.deactivated_tasks += list(gone.values_list("code", flat=True))
    gone.update(active=False)


def _suggest_links(task: Task, codes: Sequence[str]) -> None:
    """The reader's links become suggestions; a person's decisions survive the reload.

    A confirmed or removed link is kept as it is, whether the reader still finds it or
    not; a suggestion the reader no longer makes is withdrawn.
    """
    found = Indicator.objects.filter(plan=task.plan, code__in=codes)
    held = set(task.links.values_list("indicator_id", flat=True))
    TaskIndicator.objects.bulk_create(
        TaskIndicator(task=task, indicator=i, state=LinkState.SUGGESTED)
        for i in found
        if i.pk not in held
    )
    task.links.filter(state=LinkState.SUGGESTED).exclude(indicator__in=found).delete()


def _past_term(
    term: model.PastTerm,
    catalogue: model.Catalogue,
    *,
    parent_locality: Locality | None,
    report: LoadReport,
    tick: Callable[[], None] | None = None,
) -> None:
    """A 2020-2025 results table becomes a plan of kind past_term, one indicator per row."""
    locality = _term_locality(term, parent=parent_locality)
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
    old_name = None if created else department.name
    if not created and name and department.name != name:
        department.name = name
        department.save(update_fields=["name"])
    if old_name != department.name:  # created or renamed; an unchanged one leaves no entry
        record_audit(
            actor=actor,
            action=AuditAction.DEPARTMENT_DEFINED,
            subject=code,
            summary=(
                f"Khai báo sở, ngành {code}: {department.name}."
                if created
                else f"Đổi tên sở, ngành {code} từ “{old_name}” thành “{department.name}”."
            ),
            changes={"name": [old_name, department.name]},
        )
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
    before = {
        "indicators": set(department.indicators.values_list("code", flat=True)),
        "localities": set(department.localities.values_list("code", flat=True)),
    }
    new_indicators = match_indicators(indicators)
    new_localities = match_localities(localities)
    department.indicators.set(new_indicators)
    department.localities.set(new_localities)
    after = {
        "indicators": {i.code for i in new_indicators},
        "localities": {loc.code for loc in new_localities},
    }
    changes = {
        key: {
            "added": sorted(after[key] - before[key]),
            "removed": sorted(before[key] - after[key]),
        }
        for key in before
        if after[key] != before[key]
    }
    if changes:  # an unchanged assignment leaves no entry
        record_audit(
            actor=actor,
            action=AuditAction.DEPARTMENT_ASSIGNED,
            subject=department.code,
            summary=f"Đổi phân công của {department.name}: {_assignment_words(changes)}.",
            changes=changes,
        )
    return department


def _assignment_words(changes: dict[str, dict[str, list[str]]]) -> str:
    """What changed, in words: 'chỉ tiêu thêm 2, bớt 1; địa bàn thêm 1'."""
    nouns = {"indicators": "chỉ tiêu", "localities": "địa bàn"}
    parts = []
    for key, change in changes.items():
        counts = [
            f"{verb} {len(change[side])}"
            for side, verb in (("added", "thêm"), ("removed", "bớt"))
            if change[side]
        ]
        parts.append(f"{nouns[key]} {', '.join(counts)}")
    return "; ".join(parts)


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
