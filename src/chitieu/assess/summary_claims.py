"""The report's own summary counts ("hoàn thành vượt 12/19 nhóm chỉ tiêu") checked
against its results tables.

The statements are found by chitieu.assess.summary_statements (re-exported here). The
table is the one whose locality the sentence names, else the one with M groups (or M
rows). Each statement is checked on its own: the official words of the table are
counted under each rule of chitieu.assess.counting; a statement that holds under some
rules and not others is said to, with the rules named, and "Không khớp" is kept for one
that no rule supports.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from chitieu.assess.audit import RANKING
from chitieu.assess.counting import COUNTING_RULES, EACH, CountingRule, Tally
from chitieu.assess.rollup import GroupRollup, RollupRule
from chitieu.assess.summary_statements import (
    CATEGORY_LABELS,
    CATEGORY_STATUSES,
    Category,
    CountStatement,
    find_statements,
    locality_keys,
    statements_from_claims,
    statements_in,
)
from chitieu.catalog.model import Assessment

__all__ = [
    "CATEGORY_LABELS",
    "CATEGORY_STATUSES",
    "Category",
    "ClaimCheck",
    "CountStatement",
    "Verdict",
    "check",
    "check_statements",
    "find_statements",
    "locality_keys",
    "statements_from_claims",
    "statements_in",
]


class Verdict(StrEnum):
    AGREES = "agrees"  # under every counting rule
    DEPENDS = "depends on rule"  # under some rules, not others
    DISAGREES = "disagrees"  # under none
    CANNOT_CHECK = "cannot check"

    @property
    def label(self) -> str:
        return _VERDICT_LABELS[self]


_VERDICT_LABELS = {
    Verdict.AGREES: "Khớp",
    Verdict.DEPENDS: "Khớp theo một cách tính",
    Verdict.DISAGREES: "Không khớp",
    Verdict.CANNOT_CHECK: "Không kiểm tra được",
}


@dataclass(frozen=True)
class ClaimCheck:
    statement: CountStatement
    table: str | None
    verdict: Verdict
    detail: str  # Vietnamese
    tallies: tuple[Tally, ...] = ()  # the official words counted under each rule
    computed: tuple[Tally, ...] = ()  # the statuses the system computes, the same way
    holds_under: tuple[CountingRule, ...] = ()

    def tally(self, rule: CountingRule) -> Tally:
        return next(t for t in self.tallies if t.rule == rule)


def check_statements(
    statements: Sequence[CountStatement],
    groups: Sequence[GroupRollup],
    tables_by_locality: dict[str, str],
) -> tuple[ClaimCheck, ...]:
    return tuple(check(s, groups, tables_by_locality) for s in statements)


def check(
    statement: CountStatement,
    groups: Sequence[GroupRollup],
    tables_by_locality: dict[str, str],
) -> ClaimCheck:
    """Check one statement against the groups of its table under every counting rule:
    it agrees when every rule gives its count, depends on the rule when some do, and
    disagrees when none does."""
    table = _table_for(statement, groups, tables_by_locality)
    if table is None:
        return ClaimCheck(
            statement,
            None,
            Verdict.CANNOT_CHECK,
            f"Không xác định được câu {statement.count}/{statement.total} nói về bảng nào.",
        )
    own = [group for group in groups if group.table == table]
    wanted = CATEGORY_STATUSES[statement.category]
    tallies = tuple(rule.tally(own, wanted) for rule in COUNTING_RULES)
    computed = tuple(rule.tally(own, wanted, "computed") for rule in COUNTING_RULES)
    holds = tuple(t.rule for t in tallies if t.matches(statement.count, statement.total))
    if len(holds) == len(COUNTING_RULES):
        verdict = Verdict.AGREES
    else:
        verdict = Verdict.DEPENDS if holds else Verdict.DISAGREES
    detail = " ".join(
        part
        for part in (
            _verdict_sentence(statement, table, own, tallies, holds),
            _differences(own, holds),
            _computed_note(own, statement, computed, holds),
        )
        if part
    )
    return ClaimCheck(statement, table, verdict, detail, tallies, computed, holds)


def _table_for(
    statement: CountStatement, groups: Sequence[GroupRollup], tables: dict[str, str]
) -> str | None:
    if statement.locality is not None and statement.locality in tables:
        return tables[statement.locality]
    tables_of = sorted({group.table for group in groups})
    for rule in (COUNTING_RULES[0], EACH):  # a table with that many groups, else rows
        sizes = {
            t: rule.tally([g for g in groups if g.table == t], frozenset()).total for t in tables_of
        }
        matching = [table for table, size in sizes.items() if size == statement.total]
        if matching:
            return matching[0] if len(matching) == 1 else None
    return None


def _said(tally: Tally) -> str:
    """'theo chỉ tiêu kém nhất 6/19 nhóm', 'tính từng chỉ tiêu thì 17/35 chỉ tiêu'."""
    if tally.rule is EACH:
        return f"tính từng chỉ tiêu thì {tally.fraction} chỉ tiêu"
    return f"{tally.rule.name.lower()} {tally.fraction} nhóm"


def _said_all(tallies: Sequence[Tally]) -> str:
    """Like _said for each, the group rules merged when they all give the same count."""
    grouped = [t for t in tallies if t.rule.rollup is not None]
    if len(grouped) > 1 and len({t.fraction for t in grouped}) == 1:
        rest = [_said(t) for t in tallies if t.rule.rollup is None]
        return "; ".join([f"mọi cách gộp nhóm {grouped[0].fraction} nhóm", *rest])
    return "; ".join(_said(t) for t in tallies)


def _members(tally: Tally) -> str:
    if not tally.members:
        return "không có"
    prefix = "nhóm " if tally.rule.rollup is not None else ""
    return prefix + ", ".join(tally.members)


def _verdict_sentence(
    statement: CountStatement,
    table: str,
    groups: Sequence[GroupRollup],
    tallies: tuple[Tally, ...],
    holds: tuple[CountingRule, ...],
) -> str:
    label = CATEGORY_LABELS[statement.category]
    said = f"{statement.count}/{statement.total}"
    others = [_said(t) for t in tallies if t.rule not in holds]
    if not holds:
        rows = next(t.total for t in tallies if t.rule is EACH)
        size = (
            f"Bảng {table} có {len(groups)} nhóm, {rows} chỉ tiêu có đánh giá; "
            if statement.total not in (len(groups), rows)
            else f"Bảng {table}: "
        )
        return f"{size}không cách tính nào cho ra {said} {label}: " + "; ".join(others) + "."
    first = next(t for t in tallies if t.rule == holds[0])
    if not others:
        return f"Bảng {table}: khớp theo mọi cách tính, {said} {label} ({_members(first)})."
    conditions = " hoặc ".join(rule.condition for rule in holds)
    return (
        f"Bảng {table}: khớp nếu {conditions} ({said} {label}: {_members(first)}); "
        "theo cách tính khác thì không: " + "; ".join(others) + "."
    )


def _differences(groups: Sequence[GroupRollup], holds: tuple[CountingRule, ...]) -> str:
    """The groups that a rule the statement holds under rates otherwise than the strictest
    rule that it does not hold under, each with the rows that pull it down."""
    held = [rule for rule in holds if rule.rollup is not None]
    missed = [r for r in COUNTING_RULES if r not in holds and r.rollup is not None]
    if not held or not missed:
        return ""
    rule, other = held[0], missed[-1]
    assert rule.rollup is not None and other.rollup is not None
    notes = []
    for group in groups:
        first, second = group.status(rule.rollup), group.status(other.rollup)
        if first is second or first is None or second is None:
            continue
        note = f"nhóm {group.stt} ({_short(rule)}: {first.label}, {_short(other)}: {second.label}"
        better = min((first, second), key=_rank)
        below = [
            f"{row.ref} {row.official}"
            for row in group.rows_below(better)
            if row.official_status in CATEGORY_STATUSES[Category.UNFINISHED]
        ]
        if below:
            note += "; do " + ", ".join(below)
        notes.append(note + ")")
    return "Hai cách tính khác nhau ở " + "; ".join(notes) + "." if notes else ""


def _short(rule: CountingRule) -> str:
    return rule.name.lower().removeprefix("theo ")


def _rank(status: Assessment) -> int:
    return RANKING.index(status) if status in RANKING else len(RANKING)


def _computed_note(
    groups: Sequence[GroupRollup],
    statement: CountStatement,
    computed: tuple[Tally, ...],
    holds: tuple[CountingRule, ...],
) -> str:
    """What the system's own assessment gives under the rules the statement holds under
    (all rules when it holds under none)."""
    shown = [t for t in computed if t.rule in holds] or list(computed)
    note = (
        f"Theo đánh giá tính lại bằng quy tắc của hệ thống ({CATEGORY_LABELS[statement.category]}): "
        + _said_all(shown)
    )
    missing = [g for g in groups if g.status(RollupRule.STRICT, "computed") is None]
    if missing:
        note += "; không đánh giá được nhóm " + ", ".join(g.stt for g in missing)
    return note + "."
