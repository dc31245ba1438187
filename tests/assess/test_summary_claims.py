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
from chitieu.assess.rollup import GroupRollup, RollupRule, group_rows
from chitieu.assess.summary_claims import (
    Category,
    ClaimCheck,
    check,
    check_statements,
    find_statements,
    locality_keys,
    statements_from_claims,
    statements_in,
)
from chitieu.catalog.model import Claim
from chitieu.ingest import Document, read_document
from chitieu.ingest.past_terms import read_past_term

R = RollupRule


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


@pytest.mark.parametrize("index", [0, 1])
def test_1a_counts_hold_only_under_the_lenient_rule(
    checks: tuple[ClaimCheck, ...], index: int
) -> None:
    check = checks[index]
    assert (check.verdict, check.holds_under) == ("disagrees", (R.LENIENT,))
    assert "dòng 979 (Bảo hiểm xã hội) Chưa đạt" in check.detail
    assert "dòng 1134" in check.detail


def test_1a_strict_counts_are_six_exceeded_and_eleven_achieved(
    checks: tuple[ClaimCheck, ...],
) -> None:
    assert dict(checks[0].counts)[R.STRICT] == 6
    assert dict(checks[1].counts)[R.STRICT] == 11


@pytest.mark.parametrize("index", [2, 3, 4, 5])
def test_1b_counts_agree_under_every_rule(checks: tuple[ClaimCheck, ...], index: int) -> None:
    assert (checks[index].verdict, checks[index].holds_under) == ("agrees", tuple(RollupRule))


def test_the_footnote_count_keeps_its_footnote_number(checks: tuple[ClaimCheck, ...]) -> None:
    assert checks[5].statement.footnote == 69


def test_the_1b_achieved_count_notes_the_row_that_cannot_be_computed(
    checks: tuple[ClaimCheck, ...],
) -> None:
    assert dict(checks[3].computed_counts)[R.STRICT] == 7
    assert "không đánh giá được nhóm 17" in checks[3].detail


@pytest.mark.parametrize(
    ("text", "words", "category"),
    [
        ("hoàn thành vượt 3/4 nhóm chỉ tiêu", "hoàn thành vượt", Category.EXCEEDED),
        ("1/4 nhóm chỉ tiêu đạt", "đạt", Category.ACHIEVED),
        ("còn 2/9 chỉ tiêu không đạt", "không đạt", Category.NOT_ACHIEVED),
        ("có 1/9 chỉ tiêu cơ bản đạt", "cơ bản đạt", Category.BASICALLY),
        ("còn 02/9 chỉ tiêu xã hội chưa hoàn thành", "chưa hoàn thành", Category.UNFINISHED),
    ],
)
def test_the_counted_word_is_read_before_or_after_the_fraction(
    text: str, words: str, category: Category
) -> None:
    (statement,) = statements_in(text, 1)
    assert (statement.words, statement.category) == (words, category)


def test_a_fraction_without_chi_tieu_is_not_a_statement() -> None:
    assert statements_in("đạt 12/19 xã", 1) == ()


def test_a_count_over_the_wrong_total_disagrees(tables: Tables) -> None:
    groups, keys = tables
    (statement,) = statements_in("Hưng Yên vượt 12/20 nhóm chỉ tiêu", 5, localities=keys)
    result = check(statement, groups, keys)
    assert (result.table, result.verdict) == ("1A", "disagrees")
    assert "có 19 nhóm" in result.detail


def test_without_a_locality_the_table_is_the_one_with_that_many_groups(tables: Tables) -> None:
    groups, keys = tables
    (statement,) = statements_in("vượt 5/20 chỉ tiêu", 5, localities=keys)
    assert check(statement, groups, keys).table == "1B"


def test_a_total_no_table_has_cannot_be_checked(tables: Tables) -> None:
    groups, keys = tables
    (statement,) = statements_in("vượt 5/30 chỉ tiêu", 5, localities=keys)
    assert check(statement, groups, keys).verdict == "cannot check"


def test_count_claims_from_ingestion_are_read_the_same_way() -> None:
    claim = Claim("vượt 5/20 chỉ tiêu", None, "5/20", None, None, "chỉ tiêu", "count", None, 9)
    (statement,) = statements_from_claims([claim])
    assert (statement.line, statement.count, statement.category) == (9, 5, Category.EXCEEDED)
