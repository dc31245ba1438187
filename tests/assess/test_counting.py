"""The named counting rules, on the seed's Phụ lục 1A (official words, lines 751-1148).

Group 11 "Tỷ lệ bao phủ bảo hiểm" holds Bảo hiểm y tế (Vượt) and Bảo hiểm xã hội
(39,8/45, Chưa đạt, line 979); group 2 holds Vượt rows only.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from chitieu.assess.audit import audit_terms
from chitieu.assess.counting import (
    COUNTING_RULES,
    EACH,
    HEAD,
    LENIENT,
    MAJORITY,
    STRICT,
    CountingRule,
    rule_by_code,
)
from chitieu.assess.rollup import GroupRollup, group_rows
from chitieu.catalog.model import Assessment
from chitieu.ingest import read_document
from chitieu.ingest.past_terms import read_past_term

A = Assessment


@pytest.fixture(scope="module")
def groups_1a(seed_path: Path) -> tuple[GroupRollup, ...]:
    document = read_document(seed_path)
    term = read_past_term(document.table("PHỤ LỤC 1A"), document=document.name, former=True)
    return group_rows(audit_terms([term]).rows)


def _group(groups: tuple[GroupRollup, ...], stt: str) -> list[GroupRollup]:
    return [g for g in groups if g.stt == stt]


@pytest.mark.parametrize(
    ("rule", "exceeded"),
    [(LENIENT, 1), (HEAD, 0), (MAJORITY, 0), (STRICT, 0), (EACH, 1)],
)
def test_a_mixed_group_counts_as_exceeded_under_some_rules(
    groups_1a: tuple[GroupRollup, ...], rule: CountingRule, exceeded: int
) -> None:
    # The numbered row has no word of its own: "head" falls back to the worst sub-row.
    tally = rule.tally(_group(groups_1a, "11"), frozenset({A.EXCEEDED}))
    assert tally.count == exceeded


def test_group_rules_count_groups_and_the_each_rule_counts_rows(
    groups_1a: tuple[GroupRollup, ...],
) -> None:
    everything = frozenset(A)
    assert {rule.code: rule.tally(groups_1a, everything).total for rule in COUNTING_RULES} == {
        "lenient": 19,
        "head": 19,
        "majority": 19,
        "strict": 19,
        "each": 35,
    }


def test_the_each_rule_names_rows_by_their_line(groups_1a: tuple[GroupRollup, ...]) -> None:
    tally = EACH.tally(_group(groups_1a, "11"), frozenset({A.NOT_YET_ACHIEVED, A.NOT_ACHIEVED}))
    assert (tally.fraction, tally.members) == ("1/2", ("dòng 979",))


def test_a_group_of_like_rows_counts_the_same_under_every_group_rule(
    groups_1a: tuple[GroupRollup, ...],
) -> None:
    group = _group(groups_1a, "2")
    assert {
        rule.tally(group, frozenset({A.EXCEEDED})).count
        for rule in COUNTING_RULES
        if rule.rollup is not None
    } == {1}


def test_rules_are_found_by_code_and_an_unknown_code_is_refused() -> None:
    assert rule_by_code("strict") is STRICT
    with pytest.raises(ValueError, match="Không có cách tính"):
        rule_by_code("khac")
