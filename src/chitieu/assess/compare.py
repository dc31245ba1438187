"""Compare one achieved value with a target: the status on the official scale and why.

The score of a result is result/bound when higher is better and bound/result when
lower is better, where the bound is the target value (or the relevant end of a range
or the bound of a min/max target). Score >= 1 + exceed_margin is "Vượt", the target
met with a smaller excess is "Đạt", a shortfall with score >= 1 - tolerance is
"Cơ bản đạt", anything below is "Không đạt". See docs/assessment.md for the calibration.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from chitieu.assess.errors import AssessmentError
from chitieu.assess.rules import DEFAULT_RULES, Rules
from chitieu.catalog.model import Assessment, Direction
from chitieu.quantity.target import Target, TargetKind

HUNDRED = Decimal(100)


class Basis(StrEnum):
    """Which rule decided the status; the explanation is written from it."""

    EQUAL = "equal"  # exactly the target
    WITHIN_MARGIN = "within_margin"  # better than the target by less than the exceed margin
    EXCEEDED = "exceeded"  # better by at least the exceed margin
    CAPPED = "capped"  # 100% reached against a target below 100
    INSIDE_RANGE = "inside_range"
    WITHIN_BOUND = "within_bound"  # a min/max target met
    BOUND_HIT = "bound_hit"  # an exclusive bound hit exactly: not met
    SHORTFALL = "shortfall"
    BAND_INSIDE = "band_inside"
    BAND_OUTSIDE = "band_outside"
    RANK_IN = "rank_in"
    RANK_OUT = "rank_out"


@dataclass(frozen=True)
class Comparison:
    status: Assessment  # EXCEEDED, ACHIEVED, BASICALLY_ACHIEVED or NOT_ACHIEVED
    basis: Basis
    ratio: Decimal | None  # the score (see module doc); None when it is not defined
    bound: Decimal | None  # the target value the result was measured against
    direction: Direction  # the direction the score was taken in


def target_point(target: Target) -> Decimal:
    """The single value of a point, approximate or ratio target (a ratio from its fraction)."""
    if target.kind is TargetKind.RATIO and target.ratio is not None:
        numerator, denominator = target.ratio
        return Decimal(numerator) / Decimal(denominator)
    return _required(target.low if target.low is not None else target.high, target)


def compare(
    value: Decimal, target: Target, direction: Direction, rules: Rules = DEFAULT_RULES
) -> Comparison:
    """The status of `value` against `target`.

    >>> from chitieu.quantity.target import Target, TargetKind
    >>> t = Target("20", TargetKind.POINT, Decimal(20), Decimal(20), unit="pct")
    >>> compare(Decimal("19.29"), t, Direction.HIGHER).status.label
    'Cơ bản đạt'
    """
    if target.ambiguous:
        raise AssessmentError(
            "Mục tiêu đọc được nhiều cách, cần người xác nhận trước khi đánh giá",
            f"mục tiêu {target.text!r}",
        )
    kind = target.kind
    if kind is TargetKind.TEXT:
        raise AssessmentError(
            "Chỉ tiêu định tính không so sánh bằng số; cần người đánh giá",
            f"mục tiêu {target.text!r}",
        )
    if kind is TargetKind.RANK:
        return _rank(value, target)
    if kind is TargetKind.MIN:
        bound = _required(target.low, target)
        return _against(value, bound, target.low_inclusive, Direction.HIGHER, rules, target)
    if kind is TargetKind.MAX:
        bound = _required(target.high, target)
        return _against(value, bound, target.high_inclusive, Direction.LOWER, rules, target)
    if direction is Direction.BAND:
        return _band(value, target, rules)
    if kind is TargetKind.RANGE:
        return _range(value, target, direction, rules)
    return _against(value, target_point(target), True, direction, rules, target)


def score(value: Decimal, bound: Decimal, direction: Direction) -> Decimal | None:
    """result/bound (higher is better) or bound/result (lower is better); None if undefined.

    >>> score(Decimal("19.29"), Decimal(20), Direction.HIGHER)
    Decimal('0.9645')
    >>> score(Decimal(20), Decimal(22), Direction.LOWER)
    Decimal('1.1')
    """
    if direction is Direction.LOWER:
        if value > 0 and bound > 0:
            return bound / value
        return None
    if bound > 0:
        return value / bound
    return None


def _effective_score(value: Decimal, bound: Decimal, direction: Direction) -> Decimal | None:
    """The score, or 1 + the signed relative difference when a ratio is meaningless (signs)."""
    ratio = score(value, bound, direction)
    if ratio is not None:
        return ratio
    if bound == 0:
        return None
    better = value - bound if direction is not Direction.LOWER else bound - value
    return 1 + better / abs(bound)


def _is_met(value: Decimal, bound: Decimal, inclusive: bool, direction: Direction) -> bool:
    if direction is Direction.LOWER:
        return value <= bound if inclusive else value < bound
    return value >= bound if inclusive else value > bound


def _against(
    value: Decimal,
    bound: Decimal,
    inclusive: bool,
    direction: Direction,
    rules: Rules,
    target: Target,
) -> Comparison:
    """A one-sided comparison: a point target, a min/max bound, or one end of a range."""
    ratio = score(value, bound, direction)
    effective = _effective_score(value, bound, direction)

    def result(status: Assessment, basis: Basis) -> Comparison:
        return Comparison(status, basis, ratio, bound, direction)

    if _is_met(value, bound, inclusive, direction):
        if value == bound:
            return result(Assessment.ACHIEVED, Basis.EQUAL)
        if _capped(value, bound, direction, rules, target):
            return result(Assessment.ACHIEVED, Basis.CAPPED)
        can_exceed = target.kind is not TargetKind.MAX or rules.max_can_exceed
        if can_exceed and effective is not None and effective >= 1 + rules.exceed_margin:
            return result(Assessment.EXCEEDED, Basis.EXCEEDED)
        within = target.kind in (TargetKind.MIN, TargetKind.MAX)
        return result(Assessment.ACHIEVED, Basis.WITHIN_BOUND if within else Basis.WITHIN_MARGIN)
    basis = Basis.BOUND_HIT if value == bound else Basis.SHORTFALL
    if rules.tolerance > 0 and effective is not None and effective >= 1 - rules.tolerance:
        return result(Assessment.BASICALLY_ACHIEVED, basis)
    return result(Assessment.NOT_ACHIEVED, basis)


def _capped(
    value: Decimal, bound: Decimal, direction: Direction, rules: Rules, target: Target
) -> bool:
    """100% of a percentage against a lower point/min target counts as met, not exceeded."""
    return (
        rules.cap_at_100
        and direction is Direction.HIGHER
        and target.kind in (TargetKind.POINT, TargetKind.APPROX, TargetKind.MIN)
        and target.unit in rules.percent_units
        and value == HUNDRED
        and bound < HUNDRED
    )


def _range(value: Decimal, target: Target, direction: Direction, rules: Rules) -> Comparison:
    low, high = _required(target.low, target), _required(target.high, target)
    above_low = value >= low if target.low_inclusive else value > low
    below_high = value <= high if target.high_inclusive else value < high
    if above_low and below_high:
        bound = high if direction is Direction.HIGHER else low
        ratio = score(value, bound, direction)
        return Comparison(Assessment.ACHIEVED, Basis.INSIDE_RANGE, ratio, bound, direction)
    # Past the favourable end the target is met whatever the end's inclusivity.
    if direction is Direction.LOWER:
        if not below_high:
            return _against(value, high, target.high_inclusive, direction, rules, target)
        return _against(value, low, True, direction, rules, target)
    if not above_low:
        return _against(value, low, target.low_inclusive, direction, rules, target)
    return _against(value, high, True, direction, rules, target)


def _band(value: Decimal, target: Target, rules: Rules) -> Comparison:
    """Inside the band is Đạt, outside is Không đạt; a band has no Vượt."""
    direction = Direction.BAND
    if target.kind is TargetKind.RANGE:
        low, high = _required(target.low, target), _required(target.high, target)
        inside = (value >= low if target.low_inclusive else value > low) and (
            value <= high if target.high_inclusive else value < high
        )
        nearest = low if value < low else high
        ratio = value / nearest if nearest != 0 else None
        basis = Basis.BAND_INSIDE if inside else Basis.BAND_OUTSIDE
        status = Assessment.ACHIEVED if inside else Assessment.NOT_ACHIEVED
        return Comparison(status, basis, ratio, nearest, direction)
    point = target_point(target)
    if point == 0:
        inside = value == 0
        ratio = None
    else:
        inside = abs(value - point) / abs(point) <= rules.band_tolerance
        ratio = value / point
    basis = Basis.BAND_INSIDE if inside else Basis.BAND_OUTSIDE
    status = Assessment.ACHIEVED if inside else Assessment.NOT_ACHIEVED
    return Comparison(status, basis, ratio, point, direction)


def _rank(value: Decimal, target: Target) -> Comparison:
    """A rank goal is membership of a group: rank <= N is Đạt; there is no Vượt or Cơ bản đạt."""
    limit = _required(target.high, target)
    inside = value <= limit if target.high_inclusive else value < limit
    if inside:
        return Comparison(Assessment.ACHIEVED, Basis.RANK_IN, None, limit, Direction.LOWER)
    return Comparison(Assessment.NOT_ACHIEVED, Basis.RANK_OUT, None, limit, Direction.LOWER)


def _required(bound: Decimal | None, target: Target) -> Decimal:
    if bound is None:
        raise AssessmentError("Mục tiêu thiếu giá trị để so sánh", f"mục tiêu {target.text!r}")
    return bound
