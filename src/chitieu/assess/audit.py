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
from dataclasses import dataclass
from decimal import Decimal

from chitieu.assess._vi_number import format_number
from chitieu.assess.audit_causes import Case, Cause, likely_cause, status_of
from chitieu.assess.compare import compare, target_point
from chitieu.assess.explain import comparison_clause, show_value
from chitieu.assess.official import RANKING, official_status
from chitieu.assess.rules import DEFAULT_RULES, Rules
from chitieu.catalog.model import Assessment, Direction, PastTerm, PastTermRow
from chitieu.catalog.text import fold
from chitieu.ingest.codes import direction_for, find_concept
from chitieu.ingest.past_terms import settle_result
from chitieu.quantity import (
    Target,
    TargetKind,
    parse_target,
)

__all__ = [  # the audit's public names, wherever they are defined
    "CANNOT_ASSESS",
    "RANKING",
    "Audit",
    "AuditRow",
    "Cause",
    "ValueResolution",
    "audit_terms",
    "direction_of",
    "likely_cause",
    "official_status",
    "possible_statuses",
    "resolve_result",
]

CANNOT_ASSESS = "Không đánh giá được"
_POINT_RESULTS = (TargetKind.POINT, TargetKind.APPROX, TargetKind.RATIO)


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


def audit_terms(terms: Sequence[PastTerm], rules: Rules = DEFAULT_RULES) -> Audit:
    """Audit every row of every past term's table."""
    resolutions: list[ValueResolution] = []
    prepared: list[tuple[PastTermRow, Case | AuditRow]] = []
    for term in terms:
        names = {row.stt: row.indicator for row in term.rows if row.parent_stt is None}
        for row in term.rows:
            resolution = resolve_result(row, term.rows) if row.result_readings else None
            if resolution is not None:
                resolutions.append(resolution)
            parent = names.get(row.parent_stt) if row.parent_stt else None
            prepared.append((row, _prepare(row, parent, resolution, rules)))
    cases = [item for _, item in prepared if isinstance(item, Case)]
    rows = tuple(
        item if isinstance(item, AuditRow) else _judge(item, cases, rules) for _, item in prepared
    )
    return Audit(rows, tuple(resolutions), rules)


def resolve_result(row: PastTermRow, rows: Sequence[PastTermRow]) -> ValueResolution:
    """Settle an ambiguous result with the row's target and the column's other values in
    the same unit (chitieu.ingest.past_terms.settle_result, the review's rule)."""
    resolution = settle_result(row, rows)
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


def _prepare(
    row: PastTermRow, parent: str | None, resolution: ValueResolution | None, rules: Rules
) -> Case | AuditRow:
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
        return Case(row, target, resolution.value, direction, note)
    if row.result_value is not None:
        return Case(row, target, row.result_value, direction)
    written = _result_expression(row)
    if written is None:
        return _cannot(row, f"Kết quả '{row.result_text}' không đọc được thành số.")
    if written.kind in _POINT_RESULTS and not written.ambiguous:
        return Case(row, target, target_point(written), direction)
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


def _judge(case: Case, cases: Sequence[Case], rules: Rules) -> AuditRow:
    comparison = status_of(case, rules)
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
