"""Why an audited row disagrees with its official word: the alternatives that would fix it.

For a row whose computed status differs from the word the table prints, each
alternative is tried in turn: the result rounded to the target's precision,
another "Cơ bản đạt" tolerance or exceed margin, the 100% cap or the ceiling
rule switched. An alternative that fixes the row and breaks no other row is the
likely cause; one that fixes it but breaks others points to a table that is not
consistent with itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal

from chitieu.assess._vi_number import format_number, format_percent
from chitieu.assess.compare import Comparison, compare, score
from chitieu.assess.official import official_status
from chitieu.assess.rules import Rules
from chitieu.catalog.model import Direction, PastTermRow
from chitieu.quantity import Target, TargetKind

_STEP = Decimal("0.0001")  # how far past a row's own score an alternative threshold is set


@dataclass(frozen=True)
class Cause:
    """The likely reason a row's computed status differs from the official word."""

    kind: str  # rounding | tolerance | exceed_margin | cap_at_100 | max_can_exceed
    #            | inconsistent | unexplained
    text: str  # Vietnamese
    breaks: tuple[int, ...] = ()  # lines of other rows the fixing alternative would break


@dataclass(frozen=True)
class Case:
    """What one row compares: its value against its target, in its direction."""

    row: PastTermRow
    target: Target
    value: Decimal
    direction: Direction
    note: str = ""  # how an ambiguous result was settled


def status_of(case: Case, rules: Rules) -> Comparison:
    """The row's comparison under `rules`."""
    return compare(case.value, case.target, case.direction, rules)


def agrees(case: Case, rules: Rules) -> bool | None:
    """Whether `rules` give the row its official word; None without one."""
    official = official_status(case.row.official_assessment)
    if official is None:
        return None
    return status_of(case, rules).status is official


def likely_cause(case: Case, cases: Sequence[Case], rules: Rules) -> Cause:
    """The likeliest reason `case` disagrees with its official word, by trying alternatives."""
    official = official_status(case.row.official_assessment)
    rounded = _rounded_to_target(case)
    if (
        rounded is not None
        and rounded != case.value
        and compare(rounded, case.target, case.direction, rules).status is official
    ):
        return Cause(
            "rounding",
            f"Làm tròn kết quả về độ chính xác của mục tiêu ({format_number(rounded)}) "
            f"thì khớp với đánh giá chính thức.",
        )
    fixes = []
    for kind, variant, text in _variants(case, rules):
        if status_of(case, variant).status is not official:
            continue
        breaks = tuple(
            other.row.source.line or 0
            for other in cases
            if other is not case and agrees(other, rules) and agrees(other, variant) is False
        )
        fixes.append((len(breaks), _distance(kind, variant, rules), kind, text, breaks))
    if not fixes:
        return Cause(
            "unexplained",
            "Không quy tắc thay thế nào (ngưỡng cơ bản đạt, ngưỡng vượt, chặn 100%, làm tròn) "
            "cho ra đánh giá chính thức; có thể bảng ghi nhầm số hoặc nhầm đánh giá.",
        )
    count, _, kind, text, breaks = min(fixes)
    if count == 0:
        return Cause(
            kind, f"Khớp với đánh giá chính thức nếu {text}, không làm lệch dòng nào khác."
        )
    lines = ", ".join(str(line) for line in breaks)
    return Cause(
        "inconsistent",
        f"Chỉ khớp nếu {text}, nhưng khi đó {count} dòng khác lệch (dòng {lines}): "
        "bảng tự không nhất quán với chính nó.",
        breaks,
    )


def _rounded_to_target(case: Case) -> Decimal | None:
    """The result rounded to as many decimals as the target is written with."""
    bound = case.target.low if case.target.low is not None else case.target.high
    if bound is None or case.target.kind is TargetKind.RATIO:
        return None
    exponent = bound.as_tuple().exponent
    places = max(0, -exponent) if isinstance(exponent, int) else 0
    return case.value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _variants(case: Case, rules: Rules) -> list[tuple[str, Rules, str]]:
    """The alternative rules worth trying for this row, each with a Vietnamese description."""
    variants: list[tuple[str, Rules, str]] = []
    bound = case.target.low if case.target.low is not None else case.target.high
    row_score = score(case.value, bound, case.direction) if bound is not None else None
    tolerances = {Decimal(v) for v in ("0", "0.02", "0.03", "0.04", "0.06", "0.08", "0.1", "0.15")}
    margins = {Decimal(v) for v in ("0", "0.005", "0.015", "0.02", "0.03", "0.05")}
    if row_score is not None and row_score < 1:
        tolerances |= {1 - row_score, 1 - row_score - _STEP}
    if row_score is not None and row_score > 1:
        margins |= {row_score - 1, row_score - 1 + _STEP}
    for tolerance in sorted(tolerances):
        if Decimal(0) <= tolerance < 1 and tolerance != rules.tolerance:
            text = f"ngưỡng cơ bản đạt là {format_percent(tolerance)}"
            variants.append(("tolerance", replace(rules, tolerance=tolerance), text))
    for margin in sorted(margins):
        if margin >= 0 and margin != rules.exceed_margin:
            text = f"ngưỡng vượt là {format_percent(margin)}"
            if row_score is not None and row_score > 1:
                text += f" (dòng này vượt {format_percent(row_score - 1)})"
            variants.append(("exceed_margin", replace(rules, exceed_margin=margin), text))
    cap = "bỏ quy tắc chặn 100%" if rules.cap_at_100 else "áp dụng quy tắc chặn 100%"
    variants.append(("cap_at_100", replace(rules, cap_at_100=not rules.cap_at_100), cap))
    ceiling = (
        "không cho mục tiêu trần được tính vượt"
        if rules.max_can_exceed
        else "cho mục tiêu trần được tính vượt"
    )
    variants.append(
        ("max_can_exceed", replace(rules, max_can_exceed=not rules.max_can_exceed), ceiling)
    )
    return variants


def _distance(kind: str, variant: Rules, rules: Rules) -> Decimal:
    """How far an alternative is from the rules in use (smaller is likelier)."""
    if kind == "tolerance":
        return abs(variant.tolerance - rules.tolerance)
    if kind == "exceed_margin":
        return abs(variant.exceed_margin - rules.exceed_margin)
    return Decimal(1)
