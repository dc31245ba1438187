"""Why a target got its status: a sentence an official would write, and the arithmetic apart.

The sentence (`comparison_clause`) says in words how the result stands against the target
("bằng 96,45% mục tiêu 20%, thiếu không quá 5% so với mục tiêu"); the working
(`comparison_working`) gives the formulas with their numbers, one line each, for the reader
who wants to check ("Tỷ lệ so với mục tiêu: 19,29 / 20 = 96,45%"). Every number of the
sentence appears in the working with the computation that gave it.
"""

from __future__ import annotations

from decimal import Decimal

from chitieu.assess._vi_number import format_number, format_percent
from chitieu.assess.compare import Basis, Comparison
from chitieu.assess.rules import Rules
from chitieu.catalog.model import Aggregation, Assessment, Direction
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


def verb(direction: Direction, target: Target) -> str:
    """'đạt' for a result that should be high, 'ở mức' for one that should be low."""
    if target.kind is TargetKind.RANK:
        return "xếp"
    return "ở mức" if direction is Direction.LOWER else "đạt"


def comparison_clause(comparison: Comparison, target: Target, rules: Rules) -> str:
    """How the result stands against the target, in words, without the subject.

    >>> from chitieu.assess.compare import compare
    >>> t = Target("20", TargetKind.POINT, Decimal(20), Decimal(20), unit="pct")
    >>> comparison_clause(compare(Decimal("19.29"), t, Direction.HIGHER), t, Rules())
    'bằng 96,45% mục tiêu 20%, thiếu không quá 5% so với mục tiêu (mức cơ bản đạt)'
    """
    basis = comparison.basis
    shown = show_target(target, rules)
    margin = format_percent(rules.exceed_margin)
    if basis is Basis.EQUAL:
        return f"bằng mục tiêu {shown}"
    if basis is Basis.CAPPED:
        return f"là mức tối đa, tính là đạt mục tiêu {shown} (chạm 100% không tính là vượt)"
    if basis is Basis.INSIDE_RANGE:
        return f"nằm trong khoảng mục tiêu {shown}"
    if basis is Basis.WITHIN_BOUND:
        return f"đạt mục tiêu {shown}"
    if basis in (Basis.WITHIN_MARGIN, Basis.EXCEEDED):
        return _better_clause(comparison, target, rules, margin)
    if basis in (Basis.BAND_INSIDE, Basis.BAND_OUTSIDE):
        return _band_clause(comparison, shown, rules)
    if basis is Basis.RANK_IN:
        return f"nằm trong {shown}"
    if basis is Basis.RANK_OUT:
        return f"nằm ngoài {shown}"
    return _shortfall_clause(comparison, target, rules)


def comparison_working(
    comparison: Comparison, value: Decimal, target: Target, rules: Rules
) -> tuple[str, ...]:
    """The arithmetic of the comparison, one line each: the score, then the rule it met.

    >>> from chitieu.assess.compare import compare
    >>> t = Target("20", TargetKind.POINT, Decimal(20), Decimal(20), unit="pct")
    >>> comparison_working(compare(Decimal("19.29"), t, Direction.HIGHER), Decimal("19.29"), t, Rules())[0]
    'Tỷ lệ so với mục tiêu: 19,29 / 20 = 96,45%'
    """
    basis = comparison.basis
    if basis in (Basis.RANK_IN, Basis.RANK_OUT):
        sign = "≤" if basis is Basis.RANK_IN else ">"
        return (f"Xếp hạng {format_number(value)} {sign} {_num(comparison.bound, target)}",)
    if basis in (Basis.BAND_INSIDE, Basis.BAND_OUTSIDE):
        return _band_working(comparison, value, target, rules)
    lines = list(_score_lines(comparison, value, target))
    if basis is Basis.CAPPED:
        lines.append("Quy tắc: tỷ lệ đạt 100% so với mục tiêu dưới 100% tính là đạt, không vượt")
    elif basis is Basis.BOUND_HIT:
        lines.append(f"Mục tiêu {show_target(target, rules)} không tính mức đúng bằng ngưỡng")
    if basis in (Basis.EXCEEDED, Basis.WITHIN_MARGIN, Basis.SHORTFALL, Basis.BOUND_HIT):
        lines.append(_scale_line(comparison, target, rules))
    return tuple(lines)


def method_line(aggregation: Aggregation, start: int, end: int) -> str:
    """How the value will be computed once there are figures (the working of 'no data').

    >>> method_line(Aggregation.CUMULATIVE, 2026, 2030)
    'Cách tính: cộng số liệu các năm 2026-2030 rồi so với mục tiêu'
    """
    span = f"năm {end}" if start == end else f"{start}-{end}"
    method = {
        Aggregation.LEVEL: f"so số liệu năm {end} (năm cuối giai đoạn) với mục tiêu",
        Aggregation.AVG_GROWTH: (
            f"tăng trưởng bình quân {span} từ tốc độ tăng từng năm, "
            f"hoặc từ mức năm {start - 1} và năm cuối, rồi so với mục tiêu"
        ),
        Aggregation.AVG_LEVEL: f"bình quân số liệu các năm {span} rồi so với mục tiêu",
        Aggregation.CUMULATIVE: f"cộng số liệu các năm {span} rồi so với mục tiêu",
        Aggregation.CHANGE: f"so số liệu năm {end} với năm gốc {start - 1}",
        Aggregation.EVERY_YEAR: f"so số liệu từng năm {span} với mục tiêu",
    }.get(aggregation, "so số liệu với mục tiêu")
    return f"Cách tính: {method}"


def status_tail(status: Assessment, comparison_status: Assessment) -> str:
    """Why an open period's shortfall reads 'Chưa đạt' rather than the comparison's word."""
    if status is Assessment.NOT_YET_ACHIEVED and comparison_status is not status:
        return ", giai đoạn chưa kết thúc nên đánh giá là chưa đạt"
    return ""


def _better_clause(comparison: Comparison, target: Target, rules: Rules, margin: str) -> str:
    """Better than the target: by how much, and whether that is enough to count as 'Vượt'."""
    bound = _bound_text(comparison, target, rules)
    exceeded = comparison.basis is Basis.EXCEEDED
    if comparison.ratio is None:
        if comparison.bound == 0:
            return f"tốt hơn {bound} (mục tiêu bằng 0 nên không tính mức vượt)"
        return f"tốt hơn {bound}" + (f" từ {margin} trở lên" if exceeded else f" dưới {margin}")
    word = "thấp hơn" if comparison.direction is Direction.LOWER else "cao hơn"
    by = format_percent(comparison.ratio - 1)
    if exceeded:
        if comparison.direction is Direction.LOWER:
            return f"thấp hơn {bound}, tốt hơn mục tiêu {by}"
        return f"vượt {by} so với {bound}"
    return f"{word} {bound}, tốt hơn {by} (dưới {margin}) nên tính là đạt, không tính vượt"


def _shortfall_clause(comparison: Comparison, target: Target, rules: Rules) -> str:
    tolerance = format_percent(rules.tolerance)
    basic = comparison.status is Assessment.BASICALLY_ACHIEVED
    short = "chênh lệch" if comparison.direction is Direction.LOWER else "thiếu"
    rule = (
        f"{short} không quá {tolerance} so với mục tiêu (mức cơ bản đạt)"
        if basic
        else f"{short} hơn {tolerance} so với mục tiêu"
    )
    if comparison.basis is Basis.BOUND_HIT:
        shown = show_target(target, rules)
        return f"bằng đúng ngưỡng của mục tiêu {shown} nhưng chưa vượt qua ngưỡng, {rule}"
    bound = _bound_text(comparison, target, rules)
    if comparison.ratio is None:
        if comparison.bound == 0:
            return f"chưa đạt {bound} (mục tiêu bằng 0 nên không tính mức cơ bản đạt)"
        return f"chưa đạt {bound}, {rule}"
    if comparison.direction is Direction.LOWER:
        return f"cao hơn {bound} (chỉ tiêu càng thấp càng tốt), {rule}"
    lead = "bằng" if basic else "mới bằng"
    return f"{lead} {format_percent(comparison.ratio)} {bound}, {rule}"


def _band_clause(comparison: Comparison, shown: str, rules: Rules) -> str:
    inside = comparison.basis is Basis.BAND_INSIDE
    if comparison.ratio is None:
        return f"{'nằm trong' if inside else 'nằm ngoài'} mục tiêu {shown}"
    deviation = format_percent(abs(comparison.ratio - 1))
    where = "trong" if inside else "ngoài"
    allowed = format_percent(rules.band_tolerance)
    return f"lệch {deviation} so với mục tiêu {shown}, {where} mức dao động cho phép {allowed}"


def _band_working(
    comparison: Comparison, value: Decimal, target: Target, rules: Rules
) -> tuple[str, ...]:
    if comparison.ratio is None or comparison.bound is None:
        return (f"Kết quả {format_number(value)} so với mục tiêu {show_target(target, rules)}",)
    deviation = format_percent(abs(comparison.ratio - 1))
    bound = format_number(comparison.bound)
    return (
        f"Độ lệch: |{format_number(value)} − {bound}| / {bound} = {deviation}",
        f"Mức dao động cho phép: {format_percent(rules.band_tolerance)}",
    )


def _score_lines(comparison: Comparison, value: Decimal, target: Target) -> tuple[str, ...]:
    """The score as a division with its numbers, or why there is none."""
    if comparison.bound is None:
        return ()
    result, bound = _num(value, target), _num(comparison.bound, target)
    if comparison.ratio is None:
        why = "mục tiêu bằng 0" if comparison.bound == 0 else "kết quả hoặc mục tiêu không dương"
        return (f"Không tính tỷ lệ ({why}): so trực tiếp {result} với {bound}",)
    ratio = format_percent(comparison.ratio)
    if comparison.direction is Direction.LOWER:
        return (f"Mục tiêu so với kết quả (càng thấp càng tốt): {bound} / {result} = {ratio}",)
    return (f"Tỷ lệ so với mục tiêu: {result} / {bound} = {ratio}",)


def _scale_line(comparison: Comparison, target: Target, rules: Rules) -> str:
    """The official scale as applied: the thresholds, in the same percentages as the score."""
    exceed = format_percent(1 + rules.exceed_margin)
    basic = format_percent(1 - rules.tolerance)
    if comparison.ratio is None:
        return (
            f"Thang đánh giá: tốt hơn mục tiêu từ {format_percent(rules.exceed_margin)} là vượt; "
            f"kém mục tiêu không quá {format_percent(rules.tolerance)} là cơ bản đạt"
        )
    can_exceed = target.kind is not TargetKind.MAX or rules.max_can_exceed
    exceed_part = f"từ {exceed} là vượt; " if can_exceed else ""
    return f"Thang đánh giá: {exceed_part}từ 100% là đạt; từ {basic} là cơ bản đạt; dưới {basic} là không đạt"


def _num(value: Decimal | None, target: Target) -> str:
    if value is None:
        return ""
    if target.kind is TargetKind.RATIO:
        return format_percent(value)
    return format_number(value)


def _bound_text(comparison: Comparison, target: Target, rules: Rules) -> str:
    """The target as compared: the point itself, or which end of a range."""
    shown = show_target(target, rules)
    if comparison.bound is None or target.kind is not TargetKind.RANGE:
        return f"mục tiêu {shown}"
    end = "mức cao nhất" if comparison.bound == target.high else "mức thấp nhất"
    value = format_number(comparison.bound) + _unit_suffix(target, rules)
    return f"{end} ({value}) của khoảng mục tiêu {shown}"


def _unit_suffix(target: Target, rules: Rules) -> str:
    """The unit after a number: '%' and '%/năm' attached, words after a space."""
    if target.unit in rules.percent_units:
        return "%"
    unit = UNITS.get(target.unit or "")
    if unit is None:
        return ""
    return unit.symbol if unit.attached else f" {unit.symbol}"
