"""find_mentions: which indicators a passage talks about, on the seed's own sentences."""

from __future__ import annotations

import pytest

from chitieu.ingest import Document
from chitieu.ingest.mentions import find_mentions
from tests.ingest.g_builders import by_code, seed_indicators

INDICATORS = seed_indicators()


@pytest.mark.parametrize(
    ("line", "fragment", "expected"),
    [
        (17, "Tốc độ tăng tổng sản phẩm", ("kt.grdp.tang_truong",)),
        (17, "Năm 2025, quy mô GRDP", ("kt.grdp.quy_mo",)),
        (17, "GRDP bình quân đầu người tăng nhanh", ("kt.grdp.dau_nguoi",)),
        (17, "Năm 2025, khu vực nông, lâm nghiệp", ("kt.co_cau.nong_nghiep",)),
        (17, " thuế sản phẩm trừ trợ cấp", ("kt.co_cau.thue",)),
        (138, "Tỷ lệ thất nghiệp giảm nhanh", ("xh.that_nghiep",)),
    ],
)
def test_a_clause_of_the_results_mentions_its_indicator(
    seed_document: Document, line: int, fragment: str, expected: tuple[str, ...]
) -> None:
    text = seed_document.line(line)
    start = text.index(fragment)
    end = text.find(";", start)
    clause = text[start : end if end > 0 else len(text)].split(". ")[0]
    assert find_mentions(clause, INDICATORS) == expected


def test_digital_economy_share_of_grdp_mentions_no_grdp_indicator(seed_document: Document) -> None:
    """Line 496: "kinh tế số chiếm khoảng 30% GRDP" is not about GRDP growth, scale or per head."""
    assert find_mentions(seed_document.line(496), INDICATORS) == ()


def test_restructuring_the_economy_is_not_the_economic_structure() -> None:
    assert (
        find_mentions("cơ cấu lại nền kinh tế gắn với xác lập mô hình tăng trưởng mới", INDICATORS)
        == ()
    )


def test_the_more_specific_indicator_wins() -> None:
    """ "GRDP bình quân đầu người tăng" mentions GDP per head, not GRDP growth."""
    assert find_mentions("GRDP bình quân đầu người tăng nhanh", INDICATORS) == (
        "kt.grdp.dau_nguoi",
    )


def test_matching_ignores_tone_mark_placement() -> None:
    assert find_mentions("Tỷ lệ đô thị hoá ước đạt 34,4%", [by_code("kt.do_thi_hoa")]) == (
        "kt.do_thi_hoa",
    )
    assert find_mentions("Tỷ lệ đô thị hóa ước đạt 34,4%", [by_code("kt.do_thi_hoa")]) == (
        "kt.do_thi_hoa",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Tỷ lệ tăng dân số và phát triển kinh tế",
        "đẩy mạnh phát triển, tăng trưởng nhanh và bền vững",
        "xây dựng hệ thống chính trị trong sạch, vững mạnh",
    ],
)
def test_generic_words_make_no_mention(text: str) -> None:
    assert find_mentions(text, INDICATORS) == ()


def test_a_structure_row_needs_a_word_of_share(seed_document: Document) -> None:
    """Footnote 39 (labour in agriculture) is not the agriculture share of GRDP."""
    text = seed_document.footnote(39).text
    assert find_mentions(text, INDICATORS) == ("xh.lao_dong_nong_nghiep",)


def test_two_names_sharing_their_first_words_are_told_apart() -> None:
    text = "43% số xã đạt chuẩn nông thôn mới kiểu mẫu"
    assert find_mentions(text, INDICATORS) == ("xh.ntm_kieu_mau",)
