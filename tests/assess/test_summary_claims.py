"""The report's summary counts found in the prose and checked against its tables.

Hand check (official words, seed lines 751-1321): 1A groups with a Vượt row are
1, 2, 4, 5, 6, 7, 9, 11, 12, 13, 18, 19 (12); the other seven are all Đạt. Group 11
holds "Bảo hiểm xã hội" Chưa đạt (979), group 18 "hoàn thành xuất sắc" Cơ bản đạt
(1134). 1B: Vượt rows 5, 8, 10, 16, 18; Không đạt 3, 4, 6, 7, 9, 11, 20; Đạt the rest.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from chitieu.assess.audit import audit_terms
from chitieu.assess.counting import COUNTING_RULES, EACH, LENIENT, STRICT
from chitieu.assess.rollup import GroupRollup, group_rows
from chitieu.assess.summary_claims import (
    Category,
    ClaimCheck,
    Verdict,
    check,
    check_statements,
    find_statements,
    locality_keys,
    statements_in,
)
from chitieu.ingest import Document, read_document
from chitieu.ingest.past_terms import read_past_term

V = Verdict
CODES = tuple(rule.code for rule in COUNTING_RULES)


Tables = tuple[tuple[GroupRollup, ...], dict[str, str]]


@pytest.fixture(scope="module")
def document(seed_path: Path) -> Document:
    return read_document(seed_path)


@pytest.fixture(scope="module")
def tables(document: Document) -> Tables:
    terms = [
        read_past_term(document.table(title), document=document.name, former=True)
        for title in ("PHỤ LỤC 1A", "PHỤ LỤC 1B")
    ]
    return group_rows(audit_terms(terms).rows), locality_keys(terms)


@pytest.fixture(scope="module")
def checks(document: Document, tables: Tables) -> tuple[ClaimCheck, ...]:
    groups, keys = tables
    return check_statements(find_statements(document, keys), groups, keys)


def test_the_six_summary_counts_are_found(checks: tuple[ClaimCheck, ...]) -> None:
    found = [
        (c.statement.line, c.statement.count, c.statement.total, c.statement.category, c.table)
        for c in checks
    ]
    assert found == [
        (277, 12, 19, Category.EXCEEDED, "1A"),
        (277, 7, 19, Category.ACHIEVED, "1A"),
        (277, 5, 20, Category.EXCEEDED, "1B"),
        (277, 8, 20, Category.ACHIEVED, "1B"),
        (277, 7, 20, Category.NOT_ACHIEVED, "1B"),
        (1797, 7, 20, Category.UNFINISHED, "1B"),
    ]


# Each real summary count of the seed (line 277 and footnote 69 at line 1797), counted
# under the five rules (lenient, head, majority, strict, each) from the official words:
# 1A holds 19 groups and 35 worded rows (15 Vượt, 18 Đạt, 979 Chưa đạt, 1134 Cơ bản đạt).
REAL_COUNTS = [
    ("hoàn thành vượt 12/19", ("12/19", "8/19", "6/19", "6/19", "15/35"), V.DEPENDS, ("lenient",)),
    (
        "7/19 nhóm chỉ tiêu đạt",
        ("7/19", "10/19", "11/19", "11/19", "18/35"),
        V.DEPENDS,
        ("lenient",),
    ),
    ("vượt 5/20 chỉ tiêu", ("5/20",) * 5, V.AGREES, CODES),
    ("đạt 8/20 chỉ tiêu", ("8/20",) * 5, V.AGREES, CODES),
    ("còn 7/20 chỉ tiêu không đạt", ("7/20",) * 5, V.AGREES, CODES),
    ("còn 07/20 chỉ tiêu kinh tế", ("7/20",) * 5, V.AGREES, CODES),
]


@pytest.mark.parametrize(("fragment", "fractions", "verdict", "holds"), REAL_COUNTS)
def test_each_real_count_under_each_counting_rule(
    checks: tuple[ClaimCheck, ...],
    fragment: str,
    fractions: tuple[str, ...],
    verdict: V,
    holds: tuple[str, ...],
) -> None:
    (found,) = [c for c in checks if fragment in c.statement.text]
    assert tuple(t.fraction for t in found.tallies) == fractions
    assert (found.verdict, tuple(r.code for r in found.holds_under)) == (verdict, holds)


@pytest.mark.parametrize("index", [0, 1])
def test_a_1a_count_says_plainly_which_rule_it_holds_under(
    checks: tuple[ClaimCheck, ...], index: int
) -> None:
    check = checks[index]
    assert check.verdict.label == "Khớp theo một cách tính"
    assert "khớp nếu nhóm được tính theo chỉ tiêu tốt nhất của nhóm" in check.detail
    assert "tính từng chỉ tiêu thì" in check.detail and "theo chỉ tiêu kém nhất" in check.detail
    assert "Không khớp" not in check.detail
    # Why the rules differ: the rows that pull a group down.
    assert "dòng 979 (Bảo hiểm xã hội) Chưa đạt" in check.detail
    assert "dòng 1134" in check.detail


def test_the_1a_rules_differ_on_the_six_mixed_groups(checks: tuple[ClaimCheck, ...]) -> None:
    lenient, strict = checks[0].tally(LENIENT), checks[0].tally(STRICT)
    assert sorted(set(lenient.members) - set(strict.members), key=int) == [
        "1", "6", "11", "12", "13", "18"
    ]  # fmt: skip


@pytest.mark.parametrize("index", [2, 3, 4, 5])
def test_1b_counts_agree_under_every_rule(checks: tuple[ClaimCheck, ...], index: int) -> None:
    assert checks[index].verdict is V.AGREES
    assert "khớp theo mọi cách tính" in checks[index].detail


def test_the_footnote_count_keeps_its_footnote_number(checks: tuple[ClaimCheck, ...]) -> None:
    assert checks[5].statement.footnote == 69


def test_the_1b_achieved_count_notes_the_row_that_cannot_be_computed(
    checks: tuple[ClaimCheck, ...],
) -> None:
    computed = {t.rule: t.fraction for t in checks[3].computed}
    assert computed[STRICT] == "7/20" and computed[EACH] == "7/19"
    assert "không đánh giá được nhóm 17" in checks[3].detail


def test_a_count_no_rule_gives_is_the_only_one_that_disagrees(tables: Tables) -> None:
    groups, keys = tables
    (statement,) = statements_in("Hưng Yên vượt 9/19 nhóm chỉ tiêu", 5, localities=keys)
    result = check(statement, groups, keys)
    assert (result.verdict, result.holds_under) == (V.DISAGREES, ())
    assert result.verdict.label == "Không khớp"
    assert "không cách tính nào cho ra 9/19" in result.detail


def test_a_count_of_single_rows_holds_under_the_each_rule_only(tables: Tables) -> None:
    groups, keys = tables
    (statement,) = statements_in("Hưng Yên vượt 15/35 chỉ tiêu", 5, localities=keys)
    result = check(statement, groups, keys)
    assert (result.verdict, result.holds_under) == (V.DEPENDS, (EACH,))
    assert "khớp nếu mỗi chỉ tiêu, kể cả chỉ tiêu con, được tính riêng" in result.detail


def test_a_count_over_the_wrong_total_disagrees(tables: Tables) -> None:
    groups, keys = tables
    (statement,) = statements_in("Hưng Yên vượt 12/20 nhóm chỉ tiêu", 5, localities=keys)
    result = check(statement, groups, keys)
    assert (result.table, result.verdict) == ("1A", V.DISAGREES)
    assert "có 19 nhóm, 35 chỉ tiêu có đánh giá" in result.detail


def test_without_a_locality_the_table_is_the_one_with_that_many_groups(tables: Tables) -> None:
    groups, keys = tables
    (statement,) = statements_in("vượt 5/20 chỉ tiêu", 5, localities=keys)
    assert check(statement, groups, keys).table == "1B"


def test_a_total_no_table_has_cannot_be_checked(tables: Tables) -> None:
    groups, keys = tables
    (statement,) = statements_in("vượt 5/30 chỉ tiêu", 5, localities=keys)
    assert check(statement, groups, keys).verdict is V.CANNOT_CHECK
