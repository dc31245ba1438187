"""The store's side of the plausibility checks: the rule of each indicator and the figures
around a value, handed to chitieu.assess.plausibility, which judges.

Entry, the file import and the API all call `Plausibility(...).check(...)` (or
`check_figure` for one value): one implementation for every path. Values about to be
written in the same form or file are added with `pending`, so a file holding both a
total and its sub-item is checked against itself, not only against the store.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from chitieu.assess.plausibility import (
    Finding,
    Measure,
    Neighbours,
    Other,
    Rule,
    check_value,
    effective_rule,
    is_structure,
    read_overrides,
)
from chitieu.catalog.model import FigureStatus
from chitieu.catalog.period import Period
from chitieu.quantity.errors import UnknownUnitError
from chitieu.quantity.units import get_unit
from chitieu.web.figures.models import Figure
from chitieu.web.plans.models import Indicator, Locality

# Most final first: the last figure of a series is the best one of its period.
_STATUSES = tuple(s.value for s in (FigureStatus.OFFICIAL, FigureStatus.PRELIMINARY,
                                     FigureStatus.ESTIMATE))  # fmt: skip
# A figure's key without strings to build: indicator, locality, period kind, index, year, status.
Key = tuple[int, int, str, int, int, str]
Same = tuple[int, str, int, int, str]  # the key without the indicator


def rule_of(indicator: Indicator) -> Rule:
    """The indicator's effective rule: the default of its unit and name, with the overrides."""
    return effective_rule(indicator.unit, indicator.name, read_overrides(indicator.plausibility))


def unit_symbol(code: str) -> str:
    try:
        return get_unit(code).symbol if code else ""
    except UnknownUnitError:
        return ""


class Plausibility:
    """The indicators concerned, their relatives and their figures in the localities, read once."""

    def __init__(self, indicators: Iterable[Indicator], localities: Iterable[Locality]) -> None:
        own = {i.pk: i for i in indicators}
        parent_ids = {i.parent_id for i in own.values() if i.parent_id}
        related = Indicator.objects.filter(pk__in=parent_ids) | Indicator.objects.filter(
            parent_id__in=set(own) | parent_ids
        )
        self.indicators = {**{i.pk: i for i in related.select_related("parent")}, **own}
        missing = {
            i.parent_id for i in self.indicators.values() if i.parent_id not in self.indicators
        }
        for parent in Indicator.objects.filter(pk__in=missing - {None}):
            self.indicators[parent.pk] = parent
        self.children: dict[int, list[Indicator]] = {}
        for indicator in self.indicators.values():
            if indicator.parent_id:
                self.children.setdefault(indicator.parent_id, []).append(indicator)
        self.rules: dict[int, tuple[Rule, str]] = {}
        self.values: dict[Key, Decimal] = {}
        # (indicator, locality, period kind, index) -> the years of the series that have figures
        self.years: dict[tuple[int, int, str, int], set[int]] = {}
        for figure in Figure.objects.filter(
            indicator__in=list(self.indicators), locality__in=list(localities)
        ).only("indicator_id", "locality_id", "period", "status", "value"):
            period = Period.parse(figure.period)
            self._put(figure.indicator_id, figure.locality_id, period, figure.status, figure.value)

    def _put(
        self, indicator: int, locality: int, period: Period, status: str, value: Decimal
    ) -> None:
        self.values[(indicator, locality, period.kind.value, period.index, period.year,
                     str(status))] = value  # fmt: skip
        series = (indicator, locality, period.kind.value, period.index)
        self.years.setdefault(series, set()).add(period.year)

    def pending(
        self, indicator: Indicator, locality: Locality, period: Period, status: str, value: Decimal
    ) -> None:
        """A value about to be written with the one being checked: it counts as stored."""
        self.indicators.setdefault(indicator.pk, indicator)
        self._put(indicator.id, locality.id, period, status, value)

    def check(
        self,
        indicator: Indicator,
        locality: Locality,
        period: Period,
        status: FigureStatus | str,
        value: Decimal,
    ) -> list[Finding]:
        """Every finding about `value` as the figure (indicator, locality, period, status)."""
        status = FigureStatus(status)
        rule, symbol = self._rule(indicator)
        same = (locality.id, period.kind.value, period.index, period.year, status.value)
        around = Neighbours(
            last=self._last(indicator, locality, period),
            total=self._total(indicator, same),
            parts=self._parts(indicator, same),
            shares=self._shares(indicator, same),
            unit_symbol=symbol,
        )
        return check_value(value, rule, around)

    def _rule(self, indicator: Indicator) -> tuple[Rule, str]:
        known = self.rules.get(indicator.id)
        if known is None:
            known = self.rules[indicator.id] = (rule_of(indicator), unit_symbol(indicator.unit))
        return known

    def _value(self, indicator: Indicator, same: Same) -> Decimal | None:
        return self.values.get((indicator.id, *same))

    def _last(self, indicator: Indicator, locality: Locality, period: Period) -> Other | None:
        """The best figure of the latest earlier period of the same kind and index (the year
        before for a year, the same month of an earlier year for a month)."""
        series = (indicator.id, locality.id, period.kind.value, period.index)
        years = self.years.get(series, ())
        for year in sorted((y for y in years if y < period.year), reverse=True):
            for status in _STATUSES:
                value = self.values.get((*series, year, status))
                if value is not None:
                    label = Period(year, period.kind, period.index).label()
                    label = label[:1].lower() + label[1:]  # "năm 2025" inside a sentence
                    return Other(indicator.name, value, label)
        return None

    def _parent(self, indicator: Indicator) -> Indicator | None:
        return self.indicators.get(indicator.parent_id) if indicator.parent_id else None

    def _in_structure(self, indicator: Indicator) -> bool:
        parent = self._parent(indicator)
        share = self._rule(indicator)[0].measure is Measure.SHARE
        return parent is not None and share and is_structure(parent.name)

    def _additive(self, part: Indicator, whole: Indicator) -> bool:
        """A sub-item that cannot exceed its total: amounts and counts of the same unit, or a
        share of a structure split further (processing industry within industry)."""
        if not part.unit or part.unit != whole.unit or is_structure(whole.name):
            return False
        measure = self._rule(part)[0].measure
        return measure in (Measure.AMOUNT, Measure.COUNT) or self._in_structure(whole)

    def _total(self, indicator: Indicator, same: Same) -> Other | None:
        parent = self._parent(indicator)
        if parent is None or not self._additive(indicator, parent):
            return None
        value = self._value(parent, same)
        return Other(parent.name, value) if value is not None else None

    def _parts(self, indicator: Indicator, same: Same) -> tuple[Other, ...]:
        parts = []
        for child in self.children.get(indicator.id, []):
            value = self._value(child, same)
            if value is not None and self._additive(child, indicator):
                parts.append(Other(child.name, value))
        return tuple(parts)

    def _shares(self, indicator: Indicator, same: Same) -> tuple[Other, ...]:
        if not self._in_structure(indicator):
            return ()
        shares = []
        for sibling in self.children.get(indicator.parent_id or 0, []):
            value = self._value(sibling, same)
            share = self._rule(sibling)[0].measure is Measure.SHARE
            if sibling.id != indicator.id and value is not None and share:
                shares.append(Other(sibling.name, value))
        return tuple(shares)


def check_figure(
    indicator: Indicator,
    locality: Locality,
    period: Period | str,
    status: FigureStatus | str,
    value: Decimal,
) -> list[Finding]:
    """The findings about one value, against the store: what the API calls before writing."""
    when = period if isinstance(period, Period) else Period.parse(period)
    return Plausibility([indicator], [locality]).check(indicator, locality, when, status, value)
