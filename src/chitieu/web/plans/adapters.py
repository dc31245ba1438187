"""Rows to core objects, so the pure core (assess, outlook) runs on stored data."""

from __future__ import annotations

from decimal import Decimal

from chitieu.catalog import model
from chitieu.quantity.target import NumberReading, TargetKind
from chitieu.quantity.target import Target as TargetValue
from chitieu.web.plans.models import Indicator, LinkState, Plan, Target, Task


def source_of(row: Indicator | Target) -> model.Source:
    return model.Source(
        document=row.source_document,
        line=row.source_line,
        line_end=row.source_line_end,
        text=row.source_text,
    )


def target_value(row: Target) -> TargetValue:
    ratio = (
        (row.ratio_numerator, row.ratio_denominator)
        if row.ratio_numerator is not None and row.ratio_denominator is not None
        else None
    )
    return TargetValue(
        text=row.text,
        kind=TargetKind(row.kind),
        low=row.low,
        high=row.high,
        low_inclusive=row.low_inclusive,
        high_inclusive=row.high_inclusive,
        unit=row.unit or None,
        ratio=ratio,
        ambiguous=row.ambiguous,
        readings=tuple(
            NumberReading(Decimal(r["value"]), r["convention"], r.get("note", ""))
            for r in row.readings
        ),
        flags=tuple(row.flags),
    )


def indicator_target(row: Target) -> model.IndicatorTarget | None:
    """None for a target whose aggregation the document does not give (a past-term row)."""
    if not row.aggregation:
        return None
    return model.IndicatorTarget(
        value=target_value(row),
        period_start=row.period_start,
        period_end=row.period_end,
        aggregation=model.Aggregation(row.aggregation),
        source=source_of(row),
    )


def indicator(row: Indicator, *, with_targets: bool = True) -> model.Indicator:
    """The core Indicator, with its targets (baselines live as figures in the store).

    with_targets=False skips the targets query, for callers that pick a plan's target themselves.
    """
    targets = (
        [indicator_target(t) for t in row.targets.order_by("plan", "position")]
        if with_targets
        else []
    )
    return model.Indicator(
        code=row.code,
        name=row.name,
        group=row.group.code if row.group else "",
        parent=row.parent.code if row.parent else None,
        unit=row.unit or None,
        direction=model.Direction(row.direction),
        targets=tuple(t for t in targets if t is not None),
        stt=row.stt or None,
        source=source_of(row) if row.source_document else None,
    )


def plan(row: Plan) -> model.Plan:
    """The core Plan of a stored plan."""
    return model.Plan(
        code=row.code,
        name=row.name,
        issuer=row.issuer,
        term_start=row.term_start,
        term_end=row.term_end,
        document=row.document,
        kind=row.kind,
        locality=row.locality.code if row.locality else "",
        parent=row.parent.code if row.parent else None,
    )


def task(row: Task) -> model.Task:
    """The core Task, with the codes of the indicators a person confirmed it concerns.

    The reader's suggestions and the links a person removed stay out: a report lists
    only the links someone answers for (prefetch "links__indicator" for many tasks).
    """
    return model.Task(
        code=row.code,
        kind=row.kind,
        number=row.number,
        heading=row.heading,
        text=row.text,
        line_start=row.line_start,
        line_end=row.line_end,
        indicators=tuple(
            link.indicator.code
            for link in sorted(row.links.all(), key=lambda link: link.indicator.position)
            if link.state == LinkState.CONFIRMED
        ),
        parent=row.parent_code or None,
    )
