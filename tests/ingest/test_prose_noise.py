"""Numbers in prose that are not targets: one rule each, with the words that show it."""

from __future__ import annotations

import re

import pytest

from chitieu.ingest._prose_noise import is_boilerplate, noise_rule


def rule_at(text: str, number: str) -> str | None:
    """The rule for the first whole number `number` in `text` (not the 1 of 14)."""
    match = re.search(rf"(?<![\d.,]){re.escape(number)}(?![\d])", text)
    assert match is not None
    return noise_rule(text, match.start(), match.end())


@pytest.mark.parametrize(
    ("text", "number", "rule"),
    [
        ("Nghị quyết đề ra gồm 30 chỉ tiêu chủ yếu", "30", "document_parts"),
        ("triển khai 13 nhóm nhiệm vụ và 4 khâu đột phá", "13", "document_parts"),
        ("triển khai 13 nhóm nhiệm vụ và 4 khâu đột phá", "4", "document_parts"),
        ("đến nay đã hoàn thành 12/12 chỉ tiêu", "12", "document_parts"),
        ("HĐND tỉnh thông qua 46 nghị quyết quan trọng", "46", "document_parts"),
        ("Phiên khai mạc lúc 07h30 ngày 25/9/2025", "07", "date_time"),
        ("Chiều 12/12, tại kỳ họp", "12", "date_time"),
        ("Ngày 9/12 tỉnh tổ chức kỳ họp", "9", "date_time"),
        ("09/12/2025 14:35", "09", "date_time"),
        ("cập nhật 14:35", "14", "date_time"),
        ("tại kỳ họp thứ 9, HĐND tỉnh", "9", "ordinal"),
        ("theo Nghị quyết số 45/NQ-HĐND", "45", "document_number"),
        ("Nghị quyết số 45 của HĐND", "45", "ordinal"),
        ("đứng thứ 8/34 tỉnh, thành phố", "8", "ordinal"),
        ("Đại hội có mặt 398/398 đại biểu được triệu tập", "398", "meeting"),
        ("với 100% đại biểu có mặt tán thành", "100", "meeting"),
        ("Nghị quyết được thông qua với 45 phiếu", "45", "meeting"),
        ("tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng dưới 15%", "5", "qualifier"),
        ("số trang trại có diện tích trên 1 ha tăng 20%", "1", "qualifier"),
        ("đặt mục tiêu tăng trưởng 2 con số", "2", "phrase"),
        ("đạt 14 bác sỹ trên 1 vạn dân", "1", "phrase"),
        ("(1) Tốc độ tăng trưởng kinh tế đạt 10%", "1", "list_number"),
        ("các chỉ tiêu: 2. Thu ngân sách đạt 15.903 tỷ đồng", "2", "list_number"),
        ("đến năm 2030 tỷ lệ đô thị hóa 45%", "2030", "year"),
        ("kế hoạch 5 năm 2026-2030", "5", "year"),
        ("Covid-19 và thiên tai", "19", "document_number"),
        ("nồng độ PM2,5 trong không khí", "2,5", "document_number"),
    ],
)
def test_not_a_target(text: str, number: str, rule: str) -> None:
    assert rule_at(text, number) == rule


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Tốc độ tăng trưởng kinh tế (GRDP) đạt 10-10,5%", "10"),
        ("Có thêm 25 xã đạt chuẩn nông thôn mới nâng cao", "25"),
        ("tuổi thọ trung bình đạt 75,5 tuổi", "75,5"),
        ("tạo việc làm cho 25.000 lao động", "25.000"),
        ("thu ngân sách 2.030 tỷ đồng", "2.030"),
        ("Số bác sỹ/1 vạn dân đạt 14 bác sỹ", "14"),
        ("khu vực I 33%, khu vực II 26%", "33"),
        ("ít nhất 1 lần/năm", "1"),
        ("tỷ lệ hộ nghèo giảm 1. Tỷ lệ", "1"),  # a value, not a list number: lower case before
    ],
)
def test_may_be_a_target(text: str, number: str) -> None:
    assert rule_at(text, number) is None


@pytest.mark.parametrize(
    "line",
    ["09/12/2025 14:35", "Thứ Năm, 15/10/2020, 16:21 (GMT+7)", "Trang 2", "- 3 -", "2/15", "7",
     "(Ảnh: Thành Cường)", "Ảnh: K.Đ.", "Chia sẻ bài viết", "Tin liên quan"],
)  # fmt: skip
def test_boilerplate_lines(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line", ["Tỷ lệ hộ nghèo dưới 1%", "2. Các chỉ tiêu chủ yếu", "Năm 2026 tăng trưởng 10%"]
)
def test_lines_with_content_are_not_boilerplate(line: str) -> None:
    assert not is_boilerplate(line)
