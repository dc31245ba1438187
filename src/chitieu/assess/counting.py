"""The ways a summary sentence may count a results table ("12/19 nhóm chỉ tiêu vượt").

A report counts groups of indicators (nhóm chỉ tiêu) or single indicators, and a group
with rows of different words counts one way or another depending on who counts. Each
reasonable way is a named rule; a summary sentence is checked under every one of them,
so the audit can say "khớp nếu nhóm được tính theo chỉ tiêu tốt nhất; tính từng chỉ
tiêu thì 17/35" instead of one bare verdict.

| code | name | what is counted |
|---|---|---|
| lenient | theo chỉ tiêu tốt nhất | groups, each as good as its best row |
| head | theo chỉ tiêu chính | groups, each by its numbered row (else its worst sub-row) |
| majority | theo đa số | groups, each by the most frequent word (a tie: the worse) |
| strict | theo chỉ tiêu kém nhất | groups, each as good as its worst row |
| each | từng chỉ tiêu | every row with a word, sub-rows included, on its own |
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from chitieu.assess.audit import AuditRow
from chitieu.assess.rollup import Basis, GroupRollup, RollupRule, count
from chitieu.catalog.model import Assessment


@dataclass(frozen=True)
class CountingRule:
    code: str
    name: str  # a column heading: "Theo chỉ tiêu tốt nhất"
    condition: str  # after "khớp nếu": "nhóm được tính theo chỉ tiêu tốt nhất"
    description: str  # one sentence for the rules table
    rollup: RollupRule | None  # None: rows are counted one by one, not groups

    @property
    def noun(self) -> str:
        return "nhóm" if self.rollup is not None else "chỉ tiêu"

    def tally(
        self,
        groups: Sequence[GroupRollup],
        wanted: frozenset[Assessment],
        basis: Basis = "official",
    ) -> Tally:
        """What this rule counts among `groups` (all of one table)."""
        if self.rollup is not None:
            chosen = count(groups, wanted, self.rollup, basis)
            return Tally(self, len(chosen), len(groups), tuple(g.stt for g in chosen))
        rows = [row for group in groups for row in group.rows if _status(row, basis) is not None]
        chosen_rows = [row for row in rows if _status(row, basis) in wanted]
        return Tally(self, len(chosen_rows), len(rows), tuple(_row_name(r) for r in chosen_rows))


@dataclass(frozen=True)
class Tally:
    rule: CountingRule
    count: int
    total: int
    members: tuple[str, ...]  # the groups' numbers, or the rows' lines, that were counted

    @property
    def fraction(self) -> str:
        return f"{self.count}/{self.total}"

    def matches(self, count: int, total: int) -> bool:
        return (self.count, self.total) == (count, total)


def _status(row: AuditRow, basis: Basis) -> Assessment | None:
    return row.official_status if basis == "official" else row.computed


def _row_name(row: AuditRow) -> str:
    return f"dòng {row.line}" if row.line is not None else row.stt


LENIENT = CountingRule(
    "lenient",
    "Theo chỉ tiêu tốt nhất",
    "nhóm được tính theo chỉ tiêu tốt nhất của nhóm",
    "Mỗi nhóm được xếp theo chỉ tiêu tốt nhất trong nhóm: một chỉ tiêu Vượt là cả nhóm Vượt.",
    RollupRule.LENIENT,
)
HEAD = CountingRule(
    "head",
    "Theo chỉ tiêu chính",
    "nhóm được tính theo chỉ tiêu chính (dòng có số thứ tự)",
    "Mỗi nhóm được xếp theo đánh giá của dòng có số thứ tự; dòng đó không có đánh giá thì "
    "theo chỉ tiêu con kém nhất.",
    RollupRule.HEAD,
)
MAJORITY = CountingRule(
    "majority",
    "Theo đa số",
    "nhóm được tính theo mức của đa số chỉ tiêu trong nhóm",
    "Mỗi nhóm được xếp theo mức có nhiều chỉ tiêu nhất trong nhóm; bằng nhau thì lấy mức kém hơn.",
    RollupRule.MAJORITY,
)
STRICT = CountingRule(
    "strict",
    "Theo chỉ tiêu kém nhất",
    "nhóm được tính theo chỉ tiêu kém nhất của nhóm",
    "Mỗi nhóm được xếp theo chỉ tiêu kém nhất trong nhóm: nhóm chỉ Vượt khi mọi chỉ tiêu "
    "của nhóm đều Vượt.",
    RollupRule.STRICT,
)
EACH = CountingRule(
    "each",
    "Từng chỉ tiêu",
    "mỗi chỉ tiêu, kể cả chỉ tiêu con, được tính riêng",
    "Không gộp nhóm: mỗi chỉ tiêu có đánh giá, kể cả chỉ tiêu con, được tính là một.",
    None,
)
COUNTING_RULES: tuple[CountingRule, ...] = (LENIENT, HEAD, MAJORITY, STRICT, EACH)


def rule_by_code(code: str) -> CountingRule:
    """The rule of a code, as the JSON report writes it.

    >>> rule_by_code("each").name
    'Từng chỉ tiêu'
    """
    for rule in COUNTING_RULES:
        if rule.code == code:
            return rule
    raise ValueError(f"Không có cách tính “{code}”.")
