"""Audit a past term's results table (Phụ lục 1A/1B): our rules against the official words.

Each row's target and result, as ingestion read them (`PastTermRow`), are compared with
`chitieu.assess.compare` under the given rules; the status is set beside the word the
table prints. A row without an official word gets `agree=None`; a row whose result
cannot be computed (no target, empty result, a result written as a bound such as
"> 90", an ambiguous value the context does not settle) gets `computed=None` with the
reason, and `agree=None`. For each disagreement the likely cause is found by trying
the alternatives: rounding the result to the target's precision, another tolerance or
exceed margin, the 100% cap or the ceiling rule switched; an alternative that fixes the
row but breaks others points to an inconsistency in the table itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal

from chitieu.assess._vi_number import format_number, format_percent
from chitieu.assess.compare import Comparison, compare, score, target_point
from chitieu.assess.explain import comparison_clause, show_value
from chitieu.assess.rules import DEFAULT_RULES, Rules
from chitieu.catalog.model import Assessment, Direction, PastTerm, PastTermRow
from chitieu.catalog.text import fold
from chitieu.ingest.codes import direction_for, find_concept
from chitieu.quantity import (
    NumberContext,
    Target,
    TargetKind,
    parse_number,
    parse_target,
    resolve_number,
)

CANNOT_ASSESS = "Không đánh giá được"
# Best first: the order of the official scale.
RANKING = (
    Assessment.EXCEEDED,
    Assessment.ACHIEVED,
    Assessment.BASICALLY_ACHIEVED,
    Assessment.NOT_ACHIEVED,
)
_OFFICIAL_WORDS = {
    fold("Vượt"): Assessment.EXCEEDED,
    fold("Đạt"): Assessment.ACHIEVED,
    fold("Cơ bản đạt"): Assessment.BASICALLY_ACHIEVED,
    fold("Không đạt"): Assessment.NOT_ACHIEVED,
    # 1A writes "Chưa đạt" for a finished period; 1B writes "Không đạt" for the same.
    fold("Chưa đạt"): Assessment.NOT_ACHIEVED,
}
_SHORTFALL = (Assessment.BASICALLY_ACHIEVED, Assessment.NOT_ACHIEVED)
_POINT_RESULTS = (TargetKind.POINT, TargetKind.APPROX, TargetKind.RATIO)
_STEP = Decimal("0.0001")  # how far past a row's own score an alternative threshold is set


def official_status(word: str | None) -> Assessment | None:
    """The official word as a status; 'Chưa đạt' of a finished term reads as Không đạt.

    >>> official_status("Chưa đạt").label
    'Không đạt'
    >>> official_status(None) is None, official_status("ghi chú") is None
    (True, True)
    """
    return _OFFICIAL_WORDS.get(fold(word)) if word else None


@dataclass(frozen=True)
class ValueResolution:
    """An ambiguous result cell settled (or not) by the row's target and its column."""

    table: str
    stt: str
    indicator: str
    line: int | None
    text: str
    readings: tuple[Decimal, ...]
    value: Decimal | None  # None: the context did not settle it
    reason: str


@dataclass(frozen=True)
class Cause:
    """The likely reason a row's computed status differs from the official word."""

    kind: str  # rounding | tolerance | exceed_margin | cap_at_100 | max_can_exceed
    #            | inconsistent | unexplained
    text: str  # Vietnamese
    breaks: tuple[int, ...] = ()  # lines of other rows the fixing alternative would break


@dataclass(frozen=True)
class AuditRow:
    table: str
    stt: str
    parent_stt: str | None
    group: str | None
    indicator: str
    line: int | None
    target_text: str
    result_text: str
    official: str | None  # verbatim
    computed: Assessment | None  # None: cannot assess (see reason)
    agree: bool | None  # None: no official word, or nothing computed
    reason: str
    value: Decimal | None = None  # the result compared
    direction: Direction | None = None
    score: Decimal | None = None
    possible: tuple[Assessment, ...] = ()  # a result written as a bound: the statuses it allows
    cause: Cause | None = None

    @property
    def official_status(self) -> Assessment | None:
        return official_status(self.official)

    @property
    def computed_label(self) -> str:
        return self.computed.label if self.computed is not None else CANNOT_ASSESS

    @property
    def ref(self) -> str:
        """'dòng 979 (Bảo hiểm xã hội)'."""
        return f"dòng {self.line} ({self.indicator})"


@dataclass(frozen=True)
class Audit:
    rows: tuple[AuditRow, ...]
    resolutions: tuple[ValueResolution, ...]
    rules: Rules

    @property
    def agreement(self) -> tuple[int, int]:
        """(rows that agree, rows with both an official word and a computed status)."""
        judged = [row for row in self.rows if row.agree is not None]
        return sum(1 for row in judged if row.agree), len(judged)

    def disagreements(self) -> tuple[AuditRow, ...]:
        return tuple(row for row in self.rows if row.agree is False)


@dataclass(frozen=True)
class _Case:
    """What one row compares: its value against its target, in its direction."""

    row: PastTermRow
    target: Target
    value: Decimal
    direction: Direction
    note: str = ""  # how an ambiguous result was settled


def audit_terms(terms: Sequence[PastTerm], rules: Rules = DEFAULT_RULES) -> Audit:
    """Audit every row of every past term's table."""
    resolutions: list[ValueResolution] = []
    prepared: list[tuple[PastTermRow, _Case | AuditRow]] = []
    for term in terms:
        names = {row.stt: row.indicator for row in term.rows if row.parent_stt is None}
        for row in term.rows:
            resolution = resolve_result(row, term.rows) if row.result_readings else None
            if resolution is not None:
                resolutions.append(resolution)
            parent = names.get(row.parent_stt) if row.parent_stt else None
            prepared.append((row, _prepare(row, parent, resolution, rules)))
    cases = [item for _, item in prepared if isinstance(item, _Case)]
    rows = tuple(
        item if isinstance(item, AuditRow) else _judge(item, cases, rules) for _, item in prepared
    )
    return Audit(rows, tuple(resolutions), rules)


def resolve_result(row: PastTermRow, rows: Sequence[PastTermRow]) -> ValueResolution:
    """Settle an ambiguous result with the row's target and the column's other values in
    the same unit (chitieu.quantity.resolve_number)."""
    neighbours = tuple(
        other.result_value
        for other in rows
        if other is not row and other.unit == row.unit and other.result_value is not None
    )
    expected = _expected(row.target)
    resolution = resolve_number(
        parse_number(row.result_text), NumberContext(neighbours=neighbours, expected=expected)
    )
    return ValueResolution(
        row.table,
        row.stt,
        row.indicator,
        row.source.line,
        row.result_text,
        row.result_readings,
        resolution.value,
        resolution.reason,
    )


def direction_of(row: PastTermRow, parent: str | None) -> Direction:
    """The row's direction from the indicator lexicon; a ratio target is the share of a
    reduction achieved (30/77 of poor households), so more is better."""
    if row.target is not None and row.target.kind is TargetKind.RATIO:
        return Direction.HIGHER
    concept = find_concept(parent) if parent else None
    return direction_for(row.indicator, parent=concept.code if concept else None)


def _expected(target: Target | None) -> Decimal | None:
    if target is None or target.kind in (TargetKind.TEXT, TargetKind.RANK):
        return None
    if target.low is not None and target.high is not None:
        return (target.low + target.high) / 2
    return target.low if target.low is not None else target.high


def _prepare(
    row: PastTermRow, parent: str | None, resolution: ValueResolution | None, rules: Rules
) -> _Case | AuditRow:
    """The comparison to make, or the audit row saying why there is none."""
    target = row.target
    if target is None:
        if not row.result_text:
            return _cannot(row, "Dòng tiêu đề của nhóm: không có mục tiêu và kết quả.")
        return _cannot(row, f"Bảng không ghi mục tiêu nên không so được kết quả {row.result_text}.")
    if target.kind is TargetKind.TEXT:
        return _cannot(row, "Mục tiêu định tính: cần người đánh giá.")
    if target.ambiguous:
        return _cannot(row, f"Mục tiêu '{row.target_text}' đọc được nhiều cách, chưa so sánh.")
    direction = direction_of(row, parent)
    if not row.result_text:
        return _cannot(row, "Bảng không ghi kết quả thực hiện.", direction=direction)
    if resolution is not None:
        if resolution.value is None:
            return _cannot(row, resolution.reason, direction=direction)
        note = (
            f"Ô kết quả '{row.result_text}' đọc được hai cách; theo mục tiêu và các ô cùng cột "
            f"lấy {format_number(resolution.value)}. "
        )
        return _Case(row, target, resolution.value, direction, note)
    if row.result_value is not None:
        return _Case(row, target, row.result_value, direction)
    written = _result_expression(row)
    if written is None:
        return _cannot(row, f"Kết quả '{row.result_text}' không đọc được thành số.")
    if written.kind in _POINT_RESULTS and not written.ambiguous:
        return _Case(row, target, target_point(written), direction)
    if written.kind in (TargetKind.MIN, TargetKind.MAX):
        return _bound_result(row, target, written, direction, rules)
    return _cannot(row, f"Kết quả '{row.result_text}' không phải một số.", direction=direction)


def _result_expression(row: PastTermRow) -> Target | None:
    """A result that is not a plain number ('> 90', '30/77') read as an expression."""
    try:
        return parse_target(row.result_text, unit=row.unit)
    except ValueError:
        return None


def _cannot(row: PastTermRow, reason: str, *, direction: Direction | None = None) -> AuditRow:
    return _row(row, None, None, reason, direction=direction)


def _row(
    row: PastTermRow,
    computed: Assessment | None,
    agree: bool | None,
    reason: str,
    **extra: object,
) -> AuditRow:
    return AuditRow(
        table=row.table,
        stt=row.stt,
        parent_stt=row.parent_stt,
        group=row.group,
        indicator=row.indicator,
        line=row.source.line,
        target_text=row.target_text,
        result_text=row.result_text,
        official=row.official_assessment,
        computed=computed,
        agree=agree,
        reason=reason,
        **extra,  # type: ignore[arg-type]
    )


def _bound_result(
    row: PastTermRow, target: Target, written: Target, direction: Direction, rules: Rules
) -> AuditRow:
    """A result written as '> 90': the statuses every value it allows would get."""
    possible = possible_statuses(target, written, direction, rules)
    labels = " hoặc ".join(status.label for status in possible)
    reason = (
        f"Kết quả chỉ ghi '{row.result_text}' (một ngưỡng, không phải một số): so với mục "
        f"tiêu {row.target_text}, kết quả có thể là {labels} nên không xác định được một mức"
    )
    threshold = _exceed_threshold(target, direction, rules)
    if Assessment.EXCEEDED in possible and len(possible) > 1 and threshold is not None:
        reason += f" (Vượt nếu từ {format_number(threshold)} trở lên)"
    official = official_status(row.official_assessment)
    if official is not None:
        inside = "nằm trong" if official in possible else "không nằm trong"
        reason += f"; đánh giá chính thức '{row.official_assessment}' {inside} các khả năng đó"
    return _row(row, None, None, reason + ".", direction=direction, possible=possible)


def possible_statuses(
    target: Target, written: Target, direction: Direction, rules: Rules
) -> tuple[Assessment, ...]:
    """The statuses of the values a bound result allows ('> 90': anything above 90)."""
    if written.kind is TargetKind.MIN and written.low is not None:
        bound = written.low
        steps = [Decimal(k) for k in ("0.001", "0.005", "0.01", "0.02", "0.05", "0.1", "0.5", "1")]
        nudge = max(abs(bound), Decimal(1)) * Decimal("1e-9")
        first = bound if written.low_inclusive else bound + nudge
        values = [first, *(bound + abs(bound) * k for k in steps), bound + 10 * abs(bound) + 1]
    elif written.kind is TargetKind.MAX and written.high is not None:
        bound = written.high
        steps = [Decimal(k) for k in ("0.001", "0.005", "0.01", "0.02", "0.05", "0.1", "0.5")]
        nudge = max(abs(bound), Decimal(1)) * Decimal("1e-9")
        first = bound if written.high_inclusive else bound - nudge
        values = [first, *(bound - abs(bound) * k for k in steps)]
    else:
        return ()
    found = {compare(value, target, direction, rules).status for value in values}
    return tuple(status for status in RANKING if status in found)


def _exceed_threshold(target: Target, direction: Direction, rules: Rules) -> Decimal | None:
    if direction is not Direction.HIGHER or target.kind not in (TargetKind.POINT, TargetKind.MIN):
        return None
    bound = target.low
    return None if bound is None else bound * (1 + rules.exceed_margin)


def _status(case: _Case, rules: Rules) -> Comparison:
    return compare(case.value, case.target, case.direction, rules)


def _agrees(case: _Case, rules: Rules) -> bool | None:
    official = official_status(case.row.official_assessment)
    if official is None:
        return None
    return _status(case, rules).status is official


def _judge(case: _Case, cases: Sequence[_Case], rules: Rules) -> AuditRow:
    comparison = _status(case, rules)
    official = official_status(case.row.official_assessment)
    agree = None if official is None else comparison.status is official
    reason = case.note + (
        f"Kết quả {show_value(case.value, case.target, rules)} "
        f"{comparison_clause(comparison, case.target, rules)}."
    )
    if case.row.official_assessment and fold(case.row.official_assessment) == fold("Chưa đạt"):
        reason += " Bảng ghi 'Chưa đạt' cho nhiệm kỳ đã kết thúc, tính như Không đạt."
    cause = likely_cause(case, cases, rules) if agree is False else None
    return _row(
        case.row,
        comparison.status,
        agree,
        reason,
        value=case.value,
        direction=case.direction,
        score=comparison.ratio,
        cause=cause,
    )


# -- why a row disagrees ---------------------------------------------------------------


def likely_cause(case: _Case, cases: Sequence[_Case], rules: Rules) -> Cause:
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
        if _status(case, variant).status is not official:
            continue
        breaks = tuple(
            other.row.source.line or 0
            for other in cases
            if other is not case and _agrees(other, rules) and _agrees(other, variant) is False
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


def _rounded_to_target(case: _Case) -> Decimal | None:
    """The result rounded to as many decimals as the target is written with."""
    bound = case.target.low if case.target.low is not None else case.target.high
    if bound is None or case.target.kind is TargetKind.RATIO:
        return None
    exponent = bound.as_tuple().exponent
    places = max(0, -exponent) if isinstance(exponent, int) else 0
    return case.value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _variants(case: _Case, rules: Rules) -> list[tuple[str, Rules, str]]:
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
