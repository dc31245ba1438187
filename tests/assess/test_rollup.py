"""Rolling rows up into indicator groups under each rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from chitieu.assess.audit import AuditRow, audit_terms
from chitieu.assess.rollup import GroupRollup, RollupRule, count, group_rows, roll_up
from chitieu.catalog.model import Assessment
from chitieu.ingest import read_document
from chitieu.ingest.past_terms import read_past_term

A = Assessment
V, D, C, K = A.EXCEEDED, A.ACHIEVED, A.BASICALLY_ACHIEVED, A.NOT_ACHIEVED
R = RollupRule


@pytest.fixture(scope="module")
def groups(seed_path: Path) -> tuple[GroupRollup, ...]:
    document = read_document(seed_path)
    terms = [
        read_past_term(document.table(title), document=document.name, former=True)
        for title in ("PHỤ LỤC 1A", "PHỤ LỤC 1B")
    ]
    return group_rows(audit_terms(terms).rows)


def _group(groups: tuple[GroupRollup, ...], table: str, stt: str) -> GroupRollup:
    return next(g for g in groups if (g.table, g.stt) == (table, stt))


def test_1a_has_19_groups_and_1b_has_20(groups: tuple[GroupRollup, ...]) -> None:
    assert [sum(g.table == t for g in groups) for t in ("1A", "1B")] == [19, 20]


def test_a_group_holds_its_numbered_row_and_sub_rows(groups: tuple[GroupRollup, ...]) -> None:
    assert [r.line for r in _group(groups, "1A", "11").rows] == [965, 972, 979]


@pytest.mark.parametrize(
    ("stt", "expected"),
    [
        ("11", {R.STRICT: K, R.HEAD: K, R.MAJORITY: K, R.LENIENT: V}),  # Vượt + Chưa đạt
        ("18", {R.STRICT: C, R.HEAD: V, R.MAJORITY: C, R.LENIENT: V}),  # Vượt + Cơ bản đạt
        ("1", {R.STRICT: D, R.HEAD: V, R.MAJORITY: D, R.LENIENT: V}),  # head Vượt, 3 Đạt
        ("6", {R.STRICT: D, R.HEAD: D, R.MAJORITY: D, R.LENIENT: V}),  # Vượt + Đạt, no head word
    ],
)
def test_mixed_1a_groups_under_each_rule(
    groups: tuple[GroupRollup, ...], stt: str, expected: dict[RollupRule, A]
) -> None:
    group = _group(groups, "1A", stt)
    assert {rule: group.status(rule) for rule in RollupRule} == expected


@pytest.mark.parametrize(
    ("rule", "exceeded", "achieved"),
    [(R.STRICT, 6, 11), (R.HEAD, 8, 10), (R.MAJORITY, 6, 11), (R.LENIENT, 12, 7)],
)
def test_1a_counts_per_rule(
    groups: tuple[GroupRollup, ...], rule: RollupRule, exceeded: int, achieved: int
) -> None:
    own = [g for g in groups if g.table == "1A"]
    assert len(count(own, frozenset({V}), rule)) == exceeded
    assert len(count(own, frozenset({D}), rule)) == achieved


def test_computed_roll_up_counts_sub_rows_without_an_official_word(
    groups: tuple[GroupRollup, ...],
) -> None:
    # "Thu thuế xuất nhập khẩu" 5.000 -> 4.300 has no word but misses by 14%.
    assert _group(groups, "1A", "5").status(R.STRICT, "computed") is K
    assert _group(groups, "1A", "5").status(R.STRICT) is V


def test_rows_below_names_the_rows_that_pull_a_group_down(
    groups: tuple[GroupRollup, ...],
) -> None:
    rows: tuple[AuditRow, ...] = _group(groups, "1A", "11").rows_below(V)
    assert [r.line for r in rows] == [979]


@pytest.mark.parametrize("rule", list(RollupRule))
def test_a_group_without_statuses_has_none(rule: RollupRule) -> None:
    assert roll_up((), None, rule) is None


def test_majority_breaks_a_tie_towards_the_worse_word() -> None:
    assert roll_up((V, D), None, R.MAJORITY) is D
    assert roll_up((V, V, D), None, R.MAJORITY) is V


def test_head_falls_back_to_the_worst_sub_row() -> None:
    assert roll_up((V, C), None, R.HEAD) is C
