from __future__ import annotations

import unicodedata

import pytest

from chitieu.catalog.text import fold, same_words


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Tỷ lệ đô thị hoá", "Tỷ lệ đô thị hóa"),
        ("Nông, lâm nghiệp và thuỷ sản", "Nông, lâm nghiệp và thủy sản"),
        ("sức khoẻ", "sức khỏe"),
        ("VĂN HOÁ - XÃ HỘI", "văn hóa -  xã hội"),
        ("Đảng viên", unicodedata.normalize("NFD", "đảng viên")),
    ],
)
def test_spellings_officials_treat_as_equal_match(first: str, second: str) -> None:
    assert same_words(first, second)


@pytest.mark.parametrize(
    ("first", "second"), [("thu", "thư"), ("đô thị", "do thi"), ("ha", "hà nội")]
)
def test_different_words_stay_different(first: str, second: str) -> None:
    """Vowel shapes (ư, ơ, â) and đ change the word; only the tone's position is a spelling habit."""
    assert fold(first) != fold(second)
