"""Heading numbering styles and the heading tree."""

from __future__ import annotations

import pytest

from chitieu.ingest import Document, read_text
from chitieu.ingest.headings import (
    LETTER,
    PAREN_NUMBER,
    PAREN_ROMAN,
    PART,
    ROMAN,
    recognise,
)


@pytest.mark.parametrize(
    ("line", "level", "numbering"),
    [
        (3, PART, "Phần thứ nhất"),
        (353, PART, "Phần thứ hai"),
        (11, ROMAN, "I"),  # "I- NHỮNG KẾT QUẢ CHỦ YẾU"
        (271, ROMAN, "II"),  # "II. Đánh giá chung ..." (period, not hyphen)
        (12, 3, "1"),
        (13, 4, "1.1"),
        (285, 5, "1.2.1"),
        (688, 4, "3.5"),  # "3.5 Tiếp tục ..." lost its final period
        (322, 4, "2.2"),  # " 2.2. Nguyên nhân" starts with a space
        (491, PAREN_NUMBER, "(1)"),
        (496, PAREN_NUMBER, "(3)"),  # " (3) Tập trung ..."
    ],
)
def test_real_heading_lines_are_recognised(
    seed_lines: list[str], line: int, level: int, numbering: str
) -> None:
    found = recognise(seed_lines[line - 1])
    assert found is not None
    assert (found.level, found.numbering) == (level, numbering)


@pytest.mark.parametrize(
    "line",
    [
        2,  # the opening paragraph
        304,  # "Về phát triển kinh tế - xã hội": an unnumbered lead-in
        345,  # "Một là, ..."
        410,  # "- Khu vực nông nghiệp ...": a bullet
        494,  # "; (ii) Phát triển ...": continuation after a footnote anchor
        1287,  # a table cell
    ],
)
def test_real_non_heading_lines_are_not_recognised(seed_lines: list[str], line: int) -> None:
    text = seed_lines[line - 1]
    assert text.startswith("\t") or recognise(text) is None


@pytest.mark.parametrize(
    ("text", "level", "numbering"),
    [("(ii) Phát triển nông nghiệp", PAREN_ROMAN, "(ii)"), ("a) Về kinh tế", LETTER, "a")],
)
def test_roman_items_and_letters(text: str, level: int, numbering: str) -> None:
    found = recognise(text)
    assert found is not None and (found.level, found.numbering) == (level, numbering)


def test_a_number_without_its_period_is_prose() -> None:
    assert recognise("2 huyện đạt chuẩn") is None


def test_a_part_title_is_the_capitalised_lines_under_it(seed_document: Document) -> None:
    part = seed_document.section("Phần thứ hai")
    assert part.title == "QUAN ĐIỂM, MỤC TIÊU VÀ NHIỆM VỤ, GIẢI PHÁP NHIỆM KỲ 2025 - 2030"
    assert part.lines == (353, 355, 357)


def test_the_top_level_is_the_two_parts(seed_document: Document) -> None:
    assert [h.numbering for h in seed_document.headings] == ["Phần thứ nhất", "Phần thứ hai"]


def test_part_two_has_sections_i_to_vi(seed_document: Document) -> None:
    part = seed_document.section("Phần thứ hai")
    assert [h.numbering for h in part.children] == ["I", "II", "III", "IV", "V", "VI"]


def test_targets_section_iv_has_five_groups(seed_document: Document) -> None:
    section = seed_document.section("Phần thứ hai", "IV")
    assert [h.numbering for h in section.children] == ["1", "2", "3", "4", "5"]


def test_economic_targets_are_1_1_to_1_9(seed_document: Document) -> None:
    group = seed_document.section("Phần thứ hai", "IV", "1")
    assert [h.numbering for h in group.children] == [f"1.{n}" for n in range(1, 10)]


def test_a_target_heading_keeps_its_whole_line_as_title(seed_document: Document) -> None:
    heading = seed_document.section("Phần thứ hai", "IV", "1", "1.8")
    assert heading.title == "Tỷ lệ đô thị hoá đến năm 2030: 50%."


def test_the_six_focus_tasks_are_items_under_v_1(seed_document: Document) -> None:
    tasks = seed_document.section("Phần thứ hai", "V", "1")
    assert [h.numbering for h in tasks.children] == [f"({n})" for n in range(1, 7)]
    assert all(h.level == PAREN_NUMBER for h in tasks.children)


def test_an_item_split_by_a_footnote_anchor_has_its_whole_paragraph_as_title(
    seed_document: Document,
) -> None:
    task = seed_document.section("Phần thứ hai", "V", "1", "(2)")
    assert task.lines == (493, 494)
    assert "công nghiệp đồng bộ; (ii) Phát triển nền nông nghiệp sạch" in task.title


def test_third_level_numbers_nest_under_second(seed_document: Document) -> None:
    causes = seed_document.section("Phần thứ nhất", "II", "1", "1.2")
    assert [(h.numbering, h.title) for h in causes.children] == [
        ("1.2.1", "Nguyên nhân khách quan"),
        ("1.2.2", "Nguyên nhân chủ quan"),
    ]


def test_a_section_ends_at_the_last_line_before_the_next_sibling(seed_document: Document) -> None:
    assert seed_document.section("Phần thứ hai", "IV").end_line == 485  # V starts at 487
    assert seed_document.section("Phần thứ nhất").end_line == 352


def test_a_decoration_closes_every_open_section(seed_document: Document) -> None:
    assert seed_document.section("Phần thứ hai", "VI").end_line == 746  # "*" at 747
    assert seed_document.heading_at(750) == ()


def test_heading_at_a_target_line(seed_document: Document) -> None:
    path = seed_document.heading_at(408)  # "GRDP bình quân đầu người ..." under 1.1
    assert [h.numbering for h in path] == ["Phần thứ hai", "IV", "1", "1.1"]


def test_numbered_cells_inside_tables_are_not_headings() -> None:
    text = "I- BẢNG\n\n\tSTT\n\tNội dung\n\n\t1.\n\tTăng trưởng\n\n\t2.\n\tThu ngân sách\n"
    document = read_text(text)
    assert [h.numbering for h in document.all_headings()] == ["I"]


def test_roman_items_and_letters_nest_below_numbered_items() -> None:
    text = "1. Kinh tế\n(1) Công nghiệp\n(i) Chế biến\na) Điện tử\n(2) Nông nghiệp\n"
    document = read_text(text)
    item = document.section("1", "(1)")
    assert item.child("(i)").child("a").title == "Điện tử"
    assert [h.numbering for h in document.section("1").children] == ["(1)", "(2)"]
