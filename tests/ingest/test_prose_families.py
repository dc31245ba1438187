"""The phrasing families real resolutions, plans and news reports use, each read end to end.

The sentences are written for these tests (invented places, real shapes); the corpus
under tests/ingest/corpus holds the real documents they were learnt from.
"""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from chitieu.catalog.model import Aggregation
from chitieu.ingest.prose_targets import ProseTarget, extract_prose_targets
from chitieu.ingest.text_reader import read_text

LEVEL, CHANGE, GROWTH = Aggregation.LEVEL, Aggregation.CHANGE, Aggregation.AVG_GROWTH


def read(text: str, years: tuple[int, int] | None = (2026, 2026)) -> list[ProseTarget]:
    return list(extract_prose_targets(read_text(text + "\n", name="x.txt"), plan_years=years))


def values(found: list[ProseTarget]) -> list[tuple[object, ...]]:
    return [(t.target.kind.value, t.target.low, t.target.high, t.target.unit) for t in found]


def test_numbered_run_in_brackets_inside_one_paragraph() -> None:
    found = read(
        "Năm 2026, tỉnh phấn đấu đạt các chỉ tiêu: (1) Tốc độ tăng trưởng kinh tế đạt 9-9,5%; "
        "(2) Thu nhập bình quân đầu người 70 triệu đồng; (3) Tỷ lệ hộ nghèo dưới 1%."
    )
    assert [t.subject for t in found] == [
        "Tốc độ tăng trưởng kinh tế",
        "Thu nhập bình quân đầu người",
        "Tỷ lệ hộ nghèo",
    ]
    assert [t.number for t in found] == ["1", "2", "3"]
    assert values(found)[2] == ("max", None, D(1), "pct")


def test_numbered_run_with_dots_inside_one_paragraph() -> None:
    found = read(
        "Các chỉ tiêu chủ yếu năm 2026 gồm: 1. Tổng thu ngân sách đạt 12.000 tỷ đồng. "
        "2. Tỷ lệ lao động qua đào tạo đạt 72%. 3. Tỷ lệ che phủ rừng 48%."
    )
    assert [t.number for t in found] == ["1", "2", "3"]
    assert values(found)[0] == ("point", D(12000), D(12000), "ty_dong")


def test_semicolon_run() -> None:
    found = read(
        "Đến năm 2030, xã phấn đấu thu nhập bình quân đầu người đạt 95 triệu đồng; "
        "tỷ lệ hộ nghèo còn dưới 0,5%; tỷ lệ người dân tham gia bảo hiểm y tế trên 95%.",
        years=(2026, 2030),
    )
    assert len(found) == 3
    assert {(t.period_start, t.period_end) for t in found} == {(2026, 2030)}


def test_structure_run_names_each_part_under_its_heading() -> None:
    found = read(
        "Cơ cấu kinh tế: khu vực I 33%, khu vực II 26%, khu vực III trên 37%, "
        "thuế sản phẩm khoảng 4%."
    )
    assert [(t.subject, t.parent) for t in found] == [
        ("khu vực I", "Cơ cấu kinh tế"),
        ("khu vực II", "Cơ cấu kinh tế"),
        ("khu vực III", "Cơ cấu kinh tế"),
        ("thuế sản phẩm", "Cơ cấu kinh tế"),
    ]
    assert values(found)[2] == ("min", D(37), None, "pct")


def test_structure_run_one_part_per_clause() -> None:
    found = read(
        "Mục tiêu năm 2026: Cơ cấu kinh tế: Nông, lâm nghiệp, thủy sản chiếm 20%; "
        "công nghiệp - xây dựng chiếm 35%; dịch vụ chiếm 45%."
    )
    assert [t.parent for t in found] == ["Cơ cấu kinh tế"] * 3
    assert [t.target.low for t in found] == [D(20), D(35), D(45)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Thu ngân sách nhà nước 15.903 tỷ đồng.", ("point", D(15903), D(15903), "ty_dong")),
        ("GRDP bình quân đầu người 62-63 triệu đồng.", ("range", D(62), D(63), "trieu_dong")),
    ],
)
def test_council_phrasing_without_a_verb(sentence: str, expected: tuple[object, ...]) -> None:
    found = read(f"CÁC CHỈ TIÊU CHỦ YẾU NĂM 2026\n\n{sentence}")
    assert values(found) == [expected]


def test_a_change_against_last_years_estimate_is_kept_as_a_change() -> None:
    [target] = read(
        "Năm 2026 phấn đấu tổng vốn đầu tư toàn xã hội tăng 12% so với ước thực hiện năm 2025."
    )
    assert (target.aggregation, target.target.low, target.period_end) == (CHANGE, D(12), 2026)


def test_a_rate_that_falls_by_points_is_a_change() -> None:
    [target] = read("Năm 2026 phấn đấu tỷ lệ hộ nghèo giảm 0,5%.")
    assert target.aggregation is CHANGE


def test_an_amount_that_rises_by_a_percentage_grows() -> None:
    found = read("Năm 2026, thu ngân sách phấn đấu đạt 9.000 tỷ đồng, tăng bình quân 15%/năm.")
    assert [(t.target.unit, t.aggregation) for t in found] == [
        ("ty_dong", LEVEL),
        ("pct_per_year", GROWTH),
    ]


@pytest.mark.parametrize(
    ("text", "low", "unit"),
    [
        ("khoảng 3,1 triệu tỷ đồng", D(3100000), "ty_dong"),
        ("trên 2 nghìn tỷ đồng", D(2000), "ty_dong"),
    ],
)
def test_scale_words(text: str, low: D, unit: str) -> None:
    [target] = read(f"Đến năm 2030 phấn đấu quy mô GRDP đạt {text}.", years=(2026, 2030))
    assert (target.target.low, target.target.unit) == (low, unit)


def test_counts_of_places() -> None:
    [target] = read("Năm 2026 phấn đấu có thêm 25 xã đạt chuẩn nông thôn mới nâng cao.")
    assert (target.target.low, target.target.unit) == (D(25), "xa")
    assert "nông thôn mới nâng cao" in target.subject


def test_frequencies() -> None:
    [target] = read(
        "Từ năm 2026 phấn đấu người dân được khám sức khỏe định kỳ ít nhất 1 lần/năm.",
        years=(2026, 2030),
    )
    assert values([target]) == [("min", D(1), None, "lan_per_year")]


def test_a_bound_after_the_name() -> None:
    [target] = read("Các chỉ tiêu năm 2026:\n\nTỷ lệ thất nghiệp khu vực thành thị: dưới 3%.")
    assert (target.subject, values([target])) == (
        "Tỷ lệ thất nghiệp khu vực thành thị",
        [("max", None, D(3), "pct")],
    )


def test_a_roadmap_year_by_year() -> None:
    found = read(
        "Theo dự kiến, GRDP bình quân đầu người năm 2026 đạt 130 triệu đồng, năm 2027 đạt "
        "145 triệu đồng, đến năm 2030 đạt 200 triệu đồng.",
        years=(2026, 2030),
    )
    assert [(t.period_end, t.target.low) for t in found] == [
        (2026, D(130)),
        (2027, D(145)),
        (2030, D(200)),
    ]


def test_a_revised_target_keeps_the_new_value() -> None:
    [target] = read(
        "HĐND tỉnh điều chỉnh mục tiêu tăng trưởng GRDP năm 2026 từ trên 10% lên trên 11%."
    )
    assert (target.target.kind.value, target.target.low) == ("min", D(11))


def test_ranks() -> None:
    found = read(
        "Đến năm 2030, chỉ số PCI và chỉ số PAR Index thuộc nhóm 20 tỉnh, thành phố dẫn đầu; "
        "chỉ số DTI xếp hạng 15/34.",
        years=(2026, 2030),
    )
    assert [(t.subject, t.target.kind.value, t.target.high) for t in found] == [
        ("chỉ số PCI", "rank", D(20)),
        ("chỉ số PAR Index", "rank", D(20)),
        ("chỉ số DTI", "rank", D(15)),
    ]


def test_a_news_report_keeps_the_targets_and_leaves_the_results() -> None:
    found = read(
        "Kim Sơn hướng tới tăng trưởng hai con số\n"
        "09/12/2025 14:35\n"
        "Sáng 9/12, kỳ họp thứ 7 HĐND tỉnh Kim Sơn khóa X, nhiệm kỳ 2021-2026 khai mạc với 78 "
        "đại biểu.\n"
        "Năm 2025, GRDP ước tăng 8,2%, thu ngân sách đạt 9.500 tỷ đồng, bằng 105% dự toán.\n"
        "Năm 2026, tỉnh phấn đấu tăng trưởng GRDP đạt 10%; thu ngân sách 10.500 tỷ đồng.\n"
        "(Ảnh: T.L.)"
    )
    assert [(t.subject, t.target.low) for t in found] == [
        ("tăng trưởng GRDP", D(10)),
        ("thu ngân sách", D(10500)),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Nghị quyết gồm 30 chỉ tiêu, 13 nhóm nhiệm vụ và 4 khâu đột phá.",
        "Đại hội có 350 đại biểu, 100% đại biểu tán thành nghị quyết.",
        "Chiều 12/12, lúc 14h30, kỳ họp thứ 9 bế mạc.",
        "Mục tiêu là tăng trưởng 2 con số, theo tinh thần “6 rõ”.",
        "Tỷ lệ trẻ em dưới 5 tuổi được tiêm chủng đầy đủ.",
        "Phấn đấu giải ngân vốn cho các dự án trên đường tỉnh 305 và 309.",
        "Thực hiện Nghị quyết 01 của Chính phủ về nhiệm vụ năm 2026.",
        "Trong 6 tháng cuối năm và 5 năm tới, tỉnh phấn đấu phát triển bền vững.",
    ],
)
def test_no_target_in(sentence: str) -> None:
    assert read(sentence, years=(2026, 2030)) == []


def test_an_age_inside_a_name_is_not_the_target() -> None:
    [target] = read("Năm 2026 phấn đấu tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng dưới 12%.")
    assert (target.target.high, "dưới 5 tuổi" in target.subject) == (D(12), True)


def test_a_reporters_conversion_is_not_a_target() -> None:
    found = read(
        "Đến năm 2030 phấn đấu GRDP bình quân đầu người đạt 6.000 USD (khoảng 160 triệu đồng "
        "theo tỷ giá hiện tại).",
        years=(2026, 2030),
    )
    assert values(found) == [("point", D(6000), D(6000), "usd")]


def test_the_countrys_target_is_not_the_places() -> None:
    found = read(
        "Năm 2026, tỉnh phấn đấu tăng trưởng 11%, góp phần để tăng trưởng của cả nước đạt 10%."
    )
    assert [t.target.low for t in found] == [D(11)]


def test_a_group_heading_before_a_colon_groups_what_follows() -> None:
    found = read(
        "Các chỉ tiêu chủ yếu:\n\nVề xây dựng Đảng: Phấn đấu hằng năm có trên 90% tổ chức cơ sở "
        "đảng hoàn thành tốt nhiệm vụ; kết nạp đảng viên mới đạt 3-3,5% tổng số đảng viên.",
        years=(2026, 2030),
    )
    assert [(t.group, t.target.low) for t in found] == [
        ("Về xây dựng Đảng", D(90)),
        ("Về xây dựng Đảng", D(3)),
    ]
    assert "Về xây dựng" not in found[0].subject
