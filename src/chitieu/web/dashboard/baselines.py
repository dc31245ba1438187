"""The baseline a target's path starts from: the one the resolution states, beside any revision.

The resolution was written against its own figure of the base year (2025 budget revenue:
74.432 tỷ đồng, "ước"); a publication may revise that year later (100.299). Both are kept:
the store's figure of the year may have been overwritten by the publication, but its
revisions still hold the value the document stated, with the document's line. The rule
(docs/outlook-method.md): the required path starts from the resolution's baseline, as the
plan was written; the later revision is shown beside it, with its source, and the path
re-based on it is offered beside the first, labelled as such.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from chitieu.catalog import model
from chitieu.catalog.period import Period
from chitieu.web.figures.models import FigureRevision
from chitieu.web.plans.models import Locality, Plan

_LINE = re.compile(r", dòng (\d+)$")


@dataclass(frozen=True)
class Baselines:
    """The base year's value as the resolution states it and as revised since."""

    stated: model.Baseline | None  # from the resolution's document, with its line
    revised: model.Baseline | None  # the best figure of the same year, when it differs

    @property
    def start(self) -> model.Baseline | None:
        """Where the required path starts: the resolution's baseline, else the figure."""
        return self.stated or self.revised


def stated_baselines(plan: Plan, locality: Locality | None) -> dict[int, dict[int, model.Baseline]]:
    """Per indicator (pk) and year: the yearly value the plan's own document stated.

    Read from the figures' revisions (the seeding writes the document's line as the
    source), so a value a publication overwrote later is still found; the latest
    document revision of a year wins (a re-read document)."""
    if not plan.document:
        return {}
    revisions = (
        FigureRevision.objects.filter(
            figure__indicator__plan=plan,
            figure__locality=locality,
            new_source__startswith=f"{plan.document}, dòng ",
            new_value__isnull=False,
        )
        .select_related("figure", "figure__indicator")
        .order_by("at", "pk")
    )
    found: dict[int, dict[int, model.Baseline]] = defaultdict(dict)
    for revision in revisions:
        figure = revision.figure
        if not Period.parse(figure.period).is_year:
            continue
        line = _LINE.search(revision.new_source)
        source = model.Source(
            plan.document,
            line=int(line.group(1)) if line else None,
            text=figure.source_text if revision.new_value == figure.value else "",
        )
        found[figure.indicator_id][figure.year] = model.Baseline(
            figure.year,
            revision.new_value,
            figure.indicator.unit or None,
            source,
            status=figure.status,
        )
    return found


def baselines_of(
    target: model.IndicatorTarget | None,
    yearly: Mapping[int, model.Figure],
    unit: str | None,
    stated: Mapping[int, model.Baseline] | None = None,
) -> Baselines:
    """The base year is the latest year before the period with a figure, stated or stored;
    its stated value is the path's start and the best stored figure of that year, when it
    differs, the revision. A document figure of an older year does not displace a later one."""
    if target is None:
        return Baselines(None, None)
    stated = stated or {}
    years = [y for y in (*stated, *yearly) if y < target.period_start]
    if not years:
        return Baselines(None, None)
    year = max(years)
    chosen, figure = stated.get(year), yearly.get(year)
    if chosen is None:
        assert figure is not None
        return Baselines(None, _from_figure(figure, unit))
    if figure is None or figure.value == chosen.value:
        return Baselines(chosen, None)
    return Baselines(chosen, _from_figure(figure, unit))


def _from_figure(figure: model.Figure, unit: str | None) -> model.Baseline:
    return model.Baseline(
        figure.period.year,
        figure.value,
        unit,
        model.Source(figure.source, text=str(figure.value)),
        status=figure.status.value,
    )
