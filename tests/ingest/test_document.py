"""Document helpers: lines, prose, paragraphs, sections, tables, cells."""

from __future__ import annotations

import pytest

from chitieu.ingest import Cell, Document, IngestError, read_text

SMALL = "\n".join(
    [
        " *   * ",
        "I- KẾT QUẢ",
        "1. Kinh tế",
        "Tăng trưởng đạt 9%/năm trong giai đoạn",
        ". Các ngành đều tăng.",
        "",
        "PHỤ LỤC 1",
        "CHỈ TIÊU",
        "-----",
        "\tSTT",
        "\tChỉ tiêu",
        "",
        "\t1",
        "\tGRDP",
        "",
        "II- NHIỆM VỤ",
        "Phát triển nhanh.",
        "\ufffd Bình quân giai đoạn 2021-2025.",
    ]
)


@pytest.fixture(scope="module")
def small() -> Document:
    return read_text(SMALL, name="nho")


def test_line_numbers_start_at_one(small: Document) -> None:
    assert small.line(2) == "I- KẾT QUẢ"


def test_a_missing_line_is_an_error_in_vietnamese(small: Document) -> None:
    with pytest.raises(IngestError, match="Không có dòng 99"):
        small.line(99)


def test_prose_lines_skip_tables_decorations_blanks_and_footnotes(small: Document) -> None:
    numbers = [line.number for line in small.prose_lines()]
    assert numbers == [2, 3, 4, 5, 16, 17]


def test_prose_lines_can_leave_out_heading_lines(small: Document) -> None:
    numbers = [line.number for line in small.prose_lines(headings=False)]
    assert numbers == [4, 5, 17]


def test_a_paragraph_split_at_a_footnote_anchor_is_joined_again(small: Document) -> None:
    paragraph = small.paragraph_at(5)
    assert (paragraph.line, paragraph.end_line) == (4, 5)
    assert paragraph.text == "Tăng trưởng đạt 9%/năm trong giai đoạn. Các ngành đều tăng."


def test_section_follows_numberings_from_the_top(small: Document) -> None:
    assert small.section("I", "1").title == "Kinh tế"


def test_section_numbering_ignores_trailing_punctuation(small: Document) -> None:
    assert small.section("I-", "1.").line == 3


def test_an_unknown_section_is_a_key_error(small: Document) -> None:
    with pytest.raises(KeyError):
        small.section("I", "7")


def test_heading_at_gives_the_path_outermost_first(small: Document) -> None:
    assert [h.numbering for h in small.heading_at(4)] == ["I", "1"]


def test_a_line_before_any_heading_has_an_empty_path(small: Document) -> None:
    assert small.heading_at(1) == ()


def test_table_is_found_by_title_prefix_ignoring_case_and_tone_marks(small: Document) -> None:
    assert small.table("phu luc 1").caption == "CHỈ TIÊU"


def test_a_title_prefix_must_end_on_a_word_boundary(seed_document: Document) -> None:
    with pytest.raises(KeyError):
        seed_document.table("Phụ lục 1")


def test_footnote_by_number(small: Document) -> None:
    assert small.footnote(1).text == "Bình quân giai đoạn 2021-2025."


@pytest.mark.parametrize("mark", ['"', "“", "”", "〃"])
def test_a_cell_holding_only_a_ditto_mark_is_a_ditto(mark: str) -> None:
    assert Cell(f" {mark} ", 1).ditto


def test_a_cell_with_text_and_quotes_is_not_a_ditto() -> None:
    assert not Cell('"Chi bộ kiểu mẫu"', 1).ditto


def test_flat_joins_the_lines_of_a_cell_with_single_spaces() -> None:
    assert Cell("Thực hiện GĐ \n2021-2025", 1).flat == "Thực hiện GĐ 2021-2025"


def test_table_column_by_header_prefix(seed_document: Document) -> None:
    assert seed_document.table("Phụ lục 1A").column("Đơn vị") == 2


def test_row_at_finds_the_row_holding_a_line(seed_document: Document) -> None:
    row = seed_document.table("Phụ lục 1A").row_at(866)
    assert row.stt == "4"


def test_in_table_covers_title_to_last_cell(seed_document: Document) -> None:
    assert seed_document.in_table(751) and seed_document.in_table(1146)
    assert not seed_document.in_table(750)
