"""What the exchange writers take: figures and the code lists they name, as plain data."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from chitieu.catalog.model import FigureStatus
from chitieu.catalog.period import Period


@dataclass(frozen=True)
class FigureRecord:
    """One stored figure: one (indicator, locality, period, status) value."""

    indicator: str
    locality: str
    period: Period
    status: FigureStatus
    value: Decimal
    unit: str = ""  # unit code (chitieu.quantity.units); "" when the indicator has none
    source: str = ""
    note: str = ""
    value_text: str = ""  # the value as first written ("8,1")
    review_state: str = ""  # a ReviewState value ("da_duyet")


@dataclass(frozen=True)
class CodeItem:
    """One code of a code list, with its Vietnamese name and, for a hierarchy, its parent."""

    code: str
    name: str
    parent: str | None = None


@dataclass(frozen=True)
class Codes:
    """The store's code lists that the structure (DSD) carries."""

    indicators: tuple[CodeItem, ...]
    localities: tuple[CodeItem, ...]
    review_states: tuple[CodeItem, ...] = ()
    plans: tuple[CodeItem, ...] = ()


@dataclass(frozen=True)
class TargetRecord:
    """One target of an indicator in a plan: a point, a band or a bound, over some years."""

    plan: str
    indicator: str
    locality: str  # the plan's locality; "" when the plan has none
    period_start: int
    period_end: int
    kind: str  # a TargetKind value
    aggregation: str  # an Aggregation value; "" when the document does not say
    low: Decimal | None
    high: Decimal | None
    low_inclusive: bool = True
    high_inclusive: bool = True
    unit: str = ""
    text: str = ""  # the target as written ("≥ 10%")
