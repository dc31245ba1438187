"""The report's summary counts found in its prose: the fraction, what was counted, where."""

from __future__ import annotations

import pytest

from chitieu.assess.summary_statements import Category, statements_from_claims, statements_in
from chitieu.catalog.model import Claim


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


def test_count_claims_from_ingestion_are_read_the_same_way() -> None:
    claim = Claim("vượt 5/20 chỉ tiêu", None, "5/20", None, None, "chỉ tiêu", "count", None, 9)
    (statement,) = statements_from_claims([claim])
    assert (statement.line, statement.count, statement.category) == (9, 5, Category.EXCEEDED)


def test_the_place_is_the_one_named_last_before_the_fraction() -> None:
    text = "Tỉnh Long Giang (cũ) vượt 3/4 nhóm chỉ tiêu. Tỉnh Kim Sơn (cũ) đạt 2/5 chỉ tiêu"
    found = statements_in(text, 1, localities=("long giang", "kim son"))
    assert [(s.count, s.locality) for s in found] == [(3, "long giang"), (2, "kim son")]
