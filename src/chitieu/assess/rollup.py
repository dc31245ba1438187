"""Roll the rows of a results table up into its indicator groups (nhóm chỉ tiêu).

A group is a numbered row with the unnumbered sub-rows below it (Phụ lục 1A, group 11
"Tỷ lệ bao phủ bảo hiểm" = "Bảo hiểm y tế" + "Bảo hiểm xã hội"); a table without
sub-rows (Phụ lục 1B) has one row per group. How a group with mixed rows counts is a
rule, and the audit tries each:

- strict (the default): a group is as good as its worst assessed row;
- head: the numbered row's own word when it has one, else the worst sub-row;
- majority: the most frequent word among its rows, a tie going to the worse word;
- lenient: a group is as good as its best row (one "Vượt" row makes the group "Vượt").

Rows without a status (no official word, or nothing computed) do not count.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from chitieu.assess.audit import RANKING, AuditRow
from chitieu.catalog.model import Assessment


class RollupRule(StrEnum):
    STRICT = "strict"
    HEAD = "head"
    MAJORITY = "majority"
    LENIENT = "lenient"

    @property
    def label(self) -> str:
        return _RULE_LABELS[self]

    @property
    def description(self) -> str:
        return _RULE_DESCRIPTIONS[self]


_RULE_LABELS = {
    RollupRule.STRICT: "nghiêm",
    RollupRule.HEAD: "dòng chính",
    RollupRule.MAJORITY: "đa số",
    RollupRule.LENIENT: "dễ",
}
_RULE_DESCRIPTIONS = {
    RollupRule.STRICT: "nhóm được xếp theo dòng kém nhất của nhóm",
    RollupRule.HEAD: "nhóm theo đánh giá của dòng có số thứ tự; nếu dòng đó không có "
    "đánh giá thì theo dòng con kém nhất",
    RollupRule.MAJORITY: "nhóm theo mức có nhiều dòng nhất; hòa thì lấy mức kém hơn",
    RollupRule.LENIENT: "nhóm được xếp theo dòng tốt nhất (một dòng Vượt là cả nhóm Vượt)",
}
DEFAULT_RULE = RollupRule.STRICT
Basis = str  # "official" (the table's words) or "computed" (our rules)
BASES: tuple[Basis, ...] = ("official", "computed")


@dataclass(frozen=True)
class GroupRollup:
    table: str
    stt: str
    indicator: str
    rows: tuple[AuditRow, ...]  # the numbered row first, then its sub-rows

    @property
    def head(self) -> AuditRow:
        return self.rows[0]

    def statuses(self, basis: Basis) -> tuple[Assessment, ...]:
        """The statuses of the rows that have one, in row order."""
        found = (_row_status(row, basis) for row in self.rows)
        return tuple(status for status in found if status is not None)

    def status(self, rule: RollupRule, basis: Basis = "official") -> Assessment | None:
        return roll_up(self.statuses(basis), _row_status(self.head, basis), rule)

    def mixed(self, basis: Basis = "official") -> bool:
        return len(set(self.statuses(basis))) > 1

    def rows_below(self, status: Assessment, basis: Basis = "official") -> tuple[AuditRow, ...]:
        """The rows whose status is worse than `status`."""
        limit = RANKING.index(status)
        return tuple(
            row
            for row in self.rows
            if (found := _row_status(row, basis)) is not None and RANKING.index(found) > limit
        )


def _row_status(row: AuditRow, basis: Basis) -> Assessment | None:
    return row.official_status if basis == "official" else row.computed


def roll_up(
    statuses: Sequence[Assessment], head: Assessment | None, rule: RollupRule
) -> Assessment | None:
    """One status for a group from its rows' statuses under `rule`.

    >>> V, D, K = Assessment.EXCEEDED, Assessment.ACHIEVED, Assessment.NOT_ACHIEVED
    >>> [roll_up((V, K), None, rule).label for rule in RollupRule]
    ['Không đạt', 'Không đạt', 'Không đạt', 'Vượt']
    >>> roll_up((V, D, D), V, RollupRule.HEAD).label
    'Vượt'
    """
    if not statuses:
        return None
    return _RULES[rule](statuses, head)


def _worst(statuses: Sequence[Assessment], head: Assessment | None) -> Assessment:
    return max(statuses, key=RANKING.index)


def _best(statuses: Sequence[Assessment], head: Assessment | None) -> Assessment:
    return min(statuses, key=RANKING.index)


def _head(statuses: Sequence[Assessment], head: Assessment | None) -> Assessment:
    return head if head is not None else _worst(statuses, None)


def _majority(statuses: Sequence[Assessment], head: Assessment | None) -> Assessment:
    counts = Counter(statuses)
    top = max(counts.values())
    return _worst([status for status, count in counts.items() if count == top], None)


_RULES: dict[RollupRule, Callable[[Sequence[Assessment], Assessment | None], Assessment]] = {
    RollupRule.STRICT: _worst,
    RollupRule.HEAD: _head,
    RollupRule.MAJORITY: _majority,
    RollupRule.LENIENT: _best,
}


def group_rows(rows: Sequence[AuditRow]) -> tuple[GroupRollup, ...]:
    """The groups of each table: a numbered row and the sub-rows that name it as parent."""
    groups: list[GroupRollup] = []
    for row in rows:
        if row.parent_stt is not None or not row.stt:
            continue
        members = tuple(r for r in rows if r.table == row.table and r.parent_stt == row.stt)
        groups.append(GroupRollup(row.table, row.stt, row.indicator, (row, *members)))
    return tuple(groups)


def count(
    groups: Sequence[GroupRollup],
    statuses: frozenset[Assessment],
    rule: RollupRule,
    basis: Basis = "official",
) -> tuple[GroupRollup, ...]:
    """The groups whose rolled-up status is one of `statuses`."""
    return tuple(group for group in groups if group.status(rule, basis) in statuses)
