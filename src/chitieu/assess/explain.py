"""The one Vietnamese sentence that says why a target got its status, with the arithmetic."""

from __future__ import annotations

from decimal import Decimal

from chitieu.assess._vi_number import format_number, format_percent
from chitieu.assess.compare import Basis, Comparison
from chitieu.assess.rules import Rules
from chitieu.catalog.model import Assessment, Direction
from chitieu.quantity.target import Target, TargetKind
from chitieu.quantity.units import UNITS


def show_value(value: Decimal, target: Target, rules: Rules) -> str:
    """A result in the target's unit: '19,29%'; a reduction ratio as a percentage."""
    if target.kind is TargetKind.RATIO:
        return format_percent(value)
    if target.kind is TargetKind.RANK:
        return f"hạng {format_number(value)}"
    return format_number(value) + _unit_suffix(target, rules)


def show_target(target: Target, rules: Rules) -> str:
    """A target written back from its numbers: '7,5-8%', '> 70%', '1/3 (33,33%)'.

    >>> from chitieu.quantity.target import TargetKind
    >>> show_target(Target("< 1", TargetKind.MAX, high=Decimal(1), high_inclusive=False, unit="pct"), Rules())
    '< 1%'
    """
    suffix = _unit_suffix(target, rules)
    low = format_number(target.low) if target.low is not None else ""
    high = format_number(target.high) if target.high is not None else ""
    if target.kind is TargetKind.RANGE:
        return f"{low}-{high}{suffix}"
    if target.kind is TargetKind.MIN:
        return f"{'≥' if target.low_inclusive else '>'} {low}{suffix}"
    if target.kind is TargetKind.MAX:
        return f"{'≤' if target.high_inclusive else '<'} {high}{suffix}"
    if target.kind is TargetKind.RATIO and target.ratio is not None:
        numerator, denominator = target.ratio
        return f"{numerator}/{denominator} ({format_percent(Decimal(numerator) / denominator)})"
    if target.kind is TargetKind.RANK:
        return f"nhóm {high} dẫn đầu"
    if target.kind is TargetKind.APPROX:
        return f"khoảng {low or high}{suffix}"
    return f"{low or high}{suffix}"


def comparison_clause(comparison: Comparison, target: Target, rules: Rules) -> str:
    """What the comparison found, without the subject: 'đạt 96,45% mục tiêu 20% (…)'."""
    basis = comparison.basis
    shown = show_target(target, rules)
    margin = format_percent(rules.exceed_margin)
    if basis is Basis.EQUAL:
        return f"bằng mục tiêu {shown}"
    if basis is Basis.CAPPED:
        return (
            f"đạt mức tối đa 100% so với mục tiêu {shown}, tính là đạt (chạm 100% không tính vượt)"
        )
    if basis is Basis.INSIDE_RANGE:
        return f"nằm trong khoảng mục tiêu {shown}"
    if basis is Basis.WITHIN_BOUND:
        return _with_notes(f"thỏa mãn mục tiêu {shown}", _score_notes(comparison))
    if basis is Basis.WITHIN_MARGIN:
        return _measure(comparison, target, rules, f"vượt dưới {margin} nên tính là đạt")
    if basis is Basis.EXCEEDED:
        return _measure(comparison, target, rules, f"vượt từ {margin} trở lên")
    if basis in (Basis.BAND_INSIDE, Basis.BAND_OUTSIDE):
        return _band_clause(comparison, shown, rules)
    if basis is Basis.RANK_IN:
        return f"nằm trong {shown}"
    if basis is Basis.RANK_OUT:
        return f"ngoài {shown}"
    return _shortfall_clause(comparison, target, rules)


def status_tail(status: Assessment, comparison_status: Assessment) -> str:
    """Why an open period's shortfall reads 'Chưa đạt' rather than the comparison's word."""
    if status is Assessment.NOT_YET_ACHIEVED and comparison_status is not status:
        return ", giai đoạn chưa kết thúc nên đánh giá là chưa đạt"
    return ""


def _measure(comparison: Comparison, target: Target, rules: Rules, verdict: str) -> str:
    """'đạt 102,31% mục tiêu 130 (verdict)', or the lower-is-better form."""
    bound = _bound_text(comparison, target, rules)
    if comparison.ratio is None:
        met = comparison.status in (Assessment.EXCEEDED, Assessment.ACHIEVED)
        word = "tốt hơn" if met else "chưa đạt"
        if comparison.bound == 0:
            verdict = "mục tiêu bằng 0 nên không tính mức vượt hay cơ bản đạt"
        return _with_notes(f"{word} {bound}", [verdict])
    if comparison.direction is Direction.LOWER:
        word = "thấp hơn" if comparison.ratio > 1 else "cao hơn"
        return _with_notes(f"{word} {bound}", [*_score_notes(comparison), verdict])
    return _with_notes(f"đạt {format_percent(comparison.ratio)} {bound}", [verdict])


def _shortfall_clause(comparison: Comparison, target: Target, rules: Rules) -> str:
    if comparison.status is Assessment.BASICALLY_ACHIEVED:
        verdict = f"trong ngưỡng cơ bản đạt {format_percent(rules.tolerance)}"
    else:
        verdict = f"dưới mức cơ bản đạt {format_percent(1 - rules.tolerance)}"
    if comparison.basis is Basis.BOUND_HIT:
        shown = show_target(target, rules)
        head = (
            f"bằng đúng ngưỡng của mục tiêu {shown} nhưng không thỏa mãn vì ngưỡng không tính biên"
        )
        return _with_notes(head, [verdict])
    return _measure(comparison, target, rules, verdict)


def _band_clause(comparison: Comparison, shown: str, rules: Rules) -> str:
    inside = comparison.basis is Basis.BAND_INSIDE
    if comparison.ratio is None:
        return f"{'nằm trong' if inside else 'nằm ngoài'} mục tiêu {shown}"
    deviation = format_percent(abs(comparison.ratio - 1))
    where = "trong" if inside else "ngoài"
    return f"lệch {deviation} so với mục tiêu {shown} ({where} biên độ {format_percent(rules.band_tolerance)})"


def _score_notes(comparison: Comparison) -> list[str]:
    if comparison.ratio is None:
        return []
    if comparison.direction is Direction.LOWER:
        return [f"mục tiêu/kết quả = {format_percent(comparison.ratio)}"]
    return [f"bằng {format_percent(comparison.ratio)} ngưỡng"]


def _with_notes(head: str, notes: list[str]) -> str:
    return f"{head} ({'; '.join(notes)})" if notes else head


def _bound_text(comparison: Comparison, target: Target, rules: Rules) -> str:
    """The target as compared: the point itself, or which end of a range."""
    shown = show_target(target, rules)
    if comparison.bound is None or target.kind is not TargetKind.RANGE:
        return f"mục tiêu {shown}"
    end = "cận trên" if comparison.bound == target.high else "cận dưới"
    value = format_number(comparison.bound) + _unit_suffix(target, rules)
    return f"{end} {value} của mục tiêu {shown}"


def _unit_suffix(target: Target, rules: Rules) -> str:
    """The unit after a number: '%' and '%/năm' attached, words after a space."""
    if target.unit in rules.percent_units:
        return "%"
    unit = UNITS.get(target.unit or "")
    if unit is None:
        return ""
    return unit.symbol if unit.attached else f" {unit.symbol}"
