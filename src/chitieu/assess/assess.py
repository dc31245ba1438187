"""The status of a target from its figures: `assess_target`, and `record_manual_assessment`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from chitieu.assess import aggregate as agg
from chitieu.assess._vi_number import year_span
from chitieu.assess.compare import Comparison, compare
from chitieu.assess.errors import AssessmentError
from chitieu.assess.explain import (
    comparison_clause,
    comparison_working,
    method_line,
    show_value,
    status_tail,
    verb,
)
from chitieu.assess.rules import DEFAULT_RULES, Rules
from chitieu.catalog.model import (
    Aggregation,
    Assessment,
    Baseline,
    Direction,
    Figure,
    FigureStatus,
    IndicatorTarget,
)
from chitieu.quantity.target import TargetKind

_SHORTFALL = (Assessment.BASICALLY_ACHIEVED, Assessment.NOT_ACHIEVED)
# Best first; the period's status under EVERY_YEAR is its worst year's.
_RANKING = (
    Assessment.EXCEEDED,
    Assessment.ACHIEVED,
    Assessment.BASICALLY_ACHIEVED,
    Assessment.NOT_ACHIEVED,
)
_PROVISIONAL_MARKS = {FigureStatus.ESTIMATE: "số ước", FigureStatus.PRELIMINARY: "số sơ bộ"}


@dataclass(frozen=True)
class Result:
    status: Assessment
    provisional: bool  # an estimate/preliminary figure, a missing year or an open period
    achieved_value: Decimal | None
    ratio: Decimal | None  # the score compared with 1 (see chitieu.assess.compare)
    reason: str  # the Vietnamese sentence an official would write (chitieu.assess.explain)
    years_used: tuple[int, ...] = ()
    assessed_by: str | None = None  # set for a manual assessment
    assessed_at: datetime | None = None
    missing_years: tuple[int, ...] = ()
    per_year: tuple[tuple[int, Assessment], ...] = ()  # EVERY_YEAR: each year's status
    working: tuple[str, ...] = ()  # the arithmetic behind `reason`, one line each


def assess_target(
    target: IndicatorTarget,
    direction: Direction,
    figures: Sequence[Figure],
    *,
    rules: Rules = DEFAULT_RULES,
    as_of: int | None = None,
    baseline: Baseline | None = None,
    levels: Sequence[Figure] = (),
) -> Result:
    """Assess one target of a plan from the figures of its indicator.

    `as_of` is the year of the assessment: before `period_end` the period is open and
    a shortfall reads "Chưa đạt"; None means the period is over. `baseline` is the
    base-year level for CHANGE (and for growth from levels). `levels` are the yearly
    levels of the quantity whose growth an AVG_GROWTH target measures; they are used
    when the yearly rates do not cover the period.
    """
    if target.value.kind is TargetKind.TEXT:
        return Result(
            Assessment.NO_DATA,
            False,
            None,
            None,
            "Chỉ tiêu định tính: chưa có đánh giá của người phụ trách.",
        )
    if target.value.ambiguous:
        raise AssessmentError(
            "Mục tiêu đọc được nhiều cách, cần người xác nhận trước khi đánh giá",
            f"{target.source.document}:{target.source.line}",
        )
    if as_of is not None and as_of < target.period_start:
        return Result(
            Assessment.NO_DATA,
            False,
            None,
            None,
            f"Chưa đến kỳ của mục tiêu (từ năm {target.period_start}); năm {as_of} chưa đánh giá.",
        )
    by_year = agg.yearly_figures(figures)
    closed = as_of is None or as_of >= target.period_end
    last = target.period_end if as_of is None else min(target.period_end, as_of)
    if target.aggregation is Aggregation.EVERY_YEAR:
        return _every_year(target, direction, by_year, last, closed, rules)
    found = _aggregate(target, by_year, levels, last, closed, baseline, rules)
    if found.value is None:
        return Result(
            Assessment.NO_DATA,
            False,
            None,
            None,
            f"Chưa có số liệu: {found.note}.",
            missing_years=found.missing_years,
            working=(method_line(target.aggregation, target.period_start, target.period_end),),
        )
    comparison = compare(found.value, target.value, direction, rules)
    status = _status(comparison, target, direction, found, closed)
    provisional = not closed or bool(found.missing_years) or _has_unfinal(found.statuses)
    reason = _sentence(found, comparison, status, target, direction, rules, closed)
    return Result(
        status,
        provisional,
        found.value,
        comparison.ratio,
        reason,
        found.years_used,
        missing_years=found.missing_years,
        working=_working(found, comparison, target, rules),
    )


def record_manual_assessment(
    target: IndicatorTarget,
    status: Assessment,
    *,
    assessed_by: str,
    assessed_at: datetime,
    note: str = "",
    provisional: bool = False,
) -> Result:
    """A person's assessment of a target (a text target above all), kept with who and when."""
    if not assessed_by.strip():
        raise AssessmentError("Đánh giá thủ công phải ghi người đánh giá", "assessed_by")
    if status is Assessment.NO_DATA:
        raise AssessmentError("Đánh giá thủ công phải chọn một mức đánh giá", "status")
    when = assessed_at.strftime("%d/%m/%Y")
    reason = f"{status.label} theo đánh giá của {assessed_by.strip()} ngày {when}"
    reason += f": {note.strip()}." if note.strip() else "."
    return Result(
        status,
        provisional,
        None,
        None,
        reason,
        assessed_by=assessed_by.strip(),
        assessed_at=assessed_at,
    )


def _aggregate(
    target: IndicatorTarget,
    by_year: Mapping[int, Figure],
    levels: Sequence[Figure],
    last: int,
    closed: bool,
    baseline: Baseline | None,
    rules: Rules,
) -> agg.Aggregate:
    start, end = target.period_start, target.period_end
    aggregation = target.aggregation
    if aggregation is Aggregation.LEVEL:
        return agg.level(by_year, start, end, closed=closed)
    if aggregation is Aggregation.AVG_GROWTH:
        level_by_year = agg.yearly_figures(levels)
        return agg.avg_growth(
            by_year, level_by_year, start, last, baseline=baseline, precision=rules.precision
        )
    if aggregation is Aggregation.AVG_LEVEL:
        return agg.avg_level(by_year, start, last, precision=rules.precision)
    if aggregation is Aggregation.CUMULATIVE:
        return agg.cumulative(by_year, start, last)
    if aggregation is Aggregation.CHANGE:
        reduction = target.value.kind is TargetKind.RATIO
        return agg.change(
            by_year, start, end, closed=closed, baseline=baseline, relative_reduction=reduction
        )
    raise AssessmentError(f"Cách tổng hợp không được hỗ trợ: {aggregation}")


def _status(
    comparison: Comparison,
    target: IndicatorTarget,
    direction: Direction,
    found: agg.Aggregate,
    closed: bool,
) -> Assessment:
    if comparison.status not in _SHORTFALL:
        return comparison.status
    if not closed:
        return Assessment.NOT_YET_ACHIEVED
    # A partial sum can still grow: a shortfall with missing years is not final.
    partial_sum = target.aggregation is Aggregation.CUMULATIVE and found.missing_years
    if partial_sum and direction is not Direction.LOWER:
        return Assessment.NOT_YET_ACHIEVED
    return comparison.status


def _every_year(
    target: IndicatorTarget,
    direction: Direction,
    by_year: Mapping[int, Figure],
    last: int,
    closed: bool,
    rules: Rules,
) -> Result:
    """Each year on its own; the period is as good as its worst year."""
    years = range(target.period_start, last + 1)
    present = tuple(year for year in years if year in by_year)
    missing = tuple(year for year in years if year not in by_year)
    if not present:
        note = f"chưa có số liệu năm nào trong giai đoạn {target.period_start}-{target.period_end}"
        return Result(
            Assessment.NO_DATA,
            False,
            None,
            None,
            f"Chưa có số liệu: {note}.",
            missing_years=missing,
            working=(method_line(target.aggregation, target.period_start, target.period_end),),
        )
    comparisons = {
        year: compare(by_year[year].value, target.value, direction, rules) for year in present
    }
    worst_year = max(present, key=lambda year: _RANKING.index(comparisons[year].status))
    worst = comparisons[worst_year]
    status = worst.status
    if status in _SHORTFALL and not closed:
        status = Assessment.NOT_YET_ACHIEVED
    statuses = frozenset(by_year[year].status for year in present)
    met = sum(1 for c in comparisons.values() if c.status not in _SHORTFALL)
    value = by_year[worst_year].value
    marks = _marks(statuses, missing, "")
    reason = (
        f"Đạt mục tiêu {met}/{len(present)} năm có số liệu ({year_span(present)}){marks}; "
        f"năm kém nhất {worst_year} {verb(direction, target.value)} {show_value(value, target.value, rules)}, "
        f"{comparison_clause(worst, target.value, rules)}{status_tail(status, worst.status)}."
    )
    working = tuple(
        f"Năm {year}: {show_value(by_year[year].value, target.value, rules)}"
        f"{_status_mark(by_year[year].status)} — {comparisons[year].status.label}"
        for year in present
    ) + comparison_working(worst, value, target.value, rules)
    return Result(
        status,
        not closed or bool(missing) or _has_unfinal(statuses),
        value,
        worst.ratio,
        reason,
        present,
        missing_years=missing,
        per_year=tuple((year, comparisons[year].status) for year in present),
        working=working,
    )


def _sentence(
    found: agg.Aggregate,
    comparison: Comparison,
    status: Assessment,
    target: IndicatorTarget,
    direction: Direction,
    rules: Rules,
    closed: bool,
) -> str:
    """'Năm 2025 đạt 19,29%, bằng 96,45% mục tiêu 20%, thiếu không quá 5% … .'"""
    value = show_value(found.value if found.value is not None else Decimal(0), target.value, rules)
    cumulative_note = ""
    if (
        status is Assessment.NOT_YET_ACHIEVED
        and closed
        and target.aggregation is Aggregation.CUMULATIVE
    ):
        cumulative_note = ", chưa đủ số liệu các năm nên chưa đánh giá được cả giai đoạn"
    tail = cumulative_note or status_tail(status, comparison.status)
    open_note = (
        ""
        if closed or tail
        else f"giai đoạn {target.period_start}-{target.period_end} chưa kết thúc"
    )
    marks = _marks(found.statuses, found.missing_years, open_note)
    return (
        f"{found.label}{marks} {verb(direction, target.value)} {value}, "
        f"{comparison_clause(comparison, target.value, rules)}{tail}."
    )


def _working(
    found: agg.Aggregate, comparison: Comparison, target: IndicatorTarget, rules: Rules
) -> tuple[str, ...]:
    """The figures or the formula that gave the value, then the comparison's arithmetic."""
    value = found.value if found.value is not None else Decimal(0)
    shown = show_value(value, target.value, rules)
    if found.working:
        lines = [f"{found.working} = {shown}"]
    else:
        status = next(iter(found.statuses)) if len(found.statuses) == 1 else None
        lines = [f"Số liệu {found.label.lower()}{_status_mark(status)}: {shown}"]
    if found.missing_years:
        lines.append(
            f"Thiếu số liệu năm {_year_list(found.missing_years)}: tính trên các năm đã có"
        )
    return (*lines, *comparison_working(comparison, value, target.value, rules))


def _has_unfinal(statuses: frozenset[FigureStatus]) -> bool:
    return any(status in _PROVISIONAL_MARKS for status in statuses)


def _marks(statuses: frozenset[FigureStatus], missing: tuple[int, ...], note: str) -> str:
    """' (số ước; thiếu số liệu năm 2023)': what makes the value provisional, in one bracket."""
    marks = [mark for status, mark in _PROVISIONAL_MARKS.items() if status in statuses]
    if missing:
        marks.append(f"thiếu số liệu năm {_year_list(missing)}")
    if note:
        marks.append(note)
    return f" ({'; '.join(marks)})" if marks else ""


def _status_mark(status: FigureStatus | None) -> str:
    mark = _PROVISIONAL_MARKS.get(status) if status is not None else None
    return f" ({mark})" if mark else ""


def _year_list(years: Sequence[int]) -> str:
    return ", ".join(map(str, years))
