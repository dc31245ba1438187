"""Default owners: codes, then topics (the longest word wins), then groups, then the default."""

from __future__ import annotations

import pytest

from chitieu.profile.io import read_profile
from chitieu.profile.owners import IndicatorFacts, OwnerRules, default_owners, word_in
from tests.profiles import PROFILE

RULES = [
    OwnerRules("tai_chinh", indicators=("kt.grdp.*",), groups=("kinh tế",), default=True),
    OwnerRules("y_te", topics=("y tế", "bảo hiểm y tế", "bác sỹ")),
    OwnerRules("noi_vu", topics=("bảo hiểm", "lao động")),
    OwnerRules("giao_duc", topics=("qua đào tạo",)),
    OwnerRules("cong_thuong", topics=("xuất khẩu",)),
]


def owners(code: str, name: str, group: str = "") -> tuple[tuple[str, ...], str]:
    found = default_owners(IndicatorFacts(code, name, "", group), RULES)
    return found.departments, found.reason


def test_a_code_the_department_lists_comes_first() -> None:
    # "xuất khẩu" is another department's topic, but the code is named
    assert owners("kt.grdp.xuat_khau", "GRDP từ xuất khẩu") == (("tai_chinh",), "mã chỉ tiêu")


def test_the_longest_topic_word_wins() -> None:
    assert owners("xh.bhyt", "Bảo hiểm y tế") == (("y_te",), "chủ đề “bảo hiểm y tế”")
    assert owners("xh.bhxh", "Bảo hiểm xã hội") == (("noi_vu",), "chủ đề “bảo hiểm”")
    assert owners("xh.ld", "Tỷ lệ lao động qua đào tạo")[0] == ("giao_duc",)


def test_a_topic_comes_before_the_group_and_the_group_before_the_default() -> None:
    assert owners("kt.xk", "Kim ngạch xuất khẩu", "KINH TẾ")[0] == ("cong_thuong",)
    assert owners("kt.tfp", "Đóng góp của TFP", "KINH TẾ") == (("tai_chinh",), "nhóm “kinh tế”")
    assert owners("xh.x", "Chỉ số khác", "VĂN HOÁ - XÃ HỘI") == (("tai_chinh",), "mặc định")


def test_equally_long_words_share_the_indicator() -> None:
    rules = [OwnerRules("a", topics=("du lịch",)), OwnerRules("b", topics=("du lịch",))]
    assert default_owners(IndicatorFacts("x", "Khách du lịch"), rules).departments == ("a", "b")


def test_without_a_default_an_indicator_nobody_names_has_no_owner() -> None:
    found = default_owners(IndicatorFacts("x", "Chỉ số khác"), RULES[1:])
    assert (found.departments, found.reason) == ((), "")


@pytest.mark.parametrize(
    ("word", "text", "hit"),
    [
        ("bác sỹ", "Số BÁC SỸ/vạn dân", True),
        ("thủy sản", "Nông, lâm nghiệp và thuỷ sản", True),  # either spelling of the tone
        ("y tế", "Tỷ lệ tham gia bảo hiểm", False),
        ("tế", "Cơ cấu kinh tế", True),
        ("kinh", "Kinh tế", True),
        ("kin", "Kinh tế", False),  # whole words only
        ("y_te", "xh.y_te.bac_sy", True),
    ],
)
def test_words_match_whole_words_whatever_the_tone_spelling(
    word: str, text: str, hit: bool
) -> None:
    assert word_in(word, text) is hit


def test_the_shipped_profile_has_one_default_department() -> None:
    profile = read_profile(PROFILE)
    departments = profile.departments
    assert not isinstance(departments, type(PROFILE))
    assert [d.code for d in departments if d.default] == ["so_tai_chinh"]
