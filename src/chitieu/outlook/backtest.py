"""Backtest of the outlook on the 2020-2025 term: rate each past target as a mid-term review would.

For every row of Phụ lục 1A/1B with a numeric target, an official assessment
and yearly figures, the outlook is run with only the figures known at the end
of `as_of` (see `known_series`) and its rating and projected 2025 value are set
against the final result and the official word of the appendix.

A hit: the rating says "on track" (on_track, target_achieved) and the target was
officially Đạt/Vượt, or the rating says "at risk" (needs_acceleration,
limited_progress, deterioration) and it was Cơ bản đạt/Không đạt/Chưa đạt.
Insufficient data is no forecast: such cases are listed, not counted.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from chitieu.catalog.model import (
    Aggregation,
    Baseline,
    Catalogue,
    Direction,
    Figure,
    FigureStatus,
    Indicator,
    IndicatorTarget,
    PastTerm,
    PastTermRow,
    Source,
)
from chitieu.catalog.text import fold
from chitieu.outlook.goal import NoGoalError, resolve_goal
from chitieu.outlook.rating import rate
from chitieu.outlook.settings import DEFAULT_SETTINGS, OutlookSettings, Rating
from chitieu.quantity.target import TargetKind

ON_TRACK = frozenset({Rating.ON_TRACK, Rating.TARGET_ACHIEVED})
AT_RISK = frozenset({Rating.NEEDS_ACCELERATION, Rating.LIMITED_PROGRESS, Rating.DETERIORATION})
GOOD_WORDS = frozenset(fold(w) for w in ("Vượt", "Đạt"))
BAD_WORDS = frozenset(fold(w) for w in ("Cơ bản đạt", "Không đạt", "Chưa đạt"))
_NUMERIC = frozenset(
    {TargetKind.POINT, TargetKind.RANGE, TargetKind.MIN, TargetKind.MAX, TargetKind.APPROX}
)
_RANK = {FigureStatus.ESTIMATE: 0, FigureStatus.PRELIMINARY: 1, FigureStatus.OFFICIAL: 2}


@dataclass(frozen=True)
class BacktestCase:
    code: str  # the past-term row's code, "<term code>.001"
    locality: str
    as_of: int
    name: str
    aggregation: str
    target_text: str
    rating: str  # a Rating value
    projected: Decimal | None  # the outlook's 2025 value (level, average or total)
    final: Decimal | None  # the appendix's result (None when the cell reads two ways)
    final_assessment: str  # verbatim: "Vượt", "Không đạt" …
    hit: bool | None  # None: no forecast (insufficient data)
    known: tuple[tuple[int, Decimal], ...]  # the yearly figures used
    reason: str = ""

    @property
    def error(self) -> Decimal | None:
        if self.projected is None or self.final is None:
            return None
        return self.projected - self.final

    def as_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "locality": self.locality,
            "as_of": self.as_of,
            "rating": self.rating,
            "projected": None if self.projected is None else str(self.projected),
            "final": None if self.final is None else str(self.final),
            "final_assessment": self.final_assessment,
            "hit": self.hit,
        }


def past_row_code(term: PastTerm, position: int) -> str:
    """The store's code of row `position` (1-based): the same rule as plans.services."""
    return f"{term.code}.{position:03d}"


def known_series(
    figures: Iterable[Figure], as_of: int
) -> dict[tuple[str, str], dict[int, Decimal]]:
    """Yearly actual values known at the end of `as_of`, per (indicator, locality).

    The files carry no publication date, so knowledge is read from period and status:
    an estimate (ước) of year Y is announced in December of Y, so it is known at the
    end of Y; a preliminary or official figure of Y comes after Y ends, so it is known
    only for years before `as_of`. Of the known figures the best status wins
    (chính thức > sơ bộ > ước); kế hoạch is a target, never an actual.
    """
    best: dict[tuple[str, str, int], Figure] = {}
    for figure in figures:
        year = figure.period.year
        if not figure.period.is_year or figure.status is FigureStatus.PLAN or year > as_of:
            continue
        if year == as_of and figure.status is not FigureStatus.ESTIMATE:
            continue
        key = (figure.indicator, figure.locality, year)
        current = best.get(key)
        if current is None or _RANK[figure.status] > _RANK[current.status]:
            best[key] = figure
    series: dict[tuple[str, str], dict[int, Decimal]] = {}
    for (code, locality, year), figure in sorted(best.items()):
        series.setdefault((code, locality), {})[year] = figure.value
    return series


def past_aggregation(term: PastTerm, row: PastTermRow) -> Aggregation:
    """How a past target aggregates; the results table does not say, so it is read from words.

    Growth rates ("Tốc độ tăng", "Tăng trưởng", an index "Chỉ số …", or a row under
    such a parent) are period averages of yearly growth; 1B's "Bình quân giai đoạn"
    group is a period average; a total investment in tỷ đồng is a five-year sum;
    everything else is the level reached in the last year.
    """
    words = fold(row.indicator)
    parent = next(
        (r for r in term.rows if row.parent_stt and r.stt == row.parent_stt and r is not row), None
    )
    parent_words = fold(parent.indicator) if parent else ""
    growth = tuple(fold(w) for w in ("Tốc độ tăng", "Tăng trưởng", "Chỉ số sản xuất"))
    if row.unit == "pct_per_year" or any(words.startswith(g) for g in growth):
        return Aggregation.AVG_GROWTH
    if parent_words.startswith(fold("Tốc độ tăng")):
        return Aggregation.AVG_GROWTH
    if (row.group or "").startswith("binh_quan"):
        return Aggregation.AVG_LEVEL
    if fold("vốn đầu tư") in words and row.unit == "ty_dong":
        return Aggregation.CUMULATIVE
    return Aggregation.LEVEL


def backtest(
    catalogue: Catalogue,
    figures: Sequence[Figure],
    as_of: int,
    settings: OutlookSettings = DEFAULT_SETTINGS,
) -> tuple[BacktestCase, ...]:
    """One case per past target with an official word and at least one yearly figure."""
    everything = known_series(figures, catalogue.plan.years[1] + 10)
    known = known_series(figures, as_of)
    cases = []
    for term in catalogue.past_terms:
        for position, row in enumerate(term.rows, start=1):
            code = past_row_code(term, position)
            if not _testable(row) or not everything.get((code, term.locality)):
                continue
            series = known.get((code, term.locality), {})
            cases.append(_case(term, row, code, series, as_of, settings))
    return tuple(cases)


def hit_rate(cases: Iterable[BacktestCase]) -> Decimal | None:
    """Hits over rated cases (insufficient data left out); None when nothing was rated."""
    rated = [c for c in cases if c.hit is not None]
    if not rated:
        return None
    return (Decimal(sum(1 for c in rated if c.hit)) / len(rated)).quantize(Decimal("0.001"))


def _testable(row: PastTermRow) -> bool:
    word = fold(row.official_assessment or "")
    return (
        row.target is not None
        and row.target.kind in _NUMERIC
        and (word in GOOD_WORDS or word in BAD_WORDS)
    )


def _case(
    term: PastTerm,
    row: PastTermRow,
    code: str,
    series: dict[int, Decimal],
    as_of: int,
    settings: OutlookSettings,
) -> BacktestCase:
    assert row.target is not None
    aggregation = past_aggregation(term, row)
    start = term.period_start + 1 if term.period_start < term.period_end else term.period_start
    indicator = Indicator(
        code=code,
        name=row.indicator,
        group=row.group or "",
        parent=None,
        unit=row.unit,
        direction=Direction.LOWER if row.target.kind is TargetKind.MAX else Direction.HIGHER,
    )
    target = IndicatorTarget(row.target, start, term.period_end, aggregation, row.source)
    common: dict[str, Any] = dict(
        code=code,
        locality=term.locality,
        as_of=as_of,
        name=row.indicator,
        aggregation=aggregation.value,
        target_text=row.target_text,
        final=row.result_value,
        final_assessment=row.official_assessment or "",
        known=tuple(sorted(series.items())),
    )
    level = aggregation in (Aggregation.LEVEL, Aggregation.CHANGE)
    baseline = _baseline(series, start, row.unit) if level else None
    try:
        goal = resolve_goal(indicator, target, baseline)
    except (NoGoalError, ValueError, ArithmeticError) as error:
        return BacktestCase(
            **common, rating=Rating.INSUFFICIENT_DATA.value, projected=None, hit=None,
            reason=str(error),
        )  # fmt: skip
    years = sorted(series)
    outlook = rate(goal, years, [series[y] for y in years], term.locality, settings)
    projected = None if outlook.projected is None else Decimal(f"{outlook.projected:.4f}")
    return BacktestCase(
        **common,
        rating=outlook.rating.value,
        projected=projected,
        hit=_hit(outlook.rating, row.official_assessment or ""),
        reason=outlook.reason,
    )


def _baseline(series: dict[int, Decimal], start: int, unit: str | None) -> Baseline | None:
    """A level target's start: the year before the period, else the earliest known year.

    Flows (averages, totals) need no baseline value: their period starts the year after.
    """
    if not series:
        return None
    year = start - 1 if start - 1 in series else min(series)
    return Baseline(year, series[year], unit, Source("published"))


def _hit(rating: Rating, assessment: str) -> bool | None:
    word = fold(assessment)
    if rating in ON_TRACK:
        return word in GOOD_WORDS
    if rating in AT_RISK:
        return word in BAD_WORDS
    return None
